// Entity mentions, written by nlp/entity.
//
// A mention's span covers the name as written, without a title ("President")
// or a possessive "'s". `canonical` is the name the document settles on for
// it: the full name for a later surname ("Kim" -> "Kim Jong Un"), the
// definition for an acronym ("NIS" -> "National Intelligence Service"), the
// country for a demonym ("North Korean" -> "North Korea") and for a capital
// or seat of power used as an agent ("Pyongyang has sent", "the Kremlin
// said" -> the state, with `metonym` set). Cross-document linking is
// nlp/entity/link.h.
#pragma once

#include <cstdint>
#include <string>
#include <nlohmann/json_fwd.hpp>

namespace cc {

enum class EntityType : uint8_t { person, organization, location, nationality, misc };

struct EntityMention {
  EntityType type = EntityType::misc;
  std::string canonical;
  double confidence = 1.0;  // 0..1, how sure the tagger and rules are
  bool metonym = false;     // a place standing for its state ("Moscow said")
};

void to_json(nlohmann::json& j, const EntityMention& e);
const char* entity_type_name(EntityType t);

}  // namespace cc
