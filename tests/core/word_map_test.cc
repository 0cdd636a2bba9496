#include "core/word_map.h"

#include <string>
#include <gtest/gtest.h>

namespace cc {
namespace {

TEST(WordMap, FindsWhatWasAddedAndNothingElse) {
  WordMap<int> m = {{"one", 1}, {"two", 2}, {"", 0}};
  ASSERT_NE(m.find("one"), nullptr);
  EXPECT_EQ(*m.find("one"), 1);
  EXPECT_EQ(*m.find("two"), 2);
  EXPECT_EQ(*m.find(""), 0);
  EXPECT_EQ(m.find("three"), nullptr);
  EXPECT_EQ(m.find("on"), nullptr);   // a prefix of a key
  EXPECT_EQ(m.find("one "), nullptr);  // a key and more
  EXPECT_EQ(m.size(), 3u);
}

TEST(WordMap, KeepsTheFirstValueOfARepeatedKey) {
  WordMap<int> m;
  EXPECT_TRUE(m.emplace("a", 1));
  EXPECT_FALSE(m.emplace("a", 2));
  EXPECT_EQ(*m.find("a"), 1);
  EXPECT_EQ(m.size(), 1u);
}

TEST(WordMap, StaysCorrectAsItGrows) {
  WordMap<std::string> m;
  for (int i = 0; i < 5000; ++i) m.emplace("w" + std::to_string(i), std::to_string(i));
  EXPECT_EQ(m.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const std::string* v = m.find("w" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, std::to_string(i));
  }
  EXPECT_EQ(m.find("w5000"), nullptr);
  EXPECT_EQ(WordMap<int>{}.find("x"), nullptr);  // empty map
}

TEST(WordSet, Membership) {
  const WordSet s = {"the", "of", "a"};
  EXPECT_TRUE(s.contains("of"));
  EXPECT_FALSE(s.contains("off"));
  EXPECT_FALSE(s.contains("The"));  // exact bytes: callers lower-case first
}

}  // namespace
}  // namespace cc
