#include "claims/lexicon.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

namespace cc {

namespace {

// data/claims/predicates.tsv (form, class, how), compiled in: the claims
// stage is a pure function of its documents and reads no files.
constexpr std::string_view kPredicatesTsv =
#include "predicates.inc"
    ;

const std::unordered_map<std::string_view, std::string_view>& predicate_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::string_view>();
    std::string_view rest = kPredicatesTsv;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty() || line.front() == '#') continue;
      size_t tab = line.find('\t');
      size_t tab2 = line.find('\t', tab + 1);
      if (tab == std::string_view::npos) continue;
      t->emplace(line.substr(0, tab), line.substr(tab + 1, tab2 - tab - 1));
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::string_view predicate_class(std::string_view lower_word) {
  const auto& t = predicate_table();
  auto it = t.find(lower_word);
  return it == t.end() ? std::string_view() : it->second;
}

bool is_revision_word(std::string_view w) {
  static constexpr std::string_view kRevision[] = {
      "risen",   "rose",    "rise",      "rises",    "climbed", "climbs", "jumped",  "jumps",
      "increased", "grown", "grew",      "swelled",  "reached", "reaches", "topped", "tops",
      "surpassed", "exceeded", "revised", "revise",  "revises", "raised",  "raises", "lowered",
      "updated", "now",     "bringing",  "latest"};
  return std::find(std::begin(kRevision), std::end(kRevision), w) != std::end(kRevision);
}

std::string_view counted_noun_class(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> kNouns = {
      {"casualty", "casualty"}, {"casualties", "casualty"}, {"death", "casualty"},
      {"deaths", "casualty"},   {"fatality", "casualty"},   {"fatalities", "casualty"},
      {"dead", "casualty"},     {"loss", "casualty"},       {"losses", "casualty"},
      {"killed", "casualty"},   {"wounded", "injure"},      {"injured", "injure"},
      {"toll", "casualty"},     {"body", "casualty"},       {"bodies", "casualty"},
      {"arrest", "arrest"},     {"arrests", "arrest"},      {"evacuee", "evacuate"},
      {"evacuees", "evacuate"}, {"case", "case"},           {"cases", "case"},
      {"infection", "case"},    {"infections", "case"}};
  auto it = kNouns.find(w);
  return it == kNouns.end() ? std::string_view() : it->second;
}

bool is_exclusive_class(std::string_view cls) {
  static constexpr std::string_view kExclusive[] = {
      "arrest", "burn",    "case", "casualty", "cut",  "demand", "derail",  "destroy", "evacuate",
      "injure", "missing", "offer", "overturn", "rescue", "rise", "sicken", "withdraw"};
  return std::find(std::begin(kExclusive), std::end(kExclusive), cls) != std::end(kExclusive);
}

bool is_relative_unit(std::string_view unit) { return unit == "percent" || unit == "fraction"; }

bool is_generic_counted(std::string_view w) {
  static constexpr std::string_view kGeneric[] = {
      "troop", "soldier", "serviceman", "servicemen", "personnel", "fighter", "force", "forces",
      "people", "person", "individual", "civilian", "resident", "inhabitant", "member", "worker"};
  return std::find(std::begin(kGeneric), std::end(kGeneric), w) != std::end(kGeneric);
}

CountedMatch match_counted(std::string_view class_a, std::string_view lemma_a, std::string_view class_b,
                           std::string_view lemma_b) {
  if (!lemma_a.empty() && lemma_a == lemma_b) return CountedMatch::same_noun;  // classes may come from two lexicons
  if (class_a.empty() || class_b.empty()) return CountedMatch::unknown;
  static constexpr std::string_view kPersonClasses[] = {"people",   "civilians", "workers",
                                                        "children", "refugees",  "prisoners"};
  auto is_person = [](std::string_view cls) {
    return std::find(std::begin(kPersonClasses), std::end(kPersonClasses), cls) != std::end(kPersonClasses);
  };
  if (class_a == class_b) {
    if (lemma_a.empty() || lemma_b.empty()) return CountedMatch::unknown;
    if (is_generic_counted(lemma_a) && is_generic_counted(lemma_b)) return CountedMatch::generic;
    if ((is_generic_counted(lemma_b) && lemma_a.ends_with(lemma_b)) ||
        (is_generic_counted(lemma_a) && lemma_b.ends_with(lemma_a)))
      return CountedMatch::compound;
    // "52 workers" / "40 miners": people of one kind under their class's
    // generic noun, as "people" meets any kind of people below. Not for
    // military personnel, whose kinds ("sappers", "engineers") are units
    // counted apart from the troops.
    if (is_person(class_a) && (is_generic_counted(lemma_a) || is_generic_counted(lemma_b)))
      return CountedMatch::people;
    return CountedMatch::none;
  }
  if ((class_a == "people" && is_generic_counted(lemma_a) && is_person(class_b)) ||
      (class_b == "people" && is_generic_counted(lemma_b) && is_person(class_a)))
    return CountedMatch::people;
  return CountedMatch::none;
}

const char* counted_match_reason(CountedMatch m) {
  switch (m) {
    case CountedMatch::same_noun: return "the same counted noun";
    case CountedMatch::unknown: return "one side names no counted thing";
    case CountedMatch::generic: return "two generic nouns of one class";
    case CountedMatch::compound: return "a compound of the other's generic noun";
    case CountedMatch::people: return "people, of which the other counts a kind";
    case CountedMatch::none: return "different counted things";
  }
  return "";
}

std::string_view singular_stem(std::string_view w, char* buffer, size_t size) {
  if (w.size() > 3 && w.size() + 1 <= size && w.ends_with("ies")) {
    std::memcpy(buffer, w.data(), w.size() - 3);
    buffer[w.size() - 3] = 'y';
    return std::string_view(buffer, w.size() - 2);
  }
  if (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss")) return w.substr(0, w.size() - 1);
  return w;
}

}  // namespace cc
