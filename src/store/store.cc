#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/codec.h"

namespace cc {

namespace {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// Schema history. Never edit a released migration: append a new one. The
// schema is described in docs/ledger.md.
const Migration kMigrations[] = {
    {1, "documents, spans, entities, removed lines, facts and their reports", R"sql(
CREATE TABLE migrations(
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE TABLE documents(
  id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  published TEXT NOT NULL,
  published_precision TEXT NOT NULL,
  encoding TEXT NOT NULL,
  replaced_bytes INTEGER NOT NULL,
  text TEXT NOT NULL,
  offsets TEXT NOT NULL,
  layers TEXT NOT NULL,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX documents_path ON documents(path);
CREATE TABLE spans(
  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  layer TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  payload TEXT NOT NULL);
CREATE INDEX spans_doc_layer ON spans(doc, layer, start);
CREATE TABLE entities(
  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  type TEXT NOT NULL,
  canonical TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE TABLE removed(
  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  input_start INTEGER NOT NULL,
  input_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  rule TEXT NOT NULL,
  reason TEXT NOT NULL);
CREATE INDEX removed_doc ON removed(doc, position);
CREATE TABLE facts(
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  what TEXT NOT NULL,
  counted_class TEXT NOT NULL,
  unit TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  primary_sources INTEGER NOT NULL);
CREATE TABLE fact_reports(
  fact TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  doc TEXT NOT NULL,
  as_written TEXT NOT NULL,
  value REAL NOT NULL,
  low REAL,
  high REAL,
  approx INTEGER NOT NULL,
  hedge TEXT NOT NULL,
  attributed_to TEXT NOT NULL,
  via TEXT NOT NULL,
  modality TEXT NOT NULL,
  time TEXT NOT NULL,
  is_delta INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  input_start INTEGER NOT NULL,
  input_end INTEGER NOT NULL,
  sentence_text TEXT NOT NULL);
CREATE INDEX fact_reports_fact ON fact_reports(fact, position);
CREATE INDEX fact_reports_doc ON fact_reports(doc);
)sql"},
    {2, "documents: the publication date nlp/time estimates when none is given", R"sql(
ALTER TABLE documents ADD COLUMN published_estimate TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN published_confidence REAL NOT NULL DEFAULT 0;
)sql"},
    {3, "events of the timeline and their reports, saved with the facts", R"sql(
CREATE TABLE events(
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  what TEXT NOT NULL,
  predicate TEXT NOT NULL,
  actor TEXT NOT NULL,
  time TEXT NOT NULL,
  precision TEXT NOT NULL,
  planned INTEGER NOT NULL);
CREATE TABLE event_reports(
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  doc TEXT NOT NULL,
  attributed_to TEXT NOT NULL,
  via TEXT NOT NULL,
  modality TEXT NOT NULL,
  time TEXT NOT NULL,
  time_as_written TEXT NOT NULL,
  copy_of TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  input_start INTEGER NOT NULL,
  input_end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  sentence_text TEXT NOT NULL);
CREATE INDEX event_reports_event ON event_reports(event, position);
)sql"},
    {4, "stories and copy links of the stored documents, with the ingest run that placed each",
     R"sql(
CREATE TABLE stories(
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  first TEXT NOT NULL,
  last TEXT NOT NULL);
CREATE TABLE story_members(
  doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  batch INTEGER NOT NULL,
  copy_of TEXT NOT NULL,
  similarity REAL NOT NULL,
  evidence TEXT NOT NULL);
CREATE INDEX story_members_story ON story_members(story, position);
)sql"},
};

// A prepared statement, finalized on scope exit. Bind and column indexes are
// 1-based and 0-based, as in SQLite.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool prepared() const { return rc_ == SQLITE_OK; }
  Stmt& bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, const std::optional<double>& v) {
    if (v) return bind(i, *v);
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(s_); }
  // Steps a statement that returns no rows and makes it reusable.
  bool run() {
    int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    return rc == SQLITE_DONE;
  }
  std::string text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, col))) : std::string();
  }
  int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
  double real(int col) const { return sqlite3_column_double(s_, col); }
  std::optional<double> optional_real(int col) const {
    if (sqlite3_column_type(s_, col) == SQLITE_NULL) return std::nullopt;
    return real(col);
  }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() succeeded, so no
