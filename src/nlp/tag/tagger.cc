#include "nlp/tag/tagger.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "core/text.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

constexpr std::string_view kPosMagic = "CCPOS001";
constexpr std::string_view kChunkMagic = "CCCHK001";

// Stand-ins for words and tags beyond the sentence edges.
constexpr uint64_t kBefore1 = 0x1111, kBefore2 = 0x2222, kAfter1 = 0x3333, kAfter2 = 0x4444;
constexpr uint8_t kStartTag = 0xFF;

constexpr int kPosStatic = 21, kPosDynamic = 5;
constexpr int kChunkStatic = 16, kChunkDynamic = 4;
constexpr int kLanes = 4;  // sentences decoded side by side when tagging

// What tag_form() maps a code point to, or null to keep it.
const char* ascii_form(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
      return "\"";
    case 0x2013: case 0x2212: return "-";
    case 0x2014: case 0x2015: return "--";
    case 0x2026: return "...";
    case 0x00A3: case 0x20AC: case 0x00A5: case 0x20B9: case 0x20BD: case 0x20A9: return "$";
    default: return nullptr;
  }
}

// Per-word keys both models read.
void extract_words(const TagInput& in, TagScratch& s) {
  const size_t n = in.words.size();
  s.lower.resize(n);
  s.exact.resize(n);
  s.shape.resize(n);
  s.suffix3.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view form = tag_form(in.words[i], s.form);
    s.lower[i] = token_key(form);
    s.exact[i] = exact_key(form);
    s.shape[i] = word_facts(form).shape;
    s.suffix3[i] = affix_key(form, 3, true);
  }
}

// 1 for a sentence without lower-case letters (a headline in capitals,
// where capitalization says nothing), else 0.
uint64_t all_caps_sentence(const TagInput& in, uint32_t b, uint32_t e) {
  size_t letters = 0;
  for (uint32_t i = b; i < e; ++i)
    for (char ch : in.words[i]) {
      if (ch >= 'a' && ch <= 'z') return 0;
      letters += ch >= 'A' && ch <= 'Z';
    }
  return letters >= 3 ? 1 : 0;
}

// A word's neighbour d places away, or a stand-in beyond the sentence.
struct Window {
  uint32_t b, e;
  template <class T>
  uint64_t at(const std::vector<T>& v, uint32_t i, int d) const {
    int64_t j = static_cast<int64_t>(i) + d;
    if (j < b) return d == -1 ? kBefore1 : kBefore2;
    if (j >= e) return d == 1 ? kAfter1 : kAfter2;
    return v[j];
  }
};

void extract_pos(const TagInput& in, const TagDictionary& dict, TagScratch& s) {
  extract_words(in, s);
  s.feats.resize(in.words.size() * kPosStatic);
  s.next.resize(in.words.size());
  s.fixed.resize(in.words.size());
  std::string& buf = s.form;
  for (auto [b, e] : in.sentences) {
    const uint64_t caps = all_caps_sentence(in, b, e);
    const Window win{b, e};
    for (uint32_t i = b; i < e; ++i) {
      std::string_view form = tag_form(in.words[i], buf);
      const uint64_t lk = s.lower[i], sh = s.shape[i];
      const uint64_t where = (i == b) | caps << 1;
      s.next[i] = win.at(s.lower, i, 1);
      uint32_t* f = &s.feats[size_t{i} * kPosStatic];
      s.fixed[i] = dict.find(s.exact[i]);
      if (s.fixed[i] != TagDictionary::kNone) {
        std::fill(f, f + kPosStatic, 0u);  // never scored
        continue;
      }
      f[0] = feature_key(1, 0);
      // In a capitals headline the case-kept word is no better than its
      // lower-case form, and rarer.
      f[1] = feature_key(2, caps ? lk : s.exact[i]);
      f[2] = feature_key(3, lk);
      f[3] = feature_key(4, affix_key(form, 1, true));
      f[4] = feature_key(5, affix_key(form, 2, true));
      f[5] = feature_key(6, s.suffix3[i]);
      f[6] = feature_key(7, affix_key(form, 4, true));
      f[7] = feature_key(8, affix_key(form, 2, false));
      f[8] = feature_key(9, affix_key(form, 3, false));
      f[9] = feature_key2(10, where, sh);
      f[10] = feature_key(11, win.at(s.lower, i, -1));
      f[11] = feature_key(12, win.at(s.lower, i, 1));
      f[12] = feature_key(13, win.at(s.lower, i, -2));
      f[13] = feature_key(14, win.at(s.lower, i, 2));
      f[14] = feature_key(15, win.at(s.suffix3, i, -1));
      f[15] = feature_key(16, win.at(s.suffix3, i, 1));
      f[16] = feature_key2(17, win.at(s.shape, i, -1), sh);
      f[17] = feature_key2(18, sh, win.at(s.shape, i, 1));
      f[18] = feature_key2(19, win.at(s.lower, i, -1), lk);
      f[19] = feature_key2(20, lk, win.at(s.lower, i, 1));
      f[20] = feature_key2(21, where, lk);
    }
  }
}

