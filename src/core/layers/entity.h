// Entity mentions, written by nlp/entity.
#pragma once

#include <string>
#include <nlohmann/json_fwd.hpp>

namespace cc {

enum class EntityType : uint8_t { person, organization, location, nationality, misc };

struct EntityMention {
  EntityType type = EntityType::misc;
  // Canonical name within the document ("North Korea" for "Pyongyang" used as
  // an agent, "National Intelligence Service" for "NIS"); cross-document
  // linking happens in the claims stage.
  std::string canonical;
  double confidence = 1.0;
};

void to_json(nlohmann::json& j, const EntityMention& e);
const char* entity_type_name(EntityType t);

}  // namespace cc
