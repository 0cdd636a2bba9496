// Time consistency within one document: relative expressions that contradict
// the document's own explicit dates for the same event.
//
// "North Korea sent troops this year" in a report published 2025-03 puts the
// sending in 2025; "troops were sent between January and February 2024" in the
// same report puts it in 2024. find_time_conflicts returns such pairs with both
// spans so the claims stage can flag the fact instead of trusting either.
//
// Two dated statements tell the same event when they have the same trigger
// (the verb nearest each date, by stem: "sent" / "send", "deployed" /
// "deploying", or by event class when one is given) and share at least one participant (a content word near both,
// by stem: "troops" / "troop"). Even then a past statement and a planned one
// ("visited Paris in 2019" / "will visit Paris later this year") are two
// occurrences, as are statements marked as repeats ("again", "another"), so
// only statements of the same mood are compared, and their years must not
// overlap. Reads Document::text, tokens, sentences and times (run the time
// component first). Cost: linear in tokens plus the pairs of relative and
// absolute date expressions, of which only the first 1,000 dated expressions
// take part.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace cc {

struct TimeConflict {
  Span relative;  // "this year", anchored on the (estimated) publication date
  Span absolute;  // "between January and February 2024"
  std::string relative_value;  // "2025"
  std::string absolute_value;  // "2024-01/2024-02"
  std::string event;           // trigger stem, then the shared participants: "send troop"
  std::string explanation;     // a sentence for the reader
};

// Maps a lower-case word to the class of event it names ("sent",
// "deployed", "deployment" -> "send"), "" for none. The claims stage passes
// its predicate lexicon so that synonyms tell one event; without it a
// trigger matches only its own stem.
using EventClass = std::string_view (*)(std::string_view lower_word);

std::vector<TimeConflict> find_time_conflicts(const Document& doc, EventClass event_class = nullptr);

}  // namespace cc
