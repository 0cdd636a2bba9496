// Shared machinery of the project's greedy averaged-perceptron taggers (the
// entity tagger in nlp/entity, the part-of-speech tagger and chunker in
// nlp/tag): hashed feature keys, word shapes and affixes, a read-only model of
// quantized weight rows with its file format, and the trainer that makes one.
//
// Contract: a PerceptronModel is loaded once and read-only afterwards; row()
// and add() are safe to call from many threads and cost one probe into an
// open-addressed table of 32-bit feature keys. A feature key is a hash of a
// feature template and its value, never 0. Training is deterministic: the
// same decisions in the same order give the same model bytes.
//
// Model file (little-endian): an 8-byte magic naming the tagger ("CCNER001"),
// u32 class count, u32 row count, f32 scale, u32 keys[rows] (sorted),
// i16 weights[rows][classes]. weight/scale is the averaged perceptron weight;
// rows whose weights were all small were pruned.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace cc {

// A 64-bit finalizer (splitmix64): spreads the bits of hashes and counters.
inline uint64_t hash_mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
// A feature key: template id and value hashed to 32 bits, never 0.
inline uint32_t feature_key(uint32_t tmpl, uint64_t value) {
  uint32_t k = static_cast<uint32_t>(hash_mix(value * 0x9E3779B97F4A7C15ull + tmpl) >> 32);
  return k ? k : 1;
}
inline uint32_t feature_key2(uint32_t tmpl, uint64_t a, uint64_t b) {
  return feature_key(tmpl, hash_mix(a) + b);
}

// Slots for an open-addressed table holding n keys: a power of two, at least
// twice n, so probes stay short and the table never fills.
inline size_t open_table_size(size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;
  return cap;
}

// Capitalization facts and the word shape: character classes with runs
// collapsed ("Kim-Jong" -> "Xx-Xx", "1996" -> "d"), at most 8 classes, hashed.
struct WordFacts {
  uint64_t shape = 0;
  bool capitalized = false;    // first letter upper case
  bool lower_initial = false;  // first character a lower-case letter
  bool has_lower = false;      // some letter is lower case
  bool has_letter = false;
};
WordFacts word_facts(std::string_view word);

// Key of the word's first (or last) n bytes as token_key() reads them, plus
// n; 0 when the word is shorter.
uint64_t affix_key(std::string_view word, size_t n, bool suffix);

class PerceptronModel {
 public:
  // Reads a model written by save() with the same magic and class count.
  // Errors name `what` ("NER model") and the path.
  static Result<PerceptronModel> load(const std::string& path, std::string_view magic,
                                      int classes, const std::string& what);
  Status save(const std::string& path, std::string_view magic, const std::string& what) const;

  // The feature's quantized weights, one per class, or null for an unknown
  // feature.
  const int16_t* row(uint32_t key) const;
  // Adds the feature's weights (quantized units) to scores[classes].
  void add(uint32_t key, float* scores) const {
    if (const int16_t* r = row(key))
      for (int t = 0; t < classes_; ++t) scores[t] += r[t];
  }

  int classes() const { return classes_; }
  size_t rows() const { return row_keys_.size(); }
  // Quantized units per averaged-weight unit.
  float scale() const { return scale_; }

 private:
  friend class PerceptronTrainer;
  void build_index();

  int classes_ = 0;
  float scale_ = 1;
  std::vector<uint32_t> row_keys_;  // sorted
  std::vector<int16_t> weights_;    // rows x classes
  // Open addressing over row keys: key << 32 | (row + 1), 0 = empty.
  std::vector<uint64_t> table_;
};

// Averaged-perceptron training (Collins 2002) with lazy averaging: each
// weight keeps the sum of step * update, so the average is exact without
// touching every weight at every step.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes) : classes_(classes) {}

  // Adds the feature's current weights to scores[classes].
  void add(uint32_t key, float* scores) const;
  // One decision over the features keys[0..n): advances the clock and, when
  // the guess was wrong, moves each feature's weight from guess to truth.
  void learn(const uint32_t* keys, size_t n, int truth, int guess);
  // Averages, drops rows whose largest weight is below `prune`, quantizes to
  // 16 bits.
  PerceptronModel finish(float prune) const;
  size_t rows() const { return rows_.size(); }

 private:
  int classes_;
  std::unordered_map<uint32_t, uint32_t> rows_;  // feature key -> row
  std::vector<float> w_;
  std::vector<double> acc_;  // sum of step * update, for averaging
  uint64_t step_ = 1;
};

}  // namespace cc
