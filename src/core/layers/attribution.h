// Attribution relations and modality, written by nlp/attribution.
#pragma once

#include <string>
#include <vector>
#include <nlohmann/json_fwd.hpp>

#include "core/span.h"

namespace cc {

// The layer span of an Attribution is its content (the attributed text).
struct Attribution {
  Span cue;                 // "according to", "said", "quoted ... as saying"
  Span source;              // the speaker noun phrase
  std::string cue_lemma;    // "say", "according_to", "estimate", "report", "quote"
  std::string source_name;  // resolved source, canonical when an entity is known
  // Intermediaries between the outlet and the primary source, outermost first:
  // "Yonhap quoted the JCS as saying" -> source JCS, via {"Yonhap"}.
  std::vector<std::string> via;
  // Whom a named speaker speaks for, from the role words before the name:
  // "police" for "Regional police commander Joseph Mwakalinga"; "" when the
  // source phrase names no body.
  std::string affiliation;
  // The primary source's key (nlp/attribution primary_source_key()): two
  // reports are independent confirmations when their keys are not
  // same_primary_source(); the affiliation's when there is one. Empty when
  // there is no source name.
  std::string primary_key;
};

enum class ModalityKind : uint8_t { asserted, hedged, planned, conditional, negated, question };

// The layer span of a Modality is the clause it governs.
struct Modality {
  ModalityKind kind = ModalityKind::asserted;
  Span trigger;  // "likely", "may", "plans", "denied"; empty for asserted
};

void to_json(nlohmann::json& j, const Attribution& a);
void to_json(nlohmann::json& j, const Modality& m);
const char* modality_name(ModalityKind k);

}  // namespace cc
