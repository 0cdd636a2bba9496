#include "nlp/entity/entity.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "nlp/pipeline.h"

namespace cc {
namespace {

const Pipeline& pipeline() {
  static const Pipeline kPipeline = [] {
    auto p = Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {"entity"});
    if (!p.ok()) {
      ADD_FAILURE() << p.status().message();
      std::abort();
    }
    return std::move(p.value());
  }();
  return kPipeline;
}

Document annotate(std::string text) {
  Document d;
  d.text = std::move(text);
  pipeline().run(d);
  return d;
}

struct Found {
  std::string text, type, canonical;
  bool metonym = false;
};

std::vector<Found> mentions(const Document& d) {
  std::vector<Found> out;
  for (const auto& m : d.entities)
    out.push_back({std::string(d[m.span]), entity_type_name(m.value.type), m.value.canonical,
                   m.value.metonym});
  return out;
}

// The mention written exactly as `text` (the first one at or after `from`).
Found mention(const Document& d, const std::string& text, size_t from = 0) {
  for (const auto& m : d.entities)
    if (m.span.begin >= from && d[m.span] == text)
      return {text, entity_type_name(m.value.type), m.value.canonical, m.value.metonym};
  std::string all;
  for (const auto& f : mentions(d)) all += "[" + f.text + "|" + f.type + "] ";
  ADD_FAILURE() << "no mention '" << text << "' in: " << all;
  return {};
}

TEST(Entity, CapitalsAndSeatsOfPowerStandForTheirStateWhenTheyAct) {
  auto d = annotate(
      "Pyongyang has sent thousands of workers abroad, officials said.\n"
      "The delegation arrived in Pyongyang on Sunday.\n"
      "The Kremlin said the talks were useful, and Moscow's envoy agreed.\n");
  Found agent = mention(d, "Pyongyang");
  EXPECT_EQ(agent.canonical, "North Korea");
  EXPECT_TRUE(agent.metonym);
  Found place = mention(d, "Pyongyang", d.text.find("arrived"));
  EXPECT_EQ(place.canonical, "Pyongyang");
  EXPECT_FALSE(place.metonym);
  EXPECT_EQ(mention(d, "Kremlin").canonical, "Russia");
  EXPECT_EQ(mention(d, "Moscow").canonical, "Russia");
}

TEST(Entity, DemonymsAreNationalitiesOfTheirState) {
  auto d = annotate("North Korean engineers joined Russian crews, while two Ukrainians watched.\n");
  Found nk = mention(d, "North Korean");
  EXPECT_EQ(nk.type, "NORP");
  EXPECT_EQ(nk.canonical, "North Korea");
  EXPECT_EQ(mention(d, "Russian").canonical, "Russia");
  EXPECT_EQ(mention(d, "Ukrainians").canonical, "Ukraine");
}

TEST(Entity, APlaceOpeningAnOrganizationsNameIsPartOfIt) {
  auto d = annotate("The Tanzania Ports Authority said the vessel was licensed for 100 passengers.\n");
  Found org = mention(d, "Tanzania Ports Authority");
  EXPECT_EQ(org.type, "ORG");
  for (const auto& m : mentions(d)) EXPECT_NE(m.text, "Tanzania") << "the place is inside the name";
}

TEST(Entity, AcronymsTakeTheirDefinition) {
  auto d = annotate(
      "The Joint Chiefs of Staff (JCS) reported new launches on Friday.\n"
      "Later the JCS said the missiles flew 300 kilometers.\n");
  Found def = mention(d, "Joint Chiefs of Staff");
  EXPECT_EQ(def.type, "ORG");
  Found later = mention(d, "JCS", d.text.find("Later"));
  EXPECT_EQ(later.canonical, "Joint Chiefs of Staff");
  EXPECT_EQ(later.type, "ORG");
}

TEST(Entity, AcronymDefinedAfterItsFirstUse) {
  auto d = annotate(
      "The launch was detected by the JCS, the Joint Chiefs of Staff, at 7 a.m.\n"
      "Officials at KIDA, the Korea Institute for Defense Analyses, disagreed.\n");
  Found jcs = mention(d, "JCS");
  EXPECT_EQ(jcs.canonical, "Joint Chiefs of Staff");
  EXPECT_EQ(jcs.type, "ORG");
  EXPECT_EQ(mention(d, "KIDA").canonical, "Korea Institute for Defense Analyses");
}

TEST(Entity, AcronymInitialsFindAnUntaggedDefinition) {
  auto d = annotate(
      "A report by the Wellbeing and Dignity Monitoring Group (WDMG) was published.\n"
      "WDMG staff said they counted 40 sites.\n");
  EXPECT_EQ(mention(d, "WDMG", d.text.find("staff") - 6).canonical,
            "Wellbeing and Dignity Monitoring Group");
}

TEST(Entity, TitlesAreNotPartOfTheName) {
  auto d = annotate(
      "Russian Deputy Foreign Minister Andrey Rudenko met the envoy.\n"
      "\"It is a transfer,\" said analyst Oleh Saakyan.\n"
      "Defense ministry spokesman Lee Sung-joon declined to comment.\n"
      "President Vladimir Putin did not answer.\n"
      "Russian Security Council Secretary Sergei Shoigu flew home.\n");
  EXPECT_EQ(mention(d, "Andrey Rudenko").type, "PERSON");
  EXPECT_EQ(mention(d, "Oleh Saakyan").type, "PERSON");
  EXPECT_EQ(mention(d, "Lee Sung-joon").type, "PERSON");
  EXPECT_EQ(mention(d, "Sergei Shoigu").type, "PERSON");
  Found putin = mention(d, "Vladimir Putin");
  EXPECT_EQ(putin.canonical, "Vladimir Putin");
  for (const auto& f : mentions(d)) EXPECT_EQ(f.text.find("President"), std::string::npos);
}

TEST(Entity, HeadWordsDecideOrganizationsAndPlaces) {
  auto d = annotate(
      "Divers from the Lake Victoria Basin Commission searched Lake Victoria.\n"
      "Fighting continued in Zaporizhzhia Oblast and near Mount Hermon.\n");
  EXPECT_EQ(mention(d, "Lake Victoria Basin Commission").type, "ORG");
  EXPECT_EQ(mention(d, "Lake Victoria").type, "LOC");
  EXPECT_EQ(mention(d, "Zaporizhzhia Oblast").type, "LOC");
  EXPECT_EQ(mention(d, "Mount Hermon").type, "LOC");
}

TEST(Entity, ShipPrefixNamesAVesselActingAsOneOrganization) {
  auto d = annotate(
      "The MV Nyamagana ran aground on Lake Victoria on Tuesday, officials said.\n"
      "Nyamagana was carrying 400 tonnes of fuel when it struck the reef.\n"
      "Rescuers reached the Nyamagana by noon, and HMS Protector and USS Cole stood by.\n");
  Found first = mention(d, "MV Nyamagana");
  EXPECT_EQ(first.type, "ORG");
  EXPECT_EQ(first.canonical, "MV Nyamagana");
  Found bare = mention(d, "Nyamagana", d.text.find("was carrying") - 12);
  EXPECT_EQ(bare.type, "ORG");
  EXPECT_EQ(bare.canonical, "MV Nyamagana");
  Found after_the = mention(d, "Nyamagana", d.text.find("by noon") - 12);
  EXPECT_EQ(after_the.type, "ORG");
  EXPECT_EQ(after_the.canonical, "MV Nyamagana");
  EXPECT_EQ(mention(d, "HMS Protector").type, "ORG");
  EXPECT_EQ(mention(d, "USS Cole").type, "ORG");
}

TEST(Entity, ShipNounBeforeACapitalizedNameMakesItAVessel) {
  auto d = annotate(
      "The tanker Calder Star leaked oil off the coast, the ferry Ondina turned back and "
      "the freighter Morning Glory sailed on.\n"
      "Calder Star had left port on Sunday.\n");
  Found tanker = mention(d, "Calder Star");
  EXPECT_EQ(tanker.type, "ORG");
  EXPECT_EQ(tanker.canonical, "Calder Star");
  EXPECT_EQ(mention(d, "Calder Star", d.text.find("had left") - 14).type, "ORG");
  EXPECT_EQ(mention(d, "Ondina").type, "ORG");
  EXPECT_EQ(mention(d, "Morning Glory").type, "ORG");
}

TEST(Entity, WhatIsNoShipNameStaysAsItWas) {
  // A state after a ship noun is its captor or flag; "Ms" is a title; an
  // all-caps run is a headline; the ship's name inside a longer name is not
  // the ship.
  auto d = annotate(
      "The tanker Iran seized last week was released.\n"
      "Ms Amina Yusuf said HMS Victory was repaired before Victory Day.\n");
  EXPECT_NE(mention(d, "Iran").type, "ORG");
  EXPECT_EQ(mention(d, "HMS Victory").type, "ORG");
  for (const auto& f : mentions(d)) {
    EXPECT_NE(f.text, "Victory") << "the 'Victory' of 'Victory Day' is no ship";
    EXPECT_EQ(f.text.find("Ms "), std::string::npos);
  }
  auto headline = annotate("MV NYAMAGANA SINKS OFF MWANZA\n");
  for (const auto& f : mentions(headline)) EXPECT_NE(f.canonical, "NYAMAGANA SINKS OFF MWANZA");
}

TEST(Entity, OrganizationNamedForItsPlaceKeepsThePlace) {
  auto d = annotate(
      "Officials of the Patriotic Union of Kurdistan met on Monday. The Democratic Party of "
      "Kurdistan disagreed.\n"
      "The Central Bank of Kenya raised rates. The National Bank of Greece said profits rose.\n"
      "Members of the Communist Party of China gathered. The Revenue Authority of Uganda said "
      "it would appeal.\n"
      "The Socialist Party of Serbia won, while the Workers Party of Ireland lost.\n"
      "Talks in Nairobi of Kenya's ministers continued.\n");
  for (const char* name : {"Patriotic Union of Kurdistan", "Democratic Party of Kurdistan",
                           "Central Bank of Kenya", "National Bank of Greece",
                           "Communist Party of China", "Revenue Authority of Uganda",
                           "Socialist Party of Serbia", "Workers Party of Ireland"})
    EXPECT_EQ(mention(d, name).type, "ORG") << name;
  // A place before "of" is no organization's name.
  for (const auto& f : mentions(d)) EXPECT_NE(f.text, "Nairobi of Kenya");
}

TEST(Entity, SurnameAfterFullNameIsTheSamePerson) {
  auto d = annotate(
      "Kim Jong Un inspected the factory on Monday.\n"
      "Kim's sister later praised the workers, and Sergei Shoigu thanked them.\n"
      "Shoigu left the next day.\n");
  Found kim = mention(d, "Kim", d.text.find("sister") - 8);
  EXPECT_EQ(kim.canonical, "Kim Jong Un");
  EXPECT_EQ(kim.type, "PERSON");
  EXPECT_EQ(mention(d, "Shoigu", d.text.find("left") - 8).canonical, "Sergei Shoigu");
}

TEST(Entity, AllCapsHeadlines) {
  auto d = annotate("NORTH KOREA SENDS MORE TROOPS TO RUSSIA, SEOUL SAYS\n");
  EXPECT_EQ(mention(d, "NORTH KOREA").canonical, "North Korea");
  EXPECT_EQ(mention(d, "RUSSIA").type, "LOC");
}

TEST(Entity, TitleCaseHeadlinesKeepOnlyKnownNames) {
  auto d = annotate(
      "North Korea Sends More Troops To Russia As Kim Jong Un Tours Factory\n"
      "Kim Jong Un visited a drone factory on Monday, state media said.\n");
  std::vector<std::string> headline;
  for (const auto& m : d.entities)
    if (m.span.end <= d.text.find('\n')) headline.emplace_back(d[m.span]);
  EXPECT_EQ(headline, (std::vector<std::string>{"North Korea", "Russia", "Kim Jong Un"}));
  EXPECT_EQ(mention(d, "Kim Jong Un").type, "PERSON");
}

TEST(Entity, TransliteratedAndHyphenatedNames) {
  auto d = annotate(
      "Foreign Minister Choe Son-hui met Dmitry Peskov in Vladivostok.\n"
      "Abdel-Fattah el-Sisi spoke with Mohammed bin Salman by phone.\n"
      "Officials in Dnipropetrovsk and Khabarovsk Krai said Yevgeny Prigozhin's men left.\n");
  EXPECT_EQ(mention(d, "Choe Son-hui").type, "PERSON");
  EXPECT_EQ(mention(d, "Dmitry Peskov").type, "PERSON");
  EXPECT_EQ(mention(d, "Vladivostok").type, "LOC");
  EXPECT_EQ(mention(d, "Mohammed bin Salman").type, "PERSON");
  EXPECT_EQ(mention(d, "Yevgeny Prigozhin").type, "PERSON");
  bool sisi = false;
  for (const auto& f : mentions(d)) sisi |= f.text.find("Sisi") != std::string::npos && f.type == "PERSON";
  EXPECT_TRUE(sisi);
}

TEST(Entity, SpansLieOnTokensAndLayerIsSorted) {
  auto d = annotate("Seoul's Joint Chiefs of Staff said North Korea fired a missile.\n");
  for (size_t i = 0; i < d.entities.size(); ++i) {
    const auto& m = d.entities[i];
    EXPECT_LT(m.span.begin, m.span.end);
    EXPECT_FALSE(d[m.span].ends_with("'s")) << "possessive kept in " << d[m.span];
    if (i > 0) {
      EXPECT_FALSE(m.span < d.entities[i - 1].span);
    }
  }
  EXPECT_EQ(mention(d, "Seoul").canonical, "South Korea");
  EXPECT_EQ(mention(d, "Joint Chiefs of Staff").type, "ORG");
}

TEST(Entity, HostileInputsStayFastAndWellFormed) {
  std::vector<std::string> inputs = {
      "",
      std::string(1 << 20, 'A'),  // one 1 MB word
      [] {  // 200k capitalized words in one sentence, every one a surname
        std::string t = "Kim Jong Un said";
        for (int i = 0; i < 200000; ++i) t += " Kim";
        return t + ".\n";
      }(),
      [] {  // acronym definitions without end
        std::string t;
        for (int i = 0; i < 20000; ++i) t += "Alpha Beta (AB) AB, the Alpha Beta ( ";
        return t + "\n";
      }(),
      [] {  // titles and particles back to back
        std::string t;
        for (int i = 0; i < 20000; ++i) t += "President bin Minister al-Kim de ";
        return t + "\n";
      }(),
      "\xE2\x80\x99s \xE2\x80\x99s ( ) , . \xC3\x89lys\xC3\xA9" "e\n",
  };
  for (const auto& text : inputs) {
    auto t0 = std::chrono::steady_clock::now();
    Document d = annotate(text);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(s, 5.0) << "input of " << text.size() << " bytes";
    for (const auto& m : d.entities) {
      ASSERT_LT(m.span.begin, m.span.end);
      ASSERT_LE(m.span.end, d.text.size());
      EXPECT_GE(m.value.confidence, 0.0);
      EXPECT_LE(m.value.confidence, 1.0);
    }
  }
}

TEST(Entity, MissingDataIsAnErrorNamingTheFile) {
  auto p = make_entity_tagger(Resources{"/nonexistent/crosscheck-data"});
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("/nonexistent/crosscheck-data/entity/"), std::string::npos);
}

