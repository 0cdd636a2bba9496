#include <nlohmann/json.hpp>

#include "claims/claims.h"
#include "cli/commands.h"
#include "report/report.h"
#include "story/story.h"

namespace cc::cli {

void add_brief(CLI::App& app) {
  auto* cmd = app.add_subcommand("brief", "cross-check the inputs and print a sourced brief");
  static InputArgs args;
  static std::string format = "markdown";
  add_input_options(cmd, args);
  cmd->add_option("--format", format, "markdown, json or html")
      ->check(CLI::IsMember({"markdown", "md", "json", "html"}));
  cmd->callback([] {
    size_t failed = 0;
    auto docs = load_and_annotate(args, &failed);
    Brief brief = build_brief(docs, cluster_stories(docs).copies);
    if (format == "json") print(brief_to_json(brief).dump(2) + "\n");
    else if (format == "html") print(render_html(brief, docs));
    else print(render_markdown(brief));
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace cc::cli
