// Non-body lines: the one rule table that decides which lines of a report are
// page furniture ("Read more: ...", "Comments are closed", share prompts,
// photo and video captions, copyright lines) rather than reporting.
//
// Contract: a line is dropped only when the whole line matches a rule; a body
// sentence that merely mentions "read more" or "photo" is kept. Rules look at
// lines of at most kMaxNonBodyLine bytes, so a paragraph is never dropped and
// the scan costs one pass over the text. Pure functions, safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace cc {

inline constexpr size_t kMaxNonBodyLine = 400;

struct NonBodyRule {
  const char* name;    // "read-more", "comments-closed", ...
  const char* reason;  // a sentence for the reader
};

struct NonBodyLine {
  size_t begin = 0;  // byte range of the trimmed line in the scanned text
  size_t end = 0;
  const NonBodyRule* rule = nullptr;
};

// Classifies one line (no line break inside); returns nullptr for body text.
const NonBodyRule* match_non_body_line(std::string_view line);

// Finds the non-body lines of UTF-8 text, in order.
std::vector<NonBodyLine> find_non_body_lines(std::string_view text);

}  // namespace cc