TEST(Entity, DenseTenMegabyteDocumentScalesLinearly) {
  // Sentences dense with names, varied so the document-level tables grow.
  const char* first[] = {"Kim", "Sergei", "Oleh", "Lee", "Abdel", "Maria", "Jean", "Ahmed"};
  const char* last[] = {"Shoigu", "Rudenko", "Saakyan", "Sung-joon", "al-Hassan", "Kovalenko"};
  const char* place[] = {"Pyongyang", "Moscow", "Kursk", "Seoul", "Kyiv", "Vladivostok"};
  auto make = [&](size_t bytes) {
    std::string text;
    for (size_t i = 0; text.size() < bytes; ++i) {
      text += "President " + std::string(first[i % 8]) + " " + last[(i / 8) % 6] + std::to_string(i % 977) +
              " told the National Intelligence Service (NIS) in " + place[i % 6] +
              " that North Korean and Russian officials met UN envoys.\n";
    }
    return text;
  };
  auto time_per_byte = [&](size_t bytes) {
    Document d;
    d.text = make(bytes);
    auto t0 = std::chrono::steady_clock::now();
    pipeline().run(d);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_GT(d.entities.size(), bytes / 40);
    return s / static_cast<double>(d.text.size());
  };
  double small = time_per_byte(1 << 20);
  double large = time_per_byte(10 << 20);
  EXPECT_LT(large, small * 2.5) << "per-byte time grew from " << small << " to " << large;
}

}  // namespace
}  // namespace cc
