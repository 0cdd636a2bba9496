// WARC archives, gzip members and feeds, built in the tests from pages written here.
#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/web/web.h"

namespace cc {
namespace {

std::string gzip(std::string_view bytes) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, bytes.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string page(const std::string& headline, const std::string& sentence) {
  return "<html><head><title>" + headline + "</title></head><body><article><p>" + sentence +
         "</p><p>Officials said more details would be released later in the week, once the review had been completed.</p>"
         "</article></body></html>";
}

std::string record(const std::string& type, const std::string& content_type, const std::string& block,
                   const std::string& uri = "https://news.example.org/story") {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-05-02T10:00:00Z\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http_response(const std::string& content_type, const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

struct Collected {
  std::vector<Document> docs;
  std::vector<InputError> errors;
  web::ContainerStats stats;
};

Collected read(std::string_view bytes, const std::string& path) {
  Collected c;
  read_web_input(bytes, path, [&](Document&& d) { c.docs.push_back(std::move(d)); },
                 [&](InputError&& e) { c.errors.push_back(std::move(e)); }, &c.stats);
  return c;
}

std::vector<std::string> mixed_records() {
  return {
      record("warcinfo", "application/warc-fields", "software: test-crawler\r\nformat: WARC File Format 1.1\r\n"),
      record("request", "application/http; msgtype=request", "GET /story HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
      record("response", "application/http; msgtype=response",
             http_response("text/html; charset=utf-8",
                           page("Ferry service suspended", "The ferry operator suspended all crossings on Thursday after winds reached 90 km/h, stranding about 300 passengers.")),
             "https://news.example.org/2024/05/02/ferry"),
      record("response", "application/http; msgtype=response", http_response("image/jpeg", "\xff\xd8\xff\xe0 not really a jpeg")),
      record("metadata", "application/warc-fields", "via: https://news.example.org/\r\n"),
      record("response", "application/http; msgtype=response",
             http_response("text/html", page("Rail strike called off", "Unions called off a planned rail strike late on Wednesday, hours before it was due to begin, a union official said.")),
             "https://news.example.org/rail"),
  };
}

TEST(Warc, MixedRecordsYieldTheHtmlResponses) {
  std::string warc;
  for (const auto& r : mixed_records()) warc += r;
  Collected c = read(warc, "crawl.warc");
  EXPECT_TRUE(c.errors.empty()) << c.errors.front().message;
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.stats.records, 6u);
  EXPECT_EQ(c.stats.skipped_non_html, 4u);
  EXPECT_EQ(c.docs[0].path, "crawl.warc#3");
  EXPECT_EQ(c.docs[0].title, "Ferry service suspended");
  EXPECT_EQ(c.docs[0].url, "https://news.example.org/2024/05/02/ferry");
  EXPECT_EQ(c.docs[0].published.iso(), "2024-05-02");
  EXPECT_EQ(c.docs[1].path, "crawl.warc#6");
  // Offsets point into the WARC file itself.
  size_t at = c.docs[1].text.find("Unions called off");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(warc.substr(c.docs[1].offsets.to_original(static_cast<uint32_t>(at)), 17), "Unions called off");
}

TEST(Warc, MultiMemberGzip) {
  std::string gz;
  for (const auto& r : mixed_records()) gz += gzip(r);
  Collected c = read(gz, "crawl.warc.gz");
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_NE(c.docs[1].text.find("rail strike"), std::string::npos);
}

TEST(Warc, TruncatedGzipKeepsWhatCameBefore) {
  std::string gz;
  for (const auto& r : mixed_records()) gz += gzip(r);
  gz.resize(gz.size() - 40);  // cut into the last member
  Collected c = read(gz, "cut.warc.gz");
  ASSERT_FALSE(c.errors.empty());
  bool said_truncated = false;
  for (const auto& e : c.errors) said_truncated |= e.message.find("truncated") != std::string::npos;
  EXPECT_TRUE(said_truncated);
  ASSERT_GE(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Ferry service suspended");
}

TEST(Warc, DamagedRecordDoesNotStopTheRest) {
  auto records = mixed_records();
  std::string warc = records[2];
  warc += "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\ngarbage\r\n\r\n";
  warc += records[5];
  Collected c = read(warc, "bad.warc");
  EXPECT_EQ(c.docs.size(), 2u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].path, "bad.warc#2");
}

TEST(Gzip, SavedPage) {
  std::string html = page("Bridge reopens", "The bridge reopened to traffic on Friday after repairs that took eight months and cost 12 million dollars.");
  Collected c = read(gzip(html), "page.html.gz");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_NE(c.docs[0].text.find("eight months"), std::string::npos);
  Collected bad = read(std::string("\x1f\x8b\x08\x00garbage-not-deflate", 22), "bad.html.gz");
  EXPECT_TRUE(bad.docs.empty());
  EXPECT_FALSE(bad.errors.empty());
}

TEST(Feed, Rss) {
  std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Coast News</title>
<item><title>Storm closes schools</title><link>https://coast.example.net/storm</link>
<pubDate>Mon, 11 Nov 2024 06:45:00 +0000</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Schools along the coast closed on Monday as the storm brought gusts of up to 110 km/h, the education department said.</p><p>About 12,000 pupils were affected.</p>]]></content:encoded></item>
<item><title>Harbour reopens</title><link>https://coast.example.net/harbour</link>
<pubDate>Tue, 12 Nov 2024 09:00:00 +0000</pubDate>
<description>The harbour reopened on Tuesday morning after the storm passed, the port authority said in a short statement.</description></item>
</channel></rss>)";
  Collected c = read(rss, "coast.rss");
  ASSERT_EQ(c.docs.size(), 2u) << (c.errors.empty() ? "" : c.errors[0].message);
  EXPECT_EQ(c.docs[0].title, "Storm closes schools");
  EXPECT_EQ(c.docs[0].url, "https://coast.example.net/storm");
  EXPECT_EQ(c.docs[0].published.iso(), "2024-11-11T06:45");
  EXPECT_NE(c.docs[0].text.find("12,000 pupils"), std::string::npos) << c.docs[0].text;
  EXPECT_EQ(c.docs[0].text.find("Short summary"), std::string::npos);
  size_t at = c.docs[0].text.find("Schools along");
  EXPECT_EQ(rss.substr(c.docs[0].offsets.to_original(static_cast<uint32_t>(at)), 13), "Schools along");
  EXPECT_NE(c.docs[1].text.find("harbour reopened"), std::string::npos);
}

TEST(Feed, Atom) {
  std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Wire</title>
<entry><title>Dam level falls</title><link rel="alternate" href="https://valley.example.org/dam"/>
<published>2024-08-02T14:00:00Z</published><updated>2024-08-03T09:00:00Z</updated>
<content type="html">&lt;p&gt;The reservoir fell to 31 percent of capacity, the lowest level since 2019, the water board said on Friday.&lt;/p&gt;</content>
</entry></feed>)";
  Collected c = read(atom, "valley.atom");
  ASSERT_EQ(c.docs.size(), 1u) << (c.errors.empty() ? "" : c.errors[0].message);
  EXPECT_EQ(c.docs[0].url, "https://valley.example.org/dam");
  EXPECT_EQ(c.docs[0].published.iso(), "2024-08-02T14:00");
  EXPECT_NE(c.docs[0].text.find("31 percent of capacity"), std::string::npos);
}

