#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/commands.h"

namespace cc::cli {

void add_input_options(CLI::App* cmd, InputArgs& args) {
  cmd->add_option("paths", args.paths, "files, directories or - for stdin")->required();
  cmd->add_option("--published", args.published,
                  "publication date of every input: YYYY, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--source", args.source, "outlet name for every input");
  cmd->add_option("--meta", args.meta,
                  "JSONL manifest: {file, published, source, url, title} per line");
  cmd->add_option("--data", args.data_dir, "crosscheck data folder")
      ->default_str("$CROSSCHECK_DATA or the build's data/");
}

std::vector<Document> load_and_annotate(const InputArgs& args, size_t* failed) {
  IngestOptions options;
  options.source = args.source;
  options.meta_path = args.meta;
  if (!args.published.empty()) {
    auto date = PartialDate::parse(args.published);
    if (!date) throw CLI::ValidationError("--published", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    options.published = *date;
  }
  auto pipeline = Pipeline::load(Resources{args.data_dir.empty() ? default_data_dir() : args.data_dir});
  if (!pipeline.ok()) {
    std::cerr << "crosscheck: " << pipeline.status().message() << "\n";
    throw CLI::RuntimeError(2);
  }
  std::vector<Document> docs;
  *failed = 0;
  Status st = read_inputs(
      args.paths, options, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](InputError&& e) {
        ++*failed;
        std::cerr << "crosscheck: " << e.path << ": " << e.message << "\n";
      });
  if (!st.ok()) {
    std::cerr << "crosscheck: " << st.message() << "\n";
    throw CLI::RuntimeError(2);
  }
  // Per-document stages are pure, so documents are annotated in parallel.
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) pipeline->run(docs[i]);
  };
  size_t n = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), docs.size());
  std::vector<std::thread> threads;
  for (size_t t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return docs;
}

void print(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::cerr << "crosscheck: cannot write output\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace cc::cli
