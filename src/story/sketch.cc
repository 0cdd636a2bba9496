#include "story/sketch.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace cc {

namespace {

uint64_t mix64(uint64_t x) {  // murmur3 finalizer: every input bit reaches every output bit
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

constexpr uint64_t kShingleKey = 0xD6E8FEB86659FD93ULL;  // odd, with bits spread evenly

// Streams the shingle hashes of a text: one per window of kShingleWords words,
// or one of all the words when there are fewer.
template <class Fn>
void for_each_shingle(std::string_view text, Fn&& fn) {
  static_assert(kShingleWords == 3, "the window below holds three words");
  uint64_t w0 = 0, w1 = 0;  // the two words before the current one
  uint64_t words = 0;
  for_each_word_hash(text, [&](uint64_t h) {
    // Rotations make the order of the words count.
    if (++words >= 3) fn(sketch_internal::mul_fold(rotl(w0, 46) ^ rotl(w1, 23) ^ h, kShingleKey));
    w0 = w1;
    w1 = h;
  });
  // Fewer words than a shingle: one shingle of them all.
  if (words == 1) fn(sketch_internal::mul_fold(w1, kShingleKey));
  if (words == 2) fn(sketch_internal::mul_fold(rotl(w0, 23) ^ w1, kShingleKey));
}

constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();

}  // namespace

MinHash minhash(std::string_view text) {
  MinHash m;
  m.bins.fill(kEmpty);
  static_assert(kMinHashBins == 128, "the bin is the top 7 bits of the shingle hash");
  for_each_shingle(text, [&](uint64_t h) {
    uint32_t& bin = m.bins[h >> 57];
    bin = std::min(bin, static_cast<uint32_t>(h));  // no branch: which shingle wins is random
    ++m.shingles;
  });
  if (m.shingles == 0) return m;
  // Optimal densification: an empty bin copies the first filled bin on its
  // own fixed pseudo-random probe sequence, the same for every document.
  std::array<uint32_t, kMinHashBins> filled = m.bins;
  for (int i = 0; i < kMinHashBins; ++i) {
    if (filled[i] != kEmpty) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      uint64_t j = mix64((static_cast<uint64_t>(i) << 32) | attempt) % kMinHashBins;
      if (filled[j] != kEmpty) {
        // Mixing in the attempt keeps borrowed values from matching by accident.
        m.bins[i] = static_cast<uint32_t>(mix64(filled[j] ^ (attempt << 40)));
        if (m.bins[i] == kEmpty) m.bins[i] = 0;
        break;
      }
    }
  }
  return m;
}

double estimate_jaccard(const MinHash& a, const MinHash& b) {
  if (a.empty() || b.empty()) return 0;
  int same = 0;
  for (int i = 0; i < kMinHashBins; ++i) same += a.bins[i] == b.bins[i];
  return static_cast<double>(same) / kMinHashBins;
}

std::vector<uint64_t> shingle_set(std::string_view text) {
  std::vector<uint64_t> s;
  for_each_shingle(text, [&](uint64_t h) { s.push_back(h); });
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

Resemblance resemblance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  Resemblance r;
  if (a.empty() || b.empty()) return r;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++common, ++i, ++j;
  }
  r.jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
  r.a_in_b = static_cast<double>(common) / static_cast<double>(a.size());
  r.b_in_a = static_cast<double>(common) / static_cast<double>(b.size());
  return r;
}

Resemblance exact_resemblance(std::string_view a, std::string_view b) {
  return resemblance(shingle_set(a), shingle_set(b));
}

std::string encode(const MinHash& m) {
  std::string out(kMinHashBins * 4 + 8, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  auto put = [&p](uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) *p++ = static_cast<unsigned char>(v >> (8 * i));
  };
  for (uint32_t b : m.bins) put(b, 4);
  put(m.shingles, 8);
  return out;
}

Result<MinHash> decode_minhash(std::string_view bytes) {
  if (bytes.size() != kMinHashBins * 4 + 8)
    return Status::error("minhash sketch: expected " + std::to_string(kMinHashBins * 4 + 8) +
                         " bytes, got " + std::to_string(bytes.size()));
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto get = [&p](int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(*p++) << (8 * i);
    return v;
  };
  MinHash m;
  for (auto& b : m.bins) b = static_cast<uint32_t>(get(4));
  m.shingles = get(8);
  return m;
}

}  // namespace cc
