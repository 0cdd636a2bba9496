#include "core/layers/entity.h"

#include <nlohmann/json.hpp>

namespace cc {

const char* entity_type_name(EntityType t) {
  switch (t) {
    case EntityType::person: return "PERSON";
    case EntityType::organization: return "ORG";
    case EntityType::location: return "LOC";
    case EntityType::nationality: return "NORP";
    case EntityType::misc: return "MISC";
  }
  return "MISC";
}

void to_json(nlohmann::json& j, const EntityMention& e) {
  j = {{"type", entity_type_name(e.type)}, {"canonical", e.canonical}, {"confidence", e.confidence}};
  if (e.metonym) j["metonym"] = true;
}

}  // namespace cc
