// The numeral grammar (read_numerals) and what the tagger makes of the new
// constructions: currencies, minor units, glued units, percent and age forms.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "nlp/quantity/quantity.h"
#include "nlp/tokenize.h"
#include "quantity/tagging.h"

namespace cc {
namespace {

std::vector<Numeral> numerals(const std::string& text) {
  Document d;
  d.text = text;
  Tokenizer().process(d);
  return read_numerals(d);
}

// The value of the single numeral in `text`.
double value(const std::string& text) {
  auto n = numerals(text);
  if (n.size() != 1) {
    ADD_FAILURE() << text << ": " << n.size() << " numerals";
    return NAN;
  }
  return n[0].value;
}

TEST(Numeral, WordNumbers) {
  EXPECT_EQ(value("one hundred and fifty"), 150);
  EXPECT_EQ(value("twenty one"), 21);
  EXPECT_EQ(value("fifty - two"), 52);
  EXPECT_EQ(value("4 thousand 3 hundred and 21"), 4321);
  EXPECT_EQ(value("fifteen hundred"), 1500);
  EXPECT_NEAR(value("two hundred point zero three"), 200.03, 1e-9);
  EXPECT_NEAR(value("nought point five"), 0.5, 1e-9);
  EXPECT_EQ(value("three lakh crore"), 3e12);
  EXPECT_EQ(value("three dozens"), 36);
  EXPECT_EQ(value("half a dozen"), 6);
  EXPECT_EQ(value("one million two thousand"), 1002000);
  // Two numbers, not one: a group after a finished one starts anew.
  EXPECT_EQ(numerals("4000 3 hundred").size(), 2u);
  EXPECT_EQ(numerals("3 hundred and 2 hundred").size(), 2u);
}

TEST(Numeral, SpelledFractions) {
  EXPECT_NEAR(value("twenty-three fifths"), 4.6, 1e-9);
  EXPECT_NEAR(value("one hundred thirty fifths"), 100.0 / 35, 1e-9);
  EXPECT_NEAR(value("one hundred and thirty fifths"), 26, 1e-9);
  EXPECT_NEAR(value("one one hundred fifth"), 1.0 / 105, 1e-9);
  EXPECT_NEAR(value("three and a fifth"), 3.2, 1e-9);
  EXPECT_NEAR(value("one hundred and three quarters"), 100.75, 1e-9);
  EXPECT_EQ(value("one and a half million"), 1.5e6);
  EXPECT_EQ(value("one million and a half"), 1.5e6);
  EXPECT_NEAR(value("two thirds of a million"), 2e6 / 3, 1e-6);
  EXPECT_EQ(value("quarter million"), 250000);
  EXPECT_NEAR(value("one over three"), 1.0 / 3, 1e-9);
  EXPECT_NEAR(value("two out of five hundred"), 0.004, 1e-12);
  EXPECT_NEAR(value("3/4"), 0.75, 1e-9);
  EXPECT_NEAR(value("10 1/2"), 10.5, 1e-9);
}

TEST(Numeral, DigitForms) {
  EXPECT_EQ(value("1 234 567"), 1234567);
  EXPECT_EQ(value("40\u202f000"), 40000);
  EXPECT_NEAR(value("12,34,567.89"), 1234567.89, 1e-6);
  EXPECT_NEAR(value("1.111,11"), 1111.11, 1e-9);
  EXPECT_NEAR(value("The number is 1,3."), 1.3, 1e-9);
  EXPECT_NEAR(value(".08"), 0.08, 1e-12);
  EXPECT_EQ(value("-5"), -5);
  EXPECT_EQ(value("minus five"), -5);
  EXPECT_EQ(value("- 10 k"), -10000);
  EXPECT_EQ(value("1.3e6"), 1.3e6);
  EXPECT_NEAR(value("-12e-1"), -1.2, 1e-12);
  EXPECT_NEAR(value("2.5^-1"), 0.4, 1e-12);
  EXPECT_NEAR(value("6.23x10^-4"), 6.23e-4, 1e-12);
  EXPECT_EQ(value("1,674.5 G"), 1.6745e12);
  EXPECT_EQ(value("2mil"), 2e6);
  // "75 -300mm" is a range: no minus.
  for (const auto& n : numerals("lens 75 -300 long")) EXPECT_GT(n.value, 0);
}

TEST(Numeral, Ordinals) {
  auto o = numerals("the one hundred twenty fifth and the 21st");
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o[0].value, 125);
  EXPECT_TRUE(o[0].ordinal);
  EXPECT_EQ(o[1].value, 21);
  EXPECT_TRUE(o[1].ordinal);
  EXPECT_EQ(value("two hundredth"), 200);
  auto r = numerals("Show me the second to last.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].value, -1);
  EXPECT_TRUE(r[0].relative);
}

TEST(Numeral, PartsOfCodesAndGluedUnits) {
  EXPECT_EQ(numerals("192.168.1.2").size(), 4u);
  EXPECT_EQ(numerals("on 5/17/2018").size(), 3u);
  EXPECT_EQ(numerals("+1-222-2222/2222").size(), 4u);
  EXPECT_EQ(value("SCP-173"), 173);
  EXPECT_TRUE(numerals("29km Road").empty());
  EXPECT_TRUE(numerals("1m isn't a number").empty());
}

TEST(Numeral, AbsurdInputIsBounded) {
  EXPECT_TRUE(numerals("1e999").empty());
  EXPECT_TRUE(numerals("10^999").empty() || std::isfinite(numerals("10^999")[0].value));
  for (const auto& n : numerals("10^999 and 1.1^99999")) EXPECT_TRUE(std::isfinite(n.value));
  auto huge = numerals(std::string(10000, '7'));
  for (const auto& n : huge) EXPECT_TRUE(std::isfinite(n.value));
  EXPECT_EQ(value("\u00bd million"), 5e5);
  EXPECT_TRUE(numerals("five million million million").empty());
  // A long run of number words reads in bounded pieces, none infinite.
  std::string words;
  for (int i = 0; i < 5000; ++i) words += "one hundred and ";
  for (const auto& n : numerals(words + "one")) EXPECT_TRUE(std::isfinite(n.value));
}

// ------------------------------------------------------------- the tagger

// The mention of the tagged text that starts with `text`.
Quantity mention(const std::string& sentence, const std::string& text) {
  Document d = testing::tag(sentence);
  std::string all;
  for (const auto& a : d.quantities) {
    if (d[a.span].substr(0, text.size()) == text) return a.value;
    all += "[" + std::string(d[a.span]) + "] ";
  }
  ADD_FAILURE() << "no mention \"" << text << "\" in: " << all;
  return Quantity{};
}

size_t mentions(const std::string& sentence) { return testing::tag(sentence).quantities.size(); }

TEST(Numeral, CurrenciesAndMinorUnits) {
  auto a = mention("It cost 3 dollars 50 cents.", "3 dollars 50 cents");
  EXPECT_NEAR(a.value, 3.5, 1e-9);
  EXPECT_EQ(a.unit, "USD");
  EXPECT_NEAR(mention("thirteen dollars and forty-five cents", "thirteen").value, 13.45, 1e-9);
  EXPECT_EQ(mention("The price is 100 \u20a1 now.", "100").unit, "CRC");
  EXPECT_EQ(mention("a loan of 35 lakh rupees", "35 lakh rupees").value, 3.5e6);
  auto m = mention("losses above 30 MUSD", "above 30 MUSD");
  EXPECT_EQ(m.value, 3e7);
  EXPECT_EQ(m.unit, "USD");
  EXPECT_EQ(mention("They paid US$ 40 for it.", "US$ 40").unit, "USD");
  EXPECT_EQ(mention("They paid C$40 for it.", "C$40").unit, "CAD");
  EXPECT_EQ(mention("profit of 361 million pounds", "361 million pounds").unit, "GBP");
  EXPECT_EQ(mention("The baby weighs 8 pounds.", "8 pounds").unit, "lb");
}

TEST(Numeral, GluedUnitsAndMillions) {
  EXPECT_EQ(mention("a deal worth $40m", "$40m").value, 4e7);
  EXPECT_EQ(mention("40m people live there", "40m").value, 4e7);
  auto h = mention("He is 1.8m tall.", "1.8m");
  EXPECT_EQ(h.unit, "m");
  EXPECT_NEAR(h.value, 1.8, 1e-9);
  EXPECT_NEAR(mention("he is 5 feet 2 inches", "5 feet 2 inches").value, 5 + 2.0 / 12, 1e-9);
  EXPECT_EQ(mention("a six-mile trip", "six-mile").unit, "mi");
  EXPECT_EQ(mention("Temperatures hit 45C on Monday.", "45C").unit, "\u00b0c");
  EXPECT_EQ(mentions("The airline flies a Boeing 777F now."), 0u) << "a model name, not a temperature";
  EXPECT_EQ(mentions("The 5G network is live."), 0u);
  EXPECT_EQ(mention("The weight is 20 (kg)", "20 (kg)").unit, "kg");
}

TEST(Numeral, PercentAgeAndChangeForms) {
  auto p = mention("percent of 10", "percent of 10");
  EXPECT_EQ(p.unit, "percent");
  EXPECT_EQ(p.value, 10);
  EXPECT_EQ(mention("just need minus five percent", "minus five percent").value, -5);
  EXPECT_EQ(mention("a 87 yo man", "87 yo").kind, QuantityKind::age);
  EXPECT_EQ(mention("a man of age 87", "87").kind, QuantityKind::age);
  // "rose by X to Y": a change and a level, not a range.
  auto by = mention("The budget rose by $45 billion to $886 billion.", "$45 billion");
  EXPECT_EQ(by.high, 45e9);
  EXPECT_EQ(mention("The deal is worth £450 million over ten years.", "ten years").low, 10);
  EXPECT_FALSE(mention("He served for over ten years.", "over ten years").high);
  // A fraction of something the lexicon lacks still names it.
  EXPECT_EQ(mention("About a quarter of the harvest was lost.", "About a quarter").counted, "harvest");
  EXPECT_EQ(mention("Health officials confirmed 318 new cases.", "318").counted, "case");
}

}  // namespace
}  // namespace cc

namespace cc {
namespace {

TEST(Numeral, DesignationsAndAgesInApposition) {
  EXPECT_EQ(mention("Route 9 was closed after the blast.", "9").kind, QuantityKind::model);
  EXPECT_EQ(mention("Article 5 of the treaty applies.", "5").kind, QuantityKind::model);
  EXPECT_EQ(mention("Just 40 were rescued.", "40").kind, QuantityKind::count);
  EXPECT_EQ(mention("Officials 300 soldiers", "300").kind, QuantityKind::count);
  EXPECT_EQ(mention("The president, 71, was treated in hospital.", "71").kind, QuantityKind::age);
  EXPECT_EQ(mention("They fired 12, 14 and 16 shells.", "12").kind, QuantityKind::count);
}

}  // namespace
}  // namespace cc
