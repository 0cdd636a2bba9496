// The attribution role tagger: a greedy left-to-right averaged perceptron
// that labels each token as part of a source, a cue, a content or none
// (BIO tags), trained on PolNeAR's univocal labels. It is stacked on the
// rules (nlp/attribution/attribution.cc): the role the rules gave each token
// is one of its features, so the model learns where the rules' spans stop
// short and which cues outside the lexicon news text uses ("came out in
// support of", "has been critical of"). The rules then turn its spans into
// attributions (names, chains, pronouns).
//
// Contract: RoleModel is loaded once and read-only afterwards; tag() is safe
// to call from many threads. Work is linear in the tokens: a fixed number of
// feature probes per token and class.
//
// Model file: nlp/perceptron.h's format with magic "CCATR001" and
// kNumRoleTags classes.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "nlp/perceptron.h"

namespace cc {

enum RoleTag : uint8_t { kRoleNone = 0, kBSource, kISource, kBCue, kICue, kBContent, kIContent };
inline constexpr int kNumRoleTags = 7;
// 0 none, 1 source, 2 cue, 3 content.
inline int role_of(uint8_t tag) { return (tag + 1) / 2; }
inline bool role_inside(uint8_t tag) { return tag != kRoleNone && tag % 2 == 0; }

// Facts about each token the features read, filled by the attribution
// component from the document and the rules' attributions.
enum RoleFlag : uint8_t {
  kFlagLexiconCue = 1,  // a cue phrase of the lexicon starts here
  kFlagInQuote = 2,     // inside a quotation
  kFlagCapitalized = 4,
  kFlagPunct = 8,
  kFlagNumber = 16,
  kFlagQuoteMark = 32,
  kFlagSpeechVerb = 64,    // a form of a WordNet communication verb
  kFlagThoughtVerb = 128,  // a form of a WordNet cognition verb
};

struct RoleTokens {
  std::vector<uint64_t> word;    // token_key of the token
  std::vector<uint64_t> suffix;  // affix_key of its last 3 bytes (0 when shorter)
  std::vector<uint64_t> shape;   // word shape
  std::vector<uint8_t> rule;     // the rules' RoleTag for the token
  std::vector<uint8_t> flags;    // RoleFlag bits
  // Sentences as [first, end) token indices.
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
};

// Reusable buffers for tagging, one per thread.
struct RoleScratch {
  std::vector<uint32_t> statics;      // features of the sentence that read no tags
  std::vector<float> static_scores;   // their weights summed, per token and tag
  std::vector<uint8_t> left, right;   // distances to the nearest lexicon cue
};

class RoleModel {
 public:
  static Result<RoleModel> load(const std::string& path);
  Status save(const std::string& path) const;
  // One RoleTag per token of the sentence [b, e) of `in`, into tags[0, e - b).
  // Reads only that sentence's entries of `in`.
  void tag(const RoleTokens& in, uint32_t b, uint32_t e, RoleScratch& scratch,
           uint8_t* tags) const;
  size_t rows() const { return model_.rows(); }

 private:
  friend class RoleTrainer;
  bool may_hold_cue(const RoleTokens& in, uint32_t b, uint32_t e) const;
  PerceptronModel model_;
};

class RoleTrainer {
 public:
  RoleTrainer() : trainer_(kNumRoleTags) {}
  // One pass over the sentences of one document with gold tags (one per
  // token); returns the number of tokens tagged wrong (with the weights as
  // they were).
  size_t learn(const RoleTokens& in, const std::vector<uint8_t>& gold);
  // Averages and drops feature rows whose weights are all below `prune`.
  RoleModel finish(float prune) const;
  size_t rows() const { return trainer_.rows(); }

 private:
  PerceptronTrainer trainer_;
  RoleScratch scratch_;
};

}  // namespace cc
