#include "nlp/perceptron.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

#include "core/text.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

inline bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

constexpr size_t kHeaderBytes = 20;  // magic, classes, rows, scale

}  // namespace

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

bool PerceptronModel::add_row(uint32_t key, const int16_t* weights) {
  const size_t first = entries_.size() / kBlock;
  if (first >= (size_t{1} << (32 - kBlockBits))) return false;
  for (int t = 0; t < classes_; ++t)
    if (weights[t] != 0)
      entries_.push_back(static_cast<uint32_t>(t) << 16 | static_cast<uint16_t>(weights[t]));
  while (entries_.size() % kBlock) entries_.push_back(0);
  if (entries_.size() / kBlock - first > kMaxBlocks) {  // more classes than a place can say
    entries_.resize(first * kBlock);
    return false;
  }
  row_keys_.push_back(key);
  row_places_.push_back(static_cast<uint32_t>(first << kBlockBits | (entries_.size() / kBlock - first)));
  return true;
}

void PerceptronModel::build_index() {
  table_.assign(open_table_size(row_keys_.size() + 1), 0);
  size_t mask = table_.size() - 1;
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    size_t i = hash_mix(row_keys_[r]) & mask;
    while (table_[i] != 0) i = (i + 1) & mask;
    table_[i] = uint64_t{row_keys_[r]} << 32 | row_places_[r];
  }
}

namespace {

// Little-endian reads from a loaded file; the caller checks sizes first.
template <class T>
T read_at(const std::string& bytes, size_t at) {
  T v;
  std::memcpy(&v, bytes.data() + at, sizeof(T));
  return v;
}

}  // namespace

Result<PerceptronModel> PerceptronModel::load(const std::string& path, std::string_view magic,
                                              int classes, const std::string& what,
                                              ModelLayout layout) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read " + what + " " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto bad = [&](const char* why) { return Status::error(what + " " + path + ": " + why); };
  if (bytes.size() < kHeaderBytes || bytes.compare(0, 8, magic) != 0)
    return bad("not a model file");
  PerceptronModel m;
  const auto tags = read_at<uint32_t>(bytes, 8), rows = read_at<uint32_t>(bytes, 12);
  m.scale_ = read_at<float>(bytes, 16);
  if (tags != static_cast<uint32_t>(classes)) return bad("unexpected tag count");
  if (!(m.scale_ > 0)) return bad("bad scale");
  m.classes_ = classes;
  m.row_keys_.reserve(rows);
  if (layout == ModelLayout::dense) {
    size_t need = kHeaderBytes + size_t{rows} * (4 + 2 * static_cast<size_t>(classes));
    if (bytes.size() != need) return bad("truncated or oversized");
    std::vector<int16_t> row(classes);
    const size_t weights_at = kHeaderBytes + size_t{rows} * 4;
    for (size_t r = 0; r < rows; ++r) {
      std::memcpy(row.data(), bytes.data() + weights_at + r * classes * 2, size_t{2} * classes);
      if (!m.add_row(read_at<uint32_t>(bytes, kHeaderBytes + r * 4), row.data()))
        return bad("too many weights");
    }
  } else {
    if (bytes.size() < kHeaderBytes + 4) return bad("truncated or oversized");
    const auto entries = read_at<uint32_t>(bytes, kHeaderBytes);
    const size_t keys_at = kHeaderBytes + 4, counts_at = keys_at + size_t{rows} * 4,
                 classes_at = counts_at + rows, weights_at = classes_at + entries;
    if (bytes.size() != weights_at + size_t{entries} * 2) return bad("truncated or oversized");
    // Rows are rebuilt densely one at a time: that checks the classes and
    // puts the weights in class order.
    std::vector<int16_t> row(classes);
    size_t e = 0;
    for (size_t r = 0; r < rows; ++r) {
      auto count = static_cast<uint8_t>(bytes[counts_at + r]);
      if (e + count > entries) return bad("row counts exceed the entries");
      std::fill(row.begin(), row.end(), 0);
      for (size_t k = 0; k < count; ++k, ++e) {
        auto cls = static_cast<uint8_t>(bytes[classes_at + e]);
        if (cls >= classes) return bad("class out of range");
        row[cls] = read_at<int16_t>(bytes, weights_at + e * 2);
      }
      if (!m.add_row(read_at<uint32_t>(bytes, keys_at + r * 4), row.data()))
        return bad("too many weights");
    }
    if (e != entries) return bad("row counts miss some entries");
  }
  m.build_index();
  return m;
}

