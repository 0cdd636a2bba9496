#include "nlp/time/consistency.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "nlp/tokenize.h"

namespace cc {

namespace {

constexpr size_t kWindow = 8;  // tokens on each side searched for event words
constexpr size_t kShared = 2;  // content words two expressions must share to be one event
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
      {"broken", "break"}, {"wrote", "write"},   {"written", "write"}};
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

struct Dated {
  size_t index;  // in doc.times
  Years years;
  bool relative;
  std::vector<std::string> cues;  // content stems near the expression, sorted, unique
};

}  // namespace

std::vector<TimeConflict> find_time_conflicts(const Document& doc) {
  std::vector<Dated> dated;
  for (size_t i = 0; i < doc.times.size() && dated.size() < kMaxDated; ++i) {
    const auto& t = doc.times[i];
    Dated d{i, {}, false, {}};
    if (t.value.type != TimexType::date || !years_of(t.value.value, &d.years)) continue;
    if (t.value.anchor == "published" || t.value.anchor == "estimated") d.relative = true;
    else if (t.value.anchor != "absolute") continue;
    size_t s = doc.sentences.first_ending_after(t.span.begin);
    if (s >= doc.sentences.size()) continue;
    size_t first = doc.sentences[s].value.first_token;
    size_t end = doc.sentences[s].value.end_token;
    size_t tb = doc.tokens.first_ending_after(t.span.begin);
    size_t te = doc.tokens.first_ending_after(t.span.end);
    size_t lo = tb > first + kWindow ? tb - kWindow : first;
    size_t hi = std::min(end, te + kWindow);
    for (size_t k = lo; k < hi; ++k) {
      if (k >= tb && k < te) continue;
      std::string stem = content_stem(ascii_lower(doc[doc.tokens[k].span]));
      if (!stem.empty()) d.cues.push_back(std::move(stem));
    }
    std::sort(d.cues.begin(), d.cues.end());
    d.cues.erase(std::unique(d.cues.begin(), d.cues.end()), d.cues.end());
    if (d.cues.size() >= kShared) dated.push_back(std::move(d));
  }
  std::vector<TimeConflict> out;
  for (const auto& r : dated) {
    if (!r.relative) continue;
    for (const auto& a : dated) {
      if (a.relative || (a.years.first <= r.years.last && r.years.first <= a.years.last)) continue;
      std::vector<std::string> shared;
      std::set_intersection(r.cues.begin(), r.cues.end(), a.cues.begin(), a.cues.end(),
                            std::back_inserter(shared));
      if (shared.size() < kShared) continue;
      const auto& rt = doc.times[r.index];
      const auto& at = doc.times[a.index];
      TimeConflict c;
      c.relative = rt.span;
      c.absolute = at.span;
      c.relative_value = rt.value.value;
      c.absolute_value = at.value.value;
      for (const auto& cue : shared) c.event += (c.event.empty() ? "" : " ") + cue;
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
