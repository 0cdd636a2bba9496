// Sentences and tokens: the first nlp component.
//
// Sentences come from ICU's sentence break iterator, with breaks after known
// abbreviations ("Gen.", "Jan.", "U.S.") suppressed and every line break a
// hard break (ingest puts one paragraph on a line). Tokens are written by hand
// for speed: words (with inner hyphens and apostrophes), numbers ("3,000",
// "1.5"), dotted abbreviations ("U.K."), possessive "'s" apart, and each
// punctuation mark on its own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nlp/pipeline.h"

namespace cc {

class Tokenizer : public Component {
 public:
  const char* name() const override { return "tokenize"; }
  void process(Document& doc) const override;
};

// Lower-cased ASCII copy (non-ASCII bytes unchanged): enough for lexicon keys.
std::string ascii_lower(std::string_view s);

// 64-bit hash of a token as the gazetteer and the taggers key it: ASCII
// letters lower-cased, digits folded to '0', U+2019 read as "'"; never 0.
// Allocation-free.
uint64_t token_key(std::string_view word);

}  // namespace cc
