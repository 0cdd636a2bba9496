// Ingest and ledger speed, each against a named peer run in the same process:
//   ingest: document_from_text (decode + validate, non-body rules, whitespace
//     folding, NFC, offset map, title) against ICU doing the least a C++
//     program must do to get NFC text: ucnv UTF-8 -> UTF-16, Normalizer2 NFC.
//   ledger: Ledger::add_document (document row, span index, entities, removed
//     lines, one transaction each) against plain SQLite inserting the same
//     text and layer JSON as one row per transaction, same WAL settings.
// Usage: bench_ingest [corpus.jsonl with a "text" field per line]
// Default corpus: ../shared/data/time/train-tbaq.jsonl (TimeBank + AQUAINT).
#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "nlp/pipeline.h"
#include "store/codec.h"
#include "store/store.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

size_t icu_nfc(const std::string& bytes) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString s(bytes.data(), static_cast<int32_t>(bytes.size()), "UTF-8");
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString out = nfc->normalize(s, err);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8.size();
}

void exec(sqlite3* db, const char* sql) { sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }

}  // namespace

int main(int argc, char** argv) {
  std::string path =
      argc > 1 ? argv[1] : std::string(CROSSCHECK_SHARED_DIR) + "/data/time/train-tbaq.jsonl";
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_ingest: cannot open %s (pass a JSONL corpus with \"text\")\n",
                 path.c_str());
    return 2;
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      texts.push_back(j["text"].get<std::string>());
      bytes += texts.back().size();
    }
  }
  const int rounds = 20;
  double mb = static_cast<double>(bytes) * rounds / 1e6;
  std::printf("corpus: %s (%zu docs, %.2f MB, %d rounds)\n", path.c_str(), texts.size(),
              bytes / 1e6, rounds);

  size_t out_bytes = 0, removed = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& t : texts) {
      auto d = cc::document_from_text(t, "bench");
      if (d.ok()) out_bytes += d->text.size(), removed += d->removed.size();
    }
  double ours = seconds_since(t0);
  size_t icu_bytes = 0;
  t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& t : texts) icu_bytes += icu_nfc(t);
  double icu = seconds_since(t0);
  std::printf("crosscheck document_from_text:  %7.1f MB/s  (%zu non-body lines dropped)\n",
              mb / ours, removed / rounds);
  std::printf("ICU UTF-8 decode + NFC:         %7.1f MB/s\n", mb / icu);
  std::printf("ingest ratio (ICU time / ours): %.2fx\n", icu / ours);

  // Ledger: tokenized documents (the largest layers), one transaction each.
  auto pipeline = cc::Pipeline::load(cc::Resources{CROSSCHECK_DATA_DIR}, {"tokenize"});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  std::vector<cc::Document> docs;
  for (const auto& t : texts) {
    auto d = cc::document_from_text(t, "bench");
    if (!d.ok()) continue;
    pipeline->run(*d);
    docs.push_back(std::move(d.value()));
  }
  auto dir = std::filesystem::temp_directory_path() / "crosscheck_bench_ingest";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto ledger = cc::Ledger::open((dir / "ours.db").string());
  if (!ledger.ok()) {
    std::fprintf(stderr, "bench_ingest: %s\n", ledger.status().message().c_str());
    return 2;
  }
  t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) (void)(*ledger)->add_document(d);
  double ours_db = seconds_since(t0);

  sqlite3* db = nullptr;
  sqlite3_open((dir / "peer.db").string().c_str(), &db);
  exec(db,
       "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE docs(id TEXT PRIMARY KEY, "
       "text TEXT, layers TEXT)");
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO docs VALUES(?,?,?)", -1, &ins, nullptr);
  t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) {
    exec(db, "BEGIN IMMEDIATE");
    std::string layers = cc::encode_layers(d).dump();
    sqlite3_bind_text(ins, 1, d.id.data(), static_cast<int>(d.id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, d.text.data(), static_cast<int>(d.text.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 3, layers.data(), static_cast<int>(layers.size()), SQLITE_TRANSIENT);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    exec(db, "COMMIT");
  }
  double peer_db = seconds_since(t0);
  sqlite3_finalize(ins);
  sqlite3_close(db);
  ledger->reset();

  t0 = std::chrono::steady_clock::now();
  auto reopened = cc::Ledger::open((dir / "ours.db").string());
  auto loaded = (*reopened)->documents();
  double load = seconds_since(t0);
  std::filesystem::remove_all(dir);

  std::printf("crosscheck Ledger::add_document: %7.0f docs/s\n", docs.size() / ours_db);
  std::printf("SQLite one-row insert (peer):    %7.0f docs/s\n", docs.size() / peer_db);
  std::printf("ledger ratio (peer time / ours): %.2fx\n", peer_db / ours_db);
  std::printf("crosscheck Ledger::documents:    %7.0f docs/s (%zu loaded)\n",
              (loaded.ok() ? loaded->size() : 0) / load, loaded.ok() ? loaded->size() : 0);
  return 0;
}
