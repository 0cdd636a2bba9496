// The time component: finds dates, times, durations and sets in a Document
// and normalizes each to a TIMEX3-style value in Document::times.
//
// Contract: reads Document::text, sentences and tokens (tokenize runs first)
// and Document::published; rewrites Document::times. Relative expressions
// ("last fall", "on Thursday", "later this year") are anchored on the
// publication date, taking the sentence's tense into account ("on Thursday"
// in a past-tense sentence is the Thursday before publication). When the
// publication date is missing, it is estimated from the text
// (nlp/time/publication.h), stored in Document::published_estimate and,
// when its confidence is at least 0.5 (a dateline or a day-precise past
// event), used with anchor "estimated"; when no anchor is precise enough the value
// is underspecified ("XXXX-WXX-4") and Timex::note says why. Bounded work per
// token: every pattern looks at most a fixed number of tokens ahead.
#pragma once

#include <memory>
#include <string_view>

#include "nlp/pipeline.h"

namespace cc {

Result<std::unique_ptr<Component>> make_time_tagger(const Resources& resources);

// Clears and rewrites doc.times, anchoring relative expressions on `anchor`
// (which may be unknown or imprecise). `anchor_kind` is written to
// Timex::anchor for values computed from it ("published" or "estimated").
void tag_times(Document& doc, const PartialDate& anchor, std::string_view anchor_kind);

}  // namespace cc
