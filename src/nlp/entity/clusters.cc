#include "nlp/entity/clusters.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <unordered_map>

#include "nlp/perceptron.h"  // hash_mix, open_table_size

namespace cc {

uint64_t cluster_key(std::string_view word, bool capitalize) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    // A typographic apostrophe (U+2019) keys like "'", as in token_key().
    if (c == 0xE2 && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99') {
      c = '\'';
      i += 2;
    }
    if (c >= '0' && c <= '9') c = '0';
    else if (capitalize && i > 0 && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    h = (h ^ c) * 0x100000001b3ull;
  }
  return (h ^ (h >> 29)) | 1;  // never 0, the empty slot
}

ClusterPath WordClusters::probe(uint64_t key) const {
  if (table_.empty()) return {};
  size_t mask = table_.size() - 1;
  for (size_t i = hash_mix(key) & mask;; i = (i + 1) & mask) {
    if (table_[i].key == key) return table_[i].path;
    if (table_[i].key == 0) return {};
  }
}

void WordClusters::insert(uint64_t key, ClusterPath path) {
  size_t mask = table_.size() - 1;
  size_t i = hash_mix(key) & mask;
  while (table_[i].key != 0 && table_[i].key != key) i = (i + 1) & mask;
  if (table_[i].key == 0) ++count_;
  table_[i] = {key, path};
}

ClusterPath WordClusters::find(std::string_view word) const {
  ClusterPath p = probe(cluster_key(word));
  if (p.length != 0 || word.size() < 2) return p;
  for (char c : word)
    if (c >= 'a' && c <= 'z') return p;  // not all capitals
  return probe(cluster_key(word, true));
}

Result<WordClusters> WordClusters::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read word clusters " + path);
  std::vector<std::pair<uint64_t, ClusterPath>> rows;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size())
      return Status::error(path + ":" + std::to_string(line_no) + ": expected 'word<TAB>path'");
    ClusterPath p;
    for (size_t i = tab + 1; i < line.size(); ++i) {
      char c = line[i];
      if (c != '0' && c != '1')
        return Status::error(path + ":" + std::to_string(line_no) + ": path is not 0s and 1s");
      if (p.length < 32) p.bits |= static_cast<uint32_t>(c == '1') << (31 - p.length);
      ++p.length;
    }
    rows.emplace_back(cluster_key(std::string_view(line).substr(0, tab)), p);
  }
  WordClusters w;
  w.table_.assign(open_table_size(rows.size() + 1), Slot{});
  for (const auto& [key, p] : rows) w.insert(key, p);
  return w;
}

namespace {

// Brown clustering with a window of `C` active clusters (Liang 2005, section
// 3.2): words are taken most frequent first; each new word gets a cluster of
// its own, and then the two clusters whose merge loses the least average
// mutual information (AMI) between adjacent clusters are merged. After the
// last word, the C clusters are merged down to one, which builds the tree.
//
// With p(x, y) the probability of the bigram "x y" between clusters (counted
// only once both words are in the window), pl/pr the left/right marginals
// over all bigrams, and q(x, y) = p log(p / (pl(x) pr(y))), AMI = sum q. The
// loss of merging c and d is L(c, d) = S(c) + S(d) - q(c,d) - q(d,c) - M(c,d)
// where S(x) sums the q terms touching x and M(c,d) those touching the merged
// cluster. Losses of all pairs are kept and updated in O(1) per pair when a
// cluster is added or two merge; parts of an update that add the same amount
// to every pair of a cluster go into a per-cluster offset, so the full
// update work is proportional to the pairs near the changed clusters.
class Brown {
 public:
  Brown(int clusters, const std::vector<double>& left, const std::vector<double>& right,
        const std::vector<std::vector<std::pair<uint32_t, double>>>& right_of,
        const std::vector<std::vector<std::pair<uint32_t, double>>>& left_of)
      : K_(clusters + 1),
        word_left_(left),
        word_right_(right),
        right_of_(right_of),
        left_of_(left_of),
        P_(size_t(K_) * K_, 0),
        Q_(size_t(K_) * K_, 0),
        L_(size_t(K_) * K_, 0),
        off_(K_, 0),
        S_(K_, 0),
        pl_(K_, 0),
        pr_(K_, 0),
        active_(K_, false),
        members_(K_),
        node_(K_, -1),
        slot_of_(left.size(), -1) {}

