// Time consistency within one document: relative expressions that contradict
// the document's own explicit dates for the same event.
//
// "North Korea sent troops this year" in a report published 2025-03 puts the
// sending in 2025; "troops were sent between January and February 2024" in the
// same report puts it in 2024. find_time_conflicts returns such pairs with both
// spans so the claims stage can flag the fact instead of trusting either.
//
// Two expressions are about the same event when at least two content words
// within eight tokens of each share a stem ("sent"/"send", "troops"/"troop",
// "deployed"/"deploying"); the years they cover must not overlap. Reads Document::text, tokens, sentences and times (run the time
// component first). Cost: linear in tokens plus the pairs of relative and
// absolute date expressions, of which only the first 1,000 dated expressions
// take part.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace cc {

struct TimeConflict {
  Span relative;  // "this year", anchored on the (estimated) publication date
  Span absolute;  // "between January and February 2024"
  std::string relative_value;  // "2025"
  std::string absolute_value;  // "2024-01/2024-02"
  std::string event;           // the shared stems: "additional russia troop"
  std::string explanation;     // a sentence for the reader
};

std::vector<TimeConflict> find_time_conflicts(const Document& doc);

}  // namespace cc
