#include "nlp/quantity/numeral.h"

#include <charconv>
#include <cmath>
#include <string>

#include "core/word_map.h"

namespace cc::numeral {

namespace {

constexpr size_t kMaxDigits = 18;  // doubles hold 15-17 significant digits; more is noise
constexpr size_t kMaxAtoms = 32;   // words and numbers one numeral may span
constexpr size_t kMaxTokens = 24;

// ------------------------------------------------------------ word tables

enum class W : uint8_t { cardinal, ordinal, hundred, dozen, scale };

struct WordInfo {
  W cls;
  double value;   // cardinal value, ordinal number (the denominator of a fraction), multiplier
  bool plural;    // "fifths", "hundreds"
  bool fraction;  // "half", "quarter": a denominator only, never an ordinal
};

struct WordTables {
  WordMap<WordInfo> words;
  // The number words and the words that open a numeral without being one
  // ("a", "minus", "several"): may_start_numeral's one look-up per word.
  WordSet starters;
};

const WordTables& word_tables() {
  static const auto* table = [] {
    auto* tables = new WordTables;
    for (std::string_view w : {"a", "an", "minus", "negative", "several", "few", "tens", "scores"})
      tables->starters.insert(w);
    auto add = [&](std::string_view w, WordInfo info) {
      tables->words.emplace(w, info);
      tables->starters.insert(w);
    };
    auto add_plural = [&](std::string_view w, WordInfo info) {
      add(w, info);
      info.plural = true;
      add(std::string(w) + "s", info);
    };
    const char* small[] = {"zero", "one", "two", "three", "four", "five", "six",
                           "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                           "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int v = 0; v < 20; ++v) add(small[v], {W::cardinal, double(v), false, false});
    add("nought", {W::cardinal, 0, false, false});
    add("naught", {W::cardinal, 0, false, false});
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int k = 0; k < 8; ++k) add(tens[k], {W::cardinal, 20.0 + 10 * k, false, false});
    const char* ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                              "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                              "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                              "nineteenth"};
    for (int v = 1; v < 20; ++v) add_plural(ordinals[v - 1], {W::ordinal, double(v), false, false});
    add_plural("nineth", {W::ordinal, 9, false, false});  // a common misspelling
    const char* tenths[] = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
                            "seventieth", "eightieth", "ninetieth"};
    for (int k = 0; k < 8; ++k) add_plural(tenths[k], {W::ordinal, 20.0 + 10 * k, false, false});
    add_plural("hundredth", {W::ordinal, 1e2, false, false});
    add_plural("thousandth", {W::ordinal, 1e3, false, false});
    add_plural("millionth", {W::ordinal, 1e6, false, false});
    add_plural("billionth", {W::ordinal, 1e9, false, false});
    add_plural("trillionth", {W::ordinal, 1e12, false, false});
    add("half", {W::ordinal, 2, false, true});
    add("halves", {W::ordinal, 2, true, true});
    add_plural("quarter", {W::ordinal, 4, false, true});
    add_plural("hundred", {W::hundred, 100, false, false});
    for (const char* d : {"dozen", "dz", "doz"}) add_plural(d, {W::dozen, 12, false, false});
    add_plural("thousand", {W::scale, 1e3, false, false});
    add_plural("million", {W::scale, 1e6, false, false});
    add_plural("billion", {W::scale, 1e9, false, false});
    add_plural("trillion", {W::scale, 1e12, false, false});
    add_plural("lakh", {W::scale, 1e5, false, false});
    add_plural("crore", {W::scale, 1e7, false, false});
    return tables;
  }();
  return *table;
}

const WordInfo* info(std::string_view w) { return word_tables().words.find(w); }

// Abbreviated scales, after digits only: "10k", "1.5bn", "2 mil", "10 tln".
std::optional<double> abbreviation(std::string_view lower) {
  if (lower == "k") return 1e3;
  if (lower == "mn" || lower == "mln" || lower == "mil") return 1e6;
  if (lower == "bn" || lower == "bln" || lower == "b") return 1e9;
  if (lower == "tn" || lower == "tln" || lower == "trn") return 1e12;
  return std::nullopt;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// ---------------------------------------------------------------- atoms

// A word of a numeral: tokens split at hyphens ("twenty-one" is two atoms),
// a plain integer token, or a hyphen standing alone ("fifty - two").
// No default member initializers: Atoms holds kMaxAtoms of them and must not
// initialize them all on every try (make_atom sets every field).
struct Atom {
  std::string_view w;  // lower case
  size_t tok;
  size_t end_off;  // offset in the token's text just past this atom
  bool digits;
  double num;
  bool joiner;
  bool tok_end;  // last atom of its token
};

Atom make_atom(std::string_view w, size_t tok, size_t end_off) {
  return Atom{w, tok, end_off, false, 0, false, true};
}

// The atoms of one numeral, on the stack: a numeral is tried at many words
// ("a", "one"), and most tries read one or two atoms.
class Atoms {
 public:
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Atom& operator[](size_t i) const { return items_[i]; }
  const Atom& back() const { return items_[size_ - 1]; }
  void push_back(const Atom& a) {
    if (size_ < kMaxAtoms) items_[size_++] = a;
  }

 private:
  Atom items_[kMaxAtoms];
  size_t size_ = 0;
};

bool grammar_word(std::string_view w) {
  return info(w) || w == "and" || w == "a" || w == "an" || w == "point" || w == "of";
}

// Atoms from token `from` on: words and numbers that may continue a numeral.
Atoms atoms_from(const std::vector<Tok>& t, size_t from) {
  Atoms out;
  for (size_t k = from; k < t.size() && k - from < kMaxTokens && out.size() < kMaxAtoms; ++k) {
    const Tok& tok = t[k];
    if (tok.kind == TokenKind::word && !tok.lower.empty() && !is_digit(tok.lower[0])) {
      size_t start = 0;
      bool known = true;
      while (start <= tok.lower.size() && out.size() < kMaxAtoms) {
        size_t dash = tok.lower.find('-', start);
        if (dash == std::string_view::npos) dash = tok.lower.size();
        if (dash > start) {
          Atom a = make_atom(tok.lower.substr(start, dash - start), k, dash);
          a.tok_end = dash == tok.lower.size();
          known = grammar_word(a.w);
          out.push_back(a);
          if (!known) break;
        }
        start = dash + 1;
      }
      if (!known || (k == from ? false : !grammar_word(out.back().w))) break;
    } else if (tok.kind == TokenKind::number && k > from && all_digits(tok.text) &&
               tok.text.size() <= 3) {
      Atom a = make_atom(tok.lower, k, tok.lower.size());
      a.digits = true;
      std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), a.num);
      out.push_back(a);
    } else if (k > from && tok.text == "-" && tok.space_before) {
      Atom a = make_atom(tok.lower, k, 1);
      a.joiner = true;
      out.push_back(a);
    } else {
      break;
    }
  }
  return out;
}

