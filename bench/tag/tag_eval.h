// Scoring for the POS tagger and the chunker: token accuracy, and
// phrase-level chunk P/R/F1 as conlleval counts it (a phrase is right only
// when its type and both boundaries match).
#pragma once

#include <array>
#include <cstdio>
#include <vector>

#include "../phrase_match.h"
#include "nlp/tag/tagger.h"

namespace cc {

struct PosScore {
  size_t right = 0, total = 0;
  // Classes as the tagger writes them; quotes are one class in the corpora.
  void add(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& pred) {
    for (size_t i = 0; i < gold.size(); ++i) {
      ++total;
      right += gold[i] == pred[i];
    }
  }
  double accuracy() const { return total ? double(right) / double(total) : 0; }
};

struct ChunkScore {
  size_t tp[kNumChunkTypes] = {}, fp[kNumChunkTypes] = {}, fn[kNumChunkTypes] = {};

  // IOB2 classes of one corpus; `sentences` keeps phrases from crossing them.
  void add(const std::vector<std::pair<uint32_t, uint32_t>>& sentences,
           const std::vector<uint8_t>& gold, const std::vector<uint8_t>& pred) {
    for (auto [b, e] : sentences) {
      auto g = phrases(gold, b, e), p = phrases(pred, b, e);
      count_phrase_matches(g, p, tp, fp, fn);
    }
  }

  // Overall F1 (over all types).
  double f1() const {
    size_t TP = 0, FP = 0, FN = 0;
    for (int t = 1; t < kNumChunkTypes; ++t) TP += tp[t], FP += fp[t], FN += fn[t];
    return prf(TP, FP, FN, 2);
  }

  // P/R/F1 per type with gold phrases, then overall.
  void print(const char* label) const {
    size_t TP = 0, FP = 0, FN = 0;
    for (int t = 1; t < kNumChunkTypes; ++t) {
      TP += tp[t], FP += fp[t], FN += fn[t];
      if (tp[t] + fn[t] == 0) continue;
      std::printf("  %-24s %-5s P %.4f  R %.4f  F1 %.4f  (gold %zu)\n", label,
                  chunk_type_name(static_cast<ChunkType>(t)), prf(tp[t], fp[t], fn[t], 0),
                  prf(tp[t], fp[t], fn[t], 1), prf(tp[t], fp[t], fn[t], 2), tp[t] + fn[t]);
    }
    std::printf("  %-24s all   P %.4f  R %.4f  F1 %.4f  (gold %zu)\n", label, prf(TP, FP, FN, 0),
                prf(TP, FP, FN, 1), prf(TP, FP, FN, 2), TP + FN);
  }

 private:
  // [begin, end, type] of each phrase; an I- class after another type (which
  // the chunker never writes, but corpora may) opens a phrase, as in conlleval.
  static std::vector<ScoredPhrase> phrases(const std::vector<uint8_t>& c, size_t b,
                                                    size_t e) {
    std::vector<ScoredPhrase> out;
    for (size_t i = b; i < e;) {
      if (c[i] == 0) {
        ++i;
        continue;
      }
      size_t type = static_cast<size_t>(chunk_type_of_class(c[i]));
      size_t j = i + 1;
      while (j < e && c[j] != 0 && !chunk_class_begins(c[j]) &&
             static_cast<size_t>(chunk_type_of_class(c[j])) == type)
        ++j;
      out.push_back({i, j, type});
      i = j;
    }
    return out;
  }
};

}  // namespace cc
