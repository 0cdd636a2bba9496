// The document model every stage shares (in the spirit of spaCy's Doc).
//
// A Document owns one normalized UTF-8 text (see core/text.h) and a map from
// it back to the input bytes. Every annotation is a Layer of spans over that
// text; a stage adds its layer and reads the layers of earlier stages, never
// rewriting the text. Lines that ingest dropped as non-body ("Read more: ...")
// are kept in `removed`, with input offsets, so reports can show them.
//
// Invariants: text is normalized; every span lies within text and on UTF-8
// character boundaries; every layer is sorted (Layer::sort) once its stage ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>
#include <nlohmann/json_fwd.hpp>

#include "core/date.h"
#include "core/layers/attribution.h"
#include "core/layers/entity.h"
#include "core/layers/quantity.h"
#include "core/layers/text.h"
#include "core/layers/timex.h"
#include "core/offset_map.h"
#include "core/span.h"

namespace cc {

struct RemovedText {
  uint64_t original_begin = 0;  // input byte offsets of the dropped line
  uint64_t original_end = 0;
  std::string text;
  std::string rule;    // the rule that matched: "read-more", "comments-closed", ...
  std::string reason;  // a sentence for the reader
};

struct Document {
  // Metadata.
  std::string id;        // content hash of the normalized text (16 hex digits)
  std::string path;      // the input it came from ("-" for stdin; "file.warc.gz#3" for records)
  std::string source;    // outlet ("Kyiv Independent"), "" when unknown
  std::string url;
  std::string title;
  std::string language;  // ISO 639-1, "" when unknown
  PartialDate published;
  // When `published` is unknown: the date nlp/time estimated from the text,
  // and its confidence in [0, 1] (0 when nothing could be estimated).
  PartialDate published_estimate;
  double published_confidence = 0;
  std::string encoding;  // as decoded
  size_t replaced_bytes = 0;  // invalid input sequences replaced by U+FFFD

  // Content.
  std::string text;
  OffsetMap offsets;  // text offset -> input offset
  std::vector<RemovedText> removed;

  // Layers, in the order the nlp pipeline writes them.
  Layer<Sentence> sentences;
  Layer<Token> tokens;
  Layer<Timex> times;
  Layer<Quantity> quantities;
  Layer<EntityMention> entities;
  Layer<Attribution> attributions;
  Layer<Modality> modalities;

  std::string_view operator[](Span s) const { return s.of(text); }
  // Sets id from text.
  void assign_id();
};

// "MWANZA, Tanzania — ", "KYIV (Reuters) - ": a dateline opening the
// sentence of tokens [first, end) names where the report was filed, not who
// did or said anything. Returns the token after its dash, or `first` when
// there is none. A dateline is a few capitalized words (after a first word
// in capitals, lower-case ones too: "BRENNA, Halden province"), commas and a
// parenthesized agency, with a word all in capitals or a comma, so "Kim Jong
// Un — the leader — said" is not one.
uint32_t dateline_end(const Document& doc, uint32_t first, uint32_t end);

// The document's sentences as windows of at most `max_tokens` tokens: a
// run-on "sentence" (garbled or hostile input without full stops) is cut
// into consecutive windows, so a stage that looks around inside a sentence
// stays linear; an ordinary sentence is one window.
struct SentenceWindow {
  uint32_t first_token, end_token;
  Span span;
};
std::vector<SentenceWindow> sentence_windows(const Document& doc, uint32_t max_tokens);

// 64-bit content hash as 16 lower-case hex digits.
std::string content_hash(std::string_view bytes);

// Serializes a document with metadata and every layer; spans carry both the
// normalized offsets ("start", "end") and input offsets ("input_start",
// "input_end"), and the covered text. The schema is docs/annotate.md.
nlohmann::json to_json(const Document& doc);

}  // namespace cc
