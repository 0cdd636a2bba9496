#include "core/layers/timex.h"

#include <nlohmann/json.hpp>

namespace cc {

const char* timex_type_name(TimexType t) {
  switch (t) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "DATE";
}

void to_json(nlohmann::json& j, const Timex& t) {
  j = {{"type", timex_type_name(t.type)}, {"value", t.value}, {"mod", t.mod}, {"anchor", t.anchor}};
  if (!t.note.empty()) j["note"] = t.note;
}

}  // namespace cc
