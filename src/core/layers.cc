// JSON forms of the layer payloads (schema: docs/annotate.md).
#include <nlohmann/json.hpp>

#include "core/layers/attribution.h"
#include "core/layers/entity.h"
#include "core/layers/quantity.h"
#include "core/layers/text.h"
#include "core/layers/timex.h"

namespace cc {

namespace {
nlohmann::json span_pair(Span s) {
  if (s.empty()) return nullptr;
  return {s.begin, s.end};
}
nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
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

void to_json(nlohmann::json& j, const Sentence& s) {
  j = {{"first_token", s.first_token}, {"end_token", s.end_token}};
}

void to_json(nlohmann::json& j, const Token& t) {
  j = {{"kind", token_kind_name(t.kind)}};
}

const char* timex_type_name(TimexType t) {
  switch (t) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "DATE";
}

void to_json(nlohmann::json& j, const Timex& t) {
  j = {{"type", timex_type_name(t.type)}, {"value", t.value}, {"mod", t.mod}, {"anchor", t.anchor}};
}

void to_json(nlohmann::json& j, const Quantity& q) {
  j = {{"value", q.value},
       {"low", optional_number(q.low)},
       {"high", optional_number(q.high)},
       {"approx", q.approx},
       {"hedge", q.hedge},
       {"unit", q.unit},
       {"counted", q.counted},
       {"counted_class", q.counted_class},
       {"counted_span", span_pair(q.counted_span)},
       {"modifiers", q.modifiers},
       {"is_delta", q.is_delta},
       {"part_of", optional_number(q.part_of)}};
}

const char* entity_type_name(EntityType t) {
  switch (t) {
    case EntityType::person: return "PERSON";
    case EntityType::organization: return "ORG";
    case EntityType::location: return "LOC";
    case EntityType::nationality: return "NORP";
    case EntityType::misc: return "MISC";
  }
  return "MISC";
}

void to_json(nlohmann::json& j, const EntityMention& e) {
  j = {{"type", entity_type_name(e.type)}, {"canonical", e.canonical}, {"confidence", e.confidence}};
}

const char* modality_name(ModalityKind k) {
  switch (k) {
    case ModalityKind::asserted: return "asserted";
    case ModalityKind::hedged: return "hedged";
    case ModalityKind::planned: return "planned";
    case ModalityKind::conditional: return "conditional";
    case ModalityKind::negated: return "negated";
    case ModalityKind::question: return "question";
  }
  return "asserted";
}

void to_json(nlohmann::json& j, const Attribution& a) {
  j = {{"cue", span_pair(a.cue)},
       {"source", span_pair(a.source)},
       {"cue_lemma", a.cue_lemma},
       {"source_name", a.source_name},
       {"via", a.via}};
}

void to_json(nlohmann::json& j, const Modality& m) {
  j = {{"kind", modality_name(m.kind)}, {"trigger", span_pair(m.trigger)}};
}

}  // namespace cc
