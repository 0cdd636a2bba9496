#include "claims/claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "claims/time_range.h"
#include "doc_builder.h"

namespace cc {
namespace {

using testing::bounds;
using testing::DocBuilder;

const Fact* fact_with(const Brief& b, const std::string& predicate, bool delta = false) {
  for (const auto& f : b.facts)
    if (f.predicate == predicate && f.is_delta == delta) return &f;
  return nullptr;
}

// The quantity layer's counted class (data/quantity/counted.tsv) on top of `q`.
Quantity counted_as(const std::string& counted_class, Quantity q = {}) {
  q.counted_class = counted_class;
  return q;
}

Document floods_health_ministry() {
  return DocBuilder("Floods in Marova have killed at least 40 people, the health ministry said. "
                    "Rescuers evacuated about 1,200 residents from the river district.",
                    "2025-04-10", "Coast Daily")
      .quantity("at least 40", 40, "person", "people", bounds(40, std::nullopt))
      .quantity("about 1,200", 1200, "resident", "residents", bounds(std::nullopt, std::nullopt, true))
      .entity("Marova", EntityType::location)
      .attribution("Floods in Marova have killed at least 40 people", "the health ministry",
                   "Health Ministry")
      .build();
}

Document floods_red_cross() {
  return DocBuilder("The Red Cross put the death toll at 25 people. "
                    "Nearly 1,200 residents were evacuated, the fire service said.",
                    "2025-04-11", "Valley Post")
      .quantity("25", 25, "person", "people")
      .quantity("Nearly 1,200", 1200, "resident", "residents", bounds(std::nullopt, 1200, true))
      .entity("Red Cross", EntityType::organization)
      .attribution("put the death toll at 25 people", "The Red Cross", "Red Cross")
      .attribution("Nearly 1,200 residents were evacuated", "the fire service", "Fire Service")
      .build();
}

TEST(Claims, CompatibleBoundsAgreeAndIncompatibleFiguresAreDisputed) {
  Brief b = build_brief({floods_health_ministry(), floods_red_cross()});
  ASSERT_EQ(b.facts.size(), 2u);

  const Fact* dead = fact_with(b, "casualty");
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->status, FactStatus::disputed);
  EXPECT_EQ(dead->reports.size(), 2u);
  EXPECT_NE(dead->note.find("Health Ministry"), std::string::npos) << dead->note;
  EXPECT_NE(dead->note.find("Red Cross"), std::string::npos) << dead->note;
  EXPECT_NE(dead->note.find("differ by 15"), std::string::npos) << dead->note;
  EXPECT_EQ(b.facts.front().id, dead->id) << "disputes come first";

