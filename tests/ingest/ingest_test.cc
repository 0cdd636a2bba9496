#include "ingest/ingest.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "scratch_dir.h"

namespace cc {
namespace {

namespace fs = std::filesystem;

const char kReport[] =
    "Ferry Capsizes Near Harbour, Dozens Missing\n"
    "A passenger ferry capsized near the harbour on Tuesday, police said.\n"
    "Read more: Lake Transport Faces New Safety Rules\n"
    "At least 61 people were rescued, according to the coast guard.\n"
    "Share this article\n"
    "Officials expect the toll to rise by Friday.\n";

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = cc::testing::scratch_dir("ingest_");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, std::string_view bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

  struct Run {
    std::vector<Document> docs;
    std::vector<InputError> errors;
    std::vector<InputError> fatal() const {
      std::vector<InputError> out;
      for (const auto& e : errors)
        if (e.fatal) out.push_back(e);
      return out;
    }
  };
  Run read(const std::vector<std::string>& paths, const IngestOptions& options = {}) {
    Run run;
    Status st = read_inputs(
        paths, options, [&](Document&& d) { run.docs.push_back(std::move(d)); },
        [&](InputError&& e) { run.errors.push_back(std::move(e)); });
    EXPECT_TRUE(st.ok()) << st.message();
    return run;
  }

