// Main-content extraction: one HTML page to its article text and metadata.
//
// Contract: `body` holds the article's blocks (paragraphs, headings, list
// items, quotes) in page order, one a line, as UTF-8 with a map from every
// byte back to the page's bytes (before charset decoding). Menus, related
// links, comments, captions, cookie banners and ads are left out using
// general cues only: tags, class/id words, text and link density, position
// among siblings, and the length of a JSON-LD articleBody. Fails only on
// bytes that are not text, never on markup; an empty body means the page had
// no article text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "core/text.h"
#include "ingest/web/dates.h"

namespace cc::web {

struct Article {
  Decoded body;
  std::string title;
  std::string url;        // canonical URL, else the one the page was fetched from
  std::string site;       // site name ("Example Times"), else the URL's host
  std::vector<std::string> authors;
  PartialDate published;
  std::string published_from;  // where the date came from: "json-ld", "meta", "time", "url", "text"
  std::string language;   // ISO 639-1
};

struct PageHints {
  std::string url;      // where the page was fetched from (WARC target, feed link)
  std::string charset;  // from an HTTP Content-Type header
};

// Decodes page bytes to UTF-8: BOM, then the HTTP charset, then <meta charset>,
// else UTF-8 with Windows-1252 fallback. Fails only on binary data.
Result<Decoded> decode_page(std::string_view bytes, const std::string& http_charset);

Result<Article> extract_article(std::string_view bytes, const PageHints& hints);

}  // namespace cc::web
