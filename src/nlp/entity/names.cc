#include "nlp/entity/names.h"

#include <string_view>
#include <unordered_set>

namespace cc {

TitleWord title_word(std::string_view lower) {
  static const std::unordered_set<std::string_view> kHeads = {
      // Offices and ranks.
      "president", "minister", "secretary", "chancellor", "premier", "chairman", "chairwoman",
      "director", "chief", "leader", "ambassador", "envoy", "senator", "sen.", "representative",
      "rep.", "congressman", "congresswoman", "governor", "gov.", "mayor", "king", "queen",
      "prince", "princess", "pope", "sheikh", "emir", "general", "gen.", "lt.", "lieutenant",
      "col.", "colonel", "maj.", "major", "capt.", "captain", "sgt.", "sergeant", "adm.",
      "admiral", "marshal", "commander", "cmdr.", "brig.", "brigadier", "lawmaker", "mp", "dr.",
      "dr", "prof.", "professor", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "sir", "lord", "judge",
      "justice", "prosecutor", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
      // Roles news writes before a name.
      "analyst", "expert", "researcher", "scholar", "journalist", "reporter", "correspondent",
      "editor", "blogger", "activist", "lawyer", "economist", "historian", "official",
      "diplomat", "negotiator", "investigator", "commentator", "author", "founder", "ceo"};
  static const std::unordered_set<std::string_view> kModifiers = {
      "vice", "prime", "deputy", "foreign", "defense", "defence", "interior", "finance",
      "press", "state", "national", "security", "intelligence", "military", "senior", "former",
      "acting", "first", "top", "chief", "assistant", "executive", "general", "supreme", "army",
      "navy", "air", "force", "lead", "political", "opposition", "human", "rights"};
  if (kHeads.count(lower)) return TitleWord::head;
  if (kModifiers.count(lower)) return TitleWord::modifier;
  return TitleWord::none;
}

bool is_organization_head(std::string_view lower) {
  static const std::unordered_set<std::string_view> kHeads = {
      "administration", "agency", "alliance", "army", "assembly", "association", "authority",
      "bank", "board", "bureau", "coalition", "command", "commission", "committee", "company",
      "corporation", "corps", "council", "court", "department", "directorate", "federation",
      "forces", "foundation", "front", "fund", "group", "guard", "institute", "ministry",
      "movement", "network", "office", "organisation", "organization", "parliament", "party",
      "police", "service", "services", "society", "staff", "tribunal", "union", "university"};
  return kHeads.count(lower) > 0;
}

bool is_place_head(std::string_view lower) {
  static const std::unordered_set<std::string_view> kHeads = {
      "oblast", "region", "province", "krai", "governorate", "prefecture", "county", "district",
      "peninsula", "island", "islands", "sea", "river", "strait", "gulf", "valley", "mountains"};
  return kHeads.count(lower) > 0;
}

bool is_place_prefix(std::string_view lower) {
  return lower == "lake" || lower == "mount" || lower == "mt." || lower == "cape" ||
         lower == "gulf" || lower == "isle" || lower == "river";
}

bool is_vessel_prefix(std::string_view word) {
  return word == "MV" || word == "MT" || word == "MS" || word == "SS" || word == "HMS" ||
         word == "USS" || word == "RMS" || word == "HMAS";
}

bool is_vessel_noun(std::string_view lower) {
  return lower == "tanker" || lower == "ferry" || lower == "vessel" || lower == "freighter" ||
         lower == "ship" || lower == "trawler" || lower == "carrier" || lower == "barge";
}

bool is_name_particle(std::string_view lower) {
  static const std::unordered_set<std::string_view> kParticles = {
      "bin", "bint", "ibn", "al", "el", "abu", "de", "da", "di", "del", "della", "dos", "du",
      "van", "von", "der", "den", "ter", "la", "le", "y"};
  return kParticles.count(lower) > 0;
}

bool is_name_function_word(std::string_view lower) {
  return lower == "of" || lower == "the" || lower == "and" || lower == "for" || lower == "on" ||
         lower == "in" || lower == "de" || lower == "&";
}

bool is_acronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 10) return false;
  size_t upper = 0;
  for (unsigned char c : word) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (!(c >= '0' && c <= '9') && c != '&' && c != '-') return false;
  }
  return upper >= 2;
}

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  auto c = static_cast<unsigned char>(word[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xE2 && i + 2 < name.size() && name[i + 1] == '\x80' &&
        (name[i + 2] == '\x99' || name[i + 2] == '\x98')) {
      out += '\'';
      i += 2;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.starts_with("the ")) out.erase(0, 4);
  if (out.ends_with(" 's")) out.resize(out.size() - 3);
  else if (out.ends_with("'s")) out.resize(out.size() - 2);
  return out;
}

}  // namespace cc
