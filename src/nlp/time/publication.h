// Publication-date estimation for documents that arrive without one.
//
// Reads Document::text and Document::times (already tagged, so absolute
// expressions are normalized) and proposes the date the text was most likely
// published, with a confidence and the span it rests on. It never guesses
// silently: `reason` says what the estimate is based on, and a document with
// no dates gets an unknown date with confidence 0. The time component calls
// it when Document::published is unknown and stores the result in
// Document::published_estimate / published_confidence.
#pragma once

#include <string>

#include "core/document.h"

namespace cc {

struct PublicationEstimate {
  PartialDate date;       // unknown when the text gives nothing to go on
  double confidence = 0;  // 0..1
  Span evidence;          // the expression the estimate rests on
  std::string reason;     // "dateline", "latest dated past event", ...
};

// Confidence by evidence: a date next to "Published"/"Updated" near the top
// or bottom (0.9); a full date alone on a line there (0.75); otherwise the
// month of the latest past-tense day-precise date (0.5), the latest month
// (0.4) or the latest year (0.3), since reports usually follow the newest
// event they describe.
PublicationEstimate estimate_publication_date(const Document& doc);

}  // namespace cc
