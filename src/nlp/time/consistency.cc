#include "nlp/time/consistency.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "nlp/time/tense.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

constexpr size_t kWindow = 8;  // tokens on each side searched for the trigger and participants
// Pairs are compared all against all; a news report has tens of dates, so
// past this many the rest of a (hostile) document is not checked.
constexpr size_t kMaxDated = 1000;

struct Years {
  int first = 0;
  int last = 0;
};

// The calendar years a date value covers: "2024-01/2024-02" -> 2024..2024,
// "199" -> 1990..1999. False for durations, references and unknown years.
bool years_of(std::string_view value, Years* out) {
  auto one = [](std::string_view v, int* lo, int* hi) {
    size_t n = 0;
    while (n < v.size() && n < 4 && v[n] >= '0' && v[n] <= '9') ++n;
    if (n < 3 || (n == 3 && v.size() > 3)) return false;
    int x = 0;
    for (size_t i = 0; i < n; ++i) x = x * 10 + (v[i] - '0');
    *lo = n == 4 ? x : x * 10;
    *hi = n == 4 ? x : x * 10 + 9;
    return true;
  };
  size_t slash = value.find('/');
  int lo = 0, hi = 0;
  if (!one(value.substr(0, slash), &lo, &hi)) return false;
  out->first = lo;
  out->last = hi;
  if (slash != std::string_view::npos) {
    if (!one(value.substr(slash + 1), &lo, &hi)) return false;
    out->last = hi;
  }
  return true;
}

// Stem of a word that reads as an event verb, or "" when it does not.
std::string verb_stem(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> kIrregular = {
      {"sent", "send"},    {"send", "send"},     {"sending", "send"}, {"began", "begin"},
      {"begun", "begin"},  {"went", "go"},       {"came", "come"},    {"took", "take"},
      {"taken", "take"},   {"made", "make"},     {"met", "meet"},     {"left", "leave"},
      {"held", "hold"},    {"led", "lead"},      {"fought", "fight"}, {"gave", "give"},
      {"given", "give"},   {"fell", "fall"},     {"struck", "strike"}, {"won", "win"},
      {"lost", "lose"},    {"sold", "sell"},     {"bought", "buy"},   {"paid", "pay"},
      {"brought", "bring"}, {"built", "build"},  {"spent", "spend"},  {"broke", "break"},
      {"broken", "break"}, {"wrote", "write"},   {"written", "write"}, {"rose", "rise"},
      {"risen", "rise"},   {"grew", "grow"},     {"grown", "grow"},   {"saw", "see"},
      {"seen", "see"},     {"hit", "hit"}};
  auto it = kIrregular.find(w);
  if (it != kIrregular.end()) return std::string(it->second);
  std::string s(w);
  if (s.size() >= 5 && s.ends_with("ed") && !s.ends_with("eed")) s.resize(s.size() - 2);
  else if (s.size() >= 6 && s.ends_with("ing")) s.resize(s.size() - 3);
  else return "";
  if (!s.empty() && s.back() == 'e') s.pop_back();
  // "planned" / "planning" -> "plan".
  if (s.size() >= 3 && s[s.size() - 1] == s[s.size() - 2]) s.pop_back();
  return s;
}

// Stem of a content word near a date: verbs lose their tense ("sent" ->
// "send", "deployed" -> "deploy"), nouns their plural; "" for function words.
std::string content_stem(std::string_view w) {
  static const std::unordered_set<std::string_view> kFunction = {
      "that", "this", "with", "from", "have", "has", "been", "were", "said", "says", "their",
      "they", "them", "which", "would", "will", "also", "into", "about", "after", "before",
      "since", "than", "more", "most", "over", "year", "years", "month", "months", "week",
      "weeks", "according", "there", "these", "those", "when", "where", "while", "other",
      "some", "such", "only", "further", "between", "during", "its", "it's", "what", "whom",
      "could", "should", "being", "including", "under", "amid", "against", "through", "last",
      "next", "early", "late", "later", "earlier", "first", "then", "now", "still", "just"};
  if (w.size() < 4 || kFunction.count(w)) return "";
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || c == '-')) return "";
  std::string verb = verb_stem(w);
  if (!verb.empty()) return verb;
  std::string s(w);
  if (s.size() > 4 && s.back() == 's' && !s.ends_with("ss")) s.pop_back();
  return s;
}

// Verbs that report a statement rather than tell the event: "a spokesman
// said", "according to".
bool is_reporting(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "said",   "says",    "say",   "saying", "told",    "tell",   "tells",   "reported",
      "report", "reports", "added", "adds",   "stated",  "noted",  "claimed", "according",
      "announced", "confirmed"};
  return k.count(w) > 0;
}

// Words that mark a statement as one more occurrence, not a restatement.
bool is_repeat_cue(std::string_view w) {
  return w == "again" || w == "another" || w == "anew" || w == "repeated";
}

// One dated statement: the date, the event's trigger and its participants.
struct Statement {
  size_t index = 0;  // in doc.times
  Years years;
  bool relative = false;
  std::string trigger;                    // verb stem: "send"
  bool planned = false;                   // "will send", "plans to send"
  bool repeat = false;                    // "sent again", "another visit"
  std::vector<std::string> participants;  // content stems near the date, sorted, unique
};

