#include "core/layers/quantity.h"

#include <nlohmann/json.hpp>

namespace cc {

namespace {
nlohmann::json span_pair(Span s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json{s.begin, s.end}; }
nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
}  // namespace

void to_json(nlohmann::json& j, const Quantity& q) {
  j = {{"value", q.value},
       {"low", optional_number(q.low)},
       {"high", optional_number(q.high)},
       {"approx", q.approx},
       {"hedge", q.hedge},
       {"unit", q.unit},
       {"counted", q.counted},
       {"counted_class", q.counted_class},
       {"counted_span", span_pair(q.counted_span)},
       {"modifiers", q.modifiers},
       {"is_delta", q.is_delta},
       {"part_of", optional_number(q.part_of)}};
}

}  // namespace cc