  const Fact* evacuated = fact_with(b, "evacuate");
  ASSERT_NE(evacuated, nullptr);
  EXPECT_EQ(evacuated->status, FactStatus::agreed);
  EXPECT_EQ(evacuated->primary_sources, 2);
  EXPECT_EQ(evacuated->reports[1].attributed_to, "Fire Service");
  EXPECT_EQ(evacuated->reports[1].as_written, "Nearly 1,200");
  const auto& ev = evacuated->reports[0].evidence;
  EXPECT_EQ(b.sources[0].doc_id, ev.doc_id);
  EXPECT_EQ(evacuated->reports[0].sentence_text.substr(ev.span.begin - ev.sentence.begin, ev.span.size()),
            "about 1,200");
}

TEST(Claims, DeltasTotalsAndPartsStayApart) {
  Quantity part = bounds(std::nullopt, std::nullopt);
  part.part_of = 2000;
  Document d = DocBuilder("The army deployed 2,000 soldiers to Marova in March. "
                          "An additional 300 soldiers were sent on Friday. "
                          "Officials said 150 of the 2,000 soldiers were injured.",
                          "2025-04-01")
                   .quantity("2,000", 2000, "soldier", "soldiers")
                   .quantity("300", 300, "soldier", "soldiers",
                             bounds(std::nullopt, std::nullopt, false, {"additional"}, true))
                   .quantity("150", 150, "soldier", "", part)
                   .build();
  // The whole in "150 of the 2,000" is a reference back, not a second report.
  Document with_whole = d;
  Quantity whole;
  whole.value = 2000;
  whole.counted = whole.counted_class = "soldier";
  with_whole.quantities.add(DocBuilder(d.text, "2025-04-01").find("2,000", 1), whole);
  with_whole.quantities.sort();

  Brief b = build_brief({with_whole});
  ASSERT_EQ(b.facts.size(), 3u);
  const Fact* total = fact_with(b, "send");
  const Fact* delta = fact_with(b, "send", true);
  const Fact* injured = fact_with(b, "injure");
  ASSERT_TRUE(total && delta && injured);
  EXPECT_EQ(total->reports.at(0).value, 2000);
  EXPECT_EQ(delta->reports.at(0).value, 300);
  EXPECT_EQ(injured->reports.at(0).value, 150);
  EXPECT_EQ(injured->reports.at(0).part_of, 2000);
  for (const auto& f : b.facts) EXPECT_EQ(f.status, FactStatus::single_source);
}

TEST(Claims, SpecificCountedThingsOfOneClassStayApart) {
  auto personnel = [] {
    Quantity q;
    q.counted_class = "personnel";
    return q;
  };
  Document a = DocBuilder("The government agreed to dispatch 1,000 sappers and 5,000 engineers. "
                          "A contingent of 11,000 troops had been sent earlier.",
                          "2025-06-20")
                   .quantity("1,000", 1000, "sapper", "sappers", personnel())
                   .quantity("5,000", 5000, "engineer", "engineers", personnel())
                   .quantity("11,000", 11000, "troop", "troops", personnel())
                   .build();
  Document b = DocBuilder("Some 11,000 soldiers were sent last year.", "2025-06-21")
                   .quantity("Some 11,000", 11000, "soldier", "soldiers", personnel())
                   .build();
  Brief brief = build_brief({a, b});
  ASSERT_EQ(brief.facts.size(), 3u);
  for (const auto& f : brief.facts) {
    if (f.reports.size() == 2) {
      EXPECT_EQ(f.status, FactStatus::agreed) << "troops and soldiers are one thing";
      EXPECT_EQ(f.reports[0].value, 11000);
    } else {
      EXPECT_EQ(f.status, FactStatus::single_source) << f.what;
    }
  }
}

TEST(Claims, OneSourceRevisingItsFigureIsAnUpdate) {
  Document early = DocBuilder("The health ministry said 12 people had died.", "2025-04-02")
                       .quantity("12", 12, "person", "people")
                       .attribution("12 people had died", "The health ministry", "Health Ministry")
                       .build();
  Document late = DocBuilder("By Saturday the health ministry said 18 people had died.", "2025-04-05")
                      .quantity("18", 18, "person", "people")
                      .attribution("18 people had died", "the health ministry", "Health Ministry")
                      .build();
  Brief b = build_brief({early, late});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].status, FactStatus::updated);
  EXPECT_EQ(b.facts[0].primary_sources, 1);
  EXPECT_NE(b.facts[0].note.find("from 12"), std::string::npos) << b.facts[0].note;
  EXPECT_NE(b.facts[0].note.find("to 18"), std::string::npos) << b.facts[0].note;
}

TEST(Claims, PrimarySourcesAreCountedByTheirKeyNotTheirWording) {
  // "Valdor's army", "the army" and "the army report" are one source; the
  // army of another country is another, so its later figure is a dispute,
  // not the first army revising itself.
  auto report = [](const std::string& text, const std::string& figure, double value, const std::string& date,
                   const std::string& content, const std::string& source) {
    return DocBuilder(text, date)
        .quantity(figure, value, "soldier", "soldiers")
        .attribution(content, source, source)
        .build();
  };
  Document a = report("Valdor's army said 300 soldiers were killed.", "300", 300, "2025-04-02",
                      "300 soldiers were killed", "Valdor's army");
  Document b = report("About 300 soldiers were killed, the army said.", "300", 300, "2025-04-03",
                      "About 300 soldiers were killed", "the army");
  Document c = report("The army report said 300 soldiers were killed.", "300", 300, "2025-04-03",
                      "300 soldiers were killed", "The army report");
  Brief agreed = build_brief({a, b, c});
  ASSERT_EQ(agreed.facts.size(), 1u);
  EXPECT_EQ(agreed.facts[0].status, FactStatus::agreed);
  EXPECT_EQ(agreed.facts[0].primary_sources, 1);

  Document other = report("Rhine's army said 900 soldiers were killed.", "900", 900, "2025-04-05",
                          "900 soldiers were killed", "Rhine's army");
  Brief disputed = build_brief({a, other});
  ASSERT_EQ(disputed.facts.size(), 1u);
  EXPECT_EQ(disputed.facts[0].status, FactStatus::disputed) << disputed.facts[0].note;
  EXPECT_EQ(disputed.facts[0].primary_sources, 2);

  Document same = report("Valdor's army said 900 soldiers were killed.", "900", 900, "2025-04-05",
                         "900 soldiers were killed", "Valdor's army");
  EXPECT_EQ(build_brief({a, same}).facts[0].status, FactStatus::updated);
}

