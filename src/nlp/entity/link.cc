#include "nlp/entity/link.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "nlp/entity/gazetteer.h"
#include "nlp/entity/names.h"

namespace cc {

namespace {

// Initials of a name's capitalized words, skipping function words:
// "National Intelligence Service" -> "NIS".
std::string initials(std::string_view name) {
  std::string out;
  for (auto word : split_phrase(name)) {
    if (word.empty() || is_name_function_word(name_key(word))) continue;
    if (word[0] >= 'A' && word[0] <= 'Z') out += word[0];
    else return "";
  }
  return out;
}

// "kursk oblast" -> "kursk": a region is named after its centre, and reports
// say "Kursk", "the Kursk region" and "Kursk Oblast" for one front.
std::string place_key(std::string key) {
  for (std::string_view suffix : {" oblast", " region", " province", " krai", " governorate",
                                  " prefecture"})
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      key.resize(key.size() - suffix.size());
      break;
    }
  return key;
}

struct Group {
  std::string name;
  std::map<std::string, int> names;  // canonical names seen -> count
  std::map<std::string, int> forms;  // as written -> count
  int votes[5] = {};                 // by EntityType
  double confidence = 0;
  std::set<size_t> docs;
  std::vector<EntityRef> refs;
  bool guessed = false;  // joined by a surname or acronym guess
};

EntityType vote(const int votes[5]) {
  int v[5];
  std::copy(votes, votes + 5, v);
  auto loc = static_cast<int>(EntityType::location), nat = static_cast<int>(EntityType::nationality);
  if (v[loc] > 0) {
    v[loc] += v[nat];
    v[nat] = 0;
  }
  return static_cast<EntityType>(std::max_element(v, v + 5) - v);
}

int find_root(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

EntityIndex::EntityIndex(const std::vector<Document>& docs) {
  std::vector<Group> groups;
  std::unordered_map<std::string, int> by_key;
  std::vector<std::vector<std::pair<Span, int>>> group_of(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    for (const auto& m : doc.entities) {
      std::string key = name_key(m.value.canonical);
      if (m.value.type != EntityType::person) key = place_key(std::move(key));
      if (key.empty()) continue;
      auto [it, added] = by_key.try_emplace(key, static_cast<int>(groups.size()));
      if (added) groups.emplace_back();
      Group& g = groups[it->second];
      ++g.names[m.value.canonical];
      ++g.forms[std::string(doc[m.span])];
      ++g.votes[static_cast<int>(m.value.type)];
      g.confidence += m.value.confidence;
      g.docs.insert(d);
      g.refs.push_back({d, m.span});
      group_of[d].emplace_back(m.span, it->second);
    }
  }

  // A group is named by its most frequent canonical name, the longer on a
  // tie; a region's formal name ("Kursk Oblast") wins over its short form.
  for (Group& g : groups) {
    int best = 0;
    for (const auto& [name, count] : g.names) {
      std::string key = name_key(name);
      bool formal_region = place_key(key).size() < key.size();
      int weight = count + (formal_region ? 1000000 : 0);
      if (weight > best || (weight == best && name.size() > g.name.size())) {
        best = weight;
        g.name = name;
      }
    }
  }

  // Across documents: a lone surname or acronym joins the one entity it names.
  std::vector<int> parent(groups.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::unordered_map<std::string, std::vector<int>> by_name_word, by_initials, by_form;
  for (size_t g = 0; g < groups.size(); ++g) {
    EntityType type = vote(groups[g].votes);
    auto words = split_phrase(groups[g].name);
    if (type == EntityType::person && words.size() >= 2) {
      by_name_word[name_key(words.front())].push_back(static_cast<int>(g));
      by_name_word[name_key(words.back())].push_back(static_cast<int>(g));
    }
    if (words.size() >= 2 && type != EntityType::person) {
      std::string ini = initials(groups[g].name);
      if (ini.size() >= 2) by_initials[ini].push_back(static_cast<int>(g));
    }
    for (const auto& [form, count] : groups[g].forms)
      if (is_acronym(form) && form != groups[g].name) by_form[form].push_back(static_cast<int>(g));
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    const std::string& name = groups[g].name;
    if (name.find(' ') != std::string::npos) continue;
    const std::vector<int>* targets = nullptr;
    EntityType type = vote(groups[g].votes);
    if (is_acronym(name)) {
      if (auto it = by_form.find(name); it != by_form.end()) targets = &it->second;
      else if (auto it2 = by_initials.find(name); it2 != by_initials.end()) targets = &it2->second;
    } else if (type == EntityType::person) {
      if (auto it = by_name_word.find(name_key(name)); it != by_name_word.end()) targets = &it->second;
    }
    if (!targets) continue;
    std::set<int> roots;
    for (int t : *targets) roots.insert(find_root(parent, t));
    roots.erase(find_root(parent, static_cast<int>(g)));
    if (roots.size() != 1) continue;  // unknown or ambiguous: leave apart
    parent[find_root(parent, static_cast<int>(g))] = *roots.begin();
    groups[g].guessed = true;
  }

  // The end of one longer name of a place or organization stands for it
  // when no other name ends so ("Ports Authority" -> "Tanzania Ports
  // Authority", "Victoria" in a headline -> "Lake Victoria"; "Korea" with
  // both North and South Korea in the story stays apart). People are left
  // to the surname rule above, which knows first names too.
  std::unordered_map<std::string, std::vector<int>> by_name_end;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (vote(groups[g].votes) == EntityType::person) continue;
    auto words = split_phrase(groups[g].name);
    for (size_t k = 1; k < words.size(); ++k) {
      if (is_name_function_word(name_key(words[k]))) continue;  // "... of Staff": no "of Staff"
      std::string end;
      for (size_t w = k; w < words.size(); ++w) end += (w > k ? " " : "") + std::string(words[w]);
      by_name_end[name_key(end)].push_back(static_cast<int>(g));
    }
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    if (is_acronym(groups[g].name)) continue;
    bool person = vote(groups[g].votes) == EntityType::person;
    if (person && groups[g].name.find(' ') == std::string::npos) continue;
    auto it = by_name_end.find(name_key(groups[g].name));
    if (it == by_name_end.end()) continue;
    std::set<int> roots;
    for (int t : it->second) roots.insert(find_root(parent, t));
    roots.erase(find_root(parent, static_cast<int>(g)));
    if (roots.size() != 1) continue;
    parent[find_root(parent, static_cast<int>(g))] = *roots.begin();
    groups[g].guessed = true;
  }

  // Merge groups into entities.
  std::map<int, std::vector<int>> members;
  for (size_t g = 0; g < groups.size(); ++g)
    members[find_root(parent, static_cast<int>(g))].push_back(static_cast<int>(g));
  std::vector<int> entity_of_group(groups.size(), -1);
  for (auto& [root, list] : members) {
    CanonicalEntity e;
    e.name = groups[root].name;
    int votes[5] = {};
    std::map<std::string, int> forms;
    std::set<size_t> doc_set;
    double confidence = 0;
    bool guessed = false;
    // Groups joined by a guess (a surname, an acronym, a name's end) do not
    // vote on the type: the full name's tagging is the better evidence.
    int guessed_votes[5] = {};
    for (int g : list) {
      for (int t = 0; t < 5; ++t) (groups[g].guessed ? guessed_votes : votes)[t] += groups[g].votes[t];
      for (const auto& [form, count] : groups[g].forms) forms[form] += count;
      if (g != root) forms[groups[g].name];
      doc_set.insert(groups[g].docs.begin(), groups[g].docs.end());
      confidence += groups[g].confidence;
      e.refs.insert(e.refs.end(), groups[g].refs.begin(), groups[g].refs.end());
      guessed |= groups[g].guessed;
      entity_of_group[g] = static_cast<int>(entities_.size());
    }
    e.type = vote(std::all_of(votes, votes + 5, [](int v) { return v == 0; }) ? guessed_votes : votes);
    e.mentions = static_cast<int>(e.refs.size());
    e.documents = static_cast<int>(doc_set.size());
    e.confidence = e.mentions ? confidence / e.mentions * (guessed ? 0.85 : 1.0) : 0;
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [form, count] : forms)
      if (form != e.name) ranked.emplace_back(-count, form);
    std::sort(ranked.begin(), ranked.end());
    for (auto& [count, form] : ranked) e.aliases.push_back(form);
    std::sort(e.refs.begin(), e.refs.end(), [](const EntityRef& a, const EntityRef& b) {
      return a.doc != b.doc ? a.doc < b.doc : a.span < b.span;
    });
    entities_.push_back(std::move(e));
  }

  // Most mentioned first; renumber.
  std::vector<int> order(entities_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (entities_[a].mentions != entities_[b].mentions)
      return entities_[a].mentions > entities_[b].mentions;
    return entities_[a].name < entities_[b].name;
  });
  std::vector<int> rank(order.size());
  std::vector<CanonicalEntity> sorted;
  for (size_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = static_cast<int>(r);
    sorted.push_back(std::move(entities_[order[r]]));
  }
  entities_ = std::move(sorted);

