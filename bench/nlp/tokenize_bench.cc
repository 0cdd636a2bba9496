// Tokenizer speed against ICU's own word and sentence break iterators (the
// peer: what a C++ program gets from the standard Unicode library), on news
// text. Usage: bench_tokenize [corpus.jsonl with a "text" field per line]
// Default corpus: ../shared/data/time/train-tbaq.jsonl (TimeBank + AQUAINT).
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nlp/tokenize.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

size_t icu_breaks(const std::string& text) {
  UErrorCode err = U_ZERO_ERROR;
  static std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("en_US"), err));
  static std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_US"), err));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  size_t n = 0;
  for (auto* it : {words.get(), sentences.get()}) {
    it->setText(ut, err);
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) ++n;
  }
  utext_close(ut);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1]
                              : std::string(CROSSCHECK_SHARED_DIR) + "/data/time/train-tbaq.jsonl";
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_tokenize: cannot open %s (pass a JSONL corpus with \"text\")\n",
                 path.c_str());
    return 2;
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      texts.push_back(j["text"].get<std::string>());
      bytes += texts.back().size();
    }
  }
  const int rounds = 5;
  cc::Tokenizer tokenizer;
  size_t tokens = 0, sentences = 0, breaks = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& t : texts) {
      cc::Document d;
      d.text = t;
      tokenizer.process(d);
      tokens += d.tokens.size();
      sentences += d.sentences.size();
    }
  double ours = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const auto& t : texts) breaks += icu_breaks(t);
  double icu = seconds_since(t0);
  double mb = static_cast<double>(bytes) * rounds / 1e6;
  std::printf("corpus: %s (%zu docs, %.2f MB, %d rounds)\n", path.c_str(), texts.size(),
              bytes / 1e6, rounds);
  std::printf("crosscheck tokenize (tokens+sentences): %7.1f MB/s  (%zu tokens, %zu sentences)\n",
              mb / ours, tokens / rounds, sentences / rounds);
  std::printf("ICU word+sentence break iterators:      %7.1f MB/s  (%zu boundaries)\n", mb / icu,
              breaks / rounds);
  std::printf("ratio: %.2fx\n", icu / ours);
  return 0;
}