// -------------------------------------------------------------- grammar

enum class Last : uint8_t { none, digits, unit, teen, ten, hundred, scale, joined };

// The running value of a cardinal: completed scale groups (total) and the
// group under construction (hundreds + small).
struct Grammar {
  double total = 0, hundreds = 0, small = 0;
  double top_scale = 0;   // the largest scale applied so far
  double last_scale = 0;  // the scale word just read
  Last last = Last::none;
  bool any = false;
  bool words = false;     // at least one number word
  size_t atoms = 0;       // atoms taken
  bool one_word = false;  // the whole numeral so far is "one", "a" or "an"
  // For "one hundred thirty fifths" (100/35): the value before the last tens
  // word and whether an "and" joined it.
  double before_ten = 0;
  bool ten_after_and = false;
  bool fraction_tail = false;  // ended with "and a half" and the like
  bool malformed = false;      // scales repeated: "trillion trillion"

  double group() const { return hundreds + small; }
  double value() const { return total + group(); }
};

const WordInfo* word_at(const Atoms& a, size_t p) {
  return p < a.size() && !a[p].digits && !a[p].joiner ? info(a[p].w) : nullptr;
}

bool cardinal_at(const Atoms& a, size_t p) {
  const WordInfo* w = word_at(a, p);
  return w && w->cls == W::cardinal;
}

bool scale_at(const Atoms& a, size_t p) {
  const WordInfo* w = word_at(a, p);
  return w && w->cls == W::scale;
}

// An ordinal made of words from p ("fifth", "twenty-first", "one hundred
// fifth", "thirty fifths"): its number, whether plural, and the end.
struct Ordinal {
  double value;
  bool plural;
  bool fraction_word;  // "half", "quarter"
  size_t end;
};

size_t cardinal(const Atoms& a, size_t p, Grammar& g, bool allow_and_fraction);

std::optional<Ordinal> ordinal_from(const Atoms& a, size_t p) {
  Grammar g;
  size_t q = cardinal(a, p, g, false);
  bool joined = false;
  if (g.any && q + 1 < a.size() && a[q].w == "and" && word_at(a, q + 1) &&
      word_at(a, q + 1)->cls == W::ordinal) {
    ++q;  // "one hundred and fifth"
    joined = true;
  }
  const WordInfo* w = word_at(a, q);
  if (!w || w->cls != W::ordinal) return std::nullopt;
  if (!g.any) return Ordinal{w->value, w->plural, w->fraction, q + 1};
  if (w->fraction) return std::nullopt;
  if (w->value >= 100) return Ordinal{g.total + std::max(1.0, g.group()) * w->value, w->plural, false, q + 1};
  bool joins = g.last == Last::ten ? w->value < 10 || joined
                                   : joined || g.last == Last::hundred || g.last == Last::scale;
  if (!joins) return std::nullopt;
  return Ordinal{g.value() + w->value, w->plural, false, q + 1};
}

// A fraction after "and": "a half", "one fourth", "three fifths",
// "fifty-four hundredths". The numerator agrees with the denominator's number.
bool and_fraction(const Atoms& a, size_t p, double* f, size_t* end) {
  if (p >= a.size()) return false;
  double numerator = 1;
  size_t q = p;
  if (a[q].w == "a" || a[q].w == "an") {
    ++q;
  } else {
    Grammar g;
    q = cardinal(a, p, g, false);
    if (!g.any || !g.words || g.total > 0) return false;
    numerator = g.value();
  }
  auto o = ordinal_from(a, q);
  if (!o || o->value < 2 || (o->value == 2 && !o->fraction_word)) return false;
  if (o->plural != (numerator != 1)) return false;
  *f = numerator / o->value;
  *end = o->end;
  return true;
}

