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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Which of 64 bytes are word bytes, and which are the lead byte E2 (that may
// open general punctuation), one bit per byte.
struct BlockMasks {
  uint64_t word = 0;
  uint64_t e2 = 0;
};

// Classifies 64 bytes at once. A word byte is an ASCII letter or digit or any
// byte >= 0x80; with SSE2 (every x86-64) that is a few compares per 16 bytes
// and no branch, which is what lets sketching run at memory speed.
inline BlockMasks classify_block(const unsigned char* p) {
  BlockMasks m;
#if defined(__SSE2__)
  const __m128i lower = _mm_set1_epi8(0x20);
  // Signed compares only: shift a range [lo, lo + n) to [-128, -128 + n).
  const __m128i to_a = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i to_0 = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i letters = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digits = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (int i = 0; i < 4; ++i) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, lower), to_a), letters);
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, to_0), digits);
    // The top bit of x itself marks non-ASCII bytes.
    __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), x);
    m.word |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(word))) << (16 * i);
    m.e2 |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, e2))))
            << (16 * i);
  }
#else
  for (int i = 0; i < 64; ++i) {
    unsigned char c = p[i];
    unsigned char l = c | 0x20;
    bool word = c >= 0x80 || (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9');
    m.word |= static_cast<uint64_t>(word) << i;
    m.e2 |= static_cast<uint64_t>(c == 0xE2) << i;
  }
#endif
  return m;
}

// Finds words in batches: each call to next() reports the [begin, end) byte
// ranges of up to about kBatch further words. Word boundaries are the bit
// transitions of classify_block's masks, read off with count-trailing-zeros,
// so the cost is per block and per word, not per byte.
class WordScanner {
 public:
  static constexpr size_t kBatch = 256;

  explicit WordScanner(std::string_view text)
      : text_(reinterpret_cast<const unsigned char*>(text.data())), size_(text.size()) {}

  // Scans on until at least kBatch words have ended or the text has; returns
  // how many words are ready (0 when the text is done).
  size_t next() {
    size_t starts = 0, ends = 0;
    if (open_) starts_[starts++] = open_start_;
    while (ends < kBatch && pos_ < size_) {
      BlockMasks m;
      if (size_ - pos_ >= 64) {
        m = classify_block(text_ + pos_);
      } else {
        unsigned char tail[64] = {};  // NUL is a separator
        std::memcpy(tail, text_ + pos_, size_ - pos_);
        m = classify_block(tail);
      }
      uint64_t word = m.word & ~spill_;
      spill_ = 0;
      if (m.e2) word = drop_general_punctuation(word, m.e2);
      uint64_t before = (word << 1) | carry_;  // bit i: byte i - 1 is a word byte
      uint64_t s = word & ~before, e = ~word & before;
      carry_ = word >> 63;
      for (; s; s &= s - 1) starts_[starts++] = pos_ + static_cast<size_t>(__builtin_ctzll(s));
      for (; e; e &= e - 1) ends_[ends++] = pos_ + static_cast<size_t>(__builtin_ctzll(e));
      pos_ += 64;
    }
    if (pos_ >= size_ && carry_) {  // a word runs to the end of a text of whole blocks
      ends_[ends++] = size_;
      carry_ = 0;
    }
    open_ = starts > ends;
    if (open_) open_start_ = starts_[ends];
    return ends;
  }
  size_t begin(size_t k) const { return starts_[k]; }
  size_t end(size_t k) const { return ends_[k]; }

 private:
  // General punctuation (E2 80..81 xx: dashes, typographic quotes, ellipsis)
  // separates words although its bytes are non-ASCII; bits past this block
  // are cleared from the next one.
  uint64_t drop_general_punctuation(uint64_t word, uint64_t e2) {
    for (; e2; e2 &= e2 - 1) {
      int i = __builtin_ctzll(e2);
      size_t at = pos_ + static_cast<size_t>(i);
      if (size_ - at < 3 || (text_[at + 1] != 0x80 && text_[at + 1] != 0x81)) continue;
      uint64_t three = uint64_t{7} << i;  // bits past 63 fall off here...
      word &= ~three;
      if (i > 61) spill_ |= uint64_t{7} >> (64 - i);  // ...and land in the next block
    }
    return word;
  }

