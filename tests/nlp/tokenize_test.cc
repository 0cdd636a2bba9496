#include "nlp/tokenize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cc {
namespace {

Document tokenize(std::string text) {
  Document d;
  d.text = std::move(text);
  Tokenizer().process(d);
  return d;
}

std::vector<std::string> words(const Document& d) {
  std::vector<std::string> out;
  for (const auto& t : d.tokens) out.emplace_back(d[t.span]);
  return out;
}

std::vector<std::string> sentences(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sentences) out.emplace_back(d[s.span]);
  return out;
}

TEST(Tokenize, NumbersAbbreviationsAndPossessives) {
  auto d = tokenize("The U.K. estimates Kim's losses at over 6,000, up 1.5% (Gen. Lee).");
  EXPECT_EQ(words(d), (std::vector<std::string>{"The", "U.K.", "estimates", "Kim", "'s", "losses",
                                                "at", "over", "6,000", ",", "up", "1.5", "%", "(",
                                                "Gen.", "Lee", ")", "."}));
  EXPECT_EQ(d.tokens[8].value.kind, TokenKind::number);
  EXPECT_TRUE(d.tokens[0].value.capitalized);
  EXPECT_TRUE(d.tokens[1].value.all_caps);
}

TEST(Tokenize, HyphensAndTypographicApostrophes) {
  auto d = tokenize("Shahed-type drones crossed Russia\u2019s cross-border line.");
  EXPECT_EQ(words(d), (std::vector<std::string>{"Shahed-type", "drones", "crossed", "Russia",
                                                "\u2019s", "cross-border", "line", "."}));
}

TEST(Tokenize, CommaListsAreNotNumbers) {
  auto d = tokenize("in 2019, 2023 and 1,2 or 10,000,000");
  EXPECT_EQ(words(d), (std::vector<std::string>{"in", "2019", ",", "2023", "and", "1", ",", "2",
                                                "or", "10,000,000"}));
}

TEST(Tokenize, SentencesRespectAbbreviationsAndLines) {
  auto d = tokenize(
      "Gen. Kim met Dr. Lee on Jan. 5 in the U.S. capital. Then he left.\nHeadline Without Stop\n"
      "\u201cWe assume so,\u201d he said. It rained.");
  EXPECT_EQ(sentences(d),
            (std::vector<std::string>{"Gen. Kim met Dr. Lee on Jan. 5 in the U.S. capital.",
                                      "Then he left.", "Headline Without Stop",
                                      "\u201cWe assume so,\u201d he said.", "It rained."}));
  for (const auto& s : d.sentences) EXPECT_LT(s.value.first_token, s.value.end_token);
}

TEST(Tokenize, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(tokenize("").tokens.empty());
  auto d = tokenize("...!?");
  EXPECT_EQ(d.sentences.size(), 1u);
}

}  // namespace
}  // namespace cc
