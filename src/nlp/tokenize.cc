#include "nlp/tokenize.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>
#include <string>
#include <unordered_set>

#include "core/text.h"

namespace cc {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

uint64_t token_key(std::string_view word) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    // A typographic apostrophe (U+2019) keys like "'": "Russia’s" = "Russia's".
    if (c == 0xE2 && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99') {
      c = '\'';
      i += 2;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
    h = (h ^ c) * 0x100000001b3ull;
  }
  return (h ^ (h >> 29)) | 1;  // never 0: 0 marks empty slots in hash tables
}

namespace {

// Abbreviations that take a period and are followed by more of the sentence:
// titles, ranks, months, and a few Latin and business forms.
const std::unordered_set<std::string_view>& title_abbreviations() {
  static const std::unordered_set<std::string_view> kSet = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
      "adm", "cmdr", "gov", "sen", "rep", "rev", "st", "hon", "pres", "amb", "insp", "supt",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "no", "nos", "vs", "v", "approx", "est", "fig", "vol", "pp", "mt", "ft", "ave", "blvd",
      "jr", "sr", "co", "corp", "inc", "ltd", "dept", "univ", "e.g", "i.e", "etc", "al"};
  return kSet;
}
// Of those, the ones that end sentences often enough that a capitalized word
// after them may start a new sentence.
bool may_end_sentence(std::string_view lower) {
  return lower == "inc" || lower == "ltd" || lower == "co" || lower == "corp" || lower == "etc" ||
         lower == "jr" || lower == "sr" || lower == "no";
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

struct CharInfo {
  char32_t cp;
  size_t len;
};

CharInfo char_at(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  size_t j = i;
  char32_t cp = next_code_point(s, j);
  return {cp, j - i};
}

bool is_alnum_cp(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(static_cast<unsigned char>(c));
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_space(char32_t c) { return c == ' ' || c == '\n'; }

bool is_digit_byte(std::string_view s, size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

Token make_token(std::string_view word, TokenKind kind, bool space_before) {
  Token t;
  t.kind = kind;
  t.space_before = space_before;
  if (kind == TokenKind::word) {
    size_t letters = 0, upper = 0;
    bool first = true;
    for (size_t i = 0; i < word.size();) {
      auto byte = static_cast<unsigned char>(word[i]);
      bool alpha, up;
      if (byte < 0x80) {  // ASCII fast path: most news text
        ++i;
        alpha = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
        up = byte >= 'A' && byte <= 'Z';
      } else {
        auto c = static_cast<UChar32>(next_code_point(word, i));
        alpha = u_isalpha(c);
        up = u_isupper(c) || u_istitle(c);
      }
      if (!alpha) continue;
      ++letters;
      upper += up;
      if (first) t.capitalized = up;
      first = false;
    }
    t.all_caps = letters >= 2 && upper == letters;
  }
  return t;
}

// Scans a word or number starting at i; returns its end.
size_t scan_word(std::string_view s, size_t i, bool* numeric) {
  size_t start = i;
  bool digits_only = true;
  while (i < s.size()) {
    CharInfo ci = char_at(s, i);
    if (is_alnum_cp(ci.cp)) {
      if (ci.cp < '0' || ci.cp > '9') digits_only = false;
      i += ci.len;
      continue;
    }
    // Inner separators that keep a token whole.
    if (i + ci.len < s.size()) {
      CharInfo next = char_at(s, i + ci.len);
      bool next_alnum = is_alnum_cp(next.cp);
      if (digits_only && (ci.cp == ',' || ci.cp == '.') && is_digit_byte(s, i + 1)) {
        // "3,000" needs exactly three digits after the comma; "1.5" any.
        if (ci.cp == '.' || (is_digit_byte(s, i + 2) && is_digit_byte(s, i + 3) &&
                             !is_digit_byte(s, i + 4))) {
          i += 1;
          continue;
        }
      }
      if ((ci.cp == '-' || ci.cp == 0x2010 || ci.cp == 0x2011) && next_alnum && i > start) {
        i += ci.len;
        continue;
      }
      if (is_apostrophe(ci.cp) && next_alnum) {
        // Possessive and contraction "'s" / "n't" stay apart: "Kim's" -> Kim 's.
        size_t after = i + ci.len;
        bool is_s = (next.cp == 's' || next.cp == 'S') &&
                    (after + 1 >= s.size() || !is_alnum_cp(char_at(s, after + 1).cp));
        if (!is_s) {
          i += ci.len;
          continue;
        }
      }
    }
    break;
  }
  *numeric = digits_only && s[start] >= '0' && s[start] <= '9';
  return i;
}

}  // namespace

void Tokenizer::process(Document& doc) const {
  std::string_view s = doc.text;
  doc.tokens.clear();
  doc.sentences.clear();
  bool space_before = true;
  for (size_t i = 0; i < s.size();) {
    CharInfo ci = char_at(s, i);
    if (is_space(ci.cp)) {
      space_before = true;
      i += ci.len;
      continue;
    }
    size_t begin = i, end;
    TokenKind kind;
    if (is_alnum_cp(ci.cp)) {
      bool numeric = false;
      end = scan_word(s, i, &numeric);
      kind = numeric ? TokenKind::number : TokenKind::word;
      if (!numeric && end < s.size() && s[end] == '.') {
        std::string lower = ascii_lower(s.substr(begin, end - begin));
        // Dotted initialisms "U.S." "U.K." "e.g." and known abbreviations keep their period.
        bool dotted = false;
        size_t j = end;
        if (end - begin == 1) {
          while (j + 1 < s.size() && s[j] == '.' && is_ascii_alnum(s[j + 1]) &&
                 (j + 2 >= s.size() || s[j + 2] == '.')) {
            j += 2;
            dotted = true;
          }
        }
        if (dotted) end = j + 1;
        else if (title_abbreviations().count(lower)) end += 1;
      }
    } else if (is_apostrophe(ci.cp) && i + ci.len < s.size() &&
               (s[i + ci.len] == 's' || s[i + ci.len] == 'S') &&
               (i + ci.len + 1 >= s.size() || !is_alnum_cp(char_at(s, i + ci.len + 1).cp))) {
      end = i + ci.len + 1;  // possessive "'s"
      kind = TokenKind::word;
    } else if (ci.cp == '.' && s.substr(i, 3) == "...") {
      end = i + 3;
      kind = TokenKind::punct;
    } else {
      end = i + ci.len;
      kind = u_ispunct(static_cast<UChar32>(ci.cp)) ? TokenKind::punct : TokenKind::symbol;
    }
    doc.tokens.add(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                   make_token(s.substr(begin, end - begin), kind, space_before));
    space_before = false;
    i = end;
  }

  // Sentence boundaries from ICU (UTF-8 UText: indexes are byte offsets).
  UErrorCode err = U_ZERO_ERROR;
  static const std::unique_ptr<icu::BreakIterator> kPrototype(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), err));
  std::vector<uint32_t> breaks;
  if (kPrototype) {
    std::unique_ptr<icu::BreakIterator> it(kPrototype->clone());
    UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &err);
    if (U_SUCCESS(err)) {
      it->setText(ut, err);
      for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
        breaks.push_back(static_cast<uint32_t>(b));
    }
    utext_close(ut);
  }
  if (breaks.empty() || breaks.back() != s.size()) breaks.push_back(static_cast<uint32_t>(s.size()));

  // Group tokens into sentences: a sentence ends at an ICU break unless the
  // token before it is an abbreviation that does not end sentences.
  const auto& toks = doc.tokens;
  size_t b = 0;
  uint32_t first = 0;
  for (uint32_t t = 0; t < toks.size(); ++t) {
    while (b < breaks.size() && breaks[b] <= toks[t].span.begin) ++b;
    bool last = t + 1 == toks.size();
    bool boundary = last;
    if (!last) {
      uint32_t next_begin = toks[t + 1].span.begin;
      bool hard = s.substr(toks[t].span.end, next_begin - toks[t].span.end).find('\n') !=
                  std::string_view::npos;
      bool icu_break = b < breaks.size() && breaks[b] <= next_begin;
      boundary = hard || icu_break;
      if (icu_break && !hard) {
        std::string_view word = doc[toks[t].span];
        if (word.size() > 1 && word.back() == '.') {
          std::string lower = ascii_lower(word.substr(0, word.size() - 1));
          // Dotted initialisms ("U.S.") are left to ICU's suppression list.
          if (title_abbreviations().count(lower) && !may_end_sentence(lower)) boundary = false;
        }
      }
    }
    if (boundary) {
      Span span{toks[first].span.begin, toks[t].span.end};
      doc.sentences.add(span, Sentence{first, t + 1});
      first = t + 1;
    }
  }
}

}  // namespace cc