// Reads cardinal atoms from p into g; returns the first atom not taken.
size_t cardinal(const Atoms& a, size_t p, Grammar& g, bool allow_and_fraction) {
  for (; p < a.size(); ++p) {
    const Atom& x = a[p];
    if (x.digits) {
      bool ok = !g.any || (g.last == Last::scale && x.num < 1000) ||
                (g.last == Last::hundred && x.num < 100) ||
                (g.last == Last::joined && x.num < (g.small == 0 && g.hundreds == 0 ? 1000 : 100));
      if (!ok) break;
      g.small += x.num;
      g.any = true;
      g.last = Last::digits;
      g.one_word = false;
      ++g.atoms;
      continue;
    }
    if (x.joiner) {
      if (g.last == Last::ten && cardinal_at(a, p + 1) && info(a[p + 1].w)->value < 10) {
        ++g.atoms;
        continue;
      }
      break;
    }
    if (x.w == "and") {
      if (!g.any) break;
      double f;
      size_t q;
      // After "hundred", "and" joins a number ("one hundred and thirty fifths"
      // is 130/5) unless a fraction word follows ("one hundred and three quarters").
      bool fraction_word_next = false;
      for (size_t k = p + 1; k < a.size() && k < p + 4; ++k)
        if (const WordInfo* fw = word_at(a, k); fw && fw->cls == W::ordinal) {
          // "and a half", "and three quarters", "and fifty-four hundredths" (a decimal).
          fraction_word_next = fw->fraction || fw->value == 10 || fw->value == 100 || fw->value == 1000;
          break;
        }
      bool may_be_fraction = g.last != Last::hundred || fraction_word_next ||
                             (p + 1 < a.size() && (a[p + 1].w == "a" || a[p + 1].w == "an"));
      if (allow_and_fraction && may_be_fraction && and_fraction(a, p + 1, &f, &q)) {
        if (scale_at(a, q)) {  // "one and a half million"
          g.small += f;
          g.atoms += q - p;
          g.last = Last::digits;
          p = q - 1;
          continue;
        }
        if (g.last == Last::scale) g.total += f * g.last_scale;  // "one million and a half"
        else g.small += f;
        g.atoms += q - p;
        g.fraction_tail = true;
        return q;
      }
      bool next_number = p + 1 < a.size() && (a[p + 1].digits || cardinal_at(a, p + 1));
      // "3 hundred and 2 hundred" are two numbers.
      const WordInfo* after = word_at(a, p + 2);
      if (next_number && after && after->cls == W::hundred && g.hundreds > 0) break;
      if (next_number && (g.last == Last::hundred || g.last == Last::scale)) {
        g.last = Last::joined;  // "three hundred and two", "one million and one"
        ++g.atoms;
        continue;
      }
      if (g.last == Last::ten && cardinal_at(a, p + 1) && info(a[p + 1].w)->value < 10) {
        ++g.atoms;  // "twenty and three"
        continue;
      }
      break;
    }
    if (x.w == "point") {
      if (!g.any || !(cardinal_at(a, p + 1) || (p + 1 < a.size() && a[p + 1].digits))) break;
      // "point zero three", "point seventy-one", "point eleven": each word its digits.
      std::string decimals;
      size_t q = p + 1;
      while (q < a.size() && decimals.size() < kMaxDigits) {
        if (a[q].digits) {
          decimals += a[q].w;
          ++q;
          continue;
        }
        if (!cardinal_at(a, q)) break;
        int v = static_cast<int>(info(a[q].w)->value);
        if (v >= 20 && v % 10 == 0 && cardinal_at(a, q + 1) && info(a[q + 1].w)->value < 10 &&
            a[q].tok == a[q + 1].tok) {
          v += static_cast<int>(info(a[q + 1].w)->value);
          ++q;
        }
        decimals += std::to_string(v);
        ++q;
      }
      double d = 0;
      std::string s = "0." + decimals;
      std::from_chars(s.data(), s.data() + s.size(), d);
      g.small += d;
      g.atoms += q - p;
      g.last = Last::digits;
      g.one_word = false;
      p = q - 1;
      continue;
    }
    if (x.w == "a" || x.w == "an") {
      if (g.any) break;
      const WordInfo* next = word_at(a, p + 1);
      if (!next || next->cls == W::cardinal) {
        // "a twenty-first" (1/21) reads on; "a two" does not.
        if (!(next && next->value >= 20 && ordinal_from(a, p + 1))) break;
      }
      g.small = 1;
      g.any = true;
      g.words = true;
      g.one_word = true;
      g.last = Last::unit;
      ++g.atoms;
      continue;
    }
    const WordInfo* w = info(x.w);
    if (!w) break;
    if (w->cls == W::cardinal) {
      double v = w->value;
      Last cls = v < 10 ? Last::unit : v < 20 ? Last::teen : Last::ten;
      if (!g.any) {
        g.small = v;
      } else if (g.last == Last::ten && cls == Last::unit && v > 0 && std::fmod(g.small, 10) == 0) {
        g.small += v;  // "twenty one", "twenty-one", "fifty - two", "twenty and three"
      } else if ((g.last == Last::hundred || g.last == Last::scale || g.last == Last::joined) &&
                 g.small == 0) {
        if (cls == Last::ten) {
          g.before_ten = g.value();
          g.ten_after_and = g.last == Last::joined;
        }
        g.small = v;
      } else {
        break;
      }
      if (cls == Last::ten && !g.any) g.before_ten = 0;
      g.one_word = !g.any && v == 1;
      g.any = true;
      g.words = true;
      g.last = cls;
      ++g.atoms;
      continue;
    }
    if (w->cls == W::hundred) {
      // "three hundred", "fifteen hundred", "322 hundred".
      if (!g.any || g.small <= 0 || g.small >= 1000 || g.hundreds > 0) break;
      g.hundreds = g.small * 100;
      g.small = 0;
      g.last = Last::hundred;
      g.one_word = false;
      ++g.atoms;
      continue;
    }
    if (w->cls == W::dozen) {  // "three dozens", "three hundred and two dozens"
      if (!g.any || g.small <= 0) break;
      g.small *= 12;
      g.last = Last::digits;
      g.one_word = false;
      ++g.atoms;
      continue;
    }
    if (w->cls == W::scale) {
      double group = g.group();
      if (!g.any || (group == 0 && g.total == 0)) break;
      if (group == 0 && w->value <= g.top_scale) {
        g.malformed = true;  // "trillion trillion"
        break;
      }
      if (w->value > g.top_scale) {
        g.total = (g.total + group) * w->value;  // "three lakh crore", "hundred thousand"
        g.top_scale = w->value;
      } else {
        g.total += group * w->value;  // "one million two thousand"
      }
      g.hundreds = g.small = 0;
      g.last_scale = w->value;
      g.last = Last::scale;
      g.one_word = false;
      ++g.atoms;
      continue;
    }
    break;  // an ordinal: the caller decides
  }
  return p;
}