void extract_chunk(const TagInput& in, const std::vector<uint8_t>& pos, TagScratch& s) {
  extract_words(in, s);
  s.feats.resize(in.words.size() * kChunkStatic);
  for (auto [b, e] : in.sentences) {
    const Window win{b, e};
    for (uint32_t i = b; i < e; ++i) {
      const uint64_t lk = s.lower[i];
      const uint64_t p0 = pos[i], pm1 = win.at(pos, i, -1), pm2 = win.at(pos, i, -2),
                     pp1 = win.at(pos, i, 1), pp2 = win.at(pos, i, 2);
      uint32_t* f = &s.feats[size_t{i} * kChunkStatic];
      f[0] = feature_key(101, 0);
      f[1] = feature_key(102, lk);
      f[2] = feature_key(103, win.at(s.lower, i, -1));
      f[3] = feature_key(104, win.at(s.lower, i, 1));
      f[4] = feature_key(107, p0);
      f[5] = feature_key(108, pm1);
      f[6] = feature_key(109, pp1);
      f[7] = feature_key2(112, pm1, p0);
      f[8] = feature_key2(113, p0, pp1);
      f[9] = feature_key2(114, pp1, pp2);
      f[10] = feature_key2(116, pm1 << 16 | p0, pp1);
      f[11] = feature_key2(117, pm2 << 16 | pm1, p0);
      f[12] = feature_key2(118, p0 << 16 | pp1, pp2);
      f[13] = feature_key2(119, lk, p0);
      f[14] = feature_key2(120, win.at(s.lower, i, -1), p0);
      f[15] = feature_key2(121, lk, pp1);
    }
  }
}

// Scores in 32-bit integers from the quantized rows: exact, and cheaper
// than floats. The static features of every word are looked up before
// decoding starts (independent lookups the processor overlaps), and each
// word's weights are fetched while the word before it is decided.
template <int Static>
struct QuantizedWeights {
  const PerceptronModel& model;
  const uint32_t* places;  // Static per word, from resolve()
  size_t words;
  using Score = int32_t;
  void add_static(uint32_t i, int32_t* scores) const {
    if (i + 1 < words)
      for (int k = 0; k < Static; ++k) model.prefetch(places[(size_t{i} + 1) * Static + k]);
    for (int k = 0; k < Static; ++k) model.add_at(places[size_t{i} * Static + k], scores);
  }
  void add(uint32_t key, int32_t* scores) const { model.add(key, scores); }
  void prefetch_key(uint32_t key) const { model.prefetch_key(key); }
};
template <int Static>
QuantizedWeights<Static> resolve(const PerceptronModel& model, TagScratch& s, size_t words) {
  constexpr size_t kAhead = 16;
  s.places.resize(s.feats.size());
  for (size_t j = 0; j < s.feats.size(); ++j) {
    if (j + kAhead < s.feats.size()) model.prefetch_key(s.feats[j + kAhead]);
    s.places[j] = s.feats[j] ? model.find(s.feats[j]) : 0;
  }
  return {model, s.places.data(), words};
}

