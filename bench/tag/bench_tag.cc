// crosscheck-bench-tag: accuracy and speed of the tag component.
//
// Accuracy: POS token accuracy and phrase-level chunk P/R/F1 (conlleval
// style) on
//   - CoNLL-2003 eng.testa, its own tokens (the tags there were assigned by
//     a tagger, not by hand: see docs/tag.md);
//   - bench/tag/news_tagged.txt: news sentences written for this project,
//     tokenized by the project's tokenizer, gold tags assigned by hand.
// Speed: the tag component alone (tokens already in place) over the
// eng.testa text, single-threaded, in tokens per CPU second, beside the
// tokenizer and the entity component on the same text.
//
// --peer-dir DIR writes both token sets with gold tags ("word TAG" lines,
// blank lines between sentences) for the peer (peer_wink.js).
#include <time.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "nlp/entity/entity.h"
#include "nlp/pipeline.h"
#include "nlp/tag/tag.h"
#include "nlp/tag/tagger.h"
#include "tag_eval.h"

namespace {

double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The corpus's quote class is one tag; the component writes `` or ''.
uint8_t class_of(cc::PosTag t) {
  return cc::pos_class(t == cc::PosTag::open_quote ? cc::PosTag::close_quote : t);
}

void write_peer_file(const std::string& path, const cc::TagInput& in,
                     const std::vector<uint8_t>& pos) {
  std::ofstream out(path, std::ios::binary);
  for (auto [b, e] : in.sentences) {
    for (uint32_t i = b; i < e; ++i)
      out << in.words[i] << ' ' << cc::pos_tag_name(cc::pos_of_class(pos[i])) << '\n';
    out << '\n';
  }
}

void score_testa(const std::string& path, const cc::PosTagger& tagger, const cc::Chunker& chunker,
                 const std::string& peer_dir) {
  auto c = cc::read_conll_tags(path);
  if (!c.ok()) {
    std::printf("conll2003 eng.testa: skipped (%s)\n", c.status().message().c_str());
    return;
  }
  cc::TagScratch scratch;
  std::vector<uint8_t> pos, chunks;
  tagger.tag(c->input, scratch, pos);
  chunker.tag(c->input, pos, scratch, chunks);
  cc::PosScore ps;
  ps.add(c->pos, pos);
  cc::ChunkScore cs;
  cs.add(c->input.sentences, c->chunk, chunks);
  std::printf("conll2003 eng.testa (%zu tokens, %zu sentences)\n", ps.total,
              c->input.sentences.size());
  std::printf("  POS accuracy %.4f\n", ps.accuracy());
  cs.print("eng.testa chunks");
  if (!peer_dir.empty()) write_peer_file(peer_dir + "/testa.txt", c->input, c->pos);
}

// news_tagged.txt: a "# text = ..." line, then one "word POS CHUNK" line per
// token as the project's tokenizer splits the text, then a blank line.
struct NewsSentence {
  std::string text;
  std::vector<std::string> words, pos, chunk;
  size_t line = 0;
};

bool read_news(const std::string& path, std::vector<NewsSentence>& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("# text = ", 0) == 0) {
      out.emplace_back();
      out.back().text = line.substr(9);
      out.back().line = n;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (out.empty()) return false;
    size_t a = line.rfind(' ');
    size_t b = a == std::string::npos || a == 0 ? std::string::npos : line.rfind(' ', a - 1);
    if (b == std::string::npos) {
      std::fprintf(stderr, "%s:%zu: expected 'word POS CHUNK'\n", path.c_str(), n);
      return false;
    }
    out.back().words.push_back(line.substr(0, b));
    out.back().pos.push_back(line.substr(b + 1, a - b - 1));
    out.back().chunk.push_back(line.substr(a + 1));
  }
  return true;
}

