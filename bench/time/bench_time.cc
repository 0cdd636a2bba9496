// Benchmarks for the time component (see bench/time/RESULTS.md).
//
//   bench_time tbaq  FILE.jsonl        span P/R/F1 (strict, relaxed), type and
//                                      value accuracy, value F1, by value class
//   bench_time specs DIR               Recognizers-Text DateTime cases passed, per file
//   bench_time speed FILE.jsonl ROUNDS tokenize+time MB/s over the same texts
//                                      chrono_speed.js reads
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "nlp/time/time.h"
#include "nlp/tokenize.h"

namespace {

using cc::Document;
using nlohmann::json;

// Byte offset of each code point index in a UTF-8 string (one past the end too).
std::vector<uint32_t> code_point_offsets(const std::string& s) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(static_cast<uint32_t>(s.size()));
  return out;
}

Document tagged(const std::string& text, const std::string& published,
                const std::unique_ptr<cc::Component>& tagger) {
  Document d;
  d.text = text;
  if (auto p = cc::PartialDate::parse(published)) d.published = *p;
  cc::Tokenizer().process(d);
  tagger->process(d);
  return d;
}

std::vector<json> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<json> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

std::string value_class(const std::string& type, const std::string& value) {
  if (type == "DURATION") return "duration";
  if (type == "SET") return "set";
  if (type == "TIME") return "time";
  if (value.ends_with("_REF")) return "*_REF";
  if (value.find('W') != std::string::npos) return "week";
  if (value.size() == 10 && value[4] == '-' && value[7] == '-') return "day";
  if (value.size() == 7 && value[4] == '-' && value[5] >= '0' && value[5] <= '1') return "month";
  if (value.size() == 4) return "year";
  return "other";
}

