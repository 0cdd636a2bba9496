// Attribution benchmark: accuracy on PolNeAR and speed against the tokenizer.
//
//   build/release/bench/attribution/bench_attribution [polnear-dir]
//
// For the train split (the lexicons were tuned by reading its errors) and the
// dev split (held out), prints per role (source, cue, content):
//   token  P/R/F1 over non-punctuation tokens labelled with the role;
//   exact  span P/R/F1, a predicted span matching a gold span token for token;
//   overlap span P/R/F1, a predicted span sharing a token with a gold span.
// PolNeAR labels each token with at most one role, so predicted sources and
// cues win over a content they sit in. A text annotated by several annotators
// is scored once, against the first annotation file by name. Attributions
// nested in another's content are left out: PolNeAR does not mark them.
// Speed: sentences per second of the attribution component and of the
// tokenizer (ICU sentence breaks plus hand-written tokens) on the same texts,
// best of five alternating passes in thread CPU time, and their ratio.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "nlp/attribution/attribution.h"
#include "nlp/tokenize.h"

namespace fs = std::filesystem;

namespace {

enum Role { kSource, kCue, kContent, kRoles };
const char* kRoleNames[] = {"source", "cue", "content"};

struct GoldSpan {
  Role role;
  uint64_t begin, end;  // input bytes
};

struct Counts {
  double tp = 0, fp = 0, fn = 0;
  void print(const char* what) const {
    double p = tp + fp > 0 ? tp / (tp + fp) : 0, r = tp + fn > 0 ? tp / (tp + fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("  %-8s P %.3f  R %.3f  F1 %.3f", what, p, r, f);
  }
};

struct Scores {
  Counts token[kRoles], exact[kRoles], overlap[kRoles];
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// brat offsets count code points; the document maps back to input bytes.
std::vector<uint64_t> code_point_to_byte(std::string_view s) {
  std::vector<uint64_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(s.size());
  return out;
}

std::vector<GoldSpan> read_gold(const fs::path& ann, const std::vector<uint64_t>& cp) {
  std::vector<GoldSpan> out;
  std::ifstream in(ann);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != 'T') continue;
    std::stringstream fields(line);
    std::string id, label, ranges;
    std::getline(fields, id, '\t');
    std::getline(fields, label, '\t');
    std::stringstream head(label);
    std::string type;
    head >> type;
    Role role;
    if (type == "Source")
      role = kSource;
    else if (type == "Cue")
      role = kCue;
    else if (type == "Content")
      role = kContent;
    else
      continue;
    std::getline(head, ranges);
    std::stringstream parts(ranges);
    std::string part;
    while (std::getline(parts, part, ';')) {
      size_t b = 0, e = 0;
      if (std::sscanf(part.c_str(), "%zu %zu", &b, &e) != 2 || e > cp.size() - 1 || b >= e)
        continue;
      out.push_back({role, cp[b], cp[e]});
    }
  }
  return out;
}

bool is_punct(const cc::Document& d, size_t i) {
  return d.tokens[i].value.kind == cc::TokenKind::punct;
}

// Token index range [first, last] of a span given in input bytes; tokens
// count when their first byte lies inside.
std::pair<int, int> token_range(const std::vector<uint64_t>& token_input_begin, uint64_t b,
                                uint64_t e) {
  auto lo = std::lower_bound(token_input_begin.begin(), token_input_begin.end(), b);
  auto hi = std::lower_bound(token_input_begin.begin(), token_input_begin.end(), e);
  return {static_cast<int>(lo - token_input_begin.begin()),
          static_cast<int>(hi - token_input_begin.begin()) - 1};
}

void score_spans(const std::vector<std::pair<int, int>>& gold,
                 const std::vector<std::pair<int, int>>& pred, Counts& exact, Counts& overlap) {
  auto matches = [](std::pair<int, int> a, const std::vector<std::pair<int, int>>& in,
                    bool exact_match) {
    for (auto b : in) {
      if (exact_match ? a == b : (a.first <= b.second && b.first <= a.second)) return true;
    }
    return false;
  };
  for (auto p : pred) {
    (matches(p, gold, true) ? exact.tp : exact.fp) += 1;
    (matches(p, gold, false) ? overlap.tp : overlap.fp) += 1;
  }
  for (auto g : gold) {
    if (!matches(g, pred, true)) exact.fn += 1;
    if (!matches(g, pred, false)) overlap.fn += 1;
  }
}

struct Text {
  cc::Document doc;
  std::vector<GoldSpan> gold;
};

std::vector<Text> load_split(const fs::path& dir) {
  std::map<std::string, fs::path> first_ann;  // text stem -> first annotation file
  for (const auto& e : fs::directory_iterator(dir / "attributions")) {
    std::string name = e.path().filename().string();
    if (e.path().extension() != ".ann") continue;
    std::string stem = name.substr(0, name.rfind('_'));
    auto it = first_ann.find(stem);
    if (it == first_ann.end() || e.path() < it->second) first_ann[stem] = e.path();
  }
  std::vector<Text> out;
  for (const auto& [stem, ann] : first_ann) {
    fs::path txt = dir / "text" / (stem + ".txt");
    if (!fs::exists(txt)) continue;
    std::string bytes = read_file(txt);
    auto decoded = cc::decode_text(bytes);
    if (!decoded.ok()) continue;
    cc::Normalized n = cc::normalize_text(decoded.value());
    Text t;
    t.doc.text = std::move(n.text);
    t.doc.offsets = std::move(n.map);
    t.gold = read_gold(ann, code_point_to_byte(bytes));
    out.push_back(std::move(t));
  }
  return out;
}

Scores score(const std::vector<Text>& texts) {
  Scores s;
  for (const auto& t : texts) {
    const cc::Document& d = t.doc;
    size_t n = d.tokens.size();
    std::vector<uint64_t> input_begin(n);
    for (size_t i = 0; i < n; ++i) input_begin[i] = d.offsets.to_original(d.tokens[i].span.begin);
    std::vector<int> gold_label(n, -1), pred_label(n, -1);
    std::vector<std::pair<int, int>> gold_spans[kRoles], pred_spans[kRoles];
    for (const auto& g : t.gold) {
      auto r = token_range(input_begin, g.begin, g.end);
      if (r.first > r.second) continue;
      gold_spans[g.role].push_back(r);
      for (int i = r.first; i <= r.second; ++i) gold_label[i] = g.role;
    }
    auto add_pred = [&](Role role, cc::Span span) {
      if (span.empty()) return;
      auto [lo, hi] = d.tokens.overlapping(span);
      if (lo >= hi) return;
      pred_spans[role].push_back({static_cast<int>(lo), static_cast<int>(hi) - 1});
      for (size_t i = lo; i < hi; ++i) pred_label[i] = role;
    };
    // PolNeAR marks each token in at most one attribution: an attribution
    // nested in another's content is scored as the outer one's content.
    std::vector<const cc::Annotation<cc::Attribution>*> outer;
    for (const auto& a : d.attributions) {
      bool nested = false;
      for (const auto& b : d.attributions)
        nested =
            nested || (&a != &b && b.span.contains(a.value.cue) && !a.span.contains(b.value.cue));
      if (!nested) outer.push_back(&a);
    }
    for (const auto* a : outer) add_pred(kContent, a->span);
    for (const auto* a : outer) {
      add_pred(kSource, a->value.source);
      add_pred(kCue, a->value.cue);
    }
    for (size_t i = 0; i < n; ++i) {
      if (is_punct(d, i)) continue;
      for (int r = 0; r < kRoles; ++r) {
        bool g = gold_label[i] == r, p = pred_label[i] == r;
        if (g && p)
          s.token[r].tp += 1;
        else if (p)
          s.token[r].fp += 1;
        else if (g)
          s.token[r].fn += 1;
      }
    }
    for (int r = 0; r < kRoles; ++r)
      score_spans(gold_spans[r], pred_spans[r], s.exact[r], s.overlap[r]);
  }
  return s;
}

void report(const char* split, const Scores& s) {
  std::printf("%s\n", split);
  for (int r = 0; r < kRoles; ++r) {
    std::printf("  %-8s", kRoleNames[r]);
    s.token[r].print("token");
    s.exact[r].print("exact");
    s.overlap[r].print("overlap");
    std::printf("\n");
  }
}

// Thread CPU time: the machine is shared, and wall time mostly measured the
// other processes.
double cpu_now() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

template <class F>
double seconds(F run) {
  double start = cpu_now();
  run();
  return cpu_now() - start;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root =
      argc > 1 ? fs::path(argv[1]) : fs::path(CROSSCHECK_SHARED_DIR) / "data/attribution/polnear";
  if (!fs::exists(root / "dev")) {
    std::fprintf(stderr, "bench_attribution: no PolNeAR data at %s\n", root.c_str());
    return 1;
  }
  auto tagger = cc::make_attribution_tagger(cc::Resources{CROSSCHECK_DATA_DIR});
  if (!tagger.ok()) {
    std::fprintf(stderr, "bench_attribution: %s\n", tagger.status().message().c_str());
    return 1;
  }
  cc::Tokenizer tokenizer;
  for (const char* split : {"train", "dev"}) {
    std::vector<Text> texts = load_split(root / split);
    size_t sentences = 0, bytes = 0;
    // Passes alternate so both sides see the same machine load; best of each.
    double tokenize_s = 1e30, attribute_s = 1e30;
    for (int pass = 0; pass < 5; ++pass) {
      tokenize_s = std::min(tokenize_s, seconds([&] {
                              for (auto& t : texts) tokenizer.process(t.doc);
                            }));
      attribute_s = std::min(attribute_s, seconds([&] {
                               for (auto& t : texts) tagger.value()->process(t.doc);
                             }));
    }
    for (const auto& t : texts) {
      sentences += t.doc.sentences.size();
      bytes += t.doc.text.size();
    }
    char title[160];
    std::snprintf(title, sizeof title, "PolNeAR %s (%zu texts, %zu sentences, %.1f MB)%s", split,
                  texts.size(), sentences, bytes / 1e6,
                  std::string_view(split) == "train" ? " [tuned on]" : " [held out]");
    report(title, score(texts));
    std::printf(
        "  speed    attribution %.0f sentences/s (%.1f MB/s), tokenizer %.0f sentences/s "
        "(%.1f MB/s), attribution/tokenizer %.2fx\n",
        sentences / attribute_s, bytes / 1e6 / attribute_s, sentences / tokenize_s,
        bytes / 1e6 / tokenize_s, tokenize_s / attribute_s);
  }
  return 0;
}
