#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "nlp/pipeline.h"
#include "scratch_dir.h"
#include "store/codec.h"

namespace cc {
namespace {

namespace fs = std::filesystem;

const char kReport[] =
    "Ferry Capsizes Near Harbour, Dozens Missing\n"
    "A passenger ferry carrying about 300 people capsized near the harbour on Tuesday, "
    "police said.\n"
    "Read more: Lake Transport Faces New Safety Rules\n"
    "At least 61 people were rescued, according to the Coast Guard Authority (CGA).\n"
    "The regional governor said the toll could rise to 40 by Friday.\n";

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = cc::testing::scratch_dir("store_");
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "ledger.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Ledger> open() {
    auto l = Ledger::open(db_);
    EXPECT_TRUE(l.ok()) << l.status().message();
    return l.ok() ? std::move(l.value()) : nullptr;
  }

  // A document through the real pipeline, so every layer the extractors
  // write today is exercised by the round trip.
  Document annotated(std::string_view text, const std::string& path) {
    auto doc = document_from_text(text, path);
    EXPECT_TRUE(doc.ok());
    doc->source = "Coast Wire";
    doc->url = "https://example.org/ferry";
    doc->published = *PartialDate::parse("2026-04-14");
    static auto pipeline = Pipeline::load(Resources{CROSSCHECK_DATA_DIR});
    EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
    if (pipeline.ok()) pipeline->run(*doc);
    return std::move(doc.value());
  }

  // Runs SQL on the ledger file directly (counting rows, planting faults).
  int64_t query(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(db_.c_str(), &db);
    int64_t value = -1;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW)
        value = sqlite3_column_int64(st, 0);
      else if (rc == SQLITE_DONE)
        value = 0;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
  }
  int64_t rows(const char* table) { return query(std::string("SELECT count(*) FROM ") + table); }

  fs::path dir_;
  std::string db_;
};

TEST_F(LedgerTest, CreatesVersionedWalSchema) {
  auto ledger = open();
  ASSERT_TRUE(ledger);
  ledger.reset();
  EXPECT_EQ(query("PRAGMA user_version"), Ledger::kSchemaVersion);
  EXPECT_EQ(rows("migrations"), Ledger::kSchemaVersion);
  sqlite3* db = nullptr;
  sqlite3_open(db_.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
  // Reopening an up-to-date ledger changes nothing.
  ASSERT_TRUE(open());
  EXPECT_EQ(rows("migrations"), Ledger::kSchemaVersion);
}

TEST_F(LedgerTest, MigratesAnOlderLedger) {
  ASSERT_TRUE(open());
  // Turn the file back into a version-1 ledger.
  query("DROP TABLE story_members");
  query("DROP TABLE stories");
  query("DROP TABLE event_reports");
  query("DROP TABLE events");
  query("ALTER TABLE documents DROP COLUMN published_estimate");
  query("ALTER TABLE documents DROP COLUMN published_confidence");
  query("DELETE FROM migrations WHERE version > 1");
  query("PRAGMA user_version = 1");
  ASSERT_EQ(query("SELECT count(*) FROM pragma_table_info('documents') "
                  "WHERE name = 'published_estimate'"),
            0);
  auto ledger = open();
  ASSERT_TRUE(ledger);
  EXPECT_EQ(query("PRAGMA user_version"), Ledger::kSchemaVersion);
  EXPECT_EQ(rows("migrations"), Ledger::kSchemaVersion);
  Document doc = annotated(kReport, "ferry.txt");
  doc.published_estimate = *PartialDate::parse("2026-04");
  ASSERT_TRUE(*ledger->add_document(doc));
  EXPECT_EQ(ledger->document(doc.id)->published_estimate.iso(), "2026-04");
  EXPECT_TRUE(ledger->events().ok()) << "the events table was created";
}

TEST_F(LedgerTest, StoriesRoundTrip) {
  auto ledger = open();
  ASSERT_TRUE(ledger);
  Document a = annotated(kReport, "a.txt");
  Document b = annotated(std::string(kReport) + "Rescuers resumed the search.\n", "b.txt");
  Document c = annotated("Dock workers at the port began a strike over pay.\n", "c.txt");
  for (const Document* d : {&a, &b, &c}) ASSERT_TRUE(*ledger->add_document(*d));
  StoryResult r;
  Story ferry;
  ferry.id = "s" + a.id.substr(0, 8);
  ferry.title = "Ferry Capsizes Near Harbour, Dozens Missing";
  ferry.first = ferry.last = a.published;
  ferry.doc_ids = {a.id, b.id};
  ferry.doc_indexes = {0, 1};
  Story strike;
  strike.id = "s" + c.id.substr(0, 8);
  strike.title = "Dock workers at the port began a strike over pay.";
  strike.doc_ids = {c.id};
  strike.doc_indexes = {2};
  r.stories = {ferry, strike};
  r.copies.push_back(CopyLink{b.id, a.id, 0.93, "seen first", 1, 0});
  Status saved = ledger->save_stories(r, {0, 0, 1});
  ASSERT_TRUE(saved.ok()) << saved.message();
  EXPECT_FALSE(ledger->save_stories(r, {0}).ok());  // one batch per stored document

  auto back = ledger->stories();
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->batch, (std::vector<int>{0, 0, 1}));
  ASSERT_EQ(back->result.stories.size(), 2u);
  const Story& s = back->result.stories[0];
  EXPECT_EQ(s.id, ferry.id);
  EXPECT_EQ(s.title, ferry.title);
  EXPECT_EQ(s.first.iso(), "2026-04-14");
  EXPECT_EQ(s.doc_indexes, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(back->result.stories[1].doc_ids, (std::vector<std::string>{c.id}));
  EXPECT_FALSE(back->result.stories[1].first.known());
  ASSERT_EQ(back->result.copies.size(), 1u);
  const CopyLink& link = back->result.copies[0];
  EXPECT_EQ(link.doc_id, b.id);
  EXPECT_EQ(link.copy_of, a.id);
  EXPECT_EQ(link.copy_of_index, 0u);
  EXPECT_DOUBLE_EQ(link.similarity, 0.93);
  EXPECT_EQ(link.evidence, "seen first");
}

TEST_F(LedgerTest, RefusesNewerSchemaAndNonDatabases) {
  ASSERT_TRUE(open());
  query("PRAGMA user_version = 99");
  auto newer = Ledger::open(db_);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);

  std::string junk = (dir_ / "notes.txt").string();
  std::ofstream(junk) << std::string(5000, 'x');
  auto bad = Ledger::open(junk);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(junk), std::string::npos);
}