Status PerceptronModel::save(const std::string& path, std::string_view magic,
                             const std::string& what, ModelLayout layout) const {
  if (layout == ModelLayout::sparse && classes_ > 256)
    return Status::error(what + " " + path + ": the sparse layout holds at most 256 classes");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::error("cannot write " + what + " " + path);
  auto put = [&](const auto& v) { out.write(reinterpret_cast<const char*>(&v), sizeof(v)); };
  out.write(magic.data(), 8);
  put(static_cast<uint32_t>(classes_));
  put(static_cast<uint32_t>(row_keys_.size()));
  put(scale_);
  // Walks the rows in key order: f(nonzero weights, their count) for each.
  std::vector<uint32_t> nonzero;
  auto each_row = [&](auto&& f) {
    for (uint32_t place : row_places_) {
      nonzero.clear();
      const uint32_t* e = &entries_[size_t{place >> kBlockBits} * kBlock];
      for (uint32_t k = 0; k < (place & kMaxBlocks) * kBlock; ++k)
        if (e[k] & 0xFFFF) nonzero.push_back(e[k]);
      f(nonzero);
    }
  };
  if (layout == ModelLayout::sparse) {
    uint32_t total = 0;
    each_row([&](const std::vector<uint32_t>& w) { total += static_cast<uint32_t>(w.size()); });
    put(total);
  }
  out.write(reinterpret_cast<const char*>(row_keys_.data()), row_keys_.size() * 4);
  if (layout == ModelLayout::dense) {
    std::vector<int16_t> row(classes_);
    each_row([&](const std::vector<uint32_t>& w) {
      std::fill(row.begin(), row.end(), 0);
      for (uint32_t x : w) row[x >> 16] = static_cast<int16_t>(x & 0xFFFF);
      out.write(reinterpret_cast<const char*>(row.data()), row.size() * 2);
    });
  } else {
    each_row([&](const std::vector<uint32_t>& w) { put(static_cast<uint8_t>(w.size())); });
    each_row([&](const std::vector<uint32_t>& w) {
      for (uint32_t x : w) put(static_cast<uint8_t>(x >> 16));
    });
    each_row([&](const std::vector<uint32_t>& w) {
      for (uint32_t x : w) put(static_cast<int16_t>(x & 0xFFFF));
    });
  }
  if (!out) return Status::error("error writing " + what + " " + path);
  return Status();
}

void PerceptronTrainer::add(uint32_t key, float* scores) const {
  auto it = rows_.find(key);
  if (it == rows_.end()) return;
  const float* r = &w_[size_t{it->second} * classes_];
  for (int k = 0; k < classes_; ++k) scores[k] += r[k];
}

void PerceptronTrainer::learn(const uint32_t* keys, size_t n, int truth, int guess) {
  ++step_;
  if (guess == truth) return;
  for (size_t k = 0; k < n; ++k) {
    auto [it, added] = rows_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
    if (added) {
      w_.resize(w_.size() + classes_, 0.f);
      acc_.resize(acc_.size() + classes_, 0.0);
    }
    size_t r = size_t{it->second} * classes_;
    w_[r + truth] += 1;
    acc_[r + truth] += static_cast<double>(step_);
    w_[r + guess] -= 1;
    acc_[r + guess] -= static_cast<double>(step_);
  }
}

PerceptronModel PerceptronTrainer::finish(float prune) const {
  std::vector<std::pair<uint32_t, uint32_t>> kept;  // key, row
  std::vector<float> avg(w_.size());
  float largest = 0;
  for (auto [key, r] : rows_) {
    float row_max = 0;
    for (int t = 0; t < classes_; ++t) {
      size_t k = size_t{r} * classes_ + t;
      avg[k] = static_cast<float>(w_[k] - acc_[k] / static_cast<double>(step_));
      row_max = std::max(row_max, std::fabs(avg[k]));
    }
    if (row_max >= prune) {
      kept.emplace_back(key, r);
      largest = std::max(largest, row_max);
    }
  }
  std::sort(kept.begin(), kept.end());
  PerceptronModel m;
  m.classes_ = classes_;
  m.scale_ = largest > 0 ? 32767.f / largest : 1.f;
  std::vector<int16_t> row(classes_);
  for (auto [key, r] : kept) {
    for (int t = 0; t < classes_; ++t)
      row[t] = static_cast<int16_t>(std::lround(avg[size_t{r} * classes_ + t] * m.scale_));
    if (!m.add_row(key, row.data())) break;  // past 2^25 blocks: no trainer gets there
  }
  m.build_index();
  return m;
}

}  // namespace cc
