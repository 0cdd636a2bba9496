// story_bench: accuracy and speed of the story stage. Run by bench/story/run.sh,
// which documents the numbers in bench/story/RESULTS.md.
//
//   story_bench ecb DIR [TOPICS] [--join X] [--merge Y] [--split Z] [--batches N] [--show]
//                                  story clustering on ECB+ (gold story = topic + ecb/ecbplus):
//                                  B-cubed and pairwise precision/recall/F1; TOPICS "odd",
//                                  "even" or "all" (default); --join and --merge override the
//                                  StoryOptions thresholds (tuning is done on "odd");
//                                  --batches N adds the documents in N batches with
//                                  StoryIndex::refine() after each (default: one, as
//                                  cluster_stories does); --show prints the gold stories
//                                  in each story found
//   story_bench neardup FILE       near-duplicate pairs on the synthetic set
//                                  (bench/story/make_neardup.py): recall per edit level and
//                                  false pairs among unrelated texts
//   story_bench speed N            N synthetic 5 KB documents: MinHash-128 sketches/s and
//                                  LSH insert+query docs/s on one core, peak memory
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "nlp/pipeline.h"
#include "story/story.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<const char*, char> ents[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (auto [e, c] : ents)
        if (s.substr(i).starts_with(e)) {
          out += c;
          i += std::string_view(e).size() - 1;
          done = true;
          break;
        }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

// The text of a CROMER XML file: tokens joined by spaces, one sentence a line.
std::string ecb_text(const std::string& xml) {
  std::string text;
  std::string sentence = "0";
  for (size_t at = xml.find("<token "); at != std::string::npos; at = xml.find("<token ", at)) {
    size_t close = xml.find('>', at);
    size_t end = xml.find("</token>", close);
    if (close == std::string::npos || end == std::string::npos) break;
    std::string_view attrs(xml.data() + at, close - at);
    size_t sp = attrs.find("sentence=\"");
    std::string s = sp == std::string_view::npos
                        ? sentence
                        : std::string(attrs.substr(sp + 10, attrs.find('"', sp + 10) - sp - 10));
    if (s != sentence) {
      text += "\n";
      sentence = s;
    } else if (!text.empty()) {
      text += " ";
    }
    text += unescape(std::string_view(xml.data() + close + 1, end - close - 1));
    at = end;
  }
  return text;
}

struct Scores {
  double p = 0, r = 0, f = 0;
};
Scores prf(double p, double r) { return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0}; }

int run_ecb(const std::string& dir, const std::string& which, const cc::StoryOptions& options,
            bool show, size_t batches) {
  // Documents get the layers the story stage reads in `crosscheck stories`:
  // entities, and dates (for a publication date estimated from the text).
  auto pipeline = cc::Pipeline::load(cc::Resources{cc::default_data_dir()}, {"time", "entity"});
  if (!pipeline.ok()) {
    std::cerr << "story_bench: " << pipeline.status().message() << "\n";
    return 2;
  }
  std::vector<cc::Document> docs;
  std::vector<std::string> gold;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string name = f.filename().string();
    int topic = std::stoi(name.substr(0, name.find('_')));
    if ((which == "odd" && topic % 2 == 0) || (which == "even" && topic % 2 == 1)) continue;
    cc::Document d;
    d.path = f.string();
    d.text = ecb_text(read_all(f));
    d.assign_id();
    pipeline->run(d);
    docs.push_back(std::move(d));
    gold.push_back(std::to_string(topic) + (name.find("plus") != std::string::npos ? "+" : ""));
  }
  auto t0 = Clock::now();
  std::vector<int> batch(docs.size());  // equal batches, in file order
  size_t per = (docs.size() + batches - 1) / batches;
  for (size_t i = 0; i < docs.size(); ++i) batch[i] = static_cast<int>(i / per);
  cc::StoryResult r = cc::cluster_stories(docs, options, batch);
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<size_t> sys(docs.size());
  for (size_t s = 0; s < r.stories.size(); ++s)
    for (size_t i : r.stories[s].doc_indexes) sys[i] = s;
  std::map<std::string, size_t> gold_size;
  std::map<size_t, size_t> sys_size;
  std::map<std::pair<size_t, std::string>, size_t> both;
  for (size_t i = 0; i < docs.size(); ++i) {
    ++gold_size[gold[i]];
    ++sys_size[sys[i]];
    ++both[{sys[i], gold[i]}];
  }
  double bp = 0, br = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    double c = both[{sys[i], gold[i]}];
    bp += c / sys_size[sys[i]];
    br += c / gold_size[gold[i]];
  }
  Scores b3 = prf(bp / docs.size(), br / docs.size());
  double tp = 0, sys_pairs = 0, gold_pairs = 0;
  for (auto& [k, n] : both) tp += n * (n - 1) / 2.0;
  for (auto& [k, n] : sys_size) sys_pairs += n * (n - 1) / 2.0;
  for (auto& [k, n] : gold_size) gold_pairs += n * (n - 1) / 2.0;
  Scores pw = prf(sys_pairs ? tp / sys_pairs : 0, gold_pairs ? tp / gold_pairs : 0);
  if (show) {
    for (size_t s = 0; s < r.stories.size(); ++s) {
      std::map<std::string, int> in;
      for (size_t i : r.stories[s].doc_indexes) ++in[gold[i]];
      std::printf("story %zu:", s);
      for (const auto& [g, n] : in) std::printf(" %s=%d", g.c_str(), n);
      std::printf("\n");
    }
  }
  std::printf("ecb+ topics=%s batches=%zu docs=%zu gold_stories=%zu stories=%zu  B3 P=%.3f R=%.3f F1=%.3f  "
              "pairwise P=%.3f R=%.3f F1=%.3f  (%.2fs)\n",
              which.c_str(), batches, docs.size(), gold_size.size(), r.stories.size(), b3.p, b3.r, b3.f,
              pw.p, pw.r, pw.f, secs);
  return 0;
}