TEST(Feed, ItemsGoThroughTheArticleExtractor) {
  // A feed's full-text item carries the site's related links and share box;
  // they are left out as on a page.
  std::string rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Coast News</title>
<item><title>Storm closes schools</title><link>https://coast.example.net/2024/11/11/storm</link>
<content:encoded><![CDATA[<div class="entry"><p>Schools along the coast closed on Monday as the storm brought gusts of up to 110 km/h, the education department said.</p></div>
<div class="share-buttons"><a href="/s">Share this story on social media</a></div>
<div class="related-posts"><ul><li><a href="/a">Harbour reopens after the storm passes</a></li></ul></div>]]></content:encoded></item>
</channel></rss>)";
  Collected c = read(rss, "coast.xml");
  ASSERT_EQ(c.docs.size(), 1u) << (c.errors.empty() ? "" : c.errors[0].message);
  EXPECT_NE(c.docs[0].text.find("gusts of up to 110 km/h"), std::string::npos);
  EXPECT_EQ(c.docs[0].text.find("Share this"), std::string::npos) << c.docs[0].text;
  EXPECT_EQ(c.docs[0].text.find("Harbour reopens"), std::string::npos) << c.docs[0].text;
  // No <pubDate>: the date comes from the item's link, as for a page.
  EXPECT_EQ(c.docs[0].published.iso(), "2024-11-11");
}

TEST(Jsonl, HtmlFieldGoesThroughTheArticleExtractor) {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / ("crosscheck-web-" + std::to_string(::getpid()) + ".jsonl");
  nlohmann::json record = {
      {"id", "r1"},
      {"url", "https://valley.example.org/2024/08/02/dam"},
      {"html", "<html><head><title>Dam level falls | Valley Wire</title></head><body><nav><a href=\"/\">Home</a></nav>"
               "<article><p>The reservoir fell to 31 percent of capacity, the lowest level since 2019, the water board said on Friday.</p></article>"
               "<div class=\"comments\"><p>Terrible management as usual, someone should resign over this mess.</p></div></body></html>"}};
  std::ofstream(file) << record.dump() << "\n";
  auto ingester = Ingester::create({});
  ASSERT_TRUE(ingester.ok());
  std::vector<Document> docs;
  std::vector<InputError> errors;
  ingester->read(file.string(), [&](Document&& d) { docs.push_back(std::move(d)); },
                 [&](InputError&& e) { errors.push_back(std::move(e)); });
  fs::remove(file);
  ASSERT_EQ(docs.size(), 1u) << (errors.empty() ? "" : errors[0].message);
  EXPECT_NE(docs[0].text.find("31 percent of capacity"), std::string::npos);
  EXPECT_EQ(docs[0].text.find("Terrible management"), std::string::npos) << docs[0].text;
  EXPECT_EQ(docs[0].text.find("Home"), std::string::npos);
  EXPECT_EQ(docs[0].title, "Dam level falls");
  EXPECT_EQ(docs[0].published.iso(), "2024-08-02");  // from the record's url
}

TEST(Detect, WebInputsByNameAndBytes) {
  EXPECT_TRUE(is_web_input("a/page.HTML", ""));
  EXPECT_TRUE(is_web_input("crawl.warc.gz", "\x1f\x8b"));
  EXPECT_TRUE(is_web_input("saved", "  <!DOCTYPE html><html>"));
  EXPECT_TRUE(is_web_input("feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">"));
  EXPECT_TRUE(is_web_input("dump", "WARC/1.0\r\n"));
  EXPECT_FALSE(is_web_input("report.txt", "Officials said on Monday that"));
  EXPECT_FALSE(is_web_input("data.xml", "<?xml version=\"1.0\"?><records>"));
}

}  // namespace
}  // namespace cc
