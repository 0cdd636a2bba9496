// Acceptance on the model story in ../shared/seeds: the times an analyst reads
// out of each report (expected.json) must be among the tagger's values, and
// the report that mixes "this year" with an explicit 2024 must be flagged.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <nlohmann/json.hpp>

#include "claims/lexicon.h"
#include "ingest/ingest.h"
#include "nlp/time/consistency.h"
#include "nlp/time/time.h"
#include "nlp/tokenize.h"

namespace cc {
namespace {

const std::filesystem::path kSeeds = std::filesystem::path(CROSSCHECK_SHARED_DIR) / "seeds";

Document load_seed(const std::string& name, const std::string& published) {
  std::ifstream in(kSeeds / name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto doc = document_from_text(bytes.str(), name);
  EXPECT_TRUE(doc.ok()) << name;
  Document d = std::move(*doc);
  d.published = *PartialDate::parse(published);
  Tokenizer().process(d);
  (*make_time_tagger(Resources{}))->process(d);
  return d;
}

std::set<std::string> values(const Document& d) {
  std::set<std::string> out;
  for (const auto& t : d.times) out.insert(t.value.value);
  return out;
}

TEST(TimeSeeds, EventTimesAreFound) {
  if (!std::filesystem::exists(kSeeds / "expected.json"))
    GTEST_SKIP() << "shared seeds not found at " << kSeeds;
  std::ifstream in(kSeeds / "expected.json");
  auto expected = nlohmann::json::parse(in);
  std::map<std::string, Document> docs;
  for (const auto& [name, meta] : expected["documents"].items())
    docs.emplace(name, load_seed(name, meta["published"]));
  for (const auto& event : expected["events"]) {
    // "2025 (later this year)" -> "2025": the value before any comment. An
    // event's date may be written in only one of the reports that tell it.
    std::string time = event["time"];
    time = time.substr(0, time.find(' '));
    bool found = false;
    for (const auto& doc : event["docs"]) found = found || values(docs.at(doc)).count(time);
    EXPECT_TRUE(found) << event["id"] << ": " << time << " not tagged in " << event["docs"];
  }
  for (const auto& fact : expected["quantity_facts"])
    for (const auto& report : fact["reports"])
      if (report.contains("time") && report["time"].is_string()) {
        std::string time = report["time"];
        time = time.substr(0, time.find(' '));
        EXPECT_TRUE(values(docs.at(report["doc"])).count(time))
            << fact["id"] << ": " << time << " not tagged in " << report["doc"];
      }
}

TEST(TimeSeeds, InconsistentReportIsFlagged) {
  if (!std::filesystem::exists(kSeeds / "expected.json"))
    GTEST_SKIP() << "shared seeds not found at " << kSeeds;
  std::ifstream in(kSeeds / "expected.json");
  auto expected = nlohmann::json::parse(in);
  for (const auto& inconsistency : expected["inconsistencies"]) {
    std::string name = inconsistency["doc"];
    Document d = load_seed(name, expected["documents"][name]["published"]);
    // As the claims stage calls it: its predicate classes join synonyms.
    auto conflicts = find_time_conflicts(d, predicate_class);
    EXPECT_FALSE(conflicts.empty()) << name;
    for (const auto& c : conflicts) EXPECT_FALSE(c.explanation.empty());
  }
}

}  // namespace
}  // namespace cc
