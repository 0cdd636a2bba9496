// The ledger commands end to end: crosscheck ingest, facts, show.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "scratch_dir.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;

class LedgerCli : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test: ctest runs tests of this suite in parallel.
    dir_ = cc::testing::scratch_dir("ledger_cli_");
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "story");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  cc::testing::CliOut run(const std::string& args) { return cc::testing::run_crosscheck(dir_, args); }

  fs::path dir_;
};

TEST_F(LedgerCli, IngestFactsShow) {
  write("story/a.txt",
        "Ferry Capsizes Near Harbour\nA ferry carrying about 300 people capsized on Tuesday.\n"
        "Comments are closed.\n");
  write("story/b.txt", "Rescuers said at least 61 people were pulled from the water.\n");
  write("story/c.txt", std::string("\0\0\0binary", 9));
  auto first = run("ingest story --published 2026-04");
  EXPECT_EQ(first.code, 1);  // one input failed, the others went in
  EXPECT_NE(first.err.find("story/c.txt: binary data"), std::string::npos) << first.err;
  EXPECT_NE(first.out.find("ingested 2 new, 0 already"), std::string::npos) << first.out;
  EXPECT_TRUE(fs::exists(dir_ / "crosscheck.db"));

  auto again = run("ingest story/a.txt story/b.txt");
  EXPECT_EQ(again.code, 0);
  EXPECT_NE(again.out.find("ingested 0 new, 2 already"), std::string::npos) << again.out;

  auto show = run("show story/a.txt");
  ASSERT_EQ(show.code, 0) << show.err;
  auto doc = nlohmann::json::parse(show.out);
  EXPECT_EQ(doc["title"], "Ferry Capsizes Near Harbour");
  EXPECT_EQ(doc["published"], "2026-04");
  EXPECT_EQ(doc["removed"].size(), 1u);
  EXPECT_FALSE(doc["layers"]["tokens"].empty());
  auto by_prefix = run("show " + doc["id"].get<std::string>().substr(0, 8));
  EXPECT_EQ(by_prefix.code, 0);
  EXPECT_EQ(nlohmann::json::parse(by_prefix.out)["id"], doc["id"]);

  EXPECT_EQ(run("show nothing-here.txt").code, 1);

  // Facts saved in the ledger are what `facts` prints.
  {
    auto ledger = cc::Ledger::open((dir_ / "crosscheck.db").string());
    ASSERT_TRUE(ledger.ok());
    cc::Brief brief;
    cc::Fact fact;
    fact.id = "f-rescued";
    fact.what = "people rescued";
    fact.status = cc::FactStatus::disputed;
    cc::FactReport report;
    report.doc_id = doc["id"];
    report.as_written = "at least 61";
    report.attributed_to = "the coast guard";
    report.via = {"Coast Wire"};
    report.modality = "hedged";
    fact.reports.push_back(report);
    brief.facts.push_back(fact);
    ASSERT_TRUE((*ledger)->save_brief(brief).ok());
  }
  auto facts = run("facts");
  EXPECT_EQ(facts.code, 0);
  EXPECT_NE(facts.out.find("f-rescued  disputed  people rescued"), std::string::npos) << facts.out;
  EXPECT_NE(facts.out.find("at least 61  (doc " + doc["id"].get<std::string>().substr(0, 8) +
                           ", according to the coast guard via Coast Wire, hedged)"),
            std::string::npos)
      << facts.out;
  auto json = run("facts --format json");
  EXPECT_EQ(json.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(json.out).is_array()) << json.out;

  // Reading commands do not create a ledger.
  auto absent = run("facts --db other.db");
  EXPECT_EQ(absent.code, 2);
  EXPECT_NE(absent.err.find("other.db"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "other.db"));
}

TEST_F(LedgerCli, IngestTellsWhatNewReportsChanged) {
  write("day1.txt",
        "Flood Kills 12 in Riverside\nTwelve people were killed in floods in Riverside, police said.\n");
  write("day2.txt",
        "Riverside Flood Toll Disputed\nHospital staff said 30 people were killed in the floods.\n"
        "Officials will visit Riverside on Friday, the mayor's office said.\n");
  auto first = run("ingest day1.txt --published 2026-06-01");
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("new figure: "), std::string::npos) << first.out;

  auto second = run("ingest day2.txt --published 2026-06-02");
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("now disputed: "), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("new event: 2026-06-05"), std::string::npos) << second.out;
  EXPECT_EQ(second.out.find("new figure: "), std::string::npos) << "the toll is the same figure: " << second.out;

  auto again = run("ingest day2.txt");
  EXPECT_EQ(again.out.find(": "), std::string::npos) << "nothing new, nothing changed: " << again.out;
}

}  // namespace
