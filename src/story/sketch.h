// Sketches of a document's wording, small enough to keep for millions of
// reports: a MinHash of its word shingles (for near-duplicates) and its top
// terms (for story clustering).
//
// Words are maximal runs of ASCII letters and digits or non-ASCII code
// points (except general punctuation, U+2000..U+206F), compared ASCII
// case-insensitively. A shingle is kShingleWords consecutive words; a text
// with fewer words has one shingle of all of them, an empty text none.
//
// The MinHash is one-permutation hashing with optimal densification
// (Shrivastava, ICML 2017): every shingle is hashed once and kept as the
// minimum of one of kMinHashBins bins; empty bins borrow a filled bin's value
// along a fixed probe sequence so that two sketches still agree on a bin with
// probability equal to the Jaccard similarity of their shingle sets. That
// costs one hash per shingle instead of 128, which is what makes sketching
// run at the speed of reading the text.
//
// Thread safety: all functions are pure.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace cc {

inline constexpr int kShingleWords = 3;
inline constexpr int kMinHashBins = 128;

struct MinHash {
  std::array<uint32_t, kMinHashBins> bins{};
  uint64_t shingles = 0;  // distinct shingles are not counted; this is all of them

  bool empty() const { return shingles == 0; }
};

MinHash minhash(std::string_view text);

// Estimated Jaccard similarity of the two shingle sets; 0 when either is empty.
double estimate_jaccard(const MinHash& a, const MinHash& b);

// Exact resemblance of two texts' shingle sets (for verifying candidates when
// the texts are at hand). Containment of a in b is |A ∩ B| / |A|.
struct Resemblance {
  double jaccard = 0;
  double a_in_b = 0;
  double b_in_a = 0;
};
Resemblance exact_resemblance(std::string_view a, std::string_view b);

// Sorted distinct shingle hashes of a text (the sets exact_resemblance compares).
std::vector<uint64_t> shingle_set(std::string_view text);
Resemblance resemblance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Calls fn(hash, capitalized) for every word: hash is of the ASCII-lowercased
// word; capitalized says its first letter was an upper-case ASCII letter.
template <class Fn>
void for_each_word(std::string_view text, Fn&& fn);

// Binary form for the ledger: little-endian bins then the shingle count.
std::string encode(const MinHash& m);
Result<MinHash> decode_minhash(std::string_view bytes);

// ---- implementation of the template ----

namespace sketch_internal {
// Byte classes: 0 separator, 1 ASCII letter/digit, 2 upper-case ASCII, 3 non-ASCII.
extern const std::array<uint8_t, 256> kByteClass;
}  // namespace sketch_internal

template <class Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const auto& cls = sketch_internal::kByteClass;
  while (p < end) {
    // General punctuation (E2 80..81 xx: dashes, quotes, ellipsis) separates words.
    if (cls[*p] == 0 || (*p == 0xE2 && end - p >= 3 && (p[1] == 0x80 || p[1] == 0x81))) {
      p += cls[*p] == 0 ? 1 : 3;
      continue;
    }
    bool capitalized = cls[*p] == 2;
    uint64_t h = 0xcbf29ce484222325ULL;
    while (p < end && cls[*p] != 0 &&
           !(*p == 0xE2 && end - p >= 3 && (p[1] == 0x80 || p[1] == 0x81))) {
      h = (h ^ (*p | (cls[*p] == 2 ? 0x20 : 0))) * 0x100000001b3ULL;
      ++p;
    }
    fn(h, capitalized);
  }
}

}  // namespace cc
