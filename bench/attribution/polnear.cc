#include "polnear.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/text.h"
#include "nlp/attribution/roles.h"

namespace fs = std::filesystem;

namespace cc::polnear {

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// brat offsets count code points; the document maps back to input bytes.
std::vector<uint64_t> code_point_to_byte(std::string_view s) {
  std::vector<uint64_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(s.size());
  return out;
}

std::vector<GoldSpan> read_gold(const fs::path& ann, const std::vector<uint64_t>& cp) {
  std::vector<GoldSpan> out;
  std::ifstream in(ann);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != 'T') continue;
    std::stringstream fields(line);
    std::string id, label, ranges;
    std::getline(fields, id, '\t');
    std::getline(fields, label, '\t');
    std::stringstream head(label);
    std::string type;
    head >> type;
    Role role;
    if (type == "Source")
      role = kSource;
    else if (type == "Cue")
      role = kCue;
    else if (type == "Content")
      role = kContent;
    else
      continue;
    std::getline(head, ranges);
    std::stringstream parts(ranges);
    std::string part;
    while (std::getline(parts, part, ';')) {
      size_t b = 0, e = 0;
      if (std::sscanf(part.c_str(), "%zu %zu", &b, &e) != 2 || e > cp.size() - 1 || b >= e)
        continue;
      out.push_back({role, cp[b], cp[e]});
    }
  }
  return out;
}

}  // namespace

std::vector<Text> load_split(const fs::path& dir) {
  std::map<std::string, fs::path> first_ann;  // text stem -> first annotation file
  for (const auto& e : fs::directory_iterator(dir / "attributions")) {
    std::string name = e.path().filename().string();
    if (e.path().extension() != ".ann") continue;
    std::string stem = name.substr(0, name.rfind('_'));
    auto it = first_ann.find(stem);
    if (it == first_ann.end() || e.path() < it->second) first_ann[stem] = e.path();
  }
  std::vector<Text> out;
  for (const auto& [stem, ann] : first_ann) {
    fs::path txt = dir / "text" / (stem + ".txt");
    if (!fs::exists(txt)) continue;
    std::string bytes = read_file(txt);
    auto decoded = decode_text(bytes);
    if (!decoded.ok()) continue;
    Normalized n = normalize_text(decoded.value());
    Text t;
    t.doc.text = std::move(n.text);
    t.doc.offsets = std::move(n.map);
    t.gold = read_gold(ann, code_point_to_byte(bytes));
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::pair<int, int>> gold_token_ranges(const Text& t, std::vector<Role>* roles) {
  const Document& d = t.doc;
  std::vector<uint64_t> input_begin(d.tokens.size());
  for (size_t i = 0; i < d.tokens.size(); ++i)
    input_begin[i] = d.offsets.to_original(d.tokens[i].span.begin);
  std::vector<std::pair<int, int>> out;
  roles->clear();
  for (const auto& g : t.gold) {
    // Tokens count when their first byte lies inside the span.
    auto lo = std::lower_bound(input_begin.begin(), input_begin.end(), g.begin);
    auto hi = std::lower_bound(input_begin.begin(), input_begin.end(), g.end);
    int first = static_cast<int>(lo - input_begin.begin());
    int last = static_cast<int>(hi - input_begin.begin()) - 1;
    if (first > last) continue;
    out.emplace_back(first, last);
    roles->push_back(g.role);
  }
  return out;
}

std::vector<uint8_t> gold_tags(const Text& t) {
  const Document& d = t.doc;
  std::vector<uint8_t> tags(d.tokens.size(), kRoleNone);
  std::vector<bool> sentence_start(d.tokens.size() + 1, false);
  for (const auto& s : d.sentences) sentence_start[s.value.first_token] = true;
  std::vector<Role> roles;
  auto ranges = gold_token_ranges(t, &roles);
  for (size_t k = 0; k < ranges.size(); ++k) {
    auto begin_tag = static_cast<uint8_t>(1 + 2 * roles[k]);
    for (int i = ranges[k].first; i <= ranges[k].second; ++i)
      tags[i] = i == ranges[k].first || sentence_start[i] ? begin_tag : begin_tag + 1;
  }
  return tags;
}

}  // namespace cc::polnear
