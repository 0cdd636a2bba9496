// Attribution benchmark: accuracy on PolNeAR and speed against the other nlp
// stages.
//
//   build/release/bench/attribution/bench_attribution [polnear-dir]
//
// For the train split (the lexicons were tuned by reading its errors and the
// role tagger was trained on it) and the dev split (held out), prints per
// role (source, cue, content), for the component as the pipeline runs it
// (rules and role tagger) and for the rules alone:
//   token  P/R/F1 over non-punctuation tokens labelled with the role;
//   exact  span P/R/F1, a predicted span matching a gold span token for token;
//   overlap span P/R/F1, a predicted span sharing a token with a gold span.
// PolNeAR labels each token with at most one role, so predicted sources and
// cues win over a content they sit in. A text annotated by several annotators
// is scored once, against the first annotation file by name. Attributions
// nested in another's content are left out: PolNeAR does not mark them.
// Speed: sentences per second of every nlp stage (tokenize, time, quantity,
// entity, attribution) run in pipeline order on the same texts, best of five
// passes in thread CPU time, and attribution's ratio to each.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "nlp/attribution/attribution.h"
#include "nlp/entity/entity.h"
#include "nlp/quantity/quantity.h"
#include "nlp/tag/tag.h"
#include "nlp/time/time.h"
#include "nlp/tokenize.h"
#include "polnear.h"

namespace fs = std::filesystem;
using namespace cc::polnear;

namespace {

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

bool is_punct(const cc::Document& d, size_t i) {
  return d.tokens[i].value.kind == cc::TokenKind::punct;
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

Scores score(const std::vector<Text>& texts) {
  Scores s;
  for (const auto& t : texts) {
    const cc::Document& d = t.doc;
    size_t n = d.tokens.size();
    std::vector<int> gold_label(n, -1), pred_label(n, -1);
    std::vector<std::pair<int, int>> gold_spans[kRoles], pred_spans[kRoles];
    std::vector<Role> roles;
    auto ranges = gold_token_ranges(t, &roles);
    for (size_t k = 0; k < ranges.size(); ++k) {
      gold_spans[roles[k]].push_back(ranges[k]);
      for (int i = ranges[k].first; i <= ranges[k].second; ++i) gold_label[i] = roles[k];
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

// The nlp stages in pipeline order, as the benchmark times them.
struct Stage {
  const char* name;
  std::unique_ptr<cc::Component> component;
  double seconds = 1e30;
};

int main(int argc, char** argv) {
  fs::path root =
      argc > 1 ? fs::path(argv[1]) : fs::path(CROSSCHECK_SHARED_DIR) / "data/attribution/polnear";
  if (!fs::exists(root / "dev")) {
    std::fprintf(stderr, "bench_attribution: no PolNeAR data at %s\n", root.c_str());
    return 1;
  }
  cc::Resources resources{CROSSCHECK_DATA_DIR};
  std::vector<Stage> stages;
  stages.push_back({"tokenize", std::make_unique<cc::Tokenizer>()});
  using Factory = cc::Result<std::unique_ptr<cc::Component>> (*)(const cc::Resources&);
  const std::pair<const char*, Factory> factories[] = {
      {"tag", cc::make_tagger},
      {"time", cc::make_time_tagger},
      {"quantity", cc::make_quantity_tagger},
      {"entity", cc::make_entity_tagger},
      {"attribution", cc::make_attribution_tagger},
      {"rules only", cc::make_attribution_rules}};
  for (auto [name, make] : factories) {
    auto made = make(resources);
    if (!made.ok()) {
      std::fprintf(stderr, "bench_attribution: %s: %s\n", name, made.status().message().c_str());
      return 1;
    }
    stages.push_back({name, std::move(made.value())});
  }
  Stage& rules = stages.back();
  Stage& attribution = stages[stages.size() - 2];
  for (const char* split : {"train", "dev"}) {
    std::vector<Text> texts = load_split(root / split);
    for (auto& st : stages) st.seconds = 1e30;
    // Five passes through the pipeline; each stage keeps its best time.
    for (int pass = 0; pass < 5; ++pass) {
      for (auto& st : stages) {
        if (&st == &rules) continue;
        st.seconds = std::min(st.seconds, seconds([&] {
                                for (auto& t : texts) st.component->process(t.doc);
                              }));
      }
    }
    size_t sentences = 0, bytes = 0;
    for (const auto& t : texts) {
      sentences += t.doc.sentences.size();
      bytes += t.doc.text.size();
    }
    bool train = std::string_view(split) == "train";
    char title[200];
    std::snprintf(title, sizeof title, "PolNeAR %s (%zu texts, %zu sentences, %.1f MB)%s", split,
                  texts.size(), sentences, bytes / 1e6,
                  train ? " [tuned and trained on]" : " [held out]");
    report(title, score(texts));
    for (auto& t : texts) rules.component->process(t.doc);
    report("  rules alone", score(texts));
    std::printf("  speed    sentences/s:");
    const Stage* slowest = &stages[0];
    for (const auto& st : stages) {
      if (&st == &rules) continue;
      std::printf(" %s %.0f", st.name, sentences / st.seconds);
      if (st.seconds > slowest->seconds) slowest = &st;
    }
    std::printf("\n  speed    attribution is");
    for (const auto& st : stages) {
      if (&st == &rules || &st == &attribution) continue;
      std::printf(" %.2fx %s,", st.seconds / attribution.seconds, st.name);
    }
    std::printf(" slowest stage: %s\n", slowest->name);
  }
  return 0;
}
