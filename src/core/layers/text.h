// Text layers: sentences and tokens, written by nlp/tokenize.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>

namespace cc {

struct Sentence {
  // Index of the sentence's first token in Document::tokens, and one past its last.
  uint32_t first_token = 0;
  uint32_t end_token = 0;
};

enum class TokenKind : uint8_t { word, number, punct, symbol };

struct Token {
  TokenKind kind = TokenKind::word;
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // every letter is upper case (and at least two letters)
  bool space_before = false; // preceded by whitespace in the text
};

void to_json(nlohmann::json& j, const Sentence& s);
void to_json(nlohmann::json& j, const Token& t);
const char* token_kind_name(TokenKind k);

}  // namespace cc