template <int Static>
struct TrainingWeights {
  const PerceptronTrainer& trainer;
  const uint32_t* feats;
  using Score = float;
  void add_static(uint32_t i, float* scores) const {
    for (int k = 0; k < Static; ++k) trainer.add(feats[size_t{i} * Static + k], scores);
  }
  void add(uint32_t key, float* scores) const { trainer.add(key, scores); }
  void prefetch_key(uint32_t) const {}
};

// Greedy decoding shared by both models, for tagging and training.
// dynamic(i, prev, prev2, keys) writes the features that read earlier
// decisions; allowed(prev, t) says whether class t may follow class prev;
// on_token(i, dynamic keys, best) sees each decision that was scored; a
// word whose `fixed` class is not TagDictionary::kNone takes that class.
//
// Each sentence is decoded left to right on its own, but `Lanes` sentences
// take turns a word at a time: a word's features that read the decision
// before it are asked for as soon as that decision is made and used only
// after the other lanes' words, so the memory fetches overlap instead of
// waiting one after another. Training uses one lane, so that every update
// sees the one before it in sentence order.
template <int N, int Dynamic, int Lanes, class Weights, class Dyn, class Allowed, class OnToken>
void decode(const TagInput& in, const uint8_t* fixed, const Weights& weights,
            std::vector<uint8_t>& out, Dyn&& dynamic, Allowed&& allowed, OnToken&& on_token) {
  using Score = typename Weights::Score;
  struct Lane {
    uint32_t i = 0, e = 0;  // next word, sentence end; i == e: idle
    uint8_t prev = kStartTag, prev2 = kStartTag;
    uint32_t keys[Dynamic];
  };
  out.assign(in.words.size(), 0);
  Lane lanes[Lanes];
  size_t next_sentence = 0;
  auto is_fixed = [&](uint32_t i) { return fixed && fixed[i] != TagDictionary::kNone; };
  // Asks for the dynamic features of the lane's next word.
  auto ask = [&](Lane& l) {
    if (is_fixed(l.i)) return;
    dynamic(l.i, l.prev, l.prev2, l.keys);
    for (uint32_t k : l.keys) weights.prefetch_key(k);
  };
  // Gives an idle lane the next nonempty sentence; false when none is left.
  auto start = [&](Lane& l) {
    while (next_sentence < in.sentences.size()) {
      auto [b, e] = in.sentences[next_sentence++];
      if (b >= e) continue;
      l.i = b;
      l.e = e;
      l.prev = l.prev2 = kStartTag;
      ask(l);
      return true;
    }
    return false;
  };
  int active = 0;
  for (Lane& l : lanes) active += start(l);
  Score scores[N];
  while (active > 0) {
    for (Lane& l : lanes) {
      if (l.i == l.e) continue;
      const uint32_t i = l.i;
      if (is_fixed(i)) {
        out[i] = fixed[i];
      } else {
        std::fill(scores, scores + N, Score{0});
        weights.add_static(i, scores);
        for (uint32_t k : l.keys) weights.add(k, scores);
        int best = -1;
        for (int t = 0; t < N; ++t)
          if (allowed(l.prev, t) && (best < 0 || scores[t] > scores[best])) best = t;
        on_token(i, l.keys, best);
        out[i] = static_cast<uint8_t>(best);
      }
      l.prev2 = l.prev;
      l.prev = out[i];
      if (++l.i < l.e) {
        ask(l);
      } else if (!start(l)) {
        --active;
      }
    }
  }
}

