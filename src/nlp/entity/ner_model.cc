#include "nlp/entity/ner_model.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/text.h"

namespace cc {

const char* ner_type_name(int type) {
  static const char* kNames[] = {"O", "PER", "ORG", "LOC", "MISC"};
  return type >= 0 && type < kNumNerTypes ? kNames[type] : "O";
}

namespace {

constexpr int kStaticFeatures = 22;
constexpr int kDynamicFeatures = 6;
constexpr int kFeatures = kStaticFeatures + kDynamicFeatures;

// Stand-ins for words beyond the sentence edges.
constexpr uint64_t kBefore1 = 0x1111, kBefore2 = 0x2222, kAfter1 = 0x3333, kAfter2 = 0x4444;

inline uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
// A feature key: template id and value hashed to 32 bits, never 0.
inline uint32_t fkey(uint32_t tmpl, uint64_t value) {
  uint32_t k = static_cast<uint32_t>(mix(value * 0x9E3779B97F4A7C15ull + tmpl) >> 32);
  return k ? k : 1;
}
inline uint32_t fkey2(uint32_t tmpl, uint64_t a, uint64_t b) { return fkey(tmpl, mix(a) + b); }

inline bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
// Cheap test for words that may be names: an upper-case ASCII or any
// non-ASCII first byte.
inline bool upper_initial_byte(std::string_view w) {
  return !w.empty() && (ascii_upper(static_cast<unsigned char>(w[0])) ||
                        static_cast<unsigned char>(w[0]) >= 0x80);
}

struct WordFacts {
  uint64_t shape = 0;
  bool capitalized = false;   // first letter upper case
  bool lower_initial = false; // first character a lower-case letter
  bool has_lower = false;     // some letter is lower case
  bool has_letter = false;
};

// Word shape with runs collapsed ("Kim-Jong" -> "Xx-Xx", "1996" -> "d"),
// at most 8 classes, hashed.
WordFacts word_facts(std::string_view w) {
  WordFacts f;
  uint64_t h = 0xcbf29ce484222325ull;
  char last = 0;
  int classes = 0;
  bool first_letter = true, first_char = true;
  for (size_t i = 0; i < w.size();) {
    auto b = static_cast<unsigned char>(w[i]);
    char cls;
    bool upper = false, lower = false;
    if (b < 0x80) {
      ++i;
      upper = ascii_upper(b);
      lower = ascii_lower(b);
      cls = upper ? 'X' : lower ? 'x' : (b >= '0' && b <= '9') ? 'd' : static_cast<char>(b);
    } else {
      auto cp = static_cast<UChar32>(next_code_point(w, i));
      upper = u_isupper(cp);
      lower = !upper && u_isalpha(cp);
      cls = upper ? 'X' : lower ? 'x' : cp == 0x2019 ? '\'' : 'o';
    }
    if (upper || lower) {
      f.has_letter = true;
      f.has_lower |= lower;
      if (first_letter) {
        f.capitalized = upper;
        first_letter = false;
      }
    }
    if (first_char) f.lower_initial = lower;
    first_char = false;
    if (cls != last && classes < 8) {
      h = (h ^ static_cast<unsigned char>(cls)) * 0x100000001b3ull;
      last = cls;
      ++classes;
    }
  }
  f.shape = h;
  return f;
}

uint64_t affix_key(std::string_view w, size_t n, bool suffix) {
  if (w.size() < n) return 0;
  return token_key(suffix ? w.substr(w.size() - n) : w.substr(0, n)) + n;
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
size_t table_size(size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;
  return cap;
}
inline size_t probe(const std::vector<uint64_t>& keys, uint64_t key) {
  size_t mask = keys.size() - 1;
  size_t i = mix(key) & mask;
  while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
  return i;
}

// Fills scratch.keys, shapes, gazetteer tags and static features for a
// document, and the set of words seen in lower case.
void extract(const NerInput& in, const Gazetteer* gaz, NerScratch& s) {
  const size_t n = in.words.size();
  s.keys.resize(n);
  s.shapes.resize(n);
  s.gaz_tag.assign(n, 0);
  s.feats.resize(n * kStaticFeatures);
  s.lower_seen.assign(table_size(n), 0);
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
  s.upper_seen.assign(table_size(capitalized + 1), 0);
  for (auto [b, e] : in.sentences) {
    for (uint32_t i = b + 1; i < e; ++i) {
      if ((flags[i] & 1) && (flags[i] & 4)) {
        size_t slot = probe(s.upper_seen, s.keys[i]);
        s.upper_seen[slot] = s.keys[i];
      }
    }
  }
  s.history_keys.assign(table_size(upper_initial + 1), 0);
  s.history_counts.assign(s.history_keys.size() * kNumNerTypes, 0);

  if (gaz) {
    s.gaz.clear();
    for (auto [b, e] : in.sentences) gaz->match(in.words, s.keys, b, e, s.gaz);
    for (const auto& m : s.gaz)
      for (uint32_t i = m.begin; i < m.end; ++i)
        s.gaz_tag[i] = static_cast<uint8_t>((m.entry->kinds << 1) | (i > m.begin));
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
      f[0] = fkey(1, 0);
      f[1] = fkey(2, w(0));
      f[2] = fkey(3, w(-1));
      f[3] = fkey(4, w(1));
      f[4] = fkey(5, w(-2));
      f[5] = fkey(6, w(2));
      f[6] = fkey(7, sh(0));
      f[7] = fkey2(8, sh(-1), sh(0));
      f[8] = fkey2(9, sh(0), sh(1));
      f[9] = fkey(10, affix_key(word, 2, true));
      f[10] = fkey(11, affix_key(word, 3, true));
      f[11] = fkey(12, affix_key(word, 4, true));
      f[12] = fkey(13, affix_key(word, 3, false));
      f[13] = fkey2(14, w(-1), w(0));
      f[14] = fkey2(15, w(0), w(1));
      f[15] = fkey2(16, (i == b) | headline, sh(0));
      f[16] = fkey(17, gz(0));
      f[17] = fkey(18, gz(-1) << 18 | gz(0) << 9 | gz(1));
      f[18] = fkey2(19, w(-1), gz(0));
      f[19] = fkey2(20, seen << 2 | (i == b) | headline, sh(0));
      f[20] = fkey2(21, w(-1), sh(0));
      f[21] = fkey2(22, sh(0), w(1));
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
      d[0] = fkey(30, prev);
      d[1] = fkey2(31, prev2, prev);
      d[2] = fkey2(32, prev, w0);
      d[3] = fkey2(33, prev, sh0);
      d[4] = fkey(34, history);
      d[5] = fkey2(35, prev, s.gaz_tag[i]);
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

struct QuantizedWeights {
  const NerModel* model;
  const int16_t* (NerModel::*row)(uint32_t) const;
  void add(uint32_t key, float* scores) const {
    if (const int16_t* r = (model->*row)(key))
      for (int t = 0; t < kNumNerTags; ++t) scores[t] += r[t];
  }
};

}  // namespace

const int16_t* NerModel::row(uint32_t key) const {
  size_t mask = table_.size() - 1;
  for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
    uint64_t slot = table_[i];
    if (slot == 0) return nullptr;
    if (static_cast<uint32_t>(slot >> 32) == key)
      return &weights_[(static_cast<uint32_t>(slot) - 1) * kNumNerTags];
  }
}

void NerModel::build_index() {
  table_.assign(table_size(row_keys_.size() + 1), 0);
  size_t mask = table_.size() - 1;
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    size_t i = mix(row_keys_[r]) & mask;
    while (table_[i] != 0) i = (i + 1) & mask;
    table_[i] = uint64_t{row_keys_[r]} << 32 | (r + 1);
  }
}

void NerModel::tag(const NerInput& input, const Gazetteer* gazetteer, NerScratch& scratch,
                   std::vector<uint8_t>& tags, std::vector<float>* margins) const {
  extract(input, gazetteer, scratch);
  QuantizedWeights w{this, &NerModel::row};
  decode(input, scratch, w, tags, margins, [](uint32_t, const uint32_t*, int) {});
  if (margins)
    for (float& m : *margins) m /= scale_;
}

Result<NerModel> NerModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read NER model " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto bad = [&](const char* why) { return Status::error("NER model " + path + ": " + why); };
  if (bytes.size() < 20 || bytes.compare(0, 8, "CCNER001") != 0) return bad("not a model file");
  uint32_t tags = 0, rows = 0;
  NerModel m;
  std::memcpy(&tags, bytes.data() + 8, 4);
  std::memcpy(&rows, bytes.data() + 12, 4);
  std::memcpy(&m.scale_, bytes.data() + 16, 4);
  if (tags != kNumNerTags) return bad("unexpected tag count");
  if (!(m.scale_ > 0)) return bad("bad scale");
  size_t need = 20 + size_t{rows} * (4 + 2 * kNumNerTags);
  if (bytes.size() != need) return bad("truncated or oversized");
  m.row_keys_.resize(rows);
  m.weights_.resize(size_t{rows} * kNumNerTags);
  std::memcpy(m.row_keys_.data(), bytes.data() + 20, size_t{rows} * 4);
  std::memcpy(m.weights_.data(), bytes.data() + 20 + size_t{rows} * 4, m.weights_.size() * 2);
  m.build_index();
  return m;
}

Status NerModel::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::error("cannot write NER model " + path);
  uint32_t tags = kNumNerTags, rows = static_cast<uint32_t>(row_keys_.size());
  out.write("CCNER001", 8);
  out.write(reinterpret_cast<const char*>(&tags), 4);
  out.write(reinterpret_cast<const char*>(&rows), 4);
  out.write(reinterpret_cast<const char*>(&scale_), 4);
  out.write(reinterpret_cast<const char*>(row_keys_.data()), row_keys_.size() * 4);
  out.write(reinterpret_cast<const char*>(weights_.data()), weights_.size() * 2);
  if (!out) return Status::error("error writing NER model " + path);
  return Status();
}