// early return can leave half a document behind.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {
    ok_ = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (ok_ && !committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool began() const { return ok_; }
  bool commit() {
    committed_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    return committed_;
  }

 private:
  sqlite3* db_;
  bool ok_ = false;
  bool committed_ = false;
};

bool is_hex(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// A JSON array of strings as stored (a `via` chain); malformed text gives none.
std::vector<std::string> string_list(const std::string& json) {
  std::vector<std::string> out;
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_array())
    for (const auto& v : parsed)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

FactStatus status_from_name(const std::string& name) {
  for (FactStatus s :
       {FactStatus::agreed, FactStatus::disputed, FactStatus::updated, FactStatus::single_source})
    if (name == fact_status_name(s)) return s;
  return FactStatus::single_source;
}

template <class T>
bool insert_spans(Stmt& ins, const std::string& doc, const char* layer, const Layer<T>& items) {
  for (const auto& item : items) {
    nlohmann::json payload = item.value;
    ins.bind(1, doc)
        .bind(2, std::string_view(layer))
        .bind(3, int64_t{item.span.begin})
        .bind(4, int64_t{item.span.end})
        .bind(5, payload.dump());
    if (!ins.run()) return false;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<Ledger>> Ledger::open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::error(path + ": cannot open ledger: " + msg);
  }
  std::unique_ptr<Ledger> ledger(new Ledger(db, path));
  sqlite3_busy_timeout(db, 5000);
  // In WAL mode synchronous=NORMAL cannot corrupt the ledger; a power cut may
  // lose the last committed documents, which re-ingesting restores.
  if (Status st = ledger->exec(
          "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
      !st.ok())
    return st;
  if (Status st = ledger->migrate(); !st.ok()) return st;
  return ledger;
}

Ledger::~Ledger() { sqlite3_close(db_); }

Status Ledger::error(const std::string& what) const {
  return Status::error(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status Ledger::exec(const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) == SQLITE_OK) return Status();
  std::string m = msg ? msg : sqlite3_errmsg(db_);
  sqlite3_free(msg);
  return Status::error(path_ + ": " + m);
}

Status Ledger::migrate() {
  for (const Migration& m : kMigrations) {
    Transaction tx(db_);
    if (!tx.began()) return error("cannot lock the ledger");
    Stmt version(db_, "PRAGMA user_version");
    if (!version.prepared() || version.step() != SQLITE_ROW)
      return error("cannot read schema version");
    int64_t current = version.integer(0);
    if (current > kSchemaVersion)
      return Status::error(path_ + ": ledger schema version " + std::to_string(current) +
                           " is newer than this crosscheck reads (" +
                           std::to_string(kSchemaVersion) + ")");
    if (current >= m.version) continue;
    if (Status st = exec(m.sql); !st.ok()) return st;
    Stmt record(db_, "INSERT INTO migrations(version, description) VALUES(?, ?)");
    record.bind(1, int64_t{m.version}).bind(2, std::string_view(m.description));
    if (!record.run()) return error("cannot record migration");
    std::string set = "PRAGMA user_version = " + std::to_string(m.version);
    if (Status st = exec(set.c_str()); !st.ok()) return st;
    if (!tx.commit()) return error("cannot commit migration");
  }
  return Status();
}

Result<bool> Ledger::add_document(const Document& doc) {
  Transaction tx(db_);
  if (!tx.began()) return error("cannot lock the ledger");
  Stmt exists(db_, "SELECT 1 FROM documents WHERE id = ?");
  exists.bind(1, doc.id);
  int rc = exists.step();
  if (rc == SQLITE_ROW) return false;
  if (rc != SQLITE_DONE) return error("cannot look up document");

  Stmt ins(db_,
           "INSERT INTO documents(id, path, source, url, title, language, published, "
           "published_precision, encoding, replaced_bytes, text, offsets, layers, "
           "published_estimate, published_confidence) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  ins.bind(1, doc.id)
      .bind(2, doc.path)
      .bind(3, doc.source)
      .bind(4, doc.url)
      .bind(5, doc.title)
      .bind(6, doc.language)
      .bind(7, doc.published.known() ? doc.published.iso() : "")
      .bind(8, std::string_view(precision_name(doc.published.precision)))
      .bind(9, doc.encoding)
      .bind(10, static_cast<int64_t>(doc.replaced_bytes))
      .bind(11, doc.text)
      .bind(12, encode_offsets(doc.offsets).dump())
      .bind(13, encode_layers(doc).dump())
      .bind(14, doc.published_estimate.known() ? doc.published_estimate.iso() : "")
      .bind(15, doc.published_confidence);
  if (!ins.run()) return error("cannot store document " + doc.id);

  // The spans table is a query index over the layers; tokens stay only in
  // documents.layers (they are most of the volume and rarely queried).
  Stmt span(db_, "INSERT INTO spans(doc, layer, start, \"end\", payload) VALUES(?,?,?,?,?)");
  if (!insert_spans(span, doc.id, "sentences", doc.sentences) ||
      !insert_spans(span, doc.id, "times", doc.times) ||
      !insert_spans(span, doc.id, "quantities", doc.quantities) ||
      !insert_spans(span, doc.id, "entities", doc.entities) ||
      !insert_spans(span, doc.id, "attributions", doc.attributions) ||
      !insert_spans(span, doc.id, "modalities", doc.modalities))
    return error("cannot store spans of " + doc.id);

  Stmt ent(db_,
           "INSERT INTO entities(doc, start, \"end\", type, canonical, text) VALUES(?,?,?,?,?,?)");
  for (const auto& e : doc.entities) {
    ent.bind(1, doc.id)
        .bind(2, int64_t{e.span.begin})
        .bind(3, int64_t{e.span.end})
        .bind(4, std::string_view(entity_type_name(e.value.type)))
        .bind(5, e.value.canonical)
        .bind(6, doc[e.span]);
    if (!ent.run()) return error("cannot store entities of " + doc.id);
  }

  Stmt rem(db_,
           "INSERT INTO removed(doc, position, input_start, input_end, text, rule, reason) "
           "VALUES(?,?,?,?,?,?,?)");
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    const RemovedText& r = doc.removed[i];
    rem.bind(1, doc.id)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, static_cast<int64_t>(r.original_begin))
        .bind(4, static_cast<int64_t>(r.original_end))
        .bind(5, r.text)
        .bind(6, r.rule)
        .bind(7, r.reason);
    if (!rem.run()) return error("cannot store removed lines of " + doc.id);
  }
  if (!tx.commit()) return error("cannot commit document " + doc.id);
  return true;
}

Result<Document> Ledger::load(const std::string& id) {
  Stmt q(db_,
         "SELECT id, path, source, url, title, language, published, encoding, replaced_bytes, "
         "text, offsets, layers, published_estimate, published_confidence FROM documents "
         "WHERE id = ?");
  q.bind(1, id);
  int rc = q.step();
  if (rc == SQLITE_DONE) return Status::error(path_ + ": no document " + id);
  if (rc != SQLITE_ROW) return error("cannot read document " + id);
  Document doc;
  doc.id = q.text(0);
  doc.path = q.text(1);
  doc.source = q.text(2);
  doc.url = q.text(3);
  doc.title = q.text(4);
  doc.language = q.text(5);
  for (auto [col, date] : {std::pair{6, &doc.published}, std::pair{12, &doc.published_estimate}}) {
    std::string iso = q.text(col);
    if (iso.empty()) continue;
    auto parsed = PartialDate::parse(iso);
    if (!parsed) return Status::error(path_ + ": document " + id + ": bad date \"" + iso + "\"");
    *date = *parsed;
  }
  doc.published_confidence = q.real(13);
  doc.encoding = q.text(7);
  doc.replaced_bytes = static_cast<size_t>(q.integer(8));
  doc.text = q.text(9);
  auto offsets = nlohmann::json::parse(q.text(10), nullptr, false);
  auto layers = nlohmann::json::parse(q.text(11), nullptr, false);
  if (offsets.is_discarded() || layers.is_discarded())
    return Status::error(path_ + ": document " + id + ": damaged JSON");
  if (Status st = decode_offsets(offsets, doc.offsets); !st.ok())
    return Status::error(path_ + ": document " + id + ": " + st.message());
  if (Status st = decode_layers(layers, doc); !st.ok())
    return Status::error(path_ + ": document " + id + ": " + st.message());

  Stmt rem(db_,
           "SELECT input_start, input_end, text, rule, reason FROM removed WHERE doc = ? "
           "ORDER BY position");
  rem.bind(1, id);
  while ((rc = rem.step()) == SQLITE_ROW)
    doc.removed.push_back({static_cast<uint64_t>(rem.integer(0)),
                           static_cast<uint64_t>(rem.integer(1)), rem.text(2), rem.text(3),
                           rem.text(4)});
  if (rc != SQLITE_DONE) return error("cannot read removed lines of " + id);
  return doc;
}

Result<std::vector<std::string>> Ledger::document_ids() {
  std::vector<std::string> ids;
  Stmt q(db_, "SELECT id FROM documents ORDER BY rowid");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) ids.push_back(q.text(0));
  if (rc != SQLITE_DONE) return error("cannot list documents");
  return ids;
}

