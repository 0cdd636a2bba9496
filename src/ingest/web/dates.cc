#include "ingest/web/dates.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "ingest/web/page.h"

namespace cc::web {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// ---- Reading dates ----

struct MonthName {
  std::string_view name;
  int month;
  bool abbreviated;  // also matched by its first three or four letters ("Sept", "Mär")
};
// English, German, French and Spanish names are also read abbreviated; the
// other languages' abbreviations too often spell common words ("set", "out").
constexpr MonthName kMonths[] = {
    {"january", 1, true},      {"february", 2, true},    {"march", 3, true},
    {"april", 4, true},        {"may", 5, true},         {"june", 6, true},
    {"july", 7, true},         {"august", 8, true},      {"september", 9, true},
    {"october", 10, true},     {"november", 11, true},   {"december", 12, true},
    {"januar", 1, true},       {"februar", 2, true},     {"märz", 3, true},
    {"mai", 5, true},          {"juni", 6, true},        {"juli", 7, true},
    {"oktober", 10, true},     {"dezember", 12, true},   {"jänner", 1, true},
    {"janvier", 1, true},      {"février", 2, true},     {"mars", 3, true},
    {"avril", 4, true},        {"juin", 6, true},        {"juillet", 7, true},
    {"août", 8, true},         {"septembre", 9, true},   {"octobre", 10, true},
    {"novembre", 11, true},    {"décembre", 12, true},   {"enero", 1, true},
    {"febrero", 2, true},      {"marzo", 3, true},       {"abril", 4, true},
    {"mayo", 5, true},         {"junio", 6, true},       {"julio", 7, true},
    {"agosto", 8, true},       {"septiembre", 9, true},  {"octubre", 10, true},
    {"noviembre", 11, true},   {"diciembre", 12, true},
    // Italian
    {"gennaio", 1, false},     {"febbraio", 2, false},   {"aprile", 4, false},
    {"maggio", 5, false},      {"giugno", 6, false},     {"luglio", 7, false},
    {"settembre", 9, false},   {"ottobre", 10, false},   {"dicembre", 12, false},
    // Portuguese
    {"janeiro", 1, false},     {"fevereiro", 2, false},  {"março", 3, false},
    {"maio", 5, false},        {"junho", 6, false},      {"julho", 7, false},
    {"setembro", 9, false},    {"outubro", 10, false},   {"novembro", 11, false},
    {"dezembro", 12, false},
    // Dutch
    {"januari", 1, false},     {"februari", 2, false},   {"maart", 3, false},
    {"mei", 5, false},         {"augustus", 8, false},
    // Polish (genitive, as dates write them)
    {"stycznia", 1, false},    {"lutego", 2, false},     {"marca", 3, false},
    {"kwietnia", 4, false},    {"maja", 5, false},       {"czerwca", 6, false},
    {"lipca", 7, false},       {"sierpnia", 8, false},   {"września", 9, false},
    {"października", 10, false}, {"listopada", 11, false}, {"grudnia", 12, false},
    // Russian (genitive)
    {"января", 1, false},      {"февраля", 2, false},    {"марта", 3, false},
    {"апреля", 4, false},      {"мая", 5, false},        {"июня", 6, false},
    {"июля", 7, false},        {"августа", 8, false},    {"сентября", 9, false},
    {"октября", 10, false},    {"ноября", 11, false},    {"декабря", 12, false},
    // Ukrainian (genitive)
    {"січня", 1, false},       {"лютого", 2, false},     {"березня", 3, false},
    {"квітня", 4, false},      {"травня", 5, false},     {"червня", 6, false},
    {"липня", 7, false},       {"серпня", 8, false},     {"вересня", 9, false},
    {"жовтня", 10, false},     {"листопада", 11, false}, {"грудня", 12, false}};

// Every month name and accepted abbreviation, to its month; where two
// languages share a spelling the earlier entry of kMonths wins.
const std::unordered_map<std::string_view, int>& month_words() {
  static const std::unordered_map<std::string_view, int> words = [] {
    std::unordered_map<std::string_view, int> w;
    for (const auto& m : kMonths) w.emplace(m.name, m.month);
    for (const auto& m : kMonths)
      if (m.abbreviated)
        for (size_t n = 3; n <= 4 && n < m.name.size(); ++n) w.emplace(m.name.substr(0, n), m.month);
    return w;
  }();
  return words;
}

// The month named by the letters at s[i..], advancing i past the word and
// an abbreviation dot; 0 when the word is not a month.
int read_month(std::string_view s, size_t& i) {
  constexpr size_t kLongestName = 24;  // bytes, "października"
  size_t j = i;
  while (j < s.size() && (is_alpha(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80)) ++j;
  std::string_view word = s.substr(i, j - i);
  if (word.size() < 3 || word.size() > kLongestName) return 0;
  auto it = month_words().find(word);
  if (it == month_words().end()) return 0;
  i = j;
  if (i < s.size() && s[i] == '.') ++i;
  return it->second;
}

// Reads up to `max_digits` digits at s[i]; -1 when there are none or more follow.
int read_number(std::string_view s, size_t& i, size_t max_digits) {
  size_t j = i;
  int v = 0;
  while (j < s.size() && j - i < max_digits && is_digit(s[j])) v = v * 10 + (s[j++] - '0');
  if (j == i || (j < s.size() && is_digit(s[j]))) return -1;
  i = j;
  return v;
}

void skip(std::string_view s, size_t& i, std::string_view chars) {
  while (i < s.size() && chars.find(s[i]) != std::string_view::npos) ++i;
}

// Skips a connecting word: "5th of March", "5 de marzo de 2024".
void skip_of(std::string_view s, size_t& i) {
  if (s.substr(i, 3) == "of " || s.substr(i, 3) == "de ") i += 3;
}

bool ordinal_suffix(std::string_view s, size_t i) {
  std::string_view x = s.substr(i, 2);
  return x == "st" || x == "nd" || x == "rd" || x == "th";
}

std::optional<Stamp> make_date(int y, int m, int d) {
  if (y < 1990 || y > 2100 || !valid_calendar_date(y, m, d)) return std::nullopt;
  Stamp st;
  st.date.year = y;
  st.date.month = m;
  st.date.day = d;
  st.date.precision = DatePrecision::day;
  return st;
}

// A time after a day ("T10:12", " 10:12:30.5+02:00", " 10:12 GMT") at s[i].
void read_time(std::string_view s, size_t i, Stamp& st) {
  if (i >= s.size() || (s[i] != 't' && s[i] != ' ')) return;
  ++i;
  int h = read_number(s, i, 2);
  if (h < 0 || h > 23 || i >= s.size() || s[i] != ':') return;
  ++i;
  int m = read_number(s, i, 2);
  if (m < 0 || m > 59) return;
  st.date.hour = h;
  st.date.minute = m;
  st.date.precision = DatePrecision::time;
  if (i < s.size() && s[i] == ':') {
    size_t k = i + 1;
    int sec = read_number(s, k, 2);
    if (sec >= 0 && sec <= 60) {
      st.second = sec;
      i = k;
      if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
      }
    }
  }
  if (i < s.size() && s[i] == 'z') {
    st.zoned = true;
    return;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int sign = s[i] == '-' ? -1 : 1;
    size_t k = i + 1;
    size_t start = k;
    while (k < s.size() && is_digit(s[k]) && k - start < 4) ++k;
    int oh = -1, om = 0;
    if (k - start == 4) {
      oh = (s[start] - '0') * 10 + (s[start + 1] - '0');
      om = (s[start + 2] - '0') * 10 + (s[start + 3] - '0');
    } else if (k - start == 2) {
      oh = (s[start] - '0') * 10 + (s[start + 1] - '0');
      if (k + 2 < s.size() && s[k] == ':' && is_digit(s[k + 1]) && is_digit(s[k + 2]))
        om = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
    }
    if (oh >= 0 && oh <= 14 && om < 60) {
      st.zoned = true;
      st.offset = sign * (oh * 60 + om);
    }
    return;
  }
  if (s.substr(i, 4) == " gmt" || s.substr(i, 4) == " utc") st.zoned = true;
}

// A date starting exactly at s[i] of lower-cased text.
std::optional<Stamp> date_at(std::string_view s, size_t i, bool two_digit_year) {
  size_t k = i;
  if (is_digit(s[i])) {
    int a = read_number(s, k, 4);
    if (a < 0) return std::nullopt;
    if (k - i == 4 && k < s.size() && (s[k] == '-' || s[k] == '/' || s[k] == '.')) {
      char sep = s[k++];
      int m = read_number(s, k, 2);
      if (m < 0 || k >= s.size() || s[k] != sep) return std::nullopt;
      ++k;
      int d = read_number(s, k, 2);
      auto st = make_date(a, m, d);
      if (st) read_time(s, k, *st);
      return st;
    }
    if (k - i > 2) return std::nullopt;
    if (k < s.size() && (s[k] == '.' || s[k] == '/' || s[k] == '-') && k + 1 < s.size() &&
        is_digit(s[k + 1])) {
      char sep = s[k++];
      int b = read_number(s, k, 2);
      if (b < 0 || k >= s.size() || s[k] != sep) return std::nullopt;
      ++k;
      size_t ys = k;
      int y = read_number(s, k, 4);
      if (two_digit_year && sep == '.' && k - ys == 2) y += y < 90 ? 2000 : 1900;
      else if (k - ys != 4) return std::nullopt;
      // Dotted dates are day-first (Europe); slashed ones month-first unless impossible.
      bool day_first = sep == '.' || a > 12;
      auto st = day_first ? make_date(y, b, a) : make_date(y, a, b);
      if (st) read_time(s, k, *st);
      return st;
    }
    // "5 March 2024", "5. März 2024", "5th of March, 2024", "5 de marzo de 2024"
    if (k + 1 < s.size() && ordinal_suffix(s, k)) k += 2;
    skip(s, k, ". ");
    skip_of(s, k);
    int m = read_month(s, k);
    if (!m) return std::nullopt;
    skip(s, k, ", ");
    skip_of(s, k);
    size_t ys = k;
    int y = read_number(s, k, 4);
    if (k - ys != 4) return std::nullopt;
    auto st = make_date(y, m, a);
    if (st) {
      skip(s, k, ", ");
      if (k > 0) read_time(s, k - 1, *st);
    }
    return st;
  }
  // "March 5, 2024", "Mar. 5th 2024"
  int m = read_month(s, k);
  if (!m) return std::nullopt;
  skip(s, k, " ");
  int d = read_number(s, k, 2);
  if (d < 0) return std::nullopt;
  if (ordinal_suffix(s, k)) k += 2;
  skip(s, k, ", ");
  size_t ys = k;
  int y = read_number(s, k, 4);
  if (k - ys != 4) return std::nullopt;
  return make_date(y, m, d);
}

// Minutes since the epoch of the instant a stamp's wall clock shows (UTC
// when zoned, else the writer's local clock read as UTC).
int64_t clock_minutes(const Stamp& s) {
  using namespace std::chrono;
  sys_days days = year{s.date.year} / month{static_cast<unsigned>(s.date.month)} /
                  day{static_cast<unsigned>(s.date.day)};
  return static_cast<int64_t>(days.time_since_epoch().count()) * 1440 + s.date.hour * 60 +
         s.date.minute - (s.zoned ? s.offset : 0);
}

// ---- Choosing the publication date ----

// Weights of the cues, in units of "one weak hint". A cue that names the
// article itself (JSON-LD, the publication meta tags) outweighs any single
// visible hint, but two or three visible hints that agree outweigh it.
constexpr float kLinkedData = 4;
constexpr float kMetaPublished = 4;
constexpr float kUrl = 3;
constexpr float kUnderHeadline = 3;
constexpr float kLabelled = 3;
constexpr float kFirstTime = 2;
constexpr float kFirstDateText = 2;
constexpr float kMetaOther = 2;
constexpr float kMetaGeneric = 1.5;
constexpr float kLaterHint = 1;
constexpr float kFirstInText = 0.75;
constexpr float kModified = 0.5;
constexpr float kDescription = 0.5;

// How many of the page's first text blocks are read for dates.
constexpr size_t kMaxDateBlocks = 400;
// Blocks longer than this are prose, not a dateline or a "Published on" line.
constexpr size_t kMaxLabelBlockBytes = 200;
// A label's date must start within this many bytes after it. Labels are
// matched on ASCII-lower-cased text, hence "letzte Änderung".
constexpr size_t kLabelReach = 25;

constexpr std::string_view kPublishedLabels[] = {
    "published", "posted", "veröffentlicht", "erschienen", "publié", "publiée",
    "publicado", "publicada", "pubblicato", "gepubliceerd", "opublikowano"};
constexpr std::string_view kModifiedLabels[] = {
    "updated", "modified", "last edited", "aktualisiert", "geändert", "letzte Änderung",
    "stand", "mis à jour", "actualizado", "aggiornato", "bijgewerkt"};

// Meta keys naming the publication date, strongest first.
constexpr std::string_view kPublishedMeta[] = {
    "article:published_time", "og:published_time", "datepublished", "article.published",
    "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date.created", "sailthru.date",
    "parsely-pub-date", "article:published", "original-publish-date", "datecreated",
    "dc.created", "citation_publication_date"};
// Keys some templates fill with the page's generation or review date.
constexpr std::string_view kGenericMeta[] = {"date", "dc.date", "dcterms.date"};
constexpr std::string_view kModifiedMeta[] = {"article:modified_time", "og:updated_time",
                                              "datemodified", "last-modified",
                                              "dcterms.modified", "dateupdate", "dateupdated"};
// Last parts of other keys ("site:uploaded") that name a publication.
constexpr std::string_view kPublishedKeyEnds[] = {"published", "uploaded", "created",
                                                  "publication_date", "published_at",
                                                  "created_at", "release_date"};

template <size_t N>
bool in(std::string_view s, const std::string_view (&set)[N]) {
  for (auto x : set)
    if (x == s) return true;
  return false;
}

struct Vote {
  Stamp stamp;
  float weight;
  const char* from;
};

class Ballot {
 public:
  void add(const Stamp& s, float weight, const char* from) { votes_.push_back({s, weight, from}); }
  // Adds the first date in `text`; returns whether there was one.
  bool add(std::string_view text, float weight, const char* from, bool two_digit_year = false) {
    auto s = find_stamp(text, two_digit_year);
    if (s) add(*s, weight, from);
    return s.has_value();
  }
  bool empty() const { return votes_.empty(); }
  // A timestamp ("2024-03-05 22:35:29") that only testifies to the page's
  // time zone; other text is not read.
  void witness(std::string_view text) {
    constexpr size_t kLongestStamp = 40;
    if (text.empty() || text.size() > kLongestStamp || !is_digit(text[0])) return;
    if (auto s = find_stamp(text); s && s->date.precision == DatePrecision::time)
      witnesses_.push_back(*s);
  }