// One line per document: "group<TAB>level<TAB>text" (text with \n escaped).
// Documents of one group are an original ("orig") and its edited copies;
// different groups are unrelated.
int run_neardup(const std::string& file) {
  std::ifstream in(file);
  std::vector<cc::Document> docs;
  std::vector<std::string> group, level;
  std::string line;
  while (std::getline(in, line)) {
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    cc::Document d;
    std::string text;
    for (size_t i = b + 1; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == 'n') text += '\n', ++i;
      else text += line[i];
    }
    d.text = std::move(text);
    d.path = "doc" + std::to_string(docs.size());
    d.assign_id();
    group.push_back(line.substr(0, a));
    level.push_back(line.substr(a + 1, b - a - 1));
    docs.push_back(std::move(d));
  }
  if (docs.empty()) {
    std::cerr << "story_bench: " << file << ": no documents\n";
    return 2;
  }
  auto t0 = Clock::now();
  cc::StoryResult r = cc::cluster_stories(docs);
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  auto orig = cc::originals(r, docs.size());
  // A copy is found when it ends up with the same original as its group's
  // original; a false pair is any link across groups.
  std::map<std::string, size_t> group_orig;
  for (size_t i = 0; i < docs.size(); ++i)
    if (level[i] == "orig") group_orig[group[i]] = i;
  std::map<std::string, std::pair<int, int>> found;  // level -> (found, total)
  std::map<std::string, double> jsum;
  std::map<int, std::pair<int, int>> by_jaccard;  // tenths of exact Jaccard -> (found, total)
  for (size_t i = 0; i < docs.size(); ++i) {
    if (level[i] == "orig") continue;
    auto& [f, t] = found[level[i]];
    ++t;
    size_t o = group_orig[group[i]];
    bool hit = orig[i] == orig[o];
    f += hit;
    double j = cc::exact_resemblance(docs[i].text, docs[o].text).jaccard;
    jsum[level[i]] += j;
    auto& [bf, bt] = by_jaccard[std::min(9, static_cast<int>(j * 10))];
    bf += hit;
    ++bt;
  }
  int false_links = 0, links_within = 0;
  for (const auto& c : r.copies) {
    if (group[c.doc_index] != group[c.copy_of_index]) ++false_links;
    else ++links_within;
  }
  std::printf("near-duplicates: %zu documents, %zu groups, %zu links (%d false) in %.2fs\n",
              docs.size(), group_orig.size(), r.copies.size(), false_links, secs);
  for (auto& [lv, ft] : found)
    std::printf("  %-12s copies=%4d mean exact Jaccard=%.2f  recall=%.3f\n", lv.c_str(), ft.second,
                jsum[lv] / ft.second, static_cast<double>(ft.first) / ft.second);
  for (auto& [tenth, ft] : by_jaccard)
    std::printf("  exact Jaccard %.1f-%.1f: copies=%4d recall=%.3f\n", tenth / 10.0,
                (tenth + 1) / 10.0, ft.second, static_cast<double>(ft.first) / ft.second);
  double precision = r.copies.empty() ? 1 : static_cast<double>(links_within) / r.copies.size();
  std::printf("  link precision=%.3f  false pairs among unrelated texts=%d\n", precision, false_links);
  return 0;
}