Result<std::vector<Document>> Ledger::documents() {
  auto listed = document_ids();
  if (!listed.ok()) return listed.status();
  const std::vector<std::string>& ids = *listed;
  std::vector<Document> docs;
  docs.reserve(ids.size());
  for (const auto& id : ids) {
    auto doc = load(id);
    if (!doc.ok()) return doc.status();
    docs.push_back(std::move(doc.value()));
  }
  return docs;
}

Result<Document> Ledger::document(const std::string& key) {
  // Exact id, then a unique id prefix, then the most recently added document
  // read from that path.
  Stmt exact(db_, "SELECT id FROM documents WHERE id = ?");
  exact.bind(1, key);
  if (exact.step() == SQLITE_ROW) return load(exact.text(0));
  if (key.size() >= 4 && is_hex(key)) {
    Stmt prefix(db_, "SELECT id FROM documents WHERE substr(id, 1, ?) = ? LIMIT 2");
    prefix.bind(1, static_cast<int64_t>(key.size())).bind(2, key);
    std::vector<std::string> found;
    while (prefix.step() == SQLITE_ROW) found.push_back(prefix.text(0));
    if (found.size() == 1) return load(found[0]);
    if (found.size() > 1)
      return Status::error(path_ + ": id prefix " + key +
                           " matches several documents; give more digits");
  }
  Stmt by_path(db_, "SELECT id FROM documents WHERE path = ? ORDER BY rowid DESC LIMIT 1");
  by_path.bind(1, key);
  if (by_path.step() == SQLITE_ROW) return load(by_path.text(0));
  return Status::error(path_ + ": no document with id, id prefix or path \"" + key + "\"");
}

