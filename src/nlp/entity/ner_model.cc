#include "nlp/entity/ner_model.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

namespace cc {

const char* ner_type_name(int type) {
  static const char* kNames[] = {"O", "PER", "ORG", "LOC", "MISC"};
  return type >= 0 && type < kNumNerTypes ? kNames[type] : "O";
}

namespace {

constexpr int kStaticFeatures = 31;
constexpr int kDynamicFeatures = 6;
constexpr int kFeatures = kStaticFeatures + kDynamicFeatures;
constexpr std::string_view kMagic = "CCNER001";

// Stand-ins for words beyond the sentence edges.
constexpr uint64_t kBefore1 = 0x1111, kBefore2 = 0x2222, kAfter1 = 0x3333, kAfter2 = 0x4444;

inline bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
// Cheap test for words that may be names: an upper-case ASCII or any
// non-ASCII first byte.
inline bool upper_initial_byte(std::string_view w) {
  return !w.empty() && (ascii_upper(static_cast<unsigned char>(w[0])) ||
                        static_cast<unsigned char>(w[0]) >= 0x80);
}

// Flag for words that never continue a name: lower-case words other than the
// few that join names ("Bank of England", "bin", "de").
constexpr uint8_t kNoInside = 16;
bool is_name_connector(uint64_t key) {
  static const std::vector<uint64_t> kKeys = [] {
    std::vector<uint64_t> keys;
    for (const char* w : {"of", "the", "and", "for", "on", "de", "du", "des", "la", "le", "van",
                          "von", "der", "den", "bin", "ibn", "al", "el", "da", "di", "del", "y",
                          "&", "at", "upon", "am", "an", "a", "in", "-", "'s", "to"})
      keys.push_back(token_key(w));
    return keys;
  }();
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

// "el-Sisi", "al-Assad": a lower-case particle joined to a name.
bool has_capitalized_part(std::string_view w) {
  for (size_t i = 0; i + 1 < w.size(); ++i)
    if (w[i] == '-' && upper_initial_byte(w.substr(i + 1))) return true;
  return false;
}

// A flat hash set/counter keyed by token_key, reset per document.
inline size_t probe(const std::vector<uint64_t>& keys, uint64_t key) {
  size_t mask = keys.size() - 1;
  size_t i = hash_mix(key) & mask;
  while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
  return i;
}

// Fills scratch.keys, shapes, gazetteer tags and static features for a
// document, and the set of words seen in lower case.
void extract(const NerInput& in, const NerLexicons& lex, NerScratch& s) {
  const Gazetteer* gaz = lex.gazetteer;
  const size_t n = in.words.size();
  s.keys.resize(n);
  s.shapes.resize(n);
  s.gaz_tag.assign(n, 0);
  s.name_tag.assign(n, 0);
  s.paths.assign(n, ClusterPath{});
  if (lex.clusters)
    for (size_t i = 0; i < n; ++i) s.paths[i] = lex.clusters->find(in.words[i]);
  s.feats.resize(n * kStaticFeatures);
  s.lower_seen.assign(open_table_size(n), 0);
  // Table sizes count exactly the words each table may receive, so no table
  // ever fills.
  size_t upper_initial = 0, capitalized = 0;
  // Per word: bit 0 capitalized, bit 1 lower-case first, bit 2 has a
  // lower-case letter, bit 3 has a letter, kNoInside.
  std::vector<uint8_t>& flags = s.flags;
  flags.resize(n);
  for (size_t i = 0; i < n; ++i) {
    s.keys[i] = token_key(in.words[i]);
    WordFacts f = word_facts(in.words[i]);
    s.shapes[i] = f.shape;
    flags[i] = static_cast<uint8_t>(f.capitalized | (f.lower_initial << 1) | (f.has_lower << 2) |
                                    (f.has_letter << 3));
    if (f.lower_initial && !is_name_connector(s.keys[i]) && !has_capitalized_part(in.words[i]))
      flags[i] |= kNoInside;
    upper_initial += upper_initial_byte(in.words[i]);
    capitalized += f.capitalized;
    if (f.lower_initial) {
      size_t slot = probe(s.lower_seen, s.keys[i]);
      s.lower_seen[slot] = s.keys[i];
    }
  }
  // Words written capitalized inside running text (not first in a sentence,
  // not all capitals): tells "BRUSSELS" in a headline from "THE".
  s.upper_seen.assign(open_table_size(capitalized + 1), 0);
  for (auto [b, e] : in.sentences) {
    for (uint32_t i = b + 1; i < e; ++i) {
      if ((flags[i] & 1) && (flags[i] & 4)) {
        size_t slot = probe(s.upper_seen, s.keys[i]);
        s.upper_seen[slot] = s.keys[i];
      }
    }
  }
  s.history_keys.assign(open_table_size(upper_initial + 1), 0);
  s.history_counts.assign(s.history_keys.size() * kNumNerTypes, 0);

  if (gaz) {
    s.gaz.clear();
    for (auto [b, e] : in.sentences) gaz->match(in.words, s.keys, b, e, s.gaz);
    for (const auto& m : s.gaz)
      for (uint32_t i = m.begin; i < m.end; ++i)
        s.gaz_tag[i] = static_cast<uint8_t>((m.entry->kinds << 1) | (i > m.begin));
  }

  if (lex.names) {
    std::vector<GazetteerMatch>& found = s.name_matches;
    found.clear();
    for (auto [b, e] : in.sentences) lex.names->match(in.words, s.keys, b, e, found);
    for (const auto& m : found) {
      uint8_t k = m.entry->kinds;
      uint8_t types = static_cast<uint8_t>(((k & kGazPerson) != 0) | ((k & kGazOrganization) != 0) << 1 |
                                           ((k & kGazLocation) != 0) << 2 |
                                           ((k & kGazMisc) != 0) << 3);
      for (uint32_t i = m.begin; i < m.end; ++i)
        s.name_tag[i] = static_cast<uint8_t>(types << 1 | (i > m.begin));
    }
  }

  for (auto [b, e] : in.sentences) {
    // A headline or all-caps line: capitalization says little there.
    size_t letters = 0, lowered = 0;
    for (uint32_t i = b; i < e; ++i) {
      letters += (flags[i] >> 3) & 1;
      lowered += (flags[i] >> 2) & 1;
    }
    uint64_t headline = letters >= 3 && lowered == 0 ? 2 : 0;
    for (uint32_t i = b; i < e; ++i) {
      auto w = [&](int d) -> uint64_t {
        int64_t j = static_cast<int64_t>(i) + d;
        if (j < b) return d == -1 ? kBefore1 : kBefore2;
        if (j >= e) return d == 1 ? kAfter1 : kAfter2;
        return s.keys[j];
      };
      auto sh = [&](int d) -> uint64_t {
        int64_t j = static_cast<int64_t>(i) + d;
        if (j < b) return kBefore1;
        if (j >= e) return kAfter1;
        return s.shapes[j];
      };
      auto gz = [&](int d) -> uint64_t {
        int64_t j = static_cast<int64_t>(i) + d;
        return j < b || j >= e ? 0x100 : s.gaz_tag[j];
      };
      std::string_view word = in.words[i];
      uint64_t seen = (s.lower_seen[probe(s.lower_seen, s.keys[i])] != 0) |
                      (s.upper_seen[probe(s.upper_seen, s.keys[i])] != 0) << 1;
      uint32_t* f = &s.feats[i * kStaticFeatures];
      f[0] = feature_key(1, 0);
      f[1] = feature_key(2, w(0));
      f[2] = feature_key(3, w(-1));
      f[3] = feature_key(4, w(1));
      f[4] = feature_key(5, w(-2));
      f[5] = feature_key(6, w(2));
      f[6] = feature_key(7, sh(0));
      f[7] = feature_key2(8, sh(-1), sh(0));
      f[8] = feature_key2(9, sh(0), sh(1));
      f[9] = feature_key(10, affix_key(word, 2, true));
      f[10] = feature_key(11, affix_key(word, 3, true));
      f[11] = feature_key(12, affix_key(word, 4, true));
      f[12] = feature_key(13, affix_key(word, 3, false));
      f[13] = feature_key2(14, w(-1), w(0));
      f[14] = feature_key2(15, w(0), w(1));
      f[15] = feature_key2(16, (i == b) | headline, sh(0));
      f[16] = feature_key(17, gz(0));
      f[17] = feature_key(18, gz(-1) << 18 | gz(0) << 9 | gz(1));
      f[18] = feature_key2(19, w(-1), gz(0));
      f[19] = feature_key2(20, seen << 2 | (i == b) | headline, sh(0));
      f[20] = feature_key2(21, w(-1), sh(0));
      f[21] = feature_key2(22, sh(0), w(1));
      // Word-cluster path prefixes of the word and its neighbours: what the
      // tagger learned of one word carries to words used alike.
      auto cl = [&](int d, uint32_t bits) -> uint64_t {
        int64_t j = static_cast<int64_t>(i) + d;
        if (j < b || j >= e) return 1;
        return s.paths[j].prefix(bits);
      };
      f[22] = feature_key(23, cl(0, 4));
      f[23] = feature_key(24, cl(0, 6));
      f[24] = feature_key(25, cl(0, 10));
      f[25] = feature_key(26, cl(0, 20));
      f[26] = feature_key(27, cl(-1, 6));
      f[27] = feature_key(28, cl(1, 6));
      f[28] = feature_key2(29, cl(0, 10), sh(0));
      // Name lists: the type a phrase was annotated as elsewhere.
      auto nm = [&](int d) -> uint64_t {
        int64_t j = static_cast<int64_t>(i) + d;
        return j < b || j >= e ? 0x20 : s.name_tag[j];
      };
      f[29] = feature_key(40, nm(0));
      f[30] = feature_key(41, nm(-1) << 12 | nm(0) << 6 | nm(1));
    }
  }
}

// Greedy decoding shared by tagging and training. Weights::add(key, scores)
// adds a feature's row; on_token(i, keys, best) sees each decision.
template <class Weights, class OnToken>
void decode(const NerInput& in, NerScratch& s, const Weights& weights, std::vector<uint8_t>& tags,
            std::vector<float>* margins, OnToken&& on_token) {
  const size_t n = in.words.size();
  tags.assign(n, kO);
  if (margins) margins->assign(n, 0);
  uint32_t keys[kFeatures];
  float scores[kNumNerTags];
  for (auto [b, e] : in.sentences) {
    uint8_t prev = kO, prev2 = kO;
    for (uint32_t i = b; i < e; ++i) {
      std::memcpy(keys, &s.feats[i * kStaticFeatures], sizeof(uint32_t) * kStaticFeatures);
      uint64_t w0 = s.keys[i];
      uint64_t sh0 = s.shapes[i];
      size_t hslot = probe(s.history_keys, w0);
      uint64_t history = 0;
      if (s.history_keys[hslot] == w0) {
        const uint16_t* c = &s.history_counts[hslot * kNumNerTypes];
        history = 1 + (std::max_element(c, c + kNumNerTypes) - c);
      }
      uint32_t* d = keys + kStaticFeatures;
      d[0] = feature_key(30, prev);
      d[1] = feature_key2(31, prev2, prev);
      d[2] = feature_key2(32, prev, w0);
      d[3] = feature_key2(33, prev, sh0);
      d[4] = feature_key(34, history);
      d[5] = feature_key2(35, prev, s.gaz_tag[i]);
      std::fill(scores, scores + kNumNerTags, 0.f);
      for (uint32_t k : keys) weights.add(k, scores);
      int best = -1, second = -1;
      for (int t = 0; t < kNumNerTags; ++t) {
        if (ner_is_inside(static_cast<uint8_t>(t)) &&
            (prev == kO || ner_type_of(prev) != ner_type_of(static_cast<uint8_t>(t)) ||
             (s.flags[i] & kNoInside)))
          continue;
        if (best < 0 || scores[t] > scores[best]) {
          second = best;
          best = t;
        } else if (second < 0 || scores[t] > scores[second]) {
          second = t;
        }
      }
      on_token(i, keys, best);
      tags[i] = static_cast<uint8_t>(best);
      if (margins) (*margins)[i] = scores[best] - scores[second];
      // Remember what capitalized words were tagged as, for later mentions.
      if (upper_initial_byte(in.words[i])) {
        if (s.history_keys[hslot] == 0) s.history_keys[hslot] = w0;
        if (s.history_keys[hslot] == w0) {
          uint16_t& c = s.history_counts[hslot * kNumNerTypes + ner_type_of(tags[i])];
          if (c < 0xffff) ++c;
        }
      }
      prev2 = prev;
      prev = tags[i];
    }
  }
}

}  // namespace

// "Sure" and "unsure" are the margins at which tagged mentions were 94% and
// 66% precise on eng.testa (see margin_confidence in entity.cc); the pair was
// chosen on eng.testa among 12/6, 16/8, 24/8, 24/12, 24/16 and 32/12 (all
// within 0.0015 F1 of each other).
constexpr float kSureMargin = 24, kUnsureMargin = 12;

void settle_lone_names(const NerInput& input, NerScratch& s, std::vector<uint8_t>& tags,
                       const std::vector<float>& margins) {
  const size_t n = tags.size();
  size_t tagged = 0;
  for (uint8_t t : tags) tagged += t != kO;
  if (tagged == 0) return;
  std::vector<uint64_t>& keys = s.vote_keys;
  std::vector<float>& votes = s.votes;
  keys.assign(open_table_size(tagged + 1), 0);
  votes.assign(keys.size() * kNumNerTypes, 0);
  // Votes: each capitalized word of a name tagged with a wide margin.
  for (size_t i = 0; i < n;) {
    if (tags[i] == kO) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    float margin = margins[i];
    while (j < n && ner_is_inside(tags[j])) margin = std::min(margin, margins[j++]);
    if (margin >= kSureMargin)
      for (size_t k = i; k < j; ++k) {
        if (!upper_initial_byte(input.words[k])) continue;
        uint64_t key = token_key(input.words[k]);
        size_t slot = probe(keys, key);
        keys[slot] = key;
        votes[slot * kNumNerTypes + ner_type_of(tags[i])] += margin;
      }
    i = j;
  }
  // Unsure one-word names take their word's winning type.
  for (size_t i = 0; i < n; ++i) {
    if (tags[i] == kO || ner_is_inside(tags[i]) || (i + 1 < n && ner_is_inside(tags[i + 1])) ||
        margins[i] >= kUnsureMargin)
      continue;
    uint64_t key = token_key(input.words[i]);
    size_t slot = probe(keys, key);
    if (keys[slot] != key) continue;
    const float* v = &votes[slot * kNumNerTypes];
    int best = static_cast<int>(std::max_element(v + 1, v + kNumNerTypes) - v);
    if (best != ner_type_of(tags[i])) tags[i] = static_cast<uint8_t>(2 * best - 1);
  }
}

void NerModel::tag(const NerInput& input, const NerLexicons& lexicons, NerScratch& scratch,
                   std::vector<uint8_t>& tags, std::vector<float>* margins) const {
  extract(input, lexicons, scratch);
  std::vector<float>& m = margins ? *margins : scratch.margins;
  decode(input, scratch, weights_, tags, &m, [](uint32_t, const uint32_t*, int) {});
  for (float& x : m) x /= weights_.scale();
  settle_lone_names(input, scratch, tags, m);
}

Result<NerModel> NerModel::load(const std::string& path) {
  auto weights = PerceptronModel::load(path, kMagic, kNumNerTags, "NER model");
  if (!weights.ok()) return weights.status();
  NerModel m;
  m.weights_ = std::move(weights.value());
  return m;
}

Status NerModel::save(const std::string& path) const {
  return weights_.save(path, kMagic, "NER model");
}

size_t NerTrainer::train_epoch(const std::vector<NerInput>& docs,
                               const std::vector<std::vector<uint8_t>>& gold) {
  size_t errors = 0;
  std::vector<uint8_t> tags;
  for (size_t d = 0; d < docs.size(); ++d) {
    extract(docs[d], lexicons_, scratch_);
    decode(docs[d], scratch_, weights_, tags, nullptr,
           [&](uint32_t i, const uint32_t* keys, int best) {
             errors += best != gold[d][i];
             weights_.learn(keys, kFeatures, gold[d][i], best);
           });
  }
  return errors;
}

NerModel NerTrainer::finish(float prune) const {
  NerModel m;
  m.weights_ = weights_.finish(prune);
  return m;
}

int map_corpus_type(std::string_view type) {
  if (type == "PER" || type == "person" || type == "per") return 1;
  if (type == "ORG" || type == "corporation" || type == "group" || type == "org") return 2;
  if (type == "LOC" || type == "location" || type == "geo" || type == "gpe") return 3;
  if (type == "MISC" || type == "creative-work" || type == "product" || type == "nat" ||
      type == "eve" || type == "art")
    return 4;
  return 0;
}

Result<NerCorpus> read_iob_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const bool has_docs = text.find("-DOCSTART-") != std::string::npos;

