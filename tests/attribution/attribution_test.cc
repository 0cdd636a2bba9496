#include "nlp/attribution/attribution.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace cc {
namespace {

// Tokenizer, POS tags and attribution: these tests must not depend on the
// later stages' output (the entity layer is optional for this component; the
// tags always come before it in the pipeline).
const Pipeline& pipeline() {
  static const Pipeline p = [] {
    auto loaded = Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {"tag", "attribution"});
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return std::move(loaded.value());
  }();
  return p;
}

Document annotate(std::string text, std::string outlet = "") {
  Document d;
  d.text = std::move(text);
  d.source = std::move(outlet);
  pipeline().run(d);
  return d;
}

Span find(const Document& d, std::string_view needle) {
  size_t at = d.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

struct Seen {
  std::string cue, source, name, content;
  std::vector<std::string> via;
};

// The attribution covering `needle`, as text.
Seen covering(const Document& d, std::string_view needle) {
  const Attribution* a = attribution_for(d, find(d, needle));
  if (!a) return {};
  Seen s{std::string(d[a->cue]), std::string(d[a->source]), a->source_name, "", a->via};
  for (const auto& item : d.attributions)
    if (&item.value == a) s.content = std::string(d[item.span]);
  // Whether "that" opens the content is the role model's call (PolNeAR
  // includes it); the tests check the rest.
  if (s.content.starts_with("that ")) s.content.erase(0, 5);
  return s;
}

TEST(Attribution, AccordingToWithBriefingAndAcronym) {
  auto d = annotate(
      "According to a closed-door briefing by Finland's Security Intelligence Service (SIS), "
      "the group is likely to send more fighters to the border.");
  Seen s = covering(d, "more fighters");
  EXPECT_EQ(s.cue, "According to");
  EXPECT_EQ(s.source, "Finland's Security Intelligence Service (SIS)");
  EXPECT_EQ(s.content, "the group is likely to send more fighters to the border");
  EXPECT_EQ(modality_for(d, find(d, "more fighters")), ModalityKind::hedged);
}

TEST(Attribution, TrailingAccordingTo) {
  auto d =
      annotate("Some 1,200 people were evacuated overnight, according to the regional governor.");
  Seen s = covering(d, "1,200");
  EXPECT_EQ(s.cue, "according to");
  EXPECT_EQ(s.name, "regional governor");
  EXPECT_EQ(s.content, "Some 1,200 people were evacuated overnight");
  EXPECT_EQ(modality_for(d, find(d, "1,200")), ModalityKind::asserted);
}

TEST(Attribution, ReportedThat) {
  auto d = annotate("The coast guard reported that four vessels had been seized near the strait.");
  Seen s = covering(d, "four vessels");
  EXPECT_EQ(s.cue, "reported");
  EXPECT_EQ(s.source, "The coast guard");
  EXPECT_EQ(s.name, "coast guard");
  EXPECT_EQ(s.content, "four vessels had been seized near the strait");
}

TEST(Attribution, QuotedAsSayingIsAChain) {
  auto d = annotate(
      "The Meridian news agency quoted the Army's General Staff in Valdor as saying, "
      "\u201cIt seems that nearly 2,000 soldiers crossed the river.\u201d",
      "Daily Ledger");
  const Attribution* a = attribution_for(d, find(d, "2,000"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(d[a->cue], "quoted");
  EXPECT_EQ(d[a->source], "the Army's General Staff in Valdor");
  EXPECT_EQ(a->via, (std::vector<std::string>{"Meridian news agency"}));
  EXPECT_EQ(attribution_chain(d, *a),
            (std::vector<std::string>{"Daily Ledger", "Meridian news agency", a->source_name}));
  EXPECT_EQ(modality_for(d, find(d, "2,000")), ModalityKind::hedged);
}

TEST(Attribution, ToldAProgramIsAnIntermediary) {
  auto d = annotate(
      "Military analyst Petra Vanek told Northern Radio's Evening Desk program that the brigade "
      "had lost half its vehicles.");
  Seen s = covering(d, "half its vehicles");
  EXPECT_EQ(s.cue, "told");
  EXPECT_EQ(s.name, "Petra Vanek");
  EXPECT_EQ(s.via, (std::vector<std::string>{"Northern Radio's Evening Desk program"}));
  EXPECT_EQ(s.content, "the brigade had lost half its vehicles");
}

TEST(Attribution, InvertedSaysWithAppositive) {
  auto d = annotate(
      "The convoy carried at least 40 tanks, says Vanek, co-founder of a monitoring group.");
  Seen s = covering(d, "40 tanks");
  EXPECT_EQ(s.cue, "says");
  // The source span keeps the appositive as evidence; the name does not.
  EXPECT_EQ(s.source, "Vanek, co-founder of a monitoring group");
  EXPECT_EQ(s.name, "Vanek");
  EXPECT_EQ(s.content, "The convoy carried at least 40 tanks");
}

// "Name, description, said ..." is a subject with an appositive, not an
// inverted "..., said <source>": the words after the cue are the content.
TEST(Attribution, SubjectWithAppositiveBeforeTheCue) {
  auto d = annotate(
      "Ruth Alder, a spokeswoman for the port authority, said 12 cranes were damaged. "
      "On Monday, Kim Osk, host of a morning show, said 30 trucks were stuck. "
      "Another officer, Tom Brand, recalled that 5 boats sank. "
      "Fuel ran short in 40 towns, said Ruth Alder, a spokeswoman.");
  Seen s = covering(d, "12 cranes");
  EXPECT_EQ(s.cue, "said");
  EXPECT_EQ(s.name, "Ruth Alder");
  EXPECT_EQ(s.content, "12 cranes were damaged");
  Seen t = covering(d, "30 trucks");
  EXPECT_EQ(t.name, "Kim Osk");
  EXPECT_EQ(t.content, "30 trucks were stuck");
  Seen u = covering(d, "5 boats");
  EXPECT_EQ(u.cue, "recalled");
  EXPECT_NE(u.source.find("Tom Brand"), std::string::npos);
  // A real inversion still reads its source after the cue.
  Seen v = covering(d, "40 towns");
  EXPECT_EQ(v.name, "Ruth Alder");
  EXPECT_EQ(v.content, "Fuel ran short in 40 towns");
}

TEST(Attribution, InAPollNamesItsSource) {
  auto d = annotate(
      "Some 38 percent backed the mayor in a Valdor Radio poll last month. "
      "In the latest port survey, 40 percent of dockers backed a strike. "
      "The fire burned in the hills for 3 days.");
  Seen s = covering(d, "38 percent");
  EXPECT_EQ(s.cue, "in");
  EXPECT_EQ(s.name, "Valdor Radio poll");
  EXPECT_EQ(s.content, "Some 38 percent backed the mayor");
  Seen t = covering(d, "40 percent");
  EXPECT_EQ(t.cue, "In");
  EXPECT_EQ(t.content, "40 percent of dockers backed a strike");
  // "in" before anything but a poll or survey is no cue.
  EXPECT_EQ(attribution_for(d, find(d, "3 days")), nullptr);
}

TEST(Attribution, QuoteSpanningSentencesThenHeSaid) {
  auto d = annotate(
      "Retired colonel Adam Rusk described the scene.\n"
      "\u201cThe first wave arrived at dawn. Nobody counted on 500 more by noon. "
      "We were not ready,\u201d he said.");
  Seen s = covering(d, "500 more");
  EXPECT_EQ(s.cue, "said");
  EXPECT_EQ(s.source, "he");
  EXPECT_EQ(s.name, "Adam Rusk");
  EXPECT_TRUE(s.content.starts_with("\u201cThe first wave")) << s.content;
  EXPECT_TRUE(s.content.ends_with("ready,\u201d")) << s.content;
}

TEST(Attribution, NounEstimatesPlace) {
  auto d = annotate(
      "The Dutch defense intelligence estimates place the number of casualties at over 6,000.");
  Seen s = covering(d, "6,000");
  EXPECT_EQ(s.cue, "estimates place");
  EXPECT_EQ(s.source, "The Dutch defense intelligence");
  EXPECT_EQ(s.name, "Dutch defense intelligence");
  EXPECT_EQ(modality_for(d, find(d, "6,000")), ModalityKind::hedged);
}

TEST(Attribution, ThereAreReportsAndItIsEstimatedHaveNoSource) {
  auto d = annotate(
      "There are reports that the ministry may send up to 900 engineers. "
      "It is estimated that 300 of them are already there.");
  Seen a = covering(d, "900");
  EXPECT_TRUE(a.cue.ends_with("reports")) << a.cue;  // "are reports" as PolNeAR marks it
  EXPECT_EQ(a.name, "");
  EXPECT_EQ(modality_for(d, find(d, "900")), ModalityKind::hedged);
  Seen b = covering(d, "300 of them");
  EXPECT_EQ(b.cue, "is estimated");
  EXPECT_EQ(b.name, "");
  EXPECT_EQ(modality_for(d, find(d, "300 of them")), ModalityKind::hedged);
}

TEST(Attribution, StateMediaAndPlannedVisit) {
  auto d = annotate(
      "Eastland state media reported that the factory reopened. "
      "A senior aide told state media that plans were being made for the premier to visit "
      "the capital later this year.");
  Seen a = covering(d, "factory reopened");
  EXPECT_EQ(a.name, "Eastland state media");
  Seen b = covering(d, "premier to visit");
  EXPECT_EQ(b.cue, "told");
  EXPECT_EQ(b.via, (std::vector<std::string>{"state media"}));
  EXPECT_EQ(modality_for(d, find(d, "premier to visit")), ModalityKind::planned);
}

TEST(Modality, HedgedNegatedConditionalQuestion) {
  auto d = annotate(
      "The board report suggests that these losses could increase. "
      "Officials have not officially confirmed the 12 arrests. "
      "If talks fail, the union will strike. "
      "Will the bridge reopen by May 3? "
      "The ministry denied sending 40 trucks. "
      "The river rose 2 meters on Monday, and more rain may follow.");
  EXPECT_EQ(modality_for(d, find(d, "losses")), ModalityKind::hedged);
  EXPECT_EQ(modality_for(d, find(d, "12 arrests")), ModalityKind::negated);
  EXPECT_EQ(modality_for(d, find(d, "union will")), ModalityKind::conditional);
  EXPECT_EQ(modality_for(d, find(d, "bridge reopen")), ModalityKind::question);
  EXPECT_EQ(modality_for(d, find(d, "40 trucks")), ModalityKind::negated);
  EXPECT_EQ(modality_for(d, find(d, "2 meters")), ModalityKind::asserted);
  EXPECT_EQ(modality_for(d, find(d, "more rain")), ModalityKind::hedged);
  Seen s = covering(d, "losses could");
  EXPECT_EQ(s.name, "board");
}

TEST(Modality, ReportedlyAndMonthMay) {
  auto d = annotate("Valdor reportedly seeks new drones. The plant closed in May after a fire.");
  EXPECT_EQ(modality_for(d, find(d, "new drones")), ModalityKind::hedged);
  EXPECT_EQ(modality_for(d, find(d, "plant closed")), ModalityKind::asserted);
}

TEST(Attribution, PronounAndDefiniteDescriptionResolve) {
  auto d = annotate(
      "The Coastal Weather Agency said the storm would reach land on Friday. "
      "The agency added that 3,000 homes had lost power. "
      "It also said schools would stay closed.");
  EXPECT_EQ(covering(d, "3,000 homes").name, "Coastal Weather Agency");
  EXPECT_EQ(covering(d, "schools").name, "Coastal Weather Agency");
}

TEST(Attribution, NestedAttributionInheritsChain) {
  auto d = annotate("The Harbor Times reported that port officials said 14 cranes were damaged.");
  const Attribution* a = attribution_for(d, find(d, "14 cranes"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source_name, "port officials");
  EXPECT_EQ(a->via, (std::vector<std::string>{"Harbor Times"}));
}

TEST(Attribution, SayingAfterAClauseWithItsOwnSubject) {
  auto d = annotate(
      "Farmers said 900 hectares had flooded, a figure the ministry disputed, saying it was "
      "closer to 400. The mayor toured the area, adding that help was coming.");
  EXPECT_EQ(covering(d, "closer to 400").name, "ministry") << "the disputing clause's subject says";
  EXPECT_EQ(covering(d, "900 hectares").name, "Farmers");
  EXPECT_EQ(covering(d, "help was coming").name, "mayor") << "'adding' goes on with the subject";
}

TEST(Attribution, CitingKeepsTheReporterAsIntermediary) {
  auto d = annotate("Meridian reported, citing the navy, that two ships had docked.");
  const Attribution* a = attribution_for(d, find(d, "two ships"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source_name, "navy");
  EXPECT_EQ(a->via, (std::vector<std::string>{"Meridian"}));
}

TEST(Attribution, UnbalancedQuoteStopsAtParagraphEnd) {
  auto d = annotate(
      "\u201cWe will rebuild the bridge, the mayor said at the ceremony.\n"
      "Engineers said 30 workers were hired.");
  Seen s = covering(d, "30 workers");
  EXPECT_EQ(s.name, "Engineers");
  EXPECT_EQ(s.content, "30 workers were hired");
  for (const auto& a : d.attributions) EXPECT_LE(a.span.size(), d.text.size());
}

TEST(Attribution, OutletsOwnTextHasNoAttribution) {
  auto d = annotate("The bridge reopened to traffic on Tuesday after 6 weeks of repairs.");
  EXPECT_EQ(attribution_for(d, find(d, "6 weeks")), nullptr);
  EXPECT_TRUE(d.attributions.empty());
  EXPECT_EQ(d.modalities.size(), 1u);
}

TEST(Attribution, LongQuoteIsLinear) {
  std::string text = "\u201c";
  for (int i = 0; i < 10000; ++i) text += "The unit moved " + std::to_string(i) + " crates today. ";
  text += "That is all,\u201d the quartermaster said.";
  auto start = std::chrono::steady_clock::now();
  auto d = annotate(text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.attributions[0].span.begin, 0u);
  Seen s = covering(d, "9999 crates");
  EXPECT_EQ(s.name, "quartermaster");
  EXPECT_GE(d.modalities.size(), 10000u);
}

TEST(Attribution, NestedPassiveIsTheOuterSpeakers) {
  auto d = annotate(
      "The Lakeshore Aid Society said on Monday that 58 people were confirmed dead. The "
      "society's field coordinator Mara Ilunga told reporters that 9 were missing.");
  Seen a = covering(d, "58 people");
  EXPECT_EQ(a.cue, "confirmed");
  EXPECT_EQ(a.content, "58 people");
  EXPECT_EQ(a.name, "Lakeshore Aid Society");
  EXPECT_TRUE(a.via.empty());
  EXPECT_EQ(covering(d, "9 were").name, "Mara Ilunga");
  EXPECT_TRUE(covering(d, "9 were").via.empty());
}

TEST(Attribution, EntitiesNameSourcesOnlyWhenTheyAreTheSource) {
  Document d;
  d.text = "Rhinegrad said 40 drones flew. Eastland state media said 12 fell.";
  auto tagger = make_attribution_tagger(Resources{CROSSCHECK_DATA_DIR});
  ASSERT_TRUE(tagger.ok());
  Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {}).value().run(d);  // tokenize only
  d.entities.add(find(d, "Rhinegrad"), EntityMention{EntityType::location, "Valdor", 1.0});
  d.entities.add(find(d, "Eastland"), EntityMention{EntityType::nationality, "Eastland", 1.0});
  tagger.value()->process(d);
  EXPECT_EQ(covering(d, "40 drones").name, "Valdor");  // the capital stands for its country
  EXPECT_EQ(covering(d, "12 fell").name, "Eastland state media");
}

TEST(Attribution, PossessiveSourceIsItsOwners) {
  Document d;
  d.text =
      "Minister Ines Duarte will visit the port next week, her office said. "
      "The Harbour Board will close two berths, its spokesman said. "
      "Repairs will take a month, his deputy said.";
  auto tagger = make_attribution_tagger(Resources{CROSSCHECK_DATA_DIR});
  ASSERT_TRUE(tagger.ok());
  Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {"tag"}).value().run(d);
  d.entities.add(find(d, "Ines Duarte"), EntityMention{EntityType::person, "Ines Duarte", 1.0});
  d.entities.add(find(d, "Harbour Board"), EntityMention{EntityType::organization, "Harbour Board", 1.0});
  tagger.value()->process(d);
  EXPECT_EQ(covering(d, "visit the port").name, "Ines Duarte's office");
  EXPECT_EQ(covering(d, "close two berths").name, "Harbour Board's spokesman");
  // No person in the sentence: the last person who spoke, here none, so the
  // phrase stays as written.
  EXPECT_EQ(covering(d, "take a month").name, "deputy");
}

TEST(Attribution, AWritersAppositiveEndsTheContent) {
  auto d = annotate(
      "Relatives said more than 150 people had boarded the ferry, a figure the authority disputed, "
      "saying it was \"probably closer to 130.\"");
  EXPECT_EQ(covering(d, "more than 150").content, "more than 150 people had boarded the ferry");
  Seen disputed = covering(d, "closer to 130");
  EXPECT_EQ(disputed.source, "the authority");
  EXPECT_TRUE(disputed.via.empty()) << "the authority's words are not relayed by the relatives";
}

TEST(Attribution, AClauseJoinedToATrailingCueGoesOnWithTheSpeaker) {
  auto d = annotate(
      "The death toll has climbed to 76, the disaster agency said on Tuesday, and 412 people were injured. "
      "The fire has burned 40 homes, police said, and firefighters said 20 more were at risk.");
  Seen injured = covering(d, "412 people");
  EXPECT_EQ(injured.name, "disaster agency");
  EXPECT_EQ(injured.content, "412 people were injured");
  EXPECT_EQ(covering(d, "76").name, "disaster agency");
  // A clause with its own cue is its own speaker's.
  EXPECT_EQ(covering(d, "20 more").name, "firefighters");
}

TEST(Attribution, AnArticleAloneIsNoSource) {
  auto d = annotate(
      "With all ballots counted, the National Unity Party won 41.8 percent of the vote, "
      "the election commission said.");
  EXPECT_EQ(covering(d, "41.8 percent").name, "election commission");
}

TEST(Attribution, ADatelineAndAnAdverbAreNoSources) {
  auto d = annotate(
      "ALDERMOOR \u2014 A cyberattack has knocked out computer systems across the region, "
      "the network said on Monday. "
      "The partnership, which has said it will not pay, now believes 1.2 million patients were affected.");
  EXPECT_EQ(covering(d, "computer systems").name, "network");
  EXPECT_EQ(covering(d, "1.2 million").name, "partnership");
}

TEST(Attribution, ANamedSpeakersRoleSaysWhomTheySpeakFor) {
  auto d = annotate(
      "The Tanzania Red Cross Society said 58 people died. "
      "Regional police commander Joseph Mwakalinga said 41 bodies had been found. "
      "\"We registered 150 passengers,\" the society's regional coordinator Amina Salum said. "
      "Analyst Petra Vanek said the toll would rise.");
  const Attribution* police = attribution_for(d, find(d, "41 bodies"));
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->source_name, "Joseph Mwakalinga");
  EXPECT_EQ(police->affiliation, "police");
  EXPECT_EQ(police->primary_key, "police");
  const Attribution* society = attribution_for(d, find(d, "150 passengers"));
  ASSERT_NE(society, nullptr);
  EXPECT_EQ(society->affiliation, "Tanzania Red Cross Society");
  const Attribution* analyst = attribution_for(d, find(d, "the toll"));
  ASSERT_NE(analyst, nullptr);
  EXPECT_EQ(analyst->affiliation, "") << "an analyst speaks for no body";
}

TEST(Attribution, HostileInputStaysBounded) {
  // One paragraph: 5,000 unpaired quote marks, then 5,000 sentences whose
  // speaker is a pronoun, all inside the last open quote.
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "\u201cShe said 3 boats left. ";
  for (int i = 0; i < 5000; ++i) text += "He said \"it\" was over, they said. ";
  auto start = std::chrono::steady_clock::now();
  auto d = annotate(text);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_GE(d.attributions.size(), 5000u);
  for (const auto& a : d.attributions) EXPECT_LE(a.value.via.size(), 8u);
}

TEST(Attribution, RandomWordSoupKeepsLayerInvariants) {
  // Cue words, pronouns, quote marks and punctuation in random order: every
  // span must stay inside the text and the layers sorted.
  const char* words[] = {"said", "told", "according", "to", "\u201c", "\u201d", "\"", "''",
                         ",", ".", "?", ";", ":", "he", "it", "the", "agency", "Valdor",
                         "(", ")", "VDA", "quoted", "as", "saying", "citing", "that", "and",
                         "estimates", "place", "there", "are", "reports", "may", "not", "\n",
                         "was", "reported", "by", "who", "'s", "Mr.", "analyst", "Ana", "Ruiz"};
  uint32_t state = 12345;
  for (int doc = 0; doc < 50; ++doc) {
    std::string text;
    for (int i = 0; i < 400; ++i) {
      state = state * 1664525u + 1013904223u;
      text += words[(state >> 8) % (sizeof(words) / sizeof(words[0]))];
      text += ' ';
    }
    auto d = annotate(text);
    Span previous;
    for (const auto& a : d.attributions) {
      EXPECT_LE(a.span.end, d.text.size());
      EXPECT_LE(a.value.cue.end, d.text.size());
      EXPECT_LE(a.value.source.end, d.text.size());
      EXPECT_FALSE(a.span < previous);
      previous = a.span;
    }
    previous = Span{};
    for (const auto& m : d.modalities) {
      EXPECT_LE(m.span.end, d.text.size());
      EXPECT_FALSE(m.span < previous);
      previous = m.span;
    }
  }
}

TEST(PrimarySource, AcronymsHeadsAndQualifiers) {
  auto d = annotate(
      "Valdor's Joint Defense Staff (JDS) said 200 troops moved. The JDS report said more would "
      "follow. The army's Field Command in Rhine said the same. Later, analyst Petra Vanek said so "
      "too. "
      "Vanek added that it was unclear.");
  EXPECT_TRUE(same_primary_source(primary_source_key(d, "Valdor's Joint Defense Staff"),
                                  primary_source_key(d, "JDS")));
  EXPECT_TRUE(same_primary_source(primary_source_key(d, "the army's Field Command in Rhine"),
                                  primary_source_key(d, "the Valdoran army")));
  EXPECT_EQ(primary_source_key(d, "Vanek"), primary_source_key(d, "Petra Vanek"));
  EXPECT_FALSE(same_primary_source(primary_source_key(d, "Eastland state media"),
                                   primary_source_key(d, "Westland state media")));
  EXPECT_TRUE(same_primary_source(primary_source_key(d, "Valdor's army"),
                                  primary_source_key(d, "the Valdoran army")));
  EXPECT_EQ(
      count_primary_sources(
          {primary_source_key(d, "JDS"), primary_source_key(d, "Valdor's Joint Defense Staff"),
           primary_source_key(d, "the army"), primary_source_key(d, "Valdor's army"),
           primary_source_key(d, "Eastland state media"), ""}),
      3u);
  // Who speaks for a body is the body.
  EXPECT_EQ(primary_source_key("coast guard spokesman"), primary_source_key("the coast guard"));
  EXPECT_EQ(primary_source_key("police officials"), primary_source_key("police"));
  EXPECT_EQ(primary_source_key("spokesman"), "spokesman");
}

TEST(Attribution, EachCueType) {
  struct Case {
    const char* text;
    const char* inside;  // a phrase in the content
    const char* cue;
    const char* name;
    ModalityKind modality;
  };
  const Case cases[] = {
      {"The rebels claimed that 70 soldiers surrendered.", "70 soldiers", "claimed", "rebels",
       ModalityKind::hedged},
      {"The ministry denied that 15 jets were lost.", "15 jets", "denied", "ministry",
       ModalityKind::negated},
      {"Valdor estimates that 800 drones were built.", "800 drones", "estimates", "Valdor",
       ModalityKind::hedged},
      {"The governor's office stated that 9 shelters opened.", "9 shelters", "stated",
       "governor's office", ModalityKind::asserted},
      {"Petra Vanek: \u201cWe counted 120 shells.\u201d", "120 shells", ":", "Petra Vanek",
       ModalityKind::asserted},
      // The cue keeps its auxiliaries and adverbs, as PolNeAR marks cues.
      {"Officials have not officially confirmed that 5 ships sank.", "5 ships",
       "have not officially confirmed",
       "Officials", ModalityKind::negated},
      {"Harbor police warned that 2 bridges may close.", "2 bridges", "warned", "Harbor police",
       ModalityKind::hedged},
      {"The figure, what Valdor estimates is 4,000 fighters, grew.", "4,000 fighters", "estimates",
       "Valdor", ModalityKind::hedged},
  };
  for (const Case& c : cases) {
    auto d = annotate(c.text);
    Seen s = covering(d, c.inside);
    EXPECT_EQ(s.cue, c.cue) << c.text;
    EXPECT_EQ(s.name, c.name) << c.text;
    EXPECT_EQ(modality_for(d, find(d, c.inside)), c.modality) << c.text;
  }
}

TEST(Attribution, ClosingQuoteThenSpeakerSentence) {
  auto d = annotate("\u201cWe moved 60 families before the flood.\u201d Mayor Ines Duarte said.");
  Seen s = covering(d, "60 families");
  EXPECT_EQ(s.cue, "said");
  EXPECT_EQ(s.name, "Ines Duarte");
}

TEST(Attribution, ParenthesisInsideSource) {
  auto d = annotate("Sen. Mara Quist (D-Ore.) said 11 dams needed repair.");
  Seen s = covering(d, "11 dams");
  EXPECT_EQ(s.source, "Sen. Mara Quist (D-Ore.)");
  EXPECT_EQ(s.name, "Mara Quist");
}

TEST(Attribution, DoubledApostropheQuotes) {
  auto d = annotate(
      "''We lost 18 boats in one night,'' said Ana Reyes, a fisher. On Monday, Mr. Ortiz, a "
      "harbor pilot, wrote: ''Nine of them sank.''");
  EXPECT_EQ(covering(d, "18 boats").name, "Ana Reyes");
  EXPECT_EQ(covering(d, "18 boats").content, "''We lost 18 boats in one night,''");
  EXPECT_EQ(covering(d, "Nine of them").name, "Ortiz");
}

TEST(Attribution, FirstPersonInsideQuoteIsTheQuotedSpeaker) {
  auto d =
      annotate("\u201cWe can say that 25 depots burned,\u201d engineer Tomas Ruiz told Coast FM.");
  const Attribution* a = attribution_for(d, find(d, "25 depots"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->source_name, "Tomas Ruiz");
  EXPECT_EQ(a->via, (std::vector<std::string>{"Coast FM"}));
}

TEST(PrimarySource, DocumentSourcesCollapseAcronymsAndSurnames) {
  auto d = annotate(
      "According to Valdor's Joint Defense Staff (JDS), 200 troops moved. The JDS said more "
      "would follow. Analysts said the move was expected. Ruth Alder, a retired general, said "
      "it was late. Alder added that 40 trucks were seen.");
  EXPECT_EQ(document_primary_sources(d),
            (std::vector<std::string>{"Valdor's Joint Defense Staff", "Analysts", "Ruth Alder"}));
}

TEST(Attribution, PronounSubjectOfNestedCueIsTheOuterSpeaker) {
  auto d = annotate(
      "The harbor board said it expected to clear the backlog of 300 ships. "
      "Mayor Ines Duarte said she hoped 20 shelters would open.");
  Seen a = covering(d, "300 ships");
  EXPECT_EQ(a.cue, "expected");
  EXPECT_EQ(a.source, "it");  // the outer cue is not part of the inner source
  EXPECT_EQ(a.name, "harbor board");
  EXPECT_TRUE(a.via.empty());
  Seen b = covering(d, "20 shelters");
  EXPECT_EQ(b.source, "she");
  EXPECT_EQ(b.name, "Ines Duarte");
}

TEST(Attribution, PossessiveOrganizationNameStaysWhole) {
  auto d = annotate(
      "The Norland Fishers' Guild said 300 members would strike. "
      "The Harbor Council's Works Office said 12 cranes were idle.");
  Seen a = covering(d, "300 members");
  EXPECT_EQ(a.source, "The Norland Fishers' Guild");
  EXPECT_EQ(a.name, "Norland Fishers' Guild");
  EXPECT_EQ(covering(d, "12 cranes").name, "Harbor Council's Works Office");
}

TEST(Attribution, EntityOnTheLastWordDoesNotCutAPossessiveName) {
  Document d;
  d.text = "The Norland Fishers' Guild said 300 members would strike.";
  auto tagger = make_attribution_tagger(Resources{CROSSCHECK_DATA_DIR});
  ASSERT_TRUE(tagger.ok());
  Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {}).value().run(d);  // tokenize only
  d.entities.add(find(d, "Guild"), EntityMention{EntityType::organization, "Guild", 1.0});
  tagger.value()->process(d);
  EXPECT_EQ(covering(d, "300 members").name, "Norland Fishers' Guild");
}

TEST(Attribution, PutAndEstimateAtAreCuesOfTheirOwn) {
  auto d = annotate(
      "Mayor Ines Duarte said more than 400 homes had been destroyed, while the fire service "
      "put the number at 240. Police estimated the crowd at 8,000. The insurers' council puts "
      "the cost at $3 million. Officials put 50 people on buses.");
  Seen mayor = covering(d, "400 homes");
  EXPECT_EQ(mayor.name, "Ines Duarte");
  EXPECT_EQ(mayor.content, "more than 400 homes had been destroyed");
  Seen fire = covering(d, "240");
  EXPECT_EQ(fire.cue, "put");
  EXPECT_EQ(fire.name, "fire service");
  EXPECT_EQ(fire.content, "the number at 240");
  EXPECT_EQ(covering(d, "8,000").name, "Police");
  EXPECT_EQ(covering(d, "$3 million").name, "insurers' council");
  // "put ... on" is no estimate.
  EXPECT_EQ(attribution_for(d, find(d, "50 people")), nullptr);
}

TEST(Attribution, SubjectOfAFigureVerbIsTheFiguresSource) {
  auto d = annotate(
      "The interior ministry on Saturday revised the number of people arrested to 61. "
      "The coast guard counted 14 boats. Nobody counted on 500 more.");
  Seen a = covering(d, "61");
  EXPECT_EQ(a.cue, "revised");
  EXPECT_EQ(a.source, "The interior ministry");
  EXPECT_EQ(a.name, "interior ministry");
  EXPECT_EQ(covering(d, "14 boats").name, "coast guard");
  EXPECT_EQ(attribution_for(d, find(d, "500 more")), nullptr);
}

TEST(PrimarySource, EachAttributionCarriesItsKey) {
  auto d = annotate(
      "Valdor's Joint Defense Staff (JDS) said 200 troops moved. The JDS said 40 tanks followed. "
      "Analyst Ruth Alder said 9 bridges fell. Alder added that 3 roads were cut.");
  auto key = [&](std::string_view needle) {
    const Attribution* a = attribution_for(d, find(d, needle));
    return a ? a->primary_key : std::string("(none)");
  };
  EXPECT_TRUE(same_primary_source(key("200 troops"), key("40 tanks")));
  EXPECT_EQ(key("9 bridges"), key("3 roads"));
  EXPECT_FALSE(same_primary_source(key("200 troops"), key("9 bridges")));
  EXPECT_EQ(count_primary_sources({key("200 troops"), key("40 tanks"), key("9 bridges"),
                                   key("3 roads")}),
            2u);
  // The stored key is the one primary_source_key() gives for the whole document.
  ASSERT_EQ(d.attributions.size(), 4u);
  for (const auto& a : d.attributions)
    EXPECT_EQ(a.value.primary_key, primary_source_key(d, a.value.source_name)) << a.value.source_name;
  EXPECT_EQ(to_json(d)["layers"]["attributions"][0]["primary_key"], d.attributions[0].value.primary_key);
}

TEST(Attribution, MissingLexiconIsAnError) {
  auto loaded = make_attribution_tagger(Resources{"/nonexistent"});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("cues.tsv"), std::string::npos);
}

}  // namespace
}  // namespace cc
