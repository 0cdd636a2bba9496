// Quantities: numbers with bounds, unit and the thing they count, written by
// nlp/quantity (docs/quantity.md).
//
// Bounds are as written: an exact or approximate figure has low == high ==
// value; "over 6,000" has low 6000 and no high; "nearly 3,000" has high 3000,
// no low and approx; a range or vague count ("dozens") has both. A count of
// people or things has an empty unit and names what it counts in counted /
// counted_class; claims groups mentions across reports by counted_class.
//
// Not every number is a claim: kind says what was found. Ordinals, calibres
// ("170mm guns"), model designations ("Galaxy S24") and ages in names are kept
// with their kind so a reader can see why they were set aside; is_claim() is
// false for them. Years, dates, clock times and phone numbers are not emitted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json_fwd.hpp>

#include "core/span.h"

namespace cc {

enum class QuantityKind : uint8_t {
  count,    // "3,000 troops", "dozens of drones"
  measure,  // a physical or time unit: "1,300 square kilometers", "three weeks"
  money,    // "$2.5 billion"
  percent,  // "3%", "a third of" (unit "fraction")
  ordinal,  // "11th"
  calibre,  // "170mm self-propelled guns": a weapon's size, not an amount
  model,    // "Galaxy S24", "Boeing 737": part of a name
  age,      // "a 25-year-old soldier"
  multiple, // "three times the 700 tonnes": a ratio between two figures
};

struct Quantity {
  QuantityKind kind = QuantityKind::count;
  double value = 0;              // the number as resolved ("over 6,000" -> 6000; a range -> its low)
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

// True for the kinds a report may state as a figure (count, measure, money, percent).
bool is_claim(const Quantity& q);
const char* quantity_kind_name(QuantityKind k);

void to_json(nlohmann::json& j, const Quantity& q);

}  // namespace cc
