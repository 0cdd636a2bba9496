// The store stage: the SQLite ledger.
//
// Contract: a Ledger is one SQLite database in WAL mode with a versioned
// schema (PRAGMA user_version plus a migrations table; docs/ledger.md). Adding
// a document is one transaction: it lands whole or not at all; adding a
// document whose content hash is already present is a no-op. Saving a brief's
// facts is one transaction too. A stored document loads back with its text,
// metadata, offset map, removed lines and every layer, equal to what was
// stored. One Ledger per thread; several processes may share the file (WAL,
// busy timeout).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "core/document.h"
#include "core/status.h"

struct sqlite3;

namespace cc {

class Ledger {
 public:
  // The schema version this build writes; opening a newer ledger fails.
  static constexpr int kSchemaVersion = 4;

  // Opens or creates the ledger, bringing its schema up to date.
  static Result<std::unique_ptr<Ledger>> open(const std::string& path);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // Stores the document with all its layers. Returns false when a document
  // with the same content hash is already stored (nothing is written).
  Result<bool> add_document(const Document& doc);
  // Every stored document, in the order they were added.
  Result<std::vector<Document>> documents();
  // One document by id, unique id prefix (at least 4 hex digits) or path.
  Result<Document> document(const std::string& id_or_path);
  // Replaces the stored facts and events with the brief's (one transaction).
  Status save_brief(const Brief& brief);
  // The stored facts, in the order they were saved.
  Result<std::vector<Fact>> facts();
  // The stored timeline, in event-time order.
  Result<std::vector<Event>> events();

  // The stories of the stored documents and their copy links, as `ingest`
  // placed them. Positions (Story::doc_indexes, CopyLink::*_index) are
  // indexes into documents(); batch[i] is the ingest run that placed
  // documents()[i] (runs count from 0), -1 for a document never placed.
  struct Stories {
    StoryResult result;
    std::vector<int> batch;
  };
  // Replaces the stored stories (one transaction). `batch` has one entry per
  // document of documents(), in that order.
  Status save_stories(const StoryResult& r, const std::vector<int>& batch);
  Result<Stories> stories();

 private:
  Ledger(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status migrate();
  Status save_events(const std::vector<Event>& events);
  Status exec(const char* sql);
  Status error(const std::string& what) const;
  Result<Document> load(const std::string& id);
  Result<std::vector<std::string>> document_ids();

  sqlite3* db_;
  std::string path_;
};

}  // namespace cc