// Fills the trigger, mood and participants of the statement around tokens
// [tb, te) of the sentence [first, end). False when no verb is near.
bool read_statement(const Document& doc, size_t first, size_t end, size_t tb, size_t te,
                    EventClass event_class, Statement* st) {
  auto word = [&](size_t k) { return ascii_lower(doc[doc.tokens[k].span]); };
  size_t lo = tb > first + kWindow ? tb - kWindow : first;
  size_t hi = std::min(end, te + kWindow);
  // The trigger: the nearest verb (or, given event_class, any word of an
  // event class, "deployment"), left first as English puts the verb before
  // its time adjunct ("sent troops this year"), but not across a clause
  // boundary ("the report, issued Thursday, states that between January and
  // February the troops were deployed"). Inflected forms are verbs; a base
  // form is one after a modal or "to" ("will visit").
  size_t trigger_at = hi;
  auto verb_at = [&](size_t k) -> std::string {
    std::string x = word(k);
    if (is_reporting(x) || content_stem(x).empty()) return "";
    if (event_class) {
      std::string_view cls = event_class(x);
      if (!cls.empty()) return std::string(cls);
    }
    std::string stem = verb_stem(x);
    if (stem.empty() && k > first && !doc.tokens[k].value.capitalized) {  // not "to Russia"
      std::string before = word(k - 1);
      if (before == "to" || tense_of_word(before) == Tense::future) stem = content_stem(x);
    }
    return stem;
  };
  for (size_t k = tb; k > lo && trigger_at == hi;) {
    --k;
    std::string x = word(k);
    if (x == "," || x == ";" || x == ":" || x == "that" || x == "which" || x == "who") break;
    if (std::string stem = verb_at(k); !stem.empty()) st->trigger = std::move(stem), trigger_at = k;
  }
  for (size_t k = te; k < hi && trigger_at == hi; ++k)
    if (std::string stem = verb_at(k); !stem.empty()) st->trigger = std::move(stem), trigger_at = k;
  if (trigger_at == hi) return false;
  // Planned when a modal, a plan word or "to" comes just before the trigger.
  for (size_t back = 1; back <= 3 && trigger_at >= first + back; ++back) {
    std::string x = word(trigger_at - back);
    if (x == "to" || tense_of_word(x) == Tense::future) st->planned = true;
  }
  for (size_t k = lo; k < hi; ++k) {
    if ((k >= tb && k < te) || k == trigger_at) continue;
    std::string x = word(k);
    if (is_repeat_cue(x)) st->repeat = true;
    if (is_reporting(x)) continue;
    std::string stem = content_stem(x);
    if (!stem.empty() && stem != st->trigger) st->participants.push_back(std::move(stem));
  }
  std::sort(st->participants.begin(), st->participants.end());
  st->participants.erase(std::unique(st->participants.begin(), st->participants.end()),
                         st->participants.end());
  return true;
}

}  // namespace

std::vector<TimeConflict> find_time_conflicts(const Document& doc, EventClass event_class) {
  std::vector<Statement> dated;
  for (size_t i = 0; i < doc.times.size() && dated.size() < kMaxDated; ++i) {
    const auto& t = doc.times[i];
    Statement st;
    st.index = i;
    if (t.value.type != TimexType::date || !years_of(t.value.value, &st.years)) continue;
    if (t.value.anchor == "published" || t.value.anchor == "estimated") st.relative = true;
    else if (t.value.anchor != "absolute") continue;
    size_t s = doc.sentences.first_ending_after(t.span.begin);
    if (s >= doc.sentences.size()) continue;
    size_t tb = doc.tokens.first_ending_after(t.span.begin);
    size_t te = doc.tokens.first_ending_after(t.span.end);
    if (read_statement(doc, doc.sentences[s].value.first_token, doc.sentences[s].value.end_token,
                       tb, te, event_class, &st))
      dated.push_back(std::move(st));
  }
  std::vector<TimeConflict> out;
  for (const auto& r : dated) {
    if (!r.relative || r.repeat) continue;
    for (const auto& a : dated) {
      if (a.relative || a.repeat || a.trigger != r.trigger || a.planned != r.planned ||
          (a.years.first <= r.years.last && r.years.first <= a.years.last))
        continue;
      std::vector<std::string> shared;
      std::set_intersection(r.participants.begin(), r.participants.end(), a.participants.begin(),
                            a.participants.end(), std::back_inserter(shared));
      if (shared.empty()) continue;
      const auto& rt = doc.times[r.index];
      const auto& at = doc.times[a.index];
      TimeConflict c;
      c.relative = rt.span;
      c.absolute = at.span;
      c.relative_value = rt.value.value;
      c.absolute_value = at.value.value;
      c.event = r.trigger;
      for (const auto& p : shared) c.event += " " + p;
      c.explanation.append("\"").append(doc[rt.span]).append("\" places '").append(c.event);
      c.explanation.append("' in ").append(rt.value.value).append(" (from the ");
      c.explanation.append(rt.value.anchor).append(" date), but the same report dates it ");
      c.explanation.append(at.value.value).append(" (\"").append(doc[at.span]).append("\")");
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace cc
