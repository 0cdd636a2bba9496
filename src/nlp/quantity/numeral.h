// Numerals: the grammar of English numbers written in digits and words, the
// quantity tagger's first stage (internal to nlp/quantity; the public face is
// NumeralReader in quantity.h).
//
// read_numeral() reads the longest numeral starting at a token: "3,000",
// "1 234 567", "12,34,567.89", "1,3" (decimal comma), ".08", "-5", "minus
// five", "1.3e6", "2.5^-1", "10 1/2", "3 hundred and 21", "one hundred and
// fifty", "twenty one", "fifty - two", "two point zero three", "three lakh
// crore", "three dozens", "one and a half million", "one million and a half",
// "half a million", "two thirds of a million", "twenty-three fifths", "one
// hundred twenty fifth", "11th", "1 over 3", "two out of five", "dozens",
// "tens of thousands". Letters glued after the numeral that it does not
// understand ("170mm", "25-year-old", "six-mile") are left in `suffix` for
// the caller, which knows units, and so is the rest of a number token whose
// digit groups are joined by hyphens ("-4,000" in "3,000-4,000", "-0143").
//
// Bounded: a numeral reads at most kMaxAtoms words and numbers, digit strings
// over 18 significant digits and values that are not finite ("1e999") are
// marked skip.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/layers/quantity.h"
#include "core/layers/text.h"
#include "core/span.h"

namespace cc::numeral {

struct Tok {
  Span span;
  TokenKind kind;
  bool capitalized;
  bool space_before;
  std::string_view text;
  std::string_view lower;  // ASCII lower case, owned by the caller's sentence buffer
  bool in_url;             // part of a web address ("https://example.org/2024/05/a?id=30")
};

struct Number {
  size_t begin = 0, end = 0;  // token range of the numeral (with scale words and sign)
  double value = 0;
  std::optional<double> low, high;  // set for ranges and vague counts
  bool vague = false;
  bool word_numeral = false;  // written in words ("three")
  bool has_scale = false;
  double scale = 1;            // the multiplier the scale words applied ("4 million" -> 1e6)
  bool has_separator = false;  // "3,000", "1.5"
  std::string unit;            // set by the caller from a glued unit ("170mm")
  QuantityKind kind = QuantityKind::count;  // count, or ordinal ("11th", "second")
  bool plus = false;        // "6,000-plus" (set by the caller)
  bool skip = false;        // not a numeral after all: malformed, absurd, "192.168.1.2"
  bool fraction = false;    // "a third", "3/4", "two out of five"
  bool bare_slash = false;  // "3/4" with digits and a slash: a date or score unless a scale, "of" or unit follows
  bool bare_half = false;   // "half" alone: a figure only before "of"
  bool relative = false;    // "last", "next", "penultimate": value is an offset (see relative_ordinal)
  std::string_view suffix;  // what is glued after the numeral in its last token: "mm", "-year-old"
};

// The numeral starting at token i, or nothing.
std::optional<Number> read_numeral(const std::vector<Tok>& t, size_t i);

// Quick test that rules out most tokens before read_numeral.
bool may_start_numeral(const Tok& tok);

// "last" (0 from the end), "next" (+1), "previous" (-1), "penultimate",
// "second to last", "last but one", "one before the last": relative
// ordinals, value the offset, for general number reading only.
std::optional<Number> relative_ordinal(const std::vector<Tok>& t, size_t i);

// Length of the leading digit numeral of s ("3,000" in "3,000-strong").
size_t numeral_prefix(std::string_view s);
// A digit numeral ("3,000", "1.5"); nothing when malformed or over 18 digits.
std::optional<double> parse_digits(std::string_view s, bool* separator);
// Scale words and abbreviations after a numeral: "million", "bn", "k".
std::optional<double> scale_word(std::string_view lower);
// "hundreds", "thousands", "dozens" as vague counts: the unit they multiply.
std::optional<double> vague_scale(std::string_view lower);

}  // namespace cc::numeral
