// Choosing a page's publication date from its cues, on pages written here.
#include "ingest/web/dates.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/web/extract.h"

namespace cc::web {
namespace {

const char* kBody =
    "<p>The regional council approved the new flood defences on a vote of 31 to 9, after a debate "
    "that lasted most of the afternoon, and said work would begin within a year.</p>";

// The date extract_article settles on, as ISO text, and the cue that carried it.
std::string published(const std::string& head, const std::string& body,
                      const std::string& url = "", std::string* from = nullptr) {
  std::string page = "<html><head><title>Council approves flood defences</title>" + head +
                     "</head><body>" + body + "</body></html>";
  auto a = extract_article(page, {url, ""});
  if (!a.ok()) return "error";
  if (from) *from = a->published_from;
  return a->published.known() ? a->published.iso() : "none";
}

TEST(Dates, ReadsTheFormsPagesUse) {
  auto iso = [](std::string_view s) {
    auto d = parse_page_date(s);
    return d ? d->iso() : std::string("none");
  };
  EXPECT_EQ(iso("2024-03-05T10:12:00+02:00"), "2024-03-05T10:12");
  EXPECT_EQ(iso("2024-03-05"), "2024-03-05");
  EXPECT_EQ(iso("2024/03/05"), "2024-03-05");
  EXPECT_EQ(iso("Published March 5, 2024"), "2024-03-05");
  EXPECT_EQ(iso("Tue, 05 Mar 2024 10:12:00 GMT"), "2024-03-05T10:12");
  EXPECT_EQ(iso("5th of March, 2024"), "2024-03-05");
  EXPECT_EQ(iso("Veröffentlicht am 5. März 2024"), "2024-03-05");
  EXPECT_EQ(iso("05.03.2024"), "2024-03-05");
  EXPECT_EQ(iso("03/25/2024"), "2024-03-25");
  EXPECT_EQ(iso("5 de marzo de 2024"), "2024-03-05");
  EXPECT_EQ(iso("5 maggio 2024"), "2024-05-05");
  EXPECT_EQ(iso("15 августа 2016, 13:43"), "2016-08-15T13:43");
  EXPECT_EQ(iso("February 30, 2024"), "none");
  EXPECT_EQ(iso("call 555-1234"), "none");
  // Two-digit years only where the text is known to be a date.
  EXPECT_EQ(iso("30.10.23"), "none");
  auto short_year = find_stamp("Party, 30.10.23", true);
  ASSERT_TRUE(short_year);
  EXPECT_EQ(short_year->date.iso(), "2023-10-30");
  auto url = [](std::string_view s) {
    auto d = date_from_url(s);
    return d ? d->iso() : std::string("none");
  };
  EXPECT_EQ(url("https://x.example/news/2019/11/20/story.html"), "2019-11-20");
  EXPECT_EQ(url("https://x.example/2018/08/breaking.html"), "2018-08");
  EXPECT_EQ(url("https://x.example/story/2019-11-19/title"), "2019-11-19");
  EXPECT_EQ(url("https://x.example/a/20191119-title"), "2019-11-19");
  EXPECT_EQ(url("https://x.example/article/12345678901"), "none");
}

TEST(Dates, StampsKeepTheirClock) {
  auto s = find_stamp("2023-11-09T06:35:29+00:00");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->zoned);
  EXPECT_EQ(s->offset, 0);
  EXPECT_EQ(s->second, 29);
  s = find_stamp("2023-11-08T22:35:29-0800");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->offset, -480);
  s = find_stamp("2023-11-08 22:35");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->zoned);
  EXPECT_EQ(s->second, -1);
}

TEST(Dates, ASidebarTimeIsOutvotedByTheUrlAndTheByline) {
  std::string body = "<div class=sidebar><time datetime=2009-04-11>11 April 2009</time></div>"
                     "<h1>Council approves flood defences</h1><p>By Staff, 22 October 2019</p>" +
                     std::string(kBody);
  EXPECT_EQ(published("", body, "https://news.example/2019/10/22/flood"), "2019-10-22");
}

