// HTML tokenizer: one forward pass over a page's UTF-8 bytes that reports
// start tags (with attributes), end tags and text, in document order.
//
// Contract: every byte is either markup or text; text is reported as pieces
// that are either verbatim (page[source, source + size) equals the piece) or
// the decoding of exactly one character reference starting at `source`
// ("&amp;", "&#8364;"), so a reader can map every text byte back to the
// page exactly. Broken markup never fails: a '<' that starts no tag is text,
// an unterminated comment or raw-text element runs to the end of the page,
// an unterminated tag at the end is dropped (as browsers do). Comments,
// doctypes and processing instructions are skipped.
//
// The tokenizer knows the elements whose content is not markup: script,
// style, xmp, iframe, noembed, noframes and noscript (raw text, reported
// through raw_text, undecoded) and title and textarea (text with references
// decoded, no tags). It builds no tree: implied end tags and nesting are the
// tree builder's business (page.cc).
//
// Bounds: time is linear in the page (each byte is looked at a bounded
// number of times); tag and attribute names are cut at kMaxNameBytes and
// only the first kMaxAttributes attributes of a tag are reported, so memory
// per token is bounded by the longest attribute value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::web {

inline constexpr size_t kMaxNameBytes = 64;
inline constexpr size_t kMaxAttributes = 64;

struct Attribute {
  std::string_view name;   // lower case
  std::string_view value;  // character references decoded; "" for a bare attribute
};

// Receives the tokens. The views passed in are valid only during the call.
class TokenSink {
 public:
  virtual ~TokenSink() = default;
  // `name` lower case. `self_closing` when written "<name ... />" (never for
  // raw-text elements, whose content runs to their end tag regardless).
  virtual void start_tag(std::string_view name, const std::vector<Attribute>& attributes,
                         bool self_closing) = 0;
  virtual void end_tag(std::string_view name) = 0;
  // A piece of text at page offset `source`; see the contract above.
  virtual void text(std::string_view piece, uint64_t source, bool verbatim) = 0;
  // The undecoded body of a raw-text element (a script, a style sheet).
  virtual void raw_text(std::string_view body, uint64_t source) = 0;
};

void tokenize_html(std::string_view html, TokenSink& sink);

// Appends to `out` the decoding of `s`, an attribute value or other text in
// which character references need a terminating ';' (HTML's rule for
// attributes, so "?a=1&copy=2" stays as written).
void decode_references(std::string_view s, std::string& out);

}  // namespace cc::web
