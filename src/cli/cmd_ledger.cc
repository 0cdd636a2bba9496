// Ledger commands: ingest (annotate inputs into the ledger and refresh its
// facts), facts (print the stored facts), show (print one stored document).
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "claims/claims.h"
#include "cli/commands.h"
#include "report/report.h"
#include "story/story.h"
#include "store/store.h"

namespace cc::cli {

namespace {

std::string db = "crosscheck.db";

void fail(const Status& st, int code) {
  std::cerr << "crosscheck: " << st.message() << "\n";
  throw CLI::RuntimeError(code);
}

// Opens the ledger; reading commands refuse to create an empty one.
std::unique_ptr<Ledger> open_ledger(bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(db, ec))
    fail(Status::error(db + ": no ledger here; run crosscheck ingest first"), 2);
  auto ledger = Ledger::open(db);
  if (!ledger.ok()) fail(ledger.status(), 2);
  return std::move(ledger.value());
}

std::string describe(const FactReport& r) {
  std::string s = r.as_written + "  (doc " + r.doc_id.substr(0, 8);
  if (!r.attributed_to.empty()) s += ", according to " + r.attributed_to;
  for (const auto& v : r.via) s += " via " + v;
  if (!r.modality.empty() && r.modality != "asserted") s += ", " + r.modality;
  s += ")";
  return s;
}

}  // namespace

void add_ledger_commands(CLI::App& app) {
  auto* ingest =
      app.add_subcommand("ingest", "annotate inputs, add them to the ledger and refresh its facts");
  static InputArgs args;
  add_input_options(ingest, args);
  ingest->add_option("--db", db, "ledger file")->capture_default_str();
  ingest->callback([] {
    size_t failed = 0;
    auto docs = load_and_annotate(args, &failed);
    auto ledger = open_ledger(true);
    size_t added = 0, present = 0;
    {
      Progress progress("storing", docs.size());
      for (size_t i = 0; i < docs.size(); ++i) {
        const Document& d = docs[i];
        progress.update(i);
        auto result = ledger->add_document(d);
        if (!result.ok()) {
          ++failed;
          std::cerr << "crosscheck: " << d.path << ": " << result.status().message() << "\n";
        } else {
          ++(*result ? added : present);
        }
      }
    }  // clears the progress line before the summary
    std::string changes;
    if (added > 0) {
      // Facts are cross-document, so they are rebuilt from every stored
      // report, and what the new reports changed is told against the old.
      Brief before;
      auto old_facts = ledger->facts();
      auto old_events = ledger->events();
      if (!old_facts.ok()) fail(old_facts.status(), 2);
      if (!old_events.ok()) fail(old_events.status(), 2);
      before.facts = std::move(*old_facts);
      before.events = std::move(*old_events);
      auto all = ledger->documents();
      if (!all.ok()) fail(all.status(), 2);
      Brief after = build_brief(*all, cluster_stories(*all).copies);
      if (Status st = ledger->save_brief(after); !st.ok()) fail(st, 2);
      for (const auto& c : compare_briefs(before, after)) changes += c.kind + ": " + c.text + "\n";
    }
    print("ingested " + std::to_string(added) + " new, " + std::to_string(present) +
          " already in " + db + ", " + std::to_string(failed) + " failed\n" + changes);
    if (failed) throw CLI::RuntimeError(1);
  });

  auto* facts = app.add_subcommand("facts", "print the facts stored in the ledger");
  static std::string format = "text";
  facts->add_option("--db", db, "ledger file")->capture_default_str();
  facts->add_option("--format", format, "text or json (the facts[] of docs/brief-json.md)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  facts->callback([] {
    auto ledger = open_ledger(false);
    auto stored = ledger->facts();
    if (!stored.ok()) fail(stored.status(), 2);
    if (format == "json") {
      Brief brief;
      brief.facts = std::move(stored.value());
      print(brief_to_json(brief)["facts"].dump(2) + "\n");
      return;
    }
    std::string out;
    for (const Fact& f : *stored) {
      out += f.id + "  " + fact_status_name(f.status) + "  " + f.what;
      if (!f.unit.empty()) out += " [" + f.unit + "]";
      out += "\n";
      if (!f.note.empty()) out += "    note: " + f.note + "\n";
      for (const auto& r : f.reports) out += "    " + describe(r) + "\n";
    }
    if (stored->empty()) out = "no facts stored in " + db + "\n";
    print(out);
  });

  auto* show = app.add_subcommand(
      "show", "print a stored document with every layer (schema: docs/annotate.md)");
  static std::string key;
  show->add_option("DOC", key, "document id, id prefix or input path")->required();
  show->add_option("--db", db, "ledger file")->capture_default_str();
  show->callback([] {
    auto ledger = open_ledger(false);
    auto doc = ledger->document(key);
    if (!doc.ok()) fail(doc.status(), 1);
    print(to_json(*doc).dump(2) + "\n");
  });
}

}  // namespace cc::cli