template <int Lanes, class Weights, class OnToken>
void decode_pos(const TagInput& in, const TagScratch& s, const Weights& w,
                std::vector<uint8_t>& out, OnToken&& on_token) {
  decode<kNumPosClasses, kPosDynamic, Lanes>(
      in, s.fixed.data(), w, out,
      [&](uint32_t i, uint8_t prev, uint8_t prev2, uint32_t* d) {
        d[0] = feature_key(30, prev);
        d[1] = feature_key2(31, prev2, prev);
        d[2] = feature_key2(32, prev, s.lower[i]);
        d[3] = feature_key2(33, prev, s.suffix3[i]);
        d[4] = feature_key2(34, prev, s.next[i]);
      },
      [](uint8_t, int) { return true; }, on_token);
}

// An I- class continues a phrase of its own type.
bool chunk_follows(uint8_t prev, int t) {
  if (t == 0 || chunk_class_begins(t)) return true;
  return prev != kStartTag && prev != 0 && chunk_type_of_class(prev) == chunk_type_of_class(t);
}

template <int Lanes, class Weights, class OnToken>
void decode_chunk(const TagInput& in, const std::vector<uint8_t>& pos, const TagScratch& s,
                  const Weights& w, std::vector<uint8_t>& out, OnToken&& on_token) {
  decode<kNumChunkClasses, kChunkDynamic, Lanes>(
      in, nullptr, w, out,
      [&](uint32_t i, uint8_t prev, uint8_t prev2, uint32_t* d) {
        d[0] = feature_key(130, prev);
        d[1] = feature_key2(131, prev2, prev);
        d[2] = feature_key2(132, prev, pos[i]);
        d[3] = feature_key2(133, prev, s.lower[i]);
      },
      chunk_follows, on_token);
}

void ignore_decision(uint32_t, const uint32_t*, int) {}

}  // namespace

std::string_view tag_form(std::string_view word, std::string& buffer) {
  if (word == "``" || word == "''") return "\"";
  bool ascii = true;
  for (char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return word;
  buffer.clear();
  bool changed = false;
  for (size_t i = 0; i < word.size();) {
    size_t at = i;
    char32_t cp = next_code_point(word, i);
    if (const char* a = ascii_form(cp)) {
      buffer += a;
      changed = true;
    } else {
      buffer.append(word.substr(at, i - at));
    }
  }
  return changed ? std::string_view(buffer) : word;
}

// --- PosTagger, Chunker ---

Result<PosTagger> PosTagger::load(const std::string& model_path, const std::string& dict_path) {
  auto w = PerceptronModel::load(model_path, kPosMagic, kNumPosClasses, "POS model",
                                 ModelLayout::sparse);
  if (!w.ok()) return w.status();
  auto dict = TagDictionary::load(dict_path);
  if (!dict.ok()) return dict.status();
  PosTagger m;
  m.weights_ = std::move(w.value());
  m.dict_ = std::move(dict.value());
  return m;
}

Status PosTagger::save(const std::string& model_path, const std::string& dict_path) const {
  if (Status s = weights_.save(model_path, kPosMagic, "POS model", ModelLayout::sparse); !s.ok())
    return s;
  return dict_.save(dict_path);
}

void PosTagger::tag(const TagInput& input, TagScratch& scratch,
                    std::vector<uint8_t>& classes) const {
  extract_pos(input, dict_, scratch);
  decode_pos<kLanes>(input, scratch, resolve<kPosStatic>(weights_, scratch, input.words.size()), classes,
             ignore_decision);
}

Result<Chunker> Chunker::load(const std::string& path) {
  auto w = PerceptronModel::load(path, kChunkMagic, kNumChunkClasses, "chunk model", ModelLayout::sparse);
  if (!w.ok()) return w.status();
  Chunker m;
  m.weights_ = std::move(w.value());
  return m;
}

Status Chunker::save(const std::string& path) const {
  return weights_.save(path, kChunkMagic, "chunk model", ModelLayout::sparse);
}

void Chunker::tag(const TagInput& input, const std::vector<uint8_t>& pos, TagScratch& scratch,
                  std::vector<uint8_t>& classes) const {
  extract_chunk(input, pos, scratch);
  decode_chunk<kLanes>(input, pos, scratch,
               resolve<kChunkStatic>(weights_, scratch, input.words.size()), classes,
               ignore_decision);
}

uint64_t exact_key(std::string_view form) {
  uint64_t h = 0x84222325cbf29ce4ull;
  for (char ch : form) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= '0' && c <= '9') c = '0';
    h = (h ^ c) * 0x100000001b3ull;
  }
  return (h ^ (h >> 29)) | 1;
}

