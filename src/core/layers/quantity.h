// Quantities: numbers with bounds, unit and the thing they count, written by
// nlp/quantity.
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json_fwd.hpp>

#include "core/span.h"

namespace cc {

struct Quantity {
  double value = 0;              // the number as resolved ("over 6,000" -> 6000)
  std::optional<double> low;     // lower bound, none when open
  std::optional<double> high;    // upper bound, none when open
  bool approx = false;           // "nearly", "about", "some", vague counts
  std::string hedge;             // the hedge words as written ("over", "up to"), lower case
  std::string unit;              // normalized unit: "km2", "USD", "percent", "" for counts
  std::string counted;           // lemma of the counted head noun ("troop"), "" when unknown
  std::string counted_class;     // class for matching across reports ("personnel")
  Span counted_span;             // the counted noun phrase in the text, empty when none
  std::vector<std::string> modifiers;  // "additional", "initial", "north korean", ...
  bool is_delta = false;         // a change ("an additional 3,000", "rose by 3%")
  std::optional<double> part_of; // "4,000 of the initial 11,000" -> 11000
};

void to_json(nlohmann::json& j, const Quantity& q);

}  // namespace cc
