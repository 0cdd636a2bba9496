// A parsed web page reduced to what article extraction needs: a flat tree of
// elements (tag, class/id cues, parent) and the page's visible text cut into
// blocks (a paragraph, heading, list item, or the loose text of a div), each
// made of pieces that point back to the page's UTF-8 bytes.
//
// Built in one pass of our tokenizer (tokenizer.h; libxml2's and gumbo's
// parsers alone are slower than the whole extraction must be, see
// bench/web/RESULTS.md), with the implied end tags pages rely on. Each text
// piece knows its exact byte position. Subtrees that are never article text
// (scripts, navigation, hidden elements, cookie banners, comment sections) are
// dropped while parsing. Elements whose class/id reads as clutter or page
// furniture are only flagged: such words also name page-wide wrappers
// ("page-ad-margins"), so extraction skips them first and retries without.
// Bounds: elements nested deeper than kMaxDepth are flattened into their
// deepest kept ancestor, so hostile nesting costs linear time and memory.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cc::web {

inline constexpr int kMaxDepth = 200;

struct Element {
  std::string tag;      // lower case
  uint32_t parent = 0;  // index into Page::elements; the root is its own parent
  uint16_t depth = 0;
  int16_t cue = 0;      // class/id weight: > 0 reads as content, < 0 as clutter
  // Totals over the element's kept subtree, filled after parsing.
  uint32_t text_chars = 0;
  uint32_t link_chars = 0;
  float score = 0;
  bool candidate = false;
  bool clutter = false;         // class/id reads as clutter ("comments", "related", "cookie")
  bool unlikely = false;        // class/id reads as page furniture ("sidebar", "widget")
  bool under_clutter = false;   // this or an ancestor is clutter
  bool under_unlikely = false;  // this or an ancestor is unlikely
};

// A run of text copied from the page: `text` is page[source, source+len)
// unless an entity or reference was decoded in it, then `verbatim` is false
// and only its start is mapped.
struct Piece {
  uint32_t text_begin = 0;  // into Page::text
  uint32_t text_end = 0;
  uint64_t source = 0;      // byte offset in the UTF-8 page
  bool verbatim = true;
};

struct Block {
  uint32_t owner = 0;        // innermost block-level element holding the text
  uint32_t piece_begin = 0;  // into Page::pieces
  uint32_t piece_end = 0;
  uint32_t chars = 0;        // non-space bytes
  uint32_t link_chars = 0;   // of which inside <a>
  uint32_t commas = 0;
  bool heading = false;
};

struct Page {
  std::vector<Element> elements;  // [0] is the document root
  std::vector<Block> blocks;      // in document order
  std::vector<Piece> pieces;
  std::string text;               // every piece's text, spaces folded per piece
  // Head data for metadata.
  std::string title;              // <title>
  std::string lang;               // <html lang>
  std::vector<std::pair<std::string, std::string>> meta;  // (name|property|itemprop, content), lower-case keys
  std::vector<std::pair<std::string, std::string>> links; // (rel, href)
  // Date evidence, in page order; none of it from comment sections, related
  // links or teasers of other articles.
  std::vector<std::string> time_datetimes;  // <time datetime> values
  struct DateText {
    std::string text;       // text of an element whose class/id says date, time, published
    bool modified = false;  // ... or says last modified
  };
  std::vector<DateText> date_texts;
  // The first few <h1>s (one is the article's headline; others may be a logo
  // or a screen-reader greeting), for the date that sits in or under it.
  struct Headline {
    std::string text;   // its own text (a date may sit in it, in a <small>)
    std::string after;  // the first text after it, hidden parts included
  };
  std::vector<Headline> headlines;
  std::vector<std::string> data_dates;  // "datePublished" values in <script type="application/json">
  std::vector<std::string> json_ld;                      // <script type="application/ld+json"> bodies

  std::string_view block_text(const Block& b) const;
  // The first non-blank value of the first of `keys` the page has.
  const std::string* meta_value(std::initializer_list<std::string_view> keys) const;
};

// Parses UTF-8 HTML. Never fails: broken markup gives the parser's best tree.
Page parse_page(std::string_view utf8);

}  // namespace cc::web