// Synthetic 5 KB documents: words drawn from a Zipf-like vocabulary, so
// shingle statistics look like prose; each document is distinct.
class TextGen {
 public:
  TextGen() : rng_(42) {
    for (int i = 0; i < 50000; ++i) {
      std::string w;
      int len = 2 + static_cast<int>(rng_() % 9);
      for (int k = 0; k < len; ++k) w += static_cast<char>('a' + rng_() % 26);
      vocab_.push_back(std::move(w));
    }
  }
  void make(std::string& out, size_t bytes) {
    out.clear();
    while (out.size() < bytes) {
      // Squaring a uniform skews towards frequent words.
      double u = static_cast<double>(rng_() % 1000000) / 1000000;
      out += vocab_[static_cast<size_t>(u * u * u * vocab_.size())];
      out += rng_() % 12 == 0 ? ". " : " ";
    }
  }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> vocab_;
};

// CPU time of this thread: the machine is shared, so wall time would measure
// the neighbours.
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

long peak_rss_mb() {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

int run_speed(size_t n) {
  TextGen gen;
  std::string text;
  cc::LshIndex index;
  index.reserve(n);
  double sketch_s = 0, insert_s = 0, bytes = 0;
  size_t candidates = 0;
  for (size_t i = 0; i < n; ++i) {
    gen.make(text, 5000);
    bytes += text.size();
    double t0 = cpu_seconds();
    cc::MinHash m = cc::minhash(text);
    double t1 = cpu_seconds();
    candidates += index.query(m, 0.35).size();
    index.index(index.add_sketch(m));
    double t2 = cpu_seconds();
    sketch_s += t1 - t0;
    insert_s += t2 - t1;
  }
  std::printf("speed: %zu docs of 5 KB (%.0f MB), one core, CPU time\n", n, bytes / 1e6);
  std::printf("  minhash-128 sketch: %.0f docs/s (%.0f MB/s)\n", n / sketch_s, bytes / 1e6 / sketch_s);
  std::printf("  lsh query+insert:   %.0f docs/s (%zu candidates above 0.35)\n", n / insert_s, candidates);
  std::printf("  index memory: %.0f MB; peak RSS %ld MB\n", index.memory_bytes() / 1e6, peak_rss_mb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "ecb" && argc >= 3) {
    cc::StoryOptions options;  // thresholds may be overridden to tune on the odd topics
    std::string topics = "all";
    bool show = false;
    size_t batches = 1;
    for (int i = 3; i < argc; ++i) {
      std::string a = argv[i];
      if (a == "--join" && i + 1 < argc) options.join_similarity = std::stod(argv[++i]);
      else if (a == "--merge" && i + 1 < argc) options.merge_similarity = std::stod(argv[++i]);
      else if (a == "--split" && i + 1 < argc) options.split_similarity = std::stod(argv[++i]);
      else if (a == "--batches" && i + 1 < argc) batches = std::max(1ul, std::stoul(argv[++i]));
      else if (a == "--show") show = true;
      else topics = a;
    }
    return run_ecb(argv[2], topics, options, show, batches);
  }
  if (mode == "neardup" && argc == 3) return run_neardup(argv[2]);
  if (mode == "speed" && argc == 3) return run_speed(std::stoul(argv[2]));
  std::cerr << "usage: story_bench ecb DIR [odd|even|all] [--join X] [--merge Y] [--split Z] "
               "[--batches N] [--show] | "
               "neardup FILE | speed N\n";
  return 2;
}
