// The story commands end to end: crosscheck stories, story, brief on a mixed
// folder, and ingest storing stories that later runs keep.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;

const std::string kMixed = std::string(CROSSCHECK_SOURCE_DIR) + "/tests/story/fixtures/mixed";
const std::string kExamples = std::string(CROSSCHECK_SOURCE_DIR) + "/examples/story";

class StoryCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = cc::testing::scratch_dir("story_cli_");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  cc::testing::CliOut run(const std::string& args) { return cc::testing::run_crosscheck(dir_, args); }
  static size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
  }

  fs::path dir_;
};

// The bundled example: four reports of one story, one of them a rewrite
// crediting another outlet, so three voices.
TEST_F(StoryCli, BundledExampleIsOneStoryWithOneCopy) {
  auto list = run("stories '" + kExamples + "' --meta '" + kExamples + "/meta.jsonl' --format json");
  ASSERT_EQ(list.code, 0) << list.err;
  auto j = nlohmann::json::parse(list.out);
  ASSERT_EQ(j.size(), 1u) << list.out;
  EXPECT_EQ(j[0]["reports"], 4);
  EXPECT_EQ(j[0]["voices"], 3);
  EXPECT_EQ(j[0]["first"], "2026-04-14");
  EXPECT_EQ(j[0]["last"], "2026-04-16");
  size_t copies = 0;
  for (const auto& d : j[0]["documents"])
    if (d.contains("copy_of")) {
      ++copies;
      EXPECT_NE(d["copy_of"]["evidence"].get<std::string>().find("credit line"), std::string::npos);
    }
  EXPECT_EQ(copies, 1u);
  // The brief of a single story is the plain brief, copies marked.
  auto brief = run("brief '" + kExamples + "' --meta '" + kExamples + "/meta.jsonl' --format json");
  ASSERT_EQ(brief.code, 0) << brief.err;
  auto b = nlohmann::json::parse(brief.out);
  ASSERT_TRUE(b.contains("facts")) << brief.out.substr(0, 200);
  size_t marked = 0;
  for (const auto& d : b["documents"]) marked += !d["copy_of"].is_null();
  EXPECT_EQ(marked, 1u);
}

TEST_F(StoryCli, MixedFolderListsAndBriefsEachStory) {
  auto list = run("stories '" + kMixed + "'");
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("2 stories, 6 reports, 2 copies"), std::string::npos) << list.out;
  std::string flood = list.out.substr(0, list.out.find(' '));
  ASSERT_EQ(flood.size(), 9u) << list.out;  // "s" + 8 hex digits

  auto one = run("story " + flood + " '" + kMixed + "'");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(count(one.out, "\n- "), 3u) << one.out;
  EXPECT_NE(one.out.find("copy of"), std::string::npos) << one.out;
  EXPECT_EQ(run("story s00000000 '" + kMixed + "'").code, 2);

  // Each story gets its own brief; --story picks one.
  auto md = run("brief '" + kMixed + "'");
  ASSERT_EQ(md.code, 0) << md.err;
  EXPECT_EQ(count(md.out, "\nStory s"), 2u) << md.out.substr(0, 400);
  EXPECT_NE(md.out.find(", copy of "), std::string::npos);
  auto json = run("brief '" + kMixed + "' --format json");
  ASSERT_EQ(json.code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["stories"].size(), 2u);
  for (const auto& s : j["stories"]) {
    EXPECT_EQ(s["reports"], 3);
    EXPECT_EQ(s["voices"], 2);
    EXPECT_TRUE(s["brief"].contains("facts"));
  }
  auto picked = run("brief '" + kMixed + "' --story " + flood + " --format json");
  ASSERT_EQ(picked.code, 0) << picked.err;
  auto p = nlohmann::json::parse(picked.out);
  EXPECT_FALSE(p.contains("stories"));
  EXPECT_EQ(p["documents"].size(), 3u);
  EXPECT_EQ(run("brief '" + kMixed + "' --story s00000000").code, 2);
  auto html = run("brief '" + kMixed + "' --format html");
  EXPECT_EQ(html.code, 2);  // an HTML page is one story's
  EXPECT_NE(html.err.find(flood), std::string::npos) << html.err;
}

TEST_F(StoryCli, IngestStoresStoriesThatLaterRunsKeep) {
  EXPECT_EQ(run("stories").code, 2);  // no ledger yet, and none is made
  EXPECT_FALSE(fs::exists(dir_ / "crosscheck.db"));
  auto first = run("ingest '" + kExamples + "' --meta '" + kExamples + "/meta.jsonl'");
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("1 stories, 1 copies"), std::string::npos) << first.out;
  auto before = run("stories");
  ASSERT_EQ(before.code, 0) << before.err;
  std::string ferry = before.out.substr(0, before.out.find(' '));

  auto second = run("ingest '" + kMixed + "'");
  ASSERT_EQ(second.code, 0) << second.err;
  // Identical texts are stored once, so the mixed folder adds five reports.
  EXPECT_NE(second.out.find("ingested 5 new"), std::string::npos) << second.out;
  auto after = run("stories --format json");
  ASSERT_EQ(after.code, 0) << after.err;
  auto j = nlohmann::json::parse(after.out);
  ASSERT_EQ(j.size(), 3u) << after.out;
  EXPECT_EQ(j[0]["id"], ferry);  // the first run's story is as it was
  EXPECT_EQ(j[0]["reports"], 4);
  auto shown = run("story " + ferry);
  ASSERT_EQ(shown.code, 0) << shown.err;
  EXPECT_NE(shown.out.find("copy of"), std::string::npos) << shown.out;
}

}  // namespace