// A fraction followed by a scale: "half a million", "three quarters billion",
// "two thirds of a million". Returns the multiplier and moves *p past it.
double fraction_scale(const Atoms& a, size_t* p) {
  size_t q = *p;
  if (q < a.size() && a[q].w == "of") ++q;
  if (q < a.size() && (a[q].w == "a" || a[q].w == "an")) ++q;
  const WordInfo* w = word_at(a, q);
  if (!w || (w->cls != W::scale && w->cls != W::dozen && w->cls != W::hundred)) return 1;
  if (q > *p && a[*p].w == "of" && !(a[*p + 1].w == "a" || a[*p + 1].w == "an")) return 1;
  *p = q + 1;
  return w->value;
}

// The numeral that the word atoms from 0 on spell, seeded with a value read
// from digits (`seed`), or nothing. Sets n's value, kind, end and suffix.
bool read_words(const std::vector<Tok>& t, const Atoms& a, std::optional<double> seed,
                Number* n) {
  Grammar g;
  if (seed) {
    g.small = *seed;
    g.any = true;
    g.last = Last::digits;
  }
  size_t p = cardinal(a, 0, g, true);
  bool fraction = false, ordinal = false, bare_half = false, scaled = false;
  double value = g.value();
  // "one - fourth": a hyphen standing alone before the denominator.
  if (g.any && p + 1 < a.size() && a[p].joiner && word_at(a, p + 1) &&
      word_at(a, p + 1)->cls == W::ordinal)
    ++p;
  const WordInfo* w = word_at(a, p);
  if (!g.fraction_tail && w && w->cls == W::ordinal && !seed) {
    if (!g.any && w->fraction) {
      // "half", "quarter million", "half a dozen"; "quarter" alone is not a figure.
      value = 1 / w->value;
      fraction = true;
      ++p;
      double s = w->plural ? 1 : fraction_scale(a, &p);
      if (s != 1) {
        value *= s;  // "half a million" is a number, not a share
        fraction = false;
        scaled = true;
        g.top_scale = s;
      }
      else if (w->value == 2 && !w->plural) bare_half = true;
      else return false;
    } else if (!g.any) {
      if (w->plural) return false;  // "thirds" alone
      value = w->value;             // "fifth"
      ordinal = true;
      ++p;
    } else if (w->plural || w->fraction) {
      // "one hundred thirty fifths" is 100/35, "one hundred and thirty fifths" 130/5.
      double numerator = g.value(), denominator = w->value;
      if (g.last == Last::ten && !g.ten_after_and && w->value < 10 && g.before_ten > 0 &&
          !w->fraction) {
        numerator = g.before_ten;
        denominator = g.small + w->value;
      }
      value = numerator / denominator;
      fraction = true;
      ++p;
    } else if (g.one_word && w->value > 2) {
      value = 1 / w->value;  // "a third", "one fifth", "a hundredth"
      fraction = true;
      ++p;
    } else if (auto o = ordinal_from(a, 0); o && !o->plural) {
      value = o->value;  // "one hundred twenty fifth", "two hundredth"
      ordinal = true;
      p = o->end;
    }
  } else if (!g.fraction_tail && g.words && !seed && p < a.size() && cardinal_at(a, p)) {
    // "one one hundred fifth" (1/105), "three twenty firsts" (3/21).
    if (auto o = ordinal_from(a, p); o && !o->fraction_word && o->plural == (g.value() != 1) &&
                                     o->value > 2) {
      value = g.value() / o->value;
      fraction = true;
      p = o->end;
    }
  }
  if (fraction && g.any) {
    double s = fraction_scale(a, &p);  // "two thirds of a million"
    if (s != 1) {
      value *= s;
      fraction = false;
      g.top_scale = std::max(g.top_scale, s);
    }
  }
  if (!g.any && !fraction && !ordinal && !scaled) return false;
  if (g.malformed) n->skip = true;
  if (g.one_word && !fraction && !ordinal && a[0].w != "one") return false;  // a lone "a"
  if (p == 0) return false;
  const Atom& last = a[p - 1];
  n->value = value;
  n->end = last.tok + 1;
  n->word_numeral = g.words || fraction || ordinal;
  n->fraction = fraction;
  n->bare_half = bare_half;
  if (ordinal) n->kind = QuantityKind::ordinal;
  if (g.top_scale > 0) {
    n->has_scale = true;
    n->scale = g.top_scale;
  }
  if (!last.tok_end) n->suffix = t[last.tok].lower.substr(last.end_off);
  return true;
}

// ---------------------------------------------------------------- digits