Status Ledger::save_brief(const Brief& brief) {
  Transaction tx(db_);
  if (!tx.began()) return error("cannot lock the ledger");
  if (Status st = exec("DELETE FROM fact_reports; DELETE FROM facts; DELETE FROM event_reports; "
                       "DELETE FROM events;");
      !st.ok())
    return st;
  Stmt fact(db_,
            "INSERT INTO facts(id, position, what, counted_class, unit, status, note, "
            "primary_sources) VALUES(?,?,?,?,?,?,?,?)");
  Stmt rep(db_,
           "INSERT INTO fact_reports(fact, position, doc, as_written, value, low, high, approx, "
           "hedge, attributed_to, via, modality, time, is_delta, sentence_start, sentence_end, "
           "span_start, span_end, input_start, input_end, sentence_text) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (size_t i = 0; i < brief.facts.size(); ++i) {
    const Fact& f = brief.facts[i];
    fact.bind(1, f.id)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, f.what)
        .bind(4, f.counted_class)
        .bind(5, f.unit)
        .bind(6, std::string_view(fact_status_name(f.status)))
        .bind(7, f.note)
        .bind(8, int64_t{f.primary_sources});
    if (!fact.run()) return error("cannot store fact " + f.id);
    for (size_t k = 0; k < f.reports.size(); ++k) {
      const FactReport& r = f.reports[k];
      const Evidence& e = r.evidence;
      rep.bind(1, f.id)
          .bind(2, static_cast<int64_t>(k))
          .bind(3, r.doc_id)
          .bind(4, r.as_written)
          .bind(5, r.value)
          .bind(6, r.low)
          .bind(7, r.high)
          .bind(8, int64_t{r.approx})
          .bind(9, r.hedge)
          .bind(10, r.attributed_to)
          .bind(11, nlohmann::json(r.via).dump())
          .bind(12, r.modality)
          .bind(13, r.time)
          .bind(14, int64_t{r.is_delta})
          .bind(15, int64_t{e.sentence.begin})
          .bind(16, int64_t{e.sentence.end})
          .bind(17, int64_t{e.span.begin})
          .bind(18, int64_t{e.span.end})
          .bind(19, static_cast<int64_t>(e.input_begin))
          .bind(20, static_cast<int64_t>(e.input_end))
          .bind(21, r.sentence_text);
      if (!rep.run()) return error("cannot store a report of fact " + f.id);
    }
  }
  if (Status st = save_events(brief.events); !st.ok()) return st;
  if (!tx.commit()) return error("cannot commit facts");
  return Status();
}

