// crosscheck brief PATHS... [--story ID]: a sourced brief of each story among
// the inputs (or of the one asked for). Copies count once and are shown as
// "copy of" their original.
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <unordered_set>

#include "claims/claims.h"
#include "cli/commands.h"
#include "report/report.h"
#include "story/story.h"

namespace cc::cli {

namespace {

// The reports of a story for its brief. Identical texts share a document id
// (a content hash) and the brief tells reports apart by id, so an identical
// reprint is left out: it is one voice with its original either way, and
// `crosscheck story` lists it.
std::vector<Document> members_of(const std::vector<size_t>& indexes,
                                 const std::vector<Document>& docs) {
  std::vector<Document> members;
  std::unordered_set<std::string> seen;
  for (size_t i : indexes)
    if (seen.insert(docs[i].id).second) members.push_back(docs[i]);
  return members;
}

}  // namespace

void add_brief(CLI::App& app) {
  auto* cmd = app.add_subcommand("brief", "cross-check the inputs and print a sourced brief of each story");
  static InputArgs args;
  static std::string format = "markdown", story_id;
  add_input_options(cmd, args);
  cmd->add_option("--format", format, "markdown, json or html")
      ->check(CLI::IsMember({"markdown", "md", "json", "html"}));
  cmd->add_option("--story", story_id, "brief only this story (an id `crosscheck stories` prints)");
  cmd->callback([] {
    size_t failed = 0;
    auto docs = load_and_annotate(args, &failed);
    StoryResult r = cluster_stories(docs);
    std::vector<const Story*> chosen;
    for (const auto& s : r.stories)
      if (story_id.empty() || s.id == story_id) chosen.push_back(&s);
    if (!story_id.empty() && chosen.empty()) {
      std::cerr << "crosscheck: no story " << story_id
                << " among these inputs (see `crosscheck stories`)\n";
      throw CLI::RuntimeError(2);
    }
    if (format == "html" && chosen.size() > 1) {
      std::cerr << "crosscheck: the inputs hold " << chosen.size()
                << " stories; an HTML brief is of one, so pick it with --story:\n";
      for (const Story* s : chosen) std::cerr << "  " << s->id << "  " << s->title << "\n";
      throw CLI::RuntimeError(2);
    }
    auto original = originals(r, docs.size());
    // One story (all inputs, or the one asked for): the brief alone, as before
    // stories existed. Several: one brief per story, largest first.
    if (chosen.size() <= 1) {
      std::vector<size_t> all(docs.size());
      std::iota(all.begin(), all.end(), size_t{0});
      std::vector<Document> members = members_of(chosen.empty() ? all : chosen[0]->doc_indexes, docs);
      Brief brief = build_brief(members, r.copies);
      if (brief.title.empty() && !chosen.empty()) brief.title = chosen[0]->title;
      if (format == "json") print(brief_to_json(brief).dump(2) + "\n");
      else if (format == "html") print(render_html(brief, members));
      else print(render_markdown(brief));
      if (failed) throw CLI::RuntimeError(1);
      return;
    }
    nlohmann::json all = nlohmann::json::array();
    std::string markdown;
    for (const Story* s : chosen) {
      std::vector<Document> members = members_of(s->doc_indexes, docs);
      size_t voices = 0;
      for (size_t i : s->doc_indexes) voices += original[i] == i;
      Brief brief = build_brief(members, r.copies);
      if (brief.title.empty()) brief.title = s->title;
      std::string about = "Story " + s->id + ": " + std::to_string(s->doc_indexes.size()) +
                          " reports, " + std::to_string(voices) + " voices, " + time_span(*s);
      if (format == "json") {
        all.push_back({{"id", s->id}, {"title", s->title},
                       {"first", s->first.known() ? s->first.iso() : ""},
                       {"last", s->last.known() ? s->last.iso() : ""},
                       {"reports", s->doc_indexes.size()}, {"voices", voices},
                       {"brief", brief_to_json(brief)}});
        continue;
      }
      // The story line goes under the brief's title.
      std::string md = render_markdown(brief);
      size_t title_end = md.find("\n\n");
      if (title_end == std::string::npos) title_end = md.size();
      if (!markdown.empty()) markdown += "\n---\n\n";
      markdown += md.substr(0, title_end) + "\n\n" + about + md.substr(title_end);
    }
    if (format == "json") print(nlohmann::json{{"stories", all}}.dump(2) + "\n");
    else print(markdown);
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace cc::cli