// The expression in brackets with up to 60 bytes either side, on one line,
// for reading errors.
std::string in_context(const Document& d, cc::Span span) {
  uint32_t lo = span.begin > 60 ? span.begin - 60 : 0;
  uint32_t hi = std::min<uint32_t>(static_cast<uint32_t>(d.text.size()), span.end + 60);
  std::string out(d.text, lo, span.begin - lo);
  out.append("[").append(d.text, span.begin, span.end - span.begin).append("]");
  out.append(d.text, span.end, hi - span.end);
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

// Scores the documents of one split ("" for all); `errors` lists mismatches.
void score_tbaq(const std::vector<json>& all_docs, const std::string& split,
                const std::unique_ptr<cc::Component>& tagger, FILE* errors) {
  std::vector<json> docs;
  for (const auto& d : all_docs)
    if (split.empty() || d["split"] == split) docs.push_back(d);
  size_t gold_n = 0, sys_n = 0, strict = 0, relaxed = 0, type_ok = 0, value_ok = 0;
  struct Class {
    size_t gold = 0, found = 0, value_ok = 0;
  };
  std::map<std::string, Class> classes;
  for (const auto& doc : docs) {
    std::string text = doc["text"];
    auto offsets = code_point_offsets(text);
    Document d = tagged(text, doc["dct"], tagger);
    std::string where = std::string(doc["doc"]) + " " + std::string(doc["dct"]);
    sys_n += d.times.size();
    std::vector<bool> used(d.times.size(), false);
    std::vector<bool> hit(doc["timex"].size(), false);
    size_t gi = 0;
    for (const auto& g : doc["timex"]) {
      ++gold_n;
      size_t gb = g["start"], ge = g["end"];
      if (ge >= offsets.size()) continue;
      cc::Span gold{offsets[gb], offsets[ge]};
      std::string type = g["type"], value = g["value"].is_string() ? g["value"] : "";
      Class& c = classes[value_class(type, value)];
      ++c.gold;
      size_t this_gold = gi++;
      for (size_t k = 0; k < d.times.size(); ++k) {
        if (used[k] || !d.times[k].span.overlaps(gold)) continue;
        used[k] = true;
        hit[this_gold] = true;
        ++relaxed;
        ++c.found;
        strict += d.times[k].span == gold;
        type_ok += type == cc::timex_type_name(d.times[k].value.type);
        bool v = value == d.times[k].value.value;
        value_ok += v;
        c.value_ok += v;
        if (errors && !v)
          std::fprintf(errors, "VALUE %s | gold %s %s | got %s %s | %s\n", where.c_str(), type.c_str(),
                       value.c_str(), cc::timex_type_name(d.times[k].value.type),
                       d.times[k].value.value.c_str(), in_context(d, gold).c_str());
        break;
      }
      if (errors && !hit[this_gold])
        std::fprintf(errors, "MISS %s | gold %s %s | %s\n", where.c_str(), type.c_str(), value.c_str(),
                     in_context(d, gold).c_str());
    }
    for (size_t k = 0; errors && k < d.times.size(); ++k)
      if (!used[k])
        std::fprintf(errors, "EXTRA %s | got %s %s | %s\n", where.c_str(),
                     cc::timex_type_name(d.times[k].value.type), d.times[k].value.value.c_str(),
                     in_context(d, d.times[k].span).c_str());
  }
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  double sp = double(strict) / sys_n, sr = double(strict) / gold_n;
  double rp = double(relaxed) / sys_n, rr = double(relaxed) / gold_n;
  double value_acc = double(value_ok) / relaxed;
  std::printf("TBAQ %s (%zu docs, %zu gold, %zu found)\n", split.empty() ? "all" : split.c_str(),
              docs.size(), gold_n, sys_n);
  std::printf("  strict  span  P %.3f  R %.3f  F1 %.3f\n", sp, sr, f1(sp, sr));
  std::printf("  relaxed span  P %.3f  R %.3f  F1 %.3f\n", rp, rr, f1(rp, rr));
  std::printf("  type accuracy %.3f   value accuracy %.3f   value F1 %.3f\n",
              double(type_ok) / relaxed, value_acc, value_acc * f1(rp, rr));
  std::printf("  by value class: gold, relaxed recall, value accuracy\n");
  for (const auto& [name, c] : classes)
    std::printf("    %-9s %5zu  %.3f  %.3f\n", name.c_str(), c.gold, double(c.found) / c.gold,
                c.found ? double(c.value_ok) / c.found : 0.0);
}

// TimeBank is the development split (its errors may be read, via
// $BENCH_TIME_ERRORS); AQUAINT is held out and reported apart.
int run_tbaq(const std::string& path, const std::unique_ptr<cc::Component>& tagger) {
  auto docs = read_lines(path);
  if (docs.empty()) {
    std::fprintf(stderr, "bench_time: cannot read %s\n", path.c_str());
    return 1;
  }
  FILE* errors = nullptr;
  if (const char* e = std::getenv("BENCH_TIME_ERRORS"); e && *e) errors = std::fopen(e, "w");
  score_tbaq(docs, "TimeBank", tagger, errors);
  if (errors) std::fclose(errors);
  score_tbaq(docs, "AQUAINT", tagger, nullptr);
  score_tbaq(docs, "", tagger, nullptr);
  return 0;
}

// A case passes when the expressions found are exactly the expected spans
// and, where the spec gives a TIMEX value, the values agree too.
int run_specs(const std::string& dir, const std::unique_ptr<cc::Component>& tagger) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  size_t all = 0, all_pass = 0;
  FILE* errors = nullptr;
  if (const char* e = std::getenv("BENCH_TIME_ERRORS"); e && *e) errors = std::fopen(e, "w");
  std::printf("Recognizers-Text DateTime specs (English; NotSupported dotnet skipped)\n");
  for (const auto& f : files) {
    std::ifstream in(f);
    json cases = json::parse(in, nullptr, false);
    if (!cases.is_array()) continue;
    size_t n = 0, pass = 0;
    for (const auto& c : cases) {
      std::string unsupported = c.value("NotSupported", "") + c.value("NotSupportedByDesign", "");
      if (unsupported.find("dotnet") != std::string::npos) continue;
      std::string ref = "2016-11-07";
      if (c.contains("Context") && c["Context"].contains("ReferenceDateTime"))
        ref = c["Context"]["ReferenceDateTime"].get<std::string>().substr(0, 10);
      std::string input = c["Input"];
      auto offsets = code_point_offsets(input);
      Document d = tagged(input, ref, tagger);
      std::map<std::pair<uint32_t, uint32_t>, std::string> expected;
      for (const auto& r : c["Results"]) {
        size_t start = r.value("Start", 0), length = r.value("Length", 0);
        if (r.contains("End")) length = size_t(r["End"]) - start + 1;
        if (start + length >= offsets.size()) continue;
        std::string timex;
        if (r.contains("Value") && r["Value"].is_object() && r["Value"].contains("Timex"))
          timex = r["Value"]["Timex"];
        if (r.contains("Resolution") && r["Resolution"].is_object() &&
            r["Resolution"].contains("values") && !r["Resolution"]["values"].empty())
          timex = r["Resolution"]["values"][0].value("timex", "");
        expected[{offsets[start], offsets[start + length]}] = timex;
      }
      bool ok = expected.size() == d.times.size();
      for (const auto& t : d.times) {
        auto it = expected.find({t.span.begin, t.span.end});
        ok = ok && it != expected.end() && (it->second.empty() || it->second == t.value.value);
      }
      ++n;
      pass += ok;
      if (errors && !ok) {
        std::string got;
        for (const auto& t : d.times) got += "[" + std::string(d[t.span]) + "=" + t.value.value + "] ";
        std::string want;
        for (const auto& r : c["Results"]) want += "[" + r.value("Text", "") + "] ";
        std::fprintf(errors, "%s | %s | want %s| got %s\n", f.filename().c_str(), input.c_str(),
                     want.c_str(), got.c_str());
      }
    }
    if (n == 0) continue;
    all += n;
    all_pass += pass;
    std::printf("  %-36s %4zu/%4zu  %.3f\n", f.filename().c_str(), pass, n, double(pass) / n);
  }
  if (errors) std::fclose(errors);
  std::printf("  %-36s %4zu/%4zu  %.3f\n", "all", all_pass, all, all ? double(all_pass) / all : 0.0);
  return 0;
}

