// Runs the quantity tagger on the model seed reports and checks the figures a
// careful analyst reads out of them (expected.json): value and bounds of each
// reported figure, one counted class per fact, and no calibre or model name
// taken as a claim.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "nlp/pipeline.h"

namespace cc {
namespace {

std::string seeds_dir() { return std::string(CROSSCHECK_SHARED_DIR) + "/seeds/"; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Seeds : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(seeds_dir() + "expected.json");
    if (!in) GTEST_SKIP() << "no seeds at " << seeds_dir() << " (../shared is absent)";
    expected_ = nlohmann::json::parse(in);
    auto p = Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {"quantity"});
    ASSERT_TRUE(p.ok()) << p.status().message();
    for (const auto& [name, meta] : expected_["documents"].items()) {
      auto d = document_from_text(slurp(seeds_dir() + name), name);
      ASSERT_TRUE(d.ok()) << d.status().message();
      p.value().run(d.value());
      docs_.emplace(name, std::move(d.value()));
    }
  }

  // The mention whose text is `text`, or failing that the first one `text` starts with.
  const Quantity* find(const Document& d, const std::string& text) {
    const Quantity* prefix = nullptr;
    for (const auto& a : d.quantities) {
      std::string_view t = d[a.span];
      if (t == text) return &a.value;
      if (!prefix && text.rfind(t, 0) == 0) prefix = &a.value;
    }
    return prefix;
  }

  nlohmann::json expected_;
  std::map<std::string, Document> docs_;
};

TEST_F(Seeds, FiguresHaveTheirBoundsAndOneClassPerFact) {
  for (const auto& fact : expected_["quantity_facts"]) {
    std::string cls;
    for (const auto& r : fact["reports"]) {
      SCOPED_TRACE(fact["id"].get<std::string>() + " in " + r["doc"].get<std::string>());
      const Quantity* q = find(docs_.at(r["doc"]), r["text"]);
      ASSERT_NE(q, nullptr) << "no mention for \"" << r["text"].get<std::string>() << "\"";
      EXPECT_TRUE(is_claim(*q));
      EXPECT_EQ(q->value, r["value"].get<double>());
      if (r.contains("low"))
        EXPECT_EQ(q->low, r["low"].is_null() ? std::nullopt : std::optional<double>(r["low"]));
      if (r.contains("high"))
        EXPECT_EQ(q->high, r["high"].is_null() ? std::nullopt : std::optional<double>(r["high"]));
      if (r.contains("approx")) EXPECT_EQ(q->approx, r["approx"].get<bool>());
      if (q->unit.empty()) {
        EXPECT_FALSE(q->counted_class.empty());
        if (cls.empty()) cls = q->counted_class;
        EXPECT_EQ(q->counted_class, cls);
      }
    }
  }
}

TEST_F(Seeds, CalibresAndModelNamesAreNotClaims) {
  for (const auto& n : expected_["not_quantity_facts"]) {
    const Document& d = docs_.at(n["doc"]);
    std::string text = n["text"];
    for (const auto& a : d.quantities) {
      Span around{a.span.begin > 16 ? a.span.begin - 16 : 0,
                  std::min<uint32_t>(a.span.end + 16, static_cast<uint32_t>(d.text.size()))};
      if (d[around].find(text) == std::string_view::npos) continue;
      EXPECT_FALSE(is_claim(a.value)) << text << " taken as " << d[a.span];
    }
  }
}

}  // namespace
}  // namespace cc
