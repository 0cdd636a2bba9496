#include "nlp/attribution/roles.h"

#include <algorithm>

namespace cc {

namespace {

constexpr char kMagic[] = "CCATR001";

// Feature templates; the numbers are part of the model file.
enum Template : uint32_t {
  kBias = 1,
  kWord,
  kPrevWord,
  kNextWord,
  kPrevWord2,
  kNextWord2,
  kPrevWordWord,
  kWordNextWord,
  kSuffix,
  kShape,
  kRule,
  kPrevRuleRule,
  kRuleNextRule,
  kRuleWord,
  kFlags,
  kLexLeft,
  kLexRight,
  kLexBoth,
  kPrevTag,
  kPrevTags,
  kPrevTagWord,
  kPrevTagRule,
  kSeen,
  kPosition,
  kWordInQuote,
  kPrevTagLexRight,
  kRuleAround,
  kQuoteNear,
  kCapsAround,
  kVerbsAround,
};

constexpr uint8_t kNoLexicon = 255;
// A sentence is tagged only when some token could start a cue: a rule or
// lexicon cue there, or a word whose own weight favours a cue tag. The rest
// cost one probe a token, and the tags of a sentence without a cue make no
// attribution anyway. In averaged-perceptron weight units.
constexpr float kCueEvidence = 1.0f;

// Distance to the nearest lexicon cue, in a few buckets.
uint64_t distance_bucket(uint8_t d) {
  if (d == kNoLexicon) return 9;
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 14) return 6;
  return 7;
}

// Per sentence: distance from each token to the nearest lexicon cue start
// on its left (itself included) and on its right, capped.
void lexicon_distances(const RoleTokens& in, uint32_t b, uint32_t e, std::vector<uint8_t>& left,
                       std::vector<uint8_t>& right) {
  left.assign(e - b, kNoLexicon);
  right.assign(e - b, kNoLexicon);
  int last = -1;
  for (uint32_t i = b; i < e; ++i) {
    if (in.flags[i] & kFlagLexiconCue) last = static_cast<int>(i);
    if (last >= 0) left[i - b] = static_cast<uint8_t>(std::min<uint32_t>(i - last, 254));
  }
  last = -1;
  for (uint32_t i = e; i-- > b;) {
    if (in.flags[i] & kFlagLexiconCue) last = static_cast<int>(i);
    if (last >= 0) right[i - b] = static_cast<uint8_t>(std::min<uint32_t>(last - i, 254));
  }
}

// The features of one sentence that do not depend on earlier decisions,
// kStatic slots per token (0 for a feature left out).
constexpr size_t kStatic = 23;
void static_features(const RoleTokens& in, uint32_t b, uint32_t e, const std::vector<uint8_t>& left,
                     const std::vector<uint8_t>& right, std::vector<uint32_t>& out) {
  out.clear();
  constexpr uint64_t kBoundary = 0x5eed;  // the word before the first / after the last
  // The nearest token the rules gave a role, and the nearest quote mark, on
  // each side: (role or 1) << 8 | distance bucket, 0 when none.
  auto nearest = [&](auto pick, std::vector<uint16_t>& before, std::vector<uint16_t>& after) {
    before.assign(e - b, 0);
    after.assign(e - b, 0);
    int last = -1;
    uint64_t what = 0;
    for (uint32_t i = b; i < e; ++i) {
      if (last >= 0)
        before[i - b] = static_cast<uint16_t>(what << 8 | distance_bucket(std::min<uint32_t>(i - last, 254)));
      if (uint64_t p = pick(i)) last = static_cast<int>(i), what = p;
    }
    last = -1;
    for (uint32_t i = e; i-- > b;) {
      if (last >= 0)
        after[i - b] = static_cast<uint16_t>(what << 8 | distance_bucket(std::min<uint32_t>(last - i, 254)));
      if (uint64_t p = pick(i)) last = static_cast<int>(i), what = p;
    }
  };
  std::vector<uint16_t> rule_before, rule_after, quote_before, quote_after;
  nearest([&](uint32_t i) -> uint64_t { return role_of(in.rule[i]); }, rule_before, rule_after);
  nearest([&](uint32_t i) -> uint64_t { return (in.flags[i] & kFlagQuoteMark) ? 1 : 0; },
          quote_before, quote_after);
  auto caps = [&](int64_t k) -> uint64_t {
    return k < b || k >= e ? 3 : (in.flags[k] & (kFlagCapitalized | kFlagPunct)) >> 2;
  };
  auto verbs = [&](int64_t k) -> uint64_t { return k < b || k >= e ? 0 : in.flags[k] >> 6; };
  for (uint32_t i = b; i < e; ++i) {
    auto word_at = [&](int64_t k) {
      return k < b || k >= e ? kBoundary : in.word[static_cast<size_t>(k)];
    };
    auto rule_at = [&](int64_t k) -> uint64_t {
      return k < b || k >= e ? 15 : in.rule[static_cast<size_t>(k)];
    };
    uint64_t w = in.word[i], rule = in.rule[i];
    uint64_t in_quote = (in.flags[i] & kFlagInQuote) ? 1 : 0;
    uint64_t lex_left = distance_bucket(left[i - b]), lex_right = distance_bucket(right[i - b]);
    out.push_back(feature_key(kBias, 0));
    out.push_back(feature_key(kWord, w));
    out.push_back(feature_key(kPrevWord, word_at(int64_t{i} - 1)));
    out.push_back(feature_key(kNextWord, word_at(int64_t{i} + 1)));
    out.push_back(feature_key(kPrevWord2, word_at(int64_t{i} - 2)));
    out.push_back(feature_key(kNextWord2, word_at(int64_t{i} + 2)));
    out.push_back(feature_key2(kPrevWordWord, word_at(int64_t{i} - 1), w));
    out.push_back(feature_key2(kWordNextWord, w, word_at(int64_t{i} + 1)));
    out.push_back(feature_key(kSuffix, in.suffix[i]));
    out.push_back(feature_key(kShape, in.shape[i]));
    out.push_back(feature_key(kRule, rule));
    out.push_back(feature_key(kPrevRuleRule, rule_at(int64_t{i} - 1) << 4 | rule));
    out.push_back(feature_key(kRuleNextRule, rule << 4 | rule_at(int64_t{i} + 1)));
    // Word pairings that speak only inside a rule's span, a quote, or after
    // a tagged token are left out elsewhere (0): most tokens are outside, and
    // each feature left out is one probe fewer.
    out.push_back(rule != kRoleNone ? feature_key2(kRuleWord, rule, w) : 0);
    out.push_back(feature_key(kFlags, in.flags[i]));
    out.push_back(feature_key(kLexLeft, lex_left));
    out.push_back(feature_key(kLexRight, lex_right));
    out.push_back(feature_key(kRuleAround, (uint64_t{rule_before[i - b]} << 16 | rule_after[i - b]) << 4 | rule));
    out.push_back(feature_key(kQuoteNear, uint64_t{quote_before[i - b]} << 16 | quote_after[i - b]));
    out.push_back(feature_key(kVerbsAround, verbs(int64_t{i} - 2) << 6 | verbs(int64_t{i} - 1) << 4 |
                                                verbs(i) << 2 | verbs(int64_t{i} + 1)));
    out.push_back(feature_key(kCapsAround, caps(int64_t{i} - 1) << 4 | caps(i) << 2 | caps(int64_t{i} + 1)));
    out.push_back(feature_key(kLexBoth, (lex_left << 8 | lex_right) << 1 | in_quote));
    out.push_back(in_quote ? feature_key2(kWordInQuote, w, in_quote) : 0);
  }
}

// Features that read the tags already given in the sentence.
constexpr size_t kDynamic = 7;
void dynamic_features(const RoleTokens& in, uint32_t i, uint32_t b, uint8_t p1, uint8_t p2,
                      uint8_t seen, uint64_t lex_right, uint32_t* out) {
  uint64_t rule = in.rule[i];
  uint64_t position = std::min<uint64_t>(i - b, 3);
  out[0] = feature_key(kPrevTag, p1);
  out[1] = feature_key(kPrevTags, uint64_t{p1} << 4 | p2);
  out[2] = p1 != kRoleNone ? feature_key2(kPrevTagWord, p1, in.word[i]) : 0;
  out[3] = feature_key(kPrevTagRule, uint64_t{p1} << 4 | rule);
  out[4] = feature_key(kSeen, uint64_t{seen} << 4 | role_of(p1));
  out[5] = feature_key(kPosition, position << 4 | rule);
  out[6] = feature_key(kPrevTagLexRight, uint64_t{p1} << 4 | lex_right);
}

// The best-scoring tag. An inside tag may follow any tag: readers of the tags
// start a new span there (training with the tagger's own history would
// otherwise push weights toward tags it could never choose).
int best_tag(const float* scores) {
  int best = 0;
  for (int t = 1; t < kNumRoleTags; ++t)
    if (scores[t] > scores[best]) best = t;
  return best;
}

// Tags the sentence [b, e) greedily; `step` is called for each decision
// with its features, the token index and the tag chosen, and returns the tag
// the next decisions read.
template <bool batched, class Score, class Step>
void run_sentence(const RoleTokens& in, uint32_t b, uint32_t e, RoleScratch& scratch,
                  const Score& score, Step step) {
  auto& [statics, static_scores, left, right] = scratch;
  lexicon_distances(in, b, e, left, right);
  static_features(in, b, e, left, right, statics);
  // Tagging sums the static features' weights for every token first: the
  // lookups do not wait on one another, so their memory fetches overlap.
  // Training sums them token by token, after the updates of earlier tokens.
  static_scores.assign(size_t{e - b} * kNumRoleTags, 0.f);
  if (batched)
    for (size_t k = 0; k < statics.size(); ++k)
      if (statics[k]) score(statics[k], &static_scores[k / kStatic * kNumRoleTags]);
  uint8_t p1 = kRoleNone, p2 = kRoleNone, seen = 0;
  uint32_t keys[kStatic + kDynamic];
  for (uint32_t i = b; i < e; ++i) {
    size_t n = 0;
    for (size_t k = size_t{i - b} * kStatic; k < size_t{i - b + 1} * kStatic; ++k)
      if (statics[k]) keys[n++] = statics[k];
    uint32_t dynamic[kDynamic];
    dynamic_features(in, i, b, p1, p2, seen, distance_bucket(right[i - b]), dynamic);
    float scores[kNumRoleTags];
    std::copy_n(&static_scores[size_t{i - b} * kNumRoleTags], kNumRoleTags, scores);
    if (!batched)
      for (size_t k = 0; k < n; ++k) score(keys[k], scores);
    for (uint32_t k : dynamic) {
      if (!k) continue;
      keys[n++] = k;
      score(k, scores);
    }
    uint8_t tag = step(keys, n, i, static_cast<uint8_t>(best_tag(scores)));
    p2 = p1;
    p1 = tag;
    if (tag != kRoleNone) seen |= static_cast<uint8_t>(1 << (role_of(tag) - 1));
  }
}

}  // namespace

