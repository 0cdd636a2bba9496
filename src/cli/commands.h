// The crosscheck command line: one file per command, each adding its
// subcommand to the app. Commands are thin: they parse flags, call the stage
// libraries and print. A command reports failure by throwing CLI::RuntimeError
// with the exit code (1: some inputs failed; 2: usage or setup error).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/document.h"
#include "ingest/ingest.h"
#include "nlp/pipeline.h"
#include "store/store.h"

namespace cc::cli {

// Flags every command that reads inputs shares.
struct InputArgs {
  std::vector<std::string> paths;
  std::string published;
  std::string source;
  std::string meta;
  std::string data_dir;
};

// PATHS are required unless the command can read the ledger instead.
void add_input_options(CLI::App* cmd, InputArgs& args, bool paths_required = true);

// Opens the ledger at `path`; reading commands (create = false) refuse to
// create an empty one. Fails the command (exit 2) with the reason.
std::unique_ptr<Ledger> open_ledger(const std::string& path, bool create);

// Reads and annotates every input, in parallel over the machine's cores.
// Errors go to stderr, one line per failed input; *failed counts them.
std::vector<Document> load_and_annotate(const InputArgs& args, size_t* failed);

// Shows "crosscheck: <what> done/total" on stderr when stderr is a terminal
// and the job has run for over a second; clears the line when destroyed.
class Progress {
 public:
  Progress(const char* what, size_t total);
  ~Progress();
  // Redraws at most every 250 ms.
  void update(size_t done);
  static bool enabled();

 private:
  const char* what_;
  size_t total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
};

// Writes to stdout; fails with exit code 2 on a write error.
void print(std::string_view text);

void add_annotate(CLI::App& app);
void add_extract(CLI::App& app);
void add_brief(CLI::App& app);
void add_ledger_commands(CLI::App& app);  // ingest, facts, show
void add_stories(CLI::App& app);          // stories, story

}  // namespace cc::cli
