#include "nlp/quantity/quantity.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <cmath>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/word_map.h"
#include "nlp/quantity/numeral.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

// A std::string (a unit, a lemma) is compared with a literal as string_view
// ("lb"sv): lengths first, inline, where == with a char array calls strlen
// and compare out of line, many times per number.
using namespace std::string_view_literals;

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
  WordMap<UnitEntry> units;  // form -> unit ("square kilometers")
  // Every leading part of a unit form ("s", "sq", ..., "square kilometers"):
  // match_unit stops reading tokens as soon as what it read starts no form.
  WordSet unit_prefixes;
  size_t longest_unit_tokens = 1;
  WordMap<std::string> symbols;  // currency signs, before or after a number: "$" -> USD
  WordMap<CountedEntry> counted;  // form -> lemma, class
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

using numeral::Number;
using numeral::Tok;

bool is_month(std::string_view w) {
  static const WordSet k = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec"};
  return k.contains(w);
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
      {{"closer", "to"}, Bound::approx},   {{"nearer", "to"}, Bound::approx},
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
  static const WordSet k = {
      "additional", "initial", "further", "extra", "another", "original", "total", "fresh",
      "new", "first", "remaining", "last", "reported", "confirmed", "official"};
  return k.contains(w);
}

// Change verbs and nouns before "by" / "of" that make the number a change.
bool is_change_word(std::string_view w) {
  static const WordSet k = {
      "rose", "risen", "rise", "rises", "rising", "increased", "increase", "increases",
      "fell", "fallen", "fall", "falls", "falling", "dropped", "drop", "drops", "decreased",
      "decrease", "grew", "grown", "grow", "growth", "climbed", "climb", "declined", "decline",
      "jumped", "jump", "surged", "surge", "cut", "cuts", "reduced", "reduction", "expanded",
      "shrank", "shrunk", "gained", "gain", "lost", "slipped", "slumped", "soared", "plunged",
      "boosted", "raised", "lowered", "widened", "narrowed"};
  return k.contains(w);
}

// Words that end a counted noun phrase: function words and common verbs.
bool is_np_stop(std::string_view w) {
  static const WordSet k = {
      "the", "a", "an", "of", "in", "on", "at", "to", "from", "for", "by", "with", "into",
      "onto", "and", "or", "but", "nor", "as", "than", "that", "which", "who", "whom", "whose",
      "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would",
      "could", "should", "may", "might", "must", "can", "do", "does", "did", "it", "its",
      "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "this", "these",
      "those", "there", "here", "not", "no", "so", "if", "when", "while", "since", "after",
      "before", "during", "per", "each", "every", "according", "said", "says", "say",
      "reportedly", "allegedly", "also", "about", "over", "under", "up", "down", "out", "until", "across", "near", "between", "among", "against", "through", "via",
      "including", "last", "ago", "later", "earlier", "now", "then", "still", "already"};
  return k.contains(w);
}

// Words that link a noun to a figure after it: "casualties at over 6,000",
// "a death toll of 1,200", "losses reached 5,000".
bool is_link_word(std::string_view w) {
  static const WordSet k = {
      "at", "of", "to", "reached", "totaled", "totalled", "totaling", "totalling", "numbered",
      "numbering", "number", "was", "were", "is", "are", "stood", "stands", "rose", "climbed",
      "hit", "exceeded", "topped", "put", "estimated", "now", ":", "had", "has", "have"};
  return k.contains(w);
}

bool is_weapon_word(std::string_view w) {
  static const WordSet k = {
      "gun", "guns", "howitzer", "howitzers", "shell", "shells", "round", "rounds", "mortar",
      "mortars", "rocket", "rockets", "launcher", "launchers", "cannon", "cannons", "artillery",
      "ammunition", "munitions", "calibre", "caliber", "rifle", "rifles", "missile", "missiles",
      "system", "systems", "projectiles", "projectile", "mlrs", "barrel", "tank", "tanks"};
  return k.contains(w);
}

