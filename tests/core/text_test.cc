#include <gtest/gtest.h>

#include <string>

#include "core/date.h"
#include "core/document.h"
#include "core/text.h"

namespace cc {
namespace {

Normalized norm(std::string_view bytes) {
  auto d = decode_text(bytes);
  EXPECT_TRUE(d.ok()) << d.status().message();
  return normalize_text(*d);
}

TEST(Text, FoldsWhitespaceAndDropsEmptyLines) {
  Normalized n = norm("  Troops\t\tarrived  \r\n\r\n\n  in   Kursk. \n");
  EXPECT_EQ(n.text, "Troops arrived\nin Kursk.");
  // "in" starts at input offset 26 (after the blank lines and indentation).
  EXPECT_EQ(n.map.to_original(15), 26u);
  EXPECT_EQ(n.map.to_original(0), 2u);
}

TEST(Text, KeepsTypographicQuotesAndFoldsNbsp) {
  Normalized n = norm("He said, \u201cnearly\u00a0 3,000\u201d.");
  EXPECT_EQ(n.text, "He said, \u201cnearly 3,000\u201d.");
}

TEST(Text, InvalidUtf8IsReplacedAndCounted) {
  auto d = decode_text("caf\xc3\xa9 and \xff bad \xc3");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, "utf-8");
  EXPECT_EQ(d->replaced, 2u);
  EXPECT_TRUE(is_valid_utf8(normalize_text(*d).text));
}

TEST(Text, Windows1252Fallback) {
  auto d = decode_text("\x93quoted\x94 caf\xe9");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, "windows-1252");
  Normalized n = normalize_text(*d);
  EXPECT_EQ(n.text, "\u201cquoted\u201d caf\u00e9");
  // "caf" starts after two 3-byte quotes in UTF-8 but at input byte 9.
  EXPECT_EQ(n.map.to_original(static_cast<uint32_t>(n.text.find("caf"))), 9u);
}

TEST(Text, Utf16WithBom) {
  std::string bytes("\xff\xfe", 2);
  for (char c : std::string("Seoul said")) {
    bytes.push_back(c);
    bytes.push_back('\0');
  }
  auto d = decode_text(bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->encoding, "utf-16le");
  Normalized n = normalize_text(*d);
  EXPECT_EQ(n.text, "Seoul said");
  EXPECT_EQ(n.map.to_original(6), 2u + 12u);
}

TEST(Text, BinaryIsRefused) {
  auto d = decode_text(std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("binary"), std::string::npos);
}

TEST(Text, NfcNormalizesDecomposedLetters) {
  Normalized n = norm("Zelenskyi\nCafe\xcc\x81 owner");  // e + combining acute
  EXPECT_EQ(n.text, "Zelenskyi\nCaf\u00e9 owner");
  EXPECT_EQ(n.map.to_original(10), 10u);
}

TEST(Text, HugeSingleLineStaysLinear) {
  std::string big(50u << 20, 'a');
  for (size_t i = 7; i < big.size(); i += 8) big[i] = ' ';
  Normalized n = norm(big);
  EXPECT_EQ(n.text.size(), big.size() - 1);  // the trailing space is trimmed
  EXPECT_LE(n.map.checkpoints(), 1u);
}

TEST(Date, ParsesAndPrintsAtItsPrecision) {
  EXPECT_EQ(PartialDate::parse("2025-03")->iso(), "2025-03");
  EXPECT_EQ(PartialDate::parse("2025-03-27")->precision, DatePrecision::day);
  EXPECT_EQ(PartialDate::parse("2025-06-17T10:30:00Z")->iso(), "2025-06-17T10:30");
  EXPECT_FALSE(PartialDate::parse("2025-02-30"));
  EXPECT_FALSE(PartialDate::parse("March 2025"));
  EXPECT_FALSE(PartialDate::parse("2025-13"));
}

TEST(Document, IdIsContentHash) {
  Document a, b;
  a.text = b.text = "same text";
  a.assign_id();
  b.assign_id();
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.id.size(), 16u);
}

}  // namespace
}  // namespace cc