TEST(Claims, LooseFiguresAgreeWithinRoundingButNotBeyond) {
  // The quantity layer gives "about 800" as equal bounds with approx set.
  auto report = [](const std::string& text, const std::string& figure, double value, bool approx,
                   const std::string& outlet) {
    return DocBuilder(text, "2025-04-02", outlet)
        .quantity(figure, value, "person", "people", bounds(value, value, approx))
        .build();
  };
  Document about800 = report("About 800 people were rescued.", "About 800", 800, true, "Wire A");
  Document exact780 = report("Rescuers saved 780 people.", "780", 780, false, "Wire B");
  EXPECT_EQ(build_brief({about800, exact780}).facts[0].status, FactStatus::agreed);
  Document about170 = report("About 170 people were rescued.", "About 170", 170, true, "Wire A");
  Document about200 = report("About 200 people were rescued.", "About 200", 200, true, "Wire B");
  EXPECT_EQ(build_brief({about170, about200}).facts[0].status, FactStatus::disputed);
}

TEST(Claims, UnnamedPartsAndFiguresOrdersOfMagnitudeApartStayApart) {
  Quantity part = bounds(std::nullopt, std::nullopt);
  part.part_of = 14;
  Document a = DocBuilder("The network runs 14 hospitals. Emergency departments at 3 of the 14 hospitals closed. "
                          "About 1,200 patients were diverted.",
                          "2025-04-02", "Wire A")
                   .quantity("14", 14, "hospital", "hospitals")
                   .quantity("3", 3, "hospital", "hospitals", part)
                   .quantity("About 1,200", 1200, "patient", "patients", bounds(1200, 1200, true))
                   .build();
  Document b = DocBuilder("Records of about 1.2 million patients were stolen.", "2025-04-03", "Wire B")
                   .quantity("about 1.2 million", 1.2e6, "patient", "patients", bounds(1.2e6, 1.2e6, true))
                   .build();
  Brief brief = build_brief({a, b});
  ASSERT_EQ(brief.facts.size(), 4u);
  for (const auto& f : brief.facts) EXPECT_EQ(f.status, FactStatus::single_source) << f.what << ": " << f.note;
}

TEST(Claims, OneSourceRelayedByTwoWithDifferentFiguresIsADispute) {
  Document opposition =
      DocBuilder("The opposition said observers had recorded 300 violations.", "2025-04-02")
          .quantity("300", 300, "violation", "violations")
          .attribution("300 violations", "observers", "observers", {"opposition"})
          .build();
  Document commission =
      DocBuilder("The commission said observers had confirmed 212 violations.", "2025-04-04")
          .quantity("212", 212, "violation", "violations")
          .attribution("212 violations", "observers", "observers", {"commission"})
          .build();
  Brief b = build_brief({opposition, commission});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].status, FactStatus::disputed) << b.facts[0].note;
  Document later_same = DocBuilder("The opposition said observers had now recorded 340 violations.", "2025-04-05")
                            .quantity("340", 340, "violation", "violations")
                            .attribution("340 violations", "observers", "observers", {"opposition"})
                            .build();
  EXPECT_EQ(build_brief({opposition, later_same}).facts[0].status, FactStatus::updated);
}

