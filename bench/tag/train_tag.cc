// crosscheck-train-tag: trains the POS tagger and the chunker and writes the
// two model files the tag component loads. See docs/tag.md for the command
// that built the shipped models.
//
// The tagger learns from every corpus given (CoNLL files with --conll, the
// GMB CSV with --gmb); the chunker from the CoNLL files only (GMB has no
// chunks), over POS tags predicted by taggers trained on the other folds
// (--jackknife K), so it learns from the kind of tags it will see.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "nlp/tag/tagger.h"
#include "tag_eval.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: crosscheck-train-tag --pos-out MODEL --dict-out TSV --chunk-out MODEL "
               "[--epochs N] [--dict-count N] [--dict-share S] "
               "[--chunk-epochs N] [--prune W] [--jackknife K] [--gmb CSV] [--dev FILE [--dump OUT]] "
               "CONLL_TRAIN...\n");
  return 2;
}

// Several corpora as one: views into their storage, which must outlive it.
struct Combined {
  cc::TagInput input;
  std::vector<uint8_t> pos, chunk;
  void append(const cc::TagCorpus& c) {
    auto base = static_cast<uint32_t>(input.words.size());
    input.words.insert(input.words.end(), c.input.words.begin(), c.input.words.end());
    for (auto [b, e] : c.input.sentences) input.sentences.emplace_back(base + b, base + e);
    pos.insert(pos.end(), c.pos.begin(), c.pos.end());
    chunk.insert(chunk.end(), c.chunk.begin(), c.chunk.end());
  }
};

// The same words with only some of the sentences.
cc::TagInput with_sentences(const cc::TagInput& in, size_t first, size_t end) {
  cc::TagInput out;
  out.words = in.words;
  out.sentences.assign(in.sentences.begin() + first, in.sentences.begin() + end);
  return out;
}

// A POS tagger trained for `epochs` shuffled passes over `in`.
cc::PosTagger train_pos(const cc::TagInput& in, const std::vector<uint8_t>& gold,
                        const cc::TagDictionary& dict, int epochs, float prune, bool verbose) {
  cc::PosTrainer trainer(in, dict);
  std::mt19937 rng(20261207);
  std::vector<uint32_t> order(in.sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  for (int e = 0; e < epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = trainer.train_epoch(gold, order);
    if (verbose)
      std::fprintf(stderr, "pos epoch %d: %zu tag errors, %zu feature rows\n", e + 1, errors,
                   trainer.rows());
  }
  return trainer.finish(prune);
}

}  // namespace