// Payloads with every field set, on top of what the pipeline wrote, so the
// codec is checked field by field even where an extractor is still a stub.
void add_every_layer(Document& doc) {
  auto at = [&](std::string_view s) {
    auto b = static_cast<uint32_t>(doc.text.find(s));
    return Span{b, b + static_cast<uint32_t>(s.size())};
  };
  doc.times.add(at("Tuesday"), Timex{TimexType::date, "2026-04-14", "APPROX", "published",
                                     "a weekday placed in the publication week"});
  Quantity q;
  q.kind = QuantityKind::measure;
  q.value = 300;
  q.low = 250;
  q.approx = true;
  q.hedge = "about";
  q.counted = "person";
  q.counted_class = "personnel";
  q.counted_span = at("people capsized");
  q.modifiers = {"passenger"};
  q.is_delta = true;
  q.part_of = 1000;
  doc.quantities.add(at("about 300"), q);
  doc.entities.add(at("Coast Guard Authority"),
                   EntityMention{EntityType::location, "Tanzania", 0.75, true});
  doc.attributions.add(at("At least 61 people were rescued"),
                       Attribution{at("according to"),
                                   at("the Coast Guard Authority"),
                                   "according_to",
                                   "Coast Guard Authority",
                                   {"Coast Wire"},
                                   "",
                                   "coast guard authority"});
  doc.modalities.add(at("the toll could rise to 40"), Modality{ModalityKind::hedged, at("could")});
  doc.times.sort();
  doc.quantities.sort();
  doc.entities.sort();
  doc.attributions.sort();
  doc.modalities.sort();
  doc.published_estimate = *PartialDate::parse("2026-04");
  doc.published_confidence = 0.5;
}

TEST_F(LedgerTest, DocumentRoundTripsWithEveryLayer) {
  auto ledger = open();
  Document doc = annotated(kReport, "ferry.txt");
  add_every_layer(doc);
  ASSERT_FALSE(doc.tokens.empty());
  ASSERT_EQ(doc.removed.size(), 1u);
  auto added = ledger->add_document(doc);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_TRUE(*added);

  auto loaded = ledger->document(doc.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(to_json(*loaded), to_json(doc));
  EXPECT_EQ(loaded->offsets.checkpoints(), doc.offsets.checkpoints());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(loaded->tokens[i].value.capitalized, doc.tokens[i].value.capitalized);
    EXPECT_EQ(loaded->tokens[i].value.space_before, doc.tokens[i].value.space_before);
    EXPECT_EQ(loaded->tokens[i].value.pos, doc.tokens[i].value.pos);
    EXPECT_EQ(loaded->tokens[i].value.chunk, doc.tokens[i].value.chunk);
    EXPECT_EQ(loaded->tokens[i].value.chunk_begin, doc.tokens[i].value.chunk_begin);
  }
  // The pipeline tagged the tokens, so the check above covers the tags.
  EXPECT_NE(doc.tokens[0].value.pos, PosTag::none);

  // The same document through documents(), by prefix and by path.
  auto all = ledger->documents();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(to_json((*all)[0]), to_json(doc));
  EXPECT_TRUE(ledger->document(doc.id.substr(0, 6)).ok());
  EXPECT_TRUE(ledger->document("ferry.txt").ok());
  auto missing = ledger->document("nothing.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nothing.txt"), std::string::npos);
}

