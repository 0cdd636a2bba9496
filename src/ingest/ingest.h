// The ingest stage: input files to normalized Documents.
//
// Contract: every input (file, directory walked recursively, "-" for stdin)
// yields zero or more Documents with normalized text, an offset map back to the
// input bytes, metadata, and the non-body lines that were dropped (see
// boilerplate.h). An input that cannot be read produces one InputError naming
// it and the problem, and the others go on. Per-document work is a pure
// function of the bytes and the options, so inputs can be read in parallel.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "core/text.h"

namespace cc {

struct IngestOptions {
  std::string source;          // --source: outlet for every input
  PartialDate published;       // --published: date for every input
  std::string meta_path;       // --meta: JSONL manifest {file, published, source, url, title}
};

struct InputError {
  std::string path;
  std::string message;
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(InputError&&)>;

// Streams documents from the inputs in input order (directories sorted by name).
// Returns an error only when the options themselves are unusable (an
// unreadable manifest); per-input problems go to on_error.
Status read_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                   const DocumentSink& on_document, const ErrorSink& on_error);

// Builds a Document from decoded text (a web page's extracted body, with its
// map to the page's bytes): normalizes, drops non-body lines, fills id.
// Title and other metadata are the caller's.
Result<Document> document_from_decoded(const Decoded& decoded, std::string path);

// Builds a Document from the bytes of one plain-text input: decodes, drops
// non-body lines, normalizes, takes the first line as title when it reads as
// a headline. `path` names the input in errors and metadata.
Result<Document> document_from_text(std::string_view bytes, std::string path);

}  // namespace cc