Status Ledger::save_events(const std::vector<Event>& events) {
  Stmt event(db_,
             "INSERT INTO events(id, position, what, predicate, actor, time, precision, planned) "
             "VALUES(?,?,?,?,?,?,?,?)");
  Stmt rep(db_,
           "INSERT INTO event_reports(event, position, doc, attributed_to, via, modality, time, "
           "time_as_written, copy_of, sentence_start, sentence_end, span_start, span_end, "
           "input_start, input_end, quote, sentence_text) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& ev = events[i];
    event.bind(1, ev.id)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, ev.what)
        .bind(4, ev.predicate)
        .bind(5, ev.actor)
        .bind(6, ev.time)
        .bind(7, ev.precision)
        .bind(8, int64_t{ev.planned});
    if (!event.run()) return error("cannot store event " + ev.id);
    for (size_t k = 0; k < ev.reports.size(); ++k) {
      const EventReport& r = ev.reports[k];
      const Evidence& e = r.evidence;
      rep.bind(1, ev.id)
          .bind(2, static_cast<int64_t>(k))
          .bind(3, r.doc_id)
          .bind(4, r.attributed_to)
          .bind(5, nlohmann::json(r.via).dump())
          .bind(6, r.modality)
          .bind(7, r.time)
          .bind(8, r.time_as_written)
          .bind(9, r.copy_of)
          .bind(10, int64_t{e.sentence.begin})
          .bind(11, int64_t{e.sentence.end})
          .bind(12, int64_t{e.span.begin})
          .bind(13, int64_t{e.span.end})
          .bind(14, static_cast<int64_t>(e.input_begin))
          .bind(15, static_cast<int64_t>(e.input_end))
          .bind(16, e.quote)
          .bind(17, r.sentence_text);
      if (!rep.run()) return error("cannot store a report of event " + ev.id);
    }
  }
  return Status();
}