  // Returns the path of every word (indices as given, most frequent first).
  std::vector<std::string> run() {
    const size_t V = word_left_.size();
    const int C = K_ - 1;
    size_t next = 0;
    // The first C words, each its own cluster; all losses computed exactly.
    for (; next < V && next < size_t(C); ++next) place(next, static_cast<int>(next), false);
    for (int c = 0; c < K_; ++c)
      if (active_[c]) S_[c] = touching(c);
    for (int c = 0; c < K_; ++c)
      for (int d = c + 1; d < K_; ++d)
        if (active_[c] && active_[d]) L_[idx(c, d)] = exact_loss(c, d);
    for (; next < V; ++next) {
      int free = static_cast<int>(std::find(active_.begin(), active_.end(), false) - active_.begin());
      place(next, free, true);
      auto [a, b] = best_pair();
      merge(a, b);
    }
    // The tree over the remaining clusters: leaves first, then one node per
    // merge, children in the order (kept, merged in).
    std::vector<std::pair<int, int>> children;
    std::vector<int> leaf_of_word(V, -1);
    for (int c = 0; c < K_; ++c)
      if (active_[c]) {
        node_[c] = static_cast<int>(children.size());
        for (uint32_t w : members_[c]) leaf_of_word[w] = node_[c];
        children.push_back({-1, -1});
      }
    int root = children.empty() ? -1 : static_cast<int>(children.size()) - 1;
    for (;;) {
      int n = static_cast<int>(std::count(active_.begin(), active_.end(), true));
      if (n < 2) break;
      auto [a, b] = best_pair();
      children.push_back({node_[a], node_[b]});
      root = static_cast<int>(children.size()) - 1;
      merge(a, b);
      node_[a] = root;
    }
    // Paths from the root; a leaf's path is its words' path.
    std::vector<std::string> node_path(children.size());
    std::vector<int> stack;
    if (root >= 0) stack.push_back(root);
    while (!stack.empty()) {
      int n = stack.back();
      stack.pop_back();
      auto [l, r] = children[n];
      if (l < 0) continue;
      node_path[l] = node_path[n] + '0';
      node_path[r] = node_path[n] + '1';
      stack.push_back(l);
      stack.push_back(r);
    }
    std::vector<std::string> out(V);
    for (size_t w = 0; w < V; ++w) out[w] = node_path[leaf_of_word[w]];
    return out;
  }

 private:
  size_t idx(int c, int d) const { return c < d ? size_t(c) * K_ + d : size_t(d) * K_ + c; }
  double& P(int x, int y) { return P_[size_t(x) * K_ + y]; }
  double& Q(int x, int y) { return Q_[size_t(x) * K_ + y]; }
  static double q(double p, double l, double r) { return p > 0 ? p * std::log(p / (l * r)) : 0; }
  // x log x + y log y - (x + y) log(x + y): the part of a merge's change
  // that is not linear in the counts; 0 unless both are positive.
  static double H(double x, double y) {
    if (x <= 0 || y <= 0) return 0;
    return x * std::log(x) + y * std::log(y) - (x + y) * std::log(x + y);
  }
  static double log_ratio(double num, double den) { return den > 0 ? std::log(num / den) : 0; }
  double loss(int c, int d) const { return L_[idx(c, d)] + off_[c] + off_[d]; }

  // Sum of the q terms touching x.
  double touching(int x) {
    double s = 0;
    for (int y = 0; y < K_; ++y)
      if (active_[y]) s += Q(x, y) + (y != x ? Q(y, x) : 0);
    return s;
  }

  // L(c, d) from the counts. The sparser cluster s decides which terms need
  // a logarithm: where s has no bigram with y, the merged term is the other
  // cluster's term rescaled.
  double exact_loss(int c, int d) {
    int s = pl_[c] + pr_[c] <= pl_[d] + pr_[d] ? c : d;
    int o = s == c ? d : c;
    double lm = pl_[c] + pl_[d], rm = pr_[c] + pr_[d];
    double lr = log_ratio(lm, pl_[o]), rr = log_ratio(rm, pr_[o]);
    double after = q(P(c, c) + P(c, d) + P(d, c) + P(d, d), lm, rm);
    for (int y = 0; y < K_; ++y) {
      if (!active_[y] || y == c || y == d) continue;
      after += P(s, y) == 0 ? Q(o, y) - P(o, y) * lr : q(P(c, y) + P(d, y), lm, pr_[y]);
      after += P(y, s) == 0 ? Q(y, o) - P(y, o) * rr : q(P(y, c) + P(y, d), pl_[y], rm);
    }
    return S_[c] + S_[d] - Q(c, d) - Q(d, c) - after;
  }

