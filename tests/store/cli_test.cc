// The ledger commands end to end: crosscheck ingest, facts, show.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

namespace fs = std::filesystem;

class LedgerCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "ledger_cli";
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "story");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  struct Out {
    int code;
    std::string out, err;
  };
  Out run(const std::string& args) {
    std::string cmd = "cd '" + dir_.string() + "' && CROSSCHECK_DATA='" CROSSCHECK_DATA_DIR "' '" +
                      CROSSCHECK_BINARY + "' " + args + " >out.txt 2>err.txt";
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out.txt"),
            slurp(dir_ / "err.txt")};
  }

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
  EXPECT_EQ(run("facts").code, 0);
  auto json = run("facts --format json");
  EXPECT_EQ(json.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(json.out).is_array()) << json.out;

  // Reading commands do not create a ledger.
  auto absent = run("facts --db other.db");
  EXPECT_EQ(absent.code, 2);
  EXPECT_NE(absent.err.find("other.db"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "other.db"));
}

}  // namespace
