// crosscheck-word-clusters: Brown clusters from unlabeled text, written as the
// data/entity/clusters.tsv the entity tagger reads (see
// data/entity/build_clusters.sh for the command that made the shipped file).
//
// Inputs: --tokens FILE holds one token a line in the first column (CoNLL
// style: blank lines end sentences, -DOCSTART- lines and a WikiANN "en:"
// prefix are skipped); --text FILE is plain text, one paragraph a line, cut
// into sentences and tokens by the project's own tokenizer, so its words are
// split as the tagger will see them. --note TEXT lines go into the header.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/text.h"
#include "nlp/entity/clusters.h"
#include "nlp/tokenize.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: crosscheck-word-clusters --out FILE [--clusters N] [--min-count N] "
               "[--note TEXT]... (--tokens FILE | --text FILE)...\n");
  return 2;
}

bool slurp(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// Sentences of a one-token-a-line file; the views point into `text`.
void read_tokens(const std::string& text, std::vector<std::vector<std::string_view>>& out) {
  std::vector<std::string_view> sentence;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view word = line.substr(0, line.find_first_of(" \t"));
    if (word.size() > 3 && word[2] == ':' && word[0] >= 'a' && word[0] <= 'z') word.remove_prefix(3);
    if (word.empty() || word == "-DOCSTART-") {
      if (!sentence.empty()) out.push_back(std::move(sentence));
      sentence.clear();
      continue;
    }
    sentence.push_back(word);
  }
  if (!sentence.empty()) out.push_back(std::move(sentence));
}

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  int clusters = 500, min_count = 3;
  std::vector<std::string> notes;
  std::vector<std::pair<bool, std::string>> inputs;  // (is plain text, path)
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    std::string v = argv[++i];
    if (a == "--out") out = v;
    else if (a == "--clusters") clusters = std::atoi(v.c_str());
    else if (a == "--min-count") min_count = std::atoi(v.c_str());
    else if (a == "--note") notes.push_back(v);
    else if (a == "--tokens") inputs.emplace_back(false, v);
    else if (a == "--text") inputs.emplace_back(true, v);
    else return usage();
  }
  if (out.empty() || inputs.empty() || clusters < 2) return usage();

  // Every input's bytes stay alive: the sentences are views into them.
  std::vector<std::string> storage;
  std::vector<cc::Document> docs;
  storage.reserve(inputs.size());
  docs.reserve(inputs.size());
  std::vector<std::vector<std::string_view>> sentences;
  cc::Tokenizer tokenizer;
  size_t tokens = 0;
  for (const auto& [plain, path] : inputs) {
    storage.emplace_back();
    if (!slurp(path, storage.back())) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    size_t before = sentences.size();
    if (!plain) {
      read_tokens(storage.back(), sentences);
    } else {
      auto decoded = cc::decode_text(storage.back());
      if (!decoded.ok()) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), decoded.status().message().c_str());
        return 1;
      }
      docs.emplace_back();
      docs.back().text = cc::normalize_text(decoded.value()).text;
      tokenizer.process(docs.back());
      const cc::Document& d = docs.back();
      for (const auto& s : d.sentences) {
        std::vector<std::string_view> words;
        for (uint32_t t = s.value.first_token; t < s.value.end_token; ++t)
          words.push_back(d[d.tokens[t].span]);
        if (!words.empty()) sentences.push_back(std::move(words));
      }
    }
    size_t n = 0;
    for (size_t s = before; s < sentences.size(); ++s) n += sentences[s].size();
    tokens += n;
    std::fprintf(stderr, "%s: %zu sentences, %zu tokens\n", path.c_str(),
                 sentences.size() - before, n);
  }

  auto paths = cc::brown_clusters(sentences, clusters, min_count);
  std::ofstream o(out, std::ios::binary | std::ios::trunc);
  o << "# Brown clusters (crosscheck-word-clusters): " << paths.size() << " words seen at least "
    << min_count << " times in " << tokens << " tokens, " << clusters << " clusters.\n";
  for (const auto& n : notes) o << "# " << n << "\n";
  o << "# word<TAB>path from the root of the cluster tree, most frequent word first\n";
  for (const auto& [word, path] : paths) o << word << '\t' << path << '\n';
  if (!o) {
    std::fprintf(stderr, "error writing %s\n", out.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s: %zu words\n", out.c_str(), paths.size());
  return 0;
}
