#include "claims/claims.h"

namespace cc {

const char* fact_status_name(FactStatus s) {
  switch (s) {
    case FactStatus::agreed: return "agreed";
    case FactStatus::disputed: return "disputed";
    case FactStatus::updated: return "updated";
    case FactStatus::single_source: return "single-source";
  }
  return "single-source";
}

Brief build_brief(const std::vector<Document>& docs) {
  Brief brief;
  for (const auto& d : docs) {
    brief.sources.push_back({d.id, d.path, d.source, d.title, d.published.iso(), {}, {}});
    for (const auto& r : d.removed) brief.removed.push_back({d.id, r});
  }
  if (!docs.empty()) brief.title = docs.front().title;
  return brief;
}

}  // namespace cc
