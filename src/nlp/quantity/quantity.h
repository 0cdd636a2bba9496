// The quantity component: writes Document::quantities (payload and the
// meaning of its fields: core/layers/quantity.h; design: docs/quantity.md).
//
// Reads tokens and, when the time stage has run, Document::times: a number
// inside a time expression is not a quantity. Without times it sets aside
// years, day-of-month numbers next to a month name, clock times and phone
// numbers itself.
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

#include "nlp/pipeline.h"

namespace cc {

Result<std::unique_ptr<Component>> make_quantity_tagger(const Resources& resources);

}  // namespace cc
