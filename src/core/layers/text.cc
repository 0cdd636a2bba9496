#include "core/layers/text.h"

#include <nlohmann/json.hpp>

namespace cc {

const char* token_kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::punct: return "punct";
    case TokenKind::symbol: return "symbol";
  }
  return "word";
}

void to_json(nlohmann::json& j, const Sentence& s) {
  j = {{"first_token", s.first_token}, {"end_token", s.end_token}};
}

void to_json(nlohmann::json& j, const Token& t) {
  j = {{"kind", token_kind_name(t.kind)}};
}

}  // namespace cc
