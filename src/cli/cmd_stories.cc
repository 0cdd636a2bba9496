// crosscheck stories [PATHS...]: the stories among the inputs and their copies.
// crosscheck story ID [PATHS...]: one story's reports, with what each copies.
// Without PATHS both read the stories `ingest` stored in the ledger (--db).
#include <algorithm>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "story/story.h"

namespace cc::cli {

namespace {

std::string name_of(const Document& d) {
  std::string name = d.source.empty() ? d.path : d.source + " (" + d.path + ")";
  if (d.published.known()) name += ", " + d.published.iso();
  return name;
}

nlohmann::json story_json(const Story& s, const StoryResult& r, const std::vector<Document>& docs,
                          const std::vector<size_t>& original) {
  nlohmann::json j{{"id", s.id}, {"title", s.title}, {"first", s.first.known() ? s.first.iso() : ""},
                   {"last", s.last.known() ? s.last.iso() : ""}};
  std::vector<const CopyLink*> link_of(docs.size(), nullptr);
  for (const auto& c : r.copies) link_of[c.doc_index] = &c;
  size_t voices = 0;
  for (size_t i : s.doc_indexes) {
    const Document& d = docs[i];
    nlohmann::json m{{"doc_id", d.id}, {"path", d.path}, {"source", d.source},
                     {"title", d.title}, {"published", d.published.known() ? d.published.iso() : ""}};
    if (const CopyLink* c = link_of[i]) {
      m["copy_of"] = {{"doc_id", c->copy_of}, {"path", docs[c->copy_of_index].path},
                      {"similarity", c->similarity}, {"evidence", c->evidence}};
    }
    voices += original[i] == i;
    j["documents"].push_back(std::move(m));
  }
  j["reports"] = s.doc_indexes.size();
  j["voices"] = voices;
  return j;
}

// Documents and their stories: from PATHS (read, annotated and clustered
// now) or, without them, as the ledger stores them.
struct Gathered {
  std::vector<Document> docs;
  StoryResult r;
};

Gathered gather(const InputArgs& args, const std::string& db, size_t* failed) {
  Gathered g;
  *failed = 0;
  if (!args.paths.empty()) {
    g.docs = load_and_annotate(args, failed);
    g.r = cluster_stories(g.docs);
    return g;
  }
  auto ledger = open_ledger(db, false);
  auto docs = ledger->documents();
  auto stored = ledger->stories();
  for (const Status& st : {docs.status(), stored.status()}) {
    if (st.ok()) continue;
    std::cerr << "crosscheck: " << st.message() << "\n";
    throw CLI::RuntimeError(2);
  }
  g.docs = std::move(docs.value());
  bool placed = std::find(stored->batch.begin(), stored->batch.end(), -1) == stored->batch.end();
  // A ledger written before stories were stored: cluster now, store nothing.
  g.r = placed ? std::move(stored->result) : cluster_stories(g.docs);
  return g;
}

}  // namespace

void add_stories(CLI::App& app) {
  static InputArgs list_args, show_args;
  static std::string list_format = "text", show_format = "text", story_id;
  static std::string list_db = "crosscheck.db", show_db = "crosscheck.db";

  auto* list = app.add_subcommand("stories", "group the inputs (or the ledger's reports) into stories and find copies");
  add_input_options(list, list_args, false);
  list->add_option("--db", list_db, "ledger to read when no PATHS are given")->capture_default_str();
  list->add_option("--format", list_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([] {
    size_t failed = 0;
    auto [docs, r] = gather(list_args, list_db, &failed);
    auto original = originals(r, docs.size());
    if (list_format == "json") {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& s : r.stories) j.push_back(story_json(s, r, docs, original));
      print(j.dump(2) + "\n");
    } else {
      std::string out;
      for (const auto& s : r.stories) {
        size_t voices = 0;
        for (size_t i : s.doc_indexes) voices += original[i] == i;
        out += s.id + "  " + std::to_string(s.doc_indexes.size()) + " reports, " +
               std::to_string(voices) + " voices, " + time_span(s) + "  " + s.title + "\n";
      }
      out += std::to_string(r.stories.size()) + " stories, " + std::to_string(docs.size()) +
             " reports, " + std::to_string(r.copies.size()) + " copies\n";
      print(out);
    }
    if (failed) throw CLI::RuntimeError(1);
  });

  auto* show = app.add_subcommand("story", "list one story's reports and what each copies");
  show->add_option("id", story_id, "story id as `crosscheck stories` prints it")->required();
  add_input_options(show, show_args, false);
  show->add_option("--db", show_db, "ledger to read when no PATHS are given")->capture_default_str();
  show->add_option("--format", show_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  show->callback([] {
    size_t failed = 0;
    auto [docs, r] = gather(show_args, show_db, &failed);
    auto original = originals(r, docs.size());
    auto it = std::find_if(r.stories.begin(), r.stories.end(),
                           [](const Story& s) { return s.id == story_id; });
    if (it == r.stories.end()) {
      std::cerr << "crosscheck: no story " << story_id << " among these inputs (see `crosscheck stories`)\n";
      throw CLI::RuntimeError(2);
    }
    nlohmann::json j = story_json(*it, r, docs, original);
    if (show_format == "json") {
      print(j.dump(2) + "\n");
    } else {
      std::string out = it->id + "  " + it->title + "\n" + time_span(*it) + ", " +
                        std::to_string(it->doc_indexes.size()) + " reports, " +
                        j["voices"].dump() + " voices\n";
      std::vector<const CopyLink*> link_of(docs.size(), nullptr);
      for (const auto& c : r.copies) link_of[c.doc_index] = &c;
      for (size_t i : it->doc_indexes) {
        out += "- " + name_of(docs[i]);
        if (!docs[i].title.empty()) out += ": " + docs[i].title;
        out += "\n";
        if (const CopyLink* c = link_of[i]) {
          char sim[16];
          std::snprintf(sim, sizeof sim, "%.2f", c->similarity);
          out += "  copy of " + name_of(docs[c->copy_of_index]) + " (Jaccard " + sim + "; " +
                 c->evidence + ")\n";
        }
      }
      print(out);
    }
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace cc::cli