  PublishedDate winner() const {
    struct Tally {
      float total = 0;
      const Vote* best = nullptr;  // the heaviest vote, first of equals
    };
    std::map<int, Tally> days;  // by yyyymmdd
    std::vector<int> order;     // days in the order first voted for
    for (const Vote& v : votes_) {
      int key = v.stamp.date.year * 10000 + v.stamp.date.month * 100 + v.stamp.date.day;
      Tally& t = days[key];
      if (!t.best) order.push_back(key);
      t.total += v.weight;
      if (!t.best || v.weight > t.best->weight) t.best = &v;
    }
    const Tally* win = nullptr;
    for (int key : order) {
      const Tally& t = days[key];
      if (!win || t.total > win->total ||
          (t.total == win->total && t.best->weight > win->best->weight))
        win = &t;
    }
    PublishedDate out;
    if (!win) return out;
    Stamp chosen = local(win->best->stamp);
    out.date = chosen.date;
    out.from = win->best->from;
    return out;
  }

 private:
  // A UTC timestamp written again elsewhere on the page with the local
  // offset, or as the same minute and second on a local clock, is reported
  // in that local time: the day readers of the page saw.
  Stamp local(const Stamp& s) const {
    if (!s.zoned || s.offset != 0 || s.date.precision != DatePrecision::time) return s;
    int64_t utc = clock_minutes(s);
    auto same_instant = [&](const Stamp& w) {
      if (w.date.precision != DatePrecision::time) return false;
      if (w.zoned) return w.offset != 0 && clock_minutes(w) == utc;
      int64_t shift = clock_minutes(w) - utc;  // the local zone's offset, if it is one
      return s.second >= 0 && w.second == s.second && shift != 0 &&
             std::abs(shift) <= 14 * 60 && shift % 15 == 0;
    };
    for (const Vote& v : votes_)
      if (same_instant(v.stamp)) return v.stamp;
    for (const Stamp& w : witnesses_)
      if (same_instant(w)) return w;
    return s;
  }

