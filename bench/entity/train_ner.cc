// crosscheck-train-ner: trains the entity tagger's averaged perceptron on
// CoNLL-style IOB files and writes the compact model file the entity
// component loads. See docs/entity.md for the command that built the shipped
// model.
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "ner_eval.h"
#include "nlp/entity/clusters.h"
#include "nlp/entity/gazetteer.h"
#include "nlp/entity/ner_model.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: crosscheck-train-ner --gazetteer FILE [--clusters FILE] [--names FILE] "
               "--out MODEL [--epochs N] [--prune W] [--dev FILE] TRAIN_FILE...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string gazetteer_path, clusters_path, names_path, out, dev;
  int epochs = 10;
  float prune = 0.05f;
  std::vector<std::string> train;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--gazetteer") gazetteer_path = next();
    else if (a == "--clusters") clusters_path = next();
    else if (a == "--names") names_path = next();
    else if (a == "--out") out = next();
    else if (a == "--epochs") epochs = std::atoi(next().c_str());
    else if (a == "--prune") prune = std::strtof(next().c_str(), nullptr);
    else if (a == "--dev") dev = next();
    else if (!a.empty() && a[0] == '-') return usage();
    else train.push_back(a);
  }
  if (out.empty() || train.empty() || epochs <= 0) return usage();

  cc::Gazetteer gazetteer;
  if (!gazetteer_path.empty()) {
    auto g = cc::Gazetteer::load(gazetteer_path);
    if (!g.ok()) {
      std::fprintf(stderr, "%s\n", g.status().message().c_str());
      return 1;
    }
    gazetteer = std::move(g.value());
  }
  cc::WordClusters clusters;
  if (!clusters_path.empty()) {
    auto c = cc::WordClusters::load(clusters_path);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.status().message().c_str());
      return 1;
    }
    clusters = std::move(c.value());
  }
  cc::Gazetteer names;
  if (!names_path.empty()) {
    auto g = cc::Gazetteer::load(names_path);
    if (!g.ok()) {
      std::fprintf(stderr, "%s\n", g.status().message().c_str());
      return 1;
    }
    names = std::move(g.value());
  }
  cc::NerLexicons lex{gazetteer_path.empty() ? nullptr : &gazetteer,
                      clusters_path.empty() ? nullptr : &clusters,
                      names_path.empty() ? nullptr : &names};
  std::vector<cc::NerCorpus> corpora;
  std::vector<cc::NerInput> docs;
  std::vector<std::vector<uint8_t>> gold;
  corpora.reserve(train.size());
  for (const auto& path : train) {
    auto c = cc::read_iob_file(path);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.status().message().c_str());
      return 1;
    }
    corpora.push_back(std::move(c.value()));
    std::fprintf(stderr, "%s: %zu documents, %zu tokens\n", path.c_str(),
                 corpora.back().docs.size(), corpora.back().tokens);
  }
  for (auto& c : corpora) {
    docs.insert(docs.end(), c.docs.begin(), c.docs.end());
    gold.insert(gold.end(), c.tags.begin(), c.tags.end());
  }

  cc::NerTrainer trainer(lex);
  std::mt19937 rng(20261123);
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int e = 0; e < epochs; ++e) {
    // Documents in a new order each epoch; words within stay in order
    // because the features read earlier tags in the same document.
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<cc::NerInput> shuffled;
    std::vector<std::vector<uint8_t>> shuffled_gold;
    for (size_t i : order) {
      shuffled.push_back(docs[i]);
      shuffled_gold.push_back(gold[i]);
    }
    size_t errors = trainer.train_epoch(shuffled, shuffled_gold);
    std::fprintf(stderr, "epoch %d: %zu tag errors, %zu feature rows\n", e + 1, errors,
                 trainer.rows());
  }
  cc::NerModel model = trainer.finish(prune);
  if (auto s = model.save(out); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s: %zu rows after pruning below %.3f\n", out.c_str(), model.rows(),
               prune);

  if (!dev.empty()) {
    auto c = cc::read_iob_file(dev);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.status().message().c_str());
      return 1;
    }
    cc::NerScratch scratch;
    cc::NerScore score;
    std::vector<uint8_t> tags;
    for (size_t d = 0; d < c->docs.size(); ++d) {
      model.tag(c->docs[d], lex, scratch, tags, nullptr);
      score.add(c->tags[d], tags);
    }
    score.print(dev.c_str(), {1, 2, 3, 4});
  }
  return 0;
}
