#include "nlp/quantity/quantity.h"

#include <gtest/gtest.h>

#include <cmath>

#include <string>
#include <vector>

#include "nlp/tokenize.h"
#include "quantity/tagging.h"

namespace cc {
namespace {

using testing::tag;
using testing::tagger;

struct Found {
  std::string text;
  Quantity q;
};

std::vector<Found> found(const Document& d) {
  std::vector<Found> out;
  for (const auto& a : d.quantities) out.push_back({std::string(d[a.span]), a.value});
  return out;
}

// The single mention whose text is `text`.
Quantity one(const Document& d, const std::string& text) {
  for (const auto& f : found(d))
    if (f.text == text) return f.q;
  std::string all;
  for (const auto& f : found(d)) all += "[" + f.text + "] ";
  ADD_FAILURE() << "no mention \"" << text << "\" in: " << all;
  return Quantity{};
}

TEST(Quantity, BracketedInsertionIsCountedAndDelta) {
  auto d = tag("Officials said nearly 3,000 [additional North Korean soldiers] were transferred.");
  auto q = one(d, "nearly 3,000");
  EXPECT_EQ(q.value, 3000);
  EXPECT_EQ(q.high, 3000);
  EXPECT_FALSE(q.low);
  EXPECT_TRUE(q.approx);
  EXPECT_EQ(q.counted, "soldier");
  EXPECT_EQ(q.counted_class, "personnel");
  EXPECT_TRUE(q.is_delta);
  EXPECT_EQ(q.modifiers, (std::vector<std::string>{"additional", "north korean"}));
  EXPECT_EQ(d[q.counted_span], "additional North Korean soldiers");
}

TEST(Quantity, AdditionalBeforeOrAfterTheNumber) {
  auto d = tag("Pyongyang sent an additional 1,500 troops and later 2,000 additional troops.");
  auto a = one(d, "1,500");
  EXPECT_TRUE(a.is_delta);
  EXPECT_EQ(a.counted_class, "personnel");
  EXPECT_EQ(a.modifiers, (std::vector<std::string>{"additional"}));
  auto b = one(d, "2,000");
  EXPECT_TRUE(b.is_delta);
  EXPECT_EQ(b.counted, "troop");
  EXPECT_EQ(one(tag("Envoys of 14 countries met."), "14").counted, "country");
  EXPECT_EQ(one(tag("They seized 30 boxes."), "30").counted, "box");
  auto c = one(tag("Another 800 workers arrived."), "800");
  EXPECT_TRUE(c.is_delta);
  EXPECT_EQ(c.counted_class, "workers");
}

TEST(Quantity, MoreAfterTheNumberIsAChangeNotTheCountedThing) {
  auto q = one(tag("The charity opened four more treatment centres."), "four");
  EXPECT_EQ(q.counted, "centre");
  EXPECT_TRUE(q.is_delta);
  EXPECT_EQ(q.modifiers, (std::vector<std::string>{"more", "treatment"}));
}

TEST(Quantity, CloserToIsAnApproximationNotACountedThing) {
  auto q = one(tag("The authority said the figure was probably closer to 130."), "closer to 130");
  EXPECT_EQ(q.value, 130);
  EXPECT_TRUE(q.approx);
  EXPECT_EQ(q.counted, "");
  EXPECT_TRUE(one(tag("Turnout was nearer to 40 percent."), "nearer to 40 percent").approx);
}

TEST(Quantity, SmallWordNumbersThatAChangeOrATollGoverns) {
  EXPECT_EQ(one(tag("The death toll has risen to four, police said."), "four").value, 4);
  EXPECT_EQ(one(tag("Officials put the number at three."), "three").value, 3);
  EXPECT_TRUE(tag("He spoke to two of them.").quantities.empty()) << "a bare small word stays no figure";
  // The end of a name before "to" is no counted thing.
  auto q = one(tag("Police raised the toll from the disaster on Lake Victoria to 61."), "61");
  EXPECT_EQ(q.counted, "");
}

TEST(Quantity, OrdinalsTakeNoUnitAndDecadesAreSpans) {
  auto d = tag("The strike entered its second day, the longest in two decades.");
  auto second = one(d, "second");
  EXPECT_EQ(second.kind, QuantityKind::ordinal);
  EXPECT_FALSE(is_claim(second));
  EXPECT_EQ(one(d, "two decades").unit, "decade");
}

TEST(Quantity, ContingentAndInitialAreTotals) {
  auto d = tag("A contingent of 12,000 troops arrived; the initial 12,000 Chadian soldiers trained.");
  auto a = one(d, "12,000");
  EXPECT_EQ(a.counted, "troop");
  EXPECT_FALSE(a.is_delta);
  auto all = found(d);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].q.modifiers, (std::vector<std::string>{"initial", "chadian"}));
  EXPECT_FALSE(all[1].q.is_delta);
}