// "3,000", "12,34,567.89" (Indian), "1.111,11" (European), "1,3" (decimal
// comma), "40 000" (grouped with thin spaces, here as ' ').
std::optional<double> parse_grouped(const std::string& raw, bool* separator) {
  auto groups_ok = [](const std::vector<std::string_view>& g, size_t first_max, size_t middle,
                      bool last_three) {
    if (g.size() < 2 || g[0].empty() || g[0].size() > first_max) return false;
    for (size_t k = 1; k < g.size(); ++k) {
      size_t want = k + 1 == g.size() && last_three ? 3 : middle;
      if (g[k].size() != want) return false;
    }
    return true;
  };
  auto split = [](std::string_view s, char c) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t k; (k = s.find(c, start)) != std::string_view::npos; start = k + 1)
      out.push_back(s.substr(start, k - start));
    out.push_back(s.substr(start));
    return out;
  };
  auto digits_of = [](const std::vector<std::string_view>& g) {
    std::string d;
    for (auto x : g) d += x;
    return d;
  };
  std::string_view s(raw);
  std::string clean;
  size_t dot = s.find('.'), comma = s.find(',');
  if (s.find(' ') != std::string_view::npos) {
    std::string_view whole = s.substr(0, std::min(dot, s.size()));
    auto g = split(whole, ' ');
    if (!groups_ok(g, 3, 3, true)) return std::nullopt;
    clean = digits_of(g) + std::string(s.substr(std::min(dot, s.size())));
  } else if (comma != std::string_view::npos && dot != std::string_view::npos && dot < comma) {
    auto parts = split(s, ',');  // "1.111,11"
    if (parts.size() != 2 || !groups_ok(split(parts[0], '.'), 3, 3, true)) return std::nullopt;
    clean = digits_of(split(parts[0], '.')) + "." + std::string(parts[1]);
  } else if (comma != std::string_view::npos) {
    std::string_view whole = s.substr(0, std::min(dot, s.size()));
    auto g = split(whole, ',');
    std::string frac(s.substr(std::min(dot, s.size())));
    if (groups_ok(g, 3, 3, true) || groups_ok(g, 2, 2, true)) {
      clean = digits_of(g) + frac;
    } else if (g.size() == 2 && frac.empty() && g[1].size() <= 2 && !g[1].empty()) {
      clean = std::string(g[0]) + "." + std::string(g[1]);  // "1,3", "5,00"
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  *separator = true;
  return parse_digits(clean, separator);
}

bool glued(const std::vector<Tok>& t, size_t k) { return k < t.size() && !t[k].space_before; }

// "1.3e6", "1.3x10" (before "^6"): the mantissa and what follows it.
bool split_exponent(std::string_view s, double* mantissa, std::string_view* rest) {
  size_t p = numeral_prefix(s);
  if (p == 0 || p == s.size()) return false;
  bool sep = false;
  auto m = parse_digits(s.substr(0, p), &sep);
  if (!m) return false;
  *mantissa = *m;
  *rest = s.substr(p);
  return true;
}

// Signs and digits from token k: "+14", "-", "-", "23". Returns the exponent
// and moves *k past it.
std::optional<int> exponent_tokens(const std::vector<Tok>& t, size_t* k) {
  bool negative = false;
  size_t j = *k;
  while (glued(t, j) && (t[j].text == "-" || t[j].text == "+") && j - *k < 3) {
    if (t[j].text == "-") negative = !negative;
    ++j;
  }
  if (!glued(t, j) || t[j].kind != TokenKind::number || !all_digits(t[j].text) ||
      t[j].text.size() > 4)
    return std::nullopt;
  int e = 0;
  std::from_chars(t[j].text.data(), t[j].text.data() + t[j].text.size(), e);
  *k = j + 1;
  return negative ? -e : e;
}

// A numeral that starts with digits at token i.
std::optional<Number> read_digit_numeral(const std::vector<Tok>& t, size_t i) {
  Number n;
  n.begin = i;
  n.end = i + 1;
  const Tok& tok = t[i];
  if (tok.kind == TokenKind::number) {
    // Glued groups: "12" "," "34,567.89"; "1.111" "," "11"; "40" "\u202f" "000".
    std::string raw(tok.text);
    size_t k = i + 1;
    while (k + 1 < t.size() && glued(t, k) && glued(t, k + 1) &&
           t[k + 1].kind == TokenKind::number && raw.size() < 64) {
      std::string_view sep = t[k].text;
      if (sep == "," || sep == ".") raw += sep;
      else if (sep == "\u202f" || sep == "\u00a0" || sep == "\u2009") raw += ' ';
      else break;
      raw += t[k + 1].text;
      k += 2;
    }
    std::optional<double> v;
    if (k > i + 1) v = parse_grouped(raw, &n.has_separator);
    if (v) {
      n.end = k;
    } else {
      v = parse_digits(tok.text, &n.has_separator);
    }
    // "40-50", "3,000-4,000", "555-0143": the tokenizer keeps digit groups
    // joined by hyphens as one number. The first group is the numeral and the
    // rest is left in `suffix` for the caller, which reads a range where the
    // second is larger and sets the rest aside. A scale after applies to both
    // ends: "3-4 million".
    if (size_t dash = tok.text.find('-');
        !v && n.end == i + 1 && dash != std::string_view::npos && dash > 0 &&
        numeral_prefix(tok.text) == dash) {
      v = parse_digits(tok.text.substr(0, dash), &n.has_separator);
      if (!v) {
        n.skip = true;
        return n;
      }
      n.value = *v;
      n.suffix = tok.lower.substr(dash);
      bool range = numeral_prefix(n.suffix.substr(1)) == n.suffix.size() - 1;
      if (range && i + 1 < t.size() && t[i + 1].kind == TokenKind::word) {
        const WordInfo* w = info(t[i + 1].lower);
        if (w && w->cls == W::scale && !w->plural) {
          n.value *= w->value;
          n.scale = w->value;
          n.has_scale = true;
          n.end = i + 2;
        }
      }
      return n;
    }
    // "1 234 567": groups of three digits written apart.
    if (v && n.end == i + 1 && all_digits(tok.text) && tok.text.size() <= 3) {
      std::string spaced(tok.text);
      size_t j = i + 1;
      while (j < t.size() && t[j].space_before && t[j].kind == TokenKind::number &&
             t[j].text.size() == 3 && all_digits(t[j].text) && j - i < 6) {
        spaced += ' ';
        spaced += t[j].text;
        ++j;
      }
      if (j > i + 1) {
        bool sep = false;
        if (auto g = parse_grouped(spaced, &sep)) {
          v = g;
          n.end = j;
          n.has_separator = true;
        }
      }
    }
    if (!v) {
      n.skip = true;  // "192.168.1.2", a 10,000-digit run
      return n;
    }
    n.value = *v;
    size_t e = n.end;
    // "1.1^23", "2.5^-1": a power.
    if (glued(t, e) && t[e].text == "^") {
      size_t j = e + 1;
      if (auto x = exponent_tokens(t, &j)) {
        n.value = std::pow(n.value, *x);
        n.end = j;
      }
      if (!std::isfinite(n.value)) n.skip = true;
      return n;
    }
    // "3/4", "5/17/2018" (a date: every part alone), "10 1/2".
    auto slash_at = [&](size_t s) {
      return glued(t, s) && t[s].text == "/" && glued(t, s + 1) &&
             t[s + 1].kind == TokenKind::number && all_digits(t[s + 1].text);
    };
    bool after_slash = i > 0 && glued(t, i) && t[i - 1].text == "/";
    if (slash_at(e) && !after_slash && all_digits(tok.text)) {
      if (slash_at(e + 2)) {
        n.skip = true;
        n.end = e + 4;
        return n;
      }
      bool sep = false;
      auto d = parse_digits(t[e + 1].text, &sep);
      if (!d || *d == 0) {
        n.skip = true;
        return n;
      }
      n.value /= *d;
      n.fraction = n.bare_slash = true;
      n.end = e + 2;
      if (n.end < t.size() && t[n.end].kind == TokenKind::word) {
        const WordInfo* w = info(t[n.end].lower);
        if (w && w->cls == W::scale && !w->plural) {  // "1/2 million"
          n.value *= w->value;
          n.scale = w->value;
          n.has_scale = true;
          n.fraction = n.bare_slash = false;
          ++n.end;
        }
      }
      return n;
    }
    if (all_digits(tok.text) && n.end == i + 1 && e < t.size() && t[e].space_before &&
        t[e].kind == TokenKind::number && all_digits(t[e].text) && slash_at(e + 1) &&
        !slash_at(e + 3)) {
      bool sep = false;
      auto num = parse_digits(t[e].text, &sep), den = parse_digits(t[e + 2].text, &sep);
      if (num && den && *den > *num) {
        n.value += *num / *den;  // "10 1/2 miles"
        n.end = e + 3;
        return n;
      }
    }
  } else {
    // A word that starts with digits: "170mm", "1.5bn", "11th", "1e10", "1.3x10".
    double mantissa;
    std::string_view rest;
    if (!split_exponent(tok.lower, &mantissa, &rest)) {
      n.skip = true;
      return n;
    }
    n.has_separator = rest.size() < tok.lower.size() &&
                      tok.lower.substr(0, tok.lower.size() - rest.size()).find_first_of(",.") !=
                          std::string_view::npos;
    n.value = mantissa;
    if (rest.size() > 1 && rest[0] == 'e' && all_digits(rest.substr(rest[1] == '-' ? 2 : 1))) {
      int e = 0;
      std::from_chars(rest.data() + 1, rest.data() + rest.size(), e);
      n.value = mantissa * std::pow(10.0, e);  // "1e10", "12e-1"
      if (!std::isfinite(n.value)) n.skip = true;
      return n;
    }
    if (rest == "e" || rest == "x10") {  // "12.32e" "+" "14", "1.3x10" "^" "6"
      size_t j = i + 1;
      if (rest == "x10") {
        if (!glued(t, j) || t[j].text != "^") {
          n.skip = true;
          return n;
        }
        ++j;
      }
      auto x = exponent_tokens(t, &j);
      if (!x) {
        n.skip = true;
        return n;
      }
      n.value = mantissa * std::pow(10.0, *x);
      n.end = j;
      if (!std::isfinite(n.value)) n.skip = true;
      return n;
    }
    if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
      n.kind = QuantityKind::ordinal;
      return n;
    }
    std::string_view scale_part = rest[0] == '-' ? rest.substr(1) : rest;
    std::string_view original = tok.text.substr(tok.text.size() - scale_part.size());
    std::optional<double> s = abbreviation(scale_part);
    if (!s && (original == "MM" || original == "M")) s = 1e6;
    if (!s && original == "K") s = 1e3;
    if (!s && (scale_part == "million" || scale_part == "billion" || scale_part == "thousand"))
      s = info(scale_part)->value;  // "1.5-million"
    if (s) {
      n.value *= *s;
      n.scale = *s;
      n.has_scale = true;
      if (!std::isfinite(n.value)) n.skip = true;
      return n;
    }
    n.suffix = rest;
    return n;
  }
  // Scale abbreviations written apart: "2.33 k", "1,674.5 G", "10 bln", "5 M".
  if (n.end < t.size() && t[n.end].kind == TokenKind::word) {
    std::string_view w = t[n.end].text;
    std::optional<double> s;
    if (w != "b") s = abbreviation(t[n.end].lower);
    if (w == "M" || w == "MM") s = 1e6;
    if (w == "G") s = 1e9;
    if (w == "K") s = 1e3;
    if (s) {
      n.value *= *s;
      n.scale = *s;
      n.has_scale = true;
      ++n.end;
      return n;
    }
  }
  // Words after the digits: "3 million", "4 thousand 3 hundred and 21", "2 and a half".
  if (n.end < t.size() && t[n.end].kind == TokenKind::word) {
    auto a = atoms_from(t, n.end);
    Number w;
    if (!a.empty() && read_words(t, a, n.value, &w) && w.end > n.end) {
      n.value = w.value;
      n.end = w.end;
      n.has_scale = w.has_scale;
      n.scale = w.scale;
      n.suffix = w.suffix;
      n.skip = w.skip;
    }
  }
  if (!std::isfinite(n.value)) n.skip = true;
  return n;
}

