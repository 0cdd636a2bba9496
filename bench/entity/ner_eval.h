// Phrase-level scoring of IOB2 tag sequences, as conlleval does it: a mention
// counts as correct only when its type and both boundaries match exactly.
#pragma once

#include <array>
#include <cstdio>
#include <initializer_list>
#include <vector>

#include "../phrase_match.h"
#include "nlp/entity/ner_model.h"

namespace cc {

struct NerScore {
  size_t tp[kNumNerTypes] = {}, fp[kNumNerTypes] = {}, fn[kNumNerTypes] = {};

  // Adds the tags of one document (mentions never cross sentences, because
  // tagging restarts at each).
  void add(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& pred) {
    auto mentions = [](const std::vector<uint8_t>& tags) {
      std::vector<ScoredPhrase> out;
      for (size_t i = 0; i < tags.size();) {
        if (tags[i] == kO) {
          ++i;
          continue;
        }
        size_t j = i + 1;
        int type = ner_type_of(tags[i]);
        while (j < tags.size() && ner_is_inside(tags[j]) && ner_type_of(tags[j]) == type) ++j;
        out.push_back({i, j, static_cast<size_t>(type)});
        i = j;
      }
      return out;
    };
    auto g = mentions(gold), p = mentions(pred);
    count_phrase_matches(g, p, tp, fp, fn);
  }

  // Prints P/R/F1 per type and overall for `types` (1-4).
  void print(const char* label, std::initializer_list<int> types) const {
    size_t TP = 0, FP = 0, FN = 0;
    for (int t : types) {
      TP += tp[t];
      FP += fp[t];
      FN += fn[t];
      std::printf("  %-28s %-4s P %.4f  R %.4f  F1 %.4f  (gold %zu)\n", label, ner_type_name(t),
                  prf(tp[t], fp[t], fn[t], 0), prf(tp[t], fp[t], fn[t], 1),
                  prf(tp[t], fp[t], fn[t], 2), tp[t] + fn[t]);
    }
    std::printf("  %-28s all  P %.4f  R %.4f  F1 %.4f  (gold %zu)\n", label, prf(TP, FP, FN, 0),
                prf(TP, FP, FN, 1), prf(TP, FP, FN, 2), TP + FN);
  }
};

}  // namespace cc
