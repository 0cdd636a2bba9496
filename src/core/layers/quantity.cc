#include "core/layers/quantity.h"

#include <nlohmann/json.hpp>

namespace cc {

namespace {
nlohmann::json span_pair(Span s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json{s.begin, s.end}; }
nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
}  // namespace

bool is_claim(const Quantity& q) {
  switch (q.kind) {
    case QuantityKind::count:
    case QuantityKind::measure:
    case QuantityKind::money:
    case QuantityKind::percent:
      return true;
    default:
      return false;
  }
}

const char* quantity_kind_name(QuantityKind k) {
  switch (k) {
    case QuantityKind::count: return "count";
    case QuantityKind::measure: return "measure";
    case QuantityKind::money: return "money";
    case QuantityKind::percent: return "percent";
    case QuantityKind::ordinal: return "ordinal";
    case QuantityKind::calibre: return "calibre";
    case QuantityKind::model: return "model";
    case QuantityKind::age: return "age";
    case QuantityKind::multiple: return "multiple";
  }
  return "count";
}

void to_json(nlohmann::json& j, const Quantity& q) {
  j = {{"kind", quantity_kind_name(q.kind)},
       {"claim", is_claim(q)},
       {"value", q.value},
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