// "dozens", "hundreds of thousands", "several hundred", "tens of thousands".
std::optional<Number> read_vague(const std::vector<Tok>& t, size_t i) {
  const Tok& tok = t[i];
  Number n;
  n.begin = i;
  n.end = i + 1;
  n.vague = true;
  n.word_numeral = true;
  double s = 0;
  if (auto vs = vague_scale(tok.lower);
      vs && (tok.lower != "scores" || (i + 1 < t.size() && t[i + 1].lower == "of"))) {
    s = *vs;  // "scores" alone is more often results than a count
    if (s >= 100 && i + 2 < t.size() && t[i + 1].lower == "of") {
      if (auto inner = vague_scale(t[i + 2].lower); inner && *inner >= 1e3) {
        s *= *inner;  // "hundreds of thousands"
        n.end = i + 3;
      }
    }
    n.low = s == 12 ? 24 : 2 * s;
    n.high = s == 12 ? 100 : 10 * s;
  } else if (i + 1 < t.size() && (tok.lower == "several" || tok.lower == "few")) {
    const WordInfo* w = info(t[i + 1].lower);
    if (!w || w->plural || (w->cls != W::hundred && w->cls != W::scale)) return std::nullopt;
    s = w->value;
    n.low = 2 * s;
    n.high = 9 * s;
    n.end = i + 2;
  } else if (tok.lower == "tens" && i + 2 < t.size() && t[i + 1].lower == "of" &&
             vague_scale(t[i + 2].lower) && *vague_scale(t[i + 2].lower) >= 1e3) {
    s = 10 * *vague_scale(t[i + 2].lower);
    n.low = 2 * s;
    n.high = 10 * s;
    n.end = i + 3;
  } else {
    return std::nullopt;
  }
  n.value = *n.low;
  return n;
}

