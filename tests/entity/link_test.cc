#include "nlp/entity/link.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "nlp/pipeline.h"

namespace cc {
namespace {

std::vector<Document> annotate(const std::vector<std::string>& texts) {
  auto p = Pipeline::load(Resources{CROSSCHECK_DATA_DIR}, {"entity"});
  EXPECT_TRUE(p.ok()) << p.status().message();
  std::vector<Document> docs;
  for (const auto& t : texts) {
    Document d;
    d.text = t;
    if (p.ok()) p->run(d);
    docs.push_back(std::move(d));
  }
  return docs;
}

const CanonicalEntity* named(const EntityIndex& index, const std::string& name) {
  for (const auto& e : index.entities())
    if (e.name == name) return &e;
  return nullptr;
}

bool has_alias(const CanonicalEntity& e, const std::string& alias) {
  return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

class LinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_ = annotate({
        "South Korea's National Intelligence Service (NIS) said Pyongyang has sent 1,500 more "
        "soldiers.\nKim Jong Un visited the North Korean units, the NIS added.\n",
        "The NIS told lawmakers that Kim had approved the transfer.\n"
        "The Kremlin said President Vladimir Putin would not comment on North Korea.\n",
        "Russian leader Putin said Pyongyang had helped. Seoul's Joint Chiefs of Staff said Russia paid in oil.\n",
    });
    index_ = std::make_unique<EntityIndex>(docs_);
  }
  std::vector<Document> docs_;
  std::unique_ptr<EntityIndex> index_;
};

TEST_F(LinkTest, StateMetonymsAndDemonymsJoinTheCountry) {
  const CanonicalEntity* nk = named(*index_, "North Korea");
  ASSERT_NE(nk, nullptr);
  EXPECT_EQ(nk->type, EntityType::location);
  EXPECT_TRUE(has_alias(*nk, "Pyongyang"));
  EXPECT_TRUE(has_alias(*nk, "North Korean"));
  EXPECT_EQ(nk->documents, 3);
  const CanonicalEntity* ru = named(*index_, "Russia");
  ASSERT_NE(ru, nullptr);
  EXPECT_TRUE(has_alias(*ru, "Kremlin"));
}

TEST_F(LinkTest, AcronymAndSurnameJoinAcrossReports) {
  const CanonicalEntity* nis = named(*index_, "National Intelligence Service");
  ASSERT_NE(nis, nullptr);
  EXPECT_EQ(nis->type, EntityType::organization);
  EXPECT_TRUE(has_alias(*nis, "NIS"));
  EXPECT_EQ(nis->documents, 2);  // the second report never spells it out
  const CanonicalEntity* kim = named(*index_, "Kim Jong Un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->documents, 2);
  EXPECT_LT(kim->confidence, 1.0);
  const CanonicalEntity* putin = named(*index_, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->documents, 2);
  EXPECT_EQ(named(*index_, "Kim"), nullptr);
  EXPECT_EQ(named(*index_, "NIS"), nullptr);
}

TEST_F(LinkTest, MentionSpansMapToTheirEntity) {
  const Document& d = docs_[1];
  auto at = d.text.find("Kim");
  int e = index_->find_mention(1, Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 3)});
  ASSERT_GE(e, 0);
  EXPECT_EQ(index_->entities()[e].name, "Kim Jong Un");
  EXPECT_EQ(index_->find_mention(1, Span{0, 3}), -1);  // "The"
  // A sentence-sized span finds the first mention inside it.
  int first = index_->find_mention(1, Span{0, static_cast<uint32_t>(d.text.find('\n'))});
  ASSERT_GE(first, 0);
  EXPECT_EQ(index_->entities()[first].name, "National Intelligence Service");
}

TEST_F(LinkTest, FreePhrasesResolveToEntities) {
  auto name_of = [&](const char* phrase) {
    EntityMatch m = index_->resolve(phrase);
    return m.entity < 0 ? std::string("-") : index_->entities()[m.entity].name;
  };
  EXPECT_EQ(name_of("the NIS"), "National Intelligence Service");
  EXPECT_EQ(name_of("South Korea's National Intelligence Service"), "National Intelligence Service");
  EXPECT_EQ(name_of("President Vladimir Putin"), "Vladimir Putin");
  EXPECT_EQ(name_of("Seoul's Joint Chiefs of Staff"), "Joint Chiefs of Staff");
  EXPECT_EQ(name_of("the Kremlin"), "Russia");
  EXPECT_EQ(name_of("a North Korean defector"), "North Korea");
  EXPECT_EQ(name_of("unnamed officials"), "-");
  EXPECT_EQ(name_of("Jong"), "-");  // a middle name is no name part
  EXPECT_EQ(name_of("Mr. Vladimir"), "Vladimir Putin");
  EXPECT_DOUBLE_EQ(index_->resolve("Vladimir").confidence, 0.8);
  EXPECT_EQ(index_->resolve("the NIS").confidence, 1.0);
  EXPECT_LT(index_->resolve("a North Korean defector").confidence, 1.0);
}

TEST(Link, TheEndOfOneLongerNameJoinsIt) {
  auto docs = annotate({
      "The Kenya Meteorological Department issued a warning on Monday. North Korea and South "
      "Korea both replied.\n",
      "Officials at the Meteorological Department declined to comment. Korea was not named.\n",
  });
  EntityIndex index(docs);
  const CanonicalEntity* kmd = named(index, "Kenya Meteorological Department");
  ASSERT_NE(kmd, nullptr);
  EXPECT_TRUE(has_alias(*kmd, "Meteorological Department"));
  EXPECT_EQ(kmd->type, EntityType::organization);
  EXPECT_EQ(kmd->documents, 2);
  EXPECT_EQ(named(index, "Meteorological Department"), nullptr);
  // Two longer names end in "Korea": the short one stays apart.
  const CanonicalEntity* north = named(index, "North Korea");
  ASSERT_NE(north, nullptr);
  EXPECT_FALSE(has_alias(*north, "Korea"));
}

TEST(Link, AGuessedJoinDoesNotVoteOnTheType) {
  // The tagger called the short form a person twice and the full name an
  // organization once: the full name's type wins.
  auto doc = [](std::string text, std::string name, EntityType type, int times) {
    Document d;
    d.text = std::move(text);
    uint32_t at = 0;
    for (int i = 0; i < times; ++i) {
      at = static_cast<uint32_t>(d.text.find(name, at));
      d.entities.add(Span{at, static_cast<uint32_t>(at + name.size())}, EntityMention{type, name});
      at += static_cast<uint32_t>(name.size());
    }
    return d;
  };
  std::vector<Document> docs;
  docs.push_back(doc("The Lakes Basin Authority said so.", "Lakes Basin Authority",
                     EntityType::organization, 1));
  docs.push_back(doc("Basin Authority staff and the Basin Authority agreed.", "Basin Authority",
                     EntityType::person, 2));
  EntityIndex index(docs);
  const CanonicalEntity* e = named(index, "Lakes Basin Authority");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mentions, 3);
  EXPECT_EQ(e->type, EntityType::organization);
}

TEST(Link, EmptyInputsGiveNoEntities) {
  EXPECT_TRUE(link_entities({}).empty());
  std::vector<Document> docs(2);
  EntityIndex index(docs);
  EXPECT_TRUE(index.entities().empty());
  EXPECT_EQ(index.find_mention(5, Span{0, 1}), -1);
  EXPECT_EQ(index.resolve("anything").entity, -1);
}

}  // namespace
}  // namespace cc