TEST(Quantity, PartitiveOfAnotherNumber) {
  auto d = tag("About 2,500 of the initial 9,000 fighters have been killed or wounded.");
  auto part = one(d, "About 2,500");
  auto whole = one(d, "9,000");
  ASSERT_TRUE(part.part_of);
  EXPECT_EQ(*part.part_of, 9000);
  EXPECT_EQ(part.counted, whole.counted);
  EXPECT_EQ(whole.counted_class, "personnel");
  EXPECT_EQ(whole.modifiers, (std::vector<std::string>{"initial"}));
  EXPECT_TRUE(part.approx);
  // Killed or wounded people are casualties, for the part but not for the whole.
  EXPECT_EQ(part.counted_class, "casualties");
  EXPECT_EQ(whole.counted_class, "personnel");
  EXPECT_EQ(one(tag("Some 40 workers were reportedly injured."), "Some 40").counted_class,
            "casualties");
  EXPECT_EQ(one(tag("Some 40 workers were reportedly hired."), "Some 40").counted_class, "workers");
}

TEST(Quantity, PartitiveWithTheWholeFirst) {
  auto d = tag("Of the 45 kilometres affected, 18 lie within the reserve. Of the 27 dead, 21 were women.");
  auto km = one(d, "18");
  EXPECT_EQ(km.part_of, 45);
  EXPECT_EQ(km.unit, "km");
  auto women = one(d, "21");
  EXPECT_EQ(women.part_of, 27);
  EXPECT_EQ(women.counted, "dead");
  EXPECT_FALSE(one(tag("Of course, 300 people came."), "300").part_of);
}

TEST(Quantity, TitleCaseCapitalsAreNoModelNames) {
  EXPECT_EQ(one(tag("Quake Kills 48 in Tarsu Province"), "48").kind, QuantityKind::count);
  EXPECT_EQ(one(tag("Fans queued for Tekken 8 on Friday."), "8").kind, QuantityKind::model);
}

TEST(Quantity, IdentifiersAndMultiplesAreNoAmounts) {
  auto d = tag("The tanker, registered under IMO number 9384120, spilled some 2,500 tonnes, "
               "more than three times the 700 tonnes its owner reported.");
  EXPECT_EQ(one(d, "9384120").kind, QuantityKind::model);
  EXPECT_EQ(one(d, "more than three").kind, QuantityKind::multiple);
  EXPECT_FALSE(is_claim(one(d, "more than three")));
  EXPECT_TRUE(is_claim(one(d, "700 tonnes")));
  EXPECT_EQ(one(tag("The number of dead rose to 31."), "31").kind, QuantityKind::count);
}

TEST(Quantity, CountedNounBeforeTheNumber) {
  auto d = tag("Western officials place Eritrean casualties at over 4,000.");
  auto q = one(d, "over 4,000");
  EXPECT_EQ(q.low, 4000);
  EXPECT_FALSE(q.high);
  EXPECT_EQ(q.counted, "casualty");
  EXPECT_EQ(q.counted_class, "casualties");
  EXPECT_EQ(q.modifiers, (std::vector<std::string>{"eritrean"}));
  auto t = one(tag("The death toll rose to 312 on Monday."), "312");
  EXPECT_EQ(t.counted_class, "casualties");
  EXPECT_EQ(one(tag("Officials put the number of displaced people at over 150,000."), "over 150,000").counted,
            "people");
  EXPECT_EQ(one(tag("The number of people who have left their homes has climbed to 12,500."), "12,500").counted, "")
      << "the last noun of a relative clause is not what the number counts";
}

TEST(Quantity, ScalesAndOfConstructions) {
  auto d = tag("It agreed to the transfer of over 4 million artillery shells and $2.5 billion in aid.");
  auto s = one(d, "over 4 million");
  EXPECT_EQ(s.value, 4e6);
  EXPECT_EQ(s.low, 4e6);
  EXPECT_EQ(s.counted, "shell");
  EXPECT_EQ(s.counted_class, "munitions");
  EXPECT_EQ(s.modifiers, (std::vector<std::string>{"artillery"}));
  auto m = one(d, "$2.5 billion");
  EXPECT_EQ(m.value, 2.5e9);
  EXPECT_EQ(m.unit, "USD");
  EXPECT_EQ(m.kind, QuantityKind::money);
  EXPECT_EQ(one(tag("a \u20ac1.2bn deal"), "\u20ac1.2bn").value, 1.2e9);
  EXPECT_EQ(one(tag("a $40m grant"), "$40m").value, 4e7);
}