  // Puts word w into the empty cluster f; with `update`, brings the losses of
  // the other pairs up to date and computes those of f.
  void place(size_t w, int f, bool update) {
    active_[f] = true;
    members_[f] = {static_cast<uint32_t>(w)};
    slot_of_[w] = f;
    pl_[f] = word_left_[w];
    pr_[f] = word_right_[w];
    for (auto [v, p] : right_of_[w])
      if (slot_of_[v] >= 0) P(f, slot_of_[v]) += p;
    for (auto [v, p] : left_of_[w])
      if (slot_of_[v] >= 0 && v != w) P(slot_of_[v], f) += p;
    for (int y = 0; y < K_; ++y) {
      if (!active_[y]) continue;
      Q(f, y) = q(P(f, y), pl_[f], pr_[y]);
      Q(y, f) = q(P(y, f), pl_[y], pr_[f]);
    }
    if (!update) return;
    // Each old pair gains the new terms touching c and d, and loses those
    // between f and the pair merged: zero unless c or d is next to f.
    std::vector<char> near(K_, 0);
    for (int c = 0; c < K_; ++c) {
      if (!active_[c] || c == f) continue;
      double gain = Q(c, f) + Q(f, c);
      S_[c] += gain;
      off_[c] += gain;
      near[c] = P(c, f) > 0 || P(f, c) > 0;
    }
    for (int c = 0; c < K_; ++c) {
      if (!near[c]) continue;
      for (int d = 0; d < K_; ++d) {
        if (!active_[d] || d == f || d == c || (near[d] && d < c)) continue;
        L_[idx(c, d)] -= q(P(c, f) + P(d, f), pl_[c] + pl_[d], pr_[f]) +
                         q(P(f, c) + P(f, d), pl_[f], pr_[c] + pr_[d]);
      }
    }
    off_[f] = 0;
    S_[f] = touching(f);
    for (int x = 0; x < K_; ++x)
      if (active_[x] && x != f) L_[idx(f, x)] = exact_loss(f, x) - off_[x];
  }

  std::pair<int, int> best_pair() const {
    int ba = -1, bb = -1;
    double best = 0;
    for (int c = 0; c < K_; ++c) {
      if (!active_[c]) continue;
      const double* row = &L_[size_t(c) * K_];
      for (int d = c + 1; d < K_; ++d) {
        if (!active_[d]) continue;
        double l = row[d] + off_[c] + off_[d];
        if (ba < 0 || l < best) {
          best = l;
          ba = c;
          bb = d;
        }
      }
    }
    return {ba, bb};
  }

