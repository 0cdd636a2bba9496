#include "nlp/tag/tag.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nlp/pipeline.h"
#include "nlp/tag/tagger.h"
#include "scratch_dir.h"

namespace cc {
namespace {

const Pipeline& tagging() {
  static const Pipeline p = [] {
    auto loaded = Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {"tag"});
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return std::move(loaded.value());
  }();
  return p;
}

Document tagged(std::string text) {
  Document d;
  d.text = std::move(text);
  tagging().run(d);
  return d;
}

// The token whose text is `word` (the first one).
uint32_t find(const Document& d, std::string_view word) {
  for (uint32_t i = 0; i < d.tokens.size(); ++i)
    if (d[d.tokens[i].span] == word) return i;
  ADD_FAILURE() << "no token " << word;
  return 0;
}

PosTag pos(const Document& d, std::string_view word) { return d.tokens[find(d, word)].value.pos; }

std::string chunk(const Document& d, std::string_view word) {
  const Token& t = d.tokens[find(d, word)].value;
  return chunk_tag_name(t.chunk, t.chunk_begin);
}

// Chunk tags are well-formed IOB2: an I- continues a phrase of its type.
void expect_valid_chunks(const Document& d) {
  for (const auto& s : d.sentences)
    for (uint32_t i = s.value.first_token; i < s.value.end_token; ++i) {
      const Token& t = d.tokens[i].value;
      EXPECT_NE(t.pos, PosTag::none) << "untagged token " << i;
      if (t.chunk == ChunkType::none || t.chunk_begin) continue;
      ASSERT_GT(i, s.value.first_token) << "I- tag opens a sentence";
      EXPECT_EQ(d.tokens[i - 1].value.chunk, t.chunk) << "I- tag after another type at " << i;
    }
}

TEST(Tag, NewsSentence) {
  auto d = tagged("The prime minister has been criticised for the delay, officials said on Monday.");
  EXPECT_EQ(pos(d, "The"), PosTag::DT);
  EXPECT_EQ(pos(d, "minister"), PosTag::NN);
  EXPECT_EQ(pos(d, "has"), PosTag::VBZ);
  EXPECT_EQ(pos(d, "criticised"), PosTag::VBN);
  EXPECT_EQ(pos(d, "officials"), PosTag::NNS);
  EXPECT_EQ(pos(d, "said"), PosTag::VBD);
  EXPECT_EQ(pos(d, "Monday"), PosTag::NNP);
  EXPECT_EQ(pos(d, ","), PosTag::comma);
  EXPECT_EQ(chunk(d, "The"), "B-NP");
  EXPECT_EQ(chunk(d, "minister"), "I-NP");
  EXPECT_EQ(chunk(d, "has"), "B-VP");
  EXPECT_EQ(chunk(d, "criticised"), "I-VP");
  EXPECT_EQ(chunk(d, "for"), "B-PP");
  EXPECT_EQ(chunk(d, ","), "O");
  expect_valid_chunks(d);

  // The helpers: the subject's head noun and the verb phrase's main verb.
  Chunk np = chunk_at(d, find(d, "prime"));
  EXPECT_EQ(np.type, ChunkType::NP);
  EXPECT_EQ(np.first, 0u);
  EXPECT_EQ(head_noun(d, np), find(d, "minister"));
  Chunk vp = chunk_at(d, find(d, "been"));
  EXPECT_EQ(vp.type, ChunkType::VP);
  EXPECT_EQ(main_verb(d, vp), find(d, "criticised"));
  EXPECT_TRUE(is_verb(pos(d, "criticised")));
  EXPECT_TRUE(is_noun(pos(d, "officials")));
  EXPECT_FALSE(is_noun(pos(d, "said")));
  auto phrases = chunks_in(d, 0, static_cast<uint32_t>(d.tokens.size()));
  ASSERT_GE(phrases.size(), 6u);
  EXPECT_EQ(phrases[0].first, np.first);
  EXPECT_EQ(phrases[0].end, np.end);
  for (const Chunk& c : phrases) EXPECT_NE(c.type, ChunkType::none);
}

TEST(Tag, ContractionsNumbersAndQuotes) {
  // The tokenizer keeps "didn't" whole; it is tagged as its verb.
  auto d = tagged("\u201cWe didn't expect it,\u201d he said. Prices rose 3.2% to $1.5 billion.");
  EXPECT_EQ(pos(d, "didn't"), PosTag::VBD);
  EXPECT_EQ(pos(d, "expect"), PosTag::VB);
  EXPECT_EQ(pos(d, "\u201c"), PosTag::open_quote);
  EXPECT_EQ(pos(d, "\u201d"), PosTag::close_quote);
  EXPECT_EQ(pos(d, "3.2"), PosTag::CD);
  EXPECT_EQ(pos(d, "$"), PosTag::dollar);
  EXPECT_EQ(chunk(d, "$"), "B-NP");
  EXPECT_EQ(chunk(d, "billion"), "I-NP");
  // Straight quotes: opening or closing by their spacing.
  auto s = tagged("He called it \"a mistake\" and left.");
  const auto& toks = s.tokens;
  std::vector<PosTag> quotes;
  for (const auto& t : toks)
    if (s[t.span] == "\"") quotes.push_back(t.value.pos);
  EXPECT_EQ(quotes, (std::vector<PosTag>{PosTag::open_quote, PosTag::close_quote}));
}

TEST(Tag, AllCapsHeadline) {
  auto d = tagged("OFFICIALS SAY FLOODS KILLED 12 PEOPLE IN THE NORTH");
  expect_valid_chunks(d);
  EXPECT_EQ(pos(d, "12"), PosTag::CD);
  EXPECT_EQ(pos(d, "IN"), PosTag::IN);
  EXPECT_EQ(pos(d, "THE"), PosTag::DT);
  // Capitals do not make every word a proper noun.
  int proper = 0;
  for (const auto& t : d.tokens) proper += is_proper_noun(t.value.pos);
  EXPECT_LT(proper, static_cast<int>(d.tokens.size()) - 3);
}

TEST(Tag, EmptyAndPunctuationOnlyDocuments) {
  auto empty = tagged("");
  EXPECT_TRUE(empty.tokens.empty());
  auto marks = tagged("... !?");
  expect_valid_chunks(marks);
  EXPECT_TRUE(chunk_at(marks, 99).empty());
  EXPECT_TRUE(chunks_in(marks, 0, 99).empty());  // punctuation is outside phrases
}

TEST(Tag, LargeDocumentTagsEveryCopyAlike) {
  // A 10 MB document of one paragraph repeated: every copy gets the same
  // tags, so the work is per sentence, not per document.
  const std::string paragraph =
      "The regional government said on Tuesday that floodwaters had forced more than 12,000 "
      "people from their homes, and aid agencies warned that food could run out.\n";
  std::string text;
  size_t copies = 0;
  while (text.size() < 10'000'000) {
    text += paragraph;
    ++copies;
  }
  auto d = tagged(std::move(text));
  ASSERT_EQ(d.tokens.size() % copies, 0u);
  const size_t per = d.tokens.size() / copies;
  for (size_t i = 0; i < per; ++i) {
    const Token& first = d.tokens[i].value;
    const Token& last = d.tokens[d.tokens.size() - per + i].value;
    EXPECT_NE(first.pos, PosTag::none);
    EXPECT_EQ(first.pos, last.pos) << i;
    EXPECT_EQ(first.chunk, last.chunk) << i;
    EXPECT_EQ(first.chunk_begin, last.chunk_begin) << i;
  }
}

TEST(Tag, TokensCarryTagsInJson) {
  auto d = tagged("Officials said.");
  nlohmann::json j = d.tokens[0].value;
  EXPECT_EQ(j["pos"], "NNS");
  EXPECT_EQ(j["chunk"], "B-NP");
  nlohmann::json untagged = Token{};
  EXPECT_FALSE(untagged.contains("pos"));
}

TEST(TagModel, MissingAndDamagedFilesGiveClearErrors) {
  const std::string data = CROSSCHECK_DATA_DIR;
  auto missing = PosTagger::load("/nonexistent/pos.model", data + "/tag/pos_dict.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/pos.model"), std::string::npos);
  auto no_dict = PosTagger::load(data + "/tag/pos.model", "/nonexistent/pos_dict.tsv");
  ASSERT_FALSE(no_dict.ok());
  EXPECT_NE(no_dict.status().message().find("pos_dict.tsv"), std::string::npos);

