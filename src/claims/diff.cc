// compare_briefs: what a ledger prints after ingesting new reports.
#include <unordered_map>

#include "claims/claims.h"

namespace cc {

namespace {

std::string values_of(const Fact& f) {
  std::string out;
  for (const auto& r : f.reports) {
    if (!out.empty()) out += ", ";
    out += r.as_written;
  }
  return out;
}

}  // namespace

std::vector<BriefChange> compare_briefs(const Brief& before, const Brief& after) {
  std::unordered_map<std::string, const Fact*> old_facts;
  for (const auto& f : before.facts) old_facts[f.id] = &f;
  std::unordered_map<std::string, const Event*> old_events;
  for (const auto& e : before.events) old_events[e.id] = &e;

  std::vector<BriefChange> changes;
  for (const auto& f : after.facts) {
    auto it = old_facts.find(f.id);
    if (it == old_facts.end()) {
      changes.push_back({"new figure", f.id, f.what + ": " + values_of(f)});
      continue;
    }
    const Fact& old = *it->second;
    if (f.status == FactStatus::disputed && old.status != FactStatus::disputed)
      changes.push_back({"now disputed", f.id, f.what + ": " + f.note});
    else if (f.status == FactStatus::updated && old.status != FactStatus::updated)
      changes.push_back({"updated", f.id, f.what + ": " + f.note});
    else if (f.primary_sources >= 2 && old.primary_sources < 2)
      changes.push_back({"confirmed by a second primary source", f.id, f.what + ": " + values_of(f)});
  }
  for (const auto& e : after.events)
    if (!old_events.count(e.id)) changes.push_back({"new event", e.id, e.time + ": " + e.what});
  return changes;
}

}  // namespace cc
