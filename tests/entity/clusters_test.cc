#include "nlp/entity/clusters.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "nlp/entity/gazetteer.h"
#include "nlp/entity/ner_model.h"
#include "nlp/tokenize.h"
#include "scratch_dir.h"

namespace cc {
namespace {

TEST(WordClusters, LoadsPathsAndFindsWordsAsWrittenWithDigitsFolded) {
  auto c = WordClusters::load(cc::testing::write_scratch_file("ok.tsv",
                                         "# comment\n"
                                         "Kiev\t0110\n"
                                         "ministry\t10\n"
                                         "1996\t111\n"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->size(), 3u);
  ClusterPath kiev = c->find("Kiev");
  EXPECT_EQ(kiev.length, 4u);
  EXPECT_EQ(kiev.prefix(2), c->find("KIEV").prefix(2));  // capitals read capitalized
  EXPECT_NE(kiev.prefix(2), kiev.prefix(3));             // prefixes of different length differ
  EXPECT_EQ(kiev.prefix(10), kiev.prefix(4));            // a short path is its whole self
  EXPECT_EQ(c->find("2031").length, 3u);                 // any four digits key as "0000"
  EXPECT_EQ(c->find("kiev").length, 0u);                 // case is kept otherwise
  EXPECT_EQ(c->find("Ministry").length, 0u);
  EXPECT_EQ(c->find("Lviv").prefix(4), 0u);
}

TEST(WordClusters, ErrorsNameTheFileAndLine) {
  auto missing = WordClusters::load("/nonexistent/clusters.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/clusters.tsv"), std::string::npos);
  auto bad = WordClusters::load(cc::testing::write_scratch_file("bad.tsv", "Kiev\t01\nLviv\t012\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":2:"), std::string::npos);
  EXPECT_FALSE(WordClusters::load(cc::testing::write_scratch_file("notab.tsv", "Kiev 01\n")).ok());
}

// Length of the common prefix of two paths.
size_t shared_steps(const std::string& a, const std::string& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

TEST(BrownClusters, GroupsWordsUsedAlikeAndIsDeterministic) {
  // Cities follow "to" and "in", people "then" and "met": two word classes
  // by context.
  std::vector<std::string> text;
  const char* cities[] = {"Osh", "Tver", "Kano", "Ufa"};
  const char* people[] = {"Arkady", "Bolat", "Dara", "Farid"};
  for (int i = 0; i < 40; ++i)
    text.push_back(std::string("then ") + people[i % 4] + " flew to " + cities[(i / 4) % 4] +
                   " and met " + people[(i + 1) % 4] + " in " + cities[(i + 2) % 4] + " today");
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& line : text) {
    std::vector<std::string_view> words;
    std::string_view s(line);
    while (!s.empty()) {
      size_t sp = s.find(' ');
      words.push_back(s.substr(0, sp));
      s = sp == std::string_view::npos ? std::string_view() : s.substr(sp + 1);
    }
    sentences.push_back(words);
  }
  auto run = brown_clusters(sentences, 6, 2);
  EXPECT_EQ(run, brown_clusters(sentences, 6, 2));
  std::map<std::string, std::string> path(run.begin(), run.end());
  ASSERT_EQ(path.size(), 15u);  // every word occurs at least twice
  EXPECT_GT(shared_steps(path["Osh"], path["Kano"]), shared_steps(path["Osh"], path["Bolat"]));
  EXPECT_GT(shared_steps(path["Arkady"], path["Farid"]), shared_steps(path["Farid"], path["Ufa"]));
  EXPECT_TRUE(brown_clusters({}, 6, 1).empty());
}

// Persons and organizations in identical contexts, with names of the same
// shape, each seen once an epoch: only a lexicon can tell an unseen word's
// type. Names are "Kaaq", "Kabq", ...; even ones are persons.
std::string toy_name(int i) {
  return std::string("Ka") + static_cast<char>('a' + i / 26 % 26) +
         static_cast<char>('a' + i % 26) + "q";
}

std::vector<uint8_t> train_and_tag(const NerLexicons& lex, const std::string& word) {
  std::string text = "-DOCSTART- O\n\n";
  for (int i = 0; i < 60; ++i)
    text += toy_name(i) + (i % 2 ? " B-ORG" : " B-PER") + "\nleft O\n. O\n\n";
  auto c = read_iob_file(cc::testing::write_scratch_file("two_types.txt", text));
  EXPECT_TRUE(c.ok());
  NerTrainer trainer(lex);
  for (int e = 0; e < 5; ++e) trainer.train_epoch(c->docs, c->tags);
  NerModel model = trainer.finish(0.0f);
  NerInput input;
  input.words = {word, "left", "."};
  input.sentences = {{0, 3}};
  NerScratch scratch;
  std::vector<uint8_t> tags;
  model.tag(input, lex, scratch, tags, nullptr);
  return tags;
}

// A lexicon file listing every toy name with `even`/`odd` as the second
// column, and "Zorg" with `zorg`.
std::string toy_lexicon(const std::string& even, const std::string& odd, const std::string& zorg,
                        const std::string& tail) {
  std::string out = "Zorg\t" + zorg + tail;
  for (int i = 0; i < 60; ++i) out += toy_name(i) + "\t" + (i % 2 ? odd : even) + tail;
  return out;
}

TEST(NerModel, WordClustersCarryATypeToAnUnseenWord) {
  // "Zorg" shares all but its last step with the persons, or the organizations.
  const std::string per = "000000000000", org = "111111111111";
  auto near_per = WordClusters::load(cc::testing::write_scratch_file("p.tsv", toy_lexicon(per, org, "000000000001", "\n")));
  auto near_org = WordClusters::load(cc::testing::write_scratch_file("o.tsv", toy_lexicon(per, org, "111111111110", "\n")));
  ASSERT_TRUE(near_per.ok() && near_org.ok());
  EXPECT_EQ(train_and_tag(NerLexicons{nullptr, &near_per.value(), nullptr}, "Zorg")[0], kBPer);
  EXPECT_EQ(train_and_tag(NerLexicons{nullptr, &near_org.value(), nullptr}, "Zorg")[0], kBOrg);
}

TEST(NerModel, NameListsCarryATypeToAnUnseenWord) {
  auto as_per = Gazetteer::load(cc::testing::write_scratch_file("np.tsv", toy_lexicon("PER", "ORG", "PER", "\t\t\n")));
  auto as_org = Gazetteer::load(cc::testing::write_scratch_file("no.tsv", toy_lexicon("PER", "ORG", "ORG", "\t\t\n")));
  ASSERT_TRUE(as_per.ok()) << as_per.status().message();
  ASSERT_TRUE(as_org.ok());
  EXPECT_EQ(train_and_tag(NerLexicons{nullptr, nullptr, &as_per.value()}, "Zorg")[0], kBPer);
  EXPECT_EQ(train_and_tag(NerLexicons{nullptr, nullptr, &as_org.value()}, "Zorg")[0], kBOrg);
}

TEST(Gazetteer, ReadsMiscNames) {
  auto g = Gazetteer::load(cc::testing::write_scratch_file("misc.tsv", "World Cup\tMISC\t\t\n"));
  ASSERT_TRUE(g.ok()) << g.status().message();
  std::vector<std::string_view> words = {"the", "World", "Cup", "final"};
  std::vector<uint64_t> keys;
  for (auto w : words) keys.push_back(token_key(w));
  std::vector<GazetteerMatch> found;
  g->match(words, keys, 0, 4, found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 1u);
  EXPECT_EQ(found[0].entry->kinds, kGazMisc);
}

}  // namespace
}  // namespace cc
