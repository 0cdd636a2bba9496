// Attribution and modality: who says so, through whom, and how sure.
//
// The component reads sentences, tokens and (when present) entities, and
// writes two layers:
//   Document::attributions  one item per attribution relation; the layer span
//                           is the content (the attributed text, quotes kept),
//                           the payload holds the cue, the source phrase, the
//                           resolved source name and the intermediaries.
//   Document::modalities    one item per clause of every sentence (asserted
//                           ones too), so any span has a clause to look up.
// Cues and modality triggers come from data/attribution/{cues,modality}.tsv.
// Rules, not a model: see docs/attribution.md for the constructions handled
// and the known limits. Every pass is linear in the tokens (bounded look-back
// windows), so a 10,000-sentence quote costs what its tokens cost.
//
// The query helpers below are what the claims stage uses: for a figure or an
// event trigger, the attribution covering it, its chain and the modality of
// its clause; and a primary-source key so that independent confirmations are
// counted as distinct primary sources, not distinct outlets.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/attribution/roles.h"
#include "nlp/pipeline.h"

namespace cc {

// Loads data/attribution/cues.tsv, modality.tsv and roles.model from
// resources.data_dir.
Result<std::unique_ptr<Component>> make_attribution_tagger(const Resources& resources);

// The same without the role tagger (what it is trained on): the lexicons only.
Result<std::unique_ptr<Component>> make_attribution_rules(const Resources& resources);

// For training the role tagger: runs a rules-only tagger on `doc` (already
// tokenized), leaving the rules' layers, and returns what the role tagger
// reads of every token.
Result<RoleTokens> attribution_role_inputs(const Component& rules, Document& doc);

// The innermost attribution whose content contains `span`, or nullptr when the
// text is the outlet's own. Requires the pipeline to have run. Linear in the
// attributions that begin before `span`.
const Attribution* attribution_for(const Document& doc, Span span);

// The modality of the clause holding span.begin; asserted when no clause does.
// A hedging cue of the covering attribution ("estimates", "suggests",
// "claimed") makes an otherwise asserted clause hedged.
ModalityKind modality_for(const Document& doc, Span span);

// The full chain, outermost first: the document's outlet (when known), the
// intermediaries, then the primary source. "Meridian quoted the JDS as saying"
// in a report by outlet X -> {X, "Meridian", "JDS"}.
std::vector<std::string> attribution_chain(const Document& doc, const Attribution& a);

// A key for counting independent primary sources; the component stores each
// attribution's in Attribution::primary_key. Two source names get keys
// that compare equal under same_primary_source() when the text gives evidence
// that they are one source: an acronym defined in `doc` ("Security
// Intelligence Service (SIS)"), the same head after dropping determiners,
// titles, document nouns ("the JDS report") and a location qualifier
// ("Valdor's", "Valdoran": kept apart as "@qualifier"), a sub-unit
// of a named body ("the military's General Staff" -> the military), or a
// surname of a person named in full elsewhere in `doc`. Empty for an empty name.
// Reads `doc`'s tokens for acronym definitions on each call: compute a
// report's keys once, not per comparison.
std::string primary_source_key(const Document& doc, std::string_view source_name);

// The same for a name already resolved across documents (a story entity's
// canonical name, so acronyms and surnames are resolved): every rule above
// but the two that need the document.
std::string primary_source_key(std::string_view canonical_name);

// True when two keys name one primary source: same head, and their location
// qualifiers do not differ (same_qualifier).
bool same_primary_source(std::string_view key_a, std::string_view key_b);

// True when two keys carry the same location qualifier or one has none.
bool same_qualifier(std::string_view key_a, std::string_view key_b);

// The distinct primary sources a report cites, as readable names in order of
// first mention (one name per same_primary_source() group), for a report's
// summary line.
std::vector<std::string> document_primary_sources(const Document& doc);

// The number of distinct primary sources among `keys` (empty keys ignored):
// keys with one head count once unless they carry different qualifiers.
size_t count_primary_sources(const std::vector<std::string>& keys);

}  // namespace cc