size_t NerTrainer::train_epoch(const std::vector<NerInput>& docs,
                               const std::vector<std::vector<uint8_t>>& gold) {
  struct FloatWeights {
    const NerTrainer* t;
    void add(uint32_t key, float* scores) const {
      auto it = t->rows_.find(key);
      if (it == t->rows_.end()) return;
      const float* r = &t->w_[size_t{it->second} * kNumNerTags];
      for (int k = 0; k < kNumNerTags; ++k) scores[k] += r[k];
    }
  };
  size_t errors = 0;
  std::vector<uint8_t> tags;
  for (size_t d = 0; d < docs.size(); ++d) {
    extract(docs[d], gazetteer_, scratch_);
    decode(docs[d], scratch_, FloatWeights{this}, tags, nullptr,
           [&](uint32_t i, const uint32_t* keys, int best) {
             int truth = gold[d][i];
             ++step_;
             if (best == truth) return;
             ++errors;
             for (int k = 0; k < kFeatures; ++k) {
               auto [it, added] = rows_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
               if (added) {
                 w_.resize(w_.size() + kNumNerTags, 0.f);
                 acc_.resize(acc_.size() + kNumNerTags, 0.0);
               }
               size_t r = size_t{it->second} * kNumNerTags;
               w_[r + truth] += 1;
               acc_[r + truth] += static_cast<double>(step_);
               w_[r + best] -= 1;
               acc_[r + best] -= static_cast<double>(step_);
             }
           });
  }
  return errors;
}

NerModel NerTrainer::finish(float prune) const {
  std::vector<std::pair<uint32_t, uint32_t>> kept;  // key, row
  std::vector<float> avg(w_.size());
  float largest = 0;
  for (auto [key, r] : rows_) {
    float row_max = 0;
    for (int t = 0; t < kNumNerTags; ++t) {
      size_t k = size_t{r} * kNumNerTags + t;
      avg[k] = static_cast<float>(w_[k] - acc_[k] / static_cast<double>(step_));
      row_max = std::max(row_max, std::fabs(avg[k]));
    }
    if (row_max >= prune) {
      kept.emplace_back(key, r);
      largest = std::max(largest, row_max);
    }
  }
  std::sort(kept.begin(), kept.end());
  NerModel m;
  m.scale_ = largest > 0 ? 32767.f / largest : 1.f;
  for (auto [key, r] : kept) {
    m.row_keys_.push_back(key);
    for (int t = 0; t < kNumNerTags; ++t)
      m.weights_.push_back(
          static_cast<int16_t>(std::lround(avg[size_t{r} * kNumNerTags + t] * m.scale_)));
  }
  m.build_index();
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
