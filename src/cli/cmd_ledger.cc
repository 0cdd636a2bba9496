#include <iostream>

#include "cli/commands.h"
#include "store/store.h"

namespace cc::cli {

void add_ledger_commands(CLI::App& app) {
  static std::string db = "crosscheck.db";
  auto* ingest = app.add_subcommand("ingest", "annotate inputs and add them to the ledger");
  static InputArgs args;
  add_input_options(ingest, args);
  ingest->add_option("--db", db, "ledger file")->capture_default_str();
  ingest->callback([] {
    size_t failed = 0;
    auto docs = load_and_annotate(args, &failed);
    auto ledger = Ledger::open(db);
    if (!ledger.ok()) {
      std::cerr << "crosscheck: " << ledger.status().message() << "\n";
      throw CLI::RuntimeError(2);
    }
    for (const auto& d : docs) {
      auto added = (*ledger)->add_document(d);
      if (!added.ok()) {
        ++failed;
        std::cerr << "crosscheck: " << d.path << ": " << added.status().message() << "\n";
      }
    }
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace cc::cli