  // Merges cluster b into a.
  void merge(int a, int b) {
    double pl_ab = pl_[a] + pl_[b], pr_ab = pr_[a] + pr_[b];
    double ar = log_ratio(pr_ab, pr_[a]), br = log_ratio(pr_ab, pr_[b]);
    double al = log_ratio(pl_ab, pl_[a]), bl = log_ratio(pl_ab, pl_[b]);
    // The change of every other pair (c, d): its S terms change (per
    // cluster), and the terms between the merged pair and a, b become terms
    // with the merged cluster: linear in the counts (per cluster) plus H.
    std::vector<char> near(K_, 0);
    int s = pl_[a] + pr_[a] <= pl_[b] + pr_[b] ? a : b;
    for (int c = 0; c < K_; ++c) {
      if (!active_[c] || c == a || c == b) continue;
      double ds = q(P(c, a) + P(c, b), pl_[c], pr_ab) + q(P(a, c) + P(b, c), pl_ab, pr_[c]) -
                  (Q(c, a) + Q(a, c) + Q(c, b) + Q(b, c));
      S_[c] += ds;
      off_[c] += ds + P(c, a) * ar + P(c, b) * br + P(a, c) * al + P(b, c) * bl;
      near[c] = P(c, s) > 0 || P(s, c) > 0;
    }
    for (int c = 0; c < K_; ++c) {
      if (!near[c]) continue;
      for (int d = 0; d < K_; ++d) {
        if (!active_[d] || d == a || d == b || d == c || (near[d] && d < c)) continue;
        L_[idx(c, d)] += H(P(c, a) + P(d, a), P(c, b) + P(d, b)) +
                         H(P(a, c) + P(a, d), P(b, c) + P(b, d));
      }
    }
    // Counts of the merged cluster.
    double self = P(a, a) + P(a, b) + P(b, a) + P(b, b);
    for (int y = 0; y < K_; ++y) {
      if (!active_[y] || y == a || y == b) continue;
      P(a, y) += P(b, y);
      P(y, a) += P(y, b);
    }
    for (int y = 0; y < K_; ++y) {
      P(b, y) = P(y, b) = Q(b, y) = Q(y, b) = 0;
    }
    P(a, a) = self;
    pl_[a] = pl_ab;
    pr_[a] = pr_ab;
    pl_[b] = pr_[b] = 0;
    active_[b] = false;
    for (uint32_t w : members_[b]) slot_of_[w] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    for (int y = 0; y < K_; ++y) {
      if (!active_[y]) continue;
      Q(a, y) = q(P(a, y), pl_[a], pr_[y]);
      Q(y, a) = q(P(y, a), pl_[y], pr_[a]);
    }
    off_[a] = off_[b] = 0;
    S_[b] = 0;
    S_[a] = touching(a);
    for (int x = 0; x < K_; ++x)
      if (active_[x] && x != a) L_[idx(a, x)] = exact_loss(a, x) - off_[x];
  }

  const int K_;
  const std::vector<double>& word_left_;
  const std::vector<double>& word_right_;
  const std::vector<std::vector<std::pair<uint32_t, double>>>& right_of_;
  const std::vector<std::vector<std::pair<uint32_t, double>>>& left_of_;
  std::vector<double> P_, Q_, L_;
  std::vector<double> off_, S_, pl_, pr_;
  std::vector<bool> active_;
  std::vector<std::vector<uint32_t>> members_;
  std::vector<int> node_;
  std::vector<int> slot_of_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> brown_clusters(
    const std::vector<std::vector<std::string_view>>& sentences, int clusters, int min_count) {
  // The vocabulary, most frequent first (ties in byte order, for the same
  // result on every run).
  std::unordered_map<std::string_view, uint32_t> counts;
  for (const auto& s : sentences)
    for (std::string_view w : s) ++counts[w];
  std::vector<std::pair<std::string_view, uint32_t>> vocab;
  for (auto [w, n] : counts)
    if (n >= static_cast<uint32_t>(std::max(1, min_count))) vocab.emplace_back(w, n);
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::unordered_map<std::string_view, uint32_t> id;
  for (size_t i = 0; i < vocab.size(); ++i) id.emplace(vocab[i].first, static_cast<uint32_t>(i));

  // Bigrams between kept words inside a sentence.
  std::unordered_map<uint64_t, double> bigrams;
  double total = 0;
  for (const auto& s : sentences) {
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      auto a = id.find(s[i]), b = id.find(s[i + 1]);
      if (a == id.end() || b == id.end()) continue;
      bigrams[uint64_t{a->second} << 32 | b->second] += 1;
      total += 1;
    }
  }
  const size_t V = vocab.size();
  std::vector<double> left(V, 0), right(V, 0);
  std::vector<std::vector<std::pair<uint32_t, double>>> right_of(V), left_of(V);
  std::vector<std::pair<uint64_t, double>> sorted(bigrams.begin(), bigrams.end());
  std::sort(sorted.begin(), sorted.end());
  for (auto [key, n] : sorted) {
    auto a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    double p = n / total;
    left[a] += p;
    right[b] += p;
    right_of[a].emplace_back(b, p);
    left_of[b].emplace_back(a, p);
  }
  std::vector<std::pair<std::string, std::string>> out;
  if (V == 0 || total == 0) return out;
  Brown brown(std::max(1, clusters), left, right, right_of, left_of);
  std::vector<std::string> paths = brown.run();
  for (size_t w = 0; w < V; ++w) out.emplace_back(std::string(vocab[w].first), paths[w]);
  return out;
}

}  // namespace cc
