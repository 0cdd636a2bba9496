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

const int16_t* PerceptronModel::row(uint32_t key) const {
  size_t mask = table_.size() - 1;
  for (size_t i = hash_mix(key) & mask;; i = (i + 1) & mask) {
    uint64_t slot = table_[i];
    if (slot == 0) return nullptr;
    if (static_cast<uint32_t>(slot >> 32) == key)
      return &weights_[(static_cast<uint32_t>(slot) - 1) * static_cast<size_t>(classes_)];
  }
}

void PerceptronModel::build_index() {
  table_.assign(open_table_size(row_keys_.size() + 1), 0);
  size_t mask = table_.size() - 1;
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    size_t i = hash_mix(row_keys_[r]) & mask;
    while (table_[i] != 0) i = (i + 1) & mask;
    table_[i] = uint64_t{row_keys_[r]} << 32 | (r + 1);
  }
}

Result<PerceptronModel> PerceptronModel::load(const std::string& path, std::string_view magic,
                                              int classes, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read " + what + " " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto bad = [&](const char* why) { return Status::error(what + " " + path + ": " + why); };
  if (bytes.size() < kHeaderBytes || bytes.compare(0, 8, magic) != 0)
    return bad("not a model file");
  uint32_t tags = 0, rows = 0;
  PerceptronModel m;
  std::memcpy(&tags, bytes.data() + 8, 4);
  std::memcpy(&rows, bytes.data() + 12, 4);
  std::memcpy(&m.scale_, bytes.data() + 16, 4);
  if (tags != static_cast<uint32_t>(classes)) return bad("unexpected tag count");
  if (!(m.scale_ > 0)) return bad("bad scale");
  m.classes_ = classes;
  size_t need = kHeaderBytes + size_t{rows} * (4 + 2 * static_cast<size_t>(classes));
  if (bytes.size() != need) return bad("truncated or oversized");
  m.row_keys_.resize(rows);
  m.weights_.resize(size_t{rows} * classes);
  std::memcpy(m.row_keys_.data(), bytes.data() + kHeaderBytes, size_t{rows} * 4);
  std::memcpy(m.weights_.data(), bytes.data() + kHeaderBytes + size_t{rows} * 4,
              m.weights_.size() * 2);
  m.build_index();
  return m;
}

Status PerceptronModel::save(const std::string& path, std::string_view magic,
                             const std::string& what) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::error("cannot write " + what + " " + path);
  uint32_t tags = static_cast<uint32_t>(classes_), rows = static_cast<uint32_t>(row_keys_.size());
  out.write(magic.data(), 8);
  out.write(reinterpret_cast<const char*>(&tags), 4);
  out.write(reinterpret_cast<const char*>(&rows), 4);
  out.write(reinterpret_cast<const char*>(&scale_), 4);
  out.write(reinterpret_cast<const char*>(row_keys_.data()), row_keys_.size() * 4);
  out.write(reinterpret_cast<const char*>(weights_.data()), weights_.size() * 2);
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
  for (auto [key, r] : kept) {
    m.row_keys_.push_back(key);
    for (int t = 0; t < classes_; ++t)
      m.weights_.push_back(
          static_cast<int16_t>(std::lround(avg[size_t{r} * classes_ + t] * m.scale_)));
  }
  m.build_index();
  return m;
}

}  // namespace cc
