// The ingest stage: input files to normalized Documents.
//
// Contract: every input (file, directory walked recursively, "-" for stdin)
// yields zero or more Documents with normalized text, an offset map back to the
// input bytes, metadata, and the non-body lines that were dropped (see
// boilerplate.h). An input that cannot be read produces one InputError naming
// it and the problem, and the others go on. Per-document work is a pure
// function of the bytes and the options, so inputs can be read in parallel.
//
// Inputs, by name and first bytes:
//   web pages, WARC, feeds   -> ingest/web (is_web_input decides)
//   *.jsonl, *.ndjson        -> one document a line: {id, url, source, title,
//                               published, text | html}; "-" is JSONL when it
//                               opens with '{'
//   anything else            -> plain text (UTF-8, UTF-16 with BOM, Windows-1252)
//   *.gz                     -> gunzipped first, then as above by the inner name
//
// Metadata, most specific first: the manifest entry (--meta) for the file, the
// JSONL record's fields (or the page's), the flags (--source, --published),
// and for plain text a first line that reads as a headline becomes the title.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "core/text.h"

namespace cc {

struct IngestOptions {
  std::string source;     // --source: outlet for every input
  PartialDate published;  // --published: date for every input
  std::string meta_path;  // --meta: JSONL manifest {file, published, source, url, title}
};

// A problem with one input. Fatal errors mean the input (or JSONL line)
// yielded no document; the rest are notes on a document that was kept
// ("3 invalid UTF-8 sequences replaced").
struct InputError {
  std::string path;  // "file", or "file:line" for a JSONL record
  std::string message;
  bool fatal = true;
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(InputError&&)>;

// Metadata the user gives for one input (a manifest line) or every input (flags).
struct InputMetadata {
  std::string source;
  std::string url;
  std::string title;
  PartialDate published;
};

// Reads inputs with fixed options. read() is const and thread-safe, so callers
// may read many files at once.
class Ingester {
 public:
  // Loads the manifest named in the options; fails naming the manifest and
  // line when it cannot be read or a line is not {file, ...}.
  static Result<Ingester> create(const IngestOptions& options);

  // Expands directories (recursively, sorted by path) into files; other paths
  // pass through. The manifest is not an input and is skipped when a
  // directory holds it. Unlistable directories go to on_error.
  std::vector<std::string> expand(const std::vector<std::string>& paths,
                                  const ErrorSink& on_error) const;

  // Reads one file (not a directory) or "-", emitting its documents in order.
  void read(const std::string& path, const DocumentSink& on_document,
            const ErrorSink& on_error) const;

  // The manifest entry for an input: its path as given, else the longest
  // trailing part of it ("seeds/a.txt", "a.txt") that a manifest line names.
  const InputMetadata* manifest_entry(const std::string& path) const;

 private:
  void finish(Document& doc, const InputMetadata* entry) const;
  void read_jsonl(std::string_view bytes, const std::string& path, const InputMetadata* entry,
                  const DocumentSink& on_document, const ErrorSink& on_error) const;

  IngestOptions options_;
  std::unordered_map<std::string, InputMetadata> manifest_;  // by the "file" as written
};

// Reads every input in order, one at a time. Returns an error only when the
// options themselves are unusable (a bad manifest); per-input problems go to
// on_error.
Status read_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                   const DocumentSink& on_document, const ErrorSink& on_error);

// Builds a Document from decoded text (a web page's extracted body, with its
// map to the page's bytes): drops non-body lines, normalizes, fills id.
// Title and other metadata are the caller's.
Result<Document> document_from_decoded(const Decoded& decoded, std::string path);

// Builds a Document from the bytes of one plain-text input: decodes, drops
// non-body lines, normalizes, takes the first line as title when it reads as
// a headline. `path` names the input in errors and metadata.
Result<Document> document_from_text(std::string_view bytes, std::string path);

// The headline in a document's first line, or "" when it does not read as
// one: at most 200 bytes, no final period, and Title Case or a Markdown
// heading ("# ...", "**...**", whose markers are not part of the title).
std::string headline(std::string_view first_line);

}  // namespace cc
