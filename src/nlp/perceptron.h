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
// Model files (little-endian) start with an 8-byte magic naming the tagger
// ("CCNER001"), u32 class count, u32 row count, f32 scale; then, in the dense
// layout, u32 keys[rows] (sorted) and i16 weights[rows][classes]; in the
// sparse layout, u32 entry count, u32 keys[rows] (sorted), u8 counts[rows],
// u8 classes[entries], i16 weights[entries], each row's nonzero weights in
// class order. weight/scale is the averaged perceptron weight; rows whose
// weights were all small were pruned. Sparse files are a fraction of the size
// when most features speak for a few classes, as in part-of-speech tagging.
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

enum class ModelLayout { dense, sparse };

class PerceptronModel {
 public:
  // Reads a model written by save() with the same magic, layout and class
  // count. Errors name `what` ("NER model") and the path.
  static Result<PerceptronModel> load(const std::string& path, std::string_view magic,
                                      int classes, const std::string& what,
                                      ModelLayout layout = ModelLayout::dense);
  Status save(const std::string& path, std::string_view magic, const std::string& what,
              ModelLayout layout = ModelLayout::dense) const;

  // Adds the feature's weights (quantized units) to scores[classes]; an
  // unknown feature adds nothing. Only nonzero weights are kept, in blocks of
  // four, so a row costs as many additions as the classes it speaks for
  // (rounded up to four) and the loop over blocks is predictable: most rows
  // have one.
  template <class Score>
  void add(uint32_t key, Score* scores) const {
    add_at(find(key), scores);
  }
  // The same in two steps, so that a caller can look up many features
  // before it needs their weights and fetch those ahead: find() says where a
  // feature's weights are (0, which adds nothing, for an unknown feature).
  uint32_t find(uint32_t key) const {
    if (table_.empty()) return 0;
    size_t mask = table_.size() - 1;
    for (size_t i = hash_mix(key) & mask;; i = (i + 1) & mask) {
      uint64_t slot = table_[i];
      if (slot == 0) return 0;
      if (static_cast<uint32_t>(slot >> 32) == key) return static_cast<uint32_t>(slot);
    }
  }
  template <class Score>
  void add_at(uint32_t place, Score* scores) const {
    const uint32_t* e = entries_.data() + size_t{place >> kBlockBits} * kBlock;
    for (uint32_t b = place & kMaxBlocks; b > 0; --b, e += kBlock)
      for (int k = 0; k < kBlock; ++k) scores[e[k] >> 16] += static_cast<int16_t>(e[k] & 0xFFFF);
  }
  // Fetches ahead the table slot find(key) will read first.
  void prefetch_key(uint32_t key) const {
    if (!table_.empty()) __builtin_prefetch(&table_[hash_mix(key) & (table_.size() - 1)]);
  }
  // Fetches ahead the weights add_at(place) will read.
  void prefetch(uint32_t place) const {
    __builtin_prefetch(entries_.data() + size_t{place >> kBlockBits} * kBlock);
  }

  int classes() const { return classes_; }
  size_t rows() const { return row_keys_.size(); }
  // Quantized units per averaged-weight unit.
  float scale() const { return scale_; }

 private:
  friend class PerceptronTrainer;
  static constexpr int kBlock = 4;          // weights per block
  static constexpr uint32_t kBlockBits = 7;  // low bits of a row's place: its block count
  static constexpr uint32_t kMaxBlocks = (1u << kBlockBits) - 1;

  // Appends one row from its dense weights; false when the model is full.
  bool add_row(uint32_t key, const int16_t* weights);
  void build_index();

  int classes_ = 0;
  float scale_ = 1;
  std::vector<uint32_t> row_keys_;    // sorted
  std::vector<uint32_t> row_places_;  // per row: first block << kBlockBits | blocks
  // Nonzero weights as class << 16 | uint16 weight, row by row in blocks of
  // kBlock; a block's unused entries are 0 (class 0, weight 0).
  std::vector<uint32_t> entries_;
  // Open addressing over row keys: key << 32 | the row's place; 0 = empty.
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