  std::vector<Vote> votes_;
  std::vector<Stamp> witnesses_;
};

// The JSON-LD vote: the day most objects give as published (Article types
// first among equals), so one stray object is outvoted by the others.
void vote_linked_data(const std::vector<LinkedDate>& linked, Ballot& ballot) {
  struct Day {
    Stamp stamp;
    int objects = 0;
    int rank = 0;
  };
  std::vector<Day> days;
  int last_object = -1;
  for (const LinkedDate& d : linked) {
    ballot.witness(d.value);
    if (d.kind != LinkedDate::published || d.object == last_object) continue;
    auto s = find_stamp(d.value);
    if (!s) continue;
    last_object = d.object;  // an object's datePublished, else its dateCreated
    auto same = [&](const Day& x) {
      return x.stamp.date.year == s->date.year && x.stamp.date.month == s->date.month &&
             x.stamp.date.day == s->date.day;
    };
    auto it = std::find_if(days.begin(), days.end(), same);
    if (it == days.end()) it = days.insert(days.end(), Day{*s, 0, d.rank});
    it->objects += d.rank > 0 ? 2 : 1;  // a WebPage or Article counts double
    it->rank = std::max(it->rank, d.rank);
  }
  const Day* best = nullptr;
  for (const Day& d : days)
    if (!best || d.objects > best->objects || (d.objects == best->objects && d.rank > best->rank))
      best = &d;
  if (best) ballot.add(best->stamp, best->rank > 0 ? kLinkedData : kLaterHint, "json-ld");
  for (const LinkedDate& d : linked)
    if (d.kind == LinkedDate::modified && d.rank > 0) {
      ballot.add(d.value, kModified, "json-ld-modified");
      break;
    }
}

void vote_meta(const Page& page, Ballot& ballot) {
  auto first = [&](const auto& keys) -> const std::string* {
    for (auto key : keys)
      for (const auto& [k, v] : page.meta)
        if (k == key && find_stamp(v)) return &v;
    return nullptr;
  };
  if (auto* v = first(kPublishedMeta)) ballot.add(*v, kMetaPublished, "meta");
  if (auto* v = first(kGenericMeta)) ballot.add(*v, kMetaGeneric, "meta");
  if (auto* v = first(kModifiedMeta)) ballot.add(*v, kModified, "meta-modified");
  for (const auto& [k, v] : page.meta) {
    ballot.witness(v);
    if (in(k, kPublishedMeta) || in(k, kGenericMeta) || in(k, kModifiedMeta)) continue;
    size_t cut = k.find_last_of(":.");
    std::string_view end = std::string_view(k).substr(cut == std::string::npos ? 0 : cut + 1);
    if (in(end, kPublishedKeyEnds) && ballot.add(v, kMetaOther, "meta")) break;
  }
}

// "Published on 5 March 2024", "Aktualisiert am 05.03.2024": a label right
// before a date says which date it is.
void vote_labels(std::string_view block, Ballot& ballot) {
  std::string text = lower(block);
  auto scan = [&](const auto& labels, float weight, const char* from) {
    for (auto label : labels) {
      for (size_t at = text.find(label); at != std::string::npos; at = text.find(label, at + 1)) {
        if (at > 0 && is_alnum(text[at - 1])) continue;
        std::string_view rest = std::string_view(text).substr(at + label.size());
        size_t date_at = 0;
        auto s = find_stamp(rest.substr(0, kLabelReach + 40), false, &date_at);
        if (s && date_at <= kLabelReach) {
          ballot.add(*s, weight, from);
          return true;
        }
      }
    }
    return false;
  };
  if (!scan(kPublishedLabels, kLabelled, "label")) scan(kModifiedLabels, kModified, "label-modified");
}

// The <h1> that is the article's headline: the one sharing most words with
// the title, else the first.
const Page::Headline* article_headline(const Page& page, std::string_view title) {
  const Page::Headline* best = nullptr;
  size_t best_shared = 0;
  std::string t = lower(title);
  for (const auto& h : page.headlines) {
    std::string text = lower(h.text);
    size_t shared = 0;
    for (size_t i = 0; i < text.size();) {
      size_t j = i;
      while (j < text.size() && (is_alnum(text[j]) || static_cast<unsigned char>(text[j]) >= 0x80)) ++j;
      if (j - i >= 3 && t.find(std::string_view(text).substr(i, j - i)) != std::string::npos) ++shared;
      i = j + 1;
    }
    if (!best || shared > best_shared) {
      best = &h;
      best_shared = shared;
    }
  }
  return best;
}

}  // namespace