// --- TagDictionary ---

TagDictionary TagDictionary::build(const TagInput& corpus, const std::vector<uint8_t>& pos,
                                   size_t min_count, double min_share) {
  // Counts per word form (digits as 0, as the key reads them).
  std::unordered_map<std::string, std::array<uint32_t, kNumPosClasses>> counts;
  std::string buffer;
  for (size_t i = 0; i < corpus.words.size(); ++i) {
    std::string form(tag_form(corpus.words[i], buffer));
    for (char& c : form)
      if (c >= '0' && c <= '9') c = '0';
    auto [it, added] = counts.try_emplace(std::move(form));
    if (added) it->second.fill(0);
    ++it->second[pos[i]];
  }
  std::vector<std::pair<std::string, uint8_t>> words;
  for (const auto& [word, c] : counts) {
    uint64_t total = 0;
    for (uint32_t n : c) total += n;
    auto top = std::max_element(c.begin(), c.end()) - c.begin();
    if (total >= min_count && c[top] >= min_share * static_cast<double>(total))
      words.emplace_back(word, static_cast<uint8_t>(top));
  }
  std::sort(words.begin(), words.end());
  TagDictionary d;
  for (auto& [w, c] : words) d.add(std::move(w), c);
  return d;
}

void TagDictionary::add(std::string word, uint8_t pos_class) {
  uint64_t key = exact_key(word);
  words_.emplace_back(std::move(word), pos_class);
  if ((words_.size() + 1) * 2 > keys_.size()) {
    // Rebuild at twice the size.
    keys_.assign(open_table_size(words_.size() * 2), 0);
    classes_.assign(keys_.size(), kNone);
    for (const auto& [w, c] : words_) {
      uint64_t k = exact_key(w);
      size_t i = hash_mix(k) & (keys_.size() - 1);
      while (keys_[i] != 0 && keys_[i] != k) i = (i + 1) & (keys_.size() - 1);
      keys_[i] = k;
      classes_[i] = c;
    }
    return;
  }
  size_t i = hash_mix(key) & (keys_.size() - 1);
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & (keys_.size() - 1);
  keys_[i] = key;
  classes_[i] = pos_class;
}

uint8_t TagDictionary::find(uint64_t exact) const {
  if (keys_.empty()) return kNone;
  size_t mask = keys_.size() - 1;
  for (size_t i = hash_mix(exact) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == exact) return classes_[i];
    if (keys_[i] == 0) return kNone;
  }
}

Result<TagDictionary> TagDictionary::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read tag dictionary " + path);
  TagDictionary d;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    size_t space = line.rfind(' ');
    PosTag t = space == std::string::npos || space == 0 ? PosTag::none
                                                         : parse_pos_tag(line.substr(space + 1));
    if (t == PosTag::none)
      return Status::error("tag dictionary " + path + ":" + std::to_string(n) +
                           ": expected 'word TAG'");
    d.add(line.substr(0, space), pos_class(t));
  }
  return d;
}

Status TagDictionary::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::error("cannot write tag dictionary " + path);
  out << "# Words the POS tagger tags without scoring (nlp/tag/tagger.h): word TAG\n";
  for (const auto& [w, c] : words_) out << w << ' ' << pos_tag_name(pos_of_class(c)) << '\n';
  if (!out) return Status::error("error writing tag dictionary " + path);
  return Status();
}

// --- Trainers ---

namespace {

// The corpus with only the sentences of `order`, in that order, sharing the
// corpus's words: training decodes sentence by sentence.
TagInput reordered(const TagInput& corpus, const std::vector<uint32_t>& order) {
  TagInput in;
  in.words = corpus.words;
  for (uint32_t s : order) in.sentences.push_back(corpus.sentences[s]);
  return in;
}

}  // namespace

