#include "nlp/quantity/quantity.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <cmath>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nlp/tokenize.h"

namespace cc {

namespace {

// ---------------------------------------------------------------- lexicons

struct UnitEntry {
  std::string unit;
  QuantityKind kind;
};

struct CountedEntry {
  std::string lemma;
  std::string cls;
};

struct Lexicons {
  std::unordered_map<std::string, UnitEntry> units;  // form -> unit ("square kilometers")
  size_t longest_unit_tokens = 1;
  std::unordered_map<std::string, CountedEntry> counted;  // form -> lemma, class
};

// Reads a tab-separated file with at least `columns` fields a line; '#' starts a comment line.
Status read_tsv(const std::string& path, size_t columns,
                const std::function<void(const std::vector<std::string>&)>& row) {
  std::ifstream in(path);
  if (!in) return Status::error("cannot open " + path);
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    if (fields.size() < columns)
      return Status::error(path + ":" + std::to_string(number) + ": expected " +
                           std::to_string(columns) + " tab-separated fields");
    row(fields);
  }
  return Status();
}

// ------------------------------------------------------------ word tables

const std::unordered_map<std::string_view, double>& small_numbers() {
  static const std::unordered_map<std::string_view, double> k = {
      {"zero", 0},       {"one", 1},        {"two", 2},         {"three", 3},      {"four", 4},
      {"five", 5},       {"six", 6},        {"seven", 7},       {"eight", 8},      {"nine", 9},
      {"ten", 10},       {"eleven", 11},    {"twelve", 12},     {"thirteen", 13},  {"fourteen", 14},
      {"fifteen", 15},   {"sixteen", 16},   {"seventeen", 17},  {"eighteen", 18},  {"nineteen", 19},
      {"twenty", 20},    {"thirty", 30},    {"forty", 40},      {"fifty", 50},     {"sixty", 60},
      {"seventy", 70},   {"eighty", 80},    {"ninety", 90}};
  return k;
}

// Scale words after a numeral ("3 million", "1.5bn").
std::optional<double> scale_of(std::string_view w) {
  if (w == "thousand" || w == "k") return 1e3;
  if (w == "million" || w == "mn" || w == "m" || w == "mln") return 1e6;
  if (w == "billion" || w == "bn" || w == "b" || w == "bln") return 1e9;
  if (w == "trillion" || w == "tn" || w == "trn") return 1e12;
  return std::nullopt;
}

// Plural scales used as vague counts: "hundreds", "thousands".
std::optional<double> vague_scale(std::string_view w) {
  if (w == "dozens") return 12;
  if (w == "scores") return 20;
  if (w == "hundreds") return 1e2;
  if (w == "thousands") return 1e3;
  if (w == "millions") return 1e6;
  if (w == "billions") return 1e9;
  return std::nullopt;
}

std::optional<double> fraction_word(std::string_view w) {
  if (w == "half") return 0.5;
  if (w == "third" || w == "thirds") return 1.0 / 3;
  if (w == "quarter" || w == "quarters") return 0.25;
  if (w == "fifth" || w == "fifths") return 0.2;
  if (w == "sixth" || w == "sixths") return 1.0 / 6;
  if (w == "eighth" || w == "eighths") return 0.125;
  if (w == "tenth" || w == "tenths") return 0.1;
  return std::nullopt;
}

// "second", "twenty-first", "hundredth": word ordinals.
std::optional<double> ordinal_word(std::string_view w) {
  static const std::unordered_map<std::string_view, double> k = {
      {"first", 1},        {"second", 2},        {"third", 3},         {"fourth", 4},
      {"fifth", 5},        {"sixth", 6},         {"seventh", 7},       {"eighth", 8},
      {"ninth", 9},        {"tenth", 10},        {"eleventh", 11},     {"twelfth", 12},
      {"thirteenth", 13},  {"fourteenth", 14},   {"fifteenth", 15},    {"sixteenth", 16},
      {"seventeenth", 17}, {"eighteenth", 18},   {"nineteenth", 19},   {"twentieth", 20},
      {"thirtieth", 30},   {"fortieth", 40},     {"fiftieth", 50},     {"sixtieth", 60},
      {"seventieth", 70},  {"eightieth", 80},    {"ninetieth", 90},    {"hundredth", 100},
      {"thousandth", 1000}, {"millionth", 1e6}};
  if (auto it = k.find(w); it != k.end()) return it->second;
  size_t dash = w.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto tens = small_numbers().find(w.substr(0, dash));
  auto ones = k.find(w.substr(dash + 1));
  if (tens == small_numbers().end() || ones == k.end() || tens->second < 20 || ones->second >= 10)
    return std::nullopt;
  return tens->second + ones->second;
}

// "seven", "sixty-one": a word numeral below a hundred.
std::optional<double> word_value(std::string_view w) {
  auto it = small_numbers().find(w);
  if (it != small_numbers().end()) return it->second;
  size_t dash = w.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto tens = small_numbers().find(w.substr(0, dash));
  auto ones = small_numbers().find(w.substr(dash + 1));
  if (tens == small_numbers().end() || ones == small_numbers().end() || tens->second < 20 ||
      std::fmod(tens->second, 10) != 0 || ones->second == 0 || ones->second >= 10)
    return std::nullopt;
  return tens->second + ones->second;
}

// "and a half", "and a quarter" after a numeral: the fraction, else nothing.
std::optional<double> and_a_fraction(std::string_view w0, std::string_view w1, std::string_view w2) {
  if (w0 != "and" || (w1 != "a" && w1 != "an")) return std::nullopt;
  return fraction_word(w2);
}

std::optional<double> vulgar_fraction(std::string_view s) {
  if (s == "\u00bd") return 0.5;
  if (s == "\u00bc") return 0.25;
  if (s == "\u00be") return 0.75;
  if (s == "\u2153") return 1.0 / 3;
  if (s == "\u2154") return 2.0 / 3;
  return std::nullopt;
}

std::optional<std::string_view> currency_symbol(std::string_view s) {
  if (s == "$") return "USD";
  if (s == "\u20ac") return "EUR";
  if (s == "\u00a3") return "GBP";
  if (s == "\u00a5") return "JPY";
  if (s == "\u20bd") return "RUB";
  if (s == "\u20b4") return "UAH";
  if (s == "\u20a9") return "KRW";
  if (s == "\u20b9") return "INR";
  return std::nullopt;
}

bool is_month(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec"};
  return k.count(w) > 0;
}

enum class Bound : uint8_t { low, high, approx, approx_high, approx_low };

// The hedge table: words before a number and the bound they set. Matching
// keeps the longest entry that ends right before the number.
const std::vector<std::pair<std::vector<std::string_view>, Bound>>& hedges() {
  static const std::vector<std::pair<std::vector<std::string_view>, Bound>> k = {
      {{"over"}, Bound::low},           {{"more", "than"}, Bound::low},
      {{"at", "least"}, Bound::low},    {{"upwards", "of"}, Bound::low},
      {{"in", "excess", "of"}, Bound::low}, {{"no", "fewer", "than"}, Bound::low},
      {{"no", "less", "than"}, Bound::low}, {{"above"}, Bound::low},
      {{"exceeding"}, Bound::low},      {{"just", "over"}, Bound::approx_low},
      {{"a", "minimum", "of"}, Bound::low},
      {{"up", "to"}, Bound::high},      {{"as", "many", "as"}, Bound::high},
      {{"as", "much", "as"}, Bound::high}, {{"at", "most"}, Bound::high},
      {{"under"}, Bound::high},         {{"fewer", "than"}, Bound::high},
      {{"less", "than"}, Bound::high},  {{"below"}, Bound::high},
      {{"no", "more", "than"}, Bound::high}, {{"a", "maximum", "of"}, Bound::high},
      {{"nearly"}, Bound::approx_high}, {{"almost"}, Bound::approx_high},
      {{"just", "under"}, Bound::approx_high}, {{"close", "to"}, Bound::approx_high},
      {{"about"}, Bound::approx},       {{"around"}, Bound::approx},
      {{"roughly"}, Bound::approx},     {{"approximately"}, Bound::approx},
      {{"some"}, Bound::approx},        {{"an", "estimated"}, Bound::approx},
      {{"estimated"}, Bound::approx},   {{"approx"}, Bound::approx},
      {{"circa"}, Bound::approx},       {{"an", "approximate"}, Bound::approx},
      {{"roughly", "about"}, Bound::approx}};
  return k;
}

// Words before a number that describe the counted thing ("the initial 11,000").
bool is_pre_modifier(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "additional", "initial", "further", "extra", "another", "original", "total", "fresh",
      "new", "first", "remaining", "last", "reported", "confirmed", "official"};
  return k.count(w) > 0;
}

