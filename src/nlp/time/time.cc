#include "nlp/time/time.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nlp/time/calendar.h"
#include "nlp/time/publication.h"
#include "nlp/time/tense.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

constexpr int kNoYear = INT_MIN;
// Tokens searched for a tense word: first this near an expression, then, if
// none is found, this far (the sentence's main verb can be far away).
constexpr size_t kNearTense = 12;
constexpr size_t kFarTense = 40;

// What a matched expression denotes before it is written as a TIMEX3 value.
enum class Gran : uint8_t { year, decade, century, month, day, week, season, quarter, half, time, literal };

struct Val {
  Gran gran = Gran::literal;
  TimexType type = TimexType::date;
  int y = kNoYear;
  int m = 0, d = 0;
  int sub = 0;          // week number, season index (0 SP .. 3 WI), quarter or half
  int hour = -1, minute = 0;
  std::string part;     // part of day for times: "MO", "AF", "EV", "NI"
  bool year_given = false;  // the text itself states the year
  bool relative = false;    // computed from the anchor date
  bool from_text = false;   // computed from another expression in the text
  bool bare_day = false;    // a day of the month alone ("the 19th"): month from context
  std::string literal;      // the whole value when gran == literal
  std::string mod;
  std::string note;
};

struct Match {
  size_t end = 0;  // one past the last token
  Val v;
};

const char* const kSeasonCodes[] = {"SP", "SU", "FA", "WI"};
// First month of each season (northern hemisphere, as news uses them).
const int kSeasonStart[] = {3, 6, 9, 12};

std::string format_value(const Val& v) {
  char buf[48];
  auto year = [&](char* out, size_t n) {
    if (v.y == kNoYear) std::snprintf(out, n, "XXXX");
    else std::snprintf(out, n, "%04d", v.y);
  };
  char y[16];
  year(y, sizeof y);
  switch (v.gran) {
    case Gran::literal: return v.literal;
    case Gran::year: return y;
    case Gran::decade:
      if (v.y == kNoYear) return "XXX";
      std::snprintf(buf, sizeof buf, "%03d", v.y / 10);
      return buf;
    case Gran::century:
      std::snprintf(buf, sizeof buf, "%02d", v.y / 100);
      return buf;
    case Gran::month: std::snprintf(buf, sizeof buf, "%s-%02d", y, v.m); return buf;
    case Gran::day: std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y, v.m, v.d); return buf;
    case Gran::week: std::snprintf(buf, sizeof buf, "%s-W%02d", y, v.sub); return buf;
    case Gran::season: std::snprintf(buf, sizeof buf, "%s-%s", y, kSeasonCodes[v.sub]); return buf;
    case Gran::quarter: std::snprintf(buf, sizeof buf, "%s-Q%d", y, v.sub); return buf;
    case Gran::half: std::snprintf(buf, sizeof buf, "%s-H%d", y, v.sub); return buf;
    case Gran::time: {
      char date[24];
      if (v.m == 0) std::snprintf(date, sizeof date, "XXXX-XX-XX");
      else std::snprintf(date, sizeof date, "%s-%02d-%02d", y, v.m, v.d);
      if (v.hour >= 0) std::snprintf(buf, sizeof buf, "%sT%02d:%02d", date, v.hour, v.minute);
      else std::snprintf(buf, sizeof buf, "%sT%s", date, v.part.c_str());
      return buf;
    }
  }
  return v.literal;
}