void score_news(const std::string& path, const cc::Pipeline& pipeline, const std::string& peer_dir) {
  std::vector<NewsSentence> sentences;
  if (!read_news(path, sentences)) {
    std::printf("own news sentences: skipped (cannot read %s)\n", path.c_str());
    return;
  }
  cc::PosScore ps;
  cc::ChunkScore cs;
  cc::TagInput peer;  // the project's tokens with gold tags, for the peer
  std::vector<uint8_t> peer_gold;
  size_t mismatched = 0, unknown = 0;
  for (const auto& s : sentences) {
    cc::Document doc;
    doc.text = s.text;
    pipeline.run(doc);
    bool same = doc.tokens.size() == s.words.size();
    for (size_t i = 0; same && i < s.words.size(); ++i) same = doc[doc.tokens[i].span] == s.words[i];
    if (!same) {
      std::fprintf(stderr, "%s:%zu: the tokenizer splits this sentence differently\n",
                   path.c_str(), s.line);
      ++mismatched;
      continue;
    }
    std::vector<uint8_t> gold_pos, pred_pos, gold_chunk, pred_chunk;
    for (size_t i = 0; i < s.words.size(); ++i) {
      cc::PosTag g = cc::parse_pos_tag(s.pos[i]);
      cc::ChunkType ct = cc::parse_chunk_type(s.chunk[i]);
      if (g == cc::PosTag::none || (ct == cc::ChunkType::none && s.chunk[i] != "O")) {
        std::fprintf(stderr, "%s: sentence at line %zu: unknown tag '%s %s'\n", path.c_str(),
                     s.line, s.pos[i].c_str(), s.chunk[i].c_str());
        ++unknown;
      }
      const cc::Token& t = doc.tokens[i].value;
      // Quotes count exactly here: the component decides `` from ''.
      gold_pos.push_back(static_cast<uint8_t>(g));
      pred_pos.push_back(static_cast<uint8_t>(t.pos));
      gold_chunk.push_back(cc::chunk_class(ct, s.chunk[i][0] == 'B'));
      pred_chunk.push_back(cc::chunk_class(t.chunk, t.chunk_begin));
      peer.words.push_back(s.words[i]);  // views into `sentences`, alive below
      peer_gold.push_back(class_of(g));
    }
    auto end = static_cast<uint32_t>(peer.words.size());
    peer.sentences.emplace_back(end - static_cast<uint32_t>(s.words.size()), end);
    ps.add(gold_pos, pred_pos);
    cs.add({{0, static_cast<uint32_t>(gold_chunk.size())}}, gold_chunk, pred_chunk);
  }
  std::printf("own news sentences (%zu tokens, %zu sentences; %zu skipped: tokens differ; %zu "
              "unknown tags)\n",
              ps.total, sentences.size() - mismatched, mismatched, unknown);
  std::printf("  POS accuracy %.4f\n", ps.accuracy());
  cs.print("news chunks");
  if (!peer_dir.empty()) write_peer_file(peer_dir + "/news.txt", peer, peer_gold);
}

void speed(const std::string& testa, const cc::Pipeline& tokenizer, const cc::Component& tag,
           const cc::Component& entity) {
  auto c = cc::read_conll_tags(testa);
  if (!c.ok()) return;
  cc::Document doc;
  for (auto [b, e] : c->input.sentences) {
    for (uint32_t i = b; i < e; ++i) {
      if (i > b) doc.text += ' ';
      doc.text.append(c->input.words[i]);
    }
    doc.text += '\n';
  }
  const int reps = 5;
  double t0 = cpu_seconds();
  for (int r = 0; r < reps; ++r) tokenizer.run(doc);
  double tokenize_s = cpu_seconds() - t0;
  t0 = cpu_seconds();
  for (int r = 0; r < reps; ++r) tag.process(doc);
  double tag_s = cpu_seconds() - t0;
  t0 = cpu_seconds();
  for (int r = 0; r < reps; ++r) entity.process(doc);
  double entity_s = cpu_seconds() - t0;
  double tokens = static_cast<double>(doc.tokens.size()) * reps;
  std::printf("speed tokenize, 1 thread: %.0f tokens/s\n", tokens / tokenize_s);
  std::printf("speed entity component, 1 thread: %.0f tokens/s\n", tokens / entity_s);
  std::printf("speed tag component (POS + chunks), 1 thread: %.0f tokens in %.2f s CPU = %.0f "
              "tokens/s\n",
              tokens, tag_s, tokens / tag_s);
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = CROSSCHECK_SHARED_DIR, data = CROSSCHECK_DATA_DIR, peer_dir;
  std::string news = std::string(CROSSCHECK_SOURCE_DIR) + "/bench/tag/news_tagged.txt";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--shared") shared = argv[i + 1];
    else if (a == "--data") data = argv[i + 1];
    else if (a == "--news") news = argv[i + 1];
    else if (a == "--peer-dir") peer_dir = argv[i + 1];
  }
  auto tagger = cc::PosTagger::load(data + "/tag/pos.model", data + "/tag/pos_dict.tsv");
  auto chunker = cc::Chunker::load(data + "/tag/chunk.model");
  auto pipeline = cc::Pipeline::load(cc::Resources{data}, {"tag"});
  auto tokenizer = cc::Pipeline::load(cc::Resources{data}, std::vector<std::string>{});
  auto tag = cc::make_tagger(cc::Resources{data});
  auto entity = cc::make_entity_tagger(cc::Resources{data});
  for (const cc::Status& s : {tagger.status(), chunker.status(), pipeline.status(),
                              tokenizer.status(), tag.status(), entity.status()})
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
  std::printf("models: POS %zu rows and %zu dictionary words, chunks %zu rows\n", tagger->rows(),
              tagger->dictionary_words(), chunker->rows());
  std::string testa = shared + "/data/ner/conll2003/eng.testa";
  score_testa(testa, *tagger, *chunker, peer_dir);
  score_news(news, *pipeline, peer_dir);
  speed(testa, *tokenizer, **tag, **entity);
  return 0;
}
