// Claims over documents the whole nlp pipeline annotated: what depends on
// the real layers (chunks, entities) rather than on hand-built ones.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

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

// Reports briefed together, each published a day after the one before.
Brief brief_of_reports(const std::vector<std::string>& texts) {
  auto pipeline = Pipeline::load(Resources{CROSSCHECK_DATA_DIR});
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
  std::vector<Document> docs;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto doc = document_from_text(texts[i], "report" + std::to_string(i) + ".txt");
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    doc->published = *PartialDate::parse("2026-04-1" + std::to_string(i));
    pipeline->run(*doc);
    docs.push_back(std::move(*doc));
  }
  return build_brief(docs);
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

  Brief region = brief_of("BRENNA, Halden province \u2014 The death toll has risen to 11, the rescue service said.\n");
  ASSERT_FALSE(region.facts.empty());
  EXPECT_EQ(region.facts[0].actor, "") << "a region's common noun may follow the place";
  EXPECT_EQ(region.facts[0].reports[0].attributed_to, "rescue service");
}

TEST(ClaimsPipeline, TitleCaseHeadlineNumbersAreCounts) {
  Brief b = brief_of("Quake Kills 48 in Tarsu Province\nRescuers searched the rubble through the night.\n");
  ASSERT_EQ(b.facts.size(), 1u) << "'Kills 48' in a headline is no model number";
  EXPECT_EQ(b.facts[0].reports[0].value, 48);
  EXPECT_EQ(b.facts[0].predicate, "casualty");
}

// The value of every figure of the brief, by fact, in fact order.
std::vector<std::vector<double>> values_by_fact(const Brief& b) {
  std::vector<std::vector<double>> out;
  for (const auto& f : b.facts) {
    out.emplace_back();
    for (const auto& r : f.reports) out.back().push_back(r.value);
  }
  return out;
}

bool same_fact(const Brief& b, double x, double y) {
  for (const auto& values : values_by_fact(b))
    if (std::count(values.begin(), values.end(), x) && std::count(values.begin(), values.end(), y)) return true;
  return false;
}

TEST(ClaimsPipeline, WhatAFigureCountsFromTheWordsAroundIt) {
  Brief b = brief_of(
      "Nine bodies had been recovered by Wednesday, the coast guard said.\n"
      "The Red Cross said the bodies of 17 people had been found.\n"
      "The charity said the toll could rise to nearly 100.\n"
      "The office said the ferry may have been carrying twice its licensed load of 100 passengers.\n"
      "The ferry was licensed to carry 100 passengers, the authority said.\n"
      "The boat had about 170 people on board, the coast guard said. "
      "The charity put the number on board at about 200.\n"
      "The boat sank about 35 nautical miles south of the cape, after carrying migrants for two days.\n"
      "The gang has demanded a ransom of 4 million dollars, the chief executive said, as it emerged that "
      "records may have been taken.\n"
      "A security firm said the gang demanded 12 million dollars.\n"
      "The 480-metre steel bridge, which opened in 1967, carried traffic, the authority said.\n"
      "Engineers said the bridge, nearly 500 metres long, was due for renovation last year.\n"
      "The fire service said 27 people were killed. Of the 27 dead, 21 were women, the union said.\n"
      "The health authority said 112 people had fallen ill. The hospital said 41 children had been admitted.\n"
      "The agency said about 14,000 people were evacuated, 4,500 of them children.\n");
  EXPECT_TRUE(same_fact(b, 9, 17)) << "bodies recovered count the dead";
  EXPECT_FALSE(same_fact(b, 17, 100)) << "what the toll could reach is not a count";
  size_t capacity_reports = 0;
  for (const auto& f : b.facts)
    if (f.predicate == "capacity") capacity_reports = f.reports.size();
  EXPECT_EQ(capacity_reports, 2u) << "'may have been carrying' doubts the past and projects nothing";
  EXPECT_TRUE(same_fact(b, 170, 200)) << "the number on board is what the boat carried";
  EXPECT_TRUE(same_fact(b, 4e6, 12e6)) << "a modal elsewhere in the clause does not make a demand a projection";
  EXPECT_TRUE(same_fact(b, 480, 500)) << "1967 dates the opening, not the length";
  EXPECT_FALSE(same_fact(b, 27, 21)) << "a part of the dead is not a count of the dead";
  EXPECT_FALSE(same_fact(b, 112, 41)) << "the ill are not the hospitalised";
  EXPECT_FALSE(same_fact(b, 14000, 4500)) << "'4,500 of them' is a part of the evacuated";
  for (const auto& f : b.facts)
    if (f.unit == "nmi") {
      EXPECT_EQ(f.predicate, "") << "a distance that places the wreck";
    }
}

TEST(ClaimsPipeline, AParticipleAfterTheCountedPhraseIsItsPredicate) {
  Brief b = brief_of("The government will pay 5,000 euros to each family, as the city mourned the 27 people killed.\n");
  bool found = false;
  for (const auto& f : b.facts)
    for (const auto& r : f.reports)
      if (r.value == 27) {
        found = true;
        EXPECT_EQ(f.predicate, "casualty");
      }
  EXPECT_TRUE(found);
}