  NerCorpus c;
  c.storage.reserve(text.size());
  // Word offsets into storage per document, turned into views at the end.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> spans;
  auto new_doc = [&] {
    if (c.docs.empty() || !c.docs.back().sentences.empty()) {
      c.docs.emplace_back();
      c.tags.emplace_back();
      spans.emplace_back();
    }
  };
  auto end_sentence = [&] {
    if (c.docs.empty()) return;
    NerInput& d = c.docs.back();
    uint32_t first = d.sentences.empty() ? 0 : d.sentences.back().second;
    auto n = static_cast<uint32_t>(spans.back().size());
    if (n > first) d.sentences.emplace_back(first, n);
    if (!has_docs) new_doc();
  };
  new_doc();
  int prev_type = 0;
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    // A stray byte-order mark (WNUT-17 has one on a line of its own).
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.empty()) {
      end_sentence();
      prev_type = 0;
      continue;
    }
    if (line.starts_with("-DOCSTART-")) {
      end_sentence();
      new_doc();
      prev_type = 0;
      continue;
    }
    size_t word_end = line.find_first_of(" \t");
    size_t tag_begin = line.find_last_of(" \t");
    if (word_end == std::string_view::npos)
      return Status::error(path + ":" + std::to_string(line_no) + ": expected 'word ... tag'");
    std::string_view word = line.substr(0, word_end);
    std::string_view tag = line.substr(tag_begin + 1);
    if (word.size() > 3 && word[2] == ':' && word[0] >= 'a' && word[0] <= 'z') word.remove_prefix(3);
    int type = 0;
    char prefix = 'O';
    if (tag.size() > 2 && tag[1] == '-') {
      prefix = tag[0];
      type = map_corpus_type(tag.substr(2));
    } else if (tag != "O") {
      return Status::error(path + ":" + std::to_string(line_no) + ": unknown tag '" +
                           std::string(tag) + "'");
    }
    uint8_t t = kO;
    if (type > 0) {
      bool begins = prefix == 'B' || prev_type != type;
      t = static_cast<uint8_t>(2 * type - (begins ? 1 : 0));
    }
    prev_type = type;
    spans.back().emplace_back(static_cast<uint32_t>(c.storage.size()),
                              static_cast<uint32_t>(word.size()));
    c.storage.append(word);
    c.tags.back().push_back(t);
    ++c.tokens;
  }
  end_sentence();
  if (!c.docs.empty() && c.docs.back().sentences.empty()) {
    c.docs.pop_back();
    c.tags.pop_back();
    spans.pop_back();
  }
  for (size_t d = 0; d < c.docs.size(); ++d)
    for (auto [off, len] : spans[d]) c.docs[d].words.emplace_back(c.storage.data() + off, len);
  return c;
}

}  // namespace cc
