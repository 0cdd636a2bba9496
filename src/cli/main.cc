// crosscheck: a sourced fact ledger from many news reports about one story.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"crosscheck: cross-check news reports into a sourced fact ledger", "crosscheck"};
  app.set_version_flag("--version", "crosscheck 0.1.0");
  app.require_subcommand(1);
  cc::cli::add_annotate(app);
  cc::cli::add_extract(app);
  cc::cli::add_brief(app);
  cc::cli::add_ledger_commands(app);
  cc::cli::add_stories(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // the command already said what went wrong
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}
