// The quantity component: writes Document::quantities (payload and the
// meaning of its fields: core/layers/quantity.h; design: docs/quantity.md).
//
// Reads tokens and, when the time stage has run, Document::times: a number
// inside a date or time is not a quantity (a duration stays a measure). It
// also sets aside years, day-of-month numbers next to a month name, clock
// times, phone numbers and web addresses itself.
//
// Loads two lexicons from <data_dir>/quantity/: units.tsv (unit words) and
// counted.tsv (counted nouns -> lemma and class, built from WordNet by
// data/quantity/build_counted.py). Fails naming the file when one is missing.
//
// Bounded on hostile input: a numeral longer than 18 significant digits, or
// one that does not resolve to a finite double ("1e999"), yields nothing; every
// look-around is a fixed number of tokens, so the work is linear in tokens.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "nlp/pipeline.h"

namespace cc {

Result<std::unique_ptr<Component>> make_quantity_tagger(const Resources& resources);

// Words that make a figure a change, not a total ("an additional 3,000",
// "four more centres", "500 new cases"): the component marks a quantity with
// such a modifier is_delta, and the claims stage reads the same words around
// an event's object.
bool is_delta_modifier(std::string_view lower_word);

// A numeral as the tagger's first stage reads it, before it is interpreted as
// a quantity: "3,000", "minus five", "1.3e6", "two thirds", "twenty-first".
struct Numeral {
  Span span;
  double value;
  bool ordinal;   // "11th", "twenty-first"
  bool relative;  // an ordinal counted from the end or the current item, value
                  // its offset: "last" 0, "next" 1, "penultimate" -1
};

// Every numeral in a tokenized document, in text order, including those the
// tagger then sets aside (years, dates, phone numbers, lone small words, the
// parts of "192.168.1.2"), but not numbers with a unit glued to them
// ("29km"): general number recognition, as the Recognizers-Text number and
// ordinal models define it.
std::vector<Numeral> read_numerals(const Document& doc);

}  // namespace cc
