// conlleval's phrase matching, shared by the entity and chunk benchmarks: a
// phrase is right only when its type and both boundaries match exactly.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace cc {

// begin, end, type
using ScoredPhrase = std::array<size_t, 3>;

// Precision (which 0), recall (1) or F1 (2) of true/false positive and false
// negative counts; 0 where undefined.
inline double prf(size_t tp, size_t fp, size_t fn, int which) {
  double p = tp + fp ? double(tp) / double(tp + fp) : 0;
  double r = tp + fn ? double(tp) / double(tp + fn) : 0;
  if (which == 0) return p;
  if (which == 1) return r;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

// Adds to tp/fp/fn (indexed by type) the matches between `gold` and `pred`,
// each sorted by begin and without overlaps among its own phrases.
inline void count_phrase_matches(const std::vector<ScoredPhrase>& gold,
                                 const std::vector<ScoredPhrase>& pred, size_t* tp, size_t* fp,
                                 size_t* fn) {
  size_t g = 0, p = 0;
  while (g < gold.size() || p < pred.size()) {
    if (p == pred.size() || (g < gold.size() && gold[g][0] < pred[p][0])) {
      ++fn[gold[g++][2]];
    } else if (g == gold.size() || pred[p][0] < gold[g][0]) {
      ++fp[pred[p++][2]];
    } else {
      if (gold[g] == pred[p]) {
        ++tp[gold[g][2]];
      } else {
        ++fn[gold[g][2]];
        ++fp[pred[p][2]];
      }
      ++g;
      ++p;
    }
  }
}

}  // namespace cc
