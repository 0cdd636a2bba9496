// Fact-level precision/recall/F1 and status accuracy of the whole pipeline
// (ingest, nlp, story copies, claims) on the hand-written story sets in
// bench/claims/stories/<set>/ (reports, meta.jsonl, expected.json).
//
//   build/release/bench/claims/bench_claims_accuracy [--explain] [stories-dir]
//
// --explain prints, per set, the facts that did not match and the matched
// facts whose status is wrong: the list to read before changing the stage.
//
// A fact is the set of (report file, value) pairs it lines up. A predicted
// fact matches an expected one when the Jaccard overlap of those sets is at
// least 0.5 (one-to-one, best first); status accuracy is over matched facts.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "claims/claims.h"
#include "ingest/ingest.h"
#include "nlp/pipeline.h"
#include "story/story.h"

namespace fs = std::filesystem;

namespace {

using PairSet = std::set<std::pair<std::string, double>>;

// A fact as the benchmark sees it: its (report, value) pairs, status and a label.
struct Labelled {
  PairSet pairs;
  std::string status;
  std::string what;
};

std::string describe(const Labelled& f) {
  std::string out = f.what + " [" + f.status + "]";
  for (const auto& [file, value] : f.pairs) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on " " + substr.
    out += ' ';
    out.append(file, 0, 2);
    out += '=' + std::to_string(value);
  }
  return out;
}

double jaccard(const PairSet& a, const PairSet& b) {
  size_t both = 0;
  for (const auto& x : a) both += b.count(x);
  size_t either = a.size() + b.size() - both;
  return either ? static_cast<double>(both) / either : 0;
}

struct Score {
  size_t predicted = 0, expected = 0, matched = 0, status_ok = 0;
};

}  // namespace

int main(int argc, char** argv) {
  bool explain = false;
  fs::path root = CLAIMS_STORIES_DIR;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--explain")
      explain = true;
    else
      root = argv[i];
  }
  auto pipeline = cc::Pipeline::load(cc::Resources{CROSSCHECK_DATA_DIR});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "bench_claims_accuracy: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  std::vector<fs::path> sets;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory() && fs::exists(e.path() / "expected.json")) sets.push_back(e.path());
  std::sort(sets.begin(), sets.end());

  Score total;
  std::printf("%-10s %6s %6s %6s %6s %6s %6s %8s\n", "set", "pred", "gold", "match", "P", "R", "F1", "status");
  for (const auto& dir : sets) {
    cc::IngestOptions options;
    options.meta_path = (dir / "meta.jsonl").string();
    // The reports are the set's .txt files (not expected.json or meta.jsonl).
    std::vector<std::string> reports;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt") reports.push_back(e.path().string());
    std::sort(reports.begin(), reports.end());
    std::vector<cc::Document> docs;
    cc::Status st = cc::read_inputs(
        reports, options, [&](cc::Document&& d) { docs.push_back(std::move(d)); },
        [&](cc::InputError&& e) { std::fprintf(stderr, "%s: %s\n", e.path.c_str(), e.message.c_str()); });
    if (!st.ok()) {
      std::fprintf(stderr, "%s: %s\n", dir.c_str(), st.message().c_str());
      return 2;
    }
    std::map<std::string, std::string> file_of;
    for (auto& d : docs) {
      pipeline->run(d);
      file_of[d.id] = fs::path(d.path).filename().string();
    }
    cc::Brief brief = cc::build_brief(docs, cc::cluster_stories(docs).copies);

    std::ifstream in(dir / "expected.json");
    nlohmann::json expected = nlohmann::json::parse(in);
    std::vector<Labelled> gold, pred;
    for (const auto& f : expected["facts"]) {
      PairSet s;
      for (const auto& r : f["reports"]) s.insert({r["file"], r["value"].get<double>()});
      gold.push_back({s, f["status"], f["what"]});
    }
    for (const auto& f : brief.facts) {
      PairSet s;
      for (const auto& r : f.reports) s.insert({file_of[r.doc_id], r.value});
      pred.push_back({s, cc::fact_status_name(f.status), f.what + " — " + f.note});
    }
    // Best pairs first, each fact used once.
    std::vector<std::tuple<double, size_t, size_t>> pairs;
    for (size_t g = 0; g < gold.size(); ++g)
      for (size_t p = 0; p < pred.size(); ++p)
        if (double j = jaccard(gold[g].pairs, pred[p].pairs); j >= 0.5) pairs.push_back({j, g, p});
    std::sort(pairs.rbegin(), pairs.rend());
    std::set<size_t> used_g, used_p;
    Score s;
    s.predicted = pred.size();
    s.expected = gold.size();
    for (const auto& [j, g, p] : pairs) {
      if (used_g.count(g) || used_p.count(p)) continue;
      used_g.insert(g);
      used_p.insert(p);
      ++s.matched;
      bool status_ok = gold[g].status == pred[p].status;
      s.status_ok += status_ok;
      if (explain && !status_ok)
        std::printf("  status %s, expected %s: %s\n    %s\n", pred[p].status.c_str(), gold[g].status.c_str(),
                    gold[g].what.c_str(), describe(pred[p]).c_str());
    }
    if (explain) {
      for (size_t g = 0; g < gold.size(); ++g)
        if (!used_g.count(g)) std::printf("  missed: %s\n", describe(gold[g]).c_str());
      for (size_t p = 0; p < pred.size(); ++p)
        if (!used_p.count(p)) std::printf("  extra:  %s\n", describe(pred[p]).c_str());
    }
    auto print = [](const std::string& name, const Score& s) {
      double p = s.predicted ? double(s.matched) / s.predicted : 0;
      double r = s.expected ? double(s.matched) / s.expected : 0;
      double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
      double status = s.matched ? double(s.status_ok) / s.matched : 0;
      std::printf("%-10s %6zu %6zu %6zu %6.2f %6.2f %6.2f %8.2f\n", name.c_str(), s.predicted, s.expected,
                  s.matched, p, r, f1, status);
    };
    print(dir.filename().string(), s);
    total.predicted += s.predicted;
    total.expected += s.expected;
    total.matched += s.matched;
    total.status_ok += s.status_ok;
  }
  double p = total.predicted ? double(total.matched) / total.predicted : 0;
  double r = total.expected ? double(total.matched) / total.expected : 0;
  std::printf("all: P %.2f R %.2f F1 %.2f status accuracy %.2f (%zu matched of %zu expected, %zu predicted)\n", p, r,
              p + r > 0 ? 2 * p * r / (p + r) : 0, total.matched ? double(total.status_ok) / total.matched : 0,
              total.matched, total.expected, total.predicted);
  return 0;
}