  fs::path dir_;
};

std::string gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST_F(IngestTest, PlainTextWithTitleAndRemovedLines) {
  auto run = read({write("report.txt", kReport)});
  ASSERT_EQ(run.docs.size(), 1u);
  const Document& d = run.docs[0];
  EXPECT_EQ(d.title, "Ferry Capsizes Near Harbour, Dozens Missing");
  EXPECT_TRUE(d.text.starts_with("Ferry Capsizes Near Harbour"));  // the headline stays in the text
  EXPECT_EQ(d.text.find("Read more"), std::string::npos);
  EXPECT_EQ(d.text.find("Share this"), std::string::npos);
  ASSERT_EQ(d.removed.size(), 2u);
  EXPECT_EQ(d.removed[0].rule, "read-more");
  EXPECT_EQ(d.removed[1].rule, "share");
  // Removed lines and kept text both map back to the exact input bytes.
  std::string_view input = kReport;
  EXPECT_EQ(input.substr(d.removed[0].original_begin,
                         d.removed[0].original_end - d.removed[0].original_begin),
            "Read more: Lake Transport Faces New Safety Rules");
  size_t at = d.text.find("At least 61");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(input.substr(d.offsets.to_original(static_cast<uint32_t>(at)), 11), "At least 61");
  size_t toll = d.text.find("toll");
  EXPECT_EQ(input.substr(d.offsets.to_original(static_cast<uint32_t>(toll)), 4), "toll");
  EXPECT_EQ(d.id.size(), 16u);
}

TEST_F(IngestTest, Headlines) {
  EXPECT_EQ(headline("Ferry Capsizes Near Harbour, Dozens Missing"),
            "Ferry Capsizes Near Harbour, Dozens Missing");
  EXPECT_EQ(headline("# Toll rises after ferry accident"), "Toll rises after ferry accident");
  EXPECT_EQ(headline("**Toll rises after ferry accident**"), "Toll rises after ferry accident");
  EXPECT_EQ(headline("\u201cWe Lost Everything\u201d: Survivors of the Lake Ferry Speak"),
            "\u201cWe Lost Everything\u201d: Survivors of the Lake Ferry Speak");
  EXPECT_EQ(headline("A passenger ferry capsized near the harbour on Tuesday, police said."), "");
  EXPECT_EQ(headline("A passenger ferry capsized near the harbour on Tuesday"), "");
  EXPECT_EQ(headline("Ferry Capsizes Near Harbour."), "");
  EXPECT_EQ(headline("Ferry"), "");
  EXPECT_EQ(headline(std::string(250, 'A')), "");
  // A one-line input is all body: no title.
  auto run = read({write("one.txt", "Ferry Capsizes Near Harbour, Dozens Missing")});
  ASSERT_EQ(run.docs.size(), 1u);
  EXPECT_EQ(run.docs[0].title, "");
}

TEST_F(IngestTest, JsonFilesHoldRecordsAndNothingElseIsRead) {
  auto run = read({write("one.json", R"({"id": "a", "text": "Police said 41 people died.", "source": "Wire"})"),
                   write("many.json", R"([{"text": "Rescuers saved 37 people."}, {"title": "no text"}])"),
                   write("answers.json", R"({"facts": [{"what": "people killed"}]})"),
                   write("number.json", "42"), write("broken.json", "{\"text\": ")});
  ASSERT_EQ(run.docs.size(), 2u);
  EXPECT_EQ(run.docs[0].source, "Wire");
  EXPECT_EQ(run.docs[1].text, "Rescuers saved 37 people.");
  std::vector<std::string> where;
  for (const auto& e : run.errors) where.push_back(fs::path(e.path).filename().string() + " " + e.message);
  ASSERT_EQ(where.size(), 4u) << ::testing::PrintToString(where);
  std::sort(where.begin(), where.end());
  EXPECT_NE(where[0].find("answers.json:1 no \"text\""), std::string::npos) << where[0];
  EXPECT_NE(where[1].find("broken.json not valid JSON"), std::string::npos) << where[1];
  EXPECT_NE(where[2].find("many.json:2"), std::string::npos) << where[2];
  EXPECT_NE(where[3].find("number.json a JSON file must hold"), std::string::npos) << where[3];
}

TEST_F(IngestTest, BinaryFileIsRefused) {
  std::string bytes = "PK\x03\x04";
  bytes.append(std::string("\0\x01\x02\xff\xfe", 5));
  bytes.append(1000, '\0');
  auto good = write("a.txt", kReport);
  auto run = read({write("archive.txt", bytes), good});
  ASSERT_EQ(run.fatal().size(), 1u);
  EXPECT_EQ(run.fatal()[0].path, (dir_ / "archive.txt").string());
  EXPECT_NE(run.fatal()[0].message.find("binary"), std::string::npos);
  EXPECT_EQ(run.docs.size(), 1u);  // the other input goes on
}

TEST_F(IngestTest, InvalidUtf8IsReplacedCountedAndReported) {
  std::string bytes =
      "The caf\xc3\xa9 owner said 12 boats \xff\xfe were damaged.\nNo one was hurt \xc3.\n";
  auto run = read({write("bad.txt", bytes)});
  ASSERT_EQ(run.docs.size(), 1u);
  EXPECT_EQ(run.docs[0].encoding, "utf-8");
  EXPECT_EQ(run.docs[0].replaced_bytes, 3u);
  EXPECT_NE(run.docs[0].text.find("\uFFFD"), std::string::npos);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_FALSE(run.errors[0].fatal);
  EXPECT_NE(run.errors[0].message.find("3 invalid UTF-8"), std::string::npos);
}

TEST_F(IngestTest, EmptyAndBlankFiles) {
  auto run = read({write("empty.txt", ""), write("blank.txt", " \n\t\n"),
                   write("furniture.txt", "Advertisement\nShare this article\n")});
  EXPECT_TRUE(run.docs.empty());
  ASSERT_EQ(run.fatal().size(), 3u);
  EXPECT_EQ(run.fatal()[0].message, "empty file");
  EXPECT_EQ(run.fatal()[1].message, "no text");
  EXPECT_EQ(run.fatal()[2].message, "no text besides non-body lines");
}

TEST_F(IngestTest, FiftyMegabyteSingleLine) {
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "The ferry carried 300 passengers across the lake. ";
  auto start = std::chrono::steady_clock::now();
  auto run = read({write("huge.txt", line)});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(run.docs.size(), 1u);
  EXPECT_EQ(run.docs[0].text.size(), line.size() - 1);  // trailing space trimmed
  EXPECT_TRUE(run.docs[0].title.empty());
  EXPECT_LT(seconds, 20.0);
}

TEST_F(IngestTest, Utf16AndWindows1252) {
  std::string utf16 = "\xff\xfe";
  for (char c : std::string("Rescuers found 61 people.\n")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  std::string cp1252 =
      "The mayor\x92s office said \x93"
      "about 40\x94 remain missing.\n";
  auto run = read({write("u16.txt", utf16), write("w.txt", cp1252)});
  ASSERT_EQ(run.docs.size(), 2u);
  EXPECT_EQ(run.docs[0].encoding, "utf-16le");
  EXPECT_EQ(run.docs[0].text, "Rescuers found 61 people.");
  EXPECT_EQ(run.docs[1].encoding, "windows-1252");
  EXPECT_EQ(run.docs[1].text, "The mayor\u2019s office said \u201cabout 40\u201d remain missing.");
}

TEST_F(IngestTest, JsonLinesWithABadLine) {
  std::string jsonl =
      R"({"id": "cw-1", "source": "Coast Wire", "url": "https://example.org/1", "title": "Ferry Capsizes", "published": "2026-04-14", "text": "A ferry capsized on Tuesday.\nRead more: Other News\nAt least 61 were rescued."})"
      "\n"
      R"({"id": "cw-2", "text": "broken)"
      "\n"
      "\n"
      R"(["not", "an", "object"])"
      "\n"
      R"({"id": 7, "published": "last week", "text": "Dates must be ISO."})"
      "\n"
      R"({"id": "cw-3", "source": "Lakeside Daily"})"
      "\n"
      R"({"text": "Rescuers searched through the night.", "published": "2026-04"})"
      "\n";
  auto path = write("feed.jsonl", jsonl);
  auto run = read({path});
  ASSERT_EQ(run.docs.size(), 2u);
  const Document& a = run.docs[0];
  EXPECT_EQ(a.path, path + "#cw-1");
  EXPECT_EQ(a.source, "Coast Wire");
  EXPECT_EQ(a.url, "https://example.org/1");
  EXPECT_EQ(a.title, "Ferry Capsizes");
  EXPECT_EQ(a.published.iso(), "2026-04-14");
  EXPECT_EQ(a.text, "A ferry capsized on Tuesday.\nAt least 61 were rescued.");
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(run.docs[1].path, path + "#7");
  EXPECT_EQ(run.docs[1].published.iso(), "2026-04");
  ASSERT_EQ(run.fatal().size(), 4u);
  EXPECT_EQ(run.fatal()[0].path, path + ":2");
  EXPECT_EQ(run.fatal()[0].message, "not valid JSON");
  EXPECT_EQ(run.fatal()[1].path, path + ":4");
  EXPECT_EQ(run.fatal()[2].path, path + ":5");
  EXPECT_NE(run.fatal()[2].message.find("published"), std::string::npos);
  EXPECT_EQ(run.fatal()[3].path, path + ":6");
  EXPECT_NE(run.fatal()[3].message.find("text"), std::string::npos);
}

TEST_F(IngestTest, DirectoryIsWalkedSortedAndOneBadFileDoesNotStopIt) {
  write("story/b.txt", "Second report on the ferry.\n");
  write("story/a.txt", "First report on the ferry.\n");
  write("story/sub/c.txt", "Third report on the ferry.\n");
  write("story/sub/empty.txt", "");
  auto run = read({(dir_ / "story").string()});
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_TRUE(run.docs[0].path.ends_with("story/a.txt"));
  EXPECT_TRUE(run.docs[1].path.ends_with("story/b.txt"));
  EXPECT_TRUE(run.docs[2].path.ends_with("story/sub/c.txt"));
  ASSERT_EQ(run.fatal().size(), 1u);
  EXPECT_TRUE(run.fatal()[0].path.ends_with("empty.txt"));
  auto missing = read({(dir_ / "nope.txt").string()});
  ASSERT_EQ(missing.fatal().size(), 1u);
  EXPECT_NE(missing.fatal()[0].message.find("cannot read"), std::string::npos);
}

TEST_F(IngestTest, Gzip) {
  std::string jsonl;
  for (int i = 0; i < 2000; ++i)
    jsonl += R"({"id": ")" + std::to_string(i) + R"(", "text": "Report number )" +
             std::to_string(i) +
             R"( on the ferry accident, with 61 rescued."})"
             "\n";
  auto run = read({write("a.txt.gz", gzip(kReport)), write("feed.jsonl.gz", gzip(jsonl))});
  ASSERT_EQ(run.docs.size(), 2001u);
  EXPECT_EQ(run.docs[0].title, "Ferry Capsizes Near Harbour, Dozens Missing");
  EXPECT_TRUE(run.errors.empty());

  // Truncated: a text is refused whole; a JSONL file keeps its whole records.
  std::string text_gz = gzip(kReport), jsonl_gz = gzip(jsonl);
  auto cut = read({write("cut.txt.gz", text_gz.substr(0, text_gz.size() / 2)),
                   write("cut.jsonl.gz", jsonl_gz.substr(0, jsonl_gz.size() / 2))});
  ASSERT_EQ(cut.fatal().size(), 2u);
  EXPECT_NE(cut.fatal()[0].message.find("truncated gzip data: nothing kept"), std::string::npos);
  EXPECT_NE(cut.fatal()[1].message.find("truncated gzip data: kept"), std::string::npos);
  EXPECT_GT(cut.docs.size(), 100u);
  EXPECT_LT(cut.docs.size(), 2000u);
  for (size_t i = 0; i < cut.docs.size(); ++i)
    EXPECT_TRUE(cut.docs[i].path.ends_with("#" + std::to_string(i)));
}

