#include "ingest/web/tokenizer.h"

#include <libxml/HTMLparser.h>

#include <cstring>

#include "core/text.h"

namespace cc::web {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals_lower(std::string_view s, std::string_view lower_word) {
  if (s.size() != lower_word.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (lower(s[i]) != lower_word[i]) return false;
  return true;
}

// Names of at most this many letters and digits are looked up as references.
constexpr size_t kMaxReferenceName = 32;

// The code point a named reference stands for, 0 when the name is unknown.
// The five names pages use most are answered here; the rest of HTML 4's set
// comes from libxml2's table (a linear search, so it is the slow path).
char32_t named_reference(std::string_view name) {
  if (name == "amp") return '&';
  if (name == "nbsp") return 0xA0;
  if (name == "quot") return '"';
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "apos") return '\'';  // XHTML's, absent from HTML 4's table
  char buf[kMaxReferenceName + 1];
  std::memcpy(buf, name.data(), name.size());
  buf[name.size()] = '\0';
  const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(buf));
  return e ? static_cast<char32_t>(e->value) : 0;
}

// The names HTML accepts without their ';' in text ("AT&amp T" is rare,
// "&nbsp" without ';' is not).
bool legacy_name(std::string_view name) {
  return name == "amp" || name == "nbsp" || name == "quot" || name == "lt" || name == "gt" ||
         name == "copy" || name == "reg";
}

// Reads the character reference at s[i] == '&'. On success returns its code
// point and sets `len` to the bytes it spans; returns 0 when s[i] is a plain '&'.
char32_t read_reference(std::string_view s, size_t i, bool need_semicolon, size_t& len) {
  size_t k = i + 1;
  if (k < s.size() && s[k] == '#') {
    ++k;
    bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
    if (hex) ++k;
    size_t digits_at = k;
    uint32_t v = 0;
    while (k < s.size()) {
      char c = s[k];
      int d = is_digit(c) ? c - '0'
              : hex && lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10
                                                          : -1;
      if (d < 0) break;
      if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      ++k;
    }
    if (k == digits_at) return 0;
    if (k < s.size() && s[k] == ';') ++k;
    len = k - i;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
    if (v >= 0x80 && v < 0xA0) return windows1252_code_point(static_cast<unsigned char>(v));
    return v;
  }
  while (k < s.size() && k - i - 1 < kMaxReferenceName && is_alnum(s[k])) ++k;
  std::string_view name = s.substr(i + 1, k - i - 1);
  if (name.empty()) return 0;
  bool semicolon = k < s.size() && s[k] == ';';
  if (!semicolon && (need_semicolon || !legacy_name(name))) return 0;
  char32_t cp = named_reference(name);
  if (cp == 0) return 0;
  len = k - i + (semicolon ? 1 : 0);
  return cp;
}

// Finds "</name" (any case) followed by a space, '/' or '>' at or after
// `from`: the end of a raw-text element. npos when there is none.
size_t find_end_tag(std::string_view s, size_t from, std::string_view name) {
  for (size_t i = from; i < s.size();) {
    const void* lt = std::memchr(s.data() + i, '<', s.size() - i);
    if (!lt) return std::string_view::npos;
    i = static_cast<size_t>(static_cast<const char*>(lt) - s.data());
    size_t after = i + 2 + name.size();
    if (after <= s.size() && s[i + 1] == '/' && iequals_lower(s.substr(i + 2, name.size()), name) &&
        (after == s.size() || is_space(s[after]) || s[after] == '/' || s[after] == '>'))
      return i;
    ++i;
  }
  return std::string_view::npos;
}

enum class Content { markup, raw_text, escapable_text };

