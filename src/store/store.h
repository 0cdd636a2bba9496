// The store stage: the SQLite ledger.
//
// Contract: a Ledger is one SQLite database in WAL mode with a versioned
// schema (documents, spans, entities, facts, reports). Adding a document is
// one transaction: it lands whole or not at all; adding a document whose
// content hash is already present is a no-op. One Ledger per thread.
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
  static Result<std::unique_ptr<Ledger>> open(const std::string& path);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // Stores the document with all its layers. Returns false when a document
  // with the same content hash is already stored (nothing is written).
  Result<bool> add_document(const Document& doc);
  Result<std::vector<Document>> documents();
  Result<Document> document(const std::string& id_or_path);
  // Replaces the stored facts with the brief's (one transaction).
  Status save_brief(const Brief& brief);

 private:
  explicit Ledger(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace cc