TEST(LedgerCodec, TokensWithoutTagsAndBadTags) {
  // Ledgers written before nlp/tag stored four fields per token.
  Document doc;
  doc.text = "Rain fell.";
  auto layers = nlohmann::json::parse(R"({"tokens": [[0, 4, 0, 5], [5, 9, 0, 4], [9, 10, 2, 0]]})");
  ASSERT_TRUE(decode_layers(layers, doc).ok());
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.tokens[0].value.pos, PosTag::none);
  // Tagged: POS value, then the chunk as type * 2 - begin.
  layers = nlohmann::json::parse(R"({"tokens": [[0, 4, 0, 5, 13, 1], [5, 9, 0, 4, 28, 3]]})");
  ASSERT_TRUE(decode_layers(layers, doc).ok());
  EXPECT_EQ(doc.tokens[0].value.pos, PosTag::NNS);
  EXPECT_EQ(doc.tokens[0].value.chunk, ChunkType::NP);
  EXPECT_TRUE(doc.tokens[0].value.chunk_begin);
  EXPECT_EQ(doc.tokens[1].value.pos, PosTag::VBD);
  EXPECT_EQ(doc.tokens[1].value.chunk, ChunkType::VP);
  EXPECT_EQ(encode_layers(doc)["tokens"], layers["tokens"]);
  auto bad = decode_layers(nlohmann::json::parse(R"({"tokens": [[0, 4, 0, 5, 99, 1]]})"), doc);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("part-of-speech"), std::string::npos);
  EXPECT_FALSE(decode_layers(nlohmann::json::parse(R"({"tokens": [[0, 4, 0, 5, 13, 40]]})"), doc).ok());
}

TEST_F(LedgerTest, ReingestIsANoOp) {
  auto ledger = open();
  Document doc = annotated(kReport, "ferry.txt");
  ASSERT_TRUE(*ledger->add_document(doc));
  int64_t spans = rows("spans"), removed = rows("removed");
  EXPECT_GT(spans, 0);
  // Same content from another path: still the same document.
  Document again = annotated(kReport, "copy/ferry.txt");
  auto second = ledger->add_document(again);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(*second);
  EXPECT_EQ(rows("documents"), 1);
  EXPECT_EQ(rows("spans"), spans);
  EXPECT_EQ(rows("removed"), removed);
  EXPECT_EQ(ledger->document(doc.id)->path, "ferry.txt");
}

TEST_F(LedgerTest, FailureMidDocumentLeavesNothing) {
  Document doc = annotated(kReport, "ferry.txt");
  add_every_layer(doc);
  ASSERT_FALSE(doc.removed.empty());
  ASSERT_TRUE(open());
  // Fail after the document row, its spans and entities were written:
  // inserting the removed lines (the last step) aborts.
  query(
      "CREATE TRIGGER fault BEFORE INSERT ON removed BEGIN SELECT RAISE(ABORT, 'injected fault'); "
      "END");
  {
    auto ledger = open();
    auto added = ledger->add_document(doc);
    ASSERT_FALSE(added.ok());
    EXPECT_NE(added.status().message().find("injected fault"), std::string::npos);
  }
  EXPECT_EQ(rows("documents"), 0);
  EXPECT_EQ(rows("spans"), 0);
  EXPECT_EQ(rows("entities"), 0);
  EXPECT_EQ(rows("removed"), 0);
  query("DROP TRIGGER fault");
  auto ledger = open();
  EXPECT_TRUE(*ledger->add_document(doc));
  EXPECT_EQ(rows("documents"), 1);
  EXPECT_EQ(rows("entities"), static_cast<int64_t>(doc.entities.size()));
}

