// Quantity benchmark driver (see RESULTS.md; run everything with run.sh).
//
//   bench_quantity spec <file.json>...   one JSON line per spec case with the
//       values found, then a line with the time spent tagging (repeated until
//       at least a second has passed, so the rate is stable).
//   bench_quantity news <annotated.tsv>  value, bounds, unit and counted-thing
//       precision/recall/F1 on the hand-annotated news sentences.
//   bench_quantity timebank <tbaq.jsonl> how many dates and clock times the
//       TimeBank/AQUAINT annotators marked (text nobody here tuned to) the
//       tagger wrongly emits as quantity claims, run without the time stage.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "nlp/pipeline.h"

namespace {

using cc::Document;

Document tag(const cc::Pipeline& p, const std::string& text) {
  Document d;
  d.text = text;
  p.run(d);
  return d;
}

// The numbers a mention resolves to, the way the spec writes them: a range
// as its two ends, anything else as its value.
std::vector<double> values_of(const cc::Quantity& q) {
  if (q.low && q.high && *q.low != *q.high) return {*q.low, *q.high};
  return {q.value};
}

// Which mentions a spec file asks for, as the peer is called with the
// recognizer of that model: a currency file wants money only, and so on.
bool wanted(const std::string& file, const cc::Quantity& q) {
  std::string base = file.substr(file.find_last_of('/') + 1);
  auto starts = [&](const char* p) { return base.rfind(p, 0) == 0; };
  bool temperature = q.unit == "°c" || q.unit == "°f" || q.unit == "degree";
  bool duration = q.unit == "year" || q.unit == "month" || q.unit == "week" || q.unit == "day" ||
                  q.unit == "hour" || q.unit == "minute" || q.unit == "second";
  if (starts("Ordinal")) return q.kind == cc::QuantityKind::ordinal;
  if (starts("Percent")) return q.kind == cc::QuantityKind::percent;
  if (starts("Age")) return q.kind == cc::QuantityKind::age;
  if (starts("Currency")) return q.kind == cc::QuantityKind::money;
  if (starts("Temperature")) return temperature;
  if (starts("Dimension"))
    return (q.kind == cc::QuantityKind::measure || q.kind == cc::QuantityKind::calibre) &&
           !temperature && !duration;
  return q.kind != cc::QuantityKind::ordinal;  // Number*: every number but ordinals
}

int run_spec(const cc::Pipeline& p, int argc, char** argv) {
  std::vector<std::string> inputs;
  for (int a = 2; a < argc; ++a) {
    std::ifstream in(argv[a]);
    auto cases = nlohmann::json::parse(in);
    for (size_t i = 0; i < cases.size(); ++i) {
      std::string input = cases[i]["Input"];
      nlohmann::json values = nlohmann::json::array();
      for (const auto& m : tag(p, input).quantities)
        if (wanted(argv[a], m.value))
          for (double v : values_of(m.value)) values.push_back(v);
      std::cout << nlohmann::json{{"file", argv[a]}, {"case", i}, {"values", values}}.dump() << "\n";
      inputs.push_back(input);
    }
  }
  size_t bytes = 0;
  for (const auto& s : inputs) bytes += s.size();
  auto start = std::chrono::steady_clock::now();
  size_t rounds = 0;
  double seconds = 0;
  while (seconds < 1.0) {
    for (const auto& s : inputs) tag(p, s);
    ++rounds;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  std::cout << nlohmann::json{{"timing", "crosscheck"}, {"inputs", inputs.size() * rounds},
                              {"bytes", bytes * rounds}, {"seconds", seconds}}.dump() << "\n";
  return 0;
}

// Annotated set: one mention a line, tab-separated:
//   sentence  mention-text  value  low  high  unit  counted
// low/high/unit/counted are "-" when absent. A sentence with no claim has
// mention-text "-" (it checks that nothing is found).
struct Gold {
  std::string mention, low, high, unit, counted;
  double value;
};

std::string fmt(const std::optional<double>& v) {
  if (!v) return "-";
  std::ostringstream o;
  o << *v;
  return o.str();
}

int run_news(const cc::Pipeline& p, const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot open " << path << "\n";
    return 1;
  }
  std::map<std::string, std::vector<Gold>> by_sentence;
  std::vector<std::string> order;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    if (f.size() < 7) {
      std::cerr << path << ": bad line: " << line << "\n";
      return 1;
    }
    if (!by_sentence.count(f[0])) order.push_back(f[0]);
    auto& g = by_sentence[f[0]];
    if (f[1] != "-") g.push_back(Gold{f[1], f[3], f[4], f[5], f[6], std::stod(f[2])});
  }
  // tp/fp/fn per criterion: value; value+bounds; value+unit; value+counted.
  const char* names[] = {"value", "value+bounds", "value+unit", "value+counted"};
  size_t tp[4] = {}, found_total = 0, gold_total = 0;
  for (const auto& s : order) {
    const auto& gold = by_sentence[s];
    gold_total += gold.size();
    Document d = tag(p, s);
    std::vector<bool> used(gold.size());
    for (const auto& m : d.quantities) {
      if (!cc::is_claim(m.value)) continue;
      ++found_total;
      const auto& q = m.value;
      for (size_t g = 0; g < gold.size(); ++g) {
        if (used[g] || std::fabs(gold[g].value - q.value) > 1e-6 * std::max(1.0, std::fabs(q.value)))
          continue;
        used[g] = true;
        ++tp[0];
        if (fmt(q.low) == gold[g].low && fmt(q.high) == gold[g].high) ++tp[1];
        if ((q.unit.empty() ? "-" : q.unit) == gold[g].unit) ++tp[2];
        if ((q.counted.empty() ? "-" : q.counted) == gold[g].counted) ++tp[3];
        break;
      }
    }
  }
  std::printf("news set %s: %zu sentences, %zu gold mentions, %zu claims found\n", path,
              order.size(), gold_total, found_total);
  for (int c = 0; c < 4; ++c) {
    double pr = found_total ? double(tp[c]) / found_total : 0;
    double rc = gold_total ? double(tp[c]) / gold_total : 0;
    std::printf("  %-14s P %.3f  R %.3f  F1 %.3f\n", names[c], pr, rc,
                pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
  }
  return 0;
}

// Byte offset of each character offset in UTF-8 text.
std::vector<uint32_t> char_to_byte(const std::string& s) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(static_cast<uint32_t>(s.size()));
  return out;
}

