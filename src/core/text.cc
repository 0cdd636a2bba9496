#include "core/text.h"

#include <unicode/normalizer2.h>

#include <cstring>
#include <unicode/stringpiece.h>
#include <unicode/bytestream.h>

namespace cc {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Windows-1252 bytes 0x80..0x9F; the rest of the range is Latin-1.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid
// (overlong, surrogate, out of range, truncated).
size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
  if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
  if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // > U+10FFFF
  return n;
}

bool looks_binary(std::string_view bytes) {
  size_t controls = 0;
  size_t probe = std::min<size_t>(bytes.size(), 1 << 16);
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F) ++controls;
  }
  return probe > 0 && controls * 20 > probe;  // over 5% control bytes
}

Decoded decode_utf16(std::string_view bytes, bool little_endian) {
  Decoded d;
  d.encoding = little_endian ? "utf-16le" : "utf-16be";
  auto unit = [&](size_t i) -> char16_t {
    auto lo = static_cast<unsigned char>(bytes[i + (little_endian ? 0 : 1)]);
    auto hi = static_cast<unsigned char>(bytes[i + (little_endian ? 1 : 0)]);
    return static_cast<char16_t>(hi << 8 | lo);
  };
  size_t i = 2;  // after the BOM
  while (i + 1 < bytes.size()) {
    d.map.map(static_cast<uint32_t>(d.utf8.size()), i);
    char16_t u = unit(i);
    char32_t cp = u;
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < bytes.size() && unit(i) >= 0xDC00 &&
        unit(i) <= 0xDFFF) {
      cp = 0x10000 + ((char32_t{u} - 0xD800) << 10) + (unit(i) - 0xDC00);
      i += 2;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      cp = kReplacement;
      ++d.replaced;
    }
    append_utf8(d.utf8, cp);
  }
  if (i < bytes.size()) ++d.replaced;  // odd trailing byte
  return d;
}

Decoded decode_cp1252(std::string_view bytes) {
  Decoded d;
  d.encoding = "windows-1252";
  d.utf8.reserve(bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    d.map.map(static_cast<uint32_t>(d.utf8.size()), i);
    if (c < 0x80) {
      d.utf8.push_back(static_cast<char>(c));
    } else {
      append_utf8(d.utf8, windows1252_code_point(c));
    }
  }
  return d;
}

bool is_horizontal_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}
bool is_line_break(char32_t c) { return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }
bool is_dropped(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0 && c != 0x85) ||
         c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

// Brings each line that is not already NFC into NFC. Lines are the unit so the
// offset map stays exact outside the (rare) rewritten lines.
void to_nfc(Normalized& n) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || nfc->isNormalizedUTF8(n.text, err) || U_FAILURE(err)) return;
  Normalized out;
  out.text.reserve(n.text.size());
  size_t pos = 0;
  while (pos < n.text.size()) {
    size_t nl = n.text.find('\n', pos);
    size_t end = nl == std::string::npos ? n.text.size() : nl + 1;
    std::string_view line(n.text.data() + pos, end - pos);
    err = U_ZERO_ERROR;
    auto dest = static_cast<uint32_t>(out.text.size());
    if (nfc->isNormalizedUTF8(line, err) || U_FAILURE(err)) {
      out.map.append_from(n.map, static_cast<uint32_t>(pos), static_cast<uint32_t>(end), dest);
      out.text.append(line);
    } else {
      out.map.map(dest, n.map.to_original(static_cast<uint32_t>(pos)));
      icu::StringByteSink<std::string> sink(&out.text);
      err = U_ZERO_ERROR;
      nfc->normalizeUTF8(0, icu::StringPiece(line.data(), static_cast<int32_t>(line.size())),
                         sink, nullptr, err);
      if (U_FAILURE(err)) out.text.append(line);
    }
    pos = end;
  }
  n = std::move(out);
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