Content content_of(std::string_view tag) {
  if (tag == "script" || tag == "style" || tag == "xmp" || tag == "iframe" || tag == "noembed" ||
      tag == "noframes" || tag == "noscript")
    return Content::raw_text;
  if (tag == "title" || tag == "textarea") return Content::escapable_text;
  return Content::markup;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view html, TokenSink& sink) : s_(html), sink_(sink) {}

  void run() {
    while (pos_ < s_.size()) {
      const void* lt = std::memchr(s_.data() + pos_, '<', s_.size() - pos_);
      size_t end = lt ? static_cast<size_t>(static_cast<const char*>(lt) - s_.data()) : s_.size();
      if (end > pos_) emit_text(pos_, end);
      pos_ = end;
      if (pos_ < s_.size()) markup();
    }
  }

 private:
  // Reports s[begin, end) as text, split at character references.
  void emit_text(size_t begin, size_t end) {
    std::string_view s = s_.substr(0, end);
    size_t run = begin;
    for (size_t i = begin; i < end;) {
      const void* amp = std::memchr(s.data() + i, '&', end - i);
      if (!amp) break;
      i = static_cast<size_t>(static_cast<const char*>(amp) - s.data());
      size_t len = 0;
      char32_t cp = read_reference(s, i, false, len);
      if (cp == 0) {
        ++i;
        continue;
      }
      if (i > run) sink_.text(s.substr(run, i - run), run, true);
      decoded_.clear();
      append_utf8(decoded_, cp);
      sink_.text(decoded_, i, false);
      i += len;
      run = i;
    }
    if (end > run) sink_.text(s.substr(run, end - run), run, true);
  }

  // s_[pos_] == '<'.
  void markup() {
    size_t n = s_.size();
    char next = pos_ + 1 < n ? s_[pos_ + 1] : '\0';
    if (is_letter(next)) return start_tag();
    if (next == '/' && pos_ + 2 < n && is_letter(s_[pos_ + 2])) return end_tag();
    if (next == '!' && s_.substr(pos_, 4) == "<!--") {
      size_t body = pos_ + 4;
      // "<!-->" and "<!--->" are complete (empty) comments.
      if (s_.substr(body, 1) == ">") return skip_to(body + 1);
      if (s_.substr(body, 2) == "->") return skip_to(body + 2);
      size_t close = s_.find("-->", body);
      return skip_to(close == std::string_view::npos ? n : close + 3);
    }
    if (next == '!' || next == '?' || next == '/') {
      // Doctype, CDATA outside foreign content, "<?xml ...>", "</ 3>": up to the next '>'.
      size_t close = s_.find('>', pos_ + 2);
      return skip_to(close == std::string_view::npos ? n : close + 1);
    }
    emit_text(pos_, pos_ + 1);  // a '<' that starts nothing
    ++pos_;
  }

  void skip_to(size_t p) { pos_ = p; }

  // Reads a name starting at pos_ up to a space, '/', '>' (and, for
  // attribute names, '='), lower-cased into `out` and cut at kMaxNameBytes.
  void read_name(std::string& out, bool attribute) {
    out.clear();
    size_t n = s_.size();
    size_t start = pos_;
    while (pos_ < n) {
      char c = s_[pos_];
      if (is_space(c) || c == '/' || c == '>' || (attribute && c == '=' && pos_ > start)) break;
      if (out.size() < kMaxNameBytes) out += lower(c);
      ++pos_;
    }
  }

  void skip_spaces() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  // Reads attributes up to and past the tag's '>'. Returns false when the
  // page ends inside the tag. Keeps the first kMaxAttributes when `keep`.
  bool read_attributes(bool keep, bool& self_closing) {
    size_t n = s_.size();
    attributes_.clear();
    size_t count = 0;
    self_closing = false;
    for (;;) {
      skip_spaces();
      if (pos_ >= n) return false;
      char c = s_[pos_];
      if (c == '>') {
        ++pos_;
        break;
      }
      if (c == '/') {
        ++pos_;
        if (pos_ < n && s_[pos_] == '>') {
          self_closing = true;
          ++pos_;
          break;
        }
        continue;
      }
      bool kept = keep && count < kMaxAttributes;
      if (kept && names_.size() <= count) names_.resize(count + 1), values_.resize(count + 1);
      std::string& name = kept ? names_[count] : discarded_;
      read_name(name, true);
      skip_spaces();
      std::string_view value;
      if (pos_ < n && s_[pos_] == '=') {
        ++pos_;
        skip_spaces();
        if (pos_ >= n) return false;
        size_t begin, end;
        char q = s_[pos_];
        if (q == '"' || q == '\'') {
          begin = pos_ + 1;
          const void* close = std::memchr(s_.data() + begin, q, n - begin);
          if (!close) return false;
          end = static_cast<size_t>(static_cast<const char*>(close) - s_.data());
          pos_ = end + 1;
        } else {
          begin = pos_;
          while (pos_ < n && !is_space(s_[pos_]) && s_[pos_] != '>') ++pos_;
          end = pos_;
        }
        value = s_.substr(begin, end - begin);
        if (kept && value.find('&') != std::string_view::npos) {
          values_[count].clear();
          decode_references(value, values_[count]);
          value = values_[count];
        }
      }
      if (kept) {
        attributes_.push_back({names_[count], value});
        ++count;
      }
    }
    return true;
  }

  void start_tag() {
    ++pos_;
    read_name(tag_, false);
    bool self_closing = false;
    if (!read_attributes(true, self_closing)) {
      pos_ = s_.size();  // a tag cut off by the end of the page is dropped
      return;
    }
    // Raw text runs to its end tag even when written "<script ... />", as in browsers.
    Content content = content_of(tag_);
    sink_.start_tag(tag_, attributes_, self_closing && content == Content::markup);
    if (content == Content::markup) return;
    size_t close = find_end_tag(s_, pos_, tag_);
    size_t end = close == std::string_view::npos ? s_.size() : close;
    if (end > pos_) {
      if (content == Content::raw_text) sink_.raw_text(s_.substr(pos_, end - pos_), pos_);
      else emit_text(pos_, end);
    }
    pos_ = end;  // the end tag, if any, is read as markup next
  }

  void end_tag() {
    pos_ += 2;
    read_name(tag_, false);
    bool self_closing = false;
    if (!read_attributes(false, self_closing)) {
      pos_ = s_.size();
      return;
    }
    sink_.end_tag(tag_);
  }

  std::string_view s_;
  TokenSink& sink_;
  size_t pos_ = 0;
  std::string tag_;
  std::string decoded_;
  // Storage reused from tag to tag, so a page costs few allocations.
  std::vector<std::string> names_, values_;
  std::string discarded_;
  std::vector<Attribute> attributes_;
};

}  // namespace

void tokenize_html(std::string_view html, TokenSink& sink) { Tokenizer(html, sink).run(); }

void decode_references(std::string_view s, std::string& out) {
  size_t run = 0;
  for (size_t i = 0; i < s.size();) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) break;
    size_t len = 0;
    char32_t cp = read_reference(s, amp, true, len);
    if (cp == 0) {
      i = amp + 1;
      continue;
    }
    out.append(s, run, amp - run);
    append_utf8(out, cp);
    i = run = amp + len;
  }
  out.append(s, run, std::string_view::npos);
}

}  // namespace cc::web