  // A truncated copy of the shipped model.
  std::ifstream in(data + "/tag/chunk.model", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 1000u);
  auto truncated = Chunker::load(cc::testing::write_scratch_file("cut.model", bytes.substr(0, bytes.size() / 2)));
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("cut.model"), std::string::npos);
  EXPECT_NE(truncated.status().message().find("truncated"), std::string::npos);
  // Another tagger's file, and no model at all.
  EXPECT_FALSE(PosTagger::load(cc::testing::write_scratch_file("chunk_as_pos.model", bytes),
                               data + "/tag/pos_dict.tsv").ok());
  EXPECT_FALSE(Chunker::load(cc::testing::write_scratch_file("junk.model", std::string(64, 'x'))).ok());
  auto bad_dict = TagDictionary::load(cc::testing::write_scratch_file("bad_dict.tsv", "the DT\nword NOTATAG\n"));
  ASSERT_FALSE(bad_dict.ok());
  EXPECT_NE(bad_dict.status().message().find(":2"), std::string::npos);

  // The component fails to load naming the file.
  auto dir = std::filesystem::path(cc::testing::scratch_path("tag_empty_data"));
  std::filesystem::create_directories(dir);
  auto made = make_tagger(Resources{dir.string()});
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.status().message().find("pos.model"), std::string::npos);
}