TEST(ClaimsPipeline, AShipIsTheActorOfWhatItLeaks) {
  // Without the entity stage's ship rule the tagger reads some of these
  // names as MISC or as a place, and their figures lose their actor.
  Brief b = brief_of(
      "The freighter Morning Glory leaked 50 tonnes of diesel near the port on Monday.\n"
      "The ferry Ondina leaked 20 tonnes of fuel on Tuesday.\n"
      "The tanker Calder Star leaked 300 tonnes of oil off the coast on Wednesday.\n");
  std::map<double, std::string> actor_of;
  for (const auto& f : b.facts)
    for (const auto& r : f.reports) actor_of[r.value] = f.actor;
  ASSERT_TRUE(actor_of.count(50) && actor_of.count(20) && actor_of.count(300));
  EXPECT_EQ(actor_of[50], "Morning Glory");
  EXPECT_EQ(actor_of[20], "Ondina");
  EXPECT_EQ(actor_of[300], "Calder Star");
}

TEST(ClaimsPipeline, VoteSharesAreWonByTheirParty) {
  Brief b = brief_of(
      "The ruling National Unity Party won 41.2 percent of the vote, the commission said.\n"
      "The opposition Civic Alliance took 38.5 percent, the commission said.\n"
      "Turnout was about 64 percent.\n");
  const Fact* opposition = nullptr;
  for (const auto& f : b.facts)
    for (const auto& r : f.reports)
      if (r.value == 38.5) opposition = &f;
  ASSERT_NE(opposition, nullptr);
  EXPECT_EQ(opposition->predicate, "win");
  EXPECT_EQ(opposition->actor, "Civic Alliance");
  EXPECT_FALSE(same_fact(b, 38.5, 41.2));
  EXPECT_FALSE(same_fact(b, 38.5, 64));
}

TEST(ClaimsPipeline, OneFigureWordedByEachReportItsOwnWay) {
  Brief b = brief_of_reports({
      "Rebels Say They Launched 16 Drones\n"
      "The rebel group said it had launched 16 drones at the port overnight.\n"
      "The Defence Ministry said 1,180 soldiers had been deployed to the province.\n",
      "The rebels said they sent 16 drones; the Defence Ministry said nine drones were detected.\n"
      "The army is bringing its force in the province to about 1,200 troops, the ministry said.\n"
      "The company said 340 passengers were on board. Police said about 500 passengers were on board.\n",
      "The company insists 340 passengers held tickets, while police put the figure at about 500 passengers.\n"
      "Five people were killed and five people were injured, the ministry said.\n"
      "The city plans to open a shelter for up to 300 people. The ferry had about 170 people on board.\n"});
  EXPECT_TRUE(same_fact(b, 16, 9)) << "launched, sent and detected: one disputed count of drones";
  EXPECT_TRUE(same_fact(b, 1180, 1200)) << "soldiers deployed and the force of troops agree";
  EXPECT_TRUE(same_fact(b, 340, 500)) << "on board and holding tickets: one dispute worded two ways";
  EXPECT_FALSE(same_fact(b, 300, 170)) << "'up to 300' is no match for 'about 170'";
  for (const auto& f : b.facts)
    if (f.predicate == "casualty" || f.predicate == "injure") {
      EXPECT_EQ(f.reports.size(), 1u) << f.what << ": the killed and the injured are two facts";
    }
}

TEST(ClaimsPipeline, WholeMeasuresAreRoundedCountsAreNot) {
  Brief b = brief_of_reports({
      "Temperatures reached 46.3 degrees Celsius in Ebrin, the weather service said.\n"
      "The fire service said 27 people were killed.\n",
      "Temperatures reached 46 degrees in Ebrin on Monday, the weather service said.\n"
      "Police said 28 people were killed.\n"});
  const Fact* heat = nullptr;
  const Fact* toll = nullptr;
  for (const auto& f : b.facts)
    for (const auto& r : f.reports) {
      if (r.value == 46) heat = &f;
      if (r.value == 27) toll = &f;
    }
  ASSERT_NE(heat, nullptr);
  EXPECT_TRUE(same_fact(b, 46, 46.3)) << "a bare degree is the story's Celsius";
  EXPECT_EQ(heat->unit, "°c");
  EXPECT_EQ(heat->status, FactStatus::agreed) << "46 is 46.3 rounded";
  ASSERT_NE(toll, nullptr);
  EXPECT_EQ(toll->status, FactStatus::disputed) << "27 and 28 dead are two counts";
}

TEST(ClaimsPipeline, TheMainVerbDoesNotGovernASubordinateClausesSubject) {
  Brief b = brief_of(
      "Police launched a manhunt on Tuesday after 27 inmates broke out of the city prison.\n"
      "The rebels launched 16 drones after midnight, the ministry said.\n");
  std::map<double, std::string> predicate_of;
  for (const auto& f : b.facts)
    for (const auto& r : f.reports) predicate_of[r.value] = f.predicate;
  ASSERT_TRUE(predicate_of.count(27) && predicate_of.count(16));
  EXPECT_NE(predicate_of[27], "launch") << "the inmates broke out; the police launched the manhunt";
  EXPECT_EQ(predicate_of[16], "launch") << "'after midnight' opens no clause";
}

}  // namespace
}  // namespace cc