bool is_delta_modifier(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"additional", "further", "extra",
                                                         "another", "more", "fresh"};
  return k.count(w) > 0;
}

// Change verbs and nouns before "by" / "of" that make the number a change.
bool is_change_word(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "rose", "risen", "rise", "rises", "rising", "increased", "increase", "increases",
      "fell", "fallen", "fall", "falls", "falling", "dropped", "drop", "drops", "decreased",
      "decrease", "grew", "grown", "grow", "growth", "climbed", "climb", "declined", "decline",
      "jumped", "jump", "surged", "surge", "cut", "cuts", "reduced", "reduction", "expanded",
      "shrank", "shrunk", "gained", "gain", "lost", "slipped", "slumped", "soared", "plunged",
      "boosted", "raised", "lowered", "widened", "narrowed"};
  return k.count(w) > 0;
}

// Words that end a counted noun phrase: function words and common verbs.
bool is_np_stop(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "the", "a", "an", "of", "in", "on", "at", "to", "from", "for", "by", "with", "into",
      "onto", "and", "or", "but", "nor", "as", "than", "that", "which", "who", "whom", "whose",
      "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would",
      "could", "should", "may", "might", "must", "can", "do", "does", "did", "it", "its",
      "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "this", "these",
      "those", "there", "here", "not", "no", "so", "if", "when", "while", "since", "after",
      "before", "during", "per", "each", "every", "according", "said", "says", "say",
      "reportedly", "allegedly", "also", "about", "over", "under", "up", "down", "out", "until", "across", "near", "between", "among", "against", "through", "via",
      "including", "last", "ago", "later", "earlier", "now", "then", "still", "already"};
  return k.count(w) > 0;
}

// Words that link a noun to a figure after it: "casualties at over 6,000",
// "a death toll of 1,200", "losses reached 5,000".
bool is_link_word(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "at", "of", "to", "reached", "totaled", "totalled", "totaling", "totalling", "numbered",
      "numbering", "number", "was", "were", "is", "are", "stood", "stands", "rose", "climbed",
      "hit", "exceeded", "topped", "put", "estimated", "now", ":", "had", "has", "have"};
  return k.count(w) > 0;
}

bool is_weapon_word(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "gun", "guns", "howitzer", "howitzers", "shell", "shells", "round", "rounds", "mortar",
      "mortars", "rocket", "rockets", "launcher", "launchers", "cannon", "cannons", "artillery",
      "ammunition", "munitions", "calibre", "caliber", "rifle", "rifles", "missile", "missiles",
      "system", "systems", "projectiles", "projectile", "mlrs", "barrel", "tank", "tanks"};
  return k.count(w) > 0;
}