std::optional<Stamp> find_stamp(std::string_view raw, bool two_digit_year, size_t* at) {
  std::string s = lower(raw.substr(0, 400));
  for (size_t i = 0; i < s.size(); ++i) {
    bool starts_word = i == 0 || !is_alnum(s[i - 1]);
    if (!starts_word) continue;
    if (!is_alnum(s[i]) && static_cast<unsigned char>(s[i]) < 0x80) continue;
    if (auto d = date_at(s, i, two_digit_year)) {
      if (at) *at = i;
      return d;
    }
  }
  return std::nullopt;
}

std::optional<PartialDate> parse_page_date(std::string_view s) {
  auto st = find_stamp(s);
  if (!st) return std::nullopt;
  return st->date;
}

std::optional<PartialDate> date_from_url(std::string_view url) {
  size_t path = url.find("://");
  path = path == std::string_view::npos ? 0 : url.find('/', path + 3);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view s = url.substr(path);
  for (size_t i = 0; i + 5 < s.size(); ++i) {
    if (s[i] != '/' && s[i] != '-' && s[i] != '_') continue;
    size_t k = i + 1;
    size_t ys = k;
    int y = read_number(s, k, 4);
    if (y < 0) continue;
    if (k - ys != 4 || y < 1990 || y > 2100 || k >= s.size()) continue;
    char sep = s[k];
    if (sep != '/' && sep != '-' && sep != '_') continue;
    ++k;
    int m = read_number(s, k, 2);
    if (m < 1 || m > 12) continue;
    if (k < s.size() && s[k] == sep) {
      size_t d_at = k + 1;
      int d = read_number(s, d_at, 2);
      if (d > 0)
        if (auto st = make_date(y, m, d)) return st->date;
    }
    if (sep == '/' && (k >= s.size() || s[k] == '/')) {
      PartialDate p;
      p.year = y;
      p.month = m;
      p.precision = DatePrecision::month;
      return p;
    }
  }
  // Compact "/20240305" runs.
  for (size_t i = 0; i + 9 <= s.size(); ++i) {
    if (s[i] != '/' && s[i] != '-' && s[i] != '_') continue;
    size_t k = i + 1;
    size_t start = k;
    while (k < s.size() && is_digit(s[k])) ++k;
    if (k - start != 8) continue;
    int v = std::stoi(std::string(s.substr(start, 8)));
    if (auto st = make_date(v / 10000, v / 100 % 100, v % 100)) return st->date;
  }
  return std::nullopt;
}