int main(int argc, char** argv) {
  std::string pos_out, dict_out, chunk_out, gmb, dev, dump;
  int epochs = 8, chunk_epochs = 8, jackknife = 0, dict_count = 20;
  float prune = 0.5f;
  double dict_share = 0.99;
  std::vector<std::string> conll;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--pos-out") pos_out = next();
    else if (a == "--chunk-out") chunk_out = next();
    else if (a == "--dict-out") dict_out = next();
    else if (a == "--dict-count") dict_count = std::atoi(next().c_str());
    else if (a == "--dict-share") dict_share = std::strtod(next().c_str(), nullptr);
    else if (a == "--epochs") epochs = std::atoi(next().c_str());
    else if (a == "--chunk-epochs") chunk_epochs = std::atoi(next().c_str());
    else if (a == "--prune") prune = std::strtof(next().c_str(), nullptr);
    else if (a == "--jackknife") jackknife = std::atoi(next().c_str());
    else if (a == "--gmb") gmb = next();
    else if (a == "--dev") dev = next();
    else if (a == "--dump") dump = next();
    else if (!a.empty() && a[0] == '-') return usage();
    else conll.push_back(a);
  }
  if (pos_out.empty() || dict_out.empty() || chunk_out.empty() || conll.empty() || epochs <= 0 ||
      chunk_epochs <= 0 || jackknife < 0 || jackknife == 1)
    return usage();

  std::vector<cc::TagCorpus> corpora;
  corpora.reserve(conll.size() + 1);
  auto read = [&](const std::string& path, bool is_gmb) {
    auto c = is_gmb ? cc::read_gmb_csv(path) : cc::read_conll_tags(path);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.status().message().c_str());
      std::exit(1);
    }
    std::fprintf(stderr, "%s: %zu sentences, %zu tokens\n", path.c_str(),
                 c->input.sentences.size(), c->input.words.size());
    corpora.push_back(std::move(c.value()));
  };
  for (const auto& path : conll) read(path, false);
  Combined chunked;  // the CoNLL files: POS and chunks
  for (const auto& c : corpora) chunked.append(c);
  Combined all = chunked;  // what the tagger learns from
  if (!gmb.empty()) {
    read(gmb, true);
    all.append(corpora.back());
  }

  cc::TagDictionary dict = cc::TagDictionary::build(all.input, all.pos, dict_count, dict_share);
  cc::PosTagger tagger = train_pos(all.input, all.pos, dict, epochs, prune, true);
  if (auto s = tagger.save(pos_out, dict_out); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s: %zu rows after pruning below %.3f; %s: %zu words\n",
               pos_out.c_str(), tagger.rows(), prune, dict_out.c_str(), dict.size());

  // POS tags for the chunker to learn from: each fold of the CoNLL
  // sentences tagged by a tagger that never saw it (plus GMB).
  std::vector<uint8_t> chunk_pos = chunked.pos;
  const size_t n = chunked.input.sentences.size();
  cc::TagScratch scratch;
  for (int k = 0; k < jackknife; ++k) {
    size_t first = n * k / jackknife, end = n * (k + 1) / jackknife;
    Combined rest;
    rest.input.words = all.input.words;
    rest.pos = all.pos;
    for (size_t s = 0; s < all.input.sentences.size(); ++s)
      if (s < first || s >= end) rest.input.sentences.push_back(all.input.sentences[s]);
    cc::PosTagger fold = train_pos(rest.input, rest.pos, dict, epochs, prune, false);
    std::vector<uint8_t> tags;
    cc::TagInput held = with_sentences(chunked.input, first, end);
    fold.tag(held, scratch, tags);
    cc::PosScore score;
    for (auto [b, e] : held.sentences)
      for (uint32_t i = b; i < e; ++i) chunk_pos[i] = tags[i];
    for (auto [b, e] : held.sentences) {
      score.add(std::vector<uint8_t>(chunked.pos.begin() + b, chunked.pos.begin() + e),
                std::vector<uint8_t>(tags.begin() + b, tags.begin() + e));
    }
    std::fprintf(stderr, "jackknife fold %d: POS accuracy %.4f on %zu tokens\n", k + 1,
                 score.accuracy(), score.total);
  }

  cc::ChunkTrainer trainer(chunked.input, chunk_pos);
  std::mt19937 rng(20261208);
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
  for (int e = 0; e < chunk_epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = trainer.train_epoch(chunked.chunk, order);
    std::fprintf(stderr, "chunk epoch %d: %zu tag errors, %zu feature rows\n", e + 1, errors,
                 trainer.rows());
  }
  cc::Chunker chunker = trainer.finish(prune);
  if (auto s = chunker.save(chunk_out); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s: %zu rows after pruning below %.3f\n", chunk_out.c_str(),
               chunker.rows(), prune);

  if (!dev.empty()) {
    auto c = cc::read_conll_tags(dev);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.status().message().c_str());
      return 1;
    }
    std::vector<uint8_t> pos, chunks;
    tagger.tag(c->input, scratch, pos);
    chunker.tag(c->input, pos, scratch, chunks);
    cc::PosScore ps;
    ps.add(c->pos, pos);
    cc::ChunkScore cs;
    cs.add(c->input.sentences, c->chunk, chunks);
    std::printf("%s: POS accuracy %.4f (%zu tokens)\n", dev.c_str(), ps.accuracy(), ps.total);
    cs.print(dev.c_str());
    // The chunker alone: over the corpus's own POS tags.
    std::vector<uint8_t> given;
    chunker.tag(c->input, c->pos, scratch, given);
    cc::ChunkScore gs;
    gs.add(c->input.sentences, c->chunk, given);
    std::printf("%s: chunk F1 %.4f over the corpus's POS tags\n", dev.c_str(), gs.f1());
    // conlleval's input: word, gold and predicted tags, for error analysis.
    if (!dump.empty()) {
      std::FILE* f = std::fopen(dump.c_str(), "w");
      if (!f) {
        std::fprintf(stderr, "cannot write %s\n", dump.c_str());
        return 1;
      }
      for (auto [b, e] : c->input.sentences) {
        for (uint32_t i = b; i < e; ++i) {
          auto chunk = [](uint8_t k) {
            return cc::chunk_tag_name(cc::chunk_type_of_class(k), cc::chunk_class_begins(k));
          };
          std::fprintf(f, "%.*s %s %s %s %s\n", static_cast<int>(c->input.words[i].size()),
                       c->input.words[i].data(), cc::pos_tag_name(cc::pos_of_class(c->pos[i])),
                       cc::pos_tag_name(cc::pos_of_class(pos[i])), chunk(c->chunk[i]).c_str(),
                       chunk(chunks[i]).c_str());
        }
        std::fputc('\n', f);
      }
      std::fclose(f);
    }
  }
  return 0;
}
