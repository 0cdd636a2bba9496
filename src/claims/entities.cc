#include "claims/entities.h"

#include <algorithm>
#include <set>

#include "claims/extract.h"

namespace cc {

namespace {

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

void add_alias(std::vector<std::string>& aliases, const std::string& name, const std::string& alias) {
  if (alias != name && std::find(aliases.begin(), aliases.end(), alias) == aliases.end())
    aliases.push_back(alias);
}

}  // namespace

EntityIndex::EntityIndex(const std::vector<Document>& docs) {
  for (const auto& d : docs) {
    std::set<size_t> in_doc;
    for (const auto& m : d.entities) {
      std::string surface(d[m.span]);
      std::string name = m.value.canonical.empty() ? surface : m.value.canonical;
      std::string key = lower_ascii(name);
      auto [it, fresh] = by_name_.emplace(key, entries_.size());
      if (fresh) entries_.push_back(Entry{name, m.value.type, {}, 0, 0, SIZE_MAX});
      Entry& e = entries_[it->second];
      ++e.mentions;
      if (in_doc.insert(it->second).second) ++e.documents;
      add_alias(e.aliases, e.name, surface);
    }
  }
  // Fold a one-word person name into the single full name containing it, and
  // a demonym into the country it extends ("North Korean" -> "North Korea").
  std::unordered_map<std::string, std::vector<size_t>> persons_by_word;
  std::unordered_map<std::string, size_t> locations;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    std::string key = lower_ascii(e.name);
    if (e.type == EntityType::location) locations.emplace(key, i);
    if (e.type != EntityType::person) continue;
    auto w = words_of(key);
    if (w.size() < 2) continue;
    persons_by_word[w.front()].push_back(i);
    if (w.back() != w.front()) persons_by_word[w.back()].push_back(i);
  }
  for (size_t i = 0; i < entries_.size(); ++i) {
    Entry& e = entries_[i];
    std::string key = lower_ascii(e.name);
    if (e.type == EntityType::person && key.find(' ') == std::string::npos) {
      auto it = persons_by_word.find(key);
      if (it != persons_by_word.end() && it->second.size() == 1) e.merged_into = it->second.front();
    } else if (e.type == EntityType::nationality) {
      for (size_t cut = 1; cut <= 3 && key.size() > cut + 4; ++cut) {
        auto it = locations.find(key.substr(0, key.size() - cut));
        if (it != locations.end()) {
          e.merged_into = it->second;
          break;
        }
      }
    }
  }
  for (size_t i = 0; i < entries_.size(); ++i) {
    size_t r = root(i);
    if (r == i) continue;
    Entry& into = entries_[r];
    into.mentions += entries_[i].mentions;
    into.documents = std::max(into.documents, entries_[i].documents);
    add_alias(into.aliases, into.name, entries_[i].name);
    for (const auto& a : entries_[i].aliases) add_alias(into.aliases, into.name, a);
  }
  std::vector<std::pair<std::string, size_t>> extra;
  for (size_t i = 0; i < entries_.size(); ++i)
    for (const auto& a : entries_[i].aliases) extra.emplace_back(lower_ascii(a), i);
  for (auto& [alias, i] : extra) by_name_.emplace(alias, i);
}

size_t EntityIndex::root(size_t i) const {
  // Chains are short (one fold each); the bound guards against cycles.
  for (int steps = 0; entries_[i].merged_into != SIZE_MAX && steps < 8; ++steps) i = entries_[i].merged_into;
  return i;
}

std::string EntityIndex::resolve(const std::string& name) const {
  auto it = by_name_.find(lower_ascii(name));
  return it == by_name_.end() ? name : entries_[root(it->second)].name;
}

std::vector<EntitySummary> EntityIndex::summaries() const {
  std::vector<EntitySummary> out;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (root(i) != i) continue;
    out.push_back({e.name, entity_type_name(e.type), e.aliases, e.mentions, e.documents});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const EntitySummary& a, const EntitySummary& b) { return a.mentions > b.mentions; });
  return out;
}

}  // namespace cc