Result<std::vector<Event>> Ledger::events() {
  std::vector<Event> events;
  std::unordered_map<std::string, size_t> index;
  Stmt q(db_,
         "SELECT id, what, predicate, actor, time, precision, planned FROM events ORDER BY position");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    Event ev;
    ev.id = q.text(0);
    ev.what = q.text(1);
    ev.predicate = q.text(2);
    ev.actor = q.text(3);
    ev.time = q.text(4);
    ev.precision = q.text(5);
    ev.planned = q.integer(6) != 0;
    index.emplace(ev.id, events.size());
    events.push_back(std::move(ev));
  }
  if (rc != SQLITE_DONE) return error("cannot read events");
  Stmt r(db_,
         "SELECT event, doc, attributed_to, via, modality, time, time_as_written, copy_of, "
         "sentence_start, sentence_end, span_start, span_end, input_start, input_end, quote, "
         "sentence_text FROM event_reports ORDER BY event, position");
  while ((rc = r.step()) == SQLITE_ROW) {
    auto it = index.find(r.text(0));
    if (it == index.end()) continue;
    EventReport rep;
    rep.doc_id = r.text(1);
    rep.attributed_to = r.text(2);
    rep.via = string_list(r.text(3));
    rep.modality = r.text(4);
    rep.time = r.text(5);
    rep.time_as_written = r.text(6);
    rep.copy_of = r.text(7);
    auto u32 = [&](int col) { return static_cast<uint32_t>(r.integer(col)); };
    rep.evidence.doc_id = rep.doc_id;
    rep.evidence.sentence = {u32(8), u32(9)};
    rep.evidence.span = {u32(10), u32(11)};
    rep.evidence.input_begin = static_cast<uint64_t>(r.integer(12));
    rep.evidence.input_end = static_cast<uint64_t>(r.integer(13));
    rep.evidence.quote = r.text(14);
    rep.sentence_text = r.text(15);
    events[it->second].reports.push_back(std::move(rep));
  }
  if (rc != SQLITE_DONE) return error("cannot read event reports");
  return events;
}

Result<std::vector<Fact>> Ledger::facts() {
  std::vector<Fact> facts;
  std::unordered_map<std::string, size_t> index;
  Stmt q(db_,
         "SELECT id, what, counted_class, unit, status, note, primary_sources FROM facts "
         "ORDER BY position");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    Fact f;
    f.id = q.text(0);
    f.what = q.text(1);
    f.counted_class = q.text(2);
    f.unit = q.text(3);
    f.status = status_from_name(q.text(4));
    f.note = q.text(5);
    f.primary_sources = static_cast<int>(q.integer(6));
    index.emplace(f.id, facts.size());
    facts.push_back(std::move(f));
  }
  if (rc != SQLITE_DONE) return error("cannot read facts");
  Stmt r(db_,
         "SELECT fact, doc, as_written, value, low, high, approx, hedge, attributed_to, via, "
         "modality, time, is_delta, sentence_start, sentence_end, span_start, span_end, "
         "input_start, input_end, sentence_text FROM fact_reports ORDER BY fact, position");
  while ((rc = r.step()) == SQLITE_ROW) {
    auto it = index.find(r.text(0));
    if (it == index.end()) continue;
    FactReport rep;
    rep.doc_id = r.text(1);
    rep.as_written = r.text(2);
    rep.value = r.real(3);
    rep.low = r.optional_real(4);
    rep.high = r.optional_real(5);
    rep.approx = r.integer(6) != 0;
    rep.hedge = r.text(7);
    rep.attributed_to = r.text(8);
    rep.via = string_list(r.text(9));
    rep.modality = r.text(10);
    rep.time = r.text(11);
    rep.is_delta = r.integer(12) != 0;
    auto u32 = [&](int col) { return static_cast<uint32_t>(r.integer(col)); };
    rep.evidence.doc_id = rep.doc_id;
    rep.evidence.sentence = {u32(13), u32(14)};
    rep.evidence.span = {u32(15), u32(16)};
    rep.evidence.input_begin = static_cast<uint64_t>(r.integer(17));
    rep.evidence.input_end = static_cast<uint64_t>(r.integer(18));
    rep.evidence.quote = rep.as_written;  // a figure's evidence span is the figure as written
    rep.sentence_text = r.text(19);
    facts[it->second].reports.push_back(std::move(rep));
  }
  if (rc != SQLITE_DONE) return error("cannot read fact reports");
  return facts;
}

