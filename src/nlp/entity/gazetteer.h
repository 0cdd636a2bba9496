// Gazetteer: known place names, demonyms and seats of power, matched over
// token sequences.
//
// Contract: loaded once from data/entity/gazetteer.tsv (built by
// data/entity/build_gazetteer.py; see docs/entity.md), then read-only and safe
// to share between threads. Matching is case-insensitive over ASCII letters
// but only starts at a token whose first letter is upper case, so "turkey" in
// running text never matches "Turkey". Phrases are at most kMaxPhraseTokens
// tokens; a lookup costs one hash probe per candidate length.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "nlp/tokenize.h"  // token_key

namespace cc {

// Bit flags of what a phrase is known as.
enum GazetteerKind : uint8_t {
  kGazLocation = 1,     // country, region, city
  kGazNationality = 2,  // demonym ("North Korean", "Russians")
  kGazMetonym = 4,      // capital or seat of power that can stand for a state
  kGazCountry = 8,      // the name (or an alias) of a country
  kGazSeat = 16,        // a seat of power ("Kremlin"): nearly always its government
  kGazOrganization = 32,  // an organization's name (WordNet)
  kGazPerson = 64,        // a person's name (WordNet)
};

struct GazetteerEntry {
  uint8_t kinds = 0;
  std::string location;     // canonical place name ("North Korea" for "DPRK"), "" if no place
  std::string nationality;  // state a demonym points to ("North Korea" for "North Korean")
  std::string metonym_of;   // state a capital or seat of power stands for
};

// A match of one entry over tokens [begin, end).
struct GazetteerMatch {
  uint32_t begin = 0;
  uint32_t end = 0;
  const GazetteerEntry* entry = nullptr;
};

// Combines token keys into a phrase key.
inline uint64_t phrase_key(uint64_t acc, uint64_t token) {
  return (acc ^ token) * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
}

class Gazetteer {
 public:
  static constexpr uint32_t kMaxPhraseTokens = 6;

  // Reads a gazetteer.tsv; the error names the file and line.
  static Result<Gazetteer> load(const std::string& path);
  // Longest matches in words[begin, end), left to right, non-overlapping.
  // `keys` holds token_key() of every word. Appends to `out`.
  void match(const std::vector<std::string_view>& words, const std::vector<uint64_t>& keys,
             uint32_t begin, uint32_t end, std::vector<GazetteerMatch>& out) const;
  size_t size() const { return entries_.size(); }

 private:
  // Adds one phrase, given as its words. type: 'C' country, 'L' place,
  // 'S' seat of power, 'N' demonym, 'O' organization, 'P' person.
  void add(const std::vector<std::string_view>& words, char type, std::string_view canonical,
           std::string_view metonym_of);
  const GazetteerEntry* find_key(uint64_t key) const;
  void rehash(size_t capacity);

  // Open addressing: slots_ holds entry index + 1 (0 = empty), keys_ the key.
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> slots_;
  std::vector<GazetteerEntry> entries_;
  std::vector<uint64_t> entry_keys_;
  // Bit n set when some phrase has n+1 tokens: skips pointless probes.
  uint32_t lengths_ = 0;
};

// Splits a phrase the way the tokenizer does for names: on spaces, with a
// possessive "'s" apart ("People's" -> People 's).
std::vector<std::string_view> split_phrase(std::string_view phrase);

}  // namespace cc
