// The HTML tokenizer and the page tree built from it, on markup written here.
#include "ingest/web/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/web/page.h"

namespace cc::web {
namespace {

// Records every token as a line: "<tag a=v>", "</tag>", "T[text]@offset", "R[raw]".
struct Recorder : TokenSink {
  std::string_view page;
  std::vector<std::string> tokens;
  bool offsets_exact = true;

  void start_tag(std::string_view name, const std::vector<Attribute>& attributes,
                 bool self_closing) override {
    // Appended piece by piece: g++ 12 warns falsely on "<" + std::string(...).
    std::string t = "<";
    t += name;
    for (const auto& a : attributes) {
      t += ' ';
      t += a.name;
      t += '=';
      t += a.value;
    }
    t += self_closing ? "/>" : ">";
    tokens.push_back(std::move(t));
  }
  void end_tag(std::string_view name) override {
    std::string t = "</";
    t += name;
    t += '>';
    tokens.push_back(std::move(t));
  }
  void text(std::string_view piece, uint64_t source, bool verbatim) override {
    if (verbatim) offsets_exact &= page.substr(source, piece.size()) == piece;
    else offsets_exact &= page[source] == '&';
    std::string t = "T[";
    t += piece;
    t += ']';
    tokens.push_back(std::move(t));
  }
  void raw_text(std::string_view body, uint64_t source) override {
    offsets_exact &= page.substr(source, body.size()) == body;
    std::string t = "R[";
    t += body;
    t += ']';
    tokens.push_back(std::move(t));
  }
};

std::vector<std::string> tokens_of(std::string_view html, bool* exact = nullptr) {
  Recorder r;
  r.page = html;
  tokenize_html(html, r);
  if (exact) *exact = r.offsets_exact;
  return r.tokens;
}

using Tokens = std::vector<std::string>;

TEST(Tokenizer, TagsAttributesAndText) {
  EXPECT_EQ(tokens_of("<P Class=\"lead x\" id='a' data-x=1 hidden>Hi</p>"),
            (Tokens{"<p class=lead x id=a data-x=1 hidden=>", "T[Hi]", "</p>"}));
  EXPECT_EQ(tokens_of("<br/><img src=a.jpg />"), (Tokens{"<br/>", "<img src=a.jpg/>"}));
  // '>' inside a quoted value does not end the tag.
  EXPECT_EQ(tokens_of("<a title=\"a > b\">x</a>"), (Tokens{"<a title=a > b>", "T[x]", "</a>"}));
}

TEST(Tokenizer, CharacterReferencesAreDecodedAndMapToTheirAmpersand) {
  bool exact = false;
  EXPECT_EQ(tokens_of("Fish &amp; chips &euro;5 &#8212; &#x41;&#150;&#0;", &exact),
            (Tokens{"T[Fish ]", "T[&]", "T[ chips ]", "T[€]", "T[5 ]", "T[—]", "T[ ]", "T[A]",
                    "T[–]", "T[\xEF\xBF\xBD]"}));
  EXPECT_TRUE(exact);
  // Unknown names and a bare '&' stay as written; "&nbsp" needs no ';' in text.
  EXPECT_EQ(tokens_of("AT&T &bogus; a&nbsp"), (Tokens{"T[AT&T &bogus; a]", "T[\xC2\xA0]"}));
  // In attributes a reference needs its ';', so query strings survive.
  EXPECT_EQ(tokens_of("<a href=\"/s?a=1&copy=2&amp;b=3\">"), (Tokens{"<a href=/s?a=1&copy=2&b=3>"}));
}

TEST(Tokenizer, CommentsDoctypesAndStrayMarkup) {
  EXPECT_EQ(tokens_of("<!DOCTYPE html><!-- a <p> comment -->x<!-->y<?php z ?>"),
            (Tokens{"T[x]", "T[y]"}));
  // A '<' that opens no tag is text; "</>" is nothing.
  EXPECT_EQ(tokens_of("1 < 2 </> 3"), (Tokens{"T[1 ]", "T[<]", "T[ 2 ]", "T[ 3]"}));
  // An unterminated comment runs to the end; a tag cut off by the end is dropped.
  EXPECT_EQ(tokens_of("a<!-- b <p>c"), (Tokens{"T[a]"}));
  EXPECT_EQ(tokens_of("a<p class=\"x"), (Tokens{"T[a]"}));
}

TEST(Tokenizer, RawTextElements) {
  EXPECT_EQ(tokens_of("<script>if (a < b) s = '</scr' + 'ipt>';</SCRIPT >x"),
            (Tokens{"<script>", "R[if (a < b) s = '</scr' + 'ipt>';]", "</script>", "T[x]"}));
  // A self-closed script still runs to its end tag, as in browsers.
  EXPECT_EQ(tokens_of("<script src=a.js /><p>x</script>"),
            (Tokens{"<script src=a.js>", "R[<p>x]", "</script>"}));
  // Title text has references decoded but no tags.
  EXPECT_EQ(tokens_of("<title>A &amp; <b>B</title>"),
            (Tokens{"<title>", "T[A ]", "T[&]", "T[ <b>B]", "</title>"}));
  EXPECT_EQ(tokens_of("<style>p{}"), (Tokens{"<style>", "R[p{}]"}));
}

TEST(Tokenizer, AttributesAndNamesAreBounded) {
  std::string tag = "<div";
  for (int i = 0; i < 1000; ++i) tag += " a" + std::to_string(i) + "=1";
  tag += ">";
  struct Count : TokenSink {
    size_t most = 0;
    void start_tag(std::string_view, const std::vector<Attribute>& a, bool) override {
      most = std::max(most, a.size());
    }
    void end_tag(std::string_view) override {}
    void text(std::string_view, uint64_t, bool) override {}
    void raw_text(std::string_view, uint64_t) override {}
  } count;
  tokenize_html(tag, count);
  EXPECT_EQ(count.most, kMaxAttributes);
  std::string long_name = "<";
  long_name.append(500, 'x');
  long_name += '>';
  auto t = tokens_of(long_name);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].size(), kMaxNameBytes + 2);
}

