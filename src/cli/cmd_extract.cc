// crosscheck extract: shows what the web extractor reads out of saved pages,
// WARC archives and feeds (body and metadata), for inspection.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "ingest/web/web.h"

namespace cc::cli {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> expand(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it); it.increment(ec))
      if (it->is_regular_file()) files.push_back(it->path().string());
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

std::string as_text(const Document& d) {
  std::string s = "== " + d.path + "\n";
  s += "title: " + d.title + "\n";
  s += "url: " + d.url + "\n";
  s += "site: " + d.source + "\n";
  s += "published: " + (d.published.known() ? d.published.iso() + " (" + precision_name(d.published.precision) + ")" : std::string("unknown")) + "\n";
  s += "language: " + d.language + "\n";
  s += "encoding: " + d.encoding + "\n\n";
  return s + d.text + "\n\n";
}

nlohmann::json as_json(const Document& d) {
  return {{"path", d.path},
          {"title", d.title},
          {"url", d.url},
          {"site", d.source},
          {"published", d.published.known() ? d.published.iso() : ""},
          {"published_precision", precision_name(d.published.precision)},
          {"language", d.language},
          {"encoding", d.encoding},
          {"text", d.text}};
}

}  // namespace

void add_extract(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "extract", "print the article body and metadata read from web pages, WARC archives and feeds");
  static std::vector<std::string> paths;
  static std::string format = "text";
  cmd->add_option("inputs", paths, ".html, .html.gz, .warc, .warc.gz, RSS/Atom feeds, or folders")
      ->required();
  cmd->add_option("--format", format, "text or json (one document a line)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([] {
    size_t failed = 0;
    for (const auto& path : expand(paths)) {
      std::ifstream in(path, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in && !in.eof()) {
        std::cerr << path << ": cannot read\n";
        ++failed;
        continue;
      }
      if (!is_web_input(path, std::string_view(bytes).substr(0, 4096))) {
        std::cerr << path << ": not a web page, WARC archive or feed\n";
        ++failed;
        continue;
      }
      web::ContainerStats stats;
      read_web_input(
          bytes, path,
          [](Document&& d) { print(format == "json" ? as_json(d).dump() + "\n" : as_text(d)); },
          [&](InputError&& e) {
            std::cerr << e.path << ": " << e.message << "\n";
            failed += e.fatal;
          },
          &stats);
      if (stats.records > 1 || stats.skipped_non_html)
        std::cerr << path << ": " << stats.records << " records, " << stats.pages << " pages, "
                  << stats.skipped_non_html << " non-HTML records skipped\n";
    }
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace cc::cli