int run_speed(const std::string& path, int rounds, const std::unique_ptr<cc::Component>& tagger) {
  auto docs = read_lines(path);
  // Tokenizing alone first, to show what the time component itself costs.
  for (bool with_time : {false, true}) {
    size_t bytes = 0, found = 0;
    auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const auto& doc : docs) {
        const std::string& text = doc["text"].get_ref<const std::string&>();
        Document d;
        d.text = text;
        d.published = *cc::PartialDate::parse(doc["dct"].get<std::string>().substr(0, 10));
        cc::Tokenizer().process(d);
        if (with_time) tagger->process(d);
        found += d.times.size();
        bytes += text.size();
      }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("crosscheck %s: %.2f MB/s (%zu expressions per round)\n",
                with_time ? "tokenize+time" : "tokenize only", bytes / secs / 1e6,
                found / std::max(rounds, 1));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_time tbaq FILE | specs DIR | speed FILE ROUNDS\n");
    return 2;
  }
  auto tagger = cc::make_time_tagger(cc::Resources{cc::default_data_dir()});
  if (!tagger.ok()) {
    std::fprintf(stderr, "bench_time: %s\n", tagger.status().message().c_str());
    return 1;
  }
  std::string mode = argv[1];
  if (mode == "tbaq") return run_tbaq(argv[2], *tagger);
  if (mode == "specs") return run_specs(argv[2], *tagger);
  if (mode == "speed") return run_speed(argv[2], argc > 3 ? std::atoi(argv[3]) : 3, *tagger);
  std::fprintf(stderr, "bench_time: unknown mode %s\n", mode.c_str());
  return 2;
}
