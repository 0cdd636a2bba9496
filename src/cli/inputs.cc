#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/commands.h"

namespace cc::cli {

namespace {

// Runs work(i) for i in [0, n) on every core. When progress is shown the
// calling thread draws it instead of working.
void parallel_for(size_t n, const char* what, const std::function<void(size_t)>& work) {
  if (n == 0) return;
  std::atomic<size_t> next{0}, done{0};
  std::mutex mu;
  std::condition_variable finished;
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      work(i);
      if (++done == n) {
        std::lock_guard<std::mutex> lock(mu);
        finished.notify_all();
      }
    }
  };
  bool progress = Progress::enabled() && n > 1;
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  size_t threads_wanted = std::min(n, progress ? cores : cores - 1);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < threads_wanted; ++t) threads.emplace_back(worker);
  if (progress) {
    Progress shown(what, n);
    std::unique_lock<std::mutex> lock(mu);
    while (!finished.wait_for(lock, std::chrono::milliseconds(250), [&] { return done == n; }))
      shown.update(done);
  } else {
    worker();
  }
  for (auto& t : threads) t.join();
}

void report(const InputError& e) {
  std::cerr << "crosscheck: " << e.path << ": " << (e.fatal ? "" : "warning: ") << e.message
            << "\n";
}

}  // namespace

Progress::Progress(const char* what, size_t total)
    : what_(what), total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() {
  if (shown_) std::fprintf(stderr, "\r\033[K");
}

bool Progress::enabled() { return isatty(STDERR_FILENO); }

void Progress::update(size_t done) {
  auto now = std::chrono::steady_clock::now();
  if (!enabled() || now - start_ < std::chrono::seconds(1) ||
      (shown_ && now - last_ < std::chrono::milliseconds(250)))
    return;
  std::fprintf(stderr, "\rcrosscheck: %s %zu/%zu", what_, done, total_);
  last_ = now;
  shown_ = true;
}

void add_input_options(CLI::App* cmd, InputArgs& args, bool paths_required) {
  auto* paths = cmd->add_option("paths", args.paths, "files, directories or - for stdin");
  if (paths_required) paths->required();
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
  auto ingester = Ingester::create(options);
  if (!ingester.ok()) {
    std::cerr << "crosscheck: " << ingester.status().message() << "\n";
    throw CLI::RuntimeError(2);
  }
  auto pipeline =
      Pipeline::load(Resources{args.data_dir.empty() ? default_data_dir() : args.data_dir});
  if (!pipeline.ok()) {
    std::cerr << "crosscheck: " << pipeline.status().message() << "\n";
    throw CLI::RuntimeError(2);
  }
  *failed = 0;
  auto count = [&](InputError&& e) {
    report(e);
    if (e.fatal) ++*failed;
  };
  std::vector<std::string> files = ingester->expand(args.paths, count);

  // Files are read in parallel, each into its own slot, so documents and
  // messages come out in input order whatever the timing.
  struct Slot {
    std::vector<Document> docs;
    std::vector<InputError> errors;
  };
  std::vector<Slot> slots(files.size());
  parallel_for(files.size(), "reading", [&](size_t i) {
    Slot& s = slots[i];
    ingester->read(
        files[i], [&](Document&& d) { s.docs.push_back(std::move(d)); },
        [&](InputError&& e) { s.errors.push_back(std::move(e)); });
  });
  std::vector<Document> docs;
  for (auto& s : slots) {
    for (auto& e : s.errors) count(std::move(e));
    for (auto& d : s.docs) docs.push_back(std::move(d));
  }
  slots.clear();

  // Per-document stages are pure, so documents are annotated in parallel.
  parallel_for(docs.size(), "annotating", [&](size_t i) { pipeline->run(docs[i]); });
  return docs;
}

void print(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::cerr << "crosscheck: cannot write output\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace cc::cli
