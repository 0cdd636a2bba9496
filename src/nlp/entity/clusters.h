// Word clusters: a bit-string path in a binary tree of word classes per word,
// learned from unlabeled text by Brown clustering (Brown et al. 1992, in the
// windowed form of Liang 2005). Words that occur in the same contexts share
// long path prefixes ("Kiev" and "Tbilisi", "ministry" and "agency"), so the
// entity tagger can read a prefix of the path as a feature and carry what it
// learned about one word to words it never saw tagged.
//
// Contract: WordClusters is loaded once from data/entity/clusters.tsv (made by
// data/entity/build_clusters.sh; its header names the text it was learned
// from), then read-only and safe to share between threads. A lookup costs one
// or two hash probes and never allocates. brown_clusters() is the offline
// computation behind that file; it is deterministic.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace cc {

// A word's path: up to 32 leading bits (the first step in the top bit) and
// the path's length, which may exceed 32 (then only the first 32 are kept).
struct ClusterPath {
  uint32_t bits = 0;
  uint32_t length = 0;  // 0: word not known
  // The first n steps (the whole path when it is shorter) as a number that
  // also encodes how many steps it holds; 0 for an unknown word.
  uint64_t prefix(uint32_t n) const {
    if (length == 0) return 0;
    uint32_t k = std::min(n, std::min(length, 32u));
    return (uint64_t{k} << 32) | (k ? bits >> (32 - k) : 0);
  }
};

class WordClusters {
 public:
  // Reads lines "word<TAB>path" (path of '0'/'1'); '#' lines are comments.
  // The error names the file and line.
  static Result<WordClusters> load(const std::string& path);

  // The path of the word as written, digits read as 0; a word in capitals
  // ("KIEV") not known as written is looked up capitalized ("Kiev").
  ClusterPath find(std::string_view word) const;
  size_t size() const { return count_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty
    ClusterPath path;
  };
  ClusterPath probe(uint64_t key) const;
  void insert(uint64_t key, ClusterPath path);

  std::vector<Slot> table_;
  size_t count_ = 0;
};

// Key of a word for cluster lookup: case kept, ASCII digits folded to '0',
// a typographic apostrophe read as "'".
// With `capitalize`, letters after the first are read lower-cased (ASCII).
uint64_t cluster_key(std::string_view word, bool capitalize = false);

// Brown clustering of the words of `sentences` that occur at least
// `min_count` times, into `clusters` classes arranged in a binary tree.
// Returns (word, path) pairs, most frequent word first. Work is about
// words x clusters^2; memory about 3 x clusters^2 doubles.
std::vector<std::pair<std::string, std::string>> brown_clusters(
    const std::vector<std::vector<std::string_view>>& sentences, int clusters, int min_count);

}  // namespace cc
