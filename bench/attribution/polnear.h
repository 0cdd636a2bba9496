// PolNeAR (brat standoff) for the attribution benchmark and the role
// tagger's trainer: texts normalized as ingest does, gold source, cue and
// content spans in input bytes, and per-token gold role tags.
#pragma once

#include <cstdint>
#include <filesystem>
#include <utility>
#include <vector>

#include "core/document.h"

namespace cc::polnear {

enum Role { kSource, kCue, kContent, kRoles };
inline const char* kRoleNames[] = {"source", "cue", "content"};

struct GoldSpan {
  Role role;
  uint64_t begin, end;  // input bytes
};

struct Text {
  Document doc;
  std::vector<GoldSpan> gold;
};

// The texts of one split (dir/text/*.txt with dir/attributions/*.ann). A text
// annotated by several annotators is read with the first annotation file by
// name. Documents are not tokenized.
std::vector<Text> load_split(const std::filesystem::path& dir);

// The gold spans of a tokenized text as [first, last] token ranges (a token
// belongs to a span when its first input byte lies inside), with each one's
// role in `roles`; spans covering no token are left out.
std::vector<std::pair<int, int>> gold_token_ranges(const Text& t, std::vector<Role>* roles);

// One RoleTag (nlp/attribution/roles.h) per token: B at a span's first token
// and at the first token of each sentence it continues into, I after.
std::vector<uint8_t> gold_tags(const Text& t);

}  // namespace cc::polnear
