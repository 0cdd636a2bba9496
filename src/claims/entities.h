// The story's entities for the brief: the cross-document index of the entity
// component (nlp/entity/link.h) seen the way claims uses it, as names. Facts
// and events name actors and sources by the canonical entity ("North Korea"
// for "Pyongyang has sent" and "North Korean", "National Intelligence
// Service" for "the NIS", "Kim Jong Un" for a later "Kim"), and the brief
// lists each entity with its aliases. Internal to the claims stage.
#pragma once

#include <string>
#include <vector>

#include "claims/claims.h"
#include "nlp/entity/link.h"

namespace cc {

class StoryEntities {
 public:
  explicit StoryEntities(const std::vector<Document>& docs) : index_(docs) {}
  // The canonical name of the entity a name or source phrase refers to
  // ("Seoul's Joint Chiefs of Staff", "President Vladimir Putin"); the
  // phrase itself when it names no entity. A known name merely inside the
  // phrase counts only when it is a person or organization: "residents of
  // Kyiv" are not Ukraine.
  std::string resolve(const std::string& name) const;
  // Entities with their aliases, most mentioned first.
  std::vector<EntitySummary> summaries() const;

 private:
  EntityIndex index_;
};

}  // namespace cc