// A numeral without its sign.
std::optional<Number> read_unsigned(const std::vector<Tok>& t, size_t i) {
  const Tok& tok = t[i];
  if (tok.kind == TokenKind::number || (tok.kind == TokenKind::word && is_digit(tok.lower[0])))
    return read_digit_numeral(t, i);
  // ".08": a decimal with its leading zero left out.
  if (tok.text == "." && (i == 0 || tok.space_before) && glued(t, i + 1) &&
      t[i + 1].kind == TokenKind::number && all_digits(t[i + 1].text)) {
    auto n = read_digit_numeral(t, i + 1);
    if (!n || n->skip || n->fraction) return n;
    n->value /= std::pow(10.0, static_cast<double>(t[i + 1].text.size()));
    n->begin = i;
    n->has_separator = true;
    return n;
  }
  if (tok.kind != TokenKind::word) return std::nullopt;
  if (tok.lower == "a" || tok.lower == "an") {
    // "a hundred", "a third", "a dozen", "a twenty-first"; not "a man".
    if (i + 1 >= t.size()) return std::nullopt;
    std::string_view next = t[i + 1].lower;
    const WordInfo* w = info(next.substr(0, next.find('-')));
    if (!w || (w->cls == W::cardinal && w->value < 20)) return std::nullopt;
  }
  if (auto v = read_vague(t, i)) return v;
  auto a = atoms_from(t, i);
  Number n;
  n.begin = i;
  if (a.empty() || !read_words(t, a, std::nullopt, &n)) return std::nullopt;
  if (!std::isfinite(n.value)) n.skip = true;
  return n;
}

bool vulgar(std::string_view s, double* v) {
  static const WordMap<double> k = {
      {"\u00bd", 1.0 / 2}, {"\u2153", 1.0 / 3}, {"\u2154", 2.0 / 3}, {"\u00bc", 1.0 / 4},
      {"\u00be", 3.0 / 4}, {"\u2155", 1.0 / 5}, {"\u2156", 2.0 / 5}, {"\u2157", 3.0 / 5},
      {"\u2158", 4.0 / 5}, {"\u2159", 1.0 / 6}, {"\u215a", 5.0 / 6}, {"\u2150", 1.0 / 7},
      {"\u215b", 1.0 / 8}, {"\u215c", 3.0 / 8}, {"\u215d", 5.0 / 8}, {"\u215e", 7.0 / 8},
      {"\u2151", 1.0 / 9}, {"\u2152", 1.0 / 10}};
  const double* found = k.find(s);
  if (!found) return false;
  *v = *found;
  return true;
}

}  // namespace

// ------------------------------------------------------------- public

