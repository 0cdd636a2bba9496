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
#include <cstring>
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

// Calls fn(hash, name_like) for every word: hash is of the ASCII-lowercased
// word; name_like says it starts with an upper-case ASCII letter without
// opening a sentence (after '.', '!', '?', a newline or the start of text).
template <class Fn>
void for_each_word(std::string_view text, Fn&& fn);

// Binary form for the ledger: little-endian bins then the shingle count.
std::string encode(const MinHash& m);
Result<MinHash> decode_minhash(std::string_view bytes);

// ---- implementation of the template ----

namespace sketch_internal {
// Byte classes: 0 separator, 1 ASCII letter/digit, 2 upper-case ASCII, 3 non-ASCII,
// 4 the lead byte E2 (which may open general punctuation).
extern const std::array<uint8_t, 256> kByteClass;

// True at general punctuation (E2 80..81 xx: dashes, quotes, ellipsis).
inline bool general_punctuation(const unsigned char* p, const unsigned char* end) {
  return *p == 0xE2 && end - p >= 3 && (p[1] == 0x80 || p[1] == 0x81);
}

// Hashes a word eight bytes at a time: one multiply per chunk instead of one
// per byte. OR-ing 0x20 into every byte below 0x80 lowercases ASCII letters
// and leaves digits alone; other bytes are kept as they are.
inline uint64_t hash_word(const unsigned char* p, size_t n, const unsigned char* text_end) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  for (;; p += 8) {
    uint64_t chunk = 0;
    if (text_end - p >= 8) {
      std::memcpy(&chunk, p, 8);  // a fixed-size load; bytes past the word are masked off
      if (n < 8) chunk &= (uint64_t{1} << (8 * n)) - 1;
    } else {
      for (size_t i = 0; i < n && i < 8; ++i) chunk |= static_cast<uint64_t>(p[i]) << (8 * i);
    }
    chunk |= (~chunk & 0x8080808080808080ULL) >> 2;
    h = (h ^ chunk) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
    if (n <= 8) break;
    n -= 8;
  }
  return h;
}
}  // namespace sketch_internal

template <class Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  using namespace sketch_internal;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  bool opens_sentence = true;
  while (p < end) {
    uint8_t c = kByteClass[*p];
    if (c == 0) {
      if (*p == '.' || *p == '!' || *p == '?' || *p == '\n') opens_sentence = true;
      ++p;
      continue;
    }
    if (c == 4 && general_punctuation(p, end)) {
      p += 3;
      continue;
    }
    const unsigned char* start = p;
    for (++p; p < end; ++p) {
      c = kByteClass[*p];
      if (c == 0 || (c == 4 && general_punctuation(p, end))) break;
    }
    fn(hash_word(start, static_cast<size_t>(p - start), end),
       kByteClass[*start] == 2 && !opens_sentence);
    opens_sentence = false;
  }
}

}  // namespace cc