Brief sample_brief() {
  Brief b;
  Fact f;
  f.id = "f-toll";
  f.what = "people rescued";
  f.counted_class = "person";
  f.status = FactStatus::disputed;
  f.note = "61 against 58";
  f.primary_sources = 2;
  FactReport r;
  r.doc_id = "0123456789abcdef";
  r.as_written = "at least 61";
  r.value = 61;
  r.low = 61;
  r.approx = false;
  r.hedge = "at least";
  r.attributed_to = "Coast Guard Authority";
  r.via = {"Coast Wire"};
  r.modality = "asserted";
  r.time = "2026-04-14";
  r.evidence = {r.doc_id, {10, 80}, {20, 31}, 22, 33, ""};
  r.sentence_text = "At least 61 people were rescued.";
  f.reports.push_back(r);
  r.as_written = "58";
  r.value = 58;
  r.low = r.high = 58;
  r.hedge.clear();
  r.via.clear();
  f.reports.push_back(r);
  b.facts.push_back(f);
  Fact g;
  g.id = "f-passengers";
  g.what = "passengers";
  g.unit = "";
  g.reports.push_back(r);
  b.facts.push_back(g);
  Event ev;
  ev.id = "e-visit";
  ev.what = "the minister will visit Bukoba next week";
  ev.predicate = "visit";
  ev.actor = "Makame Mbarawa";
  ev.time = "2026-W17";
  ev.precision = "week";
  ev.planned = true;
  EventReport er;
  er.doc_id = "0123456789abcdef";
  er.attributed_to = "office";
  er.via = {"Coast Wire"};
  er.modality = "planned";
  er.time = "2026-W17";
  er.time_as_written = "next week";
  er.evidence = {er.doc_id, {100, 160}, {130, 135}, 140, 145, "visit"};
  er.sentence_text = "The minister will visit Bukoba next week, his office said.";
  ev.reports.push_back(er);
  b.events.push_back(ev);
  return b;
}

TEST_F(LedgerTest, FactsRoundTripAndReplace) {
  auto ledger = open();
  Brief b = sample_brief();
  ASSERT_TRUE(ledger->save_brief(b).ok());
  auto facts = ledger->facts();
  ASSERT_TRUE(facts.ok()) << facts.status().message();
  ASSERT_EQ(facts->size(), 2u);
  const Fact& f = (*facts)[0];
  EXPECT_EQ(f.id, "f-toll");
  EXPECT_EQ(f.status, FactStatus::disputed);
  EXPECT_EQ(f.note, "61 against 58");
  EXPECT_EQ(f.primary_sources, 2);
  ASSERT_EQ(f.reports.size(), 2u);
  const FactReport& r = f.reports[0];
  EXPECT_EQ(r.as_written, "at least 61");
  EXPECT_EQ(r.low, 61);
  EXPECT_FALSE(r.high.has_value());
  EXPECT_EQ(r.via, std::vector<std::string>{"Coast Wire"});
  EXPECT_EQ(r.evidence.sentence, (Span{10, 80}));
  EXPECT_EQ(r.evidence.span, (Span{20, 31}));
  EXPECT_EQ(r.evidence.input_end, 33u);
  EXPECT_EQ(r.sentence_text, "At least 61 people were rescued.");
  EXPECT_EQ(f.reports[1].high, 58);

  auto events = ledger->events();
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), 1u);
  const Event& ev = (*events)[0];
  EXPECT_EQ(ev.id, "e-visit");
  EXPECT_EQ(ev.actor, "Makame Mbarawa");
  EXPECT_TRUE(ev.planned);
  EXPECT_EQ(ev.precision, "week");
  ASSERT_EQ(ev.reports.size(), 1u);
  EXPECT_EQ(ev.reports[0].time_as_written, "next week");
  EXPECT_EQ(ev.reports[0].via, std::vector<std::string>{"Coast Wire"});
  EXPECT_EQ(ev.reports[0].evidence.span, (Span{130, 135}));
  EXPECT_EQ(ev.reports[0].evidence.quote, "visit");
  EXPECT_EQ(ev.reports[0].sentence_text, sample_brief().events[0].reports[0].sentence_text);

  // A save replaces; a save that fails midway leaves the previous facts.
  b.facts.pop_back();
  ASSERT_TRUE(ledger->save_brief(b).ok());
  EXPECT_EQ(ledger->facts()->size(), 1u);
  query(
      "CREATE TRIGGER fault BEFORE INSERT ON fact_reports WHEN NEW.position = 1 "
      "BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
  EXPECT_FALSE(ledger->save_brief(sample_brief()).ok());
  auto kept = ledger->facts();
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ((*kept)[0].reports.size(), 2u);
}

}  // namespace
}  // namespace cc