std::vector<std::string> block_texts(const Page& p) {
  std::vector<std::string> out;
  for (const auto& b : p.blocks) out.emplace_back(p.block_text(b));
  return out;
}

TEST(PageTree, ImpliedEndTags) {
  Page p = parse_page("<body><p>one<p>two<ul><li>a<li>b</ul><table><tr><td>c<td>d</table></body>");
  EXPECT_EQ(block_texts(p), (std::vector<std::string>{"one", "two", "a", "b", "c", "d"}));
  // The second <p> is a sibling of the first, not its child.
  ASSERT_GE(p.elements.size(), 4u);
  EXPECT_EQ(p.elements[2].tag, "p");
  EXPECT_EQ(p.elements[3].tag, "p");
  EXPECT_EQ(p.elements[2].parent, p.elements[3].parent);
}

TEST(PageTree, UnclosedHeadAndLinksDoNotSwallowThePage) {
  // A <head> never closed ends at the first body tag; an <a> never closed ends at the next <a>.
  Page p = parse_page("<html><head><title>T</title><div><p>Body text here.</p>"
                      "<a href=1>one<a href=2>two</a> plain words</div>");
  EXPECT_EQ(p.title, "T");
  ASSERT_EQ(p.blocks.size(), 2u);
  EXPECT_EQ(p.block_text(p.blocks[0]), "Body text here.");
  const Block& b = p.blocks[1];
  EXPECT_EQ(p.block_text(b), "onetwo plain words");
  EXPECT_EQ(b.link_chars, 6u);  // "one" and "two", not the words after
}

TEST(PageTree, HiddenAndDroppedSubtrees) {
  Page p = parse_page("<div><nav><p>Menu item</p></nav><p hidden>secret</p>"
                      "<p style=\"DISPLAY: none\">gone</p><p>kept</p></div>");
  EXPECT_EQ(block_texts(p), (std::vector<std::string>{"kept"}));
}

TEST(PageTree, HeadlineAndDateEvidence) {
  Page p = parse_page("<h1 class=sr-only>Welcome</h1><header><h1>Storm hits coast</h1>"
                      "<span>By A. Writer, 5 March 2024</span></header>"
                      "<div class=comments><time datetime=2024-03-09>later</time>"
                      "<span class=date>9 March 2024</span></div>"
                      "<span class=post-date>5 March 2024</span>"
                      "<script type=application/json>{\"x\":1,\"publishedDate\":\"2024-03-05\"}</script>");
  ASSERT_EQ(p.headlines.size(), 2u);
  EXPECT_EQ(p.headlines[1].text, "Storm hits coast");
  EXPECT_NE(p.headlines[1].after.find("5 March 2024"), std::string::npos);
  EXPECT_TRUE(p.time_datetimes.empty()) << "dates in comment sections are not the page's";
  ASSERT_EQ(p.date_texts.size(), 1u);
  EXPECT_EQ(p.date_texts[0].text, " 5 March 2024");
  ASSERT_EQ(p.data_dates.size(), 1u);
  EXPECT_EQ(p.data_dates[0], "2024-03-05");
}

}  // namespace
}  // namespace cc::web
