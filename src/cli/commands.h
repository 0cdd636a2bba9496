// The crosscheck command line: one file per command, each adding its
// subcommand to the app. Commands are thin: they parse flags, call the stage
// libraries and print. A command reports failure by throwing CLI::RuntimeError
// with the exit code (1: some inputs failed; 2: usage or setup error).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/document.h"
#include "ingest/ingest.h"
#include "nlp/pipeline.h"

namespace cc::cli {

// Flags every command that reads inputs shares.
struct InputArgs {
  std::vector<std::string> paths;
  std::string published;
  std::string source;
  std::string meta;
  std::string data_dir;
};

void add_input_options(CLI::App* cmd, InputArgs& args);

// Reads and annotates every input, in parallel over the machine's cores.
// Errors go to stderr, one line per failed input; *failed counts them.
std::vector<Document> load_and_annotate(const InputArgs& args, size_t* failed);

// Writes to stdout; fails with exit code 2 on a write error.
void print(std::string_view text);

void add_annotate(CLI::App& app);
void add_brief(CLI::App& app);
void add_ledger_commands(CLI::App& app);  // ingest, facts, show
void add_stories(CLI::App& app);          // stories, story

}  // namespace cc::cli
