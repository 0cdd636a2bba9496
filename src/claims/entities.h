// Entities across reports: each document names entities canonically within
// itself; EntityIndex links those names across documents (same canonical
// name; a lone surname or given name to the one full name that contains it;
// a demonym to its country) so facts and events name actors and sources the
// same way in every report. Internal to the claims stage.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "claims/claims.h"

namespace cc {

class EntityIndex {
 public:
  explicit EntityIndex(const std::vector<Document>& docs);
  // The canonical name across documents for a name as a document wrote it;
  // the name itself when no entity is known by it.
  std::string resolve(const std::string& name) const;
  // Entities with their aliases, most mentioned first.
  std::vector<EntitySummary> summaries() const;

 private:
  struct Entry {
    std::string name;
    EntityType type = EntityType::misc;
    std::vector<std::string> aliases;
    int mentions = 0;
    int documents = 0;
    size_t merged_into = SIZE_MAX;
  };
  size_t root(size_t i) const;

  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_name_;  // lower-case name or alias -> entry
};

}  // namespace cc
