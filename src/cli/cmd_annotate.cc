#include <nlohmann/json.hpp>

#include "cli/commands.h"

namespace cc::cli {

void add_annotate(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "annotate", "print each document with every annotation layer (schema: docs/annotate.md)");
  static InputArgs args;
  static std::string format = "json";
  add_input_options(cmd, args);
  cmd->add_option("--format", format, "json (one document a line: jsonl)")
      ->check(CLI::IsMember({"json", "jsonl"}));
  cmd->callback([] {
    size_t failed = 0;
    auto docs = load_and_annotate(args, &failed);
    for (const auto& d : docs) print(to_json(d).dump(format == "json" ? 2 : -1) + "\n");
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace cc::cli
