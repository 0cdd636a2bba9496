#include "story/lsh.h"

#include <algorithm>
#include <bit>

namespace cc {

namespace {
uint32_t mix32(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return static_cast<uint32_t>(x);
}
// Slot position from a key: a multiplicative hash so nearby keys spread out.
size_t slot_of(uint32_t key, size_t mask) { return (key * 0x9E3779B1u) & mask; }
}  // namespace

uint32_t LshIndex::add_sketch(const MinHash& m) {
  uint32_t doc = static_cast<uint32_t>(shingles_.size());
  for (uint32_t b : m.bins) bins_.push_back(static_cast<uint16_t>(b));
  shingles_.push_back(m.shingles);
  return doc;
}

uint32_t LshIndex::band_key(const uint16_t* bins, int band) const {
  uint64_t k = static_cast<uint64_t>(band) << 48;
  for (int r = 0; r < kRows; ++r) k ^= static_cast<uint64_t>(bins[band * kRows + r]) << (16 * r);
  return mix32(k);
}

void LshIndex::reserve(size_t n) {
  size_t want = std::bit_ceil(std::max<size_t>(64, n * kBands * 4 / 3 + 1));
  bins_.reserve(n * kMinHashBins);
  shingles_.reserve(n);
  if (want > table_.size()) rehash(want);
}

void LshIndex::grow() {
  rehash(table_.empty() ? 4096 : table_.size() * 2);
}

void LshIndex::rehash(size_t slots) {
  std::vector<Slot> old = std::move(table_);
  table_.assign(slots, Slot{});
  used_ = 0;
  for (const Slot& s : old)
    if (s.doc != kNone) insert_slot(s.key, s.doc);
}

void LshIndex::insert_slot(uint32_t key, uint32_t doc) {
  size_t mask = table_.size() - 1;
  int same = 0;
  for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
    if (table_[i].doc == kNone) {
      table_[i] = Slot{key, doc};
      ++used_;
      return;
    }
    if (table_[i].key == key && ++same >= kBucketCap) return;
  }
}

void LshIndex::index(uint32_t doc) {
  if (shingles_[doc] == 0) return;
  if ((used_ + kBands) * 4 > table_.size() * 3) grow();
  const uint16_t* bins = &bins_[static_cast<size_t>(doc) * kMinHashBins];
  for (int band = 0; band < kBands; ++band) insert_slot(band_key(bins, band), doc);
}

std::vector<LshIndex::Match> LshIndex::query(const MinHash& m, double min_jaccard) const {
  std::vector<Match> out;
  if (m.empty() || table_.empty()) return out;
  uint16_t q[kMinHashBins];
  for (int i = 0; i < kMinHashBins; ++i) q[i] = static_cast<uint16_t>(m.bins[i]);
  std::vector<uint32_t> candidates;
  size_t mask = table_.size() - 1;
  for (int band = 0; band < kBands; ++band) {
    uint32_t key = band_key(q, band);
    for (size_t i = slot_of(key, mask); table_[i].doc != kNone; i = (i + 1) & mask)
      if (table_[i].key == key) candidates.push_back(table_[i].doc);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t c : candidates) {
    const uint16_t* y = &bins_[static_cast<size_t>(c) * kMinHashBins];
    int same = 0;
    for (int i = 0; i < kMinHashBins; ++i) same += q[i] == y[i];
    double j = static_cast<double>(same) / kMinHashBins;
    if (j >= min_jaccard) out.push_back(Match{c, j});
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.jaccard != b.jaccard ? a.jaccard > b.jaccard : a.doc < b.doc;
  });
  return out;
}

size_t LshIndex::memory_bytes() const {
  return bins_.capacity() * sizeof(uint16_t) + shingles_.capacity() * sizeof(uint64_t) +
         table_.capacity() * sizeof(Slot);
}

}  // namespace cc