Result<RoleModel> RoleModel::load(const std::string& path) {
  auto m = PerceptronModel::load(path, kMagic, kNumRoleTags, "attribution role model");
  if (!m.ok()) return m.status();
  RoleModel out;
  out.model_ = std::move(m.value());
  return out;
}

Status RoleModel::save(const std::string& path) const {
  return model_.save(path, kMagic, "attribution role model");
}

bool RoleModel::may_hold_cue(const RoleTokens& in, uint32_t b, uint32_t e) const {
  for (uint32_t i = b; i < e; ++i) {
    if (in.rule[i] != kRoleNone || (in.flags[i] & kFlagLexiconCue)) return true;
    float scores[kNumRoleTags] = {};
    model_.add(feature_key(kWord, in.word[i]), scores);
    float evidence = kCueEvidence * model_.scale();
    if (scores[kBCue] > evidence || scores[kICue] > evidence) return true;
  }
  return false;
}

void RoleModel::tag(const RoleTokens& in, uint32_t b, uint32_t e, RoleScratch& scratch,
                    uint8_t* tags) const {
  if (!may_hold_cue(in, b, e)) {
    std::fill(tags, tags + (e - b), kRoleNone);
    return;
  }
  run_sentence<true>(
      in, b, e, scratch, [&](uint32_t key, float* scores) { model_.add(key, scores); },
      [&](const uint32_t*, size_t, uint32_t i, uint8_t guess) {
        tags[i - b] = guess;
        return guess;
      });
}

size_t RoleTrainer::learn(const RoleTokens& in, const std::vector<uint8_t>& gold) {
  size_t wrong = 0;
  for (auto [b, e] : in.sentences) {
    run_sentence<false>(
        in, b, e, scratch_, [&](uint32_t key, float* scores) { trainer_.add(key, scores); },
        [&](const uint32_t* keys, size_t n, uint32_t i, uint8_t guess) {
          uint8_t truth = gold[i];
          trainer_.learn(keys, n, truth, guess);
          if (truth != guess) ++wrong;
          // Later decisions read the tagger's own earlier tags, as they will
          // when it runs.
          return guess;
        });
  }
  return wrong;
}

RoleModel RoleTrainer::finish(float prune) const {
  RoleModel out;
  out.model_ = trainer_.finish(prune);
  return out;
}

}  // namespace cc