TEST(Claims, ALaterRevisionSupersedesEvenUnderAnotherName) {
  // The same service named two ways, then a revision worded as one ("risen
  // to") by a source named differently again: an update, not a dispute.
  Document first = DocBuilder("About 12,000 hectares have burned, the regional fire service said.", "2026-08-04")
                       .quantity("About 12,000", 12000, "hectare", "hectares", bounds(std::nullopt, std::nullopt, true))
                       .attribution("About 12,000 hectares have burned", "the regional fire service",
                                    "regional fire service")
                       .build();
  Document second = DocBuilder("The fire has burned 18,500 hectares, the fire service said.", "2026-08-05")
                        .quantity("18,500", 18500, "hectare", "hectares")
                        .attribution("The fire has burned 18,500 hectares", "the fire service", "fire service")
                        .build();
  Brief b = build_brief({first, second});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].status, FactStatus::updated) << b.facts[0].note;

  Document toll1 = DocBuilder("Three people died in the fire, police said.", "2026-08-04")
                       .quantity("Three", 3, "person", "people")
                       .attribution("Three people died in the fire", "police", "police")
                       .build();
  Document toll2 = DocBuilder("The death toll has risen to 5, officials said.", "2026-08-06")
                       .quantity("5", 5, "", "")
                       .attribution("The death toll has risen to 5", "officials", "officials")
                       .build();
  b = build_brief({toll2, toll1});
  ASSERT_EQ(b.facts.size(), 1u) << "the toll is the deaths";
  EXPECT_EQ(b.facts[0].predicate, "casualty");
  EXPECT_EQ(b.facts[0].status, FactStatus::updated) << b.facts[0].note;

  // The same figures from another source, without a word of revision, dispute.
  Document other = DocBuilder("Five people died in the fire, a hospital said.", "2026-08-06")
                       .quantity("Five", 5, "person", "people")
                       .attribution("Five people died in the fire", "a hospital", "hospital")
                       .build();
  b = build_brief({toll1, other});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].status, FactStatus::disputed);

  // Two sources at odds on one day stay disputed whatever the wording.
  Document same_day = DocBuilder("The toll has now risen to 9, a hospital said.", "2026-08-04")
                          .quantity("9", 9, "", "")
                          .attribution("The toll has now risen to 9", "a hospital", "hospital")
                          .build();
  b = build_brief({toll1, same_day});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].status, FactStatus::disputed);
}

TEST(Claims, FiguresNamedByReferenceTakeWhatTheyReferTo) {
  Document d = DocBuilder("Police arrested 48 people on Friday. "
                          "The ministry revised the number of people arrested during the protests to 61. "
                          "The mayor said more than 400 homes were destroyed, while the fire service put the number at 240. "
                          "Cases have topped 1,600.",
                          "2026-05-02")
                   .quantity("48", 48, "person", "people")
                   .quantity("61", 61, "", "")
                   .quantity("more than 400", 400, "home", "homes", bounds(400, std::nullopt))
                   .quantity("240", 240, "", "")
                   .quantity("1,600", 1600, "", "")
                   .build();
  Brief b = build_brief({d});
  const Fact* arrests = fact_with(b, "arrest");
  ASSERT_NE(arrests, nullptr);
  EXPECT_EQ(arrests->reports.size(), 1u) << "one report per document and source";
  const Fact* homes = fact_with(b, "destroy");
  ASSERT_NE(homes, nullptr);
  EXPECT_EQ(homes->counted_class, "home");
  const Fact* cases = fact_with(b, "case");
  ASSERT_NE(cases, nullptr);
  EXPECT_EQ(cases->reports[0].value, 1600);
  for (const auto& f : b.facts) EXPECT_NE(f.predicate, "rise") << f.what;
}

TEST(Claims, EachFigureTakesItsOwnVerb) {
  Document d = DocBuilder("At least 23 people were killed and about 4,000 residents were evacuated overnight. "
                          "The army deployed 1,200 soldiers and eight helicopters to the valley.",
                          "2026-05-02")
                   .quantity("At least 23", 23, "person", "people", bounds(23, std::nullopt))
                   .quantity("about 4,000", 4000, "resident", "residents", bounds(std::nullopt, std::nullopt, true))
                   .quantity("1,200", 1200, "soldier", "soldiers")
                   .quantity("eight", 8, "helicopter", "helicopters")
                   .build();
  Brief b = build_brief({d});
  const Fact* killed = fact_with(b, "casualty");
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->reports[0].value, 23);
  const Fact* evacuated = fact_with(b, "evacuate");
  ASSERT_NE(evacuated, nullptr);
  EXPECT_EQ(evacuated->reports[0].value, 4000);
  int sent = 0;
  for (const auto& f : b.facts) sent += f.predicate == "send";
  EXPECT_EQ(sent, 2) << "the soldiers and the helicopters share their verb";
}