// English plural to singular for nouns the lexicon lacks ("countries",
// "boxes", "copies", "drills").
std::string singular(std::string_view w) {
  auto ends = [&](std::string_view e) {
    return w.size() > e.size() + 1 && w.substr(w.size() - e.size()) == e;
  };
  if (ends("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  // "lives", "knives"; "wolves", "shelves".
  if (ends("ives") && w.size() <= 6) return std::string(w.substr(0, w.size() - 3)) + "fe";
  if (ends("lves")) return std::string(w.substr(0, w.size() - 3)) + "f";
  // "processes", "boxes", "churches" lose "es"; "cases", "doses" only "s".
  if (ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("zzes"))
    return std::string(w.substr(0, w.size() - 2));
  return std::string(w.substr(0, w.size() - 1));
}

// The sentence's tokens, lower-cased into `lower` (one buffer, no
// allocation per token).
void sentence_tokens(const Document& doc, const Sentence& s, const std::vector<bool>& url,
                            std::string* lower, std::vector<Tok>* toks) {
  toks->clear();
  uint32_t end = std::min<uint32_t>(s.end_token, static_cast<uint32_t>(doc.tokens.size()));
  if (end <= s.first_token) return;
  // Sized once, before any view into it is taken: the tokens lie within the
  // sentence's bytes, so their lower-case copies fit.
  lower->resize(doc.tokens[end - 1].span.end - doc.tokens[s.first_token].span.begin);
  char* out = lower->data();
  for (uint32_t i = s.first_token; i < end; ++i) {
    const auto& t = doc.tokens[i];
    std::string_view text = doc[t.span];
    for (size_t k = 0; k < text.size(); ++k) {
      char c = text[k];
      out[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    toks->push_back(Tok{t.span, t.value.kind, t.value.capitalized, t.value.space_before, text,
                        std::string_view(out, text.size()), url[i]});
    out += text.size();
  }
}

class QuantityTagger : public Component {
 public:
  explicit QuantityTagger(Lexicons lex) : lex_(std::move(lex)) {}
  const char* name() const override { return "quantity"; }

  void process(Document& doc) const override {
    doc.quantities.clear();
    std::vector<bool> url = web_address_tokens(doc);
    std::vector<Tok> toks;
    std::string lower;  // the sentence's tokens lower-cased, one after another
    std::vector<Mention> found;  // a sentence's mentions; kept to reuse its memory
    for (const auto& s : doc.sentences) {
      sentence_tokens(doc, s.value, url, &lower, &toks);
      process_sentence(doc, toks, found);
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
      if (t.value.space_before || i == 0) in = opens_web_address(doc[t.span]);
      url[i] = in;
    }
    return url;
  }

  // "http", "https", "www", "ftp" in any case, without building a lower-case copy.
  static bool opens_web_address(std::string_view w) {
    if (w.size() < 3 || w.size() > 5) return false;
    char lower[5];
    for (size_t k = 0; k < w.size(); ++k)
      lower[k] = w[k] >= 'A' && w[k] <= 'Z' ? static_cast<char>(w[k] - 'A' + 'a') : w[k];
    if (lower[0] != 'h' && lower[0] != 'w' && lower[0] != 'f') return false;
    std::string_view l(lower, w.size());
    return l == "http" || l == "https" || l == "www" || l == "ftp";
  }

  struct Mention {
    Number num;
    size_t begin = 0;  // first token of the whole mention (hedge, currency)
    size_t end = 0;    // one past the last token (unit)
    Quantity q;
  };

  bool in_time(const Document& doc, Span span) const {
    // The layer is sorted by begin: look back from the last time that begins
    // at or before the number (the earlier scan from the start of the layer
    // was quadratic on long documents). Times nest a few deep at most, so a
    // bounded look-back finds any that contains it. A duration ("three
    // weeks") stays a measure: only points in time mask.
    auto it = std::upper_bound(doc.times.begin(), doc.times.end(), span.begin,
                               [](uint32_t b, const auto& t) { return b < t.span.begin; });
    for (int back = 0; it != doc.times.begin() && back < 8; ++back) {
      --it;
      if (it->span.contains(span) && it->value.type != TimexType::duration) return true;
    }
    return false;
  }

  // Longest unit form starting at token j; returns tokens consumed.
  size_t match_unit(const std::vector<Tok>& t, size_t j, const UnitEntry** out) const {
    // Most words start no unit: rule them out before building a key.
    if (j >= t.size() || !lex_.unit_prefixes.contains(t[j].lower)) return 0;
    std::string key;
    size_t best = 0;
    for (size_t k = j; k < t.size() && k - j < lex_.longest_unit_tokens + 2; ++k) {
      if (k > j && t[k].space_before) key.push_back(' ');
      key += t[k].lower;
      if (!lex_.unit_prefixes.contains(key)) break;
      if (const UnitEntry* u = lex_.units.find(key)) {
        *out = u;
        best = k - j + 1;
      }
    }
    return best;
  }

  const CountedEntry* counted_noun(const Tok& t) const {
    if (t.kind != TokenKind::word) return nullptr;
    return lex_.counted.find(t.lower);
  }

  // A numeral at token i with any unit glued to it ("170mm", "25-year-old").
  std::optional<Number> parse_number(const std::vector<Tok>& t, size_t i) const {
    auto n = numeral::read_numeral(t, i);
    if (!n || n->skip) return n;
    if (!n->suffix.empty() && !attach_suffix(t, &*n)) n->skip = true;
    if (n->bare_half && !(n->end < t.size() && t[n->end].lower == "of"))
      return std::nullopt;  // "the first half", "half the city"
    if (n->bare_slash) {
      // "1/2 million", "1/3 of", "1/4 mile"; "24/7" and "6/17" are not figures.
      const UnitEntry* u = nullptr;
      bool figure = n->end < t.size() && (t[n->end].lower == "of" ||
                                          numeral::scale_word(t[n->end].lower) ||
                                          match_unit(t, n->end, &u));
      if (!figure) n->skip = true;
    }
    return n;
  }

  // What is glued after a digit numeral: "mm", "-year-old", "-strong",
  // "-4,000" (a range), "-mile", "m" (million or metres). False when it is
  // not understood ("1990s", "5G", "7.62x39mm").
  bool attach_suffix(const std::vector<Tok>& t, Number* n) const {
    const Tok& tok = t[n->end - 1];
    std::string_view suffix = n->suffix;
    std::string_view rest = suffix[0] == '-' ? suffix.substr(1) : suffix;
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
    // "3,000-4,000", "3-4 million" (the scale read after the second)
    if (size_t q = numeral::numeral_prefix(rest); q > 0 && q == rest.size() && suffix[0] == '-') {
      bool sep = false;
      auto hi = numeral::parse_digits(rest, &sep);
      // "555-0143" is a phone number.
      if (!hi || *hi * n->scale <= n->value || n->word_numeral) return false;
      // Unless a count follows ("1500-2000 troops", "730-930 voters"): "the
      // 2019-2020 season" spans years; a longer second group of four or more
      // digits is a code or a date ("555-1212", "11-2016"), and so is a group
      // with a leading zero ("0730-0930"); "1-3 pm" is a time.
      auto year = [](double v, size_t digits) { return digits == 4 && v >= 1000 && v <= 2199; };
      bool count_after = n->end < t.size() && plural_noun(t[n->end]);
      bool plain = !n->has_separator && !sep && !n->has_scale;
      size_t low_digits = n->has_scale ? 0 : tok.text.size() - suffix.size();  // tok: "40-50"
      if (plain && !count_after &&
          ((year(n->value, low_digits) && year(*hi, rest.size())) ||
           (rest.size() >= 4 && rest.size() > low_digits) ||
           (low_digits > 1 && tok.text[0] == '0') || (rest.size() > 1 && rest[0] == '0')))
        return false;
      if (n->end < t.size() && (t[n->end].lower == "am" || t[n->end].lower == "pm" ||
                                t[n->end].lower == "a.m." || t[n->end].lower == "p.m."))
        return false;
      n->low = n->value;
      n->high = *hi * n->scale;
      return true;
    }
    // "45C", "90F"; other single capitals are names ("5G").
    std::string_view original = tok.text.substr(tok.text.size() - suffix.size());
    if (original.size() == 1 && original[0] >= 'A' && original[0] <= 'Z') {
      // Not after a name or past any weather: "Boeing 777F", "The 13F filing".
      bool name_before = n->begin > 0 && t[n->begin - 1].capitalized;
      if ((original != "C" && original != "F") || name_before || std::fabs(n->value) >= 150)
        return false;
      n->unit = original == "C" ? "°c" : "°f";
      n->kind = QuantityKind::measure;
      return true;
    }
    // "$40m", "40m people" are millions; "a 2m wall", "1.8m tall" metres.
    if (rest == "m" && !n->word_numeral) {
      bool money = n->begin > 0 && symbol_unit(t[n->begin - 1].text);
      bool counted = n->end < t.size() && (t[n->end].lower == "of" || t[n->end].lower == "people" ||
                                          plural_noun(t[n->end]));
      const UnitEntry* u = nullptr;
      if (money || counted || (n->end < t.size() && match_unit(t, n->end, &u))) {
        n->value *= 1e6;
        n->scale = 1e6;
        n->has_scale = true;
        return std::isfinite(n->value);
      }
    }
    // A unit, whole ("mm", "km2") or as the first part of a compound ("12-cent-a-share").
    const UnitEntry* u = lex_.units.find(rest);
    if (!u && rest.find('-') != std::string_view::npos)
      u = lex_.units.find(rest.substr(0, rest.find('-')));
    if (u) {
      n->unit = u->unit;
      n->kind = u->kind;
      return true;
    }
    return false;
  }

  // A plural noun of the lexicon ("people", "troops"): a count follows.
  bool plural_noun(const Tok& t) const {
    const CountedEntry* c = counted_noun(t);
    return c && t.lower != c->lemma;
  }

  // The currency a symbol written before or after a number stands for ("$", "€").
  const std::string* symbol_unit(std::string_view text) const {
    return lex_.symbols.find(text);
  }

  // "US$", "C$", "HK$": the dollar a glued prefix names.
  static std::optional<std::string> dollar_prefix(std::string_view lower) {
    if (lower == "us") return "USD";
    if (lower == "c" || lower == "ca") return "CAD";
    if (lower == "a" || lower == "au") return "AUD";
    if (lower == "hk") return "HKD";
    if (lower == "nz") return "NZD";
    if (lower == "s") return "SGD";
    return std::nullopt;
  }

  // A currency code in capitals ("USD", "EUR"), or one with M before it for
  // millions ("MUSD", "MAUD"); *millions is set to 1e6 for the latter.
  const UnitEntry* currency_code(const Tok& tok, double* millions) const {
    std::string_view w = tok.text;
    *millions = 1;
    if (w.size() == 4 && w[0] == 'M') {
      w.remove_prefix(1);
      *millions = 1e6;
    }
    if (w.size() != 3) return nullptr;
    for (char c : w)
      if (c < 'A' || c > 'Z') return nullptr;
    const UnitEntry* u = lex_.units.find(tok.lower.substr(tok.lower.size() - 3));
    if (!u || u->kind != QuantityKind::money || u->unit != w) return nullptr;
    return u;
  }

  static bool is_opening(std::string_view s) { return s == "(" || s == "[" || s == "{" || s == "<"; }
  static bool closes(std::string_view open, std::string_view close) {
    return (open == "(" && close == ")") || (open == "[" && close == "]") ||
           (open == "{" && close == "}") || (open == "<" && close == ">");
  }

  // Minor units after an amount of money: "3 dollars 50 cents" (3.5),
  // "thirteen dollars and forty-five cents", "15 dollars 50", "one kuai and
  // five mao five" (1.55). Returns the new end of the mention.
  size_t minor_units(const std::vector<Tok>& t, size_t end, const Number& n, Quantity* q) const {
    static const WordMap<double> minor = {
        {"cent", 0.01},  {"cents", 0.01},   {"penny", 0.01}, {"pence", 0.01},
        {"pennies", 0.01}, {"kopeck", 0.01}, {"kopecks", 0.01}, {"kopeks", 0.01},
        {"mao", 0.1},    {"jiao", 0.1},     {"fen", 0.01}};
    if (n.has_scale || q->value != std::floor(q->value) || minor.contains(t[end - 1].lower))
      return end;
    double factor = 1;  // of the last unit read
    for (int parts = 0; parts < 2 && end < t.size(); ++parts) {
      size_t j = end;
      if (t[j].lower == "and") ++j;
      if (j >= t.size()) break;
      auto c = parse_number(t, j);
      if (!c || c->skip || c->kind != QuantityKind::count || c->value >= 100 || c->value < 1 ||
          c->value != std::floor(c->value) || !c->suffix.empty())
        break;
      size_t k = c->end;
      const double* unit = k < t.size() ? minor.find(t[k].lower) : nullptr;
      if (unit && *unit < factor) {
        q->value += c->value * *unit;
        factor = *unit;
        end = k + 1;
        continue;
      }
      // A bare number after the last unit is its next smaller part.
      bool alone = k >= t.size() || t[k].kind == TokenKind::punct || t[k].lower == "and";
      if (!alone || factor < 0.1) break;
      factor = factor == 1 ? 0.01 : factor / 10;
      q->value += c->value * factor;
      end = k;
      break;
    }
    return end;
  }

  // Hedge ending right before token `end`; returns its first token.
  size_t match_hedge(const std::vector<Tok>& t, size_t end, Bound* bound) const {
    // The entries by their last word: most numbers have no hedge, and one
    // look-up of the word before rules the table out or finds the few to try.
    static const WordMap<std::vector<size_t>> by_last_word = [] {
      WordMap<std::vector<size_t>> k;
      for (size_t e = 0; e < hedges().size(); ++e) {
        std::string_view last = hedges()[e].first.back();
        if (!k.contains(last)) k.emplace(last, {});
        k.find(last)->push_back(e);
      }
      return k;
    }();
    const std::vector<size_t>* entries = end == 0 ? nullptr : by_last_word.find(t[end - 1].lower);
    if (!entries) return end;
    size_t best = end;
    for (size_t e : *entries) {
      const auto& [words, b] = hedges()[e];
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
                              (t[k].kind == TokenKind::word && numeral::numeral_prefix(t[k].text) > 0 &&
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
    // "IMO number 9384120", "case number 4412": a number that names.
    if (prev.lower == "number" && n.value >= 100) return true;
    if (prev.kind != TokenKind::word || !prev.capitalized || is_np_stop(prev.lower) ||
        is_month(prev.lower) || is_link_word(prev.lower))
      return false;
    Bound b;
    if (match_hedge(t, n.begin, &b) != n.begin) return false;
    if (n.end < t.size() && counted_noun(t[n.end]) && t[n.end].lower != counted_noun(t[n.end])->lemma)
      return false;  // a plural noun after means a count: "the Kremlin 300 soldiers"
    if (n.begin == 1) {
      // A sentence's first word is capitalized anyway: "Just 40 were rescued"
      // is a count, "Route 9 was closed" and "Article 5 of the treaty" name
      // things. Nothing a count could name follows a designation.
      static const WordSet adverbs = {
          "just", "only", "exactly", "another", "all", "barely", "fewer", "more", "less",
          "precisely", "perhaps", "maybe", "nearly", "almost", "roughly", "another", "still"};
      if (adverbs.contains(prev.lower)) return false;
      return n.end >= t.size() || t[n.end].kind != TokenKind::word || is_np_stop(t[n.end].lower);
    }
    return true;
  }

  // "The president, 71, was treated": a small number set off by commas after
  // a name or a person is an age.
  bool is_age_in_apposition(const std::vector<Tok>& t, const Number& n) const {
    if (n.word_numeral || n.has_separator || n.has_scale || !n.unit.empty() || n.begin < 2 ||
        n.value < 1 || n.value > 120 || n.end >= t.size())
      return false;
    if (t[n.begin - 1].text != "," || t[n.end].text != ",") return false;
    const Tok& who = t[n.begin - 2];
    if (who.kind != TokenKind::word) return false;
    const CountedEntry* c = counted_noun(who);
    bool person = c && c->lemma == who.lower &&
                  (c->cls == "people"sv || c->cls == "personnel"sv || c->cls == "workers"sv ||
                   c->cls == "civilians"sv || c->cls == "children"sv);
    return person || (who.capitalized && n.begin > 2);
  }

  // The counted noun phrase from token j on. Returns true when a head was found.
  bool counted_after(const std::vector<Tok>& t, size_t j, Quantity* q) const {
    if (j < t.size() && t[j].text == "[") ++j;  // "3,000 [additional soldiers]"
    size_t first = j;
    size_t head = SIZE_MAX;
    for (size_t k = j; k < t.size() && k - j < 6; ++k) {
      const Tok& w = t[k];
      if (w.kind != TokenKind::word || is_np_stop(w.lower)) break;
      if (k == first && is_delta_modifier(w.lower)) continue;  // "four more treatment centres"
      const auto* c = counted_noun(w);
      bool participle = c && (c->lemma == "killed"sv || c->lemma == "wounded"sv ||
                              c->lemma == "injured"sv || c->lemma == "dead"sv);
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

  // The whole a fraction is of, when the lexicon does not know it: "a quarter
  // of the harvest", "a fifth of the country's output" (the last word of the phrase).
  void whole_after_of(const std::vector<Tok>& t, size_t j, Quantity* q) const {
    size_t head = SIZE_MAX;
    for (size_t k = j; k < t.size() && k < j + 4; ++k) {
      if (t[k].lower == "'s" || t[k].lower == "’s") continue;
      if (t[k].kind != TokenKind::word || is_np_stop(t[k].lower)) break;
      head = k;
    }
    if (head == SIZE_MAX) return;
    q->counted = std::string(t[head].lower);
    q->counted_class = q->counted;
    q->counted_span = Span{t[j].span.begin, t[head].span.end};
  }

  // Modifiers between `first` and `head`: consecutive capitalized words form
  // one ("North Korean"), others stand alone ("additional", "artillery").
  void add_modifiers(const std::vector<Tok>& t, size_t first, size_t head, Quantity* q) const {
    for (size_t k = first; k < head; ++k) {
      std::string m(t[k].lower);
      while (t[k].capitalized && k + 1 < head && t[k + 1].capitalized) {
        ++k;
        m += ' ';
        m += t[k].lower;
      }
      q->modifiers.push_back(std::move(m));
    }
  }

  // A number after "to" or "at" that a change verb or a reference noun
  // shortly before governs: "the toll has risen to four", "put the number at two".
  static bool is_level_after_change(const std::vector<Tok>& t, size_t begin) {
    if (begin == 0 || (t[begin - 1].lower != "to" && t[begin - 1].lower != "at")) return false;
    static const WordSet kGoverning = {
        "risen", "rose", "rise", "rises", "climbed", "increased", "jumped", "grown", "grew",
        "revised", "raised", "lowered", "toll", "number", "total", "figure", "count", "tally"};
    for (size_t k = begin - 1; k-- > 0 && begin - k <= 8;)
      if (kGoverning.contains(t[k].lower)) return true;
    return false;
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
    // "the number of people who have left their homes has climbed to
    // 12,500": what is counted is named after "number of" (the claims
    // stage reads that phrase), not by the last noun of a relative clause.
    bool relative_clause = false;
    for (size_t r = head; r-- > 0 && head - r <= 10 && t[r].kind == TokenKind::word;) {
      relative_clause = relative_clause || t[r].lower == "who" || t[r].lower == "that" || t[r].lower == "which";
      if (relative_clause && (t[r].lower == "number" || t[r].lower == "total") && t[r + 1].lower == "of")
        return false;
    }
    const auto* c = counted_noun(t[head]);
    if (!c) return false;
    // The end of a name is no counted thing: "on Lake Victoria to 61".
    if (t[head].capitalized && head > 0 && t[head - 1].capitalized) return false;
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

  // A headline in title case ("Quake Kills 48 in Tarsu Province", "Toll
  // Reaches 11"): every word of four letters or more capitalized, so its
  // capitals do not mark names and a capitalized word before a number does
  // not make it a model number.
  static bool is_title_case(const std::vector<Tok>& t) {
    int words = 0;
    for (const Tok& tok : t) {
      if (tok.kind != TokenKind::word || tok.text.size() < 4) continue;
      if (!tok.capitalized) return false;
      ++words;
    }
    return words >= 3;
  }

  void process_sentence(Document& doc, const std::vector<Tok>& t,
                        std::vector<Mention>& found) const {
    found.clear();
    bool title_case = is_title_case(t);
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
      Mention& m = found.emplace_back();
      build(t, n, title_case, &m);
      next = std::max(next, m.end);
      i = next;
    }
    link_partitives(t, found);
    mark_casualties(t, found);
    for (auto& m : found) {
      // "one of the", "two said": a bare small word is rarely a figure, but
      // "has risen to four" and "put the toll at three" are.
      if (m.q.kind == QuantityKind::count && m.q.counted.empty() && !m.num.vague &&
          m.num.word_numeral && m.q.value < 10 && !is_level_after_change(t, m.begin))
        continue;
      Span span{t[m.begin].span.begin, t[m.end - 1].span.end};
      doc.quantities.add(span, std::move(m.q));
    }
  }

  // Everything around a numeral: currency, hedge, range, unit, counted thing, delta.
  void build(const std::vector<Tok>& t, const Number& n, bool title_case, Mention* m) const {
    Quantity& q = m->q;
    q.kind = n.kind;
    q.value = n.value;
    q.unit = n.unit;
    m->num = n;
    m->begin = n.begin;
    size_t end = n.end;

    // Currency before the number: "$2.5 billion", "US$ 40", "USD 40", "MAUD 60" (millions).
    if (m->begin > 0) {
      const Tok& prev = t[m->begin - 1];
      double millions = 1;
      if (const std::string* c = symbol_unit(prev.text)) {
        q.unit = *c;
        q.kind = QuantityKind::money;
        --m->begin;
        if (*c == "USD"sv && m->begin > 0 && !t[m->begin].space_before) {
          if (auto local = dollar_prefix(t[m->begin - 1].lower)) {
            q.unit = *local;
            --m->begin;
          }
        }
      } else if (const UnitEntry* u = currency_code(prev, &millions)) {
        q.unit = u->unit;
        q.kind = QuantityKind::money;
        q.value *= millions;
        --m->begin;
      }
    }

    // A scale named before its reading: "magnitude 6.8", "magnitude-6.8".
    if (q.unit.empty() && m->begin > 0 && t[m->begin - 1].lower == "magnitude") {
      q.unit = "magnitude";
      q.kind = QuantityKind::measure;
      --m->begin;
    }

    // Range: "3,000 to 4,000", "between 10 and 12", "3 - 4 million".
    std::optional<double> low = n.low, high = n.high;
    bool between = m->begin > 0 && (t[m->begin - 1].lower == "between" || t[m->begin - 1].lower == "from");
    // "rose by $45 billion to $886 billion": a change and the new level, not a range.
    bool change = m->begin > 0 && t[m->begin - 1].lower == "by";
    if (!n.low && !change && end + 1 < t.size() &&
        (t[end].lower == "to" || t[end].text == "-" || t[end].text == "\u2013" ||
         (between && t[end].lower == "and"))) {
      size_t j = end + 1;
      if (j < t.size() && symbol_unit(t[j].text)) ++j;
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

    // Unit after the number: "1,300 square kilometers", "20 (kg)", "30 MUSD".
    // An ordinal takes none: "its second day" is which day, not how long.
    if (q.unit.empty() && end < t.size() && n.kind != QuantityKind::ordinal) {
      const UnitEntry* u = nullptr;
      double millions = 1;
      size_t open = is_opening(t[end].text) && end + 1 < t.size() && !t[end + 1].space_before;
      if (size_t len = match_unit(t, end + open, &u);
          len && (!open || (end + open + len < t.size() && closes(t[end].text, t[end + open + len].text)))) {
        q.unit = u->unit;
        q.kind = u->kind;
        // "361 million pounds" is money, "25 pounds" a weight.
        if (q.unit == "lb"sv && t[end + open].lower.rfind("pound", 0) == 0 && n.has_scale) {
          q.unit = "GBP";
          q.kind = QuantityKind::money;
        }
        end += len + 2 * open;
      } else if (const UnitEntry* c = currency_code(t[end], &millions)) {
        q.unit = c->unit;
        q.kind = QuantityKind::money;
        q.value *= millions;
        ++end;
      } else if (t[end].lower == "yo") {  // "a 87 yo man"
        q.unit = "year";
        q.kind = QuantityKind::age;
        ++end;
      }
    } else if (!q.unit.empty() && q.kind == QuantityKind::money && end < t.size()) {
      const UnitEntry* u = nullptr;
      if (size_t len = match_unit(t, end, &u); len && u->kind == QuantityKind::money) end += len;
    }
    // "5 ft 2 in", "5 feet and 2 inches": a height in feet and inches.
    if (q.unit == "ft"sv && !n.has_scale && end + 1 < t.size()) {
      size_t j = end + (t[end].lower == "and");
      auto inches = j < t.size() ? parse_number(t, j) : std::nullopt;
      const UnitEntry* u = nullptr;
      if (inches && !inches->skip && inches->suffix.empty() && inches->value < 12 &&
          match_unit(t, inches->end, &u) && u->unit == "in"sv) {
        q.value += inches->value / 12;
        end = inches->end + 1;
      }
    }
    if (q.kind == QuantityKind::money) {
      // "75 USD million": the scale after the currency.
      if (end < t.size() && !n.has_scale && t[end].lower.size() > 2) {
        if (auto s = numeral::scale_word(t[end].lower)) {
          q.value *= *s;
          ++end;
        }
      }
      end = minor_units(t, end, n, &q);
    }
    // "percent of 10" written for 10 percent, with no number before "percent".
    if (q.unit.empty() && m->begin >= 2 && t[m->begin - 1].lower == "of") {
      size_t w = m->begin - 2;
      bool percent = t[w].lower == "percent" || t[w].lower == "percents" ||
                     (t[w].lower == "cent" && w > 0 && t[w - 1].lower == "per");
      if (percent && t[w].lower == "cent") --w;
      if (percent && (w == 0 || !parse_number(t, w - 1))) {
        q.unit = "percent";
        q.kind = QuantityKind::percent;
        m->begin = w;
      }
    }
    if (n.fraction && q.unit.empty()) {
      q.unit = "fraction";
      q.kind = QuantityKind::percent;
    }
    if (q.unit == "percent"sv || q.unit == "pp"sv) q.kind = QuantityKind::percent;

    // Calibre: "170mm self-propelled guns", "a 152-mm howitzer".
    if ((q.unit == "mm"sv || q.unit == "cm"sv) && q.value <= 1000) {
      for (size_t k = end; k < t.size() && k < end + 4; ++k)
        if (is_weapon_word(t[k].lower)) q.kind = QuantityKind::calibre;
    }
    // Ages: "aged 25", "25 years old", "ten months old", "3 years of age".
    bool duration =
        q.unit == "year"sv || q.unit == "month"sv || q.unit == "week"sv || q.unit == "day"sv;
    if (duration && end < t.size() && t[end].lower == "old") {
      q.kind = QuantityKind::age;
      ++end;
    } else if (duration && end + 1 < t.size() && t[end].lower == "of" && t[end + 1].lower == "age") {
      q.kind = QuantityKind::age;
      end += 2;
    }
    if (m->begin > 0 && (t[m->begin - 1].lower == "aged" || t[m->begin - 1].lower == "age"))
      q.kind = QuantityKind::age;  // "aged 25", "a man of age 87"
    if (q.kind == QuantityKind::count && q.unit.empty() && !title_case && is_model_number(t, n))
      q.kind = QuantityKind::model;
    if (q.kind == QuantityKind::count && q.unit.empty() && is_age_in_apposition(t, n))
      q.kind = QuantityKind::age;
    // "three times the 700 tonnes", "twice as many": a ratio, not an amount.
    if (q.kind == QuantityKind::count && q.unit.empty() && end + 1 < t.size() && t[end].lower == "times" &&
        (t[end + 1].lower == "the" || t[end + 1].lower == "as" || t[end + 1].lower == "that" ||
         t[end + 1].lower == "what" || t[end + 1].lower.ends_with("er")))
      q.kind = QuantityKind::multiple;
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
      pre_mods.insert(pre_mods.begin(), std::string(t[pre].lower));
    }
    // "over ten years" is a span of time, "for over ten years" more than ten.
    bool span_of_time = duration || q.unit == "hour"sv;
    if (span_of_time && hedge_start + 1 == m->begin && t[hedge_start].lower == "over" &&
        !(hedge_start > 0 && t[hedge_start - 1].lower == "for"))
      hedge_start = m->begin;
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

    // What is counted: by counts and fractions ("a third of the villages");
    // a percentage is grouped by its unit.
    if (q.kind == QuantityKind::count || q.unit == "fraction"sv) {
      size_t j = end;
      if (j + 1 < t.size() && t[j].lower == "of" && !t[j + 1].capitalized) {
        ++j;  // "dozens of drones", "a third of the troops", "3% of voters"
        if (j < t.size() && (t[j].lower == "the" || t[j].lower == "its" || t[j].lower == "their"))
          ++j;
      }
      bool found = (q.kind == QuantityKind::count || j != end) && j < t.size() &&
                   (t[j].kind == TokenKind::word || t[j].text == "[") && counted_after(t, j, &q);
      if (!found && q.kind == QuantityKind::count) counted_before(t, pre, &q);
      if (!found && q.unit == "fraction"sv && j != end) whole_after_of(t, j, &q);
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
    // The whole first: "Of the 27 dead, 21 were women", "Of the 45
    // kilometres affected, 18 lie within the reserve".
    constexpr size_t kMaxAfterWhole = 3;  // "affected", "still missing"
    for (size_t a = 0; a + 1 < found.size(); ++a) {
      const Mention& whole = found[a];
      Mention& part = found[a + 1];
      if (whole.begin < 2 || part.q.part_of || (part.q.kind != whole.q.kind && !part.q.unit.empty())) continue;
      size_t d = whole.begin - 1;
      if (t[d].lower != "the" && t[d].lower != "its" && t[d].lower != "their") continue;
      if (t[d - 1].lower != "of" || (d - 1 > 0 && t[d - 2].kind == TokenKind::word)) continue;  // opens a clause
      size_t comma = phrase_end(t, whole);
      while (comma < part.begin && comma < phrase_end(t, whole) + kMaxAfterWhole && t[comma].text != ",") ++comma;
      if (comma + 1 != part.begin || t[comma].text != ",") continue;
      // The part counts what the whole counts, in its unit ("18 lie
      // within": no noun of its own).
      part.q.part_of = whole.q.value;
      part.q.kind = whole.q.kind;
      part.q.unit = whole.q.unit;
      part.q.counted = whole.q.counted;
      part.q.counted_class = whole.q.counted_class;
      part.q.counted_span = whole.q.counted_span;
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
    static const WordSet person_classes = {
        "personnel", "people", "civilians", "workers", "children", "refugees", "prisoners"};
    static const WordSet auxiliaries = {
        "were", "was", "have", "has", "had", "been", "are", "is", "either", "reportedly",
        "allegedly", "already", "all", "since", "now", "being", "be", "later"};
    static const WordSet harmed = {"killed", "wounded", "injured",
                                                                "dead", "died", "hurt"};
    for (size_t a = 0; a < found.size(); ++a) {
      Quantity& q = found[a].q;
      if (q.kind != QuantityKind::count || !person_classes.contains(q.counted_class)) continue;
      if (a > 0 && found[a - 1].q.part_of) continue;  // the whole was not all harmed
      // A partitive's verb follows its whole: "4,000 of the 11,000 troops were killed".
      const Mention& last = q.part_of && a + 1 < found.size() ? found[a + 1] : found[a];
      size_t k = phrase_end(t, last);
      size_t skipped = 0;
      while (k < t.size() && skipped < 4 && auxiliaries.contains(t[k].lower)) {
        ++k;
        ++skipped;
      }
      if (skipped > 0 && k < t.size() && harmed.contains(t[k].lower)) q.counted_class = "casualties";
    }
  }

  Lexicons lex_;
};

}  // namespace

bool is_delta_modifier(std::string_view w) {
  static const WordSet k = {"additional", "further", "extra", "another",
                                                         "more",       "fresh",   "new",   "added"};
  return k.contains(w);
}

std::vector<Numeral> read_numerals(const Document& doc) {
  std::vector<Numeral> out;
  std::vector<bool> no_url(doc.tokens.size());
  std::vector<Tok> t;
  std::string lower;
  auto emit_digit_runs = [&](const Tok& tok) {
    std::string_view s = tok.text;
    for (size_t k = 0; k < s.size();) {
      if (s[k] < '0' || s[k] > '9') {
        ++k;
        continue;
      }
      size_t e = k;
      while (e < s.size() && s[e] >= '0' && s[e] <= '9') ++e;
      bool sep = false;
      if (auto v = numeral::parse_digits(s.substr(k, e - k), &sep))
        out.push_back({Span{static_cast<uint32_t>(tok.span.begin + k), static_cast<uint32_t>(tok.span.begin + e)},
                       *v, false, false});
      k = e;
    }
  };
  for (const auto& sentence : doc.sentences) {
    sentence_tokens(doc, sentence.value, no_url, &lower, &t);
    for (size_t i = 0; i < t.size();) {
      if (auto r = numeral::relative_ordinal(t, i)) {
        out.push_back({Span{t[i].span.begin, t[r->end - 1].span.end}, r->value, true, true});
        i = r->end;
        continue;
      }
      auto n = numeral::read_numeral(t, i);
      if (!n) {
        // A number inside a name: "SCP-173", "Covid-19".
        size_t dash = t[i].lower.rfind('-');
        if (t[i].kind == TokenKind::word && dash != std::string_view::npos && dash > 0 &&
            numeral::numeral_prefix(t[i].lower.substr(dash + 1)) == t[i].lower.size() - dash - 1)
          emit_digit_runs(t[i]);
        ++i;
        continue;
      }
      size_t end = std::max(n->end, i + 1);
      auto code_like = [](std::string_view s) {
        return s.find_first_not_of("0123456789-/.,") == std::string_view::npos;
      };
      if ((n->skip || !n->suffix.empty()) && code_like(n->suffix)) {
        // "192.168.1.2", "5/17/2018", "1-222-2222": every digit group on its
        // own; an absurd number ("1e999") is nothing.
        for (size_t k = i; k < end; ++k)
          if (code_like(t[k].text)) emit_digit_runs(t[k]);
      } else if (n->suffix.empty()) {
        out.push_back({Span{t[n->begin].span.begin, t[end - 1].span.end}, n->value,
                       n->kind == QuantityKind::ordinal, false});
      }  // else a unit is glued to it ("29km"): a measure, not a number
      i = end;
    }
  }
  return out;
}

Result<std::unique_ptr<Component>> make_quantity_tagger(const Resources& resources) {
  Lexicons lex;
  std::string dir = resources.data_dir + "/quantity/";
  Status s = read_tsv(dir + "units.tsv", 3, [&](const std::vector<std::string>& f) {
    QuantityKind kind = f[2] == "money"     ? QuantityKind::money
                        : f[2] == "percent" ? QuantityKind::percent
                                            : QuantityKind::measure;
    lex.units.emplace(f[0], UnitEntry{f[1], kind});
    for (size_t len = 1; len <= f[0].size(); ++len)
      lex.unit_prefixes.insert(std::string_view(f[0]).substr(0, len));
    bool letters = std::any_of(f[0].begin(), f[0].end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    if (kind == QuantityKind::money && !letters) lex.symbols.emplace(f[0], f[1]);
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
