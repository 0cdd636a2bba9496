#include "core/layers/text.h"

#include <nlohmann/json.hpp>

namespace cc {

namespace {

constexpr const char* kPosNames[kNumPosTags] = {
    "",    "CC",  "CD",   "DT",  "EX",  "FW",  "IN",  "JJ",  "JJR", "JJS", "LS",  "MD",
    "NN",  "NNS", "NNP",  "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP",
    "SYM", "TO",  "UH",   "VB",  "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP",  "WP$",
    "WRB", "$",   "#",    "``",  "''",  "-LRB-", "-RRB-", ",", ".",   ":"};

constexpr const char* kChunkNames[kNumChunkTypes] = {"",     "NP",  "VP",    "PP",   "ADJP", "ADVP",
                                                     "SBAR", "PRT", "CONJP", "INTJ", "LST"};

}  // namespace

const char* token_kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::punct: return "punct";
    case TokenKind::symbol: return "symbol";
  }
  return "word";
}

const char* pos_tag_name(PosTag t) {
  auto i = static_cast<size_t>(t);
  return i < static_cast<size_t>(kNumPosTags) ? kPosNames[i] : "";
}

PosTag parse_pos_tag(std::string_view name) {
  if (name.empty()) return PosTag::none;
  for (int i = 1; i < kNumPosTags; ++i)
    if (name == kPosNames[i]) return static_cast<PosTag>(i);
  if (name == "(" || name == "LRB") return PosTag::lrb;
  if (name == ")" || name == "RRB") return PosTag::rrb;
  if (name == "\"") return PosTag::close_quote;
  if (name == ";") return PosTag::colon;
  return PosTag::none;
}

const char* chunk_type_name(ChunkType t) {
  auto i = static_cast<size_t>(t);
  return i < static_cast<size_t>(kNumChunkTypes) ? kChunkNames[i] : "";
}

std::string chunk_tag_name(ChunkType t, bool begin) {
  if (t == ChunkType::none) return "O";
  return std::string(begin ? "B-" : "I-") + chunk_type_name(t);
}

ChunkType parse_chunk_type(std::string_view name) {
  if (name.size() > 2 && (name[0] == 'B' || name[0] == 'I') && name[1] == '-') name.remove_prefix(2);
  for (int i = 1; i < kNumChunkTypes; ++i)
    if (name == kChunkNames[i]) return static_cast<ChunkType>(i);
  return ChunkType::none;
}

void to_json(nlohmann::json& j, const Sentence& s) {
  j = {{"first_token", s.first_token}, {"end_token", s.end_token}};
}

void to_json(nlohmann::json& j, const Token& t) {
  j = {{"kind", token_kind_name(t.kind)}};
  if (t.pos != PosTag::none) {
    j["pos"] = pos_tag_name(t.pos);
    j["chunk"] = chunk_tag_name(t.chunk, t.chunk_begin);
  }
}

}  // namespace cc