TEST(Claims, RatesBatchesAndTwoWordPredicatesKeepFiguresApart) {
  Quantity usd = bounds(std::nullopt, std::nullopt);
  usd.unit = "USD";
  usd.kind = QuantityKind::money;
  Document d = DocBuilder("The strike is costing the economy 150 million dollars a day. "
                          "The strike has cost the operator 18 million dollars. "
                          "The first 200,000 doses were delivered on Thursday, and 500,000 doses were delivered in all. "
                          "The union said 12,000 members had joined the strike, while the company said fewer than "
                          "5,000 workers had stopped work.",
                          "2026-10-14")
                   .quantity("150 million dollars", 150e6, "", "", usd)
                   .quantity("18 million dollars", 18e6, "", "", usd)
                   .quantity("200,000", 200000, "dose", "doses")
                   .quantity("500,000", 500000, "dose", "doses")
                   .quantity("12,000", 12000, "member", "members", counted_as("people"))
                   .quantity("5,000", 5000, "worker", "workers", counted_as("workers", bounds(std::nullopt, 5000)))
                   .attribution("12,000 members had joined the strike", "The union", "union")
                   .attribution("fewer than 5,000 workers had stopped work", "the company", "company")
                   .build();
  Brief b = build_brief({d});
  int cost_facts = 0, dose_facts = 0;
  const Fact* strike = nullptr;
  for (const auto& f : b.facts) {
    cost_facts += f.predicate == "cost";
    dose_facts += f.predicate == "send";
    if (f.predicate == "strike") strike = &f;
  }
  EXPECT_EQ(cost_facts, 2) << "a cost per day is not a cost";
  EXPECT_EQ(dose_facts, 2) << "a first batch is not the total";
  ASSERT_NE(strike, nullptr);
  EXPECT_EQ(strike->reports.size(), 2u) << "'stopped work' is the strike the members joined";
  EXPECT_EQ(strike->status, FactStatus::disputed);
}

TEST(Claims, FiguresYearsApartAreTwoFactsAndCitedFiguresKeepTheirSource) {
  Document d = DocBuilder("At least 41 people died on Tuesday, police said. "
                          "A similar accident in September 2018 killed more than 200 people. "
                          "The Red Cross said 58 people had died, well above the police count of 41.",
                          "2026-04-15")
                   .quantity("At least 41", 41, "people", "people", counted_as("people", bounds(41, std::nullopt)))
                   .quantity("more than 200", 200, "people", "people", counted_as("people", bounds(200, std::nullopt)))
                   .quantity("58", 58, "people", "people", counted_as("people"))
                   .quantity("41.", 41, "", "")
                   .time("Tuesday", "2026-04-14", "published")
                   .time("September 2018", "2018-09")
                   .attribution("At least 41 people died on Tuesday", "police", "police")
                   .attribution("58 people had died, well above the police count of 41", "The Red Cross", "Red Cross")
                   .build();
  Brief b = build_brief({d});
  int casualty_facts = 0;
  for (const auto& f : b.facts) casualty_facts += f.predicate == "casualty";
  EXPECT_EQ(casualty_facts, 2) << "the 2018 accident is another fact";
  std::set<std::string> ids;
  for (const auto& f : b.facts) EXPECT_TRUE(ids.insert(f.id).second) << "fact id " << f.id << " repeats";
  EXPECT_TRUE(b.inconsistencies.empty()) << b.inconsistencies[0].what;
  const Fact& toll = b.facts.front();
  bool cited = false;
  for (const auto& r : toll.reports) cited = cited || (r.value == 41 && r.attributed_to == "police");
  EXPECT_TRUE(cited) << "'the police count of 41' is the police's figure, not the Red Cross's";
}

TEST(Claims, AReportContradictingItselfIsFlagged) {
  Document d = DocBuilder("The ministry said 27 people had died. Later the ministry said 31 people had died.",
                          "2026-03-02")
                   .quantity("27", 27, "people", "people", counted_as("people"))
                   .quantity("31", 31, "people", "people", counted_as("people"))
                   .attribution("27 people had died", "The ministry", "ministry")
                   .attribution("31 people had died", "the ministry", "ministry")
                   .build();
  Brief b = build_brief({d});
  ASSERT_EQ(b.inconsistencies.size(), 1u);
  EXPECT_NE(b.inconsistencies[0].what.find("two figures"), std::string::npos) << b.inconsistencies[0].what;
  EXPECT_EQ(b.inconsistencies[0].evidence.size(), 2u);

  Document revised = DocBuilder("The ministry said 27 people had died. The toll has since risen to 31, the ministry said.",
                                "2026-03-02")
                         .quantity("27", 27, "people", "people", counted_as("people"))
                         .quantity("31", 31, "", "")
                         .attribution("27 people had died", "The ministry", "ministry")
                         .attribution("The toll has since risen to 31", "the ministry", "ministry")
                         .build();
  EXPECT_TRUE(build_brief({revised}).inconsistencies.empty()) << "a revision is no contradiction";
}