TEST_F(IngestTest, ManifestMatchesByPathOrFileName) {
  auto a = write("seeds/a.txt", "A ferry capsized on Tuesday.\n");
  auto b = write("other/a.txt", "A second ferry was damaged on Wednesday.\n");
  auto c = write("c.txt", "Rescuers searched through the night.\n");
  auto feed = write("feed.jsonl", R"({"text": "Divers joined the search.", "source": "Own Field"})"
                                  "\n");
  std::string manifest =
      R"({"file": "a.txt", "source": "Coast Wire", "published": "2026-04-14", "url": "https://example.org/a"})"
      "\n"
      R"({"file": "other/a.txt", "source": "Lakeside Daily", "title": "Second Ferry Damaged"})"
      "\n"
      R"({"file": "feed.jsonl", "source": "Manifest Name", "published": "2026-04-16"})"
      "\n";
  IngestOptions options;
  options.meta_path = write("meta.jsonl", manifest);
  options.source = "Flag Source";
  options.published = *PartialDate::parse("2026-04");
  auto run = read({a, b, c, feed}, options);
  // Walking the folder that holds the manifest does not read it as an input.
  auto walked = read({dir_.string()}, options);
  EXPECT_TRUE(walked.errors.empty()) << walked.errors[0].path << ": " << walked.errors[0].message;
  EXPECT_EQ(walked.docs.size(), 4u);
  ASSERT_EQ(run.docs.size(), 4u);
  EXPECT_EQ(run.docs[0].source, "Coast Wire");  // file name matches
  EXPECT_EQ(run.docs[0].published.iso(), "2026-04-14");
  EXPECT_EQ(run.docs[0].url, "https://example.org/a");
  EXPECT_EQ(run.docs[1].source, "Lakeside Daily");  // the longer path wins
  EXPECT_EQ(run.docs[1].title, "Second Ferry Damaged");
  EXPECT_EQ(run.docs[1].published.iso(), "2026-04");  // the flag fills what the entry lacks
  EXPECT_EQ(run.docs[2].source, "Flag Source");       // no entry: flags
  EXPECT_EQ(run.docs[3].source, "Manifest Name");     // the manifest beats the record
  EXPECT_EQ(run.docs[3].published.iso(), "2026-04-16");
}