  mentions_.resize(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    for (auto [span, g] : group_of[d]) mentions_[d].emplace_back(span, rank[entity_of_group[g]]);
    std::sort(mentions_[d].begin(), mentions_[d].end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  // Names and aliases for resolve(); on a clash the more mentioned entity wins.
  for (size_t e = 0; e < entities_.size(); ++e) {
    keys_.emplace_back(name_key(entities_[e].name), static_cast<int>(e));
    for (const auto& a : entities_[e].aliases) keys_.emplace_back(name_key(a), static_cast<int>(e));
  }
  std::stable_sort(keys_.begin(), keys_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // First and last words of full names, for "Berg" or "Mr. Lee" when no
  // report wrote the name alone; a word two people share is left out.
  std::map<std::string, std::set<int>> parts;
  for (size_t e = 0; e < entities_.size(); ++e) {
    if (entities_[e].type != EntityType::person) continue;
    auto words = split_phrase(entities_[e].name);
    if (words.size() < 2) continue;
    parts[name_key(words.front())].insert(static_cast<int>(e));
    parts[name_key(words.back())].insert(static_cast<int>(e));
  }
  for (const auto& [key, owners] : parts)
    if (owners.size() == 1 && lookup(key) < 0) name_parts_.emplace_back(key, *owners.begin());
}

int EntityIndex::lookup(const std::string& key) const {
  if (key.empty()) return -1;
  auto it = std::lower_bound(keys_.begin(), keys_.end(), key,
                             [](const auto& a, const std::string& k) { return a.first < k; });
  // Keys were stably sorted from entities in rank order: the first is the
  // most mentioned entity with that name.
  return it == keys_.end() || it->first != key ? -1 : it->second;
}

int EntityIndex::find_mention(size_t doc, Span span) const {
  if (doc >= mentions_.size()) return -1;
  const auto& list = mentions_[doc];
  auto it = std::lower_bound(list.begin(), list.end(), span,
                             [](const auto& a, Span s) { return a.first < s; });
  if (it != list.end() && it->first == span) return it->second;
  for (it = std::lower_bound(list.begin(), list.end(), Span{span.begin, span.begin},
                             [](const auto& a, Span s) { return a.first < s; });
       it != list.end() && it->first.begin < span.end; ++it)
    if (span.contains(it->first)) return it->second;
  return -1;
}

EntityMatch EntityIndex::resolve(std::string_view phrase) const {
  if (int e = lookup(name_key(phrase)); e >= 0) return {e, 1.0};
  auto name_part = [&](const std::string& key) {
    auto it = std::lower_bound(name_parts_.begin(), name_parts_.end(), key,
                               [](const auto& a, const std::string& k) { return a.first < k; });
    return it == name_parts_.end() || it->first != key ? -1 : it->second;
  };
  if (int e = name_part(name_key(phrase)); e >= 0) return {e, 0.8};
  std::vector<std::string_view> words = split_phrase(phrase);
  auto join = [&](size_t b, size_t e) {
    std::string s;
    for (size_t i = b; i < e; ++i) {
      if (i > b) s += ' ';
      s += words[i];
    }
    return name_key(s);
  };
  // Without a possessive owner ("Seoul's ...") and then without leading
  // titles ("President ...") or articles, one word at a time.
  size_t first = 0;
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i] == "'s" || words[i] == "\xE2\x80\x99s") first = i + 1;
  for (size_t f = first; f < words.size(); ++f) {
    if (f > 0) {
      std::string rest = join(f, words.size());
      if (int e = lookup(rest); e >= 0) return {e, 0.9};
      if (int e = name_part(rest); e >= 0) return {e, 0.8};
    }
    std::string k = name_key(words[f]);
    if (!is_title_word(k) && k != "the" && k != "a" && k != "an") break;
  }
  // The longest known name inside the phrase.
  for (size_t n = std::min<size_t>(words.size(), 8); n >= 1; --n)
    for (size_t b = 0; b + n <= words.size(); ++b)
      if (int e = lookup(join(b, b + n)); e >= 0) return {e, 0.6};
  return {};
}

std::vector<CanonicalEntity> link_entities(const std::vector<Document>& docs) {
  return EntityIndex(docs).entities();
}

}  // namespace cc
