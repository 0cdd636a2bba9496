// Trains the attribution role tagger (nlp/attribution/roles.h) on PolNeAR
// train, stacked on what the rules alone give each token.
//
//   crosscheck-train-attribution [--polnear DIR] [--out FILE] [--epochs N]
//                                [--heldout K] [--prune W]
//
// With --heldout K, every K-th text is kept out of training and the
// per-role token F1 on those texts is printed after each epoch (to choose
// the epochs without reading dev); the model then trains on the rest only.
// Without it, all of train is used. Deterministic: the same data and flags
// give the same model bytes.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "nlp/attribution/attribution.h"
#include "nlp/tokenize.h"
#include "polnear.h"

namespace fs = std::filesystem;

namespace {

struct Example {
  cc::RoleTokens in;
  std::vector<uint8_t> gold;
};

// Token F1 per role (source, cue, content) of `model` on `examples`.
void print_heldout(const cc::RoleModel& model, const std::vector<Example>& examples) {
  double tp[4] = {}, fp[4] = {}, fn[4] = {};
  cc::RoleScratch scratch;
  std::vector<uint8_t> tags;
  for (const auto& ex : examples) {
    for (auto [b, e] : ex.in.sentences) {
      tags.resize(e - b);
      model.tag(ex.in, b, e, scratch, tags.data());
      for (uint32_t i = b; i < e; ++i) {
        int g = cc::role_of(ex.gold[i]), p = cc::role_of(tags[i - b]);
        if (g == p && g) tp[g] += 1;
        if (g != p && p) fp[p] += 1;
        if (g != p && g) fn[g] += 1;
      }
    }
  }
  const char* names[] = {"", "source", "cue", "content"};
  for (int r = 1; r < 4; ++r) {
    double p = tp[r] / std::max(1.0, tp[r] + fp[r]), rc = tp[r] / std::max(1.0, tp[r] + fn[r]);
    std::printf("  %s F1 %.3f", names[r], p + rc > 0 ? 2 * p * rc / (p + rc) : 0);
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  fs::path polnear = fs::path(CROSSCHECK_SHARED_DIR) / "data/attribution/polnear";
  std::string out = std::string(CROSSCHECK_DATA_DIR) + "/attribution/roles.model";
  int epochs = 8, heldout = 0;
  float prune = 0.5f;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--polnear")
      polnear = argv[i + 1];
    else if (flag == "--out")
      out = argv[i + 1];
    else if (flag == "--epochs")
      epochs = std::atoi(argv[i + 1]);
    else if (flag == "--heldout")
      heldout = std::atoi(argv[i + 1]);
    else if (flag == "--prune")
      prune = static_cast<float>(std::atof(argv[i + 1]));
    else {
      std::fprintf(stderr, "crosscheck-train-attribution: unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  auto rules = cc::make_attribution_rules(cc::Resources{CROSSCHECK_DATA_DIR});
  if (!rules.ok()) {
    std::fprintf(stderr, "crosscheck-train-attribution: %s\n", rules.status().message().c_str());
    return 1;
  }
  std::vector<cc::polnear::Text> texts = cc::polnear::load_split(polnear / "train");
  if (texts.empty()) {
    std::fprintf(stderr, "crosscheck-train-attribution: no texts under %s\n", polnear.c_str());
    return 1;
  }
  cc::Tokenizer tokenizer;
  std::vector<Example> train, check;
  for (size_t k = 0; k < texts.size(); ++k) {
    auto& t = texts[k];
    tokenizer.process(t.doc);
    auto in = cc::attribution_role_inputs(*rules.value(), t.doc);
    if (!in.ok()) {
      std::fprintf(stderr, "crosscheck-train-attribution: %s\n", in.status().message().c_str());
      return 1;
    }
    Example ex{std::move(in.value()), cc::polnear::gold_tags(t)};
    (heldout > 0 && k % heldout == 0 ? check : train).push_back(std::move(ex));
  }
  std::printf("%zu texts to train on, %zu held out\n", train.size(), check.size());
  cc::RoleTrainer trainer;
  std::mt19937 shuffle(7);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), shuffle);
    size_t wrong = 0, tokens = 0;
    for (size_t i : order) {
      wrong += trainer.learn(train[i].in, train[i].gold);
      tokens += train[i].gold.size();
    }
    std::printf("epoch %d: %.4f of tokens wrong, %zu feature rows", epoch,
                static_cast<double>(wrong) / std::max<size_t>(1, tokens), trainer.rows());
    if (!check.empty()) {
      std::printf("; held out:");
      print_heldout(trainer.finish(prune), check);
    } else {
      std::printf("\n");
    }
  }
  cc::RoleModel model = trainer.finish(prune);
  if (auto st = model.save(out); !st.ok()) {
    std::fprintf(stderr, "crosscheck-train-attribution: %s\n", st.message().c_str());
    return 1;
  }
  std::printf("wrote %s: %zu feature rows\n", out.c_str(), model.rows());
  return 0;
}
