#include "core/layers/attribution.h"

#include <nlohmann/json.hpp>

namespace cc {

namespace {
nlohmann::json span_pair(Span s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json{s.begin, s.end}; }
}  // namespace

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
       {"via", a.via},
       {"affiliation", a.affiliation},
       {"primary_key", a.primary_key}};
}

void to_json(nlohmann::json& j, const Modality& m) {
  j = {{"kind", modality_name(m.kind)}, {"trigger", span_pair(m.trigger)}};
}

}  // namespace cc
