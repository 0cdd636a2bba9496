// Locality-sensitive hashing over MinHash sketches: finds the earlier
// documents whose shingle sets probably resemble a new one's.
//
// The 128 bins are cut into kBands bands of kRows rows; two documents become
// candidates when they agree on every row of some band, which happens with
// probability 1 - (1 - J^3)^42 for Jaccard J: 0.996 at J = 0.5, 0.29 at
// J = 0.2, 0.04 at J = 0.1. Candidates are then checked on the whole sketch.
//
// Memory is what the firehose needs and no more: per document 256 bytes of
// sketch (bins cut to 16 bits, which moves a Jaccard estimate by 2^-16) and
// 42 slots of 8 bytes in one open-addressing table keyed by a 32-bit band
// hash. A band bucket holds at most kBucketCap documents: 100,000 copies of
// one text cost no more per query than ten.
//
// Thread safety: none; one writer, or many readers of a const index.
#pragma once

#include <cstdint>
#include <vector>

#include "story/sketch.h"

namespace cc {

class LshIndex {
 public:
  static constexpr int kRows = 3;
  static constexpr int kBands = kMinHashBins / kRows;  // 42, using bins 0..125
  static constexpr int kBucketCap = 16;

  struct Match {
    uint32_t doc;
    double jaccard;  // estimated
  };

  // Sketches of documents are kept for every added document, indexed or not.
  uint32_t add_sketch(const MinHash& m);
  // Puts an added document into the band buckets so later queries find it.
  void index(uint32_t doc);
  // Indexed documents sharing a band with the sketch, best first, each with
  // estimated Jaccard >= min_jaccard.
  std::vector<Match> query(const MinHash& m, double min_jaccard) const;
  uint64_t shingles(uint32_t doc) const { return shingles_[doc]; }

  size_t size() const { return shingles_.size(); }
  // Band slots in the table: kBands per indexed document, fewer for full buckets.
  size_t slots_used() const { return used_; }
  // Sizes the table for n indexed documents so it never rehashes before.
  void reserve(size_t n);
  size_t memory_bytes() const;

 private:
  struct Slot {
    uint32_t key = 0;
    uint32_t doc = kNone;
  };
  static constexpr uint32_t kNone = 0xffffffffu;

  uint32_t band_key(const uint16_t* bins, int band) const;
  void insert_slot(uint32_t key, uint32_t doc);
  void grow();
  void rehash(size_t slots);

  std::vector<uint16_t> bins_;      // kMinHashBins per document
  std::vector<uint64_t> shingles_;  // shingle count per document
  std::vector<Slot> table_;         // power-of-two size, linear probing
  size_t used_ = 0;
};

}  // namespace cc
