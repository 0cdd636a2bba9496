#include "store/store.h"

#include <sqlite3.h>

namespace cc {

Result<std::unique_ptr<Ledger>> Ledger::open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::error(path + ": " + msg);
  }
  return std::unique_ptr<Ledger>(new Ledger(db));
}

Ledger::~Ledger() { sqlite3_close(db_); }

Result<bool> Ledger::add_document(const Document&) { return Status::error("ledger not built yet"); }
Result<std::vector<Document>> Ledger::documents() { return Status::error("ledger not built yet"); }
Result<Document> Ledger::document(const std::string&) { return Status::error("ledger not built yet"); }
Status Ledger::save_brief(const Brief&) { return Status::error("ledger not built yet"); }

}  // namespace cc