PosTrainer::PosTrainer(const TagInput& corpus, TagDictionary dict)
    : corpus_(corpus), dict_(std::move(dict)), weights_(kNumPosClasses) {
  extract_pos(corpus_, dict_, scratch_);
}

size_t PosTrainer::train_epoch(const std::vector<uint8_t>& gold,
                               const std::vector<uint32_t>& order) {
  size_t errors = 0;
  std::vector<uint8_t> out;
  uint32_t keys[kPosStatic + kPosDynamic];
  decode_pos<1>(reordered(corpus_, order), scratch_,
             TrainingWeights<kPosStatic>{weights_, scratch_.feats.data()}, out,
             [&](uint32_t i, const uint32_t* dynamic, int best) {
               errors += best != gold[i];
               std::memcpy(keys, &scratch_.feats[size_t{i} * kPosStatic], sizeof(uint32_t) * kPosStatic);
               std::memcpy(keys + kPosStatic, dynamic, sizeof(uint32_t) * kPosDynamic);
               weights_.learn(keys, kPosStatic + kPosDynamic, gold[i], best);
             });
  return errors;
}

PosTagger PosTrainer::finish(float prune) const {
  PosTagger m;
  m.weights_ = weights_.finish(prune);
  m.dict_ = dict_;
  return m;
}

ChunkTrainer::ChunkTrainer(const TagInput& corpus, const std::vector<uint8_t>& pos)
    : corpus_(corpus), pos_(pos), weights_(kNumChunkClasses) {
  extract_chunk(corpus_, pos_, scratch_);
}

size_t ChunkTrainer::train_epoch(const std::vector<uint8_t>& gold,
                                 const std::vector<uint32_t>& order) {
  size_t errors = 0;
  std::vector<uint8_t> out;
  uint32_t keys[kChunkStatic + kChunkDynamic];
  decode_chunk<1>(reordered(corpus_, order), pos_, scratch_,
               TrainingWeights<kChunkStatic>{weights_, scratch_.feats.data()}, out,
               [&](uint32_t i, const uint32_t* dynamic, int best) {
                 errors += best != gold[i];
                 std::memcpy(keys, &scratch_.feats[size_t{i} * kChunkStatic],
                             sizeof(uint32_t) * kChunkStatic);
                 std::memcpy(keys + kChunkStatic, dynamic, sizeof(uint32_t) * kChunkDynamic);
                 weights_.learn(keys, kChunkStatic + kChunkDynamic, gold[i], best);
               });
  return errors;
}

Chunker ChunkTrainer::finish(float prune) const {
  Chunker m;
  m.weights_ = weights_.finish(prune);
  return m;
}

// --- Corpus readers ---

namespace {

// Second halves of contractions that CoNLL and GMB write apart and the
// project's tokenizer keeps joined to the word before ("do" "n't" -> "don't").
bool is_contraction_tail(std::string_view w) {
  static const char* kTails[] = {"n't", "'m", "'re", "'ve", "'ll", "'d"};
  for (const char* t : kTails) {
    std::string_view tail(t);
    if (w.size() != tail.size()) continue;
    bool same = true;
    for (size_t i = 0; i < w.size(); ++i)
      same &= (w[i] | 0x20) == (tail[i] | 0x20) || w[i] == tail[i];
    if (same) return true;
  }
  return false;
}

// Builds a TagCorpus word by word.
class CorpusBuilder {
 public:
  explicit CorpusBuilder(size_t bytes) { c_.storage.reserve(bytes); }