TEST(Claims, TheDayOfSayingDoesNotDateTheEvent) {
  Document d = DocBuilder("The fire service said on Wednesday that the blaze had burned 600 homes. "
                          "Soldiers evacuated the village on Tuesday, officials said.",
                          "2026-08-06")
                   .quantity("600", 600, "home", "homes")
                   .time("Wednesday", "2026-08-05", "published")
                   .time("Tuesday", "2026-08-04", "published")
                   .attribution("the blaze had burned 600 homes", "The fire service", "fire service", {}, "said")
                   .build();
  Brief b = build_brief({d});
  for (const auto& e : b.events) EXPECT_NE(e.time, "2026-08-05") << e.what << ": Wednesday is when it was said";
  bool evacuation = false;
  for (const auto& e : b.events) evacuation = evacuation || (e.predicate == "evacuate" && e.time == "2026-08-04");
  EXPECT_TRUE(evacuation) << "a date in the event's own clause still dates it";
}

TEST(Claims, PlacesAreNotActorsAndPeopleMeetResidents) {
  Document a = DocBuilder("A wildfire near the town of Almend has evacuated 9,000 residents.", "2026-08-04")
                   .quantity("9,000", 9000, "resident", "residents", counted_as("civilians"))
                   .entity("Almend", EntityType::location)
                   .build();
  Document b2 = DocBuilder("In the Kessra valley, 9,000 people were evacuated.", "2026-08-05")
                    .quantity("9,000", 9000, "people", "people", counted_as("people"))
                    .entity("Kessra", EntityType::location)
                    .build();
  Brief b = build_brief({a, b2});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].actor, "");
  EXPECT_EQ(b.facts[0].status, FactStatus::agreed);
  // Each report says why it was lined up, and how sure that is.
  ASSERT_EQ(b.facts[0].reports.size(), 2u);
  EXPECT_EQ(b.facts[0].reports[0].alignment, "first report of this figure");
  const FactReport& joined = b.facts[0].reports[1];
  EXPECT_NE(joined.alignment.find("same predicate 'evacuate'"), std::string::npos) << joined.alignment;
  EXPECT_NE(joined.alignment.find("people, of which the other counts a kind"), std::string::npos)
      << joined.alignment;
  EXPECT_LT(joined.alignment_score, 1.0);
  EXPECT_GT(joined.alignment_score, 0.5);
}

TEST(Claims, FactsDoNotDependOnInputOrder) {
  Document a = DocBuilder("Police arrested 48 people, the ministry said.", "2026-05-01")
                   .quantity("48", 48, "people", "people")
                   .attribution("Police arrested 48 people", "the ministry", "ministry")
                   .build();
  Document b = DocBuilder("The number of people arrested has risen to 61, the ministry said.", "2026-05-02")
                   .quantity("61", 61, "", "")
                   .attribution("The number of people arrested has risen to 61", "the ministry", "ministry")
                   .build();
  Document c = DocBuilder("Police arrested 61 people in all.", "2026-05-03")
                   .quantity("61", 61, "people", "people")
                   .build();
  Brief forward = build_brief({a, b, c});
  Brief backward = build_brief({c, b, a});
  ASSERT_EQ(forward.facts.size(), backward.facts.size());
  for (size_t i = 0; i < forward.facts.size(); ++i) {
    EXPECT_EQ(forward.facts[i].id, backward.facts[i].id);
    EXPECT_EQ(forward.facts[i].status, backward.facts[i].status);
  }
  EXPECT_EQ(forward.facts[0].status, FactStatus::updated) << forward.facts[0].note;
}

TEST(Claims, CopiesAreShownButCountedOnce) {
  Document original = DocBuilder("Police arrested 35 protesters outside the port.", "2025-04-02", "Wire")
                          .quantity("35", 35, "protester", "protesters")
                          .build();
  Document copy = DocBuilder("Police arrested 35 protesters outside the port. (Wire copy)", "2025-04-02",
                             "Harbor Times")
                      .quantity("35", 35, "protester", "protesters")
                      .build();
  Brief b = build_brief({original, copy}, {CopyLink{copy.id, original.id, 0.9, "credit line"}});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].status, FactStatus::single_source);
  EXPECT_EQ(b.facts[0].primary_sources, 1);
  ASSERT_EQ(b.facts[0].reports.size(), 2u);
  EXPECT_EQ(b.facts[0].reports[1].copy_of, original.id);
  EXPECT_EQ(b.sources[1].copy_of, original.id);

  Brief independent = build_brief({original, copy});
  EXPECT_EQ(independent.facts[0].status, FactStatus::agreed);
}