TEST(Quantity, HedgeTable) {
  auto d = tag("Up to 20,000 laborers, at least 300 drones, as many as 40 boats and some 600 engineers.");
  auto a = one(d, "Up to 20,000");
  EXPECT_EQ(a.high, 20000);
  EXPECT_FALSE(a.low);
  EXPECT_EQ(a.hedge, "up to");
  EXPECT_EQ(a.counted_class, "workers");
  EXPECT_EQ(one(d, "at least 300").low, 300);
  EXPECT_EQ(one(d, "as many as 40").high, 40);
  auto s = one(d, "some 600");
  EXPECT_TRUE(s.approx);
  EXPECT_EQ(s.low, 600);
  EXPECT_EQ(s.high, 600);
  EXPECT_EQ(one(tag("more than 70 civilians"), "more than 70").low, 70);
  EXPECT_EQ(one(tag("fewer than 70 civilians"), "fewer than 70").high, 70);
  EXPECT_EQ(one(tag("7,000-plus refugees"), "7,000-plus").low, 7000);
  EXPECT_EQ(one(tag("5,000 or more refugees"), "5,000 or more").low, 5000);
}

TEST(Quantity, CoordinatedCounts) {
  auto d = tag("They sent 700 sappers and 4,000 military engineers.");
  EXPECT_EQ(one(d, "700").counted, "sapper");
  auto e = one(d, "4,000");
  EXPECT_EQ(e.counted, "engineer");
  EXPECT_EQ(e.counted_class, "personnel");
  EXPECT_EQ(e.modifiers, (std::vector<std::string>{"military"}));
}

TEST(Quantity, Units) {
  auto d = tag("Troops retook 1,100 square kilometers, 40 km of road and 3.5 tonnes of grain.");
  auto a = one(d, "1,100 square kilometers");
  EXPECT_EQ(a.unit, "km2");
  EXPECT_EQ(a.kind, QuantityKind::measure);
  EXPECT_EQ(one(d, "40 km").unit, "km");
  EXPECT_EQ(one(d, "3.5 tonnes").unit, "t");
  auto p = one(tag("Turnout rose by 3.5% this year."), "3.5%");
  EXPECT_EQ(p.unit, "percent");
  EXPECT_TRUE(p.is_delta);
  EXPECT_EQ(one(tag("a ceasefire of three weeks"), "three weeks").unit, "week");
  EXPECT_EQ(one(tag("It reached 41 degrees Celsius."), "41 degrees Celsius").unit, "\u00b0c");
  EXPECT_EQ(one(tag("It reached 104\u00b0F."), "104\u00b0F").unit, "\u00b0f");
  // A quake's magnitude is a reading on a scale, before or after the number.
  auto quake = tag("A magnitude 6.8 earthquake struck, a 6.6-magnitude quake by another count.");
  EXPECT_EQ(one(quake, "magnitude 6.8").unit, "magnitude");
  EXPECT_EQ(one(quake, "magnitude 6.8").kind, QuantityKind::measure);
  EXPECT_EQ(one(quake, "6.6-magnitude").unit, "magnitude");
}

TEST(Quantity, RangesAndVagueCounts) {
  auto d = tag("Between 10 and 12 tanks, 3,000 to 4,000 troops and 2 to 3 million rounds.");
  auto a = one(d, "Between 10 and 12");
  EXPECT_EQ(a.low, 10);
  EXPECT_EQ(a.high, 12);
  auto b = one(d, "3,000 to 4,000");
  EXPECT_EQ(b.counted, "troop");
  auto c = one(d, "2 to 3 million");
  EXPECT_EQ(c.low, 2e6);
  EXPECT_EQ(c.high, 3e6);
  auto bn = one(tag("a loss of $3 to $4bn"), "$3 to $4bn");
  EXPECT_EQ(bn.low, 3e9);
  EXPECT_EQ(bn.unit, "USD");
  EXPECT_EQ(one(tag("three to four million people"), "three to four million").low, 3e6);
  auto v = tag("Dozens of drones and tens of thousands of refugees.");
  auto dz = one(v, "Dozens");
  EXPECT_EQ(dz.counted, "drone");
  EXPECT_TRUE(dz.approx);
  EXPECT_EQ(dz.low, 24);
  auto tt = one(v, "tens of thousands");
  EXPECT_EQ(tt.low, 20000);
  EXPECT_EQ(tt.high, 100000);
  EXPECT_EQ(tt.counted_class, "refugees");
  auto few = one(tag("a few hundred fighters"), "few hundred");
  EXPECT_EQ(few.low, 200);
  EXPECT_EQ(few.high, 900);
}

