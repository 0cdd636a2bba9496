// Acceptance: the full pipeline on ../shared/seeds/*.txt against what an
// analyst reads out of them (expected.json, read at test time). Nothing here
// or in the code under test knows the words of those reports: facts are
// matched by document and value, events by normalized time and document.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "claims/claims.h"
#include "claims/time_range.h"
#include "ingest/ingest.h"
#include "nlp/pipeline.h"
#include "story/story.h"

namespace cc {
namespace {

namespace fs = std::filesystem;

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path dir = fs::path(CROSSCHECK_SHARED_DIR) / "seeds";
    std::ifstream in(dir / "expected.json");
    if (!in) return;
    expected_ = new nlohmann::json(nlohmann::json::parse(in));
    auto pipeline = Pipeline::load(Resources{CROSSCHECK_DATA_DIR});
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
    docs_ = new std::vector<Document>();
    ids_ = new std::map<std::string, std::string>();
    for (const auto& [name, meta] : (*expected_)["documents"].items()) {
      std::ifstream f(dir / name, std::ios::binary);
      std::stringstream bytes;
      bytes << f.rdbuf();
      auto doc = document_from_text(bytes.str(), (dir / name).string());
      ASSERT_TRUE(doc.ok()) << name << ": " << doc.status().message();
      auto published = PartialDate::parse(meta["published"].get<std::string>());
      ASSERT_TRUE(published);
      doc->published = *published;
      pipeline->run(*doc);
      (*ids_)[name] = doc->id;
      docs_->push_back(std::move(*doc));
    }
    brief_ = new Brief(build_brief(*docs_, cluster_stories(*docs_).copies));
  }
  static void TearDownTestSuite() {
    delete expected_;
    delete docs_;
    delete ids_;
    delete brief_;
    expected_ = nullptr;
  }
  void SetUp() override {
    if (!expected_) GTEST_SKIP() << "../shared/seeds absent (" << CROSSCHECK_SHARED_DIR << "): nothing to check";
  }

  static std::string id(const std::string& name) { return ids_->at(name); }

  static nlohmann::json* expected_;
  static std::vector<Document>* docs_;
  static std::map<std::string, std::string>* ids_;
  static Brief* brief_;
};

nlohmann::json* Seeds::expected_ = nullptr;
std::vector<Document>* Seeds::docs_ = nullptr;
std::map<std::string, std::string>* Seeds::ids_ = nullptr;
Brief* Seeds::brief_ = nullptr;

const FactReport* report_in(const Fact& f, const std::string& doc_id, double value) {
  for (const auto& r : f.reports)
    if (r.doc_id == doc_id && r.value == value) return &r;
  return nullptr;
}

TEST_F(Seeds, NonBodyLinesAreRemoved) {
  for (const auto& [name, meta] : (*expected_)["documents"].items()) {
    for (const auto& line : meta["not_body"]) {
      bool found = false;
      for (const auto& r : brief_->removed)
        if (r.doc_id == id(name) && r.removed.text.find(line.get<std::string>()) != std::string::npos)
          found = true;
      EXPECT_TRUE(found) << name << ": not removed: " << line;
    }
  }
}

// Every expected figure is one fact holding each expected report's value,
// with the expected status.
TEST_F(Seeds, QuantityFactsAndStatuses) {
  for (const auto& fact : (*expected_)["quantity_facts"]) {
    const Fact* match = nullptr;
    for (const auto& f : brief_->facts) {
      bool all = true;
      for (const auto& r : fact["reports"])
        all = all && report_in(f, id(r["doc"]), r["value"].get<double>());
      if (all) match = &f;
      if (all) break;
    }
    EXPECT_NE(match, nullptr) << "no fact lines up the reports of " << fact["id"];
    if (!match) continue;
    EXPECT_EQ(fact_status_name(match->status), fact["status"].get<std::string>())
        << fact["id"] << ": " << match->what << " — " << match->note;
    for (const auto& r : fact["reports"]) {
      if (!r.contains("low")) continue;
      const FactReport* got = report_in(*match, id(r["doc"]), r["value"].get<double>());
      if (r["low"].is_null()) EXPECT_FALSE(got->low) << fact["id"] << " " << r["text"];
      else EXPECT_EQ(got->low, r["low"].get<double>()) << fact["id"] << " " << r["text"];
      if (r["high"].is_null()) EXPECT_FALSE(got->high) << fact["id"] << " " << r["text"];
      else EXPECT_EQ(got->high, r["high"].get<double>()) << fact["id"] << " " << r["text"];
    }
  }
}

TEST_F(Seeds, CalibresAndNamesAreNeverFacts) {
  for (const auto& no : (*expected_)["not_quantity_facts"]) {
    std::string text = no["text"];
    for (const auto& f : brief_->facts)
      for (const auto& r : f.reports)
        EXPECT_EQ(r.as_written.find(text), std::string::npos) << text << " became a fact: " << f.what;
  }
}

// Events at their normalized times, reported by the expected documents, and
// in time order wherever the expected times do not overlap.
TEST_F(Seeds, EventsWithNormalizedTimesInOrder) {
  std::vector<std::pair<TimeRange, size_t>> found;
  for (const auto& ev : (*expected_)["events"]) {
    std::string time = ev["time"].get<std::string>();
    time = time.substr(0, time.find(' '));
    size_t at = brief_->events.size();
    for (size_t i = 0; i < brief_->events.size() && at == brief_->events.size(); ++i) {
      const Event& e = brief_->events[i];
      if (e.time != time) continue;
      bool all = true;
      for (const auto& doc : ev["docs"]) {
        bool in = false;
        for (const auto& r : e.reports) in = in || r.doc_id == id(doc);
        all = all && in;
      }
      if (all) at = i;
    }
    EXPECT_LT(at, brief_->events.size()) << "no event at " << time << " from every doc of " << ev["id"];
    auto range = parse_time_range(time);
    ASSERT_TRUE(range) << time;
    if (at < brief_->events.size()) found.push_back({*range, at});
  }
  for (size_t i = 0; i < found.size(); ++i)
    for (size_t j = 0; j < found.size(); ++j)
      if (found[i].first.last < found[j].first.first) {
        EXPECT_LT(found[i].second, found[j].second) << "timeline out of order";
      }
}

TEST_F(Seeds, SelfContradictingDatesAreFlagged) {
  for (const auto& inc : (*expected_)["inconsistencies"]) {
    bool found = false;
    for (const auto& got : brief_->inconsistencies)
      found = found || (got.doc_id == id(inc["doc"]) && got.evidence.size() >= 2);
    EXPECT_TRUE(found) << "no inconsistency with two spans in " << inc["doc"];
  }
}

}  // namespace
}  // namespace cc
