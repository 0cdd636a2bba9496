#include "nlp/entity/ner_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "scratch_dir.h"

namespace cc {
namespace {

TEST(IobReader, ConvertsIob1ToIob2AndSplitsDocuments) {
  std::string path = cc::testing::write_scratch_file("iob1.txt",
                                "-DOCSTART- -X- O O\n\n"
                                "Envoys NNS I-NP O\nin IN I-PP O\nKyiv NNP I-NP I-LOC\n"
                                "Lviv NNP I-NP B-LOC\n. . O O\n\n"
                                "-DOCSTART- -X- O O\n\n"
                                "Anna NNP I-NP I-PER\nKovalenko NNP I-NP I-PER\nspoke VBD I-VP O\n");
  auto c = read_iob_file(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->docs.size(), 2u);
  EXPECT_EQ(c->tokens, 8u);
  EXPECT_EQ(c->docs[0].words[2], "Kyiv");
  EXPECT_EQ(c->tags[0], (std::vector<uint8_t>{kO, kO, kBLoc, kBLoc, kO}));
  EXPECT_EQ(c->tags[1], (std::vector<uint8_t>{kBPer, kIPer, kO}));
  EXPECT_EQ(c->docs[1].sentences.size(), 1u);
}

TEST(IobReader, ReadsWikiannAndWnutStyles) {
  std::string path = cc::testing::write_scratch_file("iob2.txt",
                                "en:Sioux\tB-ORG\nen:Falls\tI-ORG\n\n"
                                "@user\tO\nat\tO\nSamsung\tB-corporation\nnow\tO\n\n");
  auto c = read_iob_file(path);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->docs.size(), 2u);  // no -DOCSTART-: one document per sentence
  EXPECT_EQ(c->docs[0].words[0], "Sioux");
  EXPECT_EQ(c->tags[0], (std::vector<uint8_t>{kBOrg, kIOrg}));
  EXPECT_EQ(c->tags[1], (std::vector<uint8_t>{kO, kO, kBOrg, kO}));
}

TEST(IobReader, ErrorsNameTheFileAndLine) {
  auto missing = read_iob_file("/nonexistent/eng.train");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/eng.train"), std::string::npos);
  std::string path = cc::testing::write_scratch_file("bad.txt", "word O\nlonely\n");
  auto bad = read_iob_file(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":2:"), std::string::npos);
}

TEST(NerModel, LearnsAToyCorpusAndSurvivesSaveAndLoad) {
  // Persons after "minister", places after "in": learnable from context alone.
  std::string text = "-DOCSTART- O\n\n";
  const char* names[] = {"Arkady", "Bolat", "Chen", "Dara", "Emeka", "Farid", "Goran", "Hana"};
  const char* places[] = {"Osh", "Tver", "Hue", "Kano", "Aqaba", "Split", "Ufa", "Durres"};
  for (int i = 0; i < 64; ++i) {
    text += "minister O\n" + std::string(names[i % 8]) + " B-PER\nflew O\nto O\n" +
            places[(i / 8) % 8] + " B-LOC\n. O\n\n";
  }
  auto c = read_iob_file(cc::testing::write_scratch_file("toy.txt", text));
  ASSERT_TRUE(c.ok());
  NerTrainer trainer(NerLexicons{});
  size_t first = trainer.train_epoch(c->docs, c->tags);
  size_t last = first;
  for (int e = 0; e < 4; ++e) last = trainer.train_epoch(c->docs, c->tags);
  EXPECT_GT(first, 0u);
  EXPECT_EQ(last, 0u);
  NerModel model = trainer.finish(0.0f);
  std::string path = cc::testing::write_scratch_file("toy.model", "");
  ASSERT_TRUE(model.save(path).ok());
  auto loaded = NerModel::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();

  NerInput input;
  input.words = {"minister", "Zoltan", "flew", "to", "Nukus", "."};
  input.sentences = {{0, 6}};
  NerScratch scratch;
  std::vector<uint8_t> a, b;
  std::vector<float> margins;
  model.tag(input, NerLexicons{}, scratch, a, &margins);
  loaded->tag(input, NerLexicons{}, scratch, b, nullptr);
  EXPECT_EQ(a, (std::vector<uint8_t>{kO, kBPer, kO, kO, kBLoc, kO}));
  EXPECT_EQ(a, b);
  EXPECT_GT(margins[1], 0.f);
}

TEST(NerModel, UnsureLoneNamesTakeTheTypeTheirWordHasWhereTheTaggerIsSure) {
  NerInput input;
  input.words = {"Leeds", "United", "won", ".", "Leeds", "lost", ".", "Leeds", "drew", ".",
                 "Hull", "won", ".", "York", "lost", "."};
  input.sentences = {{0, 4}, {4, 7}, {7, 10}, {10, 13}, {13, 16}};
  std::vector<uint8_t> tags = {kBOrg, kIOrg, kO, kO, kBLoc, kO, kO, kBLoc, kO, kO,
                               kBLoc, kO, kO, kBPer, kO, kO};
  std::vector<float> margins = {30, 28, 9, 9, 3, 9, 9, 15, 9, 9, 2, 9, 9, 4, 9, 9};
  NerScratch scratch;
  settle_lone_names(input, scratch, tags, margins);
  EXPECT_EQ(tags[4], kBOrg) << "an unsure lone 'Leeds' follows the sure 'Leeds United'";
  EXPECT_EQ(tags[7], kBLoc) << "a fairly sure one keeps its own reading";
  EXPECT_EQ(tags[10], kBLoc) << "no sure mention of 'Hull' to follow";
  EXPECT_EQ(tags[13], kBPer);
  EXPECT_EQ(tags[0], kBOrg);
  EXPECT_EQ(tags[1], kIOrg);
}

TEST(NerModel, RejectsCorruptFiles) {
  auto bad = NerModel::load(cc::testing::write_scratch_file("bad.model", "CCNER001 truncated"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.model"), std::string::npos);
  EXPECT_FALSE(NerModel::load(cc::testing::write_scratch_file("wrong.model", std::string(64, 'x'))).ok());
}

}  // namespace
}  // namespace cc
