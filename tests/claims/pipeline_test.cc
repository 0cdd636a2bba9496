// Claims over documents the whole nlp pipeline annotated: what depends on
// the real layers (chunks, entities) rather than on hand-built ones.
#include <gtest/gtest.h>

#include <map>
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

TEST(ClaimsPipeline, WhoeverRaisesATollIsItsSource) {
  Brief b = brief_of(
      "Police on Thursday raised the death toll from the Lake Victoria ferry disaster to 61.\n"
      "The Red Cross put the number of people evacuated at 240.\n"
      "It raised the toll to 70.\n");
  std::map<double, const FactReport*> by_value;
  for (const auto& f : b.facts)
    for (const auto& r : f.reports) by_value[r.value] = &r;
  ASSERT_TRUE(by_value.count(61) && by_value.count(240) && by_value.count(70));
  EXPECT_EQ(by_value[61]->attributed_to, "police");
  EXPECT_TRUE(by_value[61]->revises) << "raised is a revision";
  EXPECT_EQ(by_value[240]->attributed_to, "Red Cross");
  EXPECT_FALSE(by_value[240]->revises);
  EXPECT_EQ(by_value[70]->attributed_to, "") << "a pronoun is the attribution layer's to resolve";
}

TEST(ClaimsPipeline, ADatelineIsNeitherActorNorEvent) {
  Brief b = brief_of(
      "Ferry capsizes\n"
      "MWANZA, Tanzania \u2014 At least 41 people died when a passenger ferry capsized on Tuesday, "
      "police said.\n");
  ASSERT_FALSE(b.events.empty());
  for (const auto& e : b.events) {
    EXPECT_EQ(e.actor, "") << e.what;
    EXPECT_EQ(e.what.find("Tanzania"), std::string::npos) << e.what;
  }
  ASSERT_FALSE(b.facts.empty());
  EXPECT_EQ(b.facts[0].actor, "");
}

}  // namespace
}  // namespace cc