  void add(std::string_view word, PosTag pos, int chunk) {
    size_t first = sentence_first_;
    // A contraction tail joins the word before; the word keeps its tags.
    if (spans_.size() > first && is_contraction_tail(word)) {
      c_.storage.append(word);
      spans_.back().second += static_cast<uint32_t>(word.size());
      return;
    }
    spans_.emplace_back(static_cast<uint32_t>(c_.storage.size()),
                        static_cast<uint32_t>(word.size()));
    c_.storage.append(word);
    c_.pos.push_back(pos_class(pos));
    if (chunk >= 0) c_.chunk.push_back(static_cast<uint8_t>(chunk));
  }
  void end_sentence() {
    if (spans_.size() > sentence_first_)
      c_.input.sentences.emplace_back(static_cast<uint32_t>(sentence_first_),
                                      static_cast<uint32_t>(spans_.size()));
    sentence_first_ = spans_.size();
  }
  TagCorpus finish() {
    end_sentence();
    for (auto [off, len] : spans_) c_.input.words.emplace_back(c_.storage.data() + off, len);
    return std::move(c_);
  }

 private:
  TagCorpus c_;
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // offset, length in storage
  size_t sentence_first_ = 0;
};

Result<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read " + path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The tag a corpus writes, with quotes in one class (the tagger decides
// opening from closing by the text, not the corpus) and "NN|SYM" read as its
// first tag.
PosTag corpus_pos(std::string_view name) {
  if (size_t bar = name.find('|'); bar != std::string_view::npos) name = name.substr(0, bar);
  PosTag t = parse_pos_tag(name);
  return t == PosTag::open_quote ? PosTag::close_quote : t;
}

std::string line_error(const std::string& path, size_t line, const std::string& what) {
  return path + ":" + std::to_string(line) + ": " + what;
}

// Splits one CSV record (RFC 4180 quoting) into fields.
void split_csv(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  fields.emplace_back();
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
}

}  // namespace

Result<TagCorpus> read_conll_tags(const std::string& path) {
  auto text = read_all(path);
  if (!text.ok()) return text.status();
  CorpusBuilder b(text->size());
  int prev_type = 0;
  size_t line_no = 0;
  std::string_view all = *text;
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.starts_with("-DOCSTART-")) {
      b.end_sentence();
      prev_type = 0;
      continue;
    }
    std::string_view cols[3];
    size_t n = 0;
    for (size_t i = 0; i < line.size() && n < 3;) {
      size_t j = line.find(' ', i);
      if (j == std::string_view::npos) j = line.size();
      cols[n++] = line.substr(i, j - i);
      i = j + 1;
    }
    if (n < 3) return Status::error(line_error(path, line_no, "expected 'word POS chunk ...'"));
    PosTag tag = corpus_pos(cols[1]);
    if (tag == PosTag::none)
      return Status::error(line_error(path, line_no, "unknown POS tag '" + std::string(cols[1]) + "'"));
    ChunkType type = parse_chunk_type(cols[2]);
    if (type == ChunkType::none && cols[2] != "O")
      return Status::error(
          line_error(path, line_no, "unknown chunk tag '" + std::string(cols[2]) + "'"));
    // IOB1 to IOB2: a phrase begins at B- or where the type changes.
    bool begins = cols[2][0] == 'B' || prev_type != static_cast<int>(type);
    prev_type = static_cast<int>(type);
    b.add(cols[0], tag, chunk_class(type, begins));
  }
  return b.finish();
}

Result<TagCorpus> read_gmb_csv(const std::string& path) {
  auto bytes = read_all(path);
  if (!bytes.ok()) return bytes.status();
  auto decoded = decode_text(*bytes);
  if (!decoded.ok()) return Status::error(path + ": " + decoded.status().message());
  std::string_view all = decoded->utf8;
  CorpusBuilder b(all.size());
  std::vector<std::string> fields;
  size_t line_no = 0;
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 || line.empty()) continue;  // the header
    split_csv(line, fields);
    if (fields.size() != 4 || fields[1].empty())
      return Status::error(line_error(path, line_no, "expected 'Sentence #,Word,POS,Tag'"));
    if (!fields[0].empty()) b.end_sentence();
    PosTag tag = corpus_pos(fields[2]);
    if (tag == PosTag::none)
      return Status::error(line_error(path, line_no, "unknown POS tag '" + fields[2] + "'"));
    b.add(fields[1], tag, -1);
  }
  return b.finish();
}

}  // namespace cc