TEST(Claims, TimelineOrdersEventsAndMarksPlannedOnes) {
  Document p = DocBuilder("Prime Minister Lena Ortiz visited Marova on June 3. "
                          "Ortiz will visit the neighbouring province in August, her office said. "
                          "The government signed a reconstruction agreement on May 20.",
                          "2025-06-10", "Harbor Times")
                   .entity("Lena Ortiz", EntityType::person)
                   .entity("Marova", EntityType::location)
                   .entity("Ortiz", EntityType::person, "", 1)
                   .time("June 3", "2025-06-03", "published")
                   .time("in August", "2025-08", "published")
                   .time("May 20", "2025-05-20", "published")
                   .modality("Ortiz will visit the neighbouring province in August", ModalityKind::planned)
                   .build();
  Document q = DocBuilder("Lena Ortiz toured flooded villages in Marova, officials said.", "2025-06", "Valley Post")
                   .entity("Lena Ortiz", EntityType::person)
                   .entity("Marova", EntityType::location)
                   .build();
  Brief b = build_brief({p, q});
  ASSERT_GE(b.events.size(), 3u);
  std::vector<std::string> times;
  for (const auto& e : b.events) times.push_back(e.time);
  EXPECT_EQ(times[0], "2025-05-20");
  EXPECT_EQ(times[1], "2025-06-03");
  EXPECT_EQ(times[2], "2025-08");
  EXPECT_EQ(b.events[0].predicate, "sign");
  EXPECT_EQ(b.events[1].predicate, "visit");
  EXPECT_EQ(b.events[1].actor, "Lena Ortiz");
  EXPECT_EQ(b.events[1].precision, "day");
  EXPECT_FALSE(b.events[1].planned);
  ASSERT_EQ(b.events[1].reports.size(), 2u) << "the undated tour joins the dated visit";
  EXPECT_EQ(b.events[1].reports[1].doc_id, q.id);
  EXPECT_TRUE(b.events[2].planned);
  EXPECT_EQ(b.events[2].actor, "Lena Ortiz") << "a lone surname resolves to the full name";

  auto it = std::find_if(b.entities.begin(), b.entities.end(),
                         [](const EntitySummary& e) { return e.name == "Lena Ortiz"; });
  ASSERT_NE(it, b.entities.end());
  EXPECT_EQ(it->documents, 2);
  EXPECT_NE(std::find(it->aliases.begin(), it->aliases.end(), "Ortiz"), it->aliases.end());
}

TEST(Claims, RelativeAndExplicitDatesOfOneFigureConflict) {
  Document r = DocBuilder("The ministry said 500 more troops were sent this year. "
                          "Between January and February 2024, the additional troops were deployed to the border.",
                          "2025-03")
                   .quantity("500", 500, "troop", "troops", bounds(std::nullopt, std::nullopt, false, {"more"}, true))
                   .time("this year", "2025", "published")
                   .time("Between January and February 2024", "2024-01/2024-02")
                   .build();
  Document s = DocBuilder("About 500 additional troops were transferred in January and February.", "2025-03")
                   .quantity("About 500", 500, "troop", "additional troops",
                             bounds(std::nullopt, std::nullopt, true, {"additional"}, true))
                   .time("in January and February", "2025-01/2025-02", "published")
                   .build();
  Brief b = build_brief({r, s});
  ASSERT_EQ(b.inconsistencies.size(), 1u);
  const Inconsistency& inc = b.inconsistencies[0];
  EXPECT_EQ(inc.doc_id, r.id);
  ASSERT_EQ(inc.evidence.size(), 2u);
  EXPECT_EQ(r[inc.evidence[0].span], "this year");
  EXPECT_EQ(r[inc.evidence[1].span], "Between January and February 2024");
  EXPECT_NE(inc.what.find("2025-01/2025-02"), std::string::npos) << inc.what;

  const Fact* added = fact_with(b, "send", true);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->status, FactStatus::agreed);
  EXPECT_EQ(added->reports.size(), 2u);
}

TEST(Claims, CalibresAreNotFigures) {
  Document d = DocBuilder("The convoy carried 155mm shells and 40 trucks were sent north.", "2025-01")
                   .quantity("155mm", 155, "shell", "shells", [] {
                     Quantity q;
                     q.kind = QuantityKind::calibre;
                     q.unit = "mm";
                     return q;
                   }())
                   .quantity("40", 40, "truck", "trucks")
                   .build();
  Brief b = build_brief({d});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].reports[0].as_written, "40");
}

