#include "report/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "claims/doc_builder.h"

namespace cc {
namespace {

using testing::bounds;
using testing::DocBuilder;

std::vector<Document> story() {
  return {
      DocBuilder("Storms <script>alert(1)</script> killed at least 40 people, the health ministry said.",
                 "2025-04-10", "Coast & Daily")
          .quantity("at least 40", 40, "person", "people", bounds(40, std::nullopt))
          .attribution("killed at least 40 people", "the health ministry", "Health Ministry")
          .removed("Read more: <b>weather</b>", "read-more")
          .build(),
      DocBuilder("The Red Cross put the death toll at 25 people on April 9.", "2025-04-11", "Valley Post")
          .quantity("25", 25, "person", "people")
          .time("April 9", "2025-04-09")
          .entity("Red Cross", EntityType::organization)
          .attribution("put the death toll at 25 people", "The Red Cross", "Red Cross")
          .build(),
  };
}

TEST(Report, HtmlEscapesArticleTextAndIsSelfContained) {
  auto docs = story();
  std::string html = render_html(build_brief(docs), docs);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Coast &amp; Daily"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;weather&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos) << "no external resources";
  // Evidence: the value is marked inside its sentence.
  EXPECT_NE(html.find("<mark>at least 40</mark> people"), std::string::npos);
  EXPECT_NE(html.find("class=disputed"), std::string::npos);
}

TEST(Report, MarkdownHasEverySectionAndCitesSpans) {
  auto docs = story();
  std::string md = render_markdown(build_brief(docs));
  size_t figures = md.find("## Key figures"), timeline = md.find("## Timeline"),
         sources = md.find("## Sources"), removed = md.find("## Removed non-body text"),
         entities = md.find("## Entities");
  ASSERT_NE(figures, std::string::npos);
  EXPECT_LT(figures, timeline);
  EXPECT_LT(timeline, sources);
  EXPECT_LT(sources, removed);
  EXPECT_LT(removed, entities);
  EXPECT_NE(md.find("disputed"), std::string::npos);
  EXPECT_NE(md.find("according to Health Ministry"), std::string::npos);
  std::string cite = "[" + docs[0].id.substr(0, 8) + "@";
  EXPECT_NE(md.find(cite), std::string::npos);
  EXPECT_NE(md.find("\\<b\\>weather\\</b\\>"), std::string::npos) << "markup in article text is escaped";
}

TEST(Report, EachFigureShowsItsBoundsAsWritten) {
  auto docs = story();
  std::vector<Document> more = {
      DocBuilder("Nearly 3,000 troops crossed.", "2025-04-12", "Hill News")
          .quantity("Nearly 3,000", 3000, "troop", "troops", bounds(std::nullopt, 3000, true))
          .build(),
      DocBuilder("Between 3,000 and 4,000 troops waited.", "2025-04-12", "Lake Herald")
          .quantity("Between 3,000 and 4,000", 3000, "troop", "troops", bounds(3000, 4000))
          .build(),
      DocBuilder("About 2,500 troops stayed.", "2025-04-13", "Ridge Times")
          .quantity("About 2,500", 2500, "troop", "troops", bounds(2500, 2500, true))
          .build()};
  std::string md = render_markdown(build_brief(docs));
  EXPECT_NE(md.find("\"at least 40\" (≥ 40)"), std::string::npos) << md;
  EXPECT_NE(md.find("\"25\" (= 25)"), std::string::npos) << md;
  std::string md2 = render_markdown(build_brief(more));
  EXPECT_NE(md2.find("\"Nearly 3,000\" (≤ 3,000, approx.)"), std::string::npos) << md2;
  EXPECT_NE(md2.find("\"Between 3,000 and 4,000\" (3,000–4,000)"), std::string::npos) << md2;
  EXPECT_NE(md2.find("\"About 2,500\" (≈ 2,500)"), std::string::npos) << md2;
  EXPECT_NE(render_html(build_brief(docs), docs).find("“at least 40” (≥ 40)"), std::string::npos);
}

TEST(Report, JsonFollowsTheSchema) {
  auto docs = story();
  nlohmann::json j = brief_to_json(build_brief(docs));
  ASSERT_EQ(j["documents"].size(), 2u);
  EXPECT_EQ(j["documents"][0]["id"], docs[0].id);
  ASSERT_EQ(j["facts"].size(), 1u);
  const auto& f = j["facts"][0];
  EXPECT_EQ(f["status"], "disputed");
  ASSERT_EQ(f["reports"].size(), 2u);
  const auto& r = f["reports"][0];
  EXPECT_EQ(r["doc"], docs[0].id);
  EXPECT_EQ(r["value"], 40);
  EXPECT_EQ(r["low"], 40);
  EXPECT_TRUE(r["high"].is_null());
  EXPECT_EQ(r["text"], "at least 40");
  EXPECT_EQ(r["attributed_to"], "Health Ministry");
  EXPECT_EQ(r["modality"], "asserted");
  uint32_t start = r["evidence"]["start"], end = r["evidence"]["end"];
  EXPECT_EQ(docs[0].text.substr(start, end - start), "at least 40");
  EXPECT_NE(r["evidence"]["sentence"].get<std::string>().find("at least 40"), std::string::npos);
  ASSERT_EQ(j["removed"].size(), 1u);
  EXPECT_EQ(j["removed"][0]["rule"], "read-more");
  EXPECT_TRUE(j["events"].is_array());
  EXPECT_TRUE(j["entities"].is_array());
  EXPECT_TRUE(j["inconsistencies"].is_array());
}

}  // namespace
}  // namespace cc
