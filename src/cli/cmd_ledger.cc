// Ledger commands: ingest (annotate inputs into the ledger and refresh its
// stories and facts), facts (print the stored facts), show (print one stored
// document).
#include <algorithm>
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

// The stored documents' stories, placed again with the documents this run
// added as one more batch: the earlier batches come out as they were (see
// cluster_stories), so only the new reports find their stories.
Status refresh_stories(Ledger& ledger, const std::vector<Document>& all, StoryResult* r) {
  auto stored = ledger.stories();
  if (!stored.ok()) return stored.status();
  std::vector<int> batch = stored->batch;
  batch.resize(all.size(), -1);
  int next = 0;
  for (int b : batch) next = std::max(next, b + 1);
  for (int& b : batch)
    if (b < 0) b = next;
  *r = cluster_stories(all, StoryOptions{}, batch);
  return ledger.save_stories(*r, batch);
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

std::unique_ptr<Ledger> open_ledger(const std::string& path, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec))
    fail(Status::error(path + ": no ledger here; run crosscheck ingest first"), 2);
  auto ledger = Ledger::open(path);
  if (!ledger.ok()) fail(ledger.status(), 2);
  return std::move(ledger.value());
}

void add_ledger_commands(CLI::App& app) {
  auto* ingest =
      app.add_subcommand("ingest", "annotate inputs, add them to the ledger and refresh its facts");
  static InputArgs args;
  add_input_options(ingest, args);
  ingest->add_option("--db", db, "ledger file")->capture_default_str();
  ingest->callback([] {
    size_t failed = 0;
    auto docs = load_and_annotate(args, &failed);
    auto ledger = open_ledger(db, true);
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
    std::string summary;
    if (added > 0) {
      // Stories and facts are cross-document, so they are rebuilt from every
      // stored report (copies count once in the facts), and what the new
      // reports changed is told against the facts and events stored before.
      Brief before;
      auto old_facts = ledger->facts();
      auto old_events = ledger->events();
      if (!old_facts.ok()) fail(old_facts.status(), 2);
      if (!old_events.ok()) fail(old_events.status(), 2);
      before.facts = std::move(*old_facts);
      before.events = std::move(*old_events);
      auto all = ledger->documents();
      if (!all.ok()) fail(all.status(), 2);
      StoryResult stories;
      if (Status st = refresh_stories(*ledger, *all, &stories); !st.ok()) fail(st, 2);
      Brief after = build_brief(*all, stories.copies);
      if (Status st = ledger->save_brief(after); !st.ok()) fail(st, 2);
      summary = std::to_string(stories.stories.size()) + " stories, " +
                std::to_string(stories.copies.size()) + " copies (crosscheck stories --db " + db +
                ")\n";
      for (const auto& c : compare_briefs(before, after)) summary += c.kind + ": " + c.text + "\n";
    }
    print("ingested " + std::to_string(added) + " new, " + std::to_string(present) +
          " already in " + db + ", " + std::to_string(failed) + " failed\n" + summary);
    if (failed) throw CLI::RuntimeError(1);
  });

  auto* facts = app.add_subcommand("facts", "print the facts stored in the ledger");
  static std::string format = "text";
  facts->add_option("--db", db, "ledger file")->capture_default_str();
  facts->add_option("--format", format, "text or json (the facts[] of docs/brief-json.md)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  facts->callback([] {
    auto ledger = open_ledger(db, false);
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
    auto ledger = open_ledger(db, false);
    auto doc = ledger->document(key);
    if (!doc.ok()) fail(doc.status(), 1);
    print(to_json(*doc).dump(2) + "\n");
  });
}

}  // namespace cc::cli
