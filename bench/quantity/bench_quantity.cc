// Quantity benchmark driver (see RESULTS.md; run everything with run.sh).
//
//   bench_quantity spec <file.json>...   one JSON line per spec case with the
//       values found, then a line with the time spent tagging (repeated until
//       at least a second has passed, so the rate is stable).
//   bench_quantity news <annotated.tsv> [--errors]  value, bounds, unit and
//       counted-thing precision/recall/F1 on the hand-annotated news
//       sentences, per part and in all; --errors lists each mention that
//       differs from the gold.
//   bench_quantity timebank <tbaq.jsonl> how many dates and clock times the
//       TimeBank/AQUAINT annotators marked (text nobody here tuned to) the
//       tagger wrongly emits as quantity claims, run without the time stage.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "nlp/pipeline.h"
#include "nlp/quantity/quantity.h"

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

// The number and ordinal models ask for every numeral, as a number
// recognizer reads them: they are scored on cc::read_numerals (the tagger's
// first stage). Ranges are quantities: the range files are scored on the
// tagger's mentions.
bool numeral_model(const std::string& file) {
  std::string base = file.substr(file.find_last_of('/') + 1);
  return (base.rfind("Number", 0) == 0 && base.rfind("NumberRange", 0) != 0) ||
         base.rfind("Ordinal", 0) == 0;
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
  if (starts("Percent")) return q.kind == cc::QuantityKind::percent && q.unit != "fraction";
  if (starts("Age")) return q.kind == cc::QuantityKind::age;
  if (starts("Currency")) return q.kind == cc::QuantityKind::money;
  if (starts("Temperature")) return temperature;
  if (starts("Dimension"))
    return (q.kind == cc::QuantityKind::measure || q.kind == cc::QuantityKind::calibre) &&
           !temperature && !duration;
  return q.kind != cc::QuantityKind::ordinal;  // Number*: every number but ordinals
}

// The number-with-unit models (age, currency, dimension, temperature) pair
// each unit with the number written next to it: for them "about 40 - 50
// years old" is 50 years old, and "40" a number without a unit. So a range
// whose unit is written once, after its second end (the two numbers joined by
// a bare "-", "to" or "and"), is scored as its second end there; the tagger
// itself keeps the range (40 to 50), and "$3 to $5" stays two amounts.
bool unit_once_after_second(const Document& d, const cc::Annotation<cc::Quantity>& m) {
  std::vector<cc::Span> inside;
  for (const auto& n : cc::read_numerals(d))
    if (m.span.contains(n.span)) inside.push_back(n.span);
  if (inside.size() != 2 || inside[1].end >= m.span.end) return false;
  std::string_view between =
      std::string_view(d.text).substr(inside[0].end, inside[1].begin - inside[0].end);
  while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
  while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  return between == "-" || between == "\u2013" || between == "to" || between == "and";
}

bool unit_model(const std::string& file) {
  return file.find("/NumberWithUnit/") != std::string::npos;
}

