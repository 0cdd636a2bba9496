// Claims: what one sentence of one report says happened or how much, before
// it is lined up with other reports. Internal to the claims stage.
//
// A claim is anchored on a figure (a quantity claim) or on a predicate word
// (an event claim) and carries what the layers around it say: the predicate
// class, the counted thing, the actor, the nearest date, the attribution
// chain and the modality. extract_claims() is a pure function of one
// Document and does work linear in its layers' sizes (sentences are walked
// once; per sentence, candidates are bounded by the sentence's tokens).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "claims/time_range.h"
#include "core/document.h"
#include "core/text.h"  // ascii_lower

namespace cc {

struct Claim {
  size_t doc = 0;                // index of the document in build_brief's input
  Span sentence;
  Span trigger;                  // the predicate word; empty when none was found
  std::string predicate;         // predicate class, "" when none
  std::string actor;             // canonical entity, "" when unknown

  // Quantity claims only.
  const Quantity* quantity = nullptr;
  Span quantity_span;
  std::string counted_class;     // "" matches any (unknown or a casualty noun)
  std::string counted;           // singular lemma of the counted noun
  bool is_delta = false;
  bool revises = false;          // worded as a revision of an earlier figure (is_revision_word)
  bool is_part = false;          // a first batch of a total: "the first 200,000 doses"
  std::string rate;              // "day" in "150 million dollars a day", "" for amounts

  // Event claims without a figure: singular words of the noun phrases next to
  // the trigger and whether a delta modifier stands there ("the additional
  // troops were deployed"), to find the figure they refer back to.
  std::vector<std::string> object_words;
  bool object_delta = false;

  // The nearest date in the sentence.
  std::string time;              // TIMEX3 value, "" when none
  std::string time_anchor;       // "absolute", "published", "estimated", "text", "none"
  Span time_span;
  std::optional<TimeRange> range;

  std::string source;            // primary source, "" when the outlet's own
  // The source's primary-source key (primary_source_key() of the body it
  // speaks for, else of `source`), "" when the outlet's own.
  std::string source_key;
  std::string cited_source;      // "police" in "the police count of 41": a figure cited, not reported
  std::vector<std::string> via;
  Span source_span;
  std::string modality = "asserted";
  // What might be, not what is: conditional, or hedged by a word of
  // possibility ("could rise to nearly 100"); such figures are facts of
  // their own. (A planned figure, "plans to send 150", is the figure the
  // sending will have.)
  bool projected = false;
};

// Maps an entity name as a document writes it (canonical within the document)
// to the canonical name across documents.
using EntityResolver = std::function<std::string(const std::string&)>;

// Appends the claims of `doc` (index `doc_index`) to `out`.
void extract_claims(const Document& doc, size_t doc_index, const EntityResolver& resolve,
                    std::vector<Claim>* out);

// Whether two canonical actor names can name the same thing: equal, either
// unknown, or one a word-prefix of the other ("North Korea"/"North Korean").
bool actors_compatible(const std::string& a, const std::string& b);

}  // namespace cc