Status Ledger::save_stories(const StoryResult& r, const std::vector<int>& batch) {
  auto ids = document_ids();
  if (!ids.ok()) return ids.status();
  if (batch.size() != ids->size())
    return Status::error(path_ + ": stories for " + std::to_string(batch.size()) +
                         " documents, but " + std::to_string(ids->size()) + " are stored");
  static const std::string kEmpty;
  std::vector<const CopyLink*> link_of(ids->size(), nullptr);
  for (const CopyLink& c : r.copies)
    if (c.doc_index < link_of.size()) link_of[c.doc_index] = &c;
  Transaction tx(db_);
  if (!tx.began()) return error("cannot lock the ledger");
  if (Status st = exec("DELETE FROM story_members; DELETE FROM stories;"); !st.ok()) return st;
  Stmt story(db_, "INSERT INTO stories(id, position, title, first, last) VALUES(?,?,?,?,?)");
  Stmt member(db_,
              "INSERT INTO story_members(doc, story, position, batch, copy_of, similarity, "
              "evidence) VALUES(?,?,?,?,?,?,?)");
  for (size_t i = 0; i < r.stories.size(); ++i) {
    const Story& s = r.stories[i];
    story.bind(1, s.id)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, s.title)
        .bind(4, s.first.known() ? s.first.iso() : "")
        .bind(5, s.last.known() ? s.last.iso() : "");
    if (!story.run()) return error("cannot store story " + s.id);
    for (size_t k = 0; k < s.doc_indexes.size(); ++k) {
      size_t d = s.doc_indexes[k];
      if (d >= ids->size()) return Status::error(path_ + ": story " + s.id + " names a document not stored");
      const CopyLink* c = link_of[d];
      member.bind(1, (*ids)[d])
          .bind(2, s.id)
          .bind(3, static_cast<int64_t>(k))
          .bind(4, int64_t{batch[d]})
          .bind(5, c ? c->copy_of : kEmpty)  // a null view would bind NULL
          .bind(6, c ? c->similarity : 0.0)
          .bind(7, c ? c->evidence : kEmpty);
      if (!member.run()) return error("cannot store the stories of document " + (*ids)[d]);
    }
  }
  if (!tx.commit()) return error("cannot commit stories");
  return Status();
}

Result<Ledger::Stories> Ledger::stories() {
  auto ids = document_ids();
  if (!ids.ok()) return ids.status();
  std::unordered_map<std::string, size_t> position;
  for (size_t i = 0; i < ids->size(); ++i) position.emplace((*ids)[i], i);
  Stories out;
  out.batch.assign(ids->size(), -1);
  std::unordered_map<std::string, size_t> slot;
  Stmt q(db_, "SELECT id, title, first, last FROM stories ORDER BY position");
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    Story s;
    s.id = q.text(0);
    s.title = q.text(1);
    if (auto d = PartialDate::parse(q.text(2))) s.first = *d;
    if (auto d = PartialDate::parse(q.text(3))) s.last = *d;
    slot.emplace(s.id, out.result.stories.size());
    out.result.stories.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return error("cannot read stories");
  Stmt m(db_,
         "SELECT doc, story, batch, copy_of, similarity, evidence FROM story_members "
         "ORDER BY story, position");
  while ((rc = m.step()) == SQLITE_ROW) {
    auto d = position.find(m.text(0));
    auto s = slot.find(m.text(1));
    if (d == position.end() || s == slot.end()) continue;
    Story& story = out.result.stories[s->second];
    story.doc_ids.push_back(d->first);
    story.doc_indexes.push_back(d->second);
    out.batch[d->second] = static_cast<int>(m.integer(2));
    std::string copy_of = m.text(3);
    auto o = position.find(copy_of);
    if (copy_of.empty() || o == position.end()) continue;
    CopyLink c;
    c.doc_id = d->first;
    c.copy_of = copy_of;
    c.similarity = m.real(4);
    c.evidence = m.text(5);
    c.doc_index = d->second;
    c.copy_of_index = o->second;
    out.result.copies.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE) return error("cannot read story members");
  std::sort(out.result.copies.begin(), out.result.copies.end(),
            [](const CopyLink& a, const CopyLink& b) { return a.doc_index < b.doc_index; });
  return out;
}

}  // namespace cc
