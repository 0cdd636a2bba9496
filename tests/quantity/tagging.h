// The quantity tagger loaded once for a test binary, and a helper that
// tokenizes and tags one text.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "nlp/quantity/quantity.h"
#include "nlp/tokenize.h"

namespace cc::testing {

inline const Component& tagger() {
  static auto made = make_quantity_tagger(Resources{CROSSCHECK_DATA_DIR});
  if (!made.ok()) {
    ADD_FAILURE() << made.status().message();
    std::abort();
  }
  return *made.value();
}

inline Document tag(std::string text) {
  Document d;
  d.text = std::move(text);
  Tokenizer().process(d);
  tagger().process(d);
  return d;
}

}  // namespace cc::testing
