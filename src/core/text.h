// Text decoding and normalization: raw input bytes to the normalized UTF-8
// text every later stage reads.
//
// Normalized text is: valid UTF-8 in NFC; one '\n' between lines and no empty
// lines; runs of horizontal white space (tab, NBSP, other Zs) folded to one
// ASCII space and trimmed at line ends; zero-width characters and C0/C1
// controls removed. Typographic quotes and dashes are kept as written: they
// carry evidence ("quoted as saying, “...”").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/offset_map.h"
#include "core/status.h"

namespace cc {

struct Decoded {
  std::string utf8;            // valid UTF-8, not yet normalized
  OffsetMap map;               // utf8 offset -> input offset
  std::string encoding;        // "utf-8", "utf-16le", "utf-16be", "windows-1252"
  size_t replaced = 0;         // invalid sequences replaced by U+FFFD
};

// Decodes input bytes: UTF-16 with a BOM; UTF-8 (a BOM is skipped; invalid
// sequences become U+FFFD and are counted); Windows-1252 when the bytes are not
// UTF-8 and look like single-byte text. Fails on binary input (NUL bytes or
// many control characters) with a message saying so.
Result<Decoded> decode_text(std::string_view bytes);

struct Normalized {
  std::string text;
  OffsetMap map;  // text offset -> input offset (composed with Decoded::map)
};

// Normalizes decoded UTF-8 as described above.
Normalized normalize_text(const Decoded& decoded);

// Inputs larger than this are refused: spans are 32-bit offsets.
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 30;

// UTF-8 helpers shared by the stages.
bool is_valid_utf8(std::string_view s);
// Decodes one code point at s[i], advancing i; returns U+FFFD on a bad sequence.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);
// The code point Windows-1252 gives a byte (0x80..0x9F differ from Latin-1;
// undefined ones are U+FFFD). HTML reads numeric references in that range so.
char32_t windows1252_code_point(unsigned char byte);

}  // namespace cc