int run_timebank(const cc::Pipeline& p, const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot open " << path << "\n";
    return 1;
  }
  size_t docs = 0, numeric_dates = 0, leaked = 0, claims = 0;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    Document d = tag(p, j["text"].get<std::string>());
    auto bytes = char_to_byte(d.text);
    ++docs;
    std::vector<cc::Span> dates;
    for (const auto& t : j["timex"]) {
      std::string type = t["type"], text = t["text"];
      if (type != "DATE" && type != "TIME") continue;
      if (text.find_first_of("0123456789") == std::string::npos) continue;
      size_t b = t["start"], e = t["end"];
      if (e >= bytes.size()) continue;
      dates.push_back(cc::Span{bytes[b], bytes[e]});
    }
    numeric_dates += dates.size();
    for (const auto& m : d.quantities) {
      if (!cc::is_claim(m.value)) continue;
      ++claims;
      for (const auto& s : dates)
        if (s.overlaps(m.span)) {
          ++leaked;
          break;
        }
    }
  }
  std::printf("timebank %s: %zu docs, %zu dates/times with digits, %zu quantity claims; "
              "claims inside a date/time: %zu (%.1f%% of claims)\n",
              path, docs, numeric_dates, claims, leaked, claims ? 100.0 * leaked / claims : 0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_quantity spec <file.json>... | news <annotated.tsv> | timebank <tbaq.jsonl>\n";
    return 2;
  }
  auto p = cc::Pipeline::load(cc::Resources{CROSSCHECK_DATA_DIR}, {"quantity"});
  if (!p.ok()) {
    std::cerr << p.status().message() << "\n";
    return 1;
  }
  std::string mode = argv[1];
  if (mode == "spec") return run_spec(p.value(), argc, argv);
  if (mode == "news") return run_news(p.value(), argv[2]);
  if (mode == "timebank") return run_timebank(p.value(), argv[2]);
  std::cerr << "unknown mode " << mode << "\n";
  return 2;
}