// The tokenizer keeps "40-50" as one number token; it is a range when the
// second is larger and it reads as no code, date or time.
TEST(Quantity, RangesGluedWithAHyphen) {
  auto d = tag("Crowds of 3,000-4,000 people waited 40-50 minutes; 15-20% left.");
  auto people = one(d, "3,000-4,000");
  EXPECT_EQ(people.low, 3000);
  EXPECT_EQ(people.high, 4000);
  EXPECT_EQ(people.counted, "people");
  auto minutes = one(d, "40-50 minutes");
  EXPECT_EQ(minutes.low, 40);
  EXPECT_EQ(minutes.high, 50);
  EXPECT_EQ(minutes.unit, "minute");
  auto percent = one(d, "15-20%");
  EXPECT_EQ(percent.low, 15);
  EXPECT_EQ(percent.high, 20);
  auto money = one(tag("It cost $3-4 million."), "$3-4 million");
  EXPECT_EQ(money.low, 3e6);
  EXPECT_EQ(money.high, 4e6);
  EXPECT_EQ(money.unit, "USD");
  auto aged = one(tag("The victims were aged 18-25."), "18-25");
  EXPECT_EQ(aged.kind, QuantityKind::age);
  EXPECT_EQ(aged.high, 25);
  EXPECT_EQ(one(tag("Some 1500-2000 troops crossed."), "Some 1500-2000").counted, "troop");
  for (std::string s : {"Call 555-1212 now.", "It was the 2019-2020 season.", "Registered 11-2016.",
                        "Open 0730-0930 daily.", "The score was 3-1.", "Meet at 1-3 pm.",
                        "Call 1-222-2222 now."}) {
    auto none = tag(s);
    for (const auto& f : found(none)) ADD_FAILURE() << s << " -> " << f.text;
  }
}

// "about 40 - 50 years old": a hedged range of ages written with a spaced
// hyphen and the unit once, after the second number.
TEST(Quantity, HedgedAgeRangeWithASpacedHyphen) {
  auto q = one(tag("He is about 40 - 50 years old."), "about 40 - 50 years old");
  EXPECT_EQ(q.kind, QuantityKind::age);
  EXPECT_EQ(q.low, 40);
  EXPECT_EQ(q.high, 50);
  EXPECT_TRUE(q.approx);
  EXPECT_EQ(q.hedge, "about");
  EXPECT_EQ(q.unit, "year");
}

TEST(Quantity, WordNumeralsAndFractions) {
  auto d = tag("Twenty-five soldiers and two hundred thousand residents; a third of the villages.");
  EXPECT_EQ(one(d, "Twenty-five").value, 25);
  EXPECT_EQ(one(d, "two hundred thousand").value, 200000);
  auto f = one(d, "a third");
  EXPECT_NEAR(f.value, 1.0 / 3, 1e-9);
  EXPECT_EQ(f.unit, "fraction");
  EXPECT_EQ(f.counted, "village");
  EXPECT_EQ(one(tag("half a million people"), "half a million").value, 5e5);
  EXPECT_EQ(one(tag("\u00bd million people"), "\u00bd million").value, 5e5);
  EXPECT_EQ(one(tag("one hundred and sixty-one cases"), "one hundred and sixty-one").value, 161);
  EXPECT_EQ(one(tag("one and a half million voters"), "one and a half million").value, 1.5e6);
  EXPECT_EQ(one(tag("2 and a half million voters"), "2 and a half million").value, 2.5e6);
  EXPECT_EQ(one(tag("half a dozen boats"), "half a dozen").value, 6);
  EXPECT_EQ(one(tag("3 dozen boats"), "3 dozen").value, 36);
  EXPECT_EQ(one(tag("one eighth of the budget"), "one eighth").value, 0.125);
  EXPECT_EQ(one(tag("1/2 million people"), "1/2 million").value, 5e5);
}