TEST(Dates, AGenericMetaDateLosesToTheVisibleDate) {
  std::string head = "<meta name=\"date\" content=\"2022-01-26\">";
  std::string body = "<h1>Council approves flood defences</h1><time datetime=\"2022-01-21\">21.01.2022</time>" +
                     std::string(kBody);
  std::string from;
  EXPECT_EQ(published(head, body, "", &from), "2022-01-21");
  EXPECT_EQ(from, "headline");
  // Alone, it is still a date.
  EXPECT_EQ(published(head, kBody), "2022-01-26");
}

TEST(Dates, JsonLdTakesTheDayMostObjectsGive) {
  std::string head =
      "<script type=\"application/ld+json\">{\"@graph\":["
      "{\"@type\":\"WebPage\",\"datePublished\":\"2021-09-19T14:00:49+00:00\"},"
      "{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-09-19T14:00:49Z\"}]}</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2021-09-20T09:45:26-07:00\"}</script>";
  EXPECT_EQ(published(head, kBody), "2021-09-19T14:00");
}

TEST(Dates, AUtcStampIsReportedInThePagesOwnZone) {
  // 06:35 UTC on the 9th is 22:35 on the 8th where the page is written.
  std::string head =
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-09T06:35:29+00:00\"}</script>"
      "<meta property=\"article:published_time\" content=\"2023-11-09T06:35:29+00:00\">"
      "<meta name=\"sailthru.date\" content=\"2023-11-08 22:35:29\">";
  EXPECT_EQ(published(head, kBody), "2023-11-08T22:35");
  // Without a local writing of that instant the UTC day stands.
  head = "<meta property=\"article:published_time\" content=\"2023-11-09T06:35:29+00:00\">"
         "<meta name=\"sailthru.date\" content=\"2023-11-08 22:35:10\">";
  EXPECT_EQ(published(head, kBody), "2023-11-09T06:35");
}

TEST(Dates, LabelsSayWhichDateIsWhich) {
  std::string body = std::string(kBody) + "<p>Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023</p>";
  std::string from;
  EXPECT_EQ(published("", body, "", &from), "2023-11-01");
  EXPECT_EQ(from, "label");
}

TEST(Dates, CommentDatesAreNotThePagesAndModifiedDatesAreALastResort) {
  // The comment's classed date and <time> would outweigh the article's bare dateline.
  std::string body = "<p>Dover, 5 March 2024</p>" + std::string(kBody) +
                     "<div class=\"comment-list\"><time datetime=\"2024-03-09\">Sat</time>"
                     "<span class=date>9 March 2024</span></div>";
  EXPECT_EQ(published("", body), "2024-03-05");
  body = std::string(kBody) +
         "<footer><div id=\"footer-info-lastmod\">This page was last modified on 4 November 2020.</div></footer>";
  std::string from;
  EXPECT_EQ(published("", body, "", &from), "2020-11-04");
  EXPECT_EQ(from, "text-modified");
}

TEST(Dates, DataIslandsAndDescriptions) {
  std::string body = std::string(kBody) +
                     "<script type=\"application/json\">{\"review\":{\"publishedDate\":\"2016-11-04T20:37:27Z\"}}</script>";
  EXPECT_EQ(published("", body), "2016-11-04T20:37");
  std::string head = "<meta name=\"description\" content=\"Flood defences (news of 14 Gennaio 2020)\">";
  EXPECT_EQ(published(head, kBody), "2020-01-14");
}

TEST(Dates, PrecisionFollowsTheCue) {
  std::string from;
  EXPECT_EQ(published("", kBody, "https://news.example/2018/08/flood.html", &from), "2018-08");
  EXPECT_EQ(from, "url");
  EXPECT_EQ(published("<meta property=\"article:published_time\" content=\"2018-08-03\">", kBody,
                      "https://news.example/2018/08/flood.html"),
            "2018-08-03");
}

}  // namespace
}  // namespace cc::web