size_t numeral_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (is_digit(c)) {
      ++i;
    } else if ((c == ',' || c == '.') && i > 0 && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

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
    } else if (!is_digit(c)) {
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

std::optional<double> scale_word(std::string_view w) {
  if (const WordInfo* i = info(w); i && i->cls == W::scale && !i->plural) return i->value;
  if (w == "m") return 1e6;
  return abbreviation(w);
}

std::optional<double> vague_scale(std::string_view w) {
  if (w == "dozens") return 12;
  if (w == "scores") return 20;
  if (w == "hundreds") return 1e2;
  if (w == "thousands") return 1e3;
  if (w == "millions") return 1e6;
  if (w == "billions") return 1e9;
  return std::nullopt;
}

bool may_start_numeral(const Tok& tok) {
  if (tok.kind == TokenKind::number) return true;
  if (tok.lower.empty()) return false;
  unsigned char first = static_cast<unsigned char>(tok.lower[0]);
  if (is_digit(tok.lower[0]) || first >= 0x80) return true;  // "170mm", "\u00bd", "\u2212"
  if (tok.lower.size() == 1 && (first == '-' || first == '.')) return true;
  if (tok.kind != TokenKind::word) return false;
  return word_tables().starters.contains(tok.lower.substr(0, tok.lower.find('-')));
}

std::optional<Number> read_numeral(const std::vector<Tok>& t, size_t i) {
  const Tok& tok = t[i];
  if (!may_start_numeral(tok)) return std::nullopt;
  double v;
  if (static_cast<unsigned char>(tok.text[0]) >= 0x80 && vulgar(tok.text, &v)) {
    Number n;
    n.begin = i;
    n.end = i + 1;
    n.value = v;
    n.fraction = true;
    size_t p = 0;
    auto a = atoms_from(t, i + 1);
    if (!a.empty() && a[0].tok == i + 1 && t[i + 1].space_before) {
      double s = fraction_scale(a, &p);  // "½ million"
      if (s != 1) {
        n.value *= s;
        n.has_scale = true;
        n.scale = s;
        n.fraction = false;
        n.end = a[p - 1].tok + 1;
      }
    }
    return n;
  }
  // A sign: "minus five", "negative one", "-5" (a hyphen glued to the digits
  // with a space before it), "- 1 4/5" (a hyphen opening the sentence).
  size_t start = i;
  bool negative = false;
  if (tok.lower == "minus" || tok.lower == "negative") {
    negative = true;
  } else if (tok.text == "-" || tok.text == "\u2212") {
    bool next_number = i + 1 < t.size() && (t[i + 1].kind == TokenKind::number ||
                                             (t[i + 1].kind == TokenKind::word && is_digit(t[i + 1].lower[0])));
    // "75 -300mm" is a range, not minus 300.
    bool after_number = i > 0 && t[i - 1].kind == TokenKind::number;
    negative = next_number && !after_number && (glued(t, i + 1) ? i == 0 || tok.space_before : i == 0);
    if (!negative) return std::nullopt;
  }
  if (negative) {
    if (i + 1 >= t.size()) return std::nullopt;
    ++i;
  }
  auto n = read_unsigned(t, i);
  if (!n) return std::nullopt;
  if (negative) {
    if (n->skip || n->vague || n->kind != QuantityKind::count) return std::nullopt;
    n->value = -n->value;
    n->begin = start;
  }
  if (n->skip || !n->suffix.empty() || n->vague || n->kind != QuantityKind::count) return n;
  // "1 over 3", "2000 over 3" (nothing after), "two out of five hundred".
  size_t e = n->end;
  bool over = e + 1 < t.size() && t[e].lower == "over";
  bool out_of = e + 2 < t.size() && t[e].lower == "out" && t[e + 1].lower == "of";
  if (over || out_of) {
    size_t j = e + (over ? 1 : 2);
    auto d = read_unsigned(t, j);
    bool plain = d && !d->skip && d->suffix.empty() && !d->vague && !d->fraction &&
                 d->kind == QuantityKind::count && d->value != 0;
    bool ends = d && (d->end >= t.size() || t[d->end].kind == TokenKind::punct);
    if (plain && ((over && ends && !n->fraction) || (out_of && n->value < d->value))) {
      n->value /= d->value;
      n->fraction = true;
      n->bare_slash = false;
      n->end = d->end;
    }
  }
  return n;
}

std::optional<Number> relative_ordinal(const std::vector<Tok>& t, size_t i) {
  auto is = [&](size_t k, std::string_view w) { return k < t.size() && t[k].lower == w; };
  Number n;
  n.begin = i;
  n.kind = QuantityKind::ordinal;
  n.relative = true;
  const WordInfo* w = info(t[i].lower);
  if (w && w->cls == W::ordinal && !w->plural && !w->fraction && is(i + 1, "to") && is(i + 2, "last")) {
    n.value = 1 - w->value;  // "second to last"
    n.end = i + 3;
  } else if (is(i, "next") && is(i + 1, "to") && is(i + 2, "last")) {
    n.value = -1;
    n.end = i + 3;
  } else if (is(i, "last") && is(i + 1, "but") && is(i + 2, "one")) {
    n.value = -1;
    n.end = i + 3;
  } else if (is(i, "one") && is(i + 1, "before") && (is(i + 2, "last") || (is(i + 2, "the") && is(i + 3, "last")))) {
    n.value = -1;  // "the one before the last"
    n.end = is(i + 2, "last") ? i + 3 : i + 4;
  } else {
    static const WordMap<double> k = {
        {"last", 0}, {"next", 1}, {"previous", -1}, {"current", 0},
        {"penultimate", -1}, {"antepenultimate", -2}};
    const double* offset = k.find(t[i].lower);
    if (!offset) return std::nullopt;
    n.value = *offset;
    n.end = i + 1;
  }
  return n;
}

}  // namespace cc::numeral
