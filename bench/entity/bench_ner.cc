// crosscheck-bench-ner: accuracy and speed of the entity stage.
//
// Accuracy (phrase-level exact match, conlleval-style P/R/F1 per type):
//   - CoNLL-2003 eng.testa with the shipped model (trained on eng.train only);
//   - WNUT-17 dev (social media; PER/ORG/LOC only);
//   - bench/entity/news_sentences.txt: news sentences written for this
//     project with inline gold mentions "[PER Vladimir Putin]", scored on the
//     whole entity component (tagger plus rules), PER/ORG/LOC/NORP.
// Speed: the entity component alone (tokens already in place) over eng.testa
// text, single-threaded, in tokens per CPU second. --text-out writes that
// text for a peer.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ner_eval.h"
#include "nlp/entity/entity.h"
#include "nlp/entity/clusters.h"
#include "nlp/entity/gazetteer.h"
#include "nlp/entity/ner_model.h"
#include "nlp/pipeline.h"
#include "nlp/tokenize.h"

namespace {

using cc::NerScore;

void score_corpus(const std::string& path, const cc::NerModel& model, const cc::NerLexicons& lex,
                  const char* label, std::initializer_list<int> types) {
  auto c = cc::read_iob_file(path);
  if (!c.ok()) {
    std::printf("%s: skipped (%s)\n", label, c.status().message().c_str());
    return;
  }
  cc::NerScratch scratch;
  NerScore score;
  std::vector<uint8_t> tags;
  for (size_t d = 0; d < c->docs.size(); ++d) {
    model.tag(c->docs[d], lex, scratch, tags, nullptr);
    // Only the scored types count: WNUT's products are not our MISC.
    auto keep = [&](std::vector<uint8_t> t) {
      for (auto& x : t)
        if (x != cc::kO && std::find(types.begin(), types.end(), cc::ner_type_of(x)) == types.end())
          x = cc::kO;
      return t;
    };
    score.add(keep(c->tags[d]), keep(tags));
  }
  std::printf("%s (%zu tokens)\n", label, c->tokens);
  score.print(label, types);
}

// Gold mentions in news_sentences.txt: "[TYPE words]" inline.
struct NewsGold {
  std::string text;
  std::set<std::tuple<uint32_t, uint32_t, std::string>> mentions;
};

bool read_news(const std::string& path, NewsGold& gold) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    for (size_t i = 0; i < line.size();) {
      if (line[i] == '[') {
        size_t space = line.find(' ', i);
        size_t close = line.find(']', i);
        if (space == std::string::npos || close == std::string::npos || close < space) {
          std::fprintf(stderr, "%s: bad annotation in: %s\n", path.c_str(), line.c_str());
          return false;
        }
        std::string type = line.substr(i + 1, space - i - 1);
        auto begin = static_cast<uint32_t>(gold.text.size());
        gold.text += line.substr(space + 1, close - space - 1);
        gold.mentions.emplace(begin, static_cast<uint32_t>(gold.text.size()), type);
        i = close + 1;
      } else {
        gold.text += line[i++];
      }
    }
    gold.text += '\n';
  }
  return true;
}

const char* news_type(cc::EntityType t) {
  switch (t) {
    case cc::EntityType::person: return "PER";
    case cc::EntityType::organization: return "ORG";
    case cc::EntityType::location: return "LOC";
    case cc::EntityType::nationality: return "NORP";
    case cc::EntityType::misc: return "MISC";
  }
  return "MISC";
}

