#include "nlp/entity/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scratch_dir.h"

namespace cc {
namespace {

std::vector<GazetteerMatch> match(const Gazetteer& g, const std::vector<std::string_view>& words) {
  std::vector<uint64_t> keys;
  for (auto w : words) keys.push_back(token_key(w));
  std::vector<GazetteerMatch> out;
  g.match(words, keys, 0, static_cast<uint32_t>(words.size()), out);
  return out;
}

TEST(Gazetteer, LongestCapitalizedMatchWins) {
  auto g = Gazetteer::load(cc::testing::write_scratch_file("ok.tsv",
                                           "# comment\n"
                                           "Korea\tLOC\tKorea\t\n"
                                           "North Korean\tNORP\tNorth Korea\t\n"
                                           "Turkey\tCOUNTRY\tTurkey\t\n"
                                           "Kremlin\tSEAT\tKremlin\tRussia\n"
                                           "People's Daily\tORG\tPeople's Daily\t\n"));
  ASSERT_TRUE(g.ok()) << g.status().message();
  auto m = match(*g, {"North", "Korean", "troops", "ate", "turkey", "in", "Turkey"});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].begin, 0u);
  EXPECT_EQ(m[0].end, 2u);
  EXPECT_EQ(m[0].entry->nationality, "North Korea");
  EXPECT_EQ(m[1].begin, 6u);  // "turkey" in lower case is a bird
  EXPECT_TRUE(m[1].entry->kinds & kGazCountry);
  auto k = match(*g, {"the", "KREMLIN", "and", "People", "\xE2\x80\x99s", "Daily"});
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[0].entry->metonym_of, "Russia");
  EXPECT_TRUE(k[0].entry->kinds & kGazSeat);
  EXPECT_EQ(k[1].end, 6u);  // typographic apostrophe keys like "'"
}

TEST(Gazetteer, ErrorsNameTheFileAndLine) {
  auto missing = Gazetteer::load("/nonexistent/gazetteer.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/gazetteer.tsv"), std::string::npos);
  auto bad = Gazetteer::load(cc::testing::write_scratch_file("bad.tsv", "Kyiv\tLOC\tKyiv\t\nOdesa\tTOWN\tOdesa\t\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":2: unknown type 'TOWN'"), std::string::npos);
  auto short_line = Gazetteer::load(cc::testing::write_scratch_file("short.tsv", "Kyiv\tLOC\n"));
  ASSERT_FALSE(short_line.ok());
  EXPECT_NE(short_line.status().message().find(":1:"), std::string::npos);
}

}  // namespace
}  // namespace cc
