// Text layers: sentences and tokens, written by nlp/tokenize; each token's
// part-of-speech tag and base-phrase chunk, written by nlp/tag.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace cc {

struct Sentence {
  // Index of the sentence's first token in Document::tokens, and one past its last.
  uint32_t first_token = 0;
  uint32_t end_token = 0;
};

enum class TokenKind : uint8_t { word, number, punct, symbol };

// Penn Treebank part-of-speech tags (docs/tag.md); `none` until nlp/tag runs.
// PRPS is "PRP$", WPS "WP$"; open_quote "``", close_quote "''", lrb "-LRB-",
// rrb "-RRB-".
enum class PosTag : uint8_t {
  none, CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRPS,
  RB, RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WPS, WRB,
  dollar, pound, open_quote, close_quote, lrb, rrb, comma, period, colon
};
inline constexpr int kNumPosTags = static_cast<int>(PosTag::colon) + 1;  // with none

// Base-phrase (chunk) types as CoNLL-2000/2003 give them; `none` outside any
// phrase (IOB "O") and until nlp/tag runs.
enum class ChunkType : uint8_t { none, NP, VP, PP, ADJP, ADVP, SBAR, PRT, CONJP, INTJ, LST };
inline constexpr int kNumChunkTypes = static_cast<int>(ChunkType::LST) + 1;  // with none

struct Token {
  TokenKind kind = TokenKind::word;
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // every letter is upper case (and at least two letters)
  bool space_before = false; // preceded by whitespace in the text
  PosTag pos = PosTag::none;
  ChunkType chunk = ChunkType::none;  // the base phrase the token is in
  bool chunk_begin = false;           // first token of that phrase (IOB2 "B-")
};

void to_json(nlohmann::json& j, const Sentence& s);
// {"kind"}, plus "pos" and "chunk" ("B-NP", "I-VP", "O") once tagged.
void to_json(nlohmann::json& j, const Token& t);
const char* token_kind_name(TokenKind k);

// "NNP", "PRP$", "-LRB-"; "" for none.
const char* pos_tag_name(PosTag t);
// The tag named `name` (PTB names; CoNLL's "(" ")" and "\"" and GMB's "LRB"
// "RRB" are read too); none when unknown.
PosTag parse_pos_tag(std::string_view name);
// "NP", "VP"; "" for none.
const char* chunk_type_name(ChunkType t);
// "B-NP", "I-NP" or "O".
std::string chunk_tag_name(ChunkType t, bool begin);
// The type of "NP", "B-NP" or "I-NP" (none for "O" or an unknown name).
ChunkType parse_chunk_type(std::string_view name);

}  // namespace cc
