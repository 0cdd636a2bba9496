// Cross-document entity linking: the entity mentions of many reports on one
// story gathered into canonical entities, for the claims stage.
//
// Contract: EntityIndex reads the `entities` layers written by the entity
// component (it never re-reads text beyond the mention spans) and is
// read-only once built. Mentions join one entity when their canonical names
// match after name_key() (so "Pyongyang has sent", "North Korea" and "North
// Korean" all join "North Korea"); across documents a lone surname joins the
// only full name it ends or begins ("Kim" -> "Kim Jong Un"), and a lone
// acronym joins the entity some report defined it for ("NIS"), and the end
// of exactly one longer place or organization name joins it ("Ports
// Authority"); a joined guess does not vote on the type. Entities come
// out most-mentioned first; ties by name, so the order is deterministic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace cc {

struct EntityRef {
  size_t doc = 0;  // index into the documents given to the index
  Span span;
};

struct CanonicalEntity {
  std::string name;                  // "North Korea"
  EntityType type = EntityType::misc;
  std::vector<std::string> aliases;  // distinct forms as written, most frequent first
  int mentions = 0;
  int documents = 0;                 // how many reports mention it
  double confidence = 0;             // 0..1: mention confidence, lowered for guessed links
  std::vector<EntityRef> refs;       // every mention, in document then text order
};

// What resolve() found for a phrase.
struct EntityMatch {
  int entity = -1;        // index into entities(), -1 when nothing matched
  double confidence = 0;  // 1 for an exact name or alias, less for partial matches
};

class EntityIndex {
 public:
  explicit EntityIndex(const std::vector<Document>& docs);

  const std::vector<CanonicalEntity>& entities() const { return entities_; }
  // The entity of the mention at `span` in docs[doc]: one with that exact
  // span, else the first mention inside it; -1 when none.
  int find_mention(size_t doc, Span span) const;
  // Maps a free noun phrase (an attribution source such as "Seoul's Joint
  // Chiefs of Staff", "President Vladimir Putin", "the NIS") to an entity:
  // exact name or alias first, then without titles, a leading "the" and a
  // possessive owner ("Seoul's"), then the longest known alias inside it.
  EntityMatch resolve(std::string_view phrase) const;

 private:
  int lookup(const std::string& key) const;

  std::vector<CanonicalEntity> entities_;
  std::vector<std::pair<std::string, int>> keys_;  // name_key of names and aliases, sorted
  std::vector<std::pair<std::string, int>> name_parts_;  // first/last words of one person, sorted
  // Per document: (span, entity), sorted by span.
  std::vector<std::vector<std::pair<Span, int>>> mentions_;
};

// The entities of a story, as EntityIndex(docs).entities().
std::vector<CanonicalEntity> link_entities(const std::vector<Document>& docs);

}  // namespace cc