void score_news(const std::string& path, const cc::Pipeline& pipeline) {
  NewsGold gold;
  if (!read_news(path, gold)) {
    std::printf("news sentences: skipped (cannot read %s)\n", path.c_str());
    return;
  }
  cc::Document doc;
  doc.text = gold.text;
  pipeline.run(doc);
  std::set<std::tuple<uint32_t, uint32_t, std::string>> predicted;
  for (const auto& m : doc.entities)
    if (m.value.type != cc::EntityType::misc)
      predicted.emplace(m.span.begin, m.span.end, news_type(m.value.type));
  std::printf("news sentences (%zu tokens, %zu gold mentions)\n", doc.tokens.size(),
              gold.mentions.size());
  size_t TP = 0, FP = 0, FN = 0;
  for (const char* type : {"PER", "ORG", "LOC", "NORP"}) {
    size_t tp = 0, fp = 0, fn = 0;
    for (const auto& g : gold.mentions)
      if (std::get<2>(g) == type) (predicted.count(g) ? tp : fn)++;
    for (const auto& p : predicted)
      if (std::get<2>(p) == type && !gold.mentions.count(p)) ++fp;
    TP += tp, FP += fp, FN += fn;
    std::printf("  %-28s %-4s P %.4f  R %.4f  F1 %.4f  (gold %zu)\n", "news", type,
                cc::prf(tp, fp, fn, 0), cc::prf(tp, fp, fn, 1),
                cc::prf(tp, fp, fn, 2), tp + fn);
  }
  std::printf("  %-28s all  P %.4f  R %.4f  F1 %.4f  (gold %zu)\n", "news",
              cc::prf(TP, FP, FN, 0), cc::prf(TP, FP, FN, 1),
              cc::prf(TP, FP, FN, 2), TP + FN);
}

void speed(const std::string& testa, const cc::Pipeline& tokenizer,
           const cc::Component& entity, const std::string& text_out) {
  auto c = cc::read_iob_file(testa);
  if (!c.ok()) return;
  cc::Document doc;
  for (const auto& d : c->docs)
    for (auto [b, e] : d.sentences) {
      for (uint32_t i = b; i < e; ++i) {
        if (i > b) doc.text += ' ';
        doc.text.append(d.words[i]);
      }
      doc.text += '\n';
    }
  if (!text_out.empty()) std::ofstream(text_out, std::ios::binary) << doc.text;
  tokenizer.run(doc);
  // CPU time of this thread, not wall time: the machine is shared, and the
  // peer is timed the same way.
  auto cpu_seconds = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  const int reps = 5;
  double t0 = cpu_seconds();
  for (int r = 0; r < reps; ++r) entity.process(doc);
  double s = cpu_seconds() - t0;
  double tokens = static_cast<double>(doc.tokens.size()) * reps;
  std::printf("speed entity component, 1 thread: %.0f tokens in %.2f s CPU = %.0f tokens/s\n",
              tokens, s, tokens / s);
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = CROSSCHECK_SHARED_DIR, data = CROSSCHECK_DATA_DIR, text_out;
  std::string news = std::string(CROSSCHECK_SOURCE_DIR) + "/bench/entity/news_sentences.txt";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--shared") shared = argv[i + 1];
    else if (a == "--data") data = argv[i + 1];
    else if (a == "--news") news = argv[i + 1];
    else if (a == "--text-out") text_out = argv[i + 1];
  }
  std::string dir = data + "/entity/";
  auto gaz = cc::Gazetteer::load(dir + "gazetteer.tsv");
  auto clusters = cc::WordClusters::load(dir + "clusters.tsv");
  auto names = cc::Gazetteer::load(dir + "names.tsv");
  auto model = cc::NerModel::load(dir + "ner.model");
  auto pipeline = cc::Pipeline::load(cc::Resources{data}, {"entity"});
  auto tokenizer = cc::Pipeline::load(cc::Resources{data}, std::vector<std::string>{});
  auto entity = cc::make_entity_tagger(cc::Resources{data});
  if (!gaz.ok() || !clusters.ok() || !names.ok() || !model.ok() || !pipeline.ok() ||
      !tokenizer.ok() || !entity.ok()) {
    std::fprintf(stderr, "cannot load the entity data from %s\n", dir.c_str());
    return 1;
  }
  std::printf("model %zu rows, gazetteer %zu phrases, %zu clustered words, %zu listed names\n",
              model->rows(), gaz->size(), clusters->size(), names->size());
  cc::NerLexicons lex{&gaz.value(), &clusters.value(), &names.value()};
  std::string testa = shared + "/data/ner/conll2003/eng.testa";
  score_corpus(testa, *model, lex, "conll2003 eng.testa", {1, 2, 3, 4});
  score_corpus(shared + "/data/ner/wnut17/dev.conll", *model, lex, "wnut17 dev", {1, 2, 3});
  score_news(news, *pipeline);
  speed(testa, *tokenizer, **entity, text_out);
  return 0;
}
