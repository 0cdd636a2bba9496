// The claims stage: from annotated documents to cross-checked facts.
//
// Contract: build_brief() reads Documents that went through the nlp pipeline
// (and, optionally, the copy links of the story stage) and returns facts
// (figures lined up across reports with a reconciliation status), dated
// events in event-time order, inconsistencies, sources and entities. Every
// item points back at its evidence: the document id and the byte span of the
// sentence and of the value in that document's normalized text, plus the
// value's input offsets. It never reads files and never mutates documents.
//
// Work is linear in the number of claims times the number of distinct facts
// in a block (claims are blocked by predicate class, unit and delta/total),
// so a story of 10,000 reports stays far from quadratic. See docs/claims.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "story/story.h"

namespace cc {

struct Evidence {
  std::string doc_id;
  Span sentence;       // the sentence in the document's normalized text
  Span span;           // the value or event trigger itself
  uint64_t input_begin = 0;  // span mapped back to input bytes
  uint64_t input_end = 0;
  std::string quote;         // the span's text
};

// One report of a figure by one document.
struct FactReport {
  std::string doc_id;
  std::string as_written;      // "over 6,000"
  double value = 0;
  std::optional<double> low, high;
  bool approx = false;
  double rounding = 0;         // half the last written digit of a whole measure ("46 degrees": 45.5-46.5)
  std::string hedge;
  std::string attributed_to;   // primary source, "" when the outlet's own
  // Its primary-source key (claims/extract.h Claim::source_key), for
  // counting independent sources while the brief is built; not stored in
  // the ledger, whose facts are compared, never reconciled again.
  std::string source_key;
  std::vector<std::string> via;  // intermediaries, outermost first
  std::string modality;        // "asserted", "hedged", "planned", ...
  std::string time;            // TIMEX3 value of the time the figure refers to, "" when none
  std::string time_as_written; // "in January and February"
  bool is_delta = false;
  bool revises = false;        // worded as a revision ("has risen to", "now", "revised")
  std::optional<double> part_of;  // "4,000 of the initial 11,000" -> 11000
  std::string copy_of;         // doc id this report's document copies, "" when original
  // Why this report was lined up with the fact's first one, and how sure (0..1).
  std::string alignment;
  double alignment_score = 1;
  Evidence evidence;
  std::string sentence_text;
};

enum class FactStatus { agreed, disputed, updated, single_source };
const char* fact_status_name(FactStatus s);

struct Fact {
  std::string id;              // stable within a ledger: hash of the fact's key
  std::string what;            // "additional troops (send)", what is counted and how
  std::string predicate;       // predicate class: "send", "casualty", "control", ...
  std::string counted_class;   // matching key for the counted thing
  std::string actor;           // canonical entity the figure is about, "" when unknown
  std::string unit;
  bool is_delta = false;       // a change ("an additional 3,000"), not a total
  FactStatus status = FactStatus::single_source;
  std::string note;            // why disputed / how it was updated, for the reader
  int primary_sources = 0;     // independent sources (copies counted once)
  std::vector<FactReport> reports;  // one per document, in document order
};

struct EventReport {
  std::string doc_id;
  std::string attributed_to;
  std::vector<std::string> via;
  std::string modality;
  std::string time;            // TIMEX3 value as this report gives it, "" when undated
  std::string time_as_written;
  std::string copy_of;
  Evidence evidence;
  std::string sentence_text;
};

struct Event {
  std::string id;
  std::string what;            // "Shoigu traveled to North Korea", from the first report
  std::string predicate;       // predicate class: "visit", "send", ...
  std::string actor;           // canonical entity, "" when unknown
  std::string time;            // TIMEX3 value of when it happened
  std::string precision;       // "day", "month", "season", "year", ...
  bool planned = false;        // future or planned, not yet happened
  std::vector<EventReport> reports;
};

struct Inconsistency {
  std::string doc_id;
  std::string what;            // a sentence for the reader
  std::vector<Evidence> evidence;  // both (or all) spans that conflict
};

struct SourceSummary {
  std::string doc_id;
  std::string path;
  std::string outlet;
  std::string title;
  std::string published;
  std::vector<std::string> primary_sources;  // distinct attributed sources in this report
  std::string copy_of;         // doc id this report copies, "" when original
};

struct EntitySummary {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
  int mentions = 0;
  int documents = 0;
};

struct RemovedSummary {
  std::string doc_id;
  RemovedText removed;
};

struct Brief {
  std::string title;
  std::vector<SourceSummary> sources;
  std::vector<Fact> facts;             // disputes first
  std::vector<Event> events;           // in event-time order
  std::vector<Inconsistency> inconsistencies;
  std::vector<RemovedSummary> removed;
  std::vector<EntitySummary> entities;
};

// `copies` (from cluster_stories) marks reports that copy another: they are
// shown with "copy of" and never counted as independent confirmation.
Brief build_brief(const std::vector<Document>& docs, const std::vector<CopyLink>& copies = {});

// What changed between a ledger's brief before and after new reports came in,
// for the ledger's ingest command to print.
struct BriefChange {
  std::string kind;     // "new figure", "now disputed", "updated", "confirmed by a second
                        // primary source", "new event"
  std::string fact_id;  // fact or event id
  std::string text;     // a sentence for the reader
};
std::vector<BriefChange> compare_briefs(const Brief& before, const Brief& after);

}  // namespace cc
