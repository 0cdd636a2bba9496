// End to end: `crosscheck extract` and `crosscheck brief` on a WARC archive
// and on a folder of saved pages written by the test.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

const char* kPageA = R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry capsizes off coast | Coast Herald</title><meta property="og:site_name" content="Coast Herald">
<meta property="article:published_time" content="2024-05-02T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="story-body">
<p>A ferry carrying about 120 passengers capsized off the northern coast on Wednesday, the coast guard said, and at least 14 people were killed.</p>
<p>Rescue teams pulled 86 survivors from the water by Thursday morning, according to a regional official.</p></div>
<div class="related"><a href="/x">Storm warning issued for the weekend across the region</a></div></body></html>)";

const char* kPageB = R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>At least 17 dead as ferry sinks</title><meta property="og:site_name" content="Daily Courier">
<meta name="date" content="2024-05-02"></head><body><article>
<p>At least 17 people died when a ferry sank off the northern coast on Wednesday, police said, raising the toll reported earlier by the coast guard.</p>
<p>The vessel was carrying about 130 passengers, police said. Officials said 86 people had been rescued.</p></article>
<section class="comments"><p>So sad, thoughts with the families of everyone involved in this.</p></section></body></html>)";

std::string warc_record(const std::string& type, const std::string& content_type, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: https://news.example.com/2024/05/02/ferry\r\nContent-Type: " +
         content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

struct CommandRun {
  int status = 0;
  std::string out;
};

CommandRun run(const std::string& args) {
  CommandRun r;
  std::string cmd = std::string(CROSSCHECK_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  r.status = pclose(p);
  return r;
}

class WebCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("crosscheck-web-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "pages");
    std::ofstream(dir_ / "pages" / "a.html") << kPageA;
    std::ofstream(dir_ / "pages" / "b.htm") << kPageB;
    std::string warc;
    for (const char* page : {kPageA, kPageB}) {
      warc += warc_record("request", "application/http; msgtype=request", "GET /ferry HTTP/1.1\r\n\r\n");
      warc += warc_record("response", "application/http; msgtype=response",
                          std::string("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n") + page);
    }
    std::ofstream(dir_ / "crawl.warc", std::ios::binary) << warc;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(WebCli, ExtractPrintsBodyAndMetadata) {
  CommandRun r = run("extract --format json " + (dir_ / "crawl.warc").string());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("\"site\":\"Coast Herald\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"published\":\"2024-05-02\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("130 passengers"), std::string::npos);
  EXPECT_EQ(r.out.find("Storm warning"), std::string::npos);
  EXPECT_EQ(r.out.find("thoughts with the families"), std::string::npos);
}

TEST_F(WebCli, BriefOnWarcAndOnSavedPages) {
  for (const char* input : {"crawl.warc", "pages"}) {
    CommandRun r = run("brief " + (dir_ / input).string());
    EXPECT_EQ(r.status, 0) << input;
    EXPECT_NE(r.out.find("Ferry capsizes off coast"), std::string::npos) << input << ":\n" << r.out;
    EXPECT_NE(r.out.find("2024-05-02"), std::string::npos) << input << ":\n" << r.out;
  }
}

}  // namespace