TEST_F(IngestTest, BadManifestIsAnOptionsError) {
  IngestOptions options;
  options.meta_path = write("meta.jsonl", R"({"file": "a.txt"})"
                                          "\n"
                                          R"({"source": "x"})"
                                          "\n");
  auto ing = Ingester::create(options);
  ASSERT_FALSE(ing.ok());
  EXPECT_NE(ing.status().message().find("meta.jsonl:2: missing \"file\""), std::string::npos);
  options.meta_path = write("dates.jsonl", R"({"file": "a.txt", "published": "April"})"
                                           "\n");
  EXPECT_FALSE(Ingester::create(options).ok());
  options.meta_path = (dir_ / "absent.jsonl").string();
  EXPECT_FALSE(Ingester::create(options).ok());
}

// The seed reports' non-body lines, as an analyst listed them in
// expected.json, are exactly what ingest drops.
TEST(Seeds, NonBodyLinesMatchTheAnalyst) {
  fs::path seeds = fs::path(CROSSCHECK_SHARED_DIR) / "seeds";
  std::ifstream in(seeds / "expected.json");
  if (!in) GTEST_SKIP() << "no " << (seeds / "expected.json").string() << " (../shared absent)";
  auto expected = nlohmann::json::parse(in);
  size_t checked = 0;
  for (const auto& [file, info] : expected.at("documents").items()) {
    std::ifstream f(seeds / file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    auto doc = document_from_text(bytes, file);
    ASSERT_TRUE(doc.ok()) << file << ": " << doc.status().message();
    std::vector<std::string> removed, wanted;
    for (const auto& r : doc->removed) removed.push_back(r.text);
    for (const auto& line : info.value("not_body", nlohmann::json::array()))
      wanted.push_back(line.get<std::string>());
    EXPECT_EQ(removed, wanted) << file;
    for (const auto& line : wanted) EXPECT_EQ(doc->text.find(line), std::string::npos) << file;
    ++checked;
  }
  EXPECT_GT(checked, 0u);
}

}  // namespace
}  // namespace cc
