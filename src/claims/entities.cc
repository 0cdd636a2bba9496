#include "claims/entities.h"

namespace cc {

std::string StoryEntities::resolve(const std::string& name) const {
  EntityMatch m = index_.resolve(name);
  if (m.entity < 0) return name;
  const CanonicalEntity& e = index_.entities()[static_cast<size_t>(m.entity)];
  // resolve() gives 0.6 for a name found only inside the phrase.
  if (m.confidence < 0.7 && e.type != EntityType::person && e.type != EntityType::organization)
    return name;
  return e.name;
}

std::vector<EntitySummary> StoryEntities::summaries() const {
  std::vector<EntitySummary> out;
  for (const CanonicalEntity& e : index_.entities())
    out.push_back({e.name, entity_type_name(e.type), e.aliases, e.mentions, e.documents});
  return out;
}

}  // namespace cc