  const unsigned char* text_;
  size_t size_;
  size_t pos_ = 0;        // start of the next block
  uint64_t carry_ = 0;    // 1 when the byte before pos_ is a word byte
  uint64_t spill_ = 0;    // word bits of the next block that are general punctuation
  bool open_ = false;     // a word began in the last batch and has not ended
  size_t open_start_ = 0;
  size_t starts_[kBatch + 65];
  size_t ends_[kBatch + 64];
};

// Bytes of a word kept in a 64-bit chunk holding its first n (0..8) bytes.
inline constexpr uint64_t kKeepBytes[9] = {0,
                                           0xFFULL,
                                           0xFFFFULL,
                                           0xFFFFFFULL,
                                           0xFFFFFFFFULL,
                                           0xFFFFFFFFFFULL,
                                           0xFFFFFFFFFFFFULL,
                                           0xFFFFFFFFFFFFFFULL,
                                           ~0ULL};

// 64x64 -> 128-bit multiply folded to 64 bits: one instruction that mixes
// every input bit into the middle of the output.
inline uint64_t mul_fold(uint64_t a, uint64_t b) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

// OR-ing 0x20 into every byte below 0x80 lowercases ASCII letters and leaves
// digits alone (the only other ASCII bytes a word has); other bytes are kept.
inline uint64_t fold_case(uint64_t chunk) { return chunk | ((~chunk & 0x8080808080808080ULL) >> 2); }

// Hashes the word p[0, n), ASCII case-folded, sixteen bytes per multiply.
// Words of up to 16 bytes (nearly all) take no data-dependent branch: two
// fixed-size loads masked to the word.
inline uint64_t hash_word(const unsigned char* p, size_t n, const unsigned char* text_end) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  for (; n > 16; p += 16, n -= 16) {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    h = mul_fold(fold_case(a) ^ h, fold_case(b) ^ 0xC2B2AE3D27D4EB4FULL);
  }
  uint64_t a = 0, b = 0;
  if (text_end - p >= 16) {
    std::memcpy(&a, p, 8);  // bytes past the word are masked off
    std::memcpy(&b, p + 8, 8);
  } else {
    unsigned char buf[16] = {};
    std::memcpy(buf, p, n);
    std::memcpy(&a, buf, 8);
    std::memcpy(&b, buf + 8, 8);
  }
  a = fold_case(a) & kKeepBytes[n < 8 ? n : 8];
  b = fold_case(b) & kKeepBytes[n > 8 ? n - 8 : 0];
  return mul_fold(a ^ h, b ^ 0x165667B19E3779F9ULL);
}

inline bool opens_sentence(unsigned char c) { return c == '.' || c == '!' || c == '?' || c == '\n'; }

}  // namespace sketch_internal

template <class Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  using namespace sketch_internal;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  WordScanner words(text);
  size_t gap = 0;       // where the gap before the next word begins
  bool first = true;    // the start of the text opens a sentence
  while (size_t n = words.next()) {
    for (size_t k = 0; k < n; ++k) {
      size_t b = words.begin(k), e = words.end(k);
      bool after_stop = first;
      for (size_t i = gap; i < b && !after_stop; ++i) after_stop = opens_sentence(p[i]);
      fn(hash_word(p + b, e - b, end), p[b] >= 'A' && p[b] <= 'Z' && !after_stop);
      gap = e;
      first = false;
    }
  }
}

// Like for_each_word without name-likeness: the word hashes only.
template <class Fn>
void for_each_word_hash(std::string_view text, Fn&& fn) {
  using namespace sketch_internal;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  WordScanner words(text);
  while (size_t n = words.next())
    for (size_t k = 0; k < n; ++k) fn(hash_word(p + words.begin(k), words.end(k) - words.begin(k), end));
}

}  // namespace cc