// A toy corpus: "X flew to Y" with names and places, tagged and chunked.
std::string toy_conll() {
  std::string text = "-DOCSTART- -X- O O\n\n";
  const char* names[] = {"Arkady", "Bolat", "Chen", "Dara"};
  const char* places[] = {"Osh", "Tver", "Hue", "Kano"};
  for (int i = 0; i < 32; ++i)
    text += std::string(names[i % 4]) + " NNP I-NP O\nflew VBD I-VP O\nto TO I-PP O\n" +
            places[(i / 4) % 4] + " NNP I-NP O\nbut CC O O\nwo MD I-VP O\nn't RB I-VP O\nstay VB I-VP O\n. . O O\n\n";
  return text;
}

TEST(TagModel, LearnsAToyCorpusAndSurvivesSaveAndLoad) {
  auto c = read_conll_tags(cc::testing::write_scratch_file("toy.conll", toy_conll()));
  ASSERT_TRUE(c.ok()) << c.status().message();
  // "wo" "n't" joined as the tokenizer writes it, with the first part's tags.
  ASSERT_EQ(c->input.sentences.size(), 32u);
  EXPECT_EQ(c->input.words[5], "won't");
  EXPECT_EQ(pos_of_class(c->pos[5]), PosTag::MD);
  EXPECT_EQ(c->chunk[0], chunk_class(ChunkType::NP, true));
  EXPECT_EQ(c->chunk[6], chunk_class(ChunkType::VP, false));

  std::vector<uint32_t> order(c->input.sentences.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  PosTrainer pt(c->input, TagDictionary::build(c->input, c->pos, 20, 0.99));
  size_t last = pt.train_epoch(c->pos, order);
  EXPECT_GT(last, 0u);
  for (int e = 0; e < 4; ++e) last = pt.train_epoch(c->pos, order);
  EXPECT_EQ(last, 0u);
  ChunkTrainer ct(c->input, c->pos);
  for (int e = 0; e < 5; ++e) last = ct.train_epoch(c->chunk, order);
  EXPECT_EQ(last, 0u);
  PosTagger tagger = pt.finish(0.0f);
  Chunker chunker = ct.finish(0.0f);
  const std::string model = cc::testing::scratch_path("toy_pos.model"), dict = cc::testing::scratch_path("toy_dict.tsv"),
                    chunks = cc::testing::scratch_path("toy_chunk.model");
  ASSERT_TRUE(tagger.save(model, dict).ok());
  ASSERT_TRUE(chunker.save(chunks).ok());
  auto pos2 = PosTagger::load(model, dict);
  ASSERT_TRUE(pos2.ok()) << pos2.status().message();
  auto chunk2 = Chunker::load(chunks);
  ASSERT_TRUE(chunk2.ok()) << chunk2.status().message();

  TagInput in;
  in.words = {"Zoltan", "flew", "to", "Nukus", "."};
  in.sentences = {{0, 5}};
  TagScratch scratch;
  std::vector<uint8_t> a, b, ca, cb;
  tagger.tag(in, scratch, a);
  pos2->tag(in, scratch, b);
  EXPECT_EQ(a, b);
  EXPECT_EQ(pos_of_class(a[0]), PosTag::NNP);
  EXPECT_EQ(pos_of_class(a[1]), PosTag::VBD);
  chunker.tag(in, a, scratch, ca);
  chunk2->tag(in, a, scratch, cb);
  EXPECT_EQ(ca, cb);
  EXPECT_EQ(ca[0], chunk_class(ChunkType::NP, true));
  EXPECT_EQ(ca[1], chunk_class(ChunkType::VP, true));
  EXPECT_EQ(ca[4], 0);
}

TEST(TagModel, ReadsGmbCsvAndNamesBadLines) {
  auto c = read_gmb_csv(cc::testing::write_scratch_file(
      "gmb.csv",
      "Sentence #,Word,POS,Tag\nSentence: 1,Prices,NNS,O\n,\"1,500\",CD,O\n,\"\"\"\",``,O\n"
      ",\",\",\",\",O\nSentence: 2,They,PRP,O\n,do,VBP,O\n,n't,RB,O\n,LRB,LRB,O\n"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->input.sentences.size(), 2u);
  EXPECT_EQ(c->input.words[1], "1,500");
  EXPECT_EQ(c->input.words[2], "\"");
  EXPECT_EQ(pos_of_class(c->pos[2]), PosTag::close_quote);  // quotes are one class
  EXPECT_EQ(c->input.words[5], "don't");
  EXPECT_EQ(pos_of_class(c->pos[6]), PosTag::lrb);
  EXPECT_TRUE(c->chunk.empty());
  auto bad = read_gmb_csv(cc::testing::write_scratch_file("bad.csv", "Sentence #,Word,POS,Tag\nSentence: 1,x,QQ,O\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":2:"), std::string::npos);
}

}  // namespace
}  // namespace cc