// English plural to singular for nouns the lexicon lacks ("countries",
// "boxes", "copies", "drills").
std::string singular(std::string_view w) {
  auto ends = [&](std::string_view e) {
    return w.size() > e.size() + 1 && w.substr(w.size() - e.size()) == e;
  };
  if (ends("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (ends("ses") || ends("xes") || ends("ches") || ends("shes") || ends("zes"))
    return std::string(w.substr(0, w.size() - 2));
  return std::string(w.substr(0, w.size() - 1));
}

// ---------------------------------------------------------------- tokens

struct Tok {
  Span span;
  TokenKind kind;
  bool capitalized;
  bool space_before;
  std::string_view text;
  std::string lower;
  bool in_url;  // part of a web address ("https://example.org/2024/05/a?id=30")
};

struct Number {
  size_t begin = 0, end = 0;  // token range of the numeral (with scale words and unit suffix)
  double value = 0;
  std::optional<double> low, high;  // set for ranges and vague counts
  bool vague = false;
  bool word_numeral = false;  // written in words ("three")
  bool has_scale = false;
  double scale = 1;  // the multiplier the scale words applied ("4 million" -> 1e6)
  bool has_separator = false;  // "3,000", "1.5"
  std::string unit;            // from a suffix ("170mm", "5km")
  QuantityKind kind = QuantityKind::count;
  bool plus = false;     // "6,000-plus"
  bool skip = false;     // set aside: decade, phone-like, malformed
  bool fraction = false; // "a third", "half"
};

constexpr size_t kMaxDigits = 18;  // doubles hold 15-17 significant digits; more is noise

// Parses a digit numeral ("3,000", "1.5"); nothing for malformed or absurd ones.
std::optional<double> parse_digits(std::string_view s, bool* separator) {
  std::string clean;
  size_t digits = 0, dots = 0;
  for (char c : s) {
    if (c == ',') {
      *separator = true;
      continue;
    }
    if (c == '.') {
      ++dots;
      *separator = true;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    } else {
      ++digits;
    }
    if (digits > kMaxDigits) return std::nullopt;
    clean.push_back(c);
  }
  if (digits == 0 || dots > 1) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (ec != std::errc() || ptr != clean.data() + clean.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

// Length of the leading numeral ("3,000" in "3,000-strong").
size_t numeral_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      ++i;
    } else if ((c == ',' || c == '.') && i > 0 && i + 1 < s.size() && s[i + 1] >= '0' &&
               s[i + 1] <= '9') {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

class QuantityTagger : public Component {
 public:
  explicit QuantityTagger(Lexicons lex) : lex_(std::move(lex)) {}
  const char* name() const override { return "quantity"; }

  void process(Document& doc) const override {
    doc.quantities.clear();
    std::vector<bool> url = web_address_tokens(doc);
    std::vector<Tok> toks;
    for (const auto& s : doc.sentences) {
      toks.clear();
      for (uint32_t i = s.value.first_token; i < s.value.end_token && i < doc.tokens.size(); ++i) {
        const auto& t = doc.tokens[i];
        std::string_view text = doc[t.span];
        toks.push_back(Tok{t.span, t.value.kind, t.value.capitalized, t.value.space_before, text,
                           ascii_lower(text), url[i]});
      }
      process_sentence(doc, toks);
    }
    doc.quantities.sort();
  }

 private:
  // Marks tokens of runs written without spaces that start a web address;
  // computed over the whole document because sentence breaks fall inside
  // addresses ("?page=2").
  static std::vector<bool> web_address_tokens(const Document& doc) {
    std::vector<bool> url(doc.tokens.size());
    bool in = false;
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      const auto& t = doc.tokens[i];
      if (t.value.space_before || i == 0) {
        std::string_view w = doc[t.span];
        std::string lower = w.size() <= 5 ? ascii_lower(w) : std::string();  // short: no allocation
        in = lower == "http" || lower == "https" || lower == "www" || lower == "ftp";
      }
      url[i] = in;
    }
    return url;
  }

  struct Mention {
    Number num;
    size_t begin = 0;  // first token of the whole mention (hedge, currency)
    size_t end = 0;    // one past the last token (unit)
    Quantity q;
  };

  bool in_time(const Document& doc, Span span) const {
    // The layer is sorted by begin; time spans may nest, so no binary search on
    // ends. A duration ("three weeks") stays a measure: only points in time mask.
    for (const auto& t : doc.times) {
      if (t.span.begin > span.begin) break;
      if (t.span.contains(span) && t.value.type != TimexType::duration) return true;
    }
    return false;
  }

  // Longest unit form starting at token j; returns tokens consumed.
  size_t match_unit(const std::vector<Tok>& t, size_t j, const UnitEntry** out) const {
    std::string key;
    size_t best = 0;
    for (size_t k = j; k < t.size() && k - j < lex_.longest_unit_tokens + 2; ++k) {
      if (k > j && t[k].space_before) key.push_back(' ');
      key += t[k].lower;
      auto it = lex_.units.find(key);
      if (it != lex_.units.end()) {
        *out = &it->second;
        best = k - j + 1;
      }
    }
    return best;
  }

  const CountedEntry* counted_noun(const Tok& t) const {
    if (t.kind != TokenKind::word) return nullptr;
    auto it = lex_.counted.find(t.lower);
    return it == lex_.counted.end() ? nullptr : &it->second;
  }

  // Word numerals: "three", "twenty-five", "a hundred", "two million", "half a million".
  std::optional<Number> parse_words(const std::vector<Tok>& t, size_t i) const {
    Number n;
    n.begin = i;
    n.word_numeral = true;
    double total = 0, current = 0;
    bool any = false;
    size_t j = i;
    // "a hundred", "a dozen", "half a million", "a third of".
    if (t[j].lower == "a" || t[j].lower == "an") {
      if (j + 1 >= t.size()) return std::nullopt;
      std::string_view next = t[j + 1].lower;
      if (next == "hundred" || next == "thousand" || next == "million" || next == "billion" ||
          next == "dozen") {
        current = 1;
        any = true;
        ++j;
      } else if (auto f = fraction_word(next); f && next != "half") {
        n.value = *f;
        n.fraction = true;
        n.end = j + 2;
        return n;
      } else {
        return std::nullopt;
      }
    } else if (t[j].lower == "half" && j + 2 < t.size() && t[j + 1].lower == "a" &&
               (scale_of(t[j + 2].lower) || t[j + 2].lower == "dozen")) {
      n.value = 0.5 * (t[j + 2].lower == "dozen" ? 12 : *scale_of(t[j + 2].lower));
      n.has_scale = t[j + 2].lower != "dozen";
      n.end = j + 3;
      return n;
    }
    if (auto o = ordinal_word(t[j].lower); o && current == 0) {
      n.value = *o;
      n.kind = QuantityKind::ordinal;
      n.end = j + 1;
      return n;
    }
    for (; j < t.size(); ++j) {
      std::string_view w = t[j].lower;
      if (auto v = word_value(w)) {
        current += *v;
        any = true;
        continue;
      }
      if (any && j + 2 < t.size()) {
        // "one and a half million", "two and a half"
        if (auto f = and_a_fraction(t[j].lower, t[j + 1].lower, t[j + 2].lower)) {
          current += *f;
          j += 2;
          continue;
        }
      }
      if (size_t dash = w.find('-'); dash != std::string_view::npos) {
        auto tens = small_numbers().find(w.substr(0, dash));
        // "two-thirds"
        if (tens != small_numbers().end() && fraction_word(w.substr(dash + 1))) {
          n.value = tens->second * *fraction_word(w.substr(dash + 1));
          n.fraction = true;
          n.end = j + 1;
          return n;
        }
        break;
      }
      if (!any) break;
      if (w == "hundred") {
        current = (current == 0 ? 1 : current) * 100;
      } else if (w == "dozen") {
        current = (current == 0 ? 1 : current) * 12;
      } else if (auto s = scale_of(w); s && w.size() > 2) {
        total += (current == 0 ? 1 : current) * *s;
        current = 0;
        n.has_scale = true;
        n.scale = *s;
      } else if (w == "and" && j + 1 < t.size() && word_value(t[j + 1].lower)) {
        continue;
      } else if (auto f = fraction_word(w); f && current > 0 && current < 10 && w != "half") {
        // "three quarters"
        n.value = current * *f;
        n.fraction = true;
        n.end = j + 1;
        return n;
      } else {
        break;
      }
    }
    if (!any) return std::nullopt;
    n.value = total + current;
    n.end = j;
    return n;
  }

  // A numeral at token i, with its scale words and any unit written into the
  // token ("170mm", "1.5bn").
  std::optional<Number> parse_number(const std::vector<Tok>& t, size_t i) const {
    const Tok& tok = t[i];
    if (!may_start_number(tok)) return std::nullopt;
    Number n;
    n.begin = i;
    n.end = i + 1;
    if (auto v = vulgar_fraction(tok.text)) {
      n.value = *v;
      n.fraction = true;
    } else if (tok.kind == TokenKind::number) {
      auto v = parse_digits(tok.text, &n.has_separator);
      if (!v) {
        n.skip = true;  // "192.168.1.2", a 10,000-digit run
        return n;
      }
      n.value = *v;
      // "1/2" written with no spaces is a fraction only before a scale or "of"
      // ("1/2 million", "1/3 of"); "24/7" and "6/17" are not figures.
      if (i + 2 < t.size() && t[i + 1].text == "/" && !t[i + 1].space_before &&
          t[i + 2].kind == TokenKind::number && !t[i + 2].space_before) {
        bool sep = false;
        auto d = parse_digits(t[i + 2].text, &sep);
        if (!d || *d == 0) {
          n.skip = true;
          return n;
        }
        n.value /= *d;
        n.fraction = true;
        n.end = i + 3;
        bool before_scale_or_of =
            n.end < t.size() && (t[n.end].lower == "of" || scale_of(t[n.end].lower));
        if (!before_scale_or_of) n.skip = true;
      }
    } else if (tok.kind == TokenKind::word && !tok.text.empty() && tok.text[0] >= '0' &&
               tok.text[0] <= '9') {
      if (!parse_attached(tok, &n)) {
        n.skip = true;
        return n;
      }
    } else if (auto vs = vague_scale(tok.lower);
               vs && (tok.lower != "scores" || (i + 1 < t.size() && t[i + 1].lower == "of"))) {
      return parse_vague(t, i, *vs);  // "scores" alone is more often results than a count
    } else if (i + 1 < t.size() && (tok.lower == "several" || tok.lower == "few") &&
               (t[i + 1].lower == "hundred" ||
                (scale_of(t[i + 1].lower) && t[i + 1].lower.size() > 2))) {
      double s = t[i + 1].lower == "hundred" ? 100 : *scale_of(t[i + 1].lower);
      n.value = 2 * s;
      n.low = 2 * s;
      n.high = 9 * s;
      n.vague = true;
      n.end = i + 2;
      return n;
    } else if (tok.lower == "tens" && i + 2 < t.size() && t[i + 1].lower == "of" &&
               vague_scale(t[i + 2].lower) && *vague_scale(t[i + 2].lower) >= 1e3) {
      double s = 10 * *vague_scale(t[i + 2].lower);
      n.value = 2 * s;
      n.low = 2 * s;
      n.high = 10 * s;
      n.vague = true;
      n.end = i + 3;
      return n;
    } else {
      return parse_words(t, i);
    }
    // Scale words: "3 million", "1.5 bn", "½ million", "two hundred thousand".
    while (n.end < t.size() && !n.fraction) {
      const Tok& s = t[n.end];
      if (s.lower == "hundred") {
        n.value *= 100;
        n.scale *= 100;
      } else if (s.lower == "dozen") {
        n.value *= 12;
        n.scale *= 12;
      } else if (auto f = n.end + 2 < t.size()
                              ? and_a_fraction(s.lower, t[n.end + 1].lower, t[n.end + 2].lower)
                              : std::nullopt) {
        n.value += *f;  // "2 and a half million"
        n.end += 2;
      } else if (auto sc = scale_of(s.lower);
                 sc && (s.lower.size() > 2 || !s.space_before || s.lower == "bn" || s.lower == "mn")) {
        n.value *= *sc;
        n.scale *= *sc;
        n.has_scale = true;
      } else {
        break;
      }
      ++n.end;
    }
    if (n.fraction && n.end < t.size()) {
      if (auto sc = scale_of(t[n.end].lower); sc && t[n.end].lower.size() > 2) {
        n.value *= *sc;
        n.has_scale = true;
        n.fraction = false;
        ++n.end;
      }
    }
    if (!std::isfinite(n.value)) n.skip = true;
    return n;
  }

  // One hash look-up that rules out most words before the full parse.
  static bool may_start_number(const Tok& tok) {
    static const std::unordered_set<std::string_view> starters = {
        "a", "an", "half", "dozens", "scores", "hundreds", "thousands", "millions", "billions",
        "several", "few", "tens"};
    if (tok.kind == TokenKind::number || tok.text.empty()) return tok.kind == TokenKind::number;
    unsigned char first = static_cast<unsigned char>(tok.text[0]);
    if ((first >= '0' && first <= '9') || first >= 0x80) return true;  // "170mm", "\u00bd"
    std::string_view w = tok.lower;
    return starters.count(w) || small_numbers().count(w.substr(0, w.find('-'))) ||
           ordinal_word(w);
  }

  // "dozens", "hundreds of thousands", "thousands".
  Number parse_vague(const std::vector<Tok>& t, size_t i, double s) const {
    Number n;
    n.begin = i;
    n.end = i + 1;
    if (s >= 100 && i + 2 < t.size() && t[i + 1].lower == "of") {
      if (auto inner = vague_scale(t[i + 2].lower); inner && *inner >= 1e3) {
        s *= *inner;  // "hundreds of thousands"
        n.end = i + 3;
      }
    }
    n.low = s == 12 ? 24 : 2 * s;
    n.high = s == 12 ? 100 : 10 * s;
    n.value = *n.low;
    n.vague = true;
    return n;
  }

  // A word token that starts with digits: "170mm", "1.5bn", "3,000-strong",
  // "25-year-old", "11th", "3,000-4,000", "1990s".
  bool parse_attached(const Tok& tok, Number* n) const {
    size_t p = numeral_prefix(tok.text);
    auto v = parse_digits(tok.text.substr(0, p), &n->has_separator);
    if (!v) return false;
    n->value = *v;
    std::string_view rest = std::string_view(tok.lower).substr(p);
    if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
      n->kind = QuantityKind::ordinal;
      return true;
    }
    if (!rest.empty() && rest[0] == '-') rest.remove_prefix(1);
    if (auto s = scale_of(rest)) {
      n->value *= *s;
      n->scale = *s;
      n->has_scale = true;
      return std::isfinite(n->value);
    }
    if (rest == "plus") {
      n->plus = true;
      return true;
    }
    if (rest == "strong" || rest == "member" || rest == "man") return true;
    if (rest == "year-old" || rest == "years-old" || rest == "year-olds" || rest == "month-old" ||
        rest == "week-old" || rest == "day-old") {
      n->kind = QuantityKind::age;
      return true;
    }
    // "3,000-4,000"
    if (size_t q = numeral_prefix(rest); q > 0 && q == rest.size() && tok.lower[p] == '-') {
      bool sep = false;
      auto hi = parse_digits(rest, &sep);
      if (!hi || *hi <= *v) return false;  // "555-0143" is a phone number, not a range
      n->low = *v;
      n->high = *hi;
      return true;
    }
    auto u = lex_.units.find(std::string(rest));
    if (u != lex_.units.end()) {
      n->unit = u->second.unit;
      n->kind = u->second.kind;
      return true;
    }
    return false;  // "1990s", "1e999", "7.62x39mm": not a quantity claim
  }

  // Hedge ending right before token `end`; returns its first token.
  size_t match_hedge(const std::vector<Tok>& t, size_t end, Bound* bound) const {
    size_t best = end;
    for (const auto& [words, b] : hedges()) {
      if (words.size() > end) continue;
      size_t start = end - words.size();
      bool ok = true;
      for (size_t k = 0; k < words.size() && ok; ++k) ok = t[start + k].lower == words[k];
      if (ok && start < best) {
        best = start;
        *bound = b;
      }
    }
    return best;
  }

  bool is_year_like(const std::vector<Tok>& t, const Number& n) const {
    if (n.word_numeral || n.has_separator || n.has_scale || !n.unit.empty() || n.low) return false;
    if (n.end - n.begin != 1 || t[n.begin].text.size() != 4) return false;
    if (n.value < 1000 || n.value > 2199) return false;
    // "2000 troops" is a count; "in 2024" and "2024 elections" are years.
    if (n.end < t.size()) {
      const auto* c = counted_noun(t[n.end]);
      if (c && t[n.end].lower != c->lemma) return false;
    }
    return true;
  }

  bool is_date_or_clock(const std::vector<Tok>& t, const Number& n) const {
    if (n.word_numeral || n.has_separator || n.end - n.begin != 1) return false;
    size_t i = n.begin;
    if (n.value >= 1 && n.value <= 31 && n.value == std::floor(n.value)) {
      if (i > 0 && is_month(t[i - 1].lower)) return true;                     // "June 17"
      if (i + 1 < t.size() && is_month(t[i + 1].lower)) return true;         // "17 June"
      if (i + 2 < t.size() && t[i + 1].lower == "of" && is_month(t[i + 2].lower)) return true;
    }
    auto glued = [&](size_t k) { return k < t.size() && !t[k].space_before; };
    if (glued(i + 1) && t[i + 1].text == ":" && glued(i + 2) && t[i + 2].kind == TokenKind::number)
      return true;  // "10:30"
    if (i >= 2 && glued(i) && t[i - 1].text == ":" && glued(i - 1) &&
        t[i - 2].kind == TokenKind::number)
      return true;
    return false;
  }

  // Three or more digit groups in a row ("+1 202 555 0143", "(202) 555-0143").
  bool is_phone_like(const std::vector<Tok>& t, size_t i) const {
    auto digit_group = [&](size_t k) {
      return k < t.size() && (t[k].kind == TokenKind::number ||
                              (t[k].kind == TokenKind::word && numeral_prefix(t[k].text) > 0 &&
                               t[k].text.find('-') != std::string_view::npos));
    };
    auto joiner = [&](size_t k) {
      return k < t.size() && (t[k].text == "(" || t[k].text == ")" || t[k].text == "+" ||
                              t[k].text == "-" || t[k].text == ".");
    };
    size_t groups = 0;
    for (size_t k = i; k > 0 && i - k < 8; --k) {
      size_t j = k - 1;
      if (digit_group(j)) ++groups;
      else if (!joiner(j)) break;
    }
    for (size_t k = i; k < t.size() && k - i < 8; ++k) {
      if (digit_group(k)) {
        if (k > i && t[k].text.size() < 2) break;
        ++groups;
      } else if (!joiner(k)) {
        break;
      }
    }
    bool prefixed = i > 0 && (t[i - 1].text == "+" || t[i - 1].text == "(");
    return groups >= 3 || (prefixed && groups >= 2);
  }

  // "Boeing 737", "Windows 11", "Galaxy 9": a small integer right after a
  // capitalized word that is not a function word, with nothing counted after.
  bool is_model_number(const std::vector<Tok>& t, const Number& n) const {
    if (n.word_numeral || n.has_separator || n.has_scale || !n.unit.empty() || n.begin == 0)
      return false;
    const Tok& prev = t[n.begin - 1];
    if (prev.kind != TokenKind::word || !prev.capitalized || is_np_stop(prev.lower) ||
        is_month(prev.lower) || is_link_word(prev.lower))
      return false;
    Bound b;
    if (match_hedge(t, n.begin, &b) != n.begin) return false;
    if (n.begin == 1) return false;  // a sentence's first word is capitalized anyway ("Just 40")
    if (n.end < t.size() && counted_noun(t[n.end]) && t[n.end].lower != counted_noun(t[n.end])->lemma)
      return false;  // a plural noun after means a count: "the Kremlin 300 soldiers"
    return true;
  }

  // The counted noun phrase from token j on. Returns true when a head was found.
  bool counted_after(const std::vector<Tok>& t, size_t j, Quantity* q) const {
    if (j < t.size() && t[j].text == "[") ++j;  // "3,000 [additional soldiers]"
    size_t first = j;
    size_t head = SIZE_MAX;
    for (size_t k = j; k < t.size() && k - j < 6; ++k) {
      const Tok& w = t[k];
      if (w.kind != TokenKind::word || is_np_stop(w.lower)) break;
      const auto* c = counted_noun(w);
      bool participle = c && (c->lemma == "killed" || c->lemma == "wounded" ||
                              c->lemma == "injured" || c->lemma == "dead");
      if (c && (!participle || k == first)) {
        head = k;
        if (participle) break;
        continue;
      }
      if (head != SIZE_MAX) break;  // the phrase ended at the last noun ("troops deployed")
    }
    if (head == SIZE_MAX) {
      // Unknown plural noun right after: "3 million copies".
      size_t k = first;
      while (k < t.size() && k - first < 3 && t[k].kind == TokenKind::word &&
             !is_np_stop(t[k].lower) && !(t[k].lower.size() > 3 && t[k].lower.back() == 's' &&
                                          t[k].lower[t[k].lower.size() - 2] != 's'))
        ++k;
      if (k >= t.size() || k - first >= 3 || t[k].kind != TokenKind::word ||
          is_np_stop(t[k].lower) || t[k].capitalized || t[k].lower.size() <= 3 ||
          t[k].lower.back() != 's')
        return false;
      head = k;
      q->counted = singular(t[k].lower);
      q->counted_class = q->counted;
    } else {
      const auto* c = counted_noun(t[head]);
      q->counted = c->lemma;
      q->counted_class = c->cls;
    }
    add_modifiers(t, first, head, q);
    q->counted_span = Span{t[first].span.begin, t[head].span.end};
    return true;
  }

  // Modifiers between `first` and `head`: consecutive capitalized words form
  // one ("North Korean"), others stand alone ("additional", "artillery").
  void add_modifiers(const std::vector<Tok>& t, size_t first, size_t head, Quantity* q) const {
    for (size_t k = first; k < head; ++k) {
      std::string m = t[k].lower;
      while (t[k].capitalized && k + 1 < head && t[k + 1].capitalized) {
        ++k;
        m += " " + t[k].lower;
      }
      q->modifiers.push_back(std::move(m));
    }
  }

  // "place North Korean casualties at over 6,000", "a death toll of 1,200".
  bool counted_before(const std::vector<Tok>& t, size_t start, Quantity* q) const {
    size_t k = start;
    size_t links = 0;
    while (k > 0 && links < 3 && is_link_word(t[k - 1].lower)) {
      --k;
      ++links;
    }
    if (links == 0 || k == 0) return false;
    size_t head = k - 1;
    const auto* c = counted_noun(t[head]);
    if (!c) return false;
    size_t first = head;
    while (first > 0 && first + 3 > head && t[first - 1].kind == TokenKind::word &&
           (t[first - 1].capitalized || is_pre_modifier(t[first - 1].lower)) &&
           !is_np_stop(t[first - 1].lower))
      --first;
    q->counted = c->lemma;
    q->counted_class = c->cls;
    add_modifiers(t, first, head, q);
    q->counted_span = Span{t[first].span.begin, t[head].span.end};
    return true;
  }

  void process_sentence(Document& doc, const std::vector<Tok>& t) const {
    std::vector<Mention> found;
    for (size_t i = 0; i < t.size();) {
      auto parsed = parse_number(t, i);
      if (!parsed) {
        ++i;
        continue;
      }
      Number n = *parsed;
      size_t next = std::max(n.end, i + 1);
      if (n.skip || t[i].in_url || is_phone_like(t, i) || is_date_or_clock(t, n) || is_year_like(t, n) ||
          in_time(doc, Span{t[n.begin].span.begin, t[n.end - 1].span.end})) {
        // Skip the rest of a digit run so "555" in "202 555 0143" is not taken alone.
        while (next < t.size() && t[next].kind == TokenKind::number) ++next;
        i = next;
        continue;
      }
      Mention m;
      build(t, n, &m);
      next = std::max(next, m.end);
      found.push_back(std::move(m));
      i = next;
    }
    link_partitives(t, found);
    mark_casualties(t, found);
    for (auto& m : found) {
      if (m.q.kind == QuantityKind::count && m.q.counted.empty() && !m.num.vague &&
          m.num.word_numeral && m.q.value < 10)
        continue;  // "one of the", "two said": a bare small word is rarely a figure
      Span span{t[m.begin].span.begin, t[m.end - 1].span.end};
      doc.quantities.add(span, std::move(m.q));
    }
  }

  // Everything around a numeral: currency, hedge, range, unit, counted thing, delta.
  void build(const std::vector<Tok>& t, const Number& n, Mention* m) const {
    Quantity& q = m->q;
    q.kind = n.kind;
    q.value = n.value;
    q.unit = n.unit;
    m->num = n;
    m->begin = n.begin;
    size_t end = n.end;

    // Currency before the number: "$2.5 billion", "US$ 40", "USD 40".
    if (m->begin > 0) {
      std::string_view prev = t[m->begin - 1].text;
      std::string prev_lower = t[m->begin - 1].lower;
      if (auto c = currency_symbol(prev)) {
        q.unit = std::string(*c);
        q.kind = QuantityKind::money;
        --m->begin;
        if (m->begin > 0 && !t[m->begin].space_before && t[m->begin - 1].lower == "us") --m->begin;
      } else if (prev_lower == "usd" || prev_lower == "eur" || prev_lower == "gbp") {
        for (auto& ch : prev_lower) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        q.unit = prev_lower;
        q.kind = QuantityKind::money;
        --m->begin;
      }
    }

    // Range: "3,000 to 4,000", "between 10 and 12", "3 - 4 million".
    std::optional<double> low = n.low, high = n.high;
    bool between = m->begin > 0 && (t[m->begin - 1].lower == "between" || t[m->begin - 1].lower == "from");
    if (!n.low && end + 1 < t.size() &&
        (t[end].lower == "to" || t[end].text == "-" || t[end].text == "\u2013" ||
         (between && t[end].lower == "and"))) {
      size_t j = end + 1;
      if (j < t.size() && currency_symbol(t[j].text)) ++j;
      if (j < t.size()) {
        if (auto second = parse_number(t, j); second && !second->skip && !second->vague &&
                                              second->kind == n.kind && second->value > 0) {
          double first_value = n.value;
          // "3 to 4 million", "3 to 4bn": the scale is written once for both.
          if (second->has_scale && !n.has_scale && first_value * second->scale < second->value)
            first_value *= second->scale;
          if (second->value > first_value) {
            low = first_value;
            high = second->value;
            q.value = first_value;
            if (q.unit.empty()) q.unit = second->unit;
            end = second->end;
            if (between) --m->begin;
          }
        }
      }
    }

    // "6,000-plus", "6,000 or more", "6,000+", "3,000 or so".
    bool plus = n.plus;
    if (end < t.size() && t[end].text == "+" && !t[end].space_before) {
      plus = true;
      ++end;
    } else if (end + 1 < t.size() && t[end].lower == "or" &&
               (t[end + 1].lower == "more" || t[end + 1].lower == "so")) {
      if (t[end + 1].lower == "more") plus = true;
      else q.approx = true;
      end += 2;
    }

    // Unit after the number.
    if (q.unit.empty() && end < t.size()) {
      const UnitEntry* u = nullptr;
      if (size_t len = match_unit(t, end, &u)) {
        q.unit = u->unit;
        q.kind = u->kind;
        end += len;
      } else if (t[end].lower == "%" || t[end].lower == "percent") {
        q.unit = "percent";
        q.kind = QuantityKind::percent;
        ++end;
      }
    } else if (!q.unit.empty() && q.kind == QuantityKind::money && end < t.size()) {
      const UnitEntry* u = nullptr;
      if (size_t len = match_unit(t, end, &u); len && u->kind == QuantityKind::money) end += len;
    }
    if (n.fraction && q.unit.empty()) {
      q.unit = "fraction";
      q.kind = QuantityKind::percent;
    }
    if (q.unit == "percent" || q.unit == "pp") q.kind = QuantityKind::percent;

    // Calibre: "170mm self-propelled guns", "a 152-mm howitzer".
    if ((q.unit == "mm" || q.unit == "cm") && q.value <= 1000) {
      for (size_t k = end; k < t.size() && k < end + 4; ++k)
        if (is_weapon_word(t[k].lower)) q.kind = QuantityKind::calibre;
    }
    // Ages: "aged 25", "25 years old", "ten months old", "3 years of age".
    bool duration = q.unit == "year" || q.unit == "month" || q.unit == "week" || q.unit == "day";
    if (duration && end < t.size() && t[end].lower == "old") {
      q.kind = QuantityKind::age;
      ++end;
    } else if (duration && end + 1 < t.size() && t[end].lower == "of" && t[end + 1].lower == "age") {
      q.kind = QuantityKind::age;
      end += 2;
    }
    if (m->begin > 0 && t[m->begin - 1].lower == "aged") q.kind = QuantityKind::age;
    if (q.kind == QuantityKind::count && q.unit.empty() && is_model_number(t, n))
      q.kind = QuantityKind::model;
    m->end = end;

    // Hedges, and modifiers written before the number ("the initial 11,000").
    Bound bound = Bound::approx;
    bool hedged = false;
    size_t hedge_start = match_hedge(t, m->begin, &bound);
    // "an additional 3,000", "another 3,000", "the initial 11,000".
    size_t pre = hedge_start;
    std::vector<std::string> pre_mods;
    while (pre > 0 && hedge_start - pre < 2 && is_pre_modifier(t[pre - 1].lower)) {
      --pre;
      pre_mods.insert(pre_mods.begin(), t[pre].lower);
    }
    if (hedge_start < m->begin) {
      hedged = true;
      for (size_t k = hedge_start; k < m->begin; ++k) {
        if (!q.hedge.empty()) q.hedge.push_back(' ');
        q.hedge += t[k].lower;
      }
      m->begin = hedge_start;
    }
    if (plus) {
      bound = Bound::low;
      hedged = true;
      if (!q.hedge.empty()) q.hedge.push_back(' ');
      q.hedge += "or more";
    }

    if (low || high) {
      q.low = low;
      q.high = high;
      q.approx = q.approx || n.vague || (hedged && bound == Bound::approx);
    } else if (hedged) {
      switch (bound) {
        case Bound::low: q.low = q.value; break;
        case Bound::high: q.high = q.value; break;
        case Bound::approx: q.low = q.value; q.high = q.value; q.approx = true; break;
        case Bound::approx_high: q.high = q.value; q.approx = true; break;
        case Bound::approx_low: q.low = q.value; q.approx = true; break;
      }
    } else {
      q.low = q.value;
      q.high = q.value;
    }

    // What is counted.
    if (q.kind == QuantityKind::count || q.kind == QuantityKind::percent) {
      size_t j = end;
      if (j + 1 < t.size() && t[j].lower == "of" && !t[j + 1].capitalized) {
        ++j;  // "dozens of drones", "a third of the troops", "3% of voters"
        if (j < t.size() && (t[j].lower == "the" || t[j].lower == "its" || t[j].lower == "their"))
          ++j;
      }
      bool found = (q.kind == QuantityKind::count || j != end) && j < t.size() &&
                   (t[j].kind == TokenKind::word || t[j].text == "[") && counted_after(t, j, &q);
      if (!found && q.kind == QuantityKind::count) counted_before(t, pre, &q);
    } else if (q.kind == QuantityKind::calibre || q.kind == QuantityKind::age) {
      counted_after(t, end, &q);
    }
    q.modifiers.insert(q.modifiers.begin(), pre_mods.begin(), pre_mods.end());
    for (const auto& mod : q.modifiers)
      if (is_delta_modifier(mod)) q.is_delta = true;

    // "rose by 3%", "up 3%", "an increase of 5%".
    size_t before = pre;
    if (before > 0 && (t[before - 1].lower == "by" || t[before - 1].lower == "of") && before > 1 &&
        is_change_word(t[before - 2].lower))
      q.is_delta = true;
    if (before > 0 && (t[before - 1].lower == "up" || t[before - 1].lower == "down") &&
        q.kind == QuantityKind::percent)
      q.is_delta = true;
  }

  // "4,000 of the initial 11,000 troops": the first is part of the second and
  // counts the same thing.
  void link_partitives(const std::vector<Tok>& t, std::vector<Mention>& found) const {
    for (size_t a = 0; a + 1 < found.size(); ++a) {
      Mention& part = found[a];
      const Mention& whole = found[a + 1];
      if (part.q.kind != QuantityKind::count || whole.q.kind != QuantityKind::count) continue;
      size_t k = part.end;
      if (k >= t.size() || t[k].lower != "of") continue;
      ++k;
      while (k < whole.begin && (t[k].lower == "the" || t[k].lower == "its" ||
                                 t[k].lower == "their" || t[k].lower == "an" ||
                                 is_pre_modifier(t[k].lower)))
        ++k;
      if (k != whole.begin) continue;
      part.q.part_of = whole.q.value;
      if (!whole.q.counted.empty() && (part.q.counted.empty() || part.q.counted_span.begin >= t[whole.begin].span.begin)) {
        part.q.counted = whole.q.counted;
        part.q.counted_class = whole.q.counted_class;
        part.q.counted_span = whole.q.counted_span;
      }
    }
  }

  // One past the last token of a mention and what it counts.
  size_t phrase_end(const std::vector<Tok>& t, const Mention& m) const {
    size_t end = m.end;
    for (size_t k = m.end; k < t.size() && k < m.end + 8; ++k)
      if (t[k].span.end == m.q.counted_span.end) end = k + 1;
    return end;
  }

  // "4,000 of the initial 11,000 troops have been killed or wounded": people
  // counted as killed or wounded are casualties, whatever noun named them, so
  // claims can set the figure beside "over 6,000 casualties".
  void mark_casualties(const std::vector<Tok>& t, std::vector<Mention>& found) const {
    static const std::unordered_set<std::string_view> person_classes = {
        "personnel", "people", "civilians", "workers", "children", "refugees", "prisoners"};
    static const std::unordered_set<std::string_view> auxiliaries = {
        "were", "was", "have", "has", "had", "been", "are", "is", "either", "reportedly",
        "allegedly", "already", "all", "since", "now", "being", "be", "later"};
    static const std::unordered_set<std::string_view> harmed = {"killed", "wounded", "injured",
                                                                "dead", "died", "hurt"};
    for (size_t a = 0; a < found.size(); ++a) {
      Quantity& q = found[a].q;
      if (q.kind != QuantityKind::count || !person_classes.count(q.counted_class)) continue;
      if (a > 0 && found[a - 1].q.part_of) continue;  // the whole was not all harmed
      // A partitive's verb follows its whole: "4,000 of the 11,000 troops were killed".
      const Mention& last = q.part_of && a + 1 < found.size() ? found[a + 1] : found[a];
      size_t k = phrase_end(t, last);
      size_t skipped = 0;
      while (k < t.size() && skipped < 4 && auxiliaries.count(t[k].lower)) {
        ++k;
        ++skipped;
      }
      if (skipped > 0 && k < t.size() && harmed.count(t[k].lower)) q.counted_class = "casualties";
    }
  }

  Lexicons lex_;
};

}  // namespace

Result<std::unique_ptr<Component>> make_quantity_tagger(const Resources& resources) {
  Lexicons lex;
  std::string dir = resources.data_dir + "/quantity/";
  Status s = read_tsv(dir + "units.tsv", 3, [&](const std::vector<std::string>& f) {
    QuantityKind kind = f[2] == "money"     ? QuantityKind::money
                        : f[2] == "percent" ? QuantityKind::percent
                                            : QuantityKind::measure;
    lex.units.emplace(f[0], UnitEntry{f[1], kind});
    size_t words = 1 + static_cast<size_t>(std::count(f[0].begin(), f[0].end(), ' '));
    lex.longest_unit_tokens = std::max(lex.longest_unit_tokens, words);
  });
  if (!s.ok()) return s;
  s = read_tsv(dir + "counted.tsv", 3, [&](const std::vector<std::string>& f) {
    lex.counted.emplace(f[0], CountedEntry{f[1], f[2]});
  });
  if (!s.ok()) return s;
  return std::unique_ptr<Component>(new QuantityTagger(std::move(lex)));
}

}  // namespace cc