char32_t next_code_point(std::string_view s, size_t& i) {
  size_t n = utf8_sequence_length(s, i);
  if (n == 0) {
    ++i;
    return kReplacement;
  }
  auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  char32_t cp;
  switch (n) {
    case 1: cp = b(0); break;
    case 2: cp = (b(0) & 0x1F) << 6 | (b(1) & 0x3F); break;
    case 3: cp = (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F); break;
    default: cp = (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
  }
  i += n;
  return cp;
}

char32_t windows1252_code_point(unsigned char byte) {
  return byte >= 0x80 && byte < 0xA0 ? kCp1252High[byte - 0x80] : char32_t{byte};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | cp >> 6));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | cp >> 12));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | cp >> 18));
    out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Result<Decoded> decode_text(std::string_view bytes) {
  if (bytes.size() > kMaxDocumentBytes)
    return Status::error("input is larger than 1 GiB; split it");
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (b0 == 0xFF && b1 == 0xFE) return decode_utf16(bytes, true);
    if (b0 == 0xFE && b1 == 0xFF) return decode_utf16(bytes, false);
  }
  if (looks_binary(bytes)) return Status::error("binary data, not text");
  size_t start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t invalid = 0, multibyte = 0;
  for (size_t i = start; i < bytes.size();) {
    // Eight ASCII bytes at a time: nothing to validate in them.
    while (i + 8 <= bytes.size()) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      ++invalid;
      ++i;
    } else {
      multibyte += n > 1;
      i += n;
    }
  }
  if (invalid > 0 && multibyte == 0) return decode_cp1252(bytes);
  Decoded d;
  d.encoding = "utf-8";
  if (invalid == 0) {
    d.utf8.assign(bytes.substr(start));
    if (start) d.map.map(0, start);
    return d;
  }
  d.utf8.reserve(bytes.size() + invalid * 2);
  for (size_t i = start; i < bytes.size();) {
    size_t n = utf8_sequence_length(bytes, i);
    d.map.map(static_cast<uint32_t>(d.utf8.size()), i);
    if (n == 0) {
      append_utf8(d.utf8, kReplacement);
      ++d.replaced;
      ++i;
    } else {
      d.utf8.append(bytes.substr(i, n));
      i += n;
    }
  }
  return d;
}

Normalized normalize_text(const Decoded& decoded) {
  const std::string_view in = decoded.utf8;
  OffsetMap to_decoded;  // normalized -> decoded
  std::string out;
  out.reserve(in.size());
  bool line_has_text = false, pending_space = false, pending_newline = false;
  size_t space_at = 0, newline_at = 0;
  // Appends in[at, at + len) as visible text, after the space or newline
  // that white space before it folded into.
  auto emit = [&](size_t at, size_t len) {
    if (pending_newline) {
      to_decoded.map(static_cast<uint32_t>(out.size()), newline_at);
      out.push_back('\n');
      pending_newline = false;
    } else if (pending_space) {
      to_decoded.map(static_cast<uint32_t>(out.size()), space_at);
      out.push_back(' ');
    }
    pending_space = false;
    line_has_text = true;
    to_decoded.map(static_cast<uint32_t>(out.size()), at);
    out.append(in.substr(at, len));
  };
  for (size_t i = 0; i < in.size();) {
    size_t at = i;
    auto byte = static_cast<unsigned char>(in[i]);
    if (byte > 0x20 && byte < 0x7F) {  // a run of visible ASCII: most of any text
      while (++i < in.size() && static_cast<unsigned char>(in[i]) > 0x20 &&
             static_cast<unsigned char>(in[i]) < 0x7F) {
      }
      emit(at, i - at);
      continue;
    }
    char32_t c = next_code_point(in, i);
    if (is_line_break(c)) {
      if (line_has_text && !pending_newline) {
        pending_newline = true;
        newline_at = at;
      }
      pending_space = false;
      line_has_text = false;
      continue;
    }
    if (is_horizontal_space(c)) {
      if (line_has_text && !pending_space) {
        pending_space = true;
        space_at = at;
      }
      continue;
    }
    if (is_dropped(c)) continue;
    emit(at, i - at);
  }
  Normalized n;
  n.text = std::move(out);
  n.map = to_decoded.then(decoded.map);
  to_nfc(n);
  return n;
}

}  // namespace cc
