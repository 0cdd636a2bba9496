// Web inputs: saved pages (.html, .htm, .html.gz), WARC archives (.warc,
// .warc.gz), RSS/Atom feeds, and HTML carried in JSONL records.
//
// Contract: main-content extraction turns a page into article text (one block
// a line) with an offset map back to the page's bytes, plus metadata (title,
// publication date with precision, authors, site, canonical URL, language).
// Hostile markup gets bounded time and memory; a page that cannot be used is
// an error naming the input, and the rest of an archive goes on.
#pragma once

#include <string>
#include <string_view>

#include "ingest/ingest.h"
#include "ingest/web/archive.h"

namespace cc {

// True when the input should go through read_web_input (by name and first bytes).
bool is_web_input(const std::string& path, std::string_view head);

// Reads one web input, emitting one document per article (a WARC or a feed
// may hold many) and one error per unusable record.
void read_web_input(std::string_view bytes, const std::string& path,
                    const DocumentSink& on_document, const ErrorSink& on_error);
// The same, also counting records, pages and skipped non-HTML records.
void read_web_input(std::string_view bytes, const std::string& path,
                    const DocumentSink& on_document, const ErrorSink& on_error,
                    web::ContainerStats* stats);

// Builds a document from the HTML of one page (a JSONL record's "html");
// `url`, when known, is where the page was fetched from (a date may be in it).
Result<Document> document_from_html(std::string_view html, std::string path,
                                    const std::string& url = {});

}  // namespace cc