const std::unordered_map<std::string_view, int>& month_names() {
  static const std::unordered_map<std::string_view, int> k = {
      {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
      {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}};
  return k;
}
const std::unordered_map<std::string_view, int>& month_abbreviations() {
  static const std::unordered_map<std::string_view, int> k = {
      {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
      {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
  return k;
}
const std::unordered_map<std::string_view, int>& weekday_names() {
  static const std::unordered_map<std::string_view, int> k = {
      {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4},
      {"friday", 5}, {"saturday", 6}, {"sunday", 7}};
  return k;
}
const std::unordered_map<std::string_view, int>& number_words() {
  static const std::unordered_map<std::string_view, int> k = {
      {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
      {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
      {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
      {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
      {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
      {"eighty", 80},  {"ninety", 90},    {"hundred", 100}};
  return k;
}
const std::unordered_map<std::string_view, int>& ordinal_words() {
  static const std::unordered_map<std::string_view, int> k = {
      {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"1st", 1}, {"2nd", 2},
      {"3rd", 3},   {"4th", 4},    {"last", 4}};
  return k;
}

// Duration units: TIMEX3 letter, whether it is a time (PT..) unit, and how
// many of the letter one unit is ("fortnight" = 2 W).
struct Unit {
  const char* letter;
  bool time;
  int factor;
  Gran gran;  // granularity of a date this many units away
};
const std::unordered_map<std::string_view, Unit>& units() {
  static const std::unordered_map<std::string_view, Unit> k = {
      {"second", {"S", true, 1, Gran::time}},   {"seconds", {"S", true, 1, Gran::time}},
      {"minute", {"M", true, 1, Gran::time}},   {"minutes", {"M", true, 1, Gran::time}},
      {"min", {"M", true, 1, Gran::time}},      {"mins", {"M", true, 1, Gran::time}},
      {"hour", {"H", true, 1, Gran::time}},     {"hours", {"H", true, 1, Gran::time}},
      {"hr", {"H", true, 1, Gran::time}},       {"hrs", {"H", true, 1, Gran::time}},
      {"day", {"D", false, 1, Gran::day}},      {"days", {"D", false, 1, Gran::day}},
      {"night", {"D", false, 1, Gran::day}},    {"nights", {"D", false, 1, Gran::day}},
      {"week", {"W", false, 1, Gran::week}},    {"weeks", {"W", false, 1, Gran::week}},
      {"fortnight", {"W", false, 2, Gran::week}},
      {"month", {"M", false, 1, Gran::month}},  {"months", {"M", false, 1, Gran::month}},
      {"quarter", {"Q", false, 1, Gran::quarter}}, {"quarters", {"Q", false, 1, Gran::quarter}},
      {"year", {"Y", false, 1, Gran::year}},    {"years", {"Y", false, 1, Gran::year}},
      {"yr", {"Y", false, 1, Gran::year}},      {"yrs", {"Y", false, 1, Gran::year}},
      {"decade", {"Y", false, 10, Gran::decade}}, {"decades", {"Y", false, 10, Gran::decade}},
      {"century", {"Y", false, 100, Gran::century}}, {"centuries", {"Y", false, 100, Gran::century}}};
  return k;
}
std::optional<Unit> unit_of(std::string_view w) {
  auto it = units().find(w);
  if (it == units().end()) return std::nullopt;
  return it->second;
}

int season_of(std::string_view w) {
  if (w == "spring") return 0;
  if (w == "summer") return 1;
  if (w == "fall" || w == "autumn") return 2;
  if (w == "winter") return 3;
  return -1;
}

// Parses up to `max_digits` ASCII digits making up all of `s`.
bool parse_int(std::string_view s, size_t max_digits, int* out) {
  if (s.empty() || s.size() > max_digits) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// Ordinal words for days of the month: "first" .. "thirty-first".
const std::unordered_map<std::string, int>& day_ordinals() {
  static const std::unordered_map<std::string, int> k = [] {
    const char* const ones[] = {"first", "second", "third", "fourth", "fifth",
                                "sixth", "seventh", "eighth", "ninth"};
    const char* const teens[] = {"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                                 "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                 "nineteenth"};
    std::unordered_map<std::string, int> m;
    for (int i = 0; i < 9; ++i) {
      m[ones[i]] = i + 1;
      m[std::string("twenty-") + ones[i]] = 21 + i;
    }
    for (int i = 0; i < 10; ++i) m[teens[i]] = 10 + i;
    m["twentieth"] = 20;
    m["thirtieth"] = 30;
    m["thirty-first"] = 31;
    return m;
  }();
  return k;
}

// "27", "27th", "1st", "eighth": a day of month 1..31.
bool parse_day(std::string_view s, int* out) {
  int scratch = 0;
  int* day = out ? out : &scratch;
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
    auto it = day_ordinals().find(std::string(s));
    if (it == day_ordinals().end()) return false;
    *day = it->second;
    return true;
  }
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  std::string_view suffix = s.substr(n);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th")
    return false;
  return parse_int(s.substr(0, n), 2, day) && *day >= 1 && *day <= 31;
}

bool is_year_number(std::string_view s, int* year) {
  return parse_int(s, 4, year) && s.size() == 4 && *year >= 1000;
}

bool is_meridiem(std::string_view t) {
  return t == "pm" || t == "p.m." || t == "p.m" || t == "am" || t == "a.m." || t == "a.m";
}

bool is_time_zone(std::string_view t) {
  return t == "gmt" || t == "utc" || t == "et" || t == "est" || t == "edt" || t == "pt" ||
         t == "pst" || t == "cet" || t == "msk";
}

// Words that can begin a time expression. Every pattern starts with one of
// these, a number, or a hyphenated token, so the scanner skips other tokens
// with one lookup.
bool may_start(std::string_view w) {
  static const std::unordered_set<std::string_view> kStarts = [] {
    std::unordered_set<std::string_view> k = {
        "a", "an", "the", "this", "last", "next", "past", "previous", "coming", "current",
        "early", "earlier", "late", "later", "mid", "around", "about", "approximately",
        "roughly", "nearly", "almost", "under", "over", "more", "less", "fewer", "at", "up",
        "every", "each", "once", "twice", "daily", "weekly", "monthly", "yearly", "annually",
        "quarterly", "hourly", "nightly", "biweekly", "biannually", "today", "yesterday",
        "tomorrow", "tonight", "now", "nowadays", "currently", "these", "right", "recently",
        "lately", "formerly", "recent", "noon", "midnight", "nineteen", "eighteen", "spring",
        "summer", "fall", "autumn", "winter", "q1", "q2", "q3", "q4", "h1", "h2", "several",
        "few", "many", "some", "half", "mid-", "christmas", "new", "overnight", "soon", "morning",
        "afternoon", "evening", "night", "fiscal", "that", "end", "upcoming", "future",
        "beginning", "start", "middle", "month", "week"};
    for (const auto& m : {&month_names(), &month_abbreviations(), &weekday_names(),
                          &number_words(), &ordinal_words()})
      for (const auto& [name, value] : *m) k.insert(name);
    for (const auto& [name, unit] : units()) k.insert(name);  // "for years"
    return k;
  }();
  if (w.empty()) return false;
  if ((w[0] >= '0' && w[0] <= '9') || w[0] == '\'' || w == "\u2019" ||
      w.find('-') != std::string_view::npos)
    return true;
  if (kStarts.count(w)) return true;
  // "weeklong", "yearlong".
  if (w.size() > 4 && w.ends_with("long") && units().count(w.substr(0, w.size() - 4))) return true;
  // Plural weekdays: "on Mondays".
  return w.size() > 6 && w.back() == 's' && weekday_names().count(w.substr(0, w.size() - 1));
}

class Scanner {
 public:
  Scanner(const Document& doc, const PartialDate& anchor, std::string_view anchor_kind)
      : doc_(doc), a_(anchor), anchor_kind_(anchor_kind) {
    words_.reserve(doc.tokens.size());
    for (const auto& t : doc.tokens) {
      std::string w = ascii_lower(doc[t.span]);
      // "Jan." and "Sept." arrive as one token with their period.
      if (w.size() > 2 && w.back() == '.' && w.find('.') == w.size() - 1) w.pop_back();
      starts_.push_back(may_start(w));
      words_.push_back(std::move(w));
    }
  }

  void run(Layer<Timex>* out) {
    bool previous_names_quarter = false;
    const auto& sentences = doc_.sentences;
    for (size_t si = 0; si < sentences.size(); ++si) {
      sb_ = sentences[si].value.first_token;
      se_ = sentences[si].value.end_token;
      // The tokenizer ends a sentence at "p.m." before a capital, which cuts
      // "5 p.m. EST Nov. 9" in two; such a sentence runs on into the next.
      while (si + 1 < sentences.size() && se_ > sb_ && se_ == sentences[si + 1].value.first_token &&
             is_meridiem(words_[se_ - 1]) && continues_clock(se_)) {
        ++si;
        se_ = sentences[si].value.end_token;
      }
      // Results are reported over two sentences ("Third-quarter profit rose.
      // It was $2 a share a year earlier."), so the previous one counts too.
      bool names_quarter = false;
      for (size_t k = sb_; k < se_ && !names_quarter; ++k)
        names_quarter = words_[k] == "quarter" || words_[k].ends_with("-quarter") || words_[k] == "period";
      about_quarter_ = names_quarter || previous_names_quarter;
      previous_names_quarter = names_quarter;
      for (size_t i = sb_; i < se_;) {
        if (!starts_[i]) {
          ++i;
          continue;
        }
        auto m = match(i);
        if (!m) {
          ++i;
          continue;
        }
        if (is_quoted_title(i, m->end)) {
          i = m->end;
          continue;
        }
        i = emit(i, *m, out);
      }
    }
  }

 private:
  // Whether the token at k (which opens a sentence) can carry on a clock
  // time: a time zone, a weekday, a month or today/yesterday/tomorrow.
  bool continues_clock(size_t k) const {
    if (k >= words_.size()) return false;
    const std::string& x = words_[k];
    return is_time_zone(x) || weekday_names().count(x) || month_names().count(x) ||
           month_abbreviations().count(x) || x == "today" || x == "yesterday" || x == "tomorrow";
  }

  // A programme or book title, not a date: every word of the expression
  // capitalized inside a sentence, just after an opening quote (ABC's "This
  // Week"). A quoted sentence capitalizes only its first word.
  bool is_quoted_title(size_t begin, size_t end) const {
    if (end - begin < 2 || begin == sb_) return false;
    std::string_view q = w(begin - 1);
    if (q != "\"" && q != "\u201c" && q != "`") return false;  // "``" arrives as two tokens
    for (size_t k = begin; k < end; ++k)
      if (!capitalized(k)) return false;
    return true;
  }

  std::string_view w(size_t i) const { return i < se_ ? std::string_view(words_[i]) : ""; }
  bool is(size_t i, std::string_view s) const { return w(i) == s; }
  bool capitalized(size_t i) const { return i < se_ && doc_.tokens[i].value.capitalized; }
  bool is_number(size_t i) const { return i < se_ && doc_.tokens[i].value.kind == TokenKind::number; }

  // ---- anchoring ----

  bool anchor_has(DatePrecision p) const { return a_.precision >= p; }
  std::string anchor_missing_note(const char* what) const {
    if (!a_.known()) return std::string("no publication date: ") + what + " cannot be placed";
    return "publication date known only to " + a_.iso() + ": " + what + " cannot be placed";
  }

  Tense tense_at(size_t begin, size_t end) const {
    // The verb an expression modifies mostly comes before it ("the convoy
    // arrived on Thursday"), so the left side is read first.
    for (size_t reach : {kNearTense, kFarTense}) {
      for (size_t dist = 1; dist <= reach && begin >= sb_ + dist; ++dist) {
        Tense t = tense_word_at(begin - dist);
        if (t != Tense::unknown) return t;
        // A present-tense verb nearer than any tense word is the date's
        // clause: "The sale, which had been expected, is part of a program
        // to pay down debt by February".
        if (w(begin - dist) == "is" || w(begin - dist) == "are") return Tense::unknown;
        // News tells scheduled events in the present, the verb just before
        // its date: "the leaders meet Monday", "is to resume trading Tuesday".
        size_t k = begin - dist;
        if (dist <= 6 && is_scheduling_verb(w(k)) && !(k > sb_ && is_determiner(w(k - 1))))
          return Tense::future;
      }
      for (size_t dist = 1; dist <= reach && end + dist - 1 < se_; ++dist) {
        Tense t = tense_word_at(end + dist - 1);
        if (t != Tense::unknown) return t;
      }
    }
    return Tense::unknown;
  }
  Tense tense_word_at(size_t k) const {
    Tense t = tense_of_word(w(k));
    // A participle after "be" is passive, not past: "will be held".
    if (t == Tense::past && k > sb_ && (w(k - 1) == "be" || w(k - 1) == "being"))
      return Tense::unknown;
    // After an article it is an adjective: "a (still) unspecified date".
    if (t == Tense::past && k > sb_ && w(k).ends_with("ed")) {
      std::string_view p = w(k - 1);
      bool adverb = p == "still" || p == "newly" || p == "very" || p.ends_with("ly");
      if (is_determiner(p) || (adverb && k > sb_ + 1 && is_determiner(w(k - 2)))) return Tense::unknown;
    }
    // Future words that are also nouns or participles count only as verbs:
    // "set to expire", not "a record set on Aug. 6"; "plans to", not "the plan".
    std::string_view x = w(k);
    if (t == Tense::future && (x == "set" || x == "due") && !is(k + 1, "to") && !is(k + 1, "for"))
      return Tense::unknown;
    if (t == Tense::future && k > sb_ && is_determiner(w(k - 1)) && x.starts_with("plan"))
      return Tense::unknown;
    // "is to resume trading Tuesday": a plan.
    if (x == "to" && k > sb_ && (w(k - 1) == "is" || w(k - 1) == "are")) return Tense::future;
    // A future seen from the past is past: "had been due to expire Friday".
    if (t == Tense::future)
      for (size_t back = 1; back <= 3 && k >= sb_ + back; ++back) {
        std::string_view p = w(k - back);
        if (p == "was" || p == "were" || p == "been" || p == "had") return Tense::past;
        if (back == 1 && (p == "previously" || p == "originally")) return Tense::past;
      }
    return t;
  }

  // Year of a month/day with no year given. Writers leave the year out when
  // the date is close, so take the occurrence nearest the anchor; a
  // past-tense sentence means the last one before it unless the next is
  // within two months (scheduled dates: "payable Dec. 15"), a future-tense
  // one the next. A period that "ended" on the date puts it strictly before.
  // The anchor's own month is this year's. `begin` is the date's first token.
  void anchor_year(Val* v, int month, int day, Tense tense, size_t begin) const {
    v->relative = true;
    if (!anchor_has(DatePrecision::year)) {
      v->note = anchor_missing_note("the year");
      return;
    }
    int y = a_.year;
    v->y = y;
    bool ended = begin > sb_ && w(begin - 1) == "ended";
    if (!anchor_has(DatePrecision::month) || (month == a_.month && !ended)) return;
    auto day_of = [&](int year) {
      int d = day ? day : 15;
      return days_from_civil(year, month, std::min(d, days_in_month(year, month)));
    };
    int64_t here = days_from_civil(y, a_.month, anchor_has(DatePrecision::day) ? a_.day : 15);
    int64_t same = day_of(y);
    int prev_year = same < here ? y : y - 1;
    int next_year = same > here ? y : y + 1;
    int64_t before = here - day_of(prev_year), after = day_of(next_year) - here;
    if (ended) v->y = prev_year;
    else if (tense == Tense::future) v->y = next_year;
    else if (tense == Tense::past) v->y = after <= 61 ? next_year : prev_year;
    else v->y = after <= before ? next_year : prev_year;
  }

  // A date `n` units away from the anchor.
  Val shift(Gran gran, int n) const { return shift_from(a_, gran, n); }

  // A date `n` units away from `base` (the anchor, or a date the text named).
  Val shift_from(const PartialDate& base, Gran gran, int n) const {
    auto has = [&](DatePrecision p) { return base.precision >= p; };
    Val v;
    v.relative = true;
    v.gran = gran;
    switch (gran) {
      case Gran::year:
      case Gran::decade:
      case Gran::century:
        if (!has(DatePrecision::year)) break;
        v.y = base.year + n * (gran == Gran::year ? 1 : gran == Gran::decade ? 10 : 100);
        if (gran == Gran::year && v.y >= 1 && v.y <= 9999) return v;
        if (gran != Gran::year) {
          v.gran = Gran::year;  // "two decades ago": the year, not the decade
          if (v.y >= 1 && v.y <= 9999) return v;
        }
        break;
      case Gran::month:
      case Gran::quarter: {
        if (!has(DatePrecision::month)) break;
        int months = gran == Gran::month ? n : 3 * n;
        int total = base.year * 12 + (base.month - 1) + months;
        v.y = total / 12;
        v.m = total % 12 + 1;
        if (gran == Gran::quarter) v.sub = (v.m - 1) / 3 + 1;
        if (v.y >= 1 && v.y <= 9999) return v;
        break;
      }
      case Gran::day:
      case Gran::week: {
        if (!has(DatePrecision::day)) break;
        int64_t days = days_from_civil(base.year, base.month, base.day) + (gran == Gran::week ? 7 * n : n);
        CivilDate c = civil_from_days(days);
        if (c.year < 1 || c.year > 9999) break;
        v.y = c.year;
        v.m = c.month;
        v.d = c.day;
        if (gran == Gran::week) v.sub = iso_week(days, &v.y);
        return v;
      }
      default:
        break;
    }
    // Not enough anchor to place it: say what is known.
    Val u;
    u.relative = true;
    u.gran = Gran::literal;
    switch (gran) {
      case Gran::month: u.literal = "XXXX-XX"; break;
      case Gran::quarter: u.literal = "XXXX-QX"; break;
      case Gran::week: u.literal = "XXXX-WXX"; break;
      case Gran::day: u.literal = "XXXX-XX-XX"; break;
      default: u.literal = "XXXX"; break;
    }
    u.note = anchor_missing_note("the date");
    return u;
  }

  // The weekday nearest the anchor in the tense's direction; news mostly
  // reports what happened, so an unknown tense counts as past. `offset` -1 /
  // +1 ("last Monday", "next Monday") means that day of the previous / next
  // ISO week; `in_week` takes that day of the anchor's week shifted by
  // `offset` even when it is 0 ("this week Friday"). `extra_days` moves the
  // result ("the previous Friday": a week before the last one).
  Val weekday(int wd, Tense tense, int offset = 0, int extra_days = 0, bool in_week = false) const {
    Val v;
    v.relative = true;
    if (!anchor_has(DatePrecision::day)) {
      v.literal = "XXXX-WXX-" + std::to_string(wd);
      v.note = anchor_missing_note("the weekday");
      return v;
    }
    int64_t today = days_from_civil(a_.year, a_.month, a_.day);
    int diff = wd - iso_weekday(today);  // -6..6
    int64_t day;
    if (offset != 0 || in_week) day = today + diff + 7 * offset;
    else if (tense == Tense::future) day = today + (diff >= 0 ? diff : diff + 7);
    else day = today + (diff <= 0 ? diff : diff - 7);
    CivilDate c = civil_from_days(day + extra_days);
    v.gran = Gran::day;
    v.y = c.year;
    v.m = c.month;
    v.d = c.day;
    return v;
  }

  Val season(int s, int year_offset, Tense tense) const {
    Val v;
    v.gran = Gran::season;
    v.sub = s;
    v.relative = true;
    if (!anchor_has(DatePrecision::year)) {
      v.note = anchor_missing_note("the season's year");
      return v;
    }
    v.y = a_.year;
    if (!anchor_has(DatePrecision::month)) {
      v.y += year_offset;
      return v;
    }
    // The latest start of this season on or before the anchor month (winter
    // starts in December of the year it is named after).
    int start = kSeasonStart[s];
    int latest = a_.month >= start ? a_.year : a_.year - 1;
    bool in_progress = (a_.month - start + 12) % 12 < 3;
    if (year_offset < 0) v.y = in_progress ? latest - 1 : latest;  // "last fall": the last one over
    else if (year_offset > 0) v.y = latest + 1;                    // "next spring"
    else if (tense == Tense::past) v.y = latest;
    else if (tense == Tense::future) v.y = in_progress ? latest : latest + 1;
    else v.y = in_progress ? latest : a_.year;
    return v;
  }

  // ---- numbers ----

  // A count at i: "3", "1.5", "three", "twenty four", "twenty-four", "a",
  // "a few" (X), "several" (X), "a couple of" (2). Sets *end and *count.
  bool count_at(size_t i, size_t* end, std::string* count, bool allow_article) const {
    std::string_view x = w(i);
    int n = 0;
    if (is_number(i)) {
      if (parse_int(x, 4, &n)) {
        *count = std::to_string(n);
        *end = i + 1;
        // "2 1/2" (tokenized "2" "1" "/" "2"), "2 and a half".
        if (is(i + 1, "1") && is(i + 2, "/") && is(i + 3, "2")) {
          *count += ".5";
          *end = i + 4;
        } else if (and_a_half_at(i + 1)) {
          *count += ".5";
          *end = i + 4;
        }
        return true;
      }
      size_t dot = x.find('.');
      int whole = 0, frac = 0;
      if (dot != std::string_view::npos && parse_int(x.substr(0, dot), 4, &whole) &&
          parse_int(x.substr(dot + 1), 2, &frac)) {
        *count = std::string(x);
        *end = i + 1;
        return true;
      }
      return false;
    }
    if (x == "a" || x == "an") {
      if (is(i + 1, "few")) {
        *count = "X";
        *end = i + 2;
        return true;
      }
      if (is(i + 1, "couple") && is(i + 2, "of")) {
        *count = "2";
        *end = i + 3;
        return true;
      }
      if (!allow_article) return false;
      *count = "1";
      *end = i + 1;
      return true;
    }
    if (x == "couple" && is(i + 1, "of")) {  // "the next couple of years"
      *count = "2";
      *end = i + 2;
      return true;
    }
    if (x == "several" || x == "few" || x == "many" || x == "some") {
      *count = "X";
      *end = i + 1;
      return true;
    }
    if (x == "half" && (is(i + 1, "a") || is(i + 1, "an"))) {
      *count = "0.5";
      *end = i + 2;
      return true;
    }
    int value = 0;
    size_t j = i;
    // "twenty-four" arrives as one token.
    auto word_value = [&](std::string_view t, int* v) {
      size_t dash = t.find('-');
      if (dash == std::string_view::npos) {
        auto it = number_words().find(t);
        if (it == number_words().end()) return false;
        *v = it->second;
        return true;
      }
      auto a = number_words().find(t.substr(0, dash));
      auto b = number_words().find(t.substr(dash + 1));
      if (a == number_words().end() || b == number_words().end() || a->second < 20 ||
          a->second % 10 != 0 || b->second > 9)
        return false;
      *v = a->second + b->second;
      return true;
    };
    int v = 0;
    if (!word_value(x, &v)) return false;
    value = v;
    ++j;
    if (value >= 20 && value % 10 == 0 && value < 100 && word_value(w(j), &v) && v < 10) {
      value += v;
      ++j;
    }
    *count = std::to_string(value);
    if (and_a_half_at(j)) {  // "two and a half"
      *count += ".5";
      j += 3;
    }
    *end = j;
    return true;
  }

  // Whether "a <unit>" at i follows an amount, making it a rate: "$5 a
  // year", "$2 million a year", "20% a year", "four flights a week", "700
  // seats a week".
  bool is_rate_before(size_t i) const {
    auto amount = [&](size_t k) {
      std::string_view p = w(k);
      return is_number(k) || number_words().count(p) || p == "million" || p == "billion" ||
             p == "trillion" || p == "thousand" || p == "%" || p == "percent";
    };
    if (i == sb_) return false;
    if (amount(i - 1)) return true;
    // A counted plural noun: "four flights", "fifty thousand CDs".
    std::string_view noun = w(i - 1);
    return i >= sb_ + 2 && noun.size() > 2 && noun.ends_with('s') && noun != "times" && amount(i - 2);
  }

  // Whether the word before i counts or places what follows ("nine months
  // of", "the first hours of", "the early hours of Sunday", "the days of
  // the empire").
  bool counts_before(size_t i) const {
    if (i == sb_) return false;
    std::string_view p = w(i - 1);
    return is_number(i - 1) || number_words().count(p) || ordinal_words().count(p) ||
           day_ordinals().count(std::string(p)) || p == "few" || p == "several" || p == "many" ||
           p == "the" || p == "those" || p == "these" || p == "next" || p == "past" ||
           p == "early" || p == "late" || p == "small" || p == "wee" || p == "final" ||
           p == "closing" || p == "opening" || p == "dying";
  }

  bool and_a_half_at(size_t k) const { return is(k, "and") && is(k + 1, "a") && is(k + 2, "half"); }

  // ---- patterns ----

  std::optional<Match> match(size_t i) const {
    // Prefix modifiers that belong to the expression: "early", "the end of".
    std::string mod;
    size_t j = i;
    std::string_view x = w(i);
    if (x == "the" && (is(i + 1, "end") || is(i + 1, "beginning") || is(i + 1, "start") ||
                       is(i + 1, "middle") || is(i + 1, "close") || is(i + 1, "turn")) &&
        is(i + 2, "of")) {
      std::string_view k = w(i + 1);
      mod = k == "end" || k == "close" ? "END" : k == "middle" ? "MID" : "START";
      j = i + 3;
    } else if ((x == "end" || x == "beginning" || x == "start" || x == "middle") && is(i + 1, "of")) {
      mod = x == "end" ? "END" : x == "middle" ? "MID" : "START";
      j = i + 2;
    } else if (x == "early" || x == "earlier") {
      mod = "START";
      j = i + 1;
    } else if (x == "late" || x == "later") {
      mod = "END";
      j = i + 1;
    } else if (x == "mid" || x == "mid-") {
      mod = "MID";
      j = i + 1;
      if (is(j, "-")) ++j;
    } else if (x == "around" || x == "about" || x == "approximately" || x == "roughly") {
      mod = "APPROX";
      j = i + 1;
    } else if (x == "nearly" || x == "almost" || x == "under") {
      mod = "LESS_THAN";
      j = i + 1;
    } else if (x == "over" && !is(i + 1, "the")) {
      mod = "MORE_THAN";
      j = i + 1;
    } else if ((x == "more" || x == "less" || x == "fewer") && is(i + 1, "than")) {
      mod = x == "more" ? "MORE_THAN" : "LESS_THAN";
      j = i + 2;
    } else if (x == "at" && (is(i + 1, "least") || is(i + 1, "most"))) {
      mod = is(i + 1, "least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
      j = i + 2;
    } else if (x == "up" && is(i + 1, "to")) {
      mod = "EQUAL_OR_LESS";
      j = i + 2;
    }
    if (j != i) {
      std::optional<Match> core;
      auto unit = unit_of(w(j + 1));
      if (is(j, "the") && unit && (unit->gran == Gran::year || unit->gran == Gran::month ||
                                   unit->gran == Gran::week || unit->gran == Gran::quarter))
        core = Match{j + 2, shift(unit->gran, 0)};  // "the end of the year"
      else
        core = match_core(j);
      if (!core) return match_core(i);  // "mid afternoon" is not "mid" + a date
      // Point modifiers need a point; amount modifiers need an amount.
      bool amount = core->v.type == TimexType::duration;
      bool point_mod = mod == "START" || mod == "END" || mod == "MID";
      if (mod != "APPROX" && amount == point_mod) return std::nullopt;
      if (core->v.mod.empty()) core->v.mod = mod;
      return core;
    }
    // "(the) month of July" is July; "(the) week of November 30" the week
    // holding that day.
    size_t of = x == "the" ? i + 1 : i;
    if ((is(of, "month") || is(of, "week")) && is(of + 1, "of") && month_at(of + 2) != 0) {
      auto core = match_month(of + 2);
      if (core && is(of, "month") && core->v.gran == Gran::month) return core;
      if (core && is(of, "week") && core->v.gran == Gran::day && core->v.y != kNoYear) {
        int64_t days = days_from_civil(core->v.y, core->v.m, core->v.d);
        core->v.gran = Gran::week;
        core->v.sub = iso_week(days, &core->v.y);
        return core;
      }
    }
    // "mid-March", "mid-2024", "mid-1990s" arrive as one token.
    if (x.starts_with("mid-") && x.size() > 4) {
      Val v;
      std::string_view rest = x.substr(4);
      int n = 0;
      auto mn = month_names().find(rest);
      if (mn != month_names().end()) {
        v.gran = Gran::month;
        v.m = mn->second;
        anchor_year(&v, v.m, 15, tense_at(i, i + 1), i);
        if (is_year_number(w(i + 1), &n)) {
          v.y = n;
          v.year_given = true;
          v.relative = false;
          v.note.clear();
          v.mod = "MID";
          return Match{i + 2, v};
        }
      } else if (is_year_number(rest, &n)) {
        v.gran = Gran::year;
        v.y = n;
        v.year_given = true;
      } else if (rest.size() == 5 && rest.back() == 's' && is_year_number(rest.substr(0, 4), &n) &&
                 n % 10 == 0) {
        v.gran = Gran::decade;
        v.y = n;
        v.year_given = true;
      } else {
        return match_core(i);  // "mid-afternoon"
      }
      v.mod = "MID";
      return Match{i + 1, v};
    }
    return match_core(i);
  }

  std::optional<Match> match_core(size_t i) const {
    if (is(i, "fiscal") && is_number(i + 1)) {  // "fiscal 1989": the fiscal year
      auto m = match_numeric(i + 1);
      if (m && m->v.gran == Gran::year) return m;
    }
    if (auto m = match_century_or_decade(i)) return m;
    if (auto m = match_results_period(i)) return m;
    if (auto m = match_narrative(i)) return m;
    if (auto m = match_bare_day(i)) return m;
    if (auto m = match_quarter(i)) return m;
    if (auto m = match_numeric(i)) return m;
    if (auto m = match_clock(i)) return m;  // "seven o'clock"
    if (auto m = match_spoken_year(i)) return m;
    if (auto m = match_month(i)) return m;
    if (auto m = match_weekday(i)) return m;
    if (auto m = match_duration(i)) return m;
    if (auto m = match_relative(i)) return m;
    if (auto m = match_set(i)) return m;
    if (auto m = match_season(i)) return m;
    return std::nullopt;
  }

  // "the 20th century", "the nineteenth century" (value "19"), "the
  // nineties" (the 1990s: news means the last century's or this one's
  // decade, so the one before the anchor year).
  std::optional<Match> match_century_or_decade(size_t i) const {
    size_t j = is(i, "the") ? i + 1 : i;
    std::string_view x = w(j);
    int n = 0;
    if (is(j + 1, "century")) {
      if (!parse_day(x, &n) || (x[0] >= '0' && x[0] <= '9' && x.size() < 3)) return std::nullopt;
      Val v;
      v.gran = Gran::century;
      v.y = (n - 1) * 100;
      v.year_given = true;
      return Match{j + 2, v};
    }
    static const std::unordered_map<std::string_view, int> kDecades = {
        {"twenties", 20}, {"thirties", 30}, {"forties", 40}, {"fifties", 50},
        {"sixties", 60},  {"seventies", 70}, {"eighties", 80}, {"nineties", 90}};
    auto d = kDecades.find(x);
    if (j == i || d == kDecades.end()) return std::nullopt;
    Val v;
    v.gran = Gran::decade;
    int century = anchor_has(DatePrecision::year) ? a_.year / 100 * 100 : 1900;
    v.y = century + d->second;
    if (anchor_has(DatePrecision::year) && v.y > a_.year) v.y -= 100;
    v.relative = true;
    return Match{j + 1, v};
  }

  // The quarter a results report is about, named without its number: "that
  // quarter", "the same quarter a year ago", "the corresponding period last
  // year", "last year's quarter". Only once the text has named a quarter.
  std::optional<Match> match_results_period(size_t i) const {
    if (!last_quarter_) return std::nullopt;
    size_t j = i;
    int years = 0;
    bool compared = false;  // "corresponding", "comparable": the period a year back
    if (is(i, "that")) {
      ++j;
    } else if (is(i, "the") && (is(i + 1, "same") || is(i + 1, "corresponding") || is(i + 1, "comparable"))) {
      compared = !is(i + 1, "same");
      j = i + 2;
    } else if (is(i, "last") && is(i + 1, "year") && is(i + 2, "'s")) {
      years = 1;
      j = i + 3;
    } else {
      return std::nullopt;
    }
    bool quarter = is(j, "quarter");
    // "that period" may be any period; "the corresponding period" is the quarter's.
    if (!quarter && !(is(j, "period") && !is(i, "that"))) return std::nullopt;
    size_t end = j + 1;
    if (years == 0 && is(end, "last") && is(end + 1, "year")) {
      years = 1;
      end += 2;
    } else if (years == 0 && is(end, "a") && is(end + 1, "year") && (is(end + 2, "ago") || is(end + 2, "earlier"))) {
      years = 1;
      end += 3;
    } else if (compared) {
      years = 1;
    }
    auto q = quarter_years_back(years, /*in_results=*/true, quarter);
    if (!q) return std::nullopt;
    return Match{end, *q};
  }

  // Dates told from the last one the text named: "the following year" (after
  // "May 22, 1995": 1996), "the previous month", "that day", "the same
  // week". Without such a date they are left to the other patterns.
  std::optional<Match> match_narrative(size_t i) const {
    if (!last_date_) return std::nullopt;
    std::string_view x = w(i);
    int offset = 0;
    size_t u = i + 1;
    if (x == "the" && (is(i + 1, "following") || is(i + 1, "previous") || is(i + 1, "prior"))) {
      offset = is(i + 1, "following") ? 1 : -1;
      u = i + 2;
    } else if (x == "the" && is(i + 1, "same")) {
      u = i + 2;
    } else if (x != "that") {
      return std::nullopt;
    }
    std::string_view unit = w(u);
    Gran gran = unit == "day" ? Gran::day : unit == "week" ? Gran::week : unit == "month" ? Gran::month
              : unit == "year" ? Gran::year : Gran::literal;
    if (gran == Gran::literal) return std::nullopt;
    Val v = shift_from(*last_date_, gran, offset);
    if (v.gran == Gran::literal) return std::nullopt;  // the named date is too coarse
    v.relative = false;
    v.from_text = true;
    return Match{u + 1, v};
  }

  // A day of the month alone: "on the 27th", "the 21st." It is in the
  // publication month, or the month before when that day is still to come
  // (the month after in the future tense). Only digits with a suffix, and not
  // before a noun: "the 21st century", "the 3rd Division" are no dates.
  std::optional<Match> match_bare_day(size_t i) const {
    size_t j = is(i, "the") ? i + 1 : i;
    if (j == i && !(i > sb_ && w(i - 1) == "on")) return std::nullopt;
    std::string_view x = w(j);
    int day = 0;
    if (x.size() < 3 || x[0] < '0' || x[0] > '9' || x.back() < 'a' || !parse_day(x, &day))
      return std::nullopt;
    if (j + 1 < se_ && doc_.tokens[j + 1].value.kind == TokenKind::word) return std::nullopt;
    Val v;
    v.relative = true;
    if (!anchor_has(DatePrecision::day)) {
      v.literal = "XXXX-XX-" + two(day);
      v.note = anchor_missing_note("the month");
      return Match{j + 1, v};
    }
    Tense tense = tense_at(i, j + 1);
    int shift_months = 0;
    if (tense == Tense::future && day < a_.day) shift_months = 1;
    else if (tense != Tense::future && day > a_.day) shift_months = -1;
    Val month = shift(Gran::month, shift_months);
    if (month.gran != Gran::month || day > days_in_month(month.y, month.m)) return Match{j + 1, invalid()};
    v = month;
    v.gran = Gran::day;
    v.d = day;
    v.bare_day = true;
    return Match{j + 1, v};
  }

  // Month number at i, when the token is a month name and reads as one.
  int month_at(size_t i) const {
    std::string_view x = w(i);
    int month = 0;
    bool verb = x == "may" || x == "march";  // also verbs
    if (auto it = month_names().find(x); it != month_names().end()) month = it->second;
    else if (auto ab = month_abbreviations().find(x); ab != month_abbreviations().end()) month = ab->second;
    else return 0;
    if (month_names().count(x) && !verb) return month;
    // "May", "march" and "Feb" need support: a day or year after them, or
    // (capitalized, for the verbs) a preposition or determiner before them.
    size_t k = is(i + 1, ",") ? i + 2 : i + 1;
    int year = 0;
    // An ordinal word supports a verb only when capitalized: "March first",
    // not "they may first ask".
    bool word_day = parse_day(w(i + 1), nullptr) && !is_number(i + 1);
    if (is_number(i + 1) || (word_day && (!verb || capitalized(i))) || is_year_number(w(k), &year))
      return month;
    // A day before it: "1st Jan", "4th of March".
    size_t d = i > sb_ && w(i - 1) == "of" ? i - 1 : i;
    if (d > sb_ && parse_day(w(d - 1), nullptr) && (!verb || capitalized(i) || is_number(d - 1)))
      return month;
    if (verb && !capitalized(i)) return 0;
    if (x == "march" && i > sb_) return month;
    static const char* const kBefore[] = {"in", "since", "until", "by", "of", "early", "late",
                                          "last", "next", "this", "mid", "through", "from", "to",
                                          "between", "and", "or", "during", "before", "after",
                                          "end", "beginning", "start", "middle", "past"};
    if (i == sb_) return 0;
    for (const char* b : kBefore)
      if (w(i - 1) == b) return month;
    return 0;
  }

  // "March 27, 2025", "March 27", "March 2025", "March", "March of 2024".
  std::optional<Match> match_month(size_t i) const {
    int month = month_at(i);
    if (month == 0) return std::nullopt;
    Val v;
    size_t j = i + 1;
    int day = 0, year = 0, last_day = 0;
    // "March 3-5" (one token) and "November 19 to 20": a range of days.
    std::string_view x = w(j);
    size_t dash = x.find('-');
    if (is_number(j) && dash != std::string_view::npos && parse_day(x.substr(0, dash), &day) &&
        parse_day(x.substr(dash + 1), &last_day) && last_day > day) {
      x = x.substr(0, dash);
    } else {
      last_day = 0;
    }
    if (parse_day(x, &day) && !is_year_number(x, &year)) {
      ++j;
      if (last_day == 0 && (is(j, "to") || is(j, "through") || is(j, "until") || is(j, "-") ||
                            is(j, "–")) &&
          parse_day(w(j + 1), &last_day) && last_day > day && !month_at(j + 2)) {
        j += 2;
      } else if (last_day <= day) {
        last_day = 0;
      }
      size_t k = is(j, ",") || is(j, "of") ? j + 1 : j;  // "January 12 of 2016"
      if (year_at(k, &year, &j)) {
        v.y = year;
        v.year_given = true;
      } else if (relative_year_at(j, &v, &j)) {
        v.year_given = true;
      }
      if (v.year_given ? !valid_calendar_date(v.y, month, day) : day > days_in_month(2024, month))
        return Match{j, invalid()};
      v.gran = Gran::day;
      v.m = month;
      v.d = day;
      if (!v.year_given) anchor_year(&v, month, day, tense_at(i, j), i);
      if (last_day != 0) {
        if (last_day > days_in_month(v.y == kNoYear ? 2024 : v.y, month)) return Match{j, invalid()};
        Val end = v;
        end.d = last_day;
        v.literal = format_value(v) + "/" + format_value(end);
        v.gran = Gran::literal;
      }
      return Match{j, v};
    }
    v.gran = Gran::month;
    v.m = month;
    size_t k = is(j, "of") || is(j, ",") ? j + 1 : j;
    size_t end = 0;
    if (year_at(k, &year, &end)) {
      v.y = year;
      v.year_given = true;
      return Match{end, v};
    }
    if (relative_year_at(j, &v, &end)) {
      v.year_given = true;
      return Match{end, v};
    }
    anchor_year(&v, month, 0, tense_at(i, j), i);
    return Match{j, v};
  }

  // A match that consumes an impossible date ("February 30") without
  // emitting anything, so its parts are not read as other dates: a literal
  // with no value, which emit() drops.
  static Val invalid() { return Val{}; }

  // Numbers first: ISO dates, 3/27/2025, "27 March 2025", years, decades,
  // clock times, "1990s".
  std::optional<Match> match_numeric(size_t i) const {
    std::string_view x = w(i);
    if (x.empty() || x[0] < '0' || x[0] > '9') {
      // "'90s", which the tokenizer splits into the apostrophe and "90s".
      std::string_view digits;
      size_t end = i + 1;
      if (x.size() == 4 && x[0] == '\'' && x[3] == 's') {
        digits = x.substr(1, 2);
      } else if ((x == "'" || x == "\u2019") && i + 1 < se_ &&
                 doc_.tokens[i].span.end == doc_.tokens[i + 1].span.begin && w(i + 1).size() == 3 &&
                 w(i + 1)[2] == 's') {
        digits = std::string_view(w(i + 1)).substr(0, 2);
        end = i + 2;
      }
      int n = 0;
      if (digits.empty() || !parse_int(digits, 2, &n) || n % 10 != 0) return std::nullopt;
      Val v;
      v.gran = Gran::decade;
      v.y = (n >= 30 ? 1900 : 2000) + n;
      v.year_given = true;
      return Match{end, v};
    }
    int year = 0, month = 0, day = 0;
    // ISO "2025-03-27" / "2025-03" (one token).
    if (x.size() >= 7 && x[4] == '-') {
      // "1984-1985", "1998-99": a range of years ("2010-11" is a month).
      int last = 0;
      if (is_year_number(x.substr(0, 4), &year) &&
          (is_year_number(x.substr(5), &last) ||
           (x.size() == 7 && parse_int(x.substr(5), 2, &last) && last > 12 &&
            (last += year / 100 * 100) > 0)) &&
          last > year && last - year < 100) {
        Val v;
        v.literal = std::to_string(year) + "/" + std::to_string(last);
        v.year_given = true;
        return Match{i + 1, v};
      }
      auto p = PartialDate::parse(x);
      if (!p || p->precision < DatePrecision::month) {
        if (x.size() == 10) return Match{i + 1, invalid()};  // "2023-13-45"
        return std::nullopt;
      }
      Val v;
      v.y = p->year;
      v.m = p->month;
      v.d = p->day;
      v.year_given = true;
      v.gran = p->precision == DatePrecision::month ? Gran::month : Gran::day;
      return Match{i + 1, v};
    }
    // "1990s"
    if (x.size() == 5 && x[4] == 's' && is_year_number(x.substr(0, 4), &year) && year % 10 == 0) {
      Val v;
      v.gran = Gran::decade;
      v.y = year;
      v.year_given = true;
      return Match{i + 1, v};
    }
    // "2015/08/12", "2016/11" and "11/2016": year first or a month and year.
    if (is(i + 1, "/") && is_number(i + 2)) {
      int a = 0, b = 0;
      if (is_year_number(x, &year) && parse_int(w(i + 2), 2, &a) && a >= 1 && a <= 12) {
        Val v;
        v.y = year;
        v.m = a;
        v.year_given = true;
        if (is(i + 3, "/") && parse_int(w(i + 4), 2, &b)) {
          if (!valid_calendar_date(year, a, b)) return Match{i + 5, invalid()};
          v.gran = Gran::day;
          v.d = b;
          return Match{i + 5, v};
        }
        v.gran = Gran::month;
        return Match{i + 3, v};
      }
      if (parse_int(x, 2, &a) && a >= 1 && a <= 12 && is_year_number(w(i + 2), &year) &&
          !is(i + 3, "/")) {
        Val v;
        v.gran = Gran::month;
        v.y = year;
        v.m = a;
        v.year_given = true;
        return Match{i + 3, v};
      }
    }
    // "3/27/2025" (US order, as English news writes it) and "27/3/2025" when
    // the first number cannot be a month.
    if (is(i + 1, "/") && is_number(i + 2) && is(i + 3, "/") && is_number(i + 4)) {
      int a = 0, b = 0;
      if (parse_int(x, 2, &a) && parse_int(w(i + 2), 2, &b) && parse_int(w(i + 4), 4, &year)) {
        if (w(i + 4).size() == 2) year += year < 50 ? 2000 : 1900;
        month = a, day = b;
        if (a > 12) month = b, day = a;
        if (!valid_calendar_date(year, month, day)) return Match{i + 5, invalid()};
        Val v;
        v.gran = Gran::day;
        v.y = year;
        v.m = month;
        v.d = day;
        v.year_given = true;
        return Match{i + 5, v};
      }
      return std::nullopt;
    }
    if (auto date = match_day_month(i)) return date;
    if (auto clock = match_clock(i)) return clock;
    // A year on its own: "2022", "in 1998". Not a count: "2000 troops", "$1999".
    if (is_year_number(x, &year) && x.size() == 4) {
      if (i > sb_ && (w(i - 1) == "$" || w(i - 1) == "€" || w(i - 1) == "£" || w(i - 1) == "no" ||
                      w(i - 1) == "number" || w(i - 1) == "#"))
        return std::nullopt;
      std::string_view next = w(i + 1);
      bool fiscal = i > sb_ && w(i - 1) == "fiscal";
      // A hyphen joined to the number makes a compound ("a 2000-strong
      // force"); a spaced dash is punctuation ("in 1984 -- part of").
      bool hyphen = next == "-" && doc_.tokens[i].span.end == doc_.tokens[i + 1].span.begin;
      if (next == "%" || next == "percent" || next == "per" || hyphen ||
          (!fiscal && next.size() > 3 && next.back() == 's' && i + 1 < se_ &&
           doc_.tokens[i + 1].value.kind == TokenKind::word && !capitalized(i + 1) &&
           next != "was" && next != "has" && next != "is" && next != "as" && next != "this" &&
           next != "its" && next != "thus" && next != "does"))
        return std::nullopt;
      bool plausible = (year >= 1900 && year <= 2100) ||
                       (i > sb_ && (w(i - 1) == "in" || w(i - 1) == "since" || w(i - 1) == "of" ||
                                    w(i - 1) == "until" || w(i - 1) == "by" || w(i - 1) == "year"));
      if (!plausible) return std::nullopt;
      Val v;
      v.gran = Gran::year;
      v.y = year;
      v.year_given = true;
      return Match{i + 1, v};
    }
    return std::nullopt;
  }

  // Clock times: "10 a.m.", "10:30", "7:56:35 pm", "7pm", "9 o'clock",
  // "seven o'clock". A bare number is not a time.
  std::optional<Match> match_clock(size_t i) const {
    auto split = [](std::string_view t, int* n, std::string_view* suffix) {
      size_t d = 0;
      while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
      *suffix = t.substr(d);
      return parse_int(t.substr(0, d), 2, n);
    };
    auto meridiem = [](std::string_view t) {
      if (t == "pm" || t == "p.m." || t == "p.m") return 1;
      if (t == "am" || t == "a.m." || t == "a.m") return -1;
      return 0;
    };
    int hour = 0, minute = 0, second = 0;
    std::string_view suffix;
    size_t j = i + 1;
    bool clock = false;
    // Wire services give the 24-hour clock with a zone: "(0900 GMT)", "1530 GMT".
    int hhmm = 0;
    if (w(i).size() == 4 && parse_int(w(i), 4, &hhmm) && hhmm / 100 <= 24 && hhmm % 100 <= 59 &&
        is_time_zone(w(i + 1)))
      return clock_with_date(i + 1, hhmm / 100, hhmm % 100);
    if (!split(w(i), &hour, &suffix)) {
      auto it = number_words().find(w(i));
      if (it == number_words().end() || it->second > 12 || !is(i + 1, "o'clock")) return std::nullopt;
      return clock_with_date(i + 2, it->second, 0);
    }
    if (suffix.empty() && is(j, ":") && split(w(j + 1), &minute, &suffix) &&
        w(j + 1).size() - suffix.size() == 2) {
      j += 2;
      clock = true;
      if (suffix.empty() && is(j, ":") && split(w(j + 1), &second, &suffix)) j += 2;
    }
    int m = meridiem(suffix);
    if (!suffix.empty() && m == 0) return std::nullopt;
    if (suffix.empty()) {
      m = meridiem(w(j));
      if (m != 0 || is(j, "o'clock")) {
        ++j;
        clock = true;
      }
    } else {
      clock = true;
    }
    if (!clock || hour > 24 || minute > 59 || second > 59 || (m != 0 && (hour == 0 || hour > 12)))
      return std::nullopt;
    if (m > 0 && hour < 12) hour += 12;
    if (m < 0 && hour == 12) hour = 0;
    return clock_with_date(j, hour, minute);
  }

  // A clock time whose tokens end before j, with the time zone and a date
  // that may follow: "5 p.m. EST Nov. 9", "noon Thursday". Without a date it
  // is a time of the publication day.
  Match clock_with_date(size_t j, int hour, int minute) const {
    if (is(j, "local") && is(j + 1, "time")) j += 2;
    else if (is_time_zone(w(j))) ++j;
    size_t k = is(j, ",") || is(j, "on") ? j + 1 : j;
    std::optional<Match> date;
    if (weekday_names().count(w(k))) date = match_weekday(k);
    else if (is(k, "today") || is(k, "yesterday") || is(k, "tomorrow")) date = match_relative(k);
    else if (month_at(k) != 0) date = match_month(k);
    Val v;
    if (date && date->v.gran == Gran::day) {
      v = date->v;
      j = date->end;
    } else {
      v = shift(Gran::day, 0);
    }
    v.type = TimexType::time;
    v.hour = hour;
    v.minute = minute;
    if (v.gran == Gran::day) v.gran = Gran::time;
    else v.literal += "T" + two(hour) + ":" + two(minute);
    return Match{j, v};
  }

  // "27 March 2025", "27th of March".
  std::optional<Match> match_day_month(size_t i) const {
    int day = 0, year = 0;
    if (!parse_day(w(i), &day)) return std::nullopt;
    size_t j = i + 1;
    if (is(j, "of")) ++j;
    int m = month_at(j);
    if (m == 0) return std::nullopt;
    Val v;
    v.gran = Gran::day;
    v.m = m;
    v.d = day;
    ++j;
    size_t k = is(j, ",") ? j + 1 : j;
    if (year_at(k, &year, &j)) {
      v.y = year;
      v.year_given = true;
      if (!valid_calendar_date(year, m, day)) return Match{j, invalid()};
    } else {
      if (day > days_in_month(2024, m)) return Match{j, invalid()};
      anchor_year(&v, m, day, tense_at(i, j), i);
    }
    return Match{j, v};
  }

  static std::string two(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
  }

  // "Thursday", "on Thursday", "Thursday, March 27, 2025", "Thursday night".
  std::optional<Match> match_weekday(size_t i) const {
    auto it = weekday_names().find(w(i));
    bool plural = false;
    if (it == weekday_names().end()) {
      std::string_view x = w(i);
      if (x.size() > 6 && x.back() == 's') it = weekday_names().find(x.substr(0, x.size() - 1));
      if (it == weekday_names().end()) return std::nullopt;
      plural = true;
    }
    int wd = it->second;
    if (plural) {  // "on Mondays": every Monday
      Val v;
      v.type = TimexType::set;
      v.literal = "XXXX-WXX-" + std::to_string(wd);
      return Match{i + 1, v};
    }
    size_t j = i + 1;
    // "Tuesday nights": every Tuesday night; "Monday and Tuesday nights"
    // both, the plural serving the two.
    const char* parts = plural_part_of_day(w(j));
    bool shares_plural = !parts && (is(j, "and") || is(j, "or")) && weekday_names().count(w(j + 1)) &&
                         plural_part_of_day(w(j + 2));
    if (parts || shares_plural) {
      Val v;
      v.type = TimexType::set;
      v.literal = "XXXX-WXX-" + std::to_string(wd) + "T" + (parts ? parts : plural_part_of_day(w(j + 2)));
      return Match{parts ? j + 1 : j, v};
    }
    // "Friday next week": that day of that week.
    if ((is(j, "next") || is(j, "last") || is(j, "this")) && is(j + 1, "week")) {
      int offset = is(j, "next") ? 1 : is(j, "last") ? -1 : 0;
      return Match{j + 2, weekday(wd, tense_at(i, j + 2), offset, 0, true)};
    }
    Match m = weekday_then_date(j, Match{j, weekday(wd, tense_at(i, j))});
    if (m.end != j) return m;
    if (auto part = part_of_day(w(j))) {
      set_part_of_day(&m.v, part);
      ++m.end;
    }
    return m;
  }

  // A weekday match `m` ending at j, or the calendar date written after it
  // ("Thursday, March 27, 2025"), which says more. Only calendar dates, never
  // clock times, so patterns cannot chain ("Monday 5 pm Monday 5 pm ...")
  // into unbounded recursion.
  Match weekday_then_date(size_t j, Match m) const {
    size_t k = is(j, ",") ? j + 1 : j;
    auto date = month_at(k) != 0 ? match_month(k) : match_day_month(k);
    if (date && date->v.gran == Gran::day) return *date;
    return m;
  }

  // Makes a day (or an underspecified day) a time: "Monday" -> "Monday night".
  static void set_part_of_day(Val* v, const char* part) {
    v->type = TimexType::time;
    if (v->gran == Gran::day) {
      v->gran = Gran::time;
      v->part = part;
    } else {
      v->literal += std::string("T") + part;
    }
  }

  // "mornings", "nights": a part of day that recurs.
  static const char* plural_part_of_day(std::string_view x) {
    if (x.size() < 6 || x.back() != 's') return nullptr;
    std::string_view one = x.substr(0, x.size() - 1);
    return one == "overnight" ? nullptr : part_of_day(one);
  }

  static const char* part_of_day(std::string_view x) {
    if (x == "morning") return "MO";
    if (x == "afternoon") return "AF";
    if (x == "evening") return "EV";
    if (x == "night" || x == "overnight") return "NI";
    return nullptr;
  }

  // Durations and dates counted from now: "three weeks", "24 hours",
  // "the past three months", "five-year", "two years ago", "for years".
  std::optional<Match> match_duration(size_t i) const {
    size_t j = i;
    bool the_past = false;
    bool first = false;
    if (is(j, "the") && (is(j + 1, "past") || is(j + 1, "last") || is(j + 1, "next") ||
                         is(j + 1, "previous") || is(j + 1, "coming") || is(j + 1, "first") ||
                         is(j + 1, "following"))) {
      first = is(j + 1, "first");
      j += 2;
      the_past = true;
    } else if ((is(j, "past") || is(j, "previous")) && i > sb_ && w(i - 1) != "the") {
      j += 1;
      the_past = true;
    }
    std::string count;
    size_t k = j;
    std::optional<Unit> unit;
    std::string_view x = w(j);
    // "a decade-long war", "a weeklong strike" (AP writes "yearlong"): one unit.
    std::string_view long_unit = x.ends_with("-long") ? x.substr(0, x.size() - 5)
                               : x.ends_with("long") ? x.substr(0, x.size() - 4) : "";
    if (!long_unit.empty() && long_unit.back() != 's' && (unit = unit_of(long_unit)) &&
        long_unit.find('-') == std::string_view::npos) {
      Val v;
      v.type = TimexType::duration;
      v.literal = duration_literal("1", *unit);
      return Match{j + 1, v};
    }
    // "five-year", "24-hour", "two-day": one token.
    size_t dash = x.rfind('-');
    // Only the singular joins a number: "five-year", not "three-quarters".
    if (dash != std::string_view::npos && dash > 0 && x.back() != 's' &&
        (unit = unit_of(x.substr(dash + 1)))) {
      std::string_view num = x.substr(0, dash);
      int n = 0;
      auto nw = number_words().find(num);
      if (parse_int(num, 4, &n)) count = std::to_string(n);
      else if (nw != number_words().end()) count = std::to_string(nw->second);
      else if (num == "several") count = "X";  // "a several-year tenure"
      else return std::nullopt;
      k = j + 1;
    } else if (count_at(j, &k, &count, /*allow_article=*/true)) {
      // "three" "hours"; "twenty four hours"; "20 more years", "an additional year";
      // "eight trading days", "ten business days".
      if (is(k, "more") || is(k, "additional") || is(k, "further") || is(k, "extra")) ++k;
      if ((is(k, "trading") || is(k, "business") || is(k, "working")) &&
          (is(k + 1, "days") || is(k + 1, "day") || is(k + 1, "weeks")))
        ++k;
      unit = unit_of(w(k));
      // "a second" is mostly the ordinal: "a second phase"; "$5 a year" is a
      // rate, not a duration.
      if (!unit || (w(k) == "second" && count == "1" && !is_number(j))) return std::nullopt;
      if ((w(j) == "a" || w(j) == "an") && j > sb_ && is_rate_before(j) && !is(k + 1, "ago") &&
          !is(k + 1, "earlier"))
        return std::nullopt;
      // "twenty second" is an ordinal; "three quarters of" and "a quarter
      // past" are fractions.
      if (w(k) == "second" && count != "1" && !is_number(j)) return std::nullopt;
      if (unit->gran == Gran::quarter && count != "X" &&
          (is(k + 1, "of") || is(k + 1, "past") || is(k + 1, "to")))
        return std::nullopt;
      ++k;
    } else if (the_past && !first && (unit = unit_of(w(j)))) {
      count = "1";  // "the past year"
      k = j + 1;
      if (w(j).back() == 's') count = "X";
    } else if ((x == "recent" || x == "coming" || x == "upcoming") && (unit = unit_of(w(j + 1))) &&
               w(j + 1).back() == 's') {
      count = "X";  // "recent weeks", "coming months": some weeks up to now, or from now
      k = j + 2;
    } else if (x == "the" && (unit = unit_of(w(j + 1))) && w(j + 1).back() == 's' && is(j + 2, "ahead")) {
      count = "X";  // "in the weeks ahead"
      k = j + 3;
    } else if (x == "the" && (unit = unit_of(w(j + 1))) && w(j + 1).back() == 's' && i > sb_ &&
               (w(i - 1) == "over" || w(i - 1) == "through" || w(i - 1) == "during") &&
               !is(j + 2, "after") && !is(j + 2, "before") && !is(j + 2, "since") &&
               !is(j + 2, "of") && !is(j + 2, "following") && !is(j + 2, "that") && !is(j + 2, "when")) {
      count = "X";  // "over the years": some years up to now
      k = j + 2;
    } else if ((unit = unit_of(x)) && x.back() == 's' && x.size() >= 4 && i > sb_ &&
               (w(i - 1) == "for" || w(i - 1) == "over" || w(i - 1) == "within" ||
                w(i - 1) == "in" || (is(i + 1, "of") && !counts_before(i)))) {
      count = "X";  // "for years", "after months of talks"
      k = j + 1;
    } else {
      return std::nullopt;
    }
    // "52 years old" is an age.
    if (is(k, "old") && unit->gran == Gran::year) return std::nullopt;
    // "Islam will one day be ...": some time ahead, not a day's length.
    if (is(j, "one") && k == j + 2 && is(j + 1, "day") && i > sb_ &&
        (w(i - 1) == "will" || w(i - 1) == "would" || w(i - 1) == "could" || w(i - 1) == "may" ||
         w(i - 1) == "might" || w(i - 1) == "can")) {
      Val v;
      v.relative = true;
      v.literal = "FUTURE_REF";
      return Match{k, v};
    }
    // "a week or so (ago)": approximate.
    bool or_so = is(k, "or") && is(k + 1, "so");
    if (or_so) k += 2;
    // "two years ago": a date; "three days from now" too.
    bool ago = is(k, "ago") || is(k, "earlier") || (is(k, "from") && is(k + 1, "now")) ||
               is(k, "hence");
    if (ago && !the_past) {
      int n = 0;
      if (!parse_int(count, 4, &n)) {
        Val v;
        v.relative = true;
        v.literal = is(k, "ago") || is(k, "earlier") ? "PAST_REF" : "FUTURE_REF";
        return Match{k + 1, v};
      }
      int sign = is(k, "ago") || is(k, "earlier") ? -1 : 1;
      if (unit->gran == Gran::year && sign < 0 && n == 1)
        if (auto q = quarter_years_back(1, /*in_results=*/true)) return Match{k + 1, *q};
      // "three hours ago" is a moment of the publication day.
      Val v = unit->time ? shift(Gran::day, 0) : shift(unit->gran, sign * n);
      if (or_so) v.mod = "APPROX";
      return Match{k + (is(k, "from") ? 2 : 1), v};
    }
    Val v;
    v.type = TimexType::duration;
    if (or_so) v.mod = "APPROX";
    // "a minute and a half", "a year and a half".
    int whole = 0;
    if (and_a_half_at(k) && parse_int(count, 4, &whole)) {
      count += ".5";
      k += 3;
    }
    if (count == "X") {
      const char* letter = unit->factor == 10 ? "DE" : unit->factor == 100 ? "CE" : unit->letter;
      v.literal = std::string("P") + (unit->time ? "T" : "") + "X" + letter;
    } else {
      v.literal = duration_literal(count, *unit);
    }
    return Match{k, v};
  }

  // The TIMEX3 value of `count` (digits, maybe with a fraction: "2.5") units.
  // A half is written in the next smaller unit when that is whole ("2.5
  // years" is P2Y6M, "a minute and a half" PT1M30S), other fractions as
  // decimals ("P1.5W").
  static std::string duration_literal(const std::string& count, const Unit& unit) {
    std::string prefix = unit.time ? "PT" : "P";
    size_t dot = count.find('.');
    int whole = 0;
    if (dot == std::string::npos) {
      if (!parse_int(count, 4, &whole)) return prefix + count + unit.letter;
      return prefix + std::to_string(whole * unit.factor) + unit.letter;
    }
    if (!parse_int(count.substr(0, dot), 4, &whole)) return prefix + count + unit.letter;
    if (count.substr(dot + 1) != "5") {
      if (unit.factor == 1) return prefix + count + unit.letter;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", std::stod(count) * unit.factor);
      return prefix + buf + unit.letter;
    }
    // whole and a half: in units of letter, whole * factor + factor / 2.
    int doubled = (2 * whole + 1) * unit.factor;  // halves of the letter's unit
    std::string head = doubled / 2 ? std::to_string(doubled / 2) + unit.letter : "";
    if (doubled % 2 == 0) return prefix + head;
    std::string_view letter = unit.letter;
    if (letter == "Y") return prefix + head + "6M";
    if (letter == "D") return prefix + head + "T12H";
    if (unit.time && letter == "H") return prefix + head + "30M";
    if (unit.time && letter == "M") return prefix + head + "30S";
    return prefix + std::to_string(whole * unit.factor) + ".5" + unit.letter;
  }

  // today, yesterday, now, this week, last year, next month, last fall,
  // recently, the past, the future, tonight, this morning.
  std::optional<Match> match_relative(size_t i) const {
    std::string_view x = w(i);
    Val v;
    v.relative = true;
    if (x == "year-earlier" || x == "year-ago") {
      // "the year-earlier quarter": the quarter under discussion (else the
      // latest reported one), a year back; "the year-ago third quarter".
      if (is(i + 1, "quarter") || is(i + 1, "period")) {
        if (auto q = quarter_years_back(1, false, is(i + 1, "quarter"))) return Match{i + 2, *q};
        return Match{i + 2, shift(Gran::quarter, -5)};
      }
      if (auto ord = ordinal_words().find(w(i + 1));
          ord != ordinal_words().end() && ord->first != "last" && ord->second <= 4 && is(i + 2, "quarter")) {
        Val v = shift(Gran::year, -1);
        if (v.gran == Gran::year) {
          v.gran = Gran::quarter;
          v.sub = ord->second;
        }
        return Match{i + 3, v};
      }
      if (auto q = quarter_years_back(1, /*in_results=*/true)) return Match{i + 1, *q};
      return Match{i + 1, shift(Gran::year, -1)};
    }
    if (x == "noon" || x == "midnight") return clock_with_date(i + 1, x == "noon" ? 12 : 24, 0);
    if (auto holiday = match_holiday(i)) return holiday;
    if (x == "overnight") {
      // "overnight" in a report is the night before it.
      Val v = shift(Gran::day, tense_at(i, i + 1) != Tense::future ? -1 : 0);
      set_part_of_day(&v, "NI");
      return Match{i + 1, v};
    }
    if (auto m = match_part_of_day(i)) return m;
    if (x == "today" || x == "yesterday" || x == "tomorrow" || x == "tonight") {
      int n = x == "yesterday" ? -1 : x == "tomorrow" ? 1 : 0;
      v = shift(Gran::day, n);
      size_t j = i + 1;
      const char* part = x == "tonight" ? "NI" : part_of_day(w(j));
      if (part) {
        set_part_of_day(&v, part);
        if (x != "tonight") ++j;
      }
      return Match{j, v};
    }
    if (x == "now" || x == "nowadays" || x == "currently" ||
        ((x == "these") && is(i + 1, "days")) || (x == "the" && is(i + 1, "present")) ||
        (x == "at" && is(i + 1, "present")) || (x == "right" && is(i + 1, "now"))) {
      v.literal = "PRESENT_REF";
      return Match{i + (x == "now" || x == "nowadays" || x == "currently" ? 1 : 2), v};
    }
    if (x == "recently" || x == "lately" || x == "formerly" ||
        (x == "the" && is(i + 1, "past") && !unit_of(w(i + 2)) && !is_number(i + 2))) {
      v.literal = "PAST_REF";
      return Match{i + (x == "the" ? 2 : 1), v};
    }
    // "soon", but not the conjunction "as soon as" (unless "as soon as
    // possible") nor "soon after/before", which lean on another event.
    if (x == "soon" && !is(i + 1, "after") && !is(i + 1, "before") &&
        !(i > sb_ && w(i - 1) == "as" && !is(i + 2, "possible"))) {
      v.literal = "FUTURE_REF";
      return Match{is(i + 1, "as") ? i + 3 : i + 1, v};
    }
    // "by year-end", "since year end": December 31 of this year, or of the
    // last one in the past tense.
    if (x == "year-end" || (x == "year" && is(i + 1, "end")) ||
        (x == "year" && is(i + 1, "'s") && is(i + 2, "end"))) {
      size_t end = x == "year-end" ? i + 1 : is(i + 1, "end") ? i + 2 : i + 3;
      bool past = (i > sb_ && w(i - 1) == "since") || tense_at(i, end) == Tense::past;
      Val y = shift(Gran::year, past ? -1 : 0);
      if (y.gran == Gran::year) {
        y.gran = Gran::day;
        y.m = 12;
        y.d = 31;
      }
      return Match{end, y};
    }
    if (x == "the" && is(i + 1, "future")) {
      v.literal = "FUTURE_REF";
      return Match{i + 2, v};
    }
    // "in future quarters": a time ahead; "future losses" is no time.
    if (x == "future" && unit_of(w(i + 1)) && w(i + 1).back() == 's') {
      v.literal = "FUTURE_REF";
      return Match{i + 2, v};
    }
    if (x == "the" && (is(i + 1, "near") || is(i + 1, "foreseeable")) && is(i + 2, "future")) {
      v.literal = "FUTURE_REF";
      return Match{i + 3, v};
    }
    // "in the near term", "over the long term": the time ahead.
    if (x == "the" && (is(i + 1, "near") || is(i + 1, "short") || is(i + 1, "long")) &&
        is(i + 2, "term")) {
      v.literal = "FUTURE_REF";
      return Match{i + 3, v};
    }
    // "for a while": some unstated length.
    if ((x == "a" || x == "an") && is(i + 1, "while") && i > sb_ &&
        (w(i - 1) == "for" || w(i - 1) == "after" || w(i - 1) == "in")) {
      Val d;
      d.type = TimexType::duration;
      d.literal = "PXX";
      return Match{i + 2, d};
    }
    if (x == "the") return match_the_period(i);
    // this/last/next + unit, month, season, weekday or part of day; "this
    // past" is "last", "this coming" the next one.
    int offset = 0;
    size_t k = i + 1;  // the word the determiner qualifies
    bool coming = x == "coming";
    if (x == "this" && (is(k, "past") || is(k, "coming"))) {
      coming = is(k, "coming");
      offset = coming ? 1 : -1;
      ++k;
    } else if (x == "last" || x == "previous" || x == "past") {
      offset = -1;
    } else if (x == "next" || coming) {
      offset = 1;
    } else if (x != "this" && x != "current") {
      return std::nullopt;
    }
    std::string_view u = w(k);
    Tense tense = tense_at(i, k + 1);
    if (int month = month_at(k); month != 0 && x != "current") {
      // "last June": the latest one before this month; "next June": the
      // first one after it; "this June": this year's. The month just over
      // is "last month", so "last February" on March 1 is a year before it.
      v.gran = Gran::month;
      v.m = month;
      Val now = shift(Gran::month, 0);
      if (now.gran != Gran::month) {
        v.note = anchor_missing_note("the year");
        return Match{k + 1, v};
      }
      v.y = now.y;
      int back = (now.m - month + 12) % 12;  // months from that month to this one
      bool just_over = x == "last" && back == 1;
      if (offset < 0 && (month >= now.m || just_over)) v.y -= 1;
      if (just_over && month == 12) v.y -= 1;  // "last December" in January
      if (offset > 0 && month <= now.m) v.y += 1;
      return Match{k + 1, v};
    }
    if (x == "past" && !weekday_names().count(u)) return std::nullopt;
    if (u == "week") {
      // "next week (on) Friday": that day of that week.
      size_t d = is(k + 1, "on") ? k + 2 : k + 1;
      if (auto wd = weekday_names().find(w(d)); wd != weekday_names().end())
        return Match{d + 1, weekday(wd->second, tense, offset, 0, true)};
    }
    if (u == "year" || u == "month" || u == "week" || u == "quarter") {
      auto unit = unit_of(u);
      v = shift(unit->gran, offset);
      return Match{k + 1, v};
    }
    if (u == "weekend") return Match{k + 1, weekend(offset)};
    int s = season_of(u);
    // "this summer" is this year's whatever the verb's tense.
    if (s >= 0 && x != "current")
      return Match{k + 1, season(s, offset, x == "this" && k == i + 1 ? Tense::unknown : tense)};
    auto wd = weekday_names().find(u);
    if (wd != weekday_names().end() && x != "current") {
      // "coming Sunday" is the next Sunday, not Sunday of next week; "the
      // previous Friday" the one before the Friday just past.
      if (coming) v = weekday(wd->second, Tense::future);
      else if (x == "previous" && i > sb_ && w(i - 1) == "the") v = weekday(wd->second, Tense::past, 0, -7);
      else v = weekday(wd->second, tense, offset);
      return weekday_then_date(k + 1, Match{k + 1, v});
    }
    const char* part = part_of_day(u);
    if (part && (x == "this" || x == "last") && k == i + 1) {
      // "this morning"; "last night" is the night before publication.
      v = shift(Gran::day, x == "last" ? -1 : 0);
      set_part_of_day(&v, part);
      return Match{k + 1, v};
    }
    // "current" before a noun is the present: "current market conditions"
    // (but "the then current price" is not).
    if (x == "current" && k < se_ && doc_.tokens[k].value.kind == TokenKind::word &&
        !(i > sb_ && w(i - 1) == "then")) {
      v.literal = "PRESENT_REF";
      return Match{k, v};
    }
    return std::nullopt;
  }

  // A part of day tied to a day: "afternoon yesterday", "mid-afternoon
  // Monday", or with "mid" alone today's ("at mid-morning"). A bare
  // "morning" is left alone: it is as often a habit as a date.
  std::optional<Match> match_part_of_day(size_t i) const {
    std::string_view x = w(i);
    size_t j = i;
    bool mid = false;
    if (x == "mid" || x == "mid-") {
      mid = true;
      j = is(i + 1, "-") ? i + 2 : i + 1;
    } else if (x.starts_with("mid-") && part_of_day(x.substr(4))) {
      mid = true;
    }
    const char* part = part_of_day(mid && j == i ? x.substr(4) : w(j));
    if (!part) return std::nullopt;
    ++j;
    std::optional<Match> day;
    if (is(j, "yesterday") || is(j, "today") || is(j, "tomorrow"))
      day = Match{j + 1, shift(Gran::day, is(j, "yesterday") ? -1 : is(j, "tomorrow") ? 1 : 0)};
    else if (weekday_names().count(w(j)))
      day = Match{j + 1, weekday(weekday_names().at(w(j)), tense_at(i, j + 1))};
    if (!day && !mid) return std::nullopt;
    if (!day) day = Match{j, shift(Gran::day, 0)};
    set_part_of_day(&day->v, part);
    return day;
  }

  // The weekend of the week `offset` weeks from the anchor's: "2025-W12-WE".
  Val weekend(int offset) const {
    Val v = shift(Gran::week, offset);
    if (v.gran == Gran::week) {
      v.literal = format_value(v) + "-WE";
      v.gran = Gran::literal;
    }
    return v;
  }

  // In a sentence about a quarter ("third-quarter profit rose from a year
  // earlier"), the quarter last named, `years` back. `in_results`: anywhere
  // in a report that has named a quarter, as results stories compare each
  // figure with the same quarter a year back ("sales rose from a year ago").
  // After a year-to-date period ("for the nine months"), the year of that
  // quarter, `years` back, unless the phrase itself says `quarter`.
  std::optional<Val> quarter_years_back(int years, bool in_results = false, bool quarter = false) const {
    if (!last_quarter_ || (!about_quarter_ && !in_results)) return std::nullopt;
    Val v = *last_quarter_;
    if (year_to_date_ && !quarter) v.gran = Gran::year;
    v.y -= years;
    v.year_given = false;
    v.relative = false;
    v.from_text = true;
    v.mod.clear();
    return v;
  }

  // Fixed-date holidays: "Christmas (Eve, Day)", "New Year's (Eve, Day)",
  // with the year the tense and the anchor give, or the one written after.
  std::optional<Match> match_holiday(size_t i) const {
    int month = 0, day = 0;
    size_t j = i;
    if (is(i, "christmas")) {
      month = 12;
      day = is(i + 1, "eve") ? 24 : 25;
      j = is(i + 1, "eve") || is(i + 1, "day") ? i + 2 : i + 1;
    } else if (is(i, "new") && is(i + 1, "year") && is(i + 2, "'s") &&
               (is(i + 3, "eve") || is(i + 3, "day"))) {
      month = is(i + 3, "eve") ? 12 : 1;
      day = is(i + 3, "eve") ? 31 : 1;
      j = i + 4;
    } else {
      return std::nullopt;
    }
    if (!capitalized(i)) return std::nullopt;
    Val v;
    v.gran = Gran::day;
    v.m = month;
    v.d = day;
    int year = 0;
    size_t k = is(j, ",") ? j + 1 : j;
    size_t end = 0;
    if (year_at(k, &year, &end)) {
      v.y = year;
      v.year_given = true;
      return Match{end, v};
    }
    anchor_year(&v, month, day, tense_at(i, j), i);
    return Match{j, v};
  }

  // Periods business news names without a number: "the quarter", "the latest
  // quarter" (the last one reported), "the current quarter", "the year",
  // "the fiscal year", "the weekend".
  std::optional<Match> match_the_period(size_t i) const {
    size_t j = i + 1;
    // "Today is the eighth day of the operation", "It's the second day of
    // an offensive": the day of the report.
    if (i > sb_ && (w(i - 1) == "is" || w(i - 1) == "'s") && day_ordinals().count(words_[j]) &&
        is(j + 1, "day") && is(j + 2, "of"))
      return Match{j + 2, shift(Gran::day, 0)};
    if (is(j, "day") && (is(j + 1, "before") || is(j + 1, "after")) &&
        (is(j + 2, "yesterday") || is(j + 2, "tomorrow")))
      return Match{j + 3, shift(Gran::day, is(j + 2, "yesterday") ? -2 : 2)};
    bool current = false, latest = false;
    if (is(j, "current")) current = true, ++j;
    else if (is(j, "latest") || is(j, "most")) latest = true, j += is(j, "most") ? 2 : 1;
    else if (is(j, "full")) ++j;
    if (is(j, "fiscal")) ++j;
    if (is(j, "year") && !is(j + 1, "'s")) {
      // "the year 2000", "the year two thousand".
      Val named;
      size_t named_end = 0;
      if (year_at(j + 1, &named.y, &named_end)) {
        named.gran = Gran::year;
        named.year_given = true;
        return Match{named_end, named};
      }
      if (is_number(j + 1)) return std::nullopt;
      // "the year ended March 31" is a fiscal year named by its length, as is
      // "throughout the year"; "for the year" and "the full year" are this one.
      if (is(j + 1, "ended") || is(j + 1, "ending") || (i > sb_ && w(i - 1) == "throughout")) {
        Val v;
        v.type = TimexType::duration;
        v.literal = "P1Y";
        return Match{j + 1, v};
      }
      return Match{j + 1, shift(Gran::year, latest ? -1 : 0)};
    }
    // "the latest period": the quarter the report is about.
    if (latest && (is(j, "period") || is(j, "quarter")) && last_quarter_) {
      Val v = *last_quarter_;
      v.from_text = true;
      v.mod.clear();
      return Match{j + 1, v};
    }
    if (is(j, "quarter") || (latest && is(j, "period"))) {
      // "the quarter ended Sept. 30": the calendar quarter holding most of
      // the three months up to that date, so that of its middle month ("the
      // quarter ended July 31" is May to July: the second).
      if ((is(j + 1, "ended") || is(j + 1, "ending")) && month_at(j + 2) != 0) {
        auto date = match_month(j + 2);
        if (date && date->v.y != kNoYear && date->v.m != 0) {
          Val v = date->v;
          int middle = v.y * 12 + (v.m - 1) - (v.gran == Gran::day && v.d < 15 ? 2 : 1);
          v.gran = Gran::quarter;
          v.y = middle / 12;
          v.sub = middle % 12 / 3 + 1;
          v.literal.clear();
          return Match{j + 1, v};
        }
      }
      bool reported = latest || (!current && tense_at(i, j + 1) != Tense::future);
      // "for the quarter a year ago": the quarter reported, a year back.
      if (is(j + 1, "a") && is(j + 2, "year") && (is(j + 3, "ago") || is(j + 3, "earlier"))) {
        if (auto q = quarter_years_back(1, /*in_results=*/true, /*quarter=*/true)) return Match{j + 4, *q};
        return Match{j + 4, shift(Gran::quarter, -5)};
      }
      return Match{j + 1, shift(Gran::quarter, reported ? -1 : 0)};
    }
    // "for the week", "the week's most active session": this week. Not "the
    // week of/before/after ...", which another date places.
    if (is(j, "week") && j == i + 1 && !is(j + 1, "of") && !is(j + 1, "before") &&
        !is(j + 1, "after") && !is(j + 1, "following") && !is(j + 1, "ended") && !is(j + 1, "ending"))
      return Match{j + 1, shift(Gran::week, 0)};
    if (is(j, "weekend") && j == i + 1) {
      // The coming one in the future tense; otherwise the one just past,
      // which is this week's when the report itself is out at the weekend.
      bool at_weekend = anchor_has(DatePrecision::day) &&
                        iso_weekday(days_from_civil(a_.year, a_.month, a_.day)) >= 6;
      bool future = tense_at(i, j + 1) == Tense::future;
      return Match{j + 1, weekend(future || at_weekend ? 0 : -1)};
    }
    return std::nullopt;
  }

  // every Monday, each week, every two years, daily, twice a week.
  std::optional<Match> match_set(size_t i) const {
    std::string_view x = w(i);
    Val v;
    v.type = TimexType::set;
    static const std::unordered_map<std::string_view, const char*> kAdverbs = {
        {"daily", "P1D"},    {"weekly", "P1W"},    {"monthly", "P1M"},   {"yearly", "P1Y"},
        {"annually", "P1Y"}, {"quarterly", "P1Q"}, {"hourly", "PT1H"},  {"nightly", "P1D"},
        {"biweekly", "P2W"}, {"biannually", "P6M"}};
    auto adv = kAdverbs.find(x);
    // "daily" before a noun is an adjective ("a daily newspaper"), not a set.
    bool before_noun = i + 1 < se_ && doc_.tokens[i + 1].value.kind == TokenKind::word &&
                       !capitalized(i + 1) && w(i + 1) != "and" && w(i + 1) != "or";
    if (adv != kAdverbs.end() && !before_noun) {
      v.literal = adv->second;
      return Match{i + 1, v};
    }
    if (x == "every" || x == "each") {
      size_t j = i + 1;
      auto wd = weekday_names().find(w(j));
      if (wd != weekday_names().end()) {
        v.literal = "XXXX-WXX-" + std::to_string(wd->second);
        return Match{j + 1, v};
      }
      if (int month = month_at(j)) {  // "each July"
        v.literal = "XXXX-" + two(month);
        return Match{j + 1, v};
      }
      if (is(j, "other") && (wd = weekday_names().find(w(j + 1))) != weekday_names().end()) {
        v.literal = "XXXX-WXX-" + std::to_string(wd->second);
        v.mod = "EVERY_OTHER";
        return Match{j + 2, v};
      }
      if (const char* part = part_of_day(w(j))) {
        v.literal = std::string("XXXX-XX-XXT") + part;
        return Match{j + 1, v};
      }
      std::string count = "1";
      size_t k = j;
      if (is(j, "other")) {
        count = "2";
        k = j + 1;
      } else if (!count_at(j, &k, &count, false)) {
        k = j;
      }
      auto unit = unit_of(w(k));
      if (!unit) return std::nullopt;
      v.literal = std::string("P") + (unit->time ? "T" : "") + count + unit->letter;
      return Match{k + 1, v};
    }
    if ((x == "once" || x == "twice") && (is(i + 1, "a") || is(i + 1, "per") || is(i + 1, "every"))) {
      auto unit = unit_of(w(i + 2));
      if (!unit) return std::nullopt;
      v.literal = std::string("P") + (unit->time ? "T" : "") + "1" + unit->letter;
      return Match{i + 3, v};
    }
    return std::nullopt;
  }

  // "the first quarter of 2025", "Q3 2024", "fourth-quarter", "the second
  // half", "the 1988 third quarter", "next year's first quarter".
  std::optional<Match> match_quarter(size_t i) const {
    size_t j = is(i, "the") ? i + 1 : i;
    if (j > i && is(j, "fiscal")) ++j;  // "the fiscal first quarter"
    int year = 0;
    bool year_before = false;
    int year_offset = 0;
    bool year_relative = false;
    if (is_year_number(w(j), &year) && j + 1 < se_) {
      year_before = true;
      ++j;
    } else if ((is(j, "this") || is(j, "last") || is(j, "next")) && is(j + 1, "year") &&
               is(j + 2, "'s")) {
      year_relative = true;
      year_offset = is(j, "this") ? 0 : is(j, "last") ? -1 : 1;
      j += 3;
    }
    // After "the nine months", "the 1988 period" is that year's nine months:
    // the year.
    if (year_before && is(j, "period") && year_to_date_ && about_quarter_) {
      Val v;
      v.gran = Gran::year;
      v.y = year;
      v.year_given = true;
      return Match{j + 1, v};
    }
    if (year_before && (is(j, "quarter") || is(j, "period")) && last_quarter_ && about_quarter_) {
      Val v = *last_quarter_;  // "the 1988 period": the quarter under discussion, in 1988
      v.y = year;
      v.year_given = true;
      v.relative = false;
      v.from_text = true;
      v.mod.clear();
      return Match{j + 1, v};
    }
    std::string_view x = w(j);
    int q = 0;
    bool half = false;
    size_t k = j;
    // "the first two quarters of 1990" is its first half; "the last two
    // quarters" alone is a span up to now (a duration).
    bool two_quarters = (x == "first" || x == "last") && is(j + 1, "two") && is(j + 2, "quarters") &&
                        is(j + 3, "of");
    if (two_quarters) {
      q = x == "first" ? 1 : 2;
      half = true;
      k = j + 3;
    } else if (x.size() == 2 && (x[0] == 'q' || x[0] == 'h') && x[1] >= '1' && x[1] <= '4') {
      q = x[1] - '0';
      half = x[0] == 'h';
      if (half && q > 2) return std::nullopt;
      k = j + 1;
    } else {
      if (x.starts_with("fiscal-")) x = x.substr(7);  // "the fiscal-first quarter"
      size_t dash = x.find('-');
      std::string_view ord = dash == std::string_view::npos ? x : x.substr(0, dash);
      std::string_view noun = dash == std::string_view::npos ? w(j + 1) : x.substr(dash + 1);
      auto it = ordinal_words().find(ord);
      if (it == ordinal_words().end() || (noun != "quarter" && noun != "half")) return std::nullopt;
      q = it->second;
      half = noun == "half";
      if (ord == "last" && j == i) return std::nullopt;  // "last quarter": relative, not the fourth
      if (half && q > 2) q = 2;
      k = dash == std::string_view::npos ? j + 2 : j + 1;
    }
    Val v;
    v.gran = half ? Gran::half : Gran::quarter;
    v.sub = q;
    if (year_before) {
      v.y = year;
      v.year_given = true;
      return Match{k, v};
    }
    if (year_relative) {
      Val y = shift(Gran::year, year_offset);
      v.y = y.y;
      v.relative = true;
      v.note = y.note;
      return Match{k, v};
    }
    size_t y = is(k, "of") ? k + 1 : k;
    if (is(y, "fiscal")) ++y;
    size_t end = 0;
    if (year_at(y, &year, &end)) {
      v.y = year;
      v.year_given = true;
      return Match{end, v};
    }
    // "the first quarter of this year", "the second half of next year".
    if (is(k, "of") && relative_year_at(k, &v, &end)) {
      v.year_given = true;
      return Match{end, v};
    }
    if (two_quarters) return std::nullopt;
    // "the last half of the '80s": that decade (or century), its end.
    if (half && is(k, "of")) {
      auto whole = match_core(k + 1);
      if (!whole && is(k + 1, "the")) whole = match_core(k + 2);  // "the '80s", "the 1990s"
      if (whole && (whole->v.gran == Gran::decade || whole->v.gran == Gran::century)) {
        whole->v.mod = q == 1 ? "START" : "END";
        return whole;
      }
    }
    // A quarter named without a year is this year's, unless a past-tense
    // sentence names one that has not begun yet.
    v.relative = true;
    if (!anchor_has(DatePrecision::year)) {
      v.note = anchor_missing_note("the year");
      return Match{k, v};
    }
    v.y = a_.year;
    int first_month = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
    if (anchor_has(DatePrecision::month) && first_month > a_.month &&
        tense_at(i, k) == Tense::past)
      v.y -= 1;
    return Match{k, v};
  }

  // A year written out at k: "1996", or as broadcasts say it, "nineteen
  // ninety-six", "two thousand (and) eight". Sets *end past it.
  bool year_at(size_t k, int* year, size_t* end) const {
    if (is_year_number(w(k), year)) {
      *end = k + 1;
      return true;
    }
    std::string count;
    int n = 0;
    if (is(k, "nineteen") || is(k, "eighteen")) {
      if (!count_at(k + 1, end, &count, false) || !parse_int(count, 2, &n) || n < 10) return false;
      *year = (is(k, "nineteen") ? 1900 : 1800) + n;
      return true;
    }
    if (is(k, "two") && is(k + 1, "thousand")) {
      size_t j = is(k + 2, "and") ? k + 3 : k + 2;
      *year = 2000;
      *end = k + 2;
      if (count_at(j, end, &count, false) && parse_int(count, 2, &n) && n < 100) *year += n;
      else *end = k + 2;
      return true;
    }
    return false;
  }

  // "(of) last year", "this year", "next year" after a month: "June last
  // year". Sets v's year (or its note) and *end.
  bool relative_year_at(size_t k, Val* v, size_t* end) const {
    if (is(k, "of")) ++k;
    int offset = is(k, "last") ? -1 : is(k, "this") ? 0 : is(k, "next") ? 1 : 2;
    if (offset == 2 || !is(k + 1, "year") || is(k + 2, "'s")) return false;
    Val y = shift(Gran::year, offset);
    v->relative = true;
    v->y = y.gran == Gran::year ? y.y : kNoYear;
    v->note = y.note;
    *end = k + 2;
    return true;
  }

  // Spoken years standing alone: "nineteen ninety-six". "Two thousand"
  // alone is a count, so it is a year only after "the year" (match_the_period).
  std::optional<Match> match_spoken_year(size_t i) const {
    if (!is(i, "nineteen") && !is(i, "eighteen")) return std::nullopt;
    Val v;
    size_t end = 0;
    if (!year_at(i, &v.y, &end)) return std::nullopt;
    v.gran = Gran::year;
    v.year_given = true;
    return Match{end, v};
  }

  // "spring 2024", "the fall of 2023", "in the spring", "in winter".
  std::optional<Match> match_season(size_t i) const {
    size_t j = is(i, "the") ? i + 1 : i;
    int s = season_of(w(j));
    if (s < 0) return std::nullopt;
    size_t k = is(j + 1, "of") ? j + 2 : j + 1;
    int year = 0;
    size_t end = 0;
    if (year_at(k, &year, &end)) {
      Val v;
      v.gran = Gran::season;
      v.sub = s;
      v.y = year;
      v.year_given = true;
      return Match{end, v};
    }
    // Without a year the word needs a determiner or preposition: "fall" is a verb.
    bool framed = j > i || (i > sb_ && (w(i - 1) == "in" || w(i - 1) == "during" ||
                                        w(i - 1) == "this" || w(i - 1) == "by" ||
                                        w(i - 1) == "until" || w(i - 1) == "since" ||
                                        w(i - 1) == "mid" || w(i - 1) == "early" ||
                                        w(i - 1) == "late"));
    if (!framed || (s == 2 && j == i)) return std::nullopt;
    return Match{j + 1, season(s, 0, tense_at(i, j + 1))};
  }

  // ---- emission ----

  // Writes the match at i (merging a coordinated second expression when they
  // form a range) and returns the token to continue from.
  size_t emit(size_t i, Match m, Layer<Timex>* out) {
    if (m.v.gran == Gran::literal && m.v.literal.empty()) return m.end;  // invalid()
    size_t end = m.end;
    Val& a = m.v;
    std::string range_end;
    std::string_view conj = w(end);
    bool joins = conj == "and" || conj == "or" || conj == "to" || conj == "through" ||
                 conj == "until" || conj == "till" || conj == "-" || conj == "–" || conj == "thru";
    if (joins && a.type == TimexType::date) {
      auto b = match(end + 1);
      // "November 15th through the 19th": the second day is in the first's month.
      if (b && b->v.bare_day && a.gran == Gran::day && a.y != kNoYear && b->v.d > a.d) {
        b->v.y = a.y;
        b->v.m = a.m;
      }
      if (b && b->v.type == TimexType::date && b->v.gran == a.gran && b->v.gran != Gran::literal) {
        // "January and February 2024": the year given once serves both.
        if (!a.year_given && b->v.year_given && (a.gran == Gran::month || a.gran == Gran::day ||
                                                 a.gran == Gran::season || a.gran == Gran::quarter)) {
          a.y = b->v.y;
          a.relative = b->v.relative;
          a.year_given = true;
          a.note.clear();
        }
        bool from_to = i > sb_ && (w(i - 1) == "between" || w(i - 1) == "from");
        bool span_words = conj != "and" && conj != "or";
        bool consecutive = false;
        if (a.gran == Gran::month && a.y != kNoYear && b->v.y != kNoYear)
          consecutive = b->v.y * 12 + b->v.m == a.y * 12 + a.m + 1;
        else if (a.gran == Gran::month && a.y == kNoYear && b->v.y == kNoYear)
          consecutive = b->v.m == a.m + 1;
        if (from_to || span_words || consecutive) {
          range_end = format_value(b->v);
          end = b->end;
        }
      }
    }
    // Quarters derived from another ("a year earlier") do not become the
    // referent, nor do the current quarter and forecasts ("losses through the
    // third quarter of next year"): results compare a quarter that has ended,
    // by the calendar or by the text ("its fourth quarter ended Sept. 30").
    // Nor does one named in passing, as a judged noun ("after a flat second
    // quarter"); "a third-quarter loss" still reports the quarter.
    bool in_passing = i > sb_ + 1 && (w(i - 2) == "a" || w(i - 2) == "an") && !is_number(i - 1) &&
                      w(m.end - 1) == "quarter";
    if (a.gran == Gran::quarter && a.y != kNoYear && !a.from_text && !in_passing &&
        (ended(a) || is(m.end, "ended"))) {
      last_quarter_ = a;
      year_to_date_ = false;
    }
    // "For the nine months, net rose from a year earlier": the comparison is
    // with the year before, not with the quarter named earlier.
    auto opens_period = [&](size_t k) { return is(k, "the") || is(k, "first") || is(k, "latest"); };
    if (a.type == TimexType::duration && (a.literal == "P9M" || a.literal == "P6M") &&
        (opens_period(i) || (i > sb_ && opens_period(i - 1))))
      year_to_date_ = true;
    if (a.type == TimexType::date && a.y != kNoYear && range_end.empty()) {
      PartialDate d;
      d.year = a.y;
      d.month = a.m;
      d.day = a.d;
      d.precision = a.gran == Gran::day ? DatePrecision::day
                    : a.gran == Gran::month ? DatePrecision::month
                    : a.gran == Gran::year ? DatePrecision::year : DatePrecision::unknown;
      if (d.known()) last_date_ = d;
    }
    Timex t;
    t.type = a.type;
    t.value = format_value(a);
    if (!range_end.empty()) t.value += "/" + range_end;
    t.mod = a.mod;
    // Signal words bound points in time: "after three weeks" is no date.
    if (t.mod.empty() && a.type != TimexType::duration && a.type != TimexType::set) t.mod = signal_mod(i);
    t.note = a.note;
    if (t.value.find('X') != std::string::npos && a.relative) t.anchor = "none";
    else if (a.from_text) t.anchor = "text";
    else if (a.relative) t.anchor = std::string(anchor_kind_);
    else t.anchor = "absolute";
    Span span{doc_.tokens[i].span.begin, doc_.tokens[end - 1].span.end};
    out->add(span, std::move(t));
    return range_end.empty() ? m.end : end;
  }

  // True when a quarter ended before the anchor month (or the anchor is too
  // coarse to tell).
  bool ended(const Val& q) const {
    if (!anchor_has(DatePrecision::month)) return true;
    return q.y * 12 + q.sub * 3 - 1 < a_.year * 12 + a_.month - 1;
  }

  // Signal words before an expression that bound it: "as early as July".
  std::string signal_mod(size_t i) const {
    if (i >= sb_ + 3 && w(i - 3) == "as" && w(i - 2) == "early" && w(i - 1) == "as") return "ON_OR_AFTER";
    if (i >= sb_ + 3 && w(i - 3) == "as" && w(i - 2) == "late" && w(i - 1) == "as") return "ON_OR_BEFORE";
    if (i >= sb_ + 3 && w(i - 3) == "no" && w(i - 2) == "later" && w(i - 1) == "than") return "ON_OR_BEFORE";
    if (i > sb_ && (w(i - 1) == "by" || w(i - 1) == "until")) return "ON_OR_BEFORE";
    if (i > sb_ && w(i - 1) == "before") return "BEFORE";
    if (i > sb_ && w(i - 1) == "after") return "AFTER";
    if (i > sb_ && w(i - 1) == "since") return "ON_OR_AFTER";
    return "";
  }

  const Document& doc_;
  PartialDate a_;
  std::string_view anchor_kind_;
  std::vector<std::string> words_;
  std::vector<bool> starts_;  // may_start(words_[i])
  size_t sb_ = 0, se_ = 0;  // the current sentence's tokens
  bool about_quarter_ = false;  // this sentence or the one before names a quarter or period
  // The last quarter the text named: "a year earlier" in a sentence about
  // quarterly results means that quarter a year back.
  std::optional<Val> last_quarter_;
  // The period last named is a year-to-date one ("the nine months") rather
  // than last_quarter_: "a year earlier" is then the year before.
  bool year_to_date_ = false;
  // The last calendar date the text named, for "the following year".
  std::optional<PartialDate> last_date_;
};

// The least confidence a publication-date estimate needs to anchor relative
// expressions.
constexpr double kMinAnchorConfidence = 0.5;

class TimeTagger : public Component {
 public:
  const char* name() const override { return "time"; }
  void process(Document& doc) const override {
    if (doc.published.known()) {
      tag_times(doc, doc.published, "published");
      return;
    }
    // Absolute expressions first; they are the evidence for the estimate.
    tag_times(doc, PartialDate{}, "published");
    PublicationEstimate estimate = estimate_publication_date(doc);
    doc.published_estimate = estimate.date;
    doc.published_confidence = estimate.confidence;
    // A weak estimate (only the latest year or month the text names) would
    // turn "last month" into a confident-looking wrong date; those stay
    // underspecified, with a note.
    if (estimate.confidence >= kMinAnchorConfidence) tag_times(doc, estimate.date, "estimated");
  }
};

}  // namespace

void tag_times(Document& doc, const PartialDate& anchor, std::string_view anchor_kind) {
  doc.times.clear();
  Scanner(doc, anchor, anchor_kind).run(&doc.times);
  doc.times.sort();
}

Result<std::unique_ptr<Component>> make_time_tagger(const Resources&) {
  return std::unique_ptr<Component>(new TimeTagger());
}

}  // namespace cc