TEST(Claims, AttributionChainIsKept) {
  Document d = DocBuilder("Harbor Radio quoted the coast guard as saying 60 boats were sent.", "2025-01")
                   .quantity("60", 60, "boat", "boats")
                   .attribution("60 boats were sent", "the coast guard", "Coast Guard", {"Harbor Radio"})
                   .build();
  Brief b = build_brief({d});
  ASSERT_EQ(b.facts.size(), 1u);
  EXPECT_EQ(b.facts[0].reports[0].attributed_to, "Coast Guard");
  EXPECT_EQ(b.facts[0].reports[0].via, std::vector<std::string>{"Harbor Radio"});
  ASSERT_EQ(b.sources[0].primary_sources.size(), 1u);
  EXPECT_EQ(b.sources[0].primary_sources[0], "Coast Guard");
}

TEST(Claims, ChangesBetweenBriefs) {
  Brief before = build_brief({floods_health_ministry()});
  Document arrests = DocBuilder("Police arrested 35 looters.", "2025-04-12")
                         .quantity("35", 35, "looter", "looters")
                         .build();
  Brief after = build_brief({floods_health_ministry(), floods_red_cross(), arrests});
  auto changes = compare_briefs(before, after);
  auto has = [&](const std::string& kind) {
    return std::any_of(changes.begin(), changes.end(), [&](const BriefChange& c) { return c.kind == kind; });
  };
  EXPECT_TRUE(has("now disputed"));
  EXPECT_TRUE(has("confirmed by a second primary source"));
  EXPECT_TRUE(has("new figure"));
  EXPECT_TRUE(compare_briefs(after, after).empty());
}

TEST(Claims, DocumentsWithoutLayersGiveAnEmptyBrief) {
  Document bare;
  bare.text = "No layers here.";
  bare.assign_id();
  Document empty;
  Brief b = build_brief({bare, empty});
  EXPECT_TRUE(b.facts.empty());
  EXPECT_TRUE(b.events.empty());
  EXPECT_EQ(b.sources.size(), 2u);
}

TEST(TimeRange, ParsesTimex3Values) {
  auto fall = parse_time_range("2024-FA");
  ASSERT_TRUE(fall);
  EXPECT_EQ(fall->first, days_from_civil(2024, 9, 1));
  EXPECT_EQ(fall->last, days_from_civil(2024, 11, 30));
  auto week = parse_time_range("2025-W01");
  ASSERT_TRUE(week);
  EXPECT_EQ(week->first, days_from_civil(2024, 12, 30));
  auto range = parse_time_range("2025-01/2025-02");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->last, days_from_civil(2025, 2, 28));
  EXPECT_EQ(parse_time_range("2025-03-27T10:00")->first, days_from_civil(2025, 3, 27));
  EXPECT_FALSE(parse_time_range("XXXX-03-27"));
  EXPECT_FALSE(parse_time_range("PRESENT_REF"));
  EXPECT_FALSE(parse_time_range("2025-02-30"));
  EXPECT_FALSE(parse_time_range("2025-03/2025-01"));
  EXPECT_FALSE(parse_time_range("P3W"));
}

TEST(Claims, SourcesAreNamedByTheEntityTheyNameButNotByAPlaceInside) {
  // "President Lena Ortiz" is the person; "Residents of Marova" are not the
  // place; "the Harbor Authority" is the organization without its "the".
  Document p = DocBuilder("President Lena Ortiz said 40 people died in Marova. "
                          "Residents of Marova said 60 people died. "
                          "The Harbor Authority said the port was closed.",
                          "2025-06-10", "Harbor Times")
                   .entity("Lena Ortiz", EntityType::person)
                   .entity("Marova", EntityType::location)
                   .entity("Marova", EntityType::location, "", 1)
                   .entity("Harbor Authority", EntityType::organization)
                   .attribution("40 people died in Marova", "President Lena Ortiz", "")
                   .attribution("60 people died", "Residents of Marova", "")
                   .attribution("the port was closed", "The Harbor Authority", "")
                   .build();
  Brief b = build_brief({p});
  ASSERT_EQ(b.sources.size(), 1u);
  EXPECT_EQ(b.sources[0].primary_sources,
            (std::vector<std::string>{"Lena Ortiz", "Residents of Marova", "Harbor Authority"}));
}

}  // namespace
}  // namespace cc