TEST(Quantity, NotClaims) {
  auto d = tag("Its 170mm self-propelled guns and 240-mm multiple rocket launchers fired.");
  for (const auto& f : found(d)) {
    EXPECT_EQ(f.q.kind, QuantityKind::calibre) << f.text;
    EXPECT_FALSE(is_claim(f.q));
  }
  EXPECT_EQ(found(d).size(), 2u);
  auto m = one(tag("Sales of Tekken 8 passed 2 million copies."), "8");
  EXPECT_EQ(m.kind, QuantityKind::model);
  auto ordinal = one(tag("The 47th Brigade held."), "47th");
  EXPECT_EQ(ordinal.kind, QuantityKind::ordinal);
  auto words = tag("It was the twenty-first attack and the second in a week; a third of it burned.");
  EXPECT_EQ(one(words, "twenty-first").value, 21);
  EXPECT_EQ(one(words, "twenty-first").kind, QuantityKind::ordinal);
  EXPECT_EQ(one(words, "second").kind, QuantityKind::ordinal);
  EXPECT_EQ(one(words, "a third").unit, "fraction");
  EXPECT_EQ(one(tag("A 19-year-old soldier died."), "19-year-old").kind, QuantityKind::age);
  EXPECT_EQ(one(tag("The baby was ten months old."), "ten months old").kind, QuantityKind::age);
  EXPECT_EQ(one(tag("Most were under 5 years of age."), "under 5 years of age").kind,
            QuantityKind::age);
  auto url = tag("See https://example.org/2024/05/story-30?page=2 for more.");
  for (const auto& f : found(url)) ADD_FAILURE() << "in a web address: " << f.text;
}

TEST(Quantity, YearsDatesClocksAndPhonesAreNotEmitted) {
  for (std::string s : {"In 2024 the plan changed.", "It began on June 17.", "By 17 June it ended.",
                        "In March 2025, talks resumed.", "Call +1 202 555 0143 now.",
                        "Call (202) 555-0143 now.", "It ended at 10:30 local time.",
                        "The 1990s were calm.", "The shop is open 24/7.",
                        "Polls closed on 6/17 at noon."}) {
    auto d = tag(s);
    EXPECT_TRUE(d.quantities.empty()) << s << " -> " << (d.quantities.empty() ? "" : std::string(d[d.quantities[0].span]));
  }
  EXPECT_EQ(one(tag("2000 troops crossed."), "2000").counted, "troop");
}

TEST(Quantity, TimeLayerMasksNumbers) {
  Document d;
  d.text = "Troops arrived on 3 May 2025.";
  Tokenizer().process(d);
  d.times.add(Span{18, 28}, Timex{});
  tagger().process(d);
  EXPECT_TRUE(d.quantities.empty());

  // A duration is still a measure.
  Document w;
  w.text = "The truce lasted three weeks.";
  Tokenizer().process(w);
  Timex duration;
  duration.type = TimexType::duration;
  w.times.add(Span{16, 27}, duration);
  tagger().process(w);
  EXPECT_EQ(one(w, "three weeks").unit, "week");
}

TEST(Quantity, AbsurdInputNeverCrashes) {
  std::string huge(10000, '9');
  auto d = tag("They counted " + huge + " shells and 1e999 rounds and \u00bd million rockets.");
  for (const auto& f : found(d)) EXPECT_TRUE(std::isfinite(f.q.value)) << f.text;
  EXPECT_EQ(one(d, "\u00bd million").value, 5e5);
  EXPECT_EQ(found(d).size(), 1u);
  // A 200,000-digit run and 50,000 brackets: the run yields nothing, the rest parses.
  auto many = tag(std::string(200000, '1') + " " + std::string(50000, '[') + " 5 of 6 troops");
  ASSERT_EQ(found(many).size(), 2u);
  EXPECT_EQ(found(many)[0].q.part_of, 6);
  // Over 18 digits, or a product of scales past the largest double: nothing.
  EXPECT_TRUE(tag("1,000,000,000,000,000,000,000 trillion troops").quantities.empty());
  std::string trillions = "999999999999999999";
  for (int i = 0; i < 27; ++i) trillions += " trillion";
  EXPECT_TRUE(tag(trillions + " troops").quantities.empty());
}

TEST(Quantity, MissingLexiconIsAnError) {
  auto made = make_quantity_tagger(Resources{"/nonexistent"});
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.status().message().find("units.tsv"), std::string::npos);
}

}  // namespace
}  // namespace cc
