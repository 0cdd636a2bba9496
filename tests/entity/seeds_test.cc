// Reads the three seed reports in ../shared/seeds and checks the linked
// entities against the analyst's list in expected.json. Skips when the shared
// folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/ingest.h"
#include "nlp/entity/link.h"
#include "nlp/entity/names.h"
#include "nlp/pipeline.h"

namespace cc {
namespace {

namespace fs = std::filesystem;

TEST(EntitySeeds, ExpectedEntitiesAreLinkedWithTheirAliases) {
  fs::path seeds = fs::path(CROSSCHECK_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds / "expected.json")) GTEST_SKIP() << "no shared seeds at " << seeds;
  auto pipeline = Pipeline::load(Resources{CROSSCHECK_DATA_DIR});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
  std::vector<Document> docs;
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(seeds))
    if (f.path().extension() == ".txt") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto doc = document_from_text(bytes.str(), f.string());
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    pipeline->run(doc.value());
    docs.push_back(std::move(doc.value()));
  }
  EntityIndex index(docs);
  nlohmann::json expected = nlohmann::json::parse(std::ifstream(seeds / "expected.json"));
  size_t found = 0, aliases = 0, aliases_found = 0;
  std::string missed;
  for (const auto& e : expected["entities"]) {
    std::string name = e["name"];
    EntityMatch m = index.resolve(name);
    // The analyst's types: country and place are our locations.
    std::string type = e.value("type", "");
    EntityType want = type == "person"         ? EntityType::person
                      : type == "organization" ? EntityType::organization
                                               : EntityType::location;
    bool ok = m.entity >= 0 && m.confidence == 1.0 &&
              name_key(index.entities()[m.entity].name) == name_key(name) &&
              index.entities()[m.entity].type == want;
    if (ok) ++found;
    else missed += " " + name;
    if (!ok || !e.contains("aliases")) continue;
    for (const auto& a : e["aliases"]) {
      ++aliases;
      EntityMatch am = index.resolve(a.get<std::string>());
      if (am.entity == m.entity) ++aliases_found;
      else missed += " alias:" + a.get<std::string>();
    }
  }
  size_t total = expected["entities"].size();
  EXPECT_GE(found * 10, total * 9) << "missed:" << missed;
  EXPECT_GE(aliases_found * 10, aliases * 9) << "missed:" << missed;
}

}  // namespace
}  // namespace cc
