// Claims over documents the whole nlp pipeline annotated: what depends on
// the real layers (chunks, entities) rather than on hand-built ones.
#include <gtest/gtest.h>

#include <string>

#include "claims/claims.h"
#include "ingest/ingest.h"
#include "nlp/pipeline.h"

namespace cc {
namespace {

Brief brief_of(const std::string& text) {
  auto pipeline = Pipeline::load(Resources{CROSSCHECK_DATA_DIR});
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
  auto doc = document_from_text(text, "report.txt");
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  doc->published = *PartialDate::parse("2026-04-16");
  pipeline->run(*doc);
  return build_brief({*doc});
}

TEST(ClaimsPipeline, APlaceModifyingANounIsNoActor) {
  Brief b = brief_of(
      "Police Revise Lake Victoria Ferry Toll to 61\n"
      "Police on Thursday raised the death toll from the Lake Victoria ferry disaster to 61.\n");
  ASSERT_FALSE(b.facts.empty());
  for (const auto& f : b.facts) EXPECT_EQ(f.actor, "") << f.what << ": the lake only names the ferry";
}

}  // namespace
}  // namespace cc