int run_spec(const cc::Pipeline& p, int argc, char** argv) {
  std::vector<std::string> inputs;
  for (int a = 2; a < argc; ++a) {
    std::ifstream in(argv[a]);
    auto cases = nlohmann::json::parse(in);
    for (size_t i = 0; i < cases.size(); ++i) {
      std::string input = cases[i]["Input"];
      nlohmann::json values = nlohmann::json::array();
      Document d = tag(p, input);
      if (numeral_model(argv[a])) {
        std::string file = argv[a];
        bool ordinal = file.find("/Ordinal") != std::string::npos;
        bool relative = file.find("SuppressExtendedTypes") == std::string::npos;
        for (const auto& n : cc::read_numerals(d))
          if (n.ordinal == ordinal && (relative || !n.relative)) values.push_back(n.value);
      } else {
        // Percent mode reads a fraction of something as a percentage: "one fourth of" is 25.
        bool percent_mode = std::string(argv[a]).find("PercentModelPercentMode") != std::string::npos;
        for (const auto& m : d.quantities) {
          std::string_view text = d[m.span], after = std::string_view(d.text).substr(m.span.end);
          bool fraction_of = m.value.unit == "fraction" &&
                             (after.rfind(" of", 0) == 0 || text.find(" out of ") != std::string_view::npos);
          if (percent_mode && fraction_of) values.push_back(100 * m.value.value);
          else if (wanted(argv[a], m.value) && unit_model(argv[a]) && m.value.high &&
                   values_of(m.value).size() == 2 && unit_once_after_second(d, m))
            values.push_back(*m.value.high);
          else if (wanted(argv[a], m.value))
            for (double v : values_of(m.value)) values.push_back(v);
        }
      }
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

// Throughput on one long document (the news sentences repeated to 4 MB):
// tokenize alone, then the quantity tagger alone on the tokenized document,
// five rounds each, the fastest printed (the machine is shared: the fastest
// round is the one least disturbed by other work).
void print_throughput(const std::vector<std::string>& sentences) {
  std::string text;
  while (text.size() < (4u << 20))
    for (const auto& s : sentences) text += s + "\n";
  auto tokenizer = cc::Pipeline::load(cc::Resources{CROSSCHECK_DATA_DIR}, {});
  auto tagger = cc::make_quantity_tagger(cc::Resources{CROSSCHECK_DATA_DIR});
  if (!tokenizer.ok() || !tagger.ok()) return;
  auto best_of = [](const std::function<void()>& work) {
    double best = 1e300;
    for (int round = 0; round < 5; ++round) {
      auto start = std::chrono::steady_clock::now();
      work();
      auto elapsed = std::chrono::steady_clock::now() - start;
      best = std::min(best, std::chrono::duration<double>(elapsed).count());
    }
    return best;
  };
  Document d;
  double tokenize = best_of([&] {
    d = Document{};
    d.text = text;
    tokenizer.value().run(d);
  });
  double quantity = best_of([&] { tagger.value()->process(d); });
  double mb = text.size() / 1e6;
  std::printf("  one %.1f MB document (%zu quantities): tokenize %.1f MB/s, quantity alone %.1f MB/s, "
              "tokenize+quantity %.1f MB/s\n",
              mb, d.quantities.size(), mb / tokenize, mb / quantity, mb / (tokenize + quantity));
}

// Precision/recall counts of the four criteria over some sentences.
struct NewsScore {
  size_t tp[4] = {}, found = 0, gold = 0;
};

void print_score(const char* title, const NewsScore& s) {
  static const char* names[] = {"value", "value+bounds", "value+unit", "value+counted"};
  std::printf("  %s: %zu gold mentions, %zu claims found\n", title, s.gold, s.found);
  for (int c = 0; c < 4; ++c) {
    double pr = s.found ? double(s.tp[c]) / s.found : 0;
    double rc = s.gold ? double(s.tp[c]) / s.gold : 0;
    std::printf("    %-14s P %.3f  R %.3f  F1 %.3f\n", names[c], pr, rc,
                pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
  }
}

std::string describe(const cc::Quantity& q) {
  return fmt(q.value) + " [" + fmt(q.low) + "," + fmt(q.high) + "] " +
         (q.unit.empty() ? "-" : q.unit) + " " + (q.counted.empty() ? "-" : q.counted);
}

// Scores one sentence into `score`; with `errors`, prints what differs from the gold.
void score_sentence(const cc::Pipeline& p, const std::string& s, const std::vector<Gold>& gold,
                    bool errors, NewsScore* score) {
  score->gold += gold.size();
  Document d = tag(p, s);
  std::vector<bool> used(gold.size());
  std::vector<std::string> wrong;
  for (const auto& m : d.quantities) {
    if (!cc::is_claim(m.value)) continue;
    ++score->found;
    const auto& q = m.value;
    size_t g = 0;
    for (; g < gold.size(); ++g)
      if (!used[g] && std::fabs(gold[g].value - q.value) <= 1e-6 * std::max(1.0, std::fabs(q.value)))
        break;
    if (g == gold.size()) {
      wrong.push_back("extra   " + describe(q) + "  \"" + std::string(d[m.span]) + "\"");
      continue;
    }
    used[g] = true;
    bool bounds = fmt(q.low) == gold[g].low && fmt(q.high) == gold[g].high;
    bool unit = (q.unit.empty() ? "-" : q.unit) == gold[g].unit;
    bool counted = (q.counted.empty() ? "-" : q.counted) == gold[g].counted;
    ++score->tp[0];
    score->tp[1] += bounds;
    score->tp[2] += unit;
    score->tp[3] += counted;
    if (!bounds || !unit || !counted)
      wrong.push_back("differs " + describe(q) + "  gold [" + gold[g].low + "," + gold[g].high +
                      "] " + gold[g].unit + " " + gold[g].counted);
  }
  for (size_t g = 0; g < gold.size(); ++g)
    if (!used[g]) wrong.push_back("missed  \"" + gold[g].mention + "\" " + fmt(gold[g].value));
  if (errors && !wrong.empty()) {
    std::printf("%s\n", s.c_str());
    for (const auto& w : wrong) std::printf("    %s\n", w.c_str());
  }
}

// The set is in parts, each opened by a comment line "# part ...": every part
// is scored alone (each was scored as it first came out) and all together.
int run_news(const cc::Pipeline& p, const char* path, bool errors) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot open " << path << "\n";
    return 1;
  }
  std::map<std::string, std::vector<Gold>> by_sentence;
  std::vector<std::string> order;
  std::vector<std::pair<std::string, size_t>> parts;  // title, index of its first sentence
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# part", 0) == 0) parts.emplace_back(line.substr(2), order.size());
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
  std::printf("news set %s: %zu sentences\n", path, order.size());
  print_throughput(order);
  NewsScore all;
  for (size_t k = 0; k < parts.size(); ++k) {
    NewsScore part;
    size_t stop = k + 1 < parts.size() ? parts[k + 1].second : order.size();
    for (size_t i = parts[k].second; i < stop; ++i)
      score_sentence(p, order[i], by_sentence[order[i]], errors, &part);
    print_score(parts[k].first.substr(0, parts[k].first.find(',')).c_str(), part);
    for (int c = 0; c < 4; ++c) all.tp[c] += part.tp[c];
    all.found += part.found;
    all.gold += part.gold;
  }
  if (parts.empty())
    for (const auto& s : order) score_sentence(p, s, by_sentence[s], errors, &all);
  print_score("all", all);
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
    std::cerr << "usage: bench_quantity spec <file.json>... | news <annotated.tsv> [--errors] | timebank <tbaq.jsonl>\n";
    return 2;
  }
  auto p = cc::Pipeline::load(cc::Resources{CROSSCHECK_DATA_DIR}, {"quantity"});
  if (!p.ok()) {
    std::cerr << p.status().message() << "\n";
    return 1;
  }
  std::string mode = argv[1];
  if (mode == "spec") return run_spec(p.value(), argc, argv);
  if (mode == "news") return run_news(p.value(), argv[2], argc > 3 && std::string(argv[3]) == "--errors");
  if (mode == "timebank") return run_timebank(p.value(), argv[2]);
  std::cerr << "unknown mode " << mode << "\n";
  return 2;
}
