#include "nlp/entity/gazetteer.h"

#include <fstream>

#include "nlp/entity/names.h"

namespace cc {

std::vector<std::string_view> split_phrase(std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j == i) break;
    std::string_view w = phrase.substr(i, j - i);
    size_t cut = w.size();
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) cut = w.size() - 2;
    else if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) cut = w.size() - 4;
    words.push_back(w.substr(0, cut));
    if (cut < w.size()) words.push_back(w.substr(cut));
    i = j;
  }
  return words;
}

const GazetteerEntry* Gazetteer::find_key(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    uint32_t s = slots_[i];
    if (s == 0) return nullptr;
    if (keys_[i] == key) return &entries_[s - 1];
  }
}

void Gazetteer::rehash(size_t capacity) {
  keys_.assign(capacity, 0);
  slots_.assign(capacity, 0);
  size_t mask = capacity - 1;
  for (size_t e = 0; e < entries_.size(); ++e) {
    size_t i = entry_keys_[e] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    keys_[i] = entry_keys_[e];
    slots_[i] = static_cast<uint32_t>(e + 1);
  }
}

void Gazetteer::add(const std::vector<std::string_view>& words, char type,
                    std::string_view canonical, std::string_view metonym_of) {
  if (words.empty() || words.size() > kMaxPhraseTokens) return;
  uint64_t key = 0;
  for (auto w : words) key = phrase_key(key, token_key(w));
  GazetteerEntry* entry = const_cast<GazetteerEntry*>(find_key(key));
  if (!entry) {
    if ((entries_.size() + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 1024 : slots_.size() * 2);
    entries_.emplace_back();
    entry_keys_.push_back(key);
    size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    keys_[i] = key;
    slots_[i] = static_cast<uint32_t>(entries_.size());
    entry = &entries_.back();
  }
  lengths_ |= 1u << (words.size() - 1);
  if (type == 'N') {
    entry->kinds |= kGazNationality;
    if (entry->nationality.empty()) entry->nationality = canonical;
    return;
  }
  if (type == 'O' || type == 'P') {
    entry->kinds |= type == 'O' ? kGazOrganization : kGazPerson;
    return;
  }
  entry->kinds |= kGazLocation;
  if (type == 'S') entry->kinds |= kGazSeat;
  if (!metonym_of.empty()) {
    entry->kinds |= kGazMetonym;
    entry->metonym_of = metonym_of;
  }
  // A country's name or alias wins over a city or region of the same name.
  if (type == 'C' && (entry->kinds & kGazCountry) == 0) {
    entry->kinds |= kGazCountry;
    entry->location = canonical;
  } else if (entry->location.empty()) {
    entry->location = canonical;
  }
}

Result<Gazetteer> Gazetteer::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::error("cannot read gazetteer " + path);
  Gazetteer g;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::string_view v(line);
    std::string_view fields[4];
    size_t n = 0;
    while (n < 4) {
      size_t tab = v.find('\t');
      fields[n++] = v.substr(0, tab);
      if (tab == std::string_view::npos) break;
      v.remove_prefix(tab + 1);
    }
    if (n != 4 || fields[0].empty() || fields[1].empty())
      return Status::error(path + ":" + std::to_string(line_no) +
                           ": expected phrase<TAB>type<TAB>canonical<TAB>metonym_of");
    char type = fields[1] == "NORP"      ? 'N'
                : fields[1] == "COUNTRY" ? 'C'
                : fields[1] == "SEAT"    ? 'S'
                : fields[1] == "ORG"     ? 'O'
                : fields[1] == "PER"     ? 'P'
                : fields[1] == "LOC"     ? 'L'
                                         : '\0';
    if (type == '\0')
      return Status::error(path + ":" + std::to_string(line_no) + ": unknown type '" +
                           std::string(fields[1]) + "'");
    g.add(split_phrase(fields[0]), type, fields[2], fields[3]);
  }
  return g;
}

void Gazetteer::match(const std::vector<std::string_view>& words,
                      const std::vector<uint64_t>& keys, uint32_t begin, uint32_t end,
                      std::vector<GazetteerMatch>& out) const {
  uint32_t i = begin;
  while (i < end) {
    if (!starts_upper(words[i])) {
      ++i;
      continue;
    }
    uint64_t key = 0;
    GazetteerMatch best;
    uint32_t limit = std::min<uint32_t>(end - i, kMaxPhraseTokens);
    for (uint32_t n = 1; n <= limit; ++n) {
      key = phrase_key(key, keys[i + n - 1]);
      if ((lengths_ >> (n - 1)) == 0) break;
      if (((lengths_ >> (n - 1)) & 1) == 0) continue;
      if (const GazetteerEntry* e = find_key(key)) best = {i, i + n, e};
    }
    if (best.entry) {
      out.push_back(best);
      i = best.end;
    } else {
      ++i;
    }
  }
}

}  // namespace cc