PublishedDate find_published(const Page& page, const std::vector<LinkedDate>& linked,
                             std::string_view url, std::string_view title) {
  Ballot ballot;
  vote_linked_data(linked, ballot);
  vote_meta(page, ballot);
  std::optional<PartialDate> from_url = date_from_url(url);
  if (from_url && from_url->precision >= DatePrecision::day) {
    Stamp s;
    s.date = *from_url;
    ballot.add(s, kUrl, "url");
  }
  if (!page.data_dates.empty()) ballot.add(page.data_dates.front(), kMetaOther, "script");
  size_t times = 0;
  for (const auto& t : page.time_datetimes) {
    ballot.witness(t);
    if (times < 2 && ballot.add(t, times == 0 ? kFirstTime : kLaterHint, "time")) ++times;
  }
  size_t texts = 0;
  for (const auto& t : page.date_texts) {
    if (t.modified) {
      ballot.add(t.text, kModified, "text-modified", true);
    } else if (texts < 2 && ballot.add(t.text, texts == 0 ? kFirstDateText : kLaterHint, "text", true)) {
      ++texts;
    }
  }
  if (const Page::Headline* h = article_headline(page, title))
    if (!ballot.add(h->text, kUnderHeadline, "headline"))
      ballot.add(h->after, kUnderHeadline, "headline");
  bool first_text_date = false;
  for (size_t i = 0; i < page.blocks.size() && i < kMaxDateBlocks; ++i) {
    std::string_view block = page.block_text(page.blocks[i]);
    if (block.find_first_of("0123456789") == std::string_view::npos) continue;  // no date here
    if (!first_text_date) first_text_date = ballot.add(block, kFirstInText, "page-text");
    if (block.size() <= kMaxLabelBlockBytes) vote_labels(block, ballot);
  }
  // A date in the page's description, when nothing else gives one.
  if (ballot.empty())
    if (auto* v = page.meta_value({"description", "og:description"}))
      ballot.add(*v, kDescription, "description");
  PublishedDate out = ballot.winner();
  // A month from the URL is better than nothing.
  if (!out.date.known() && from_url) {
    out.date = *from_url;
    out.from = "url";
  }
  return out;
}

}  // namespace cc::web
