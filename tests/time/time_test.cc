#include "nlp/time/time.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nlp/time/consistency.h"
#include "nlp/time/publication.h"
#include "nlp/tokenize.h"

namespace cc {
namespace {

// Published on Friday 2025-03-28 unless a test says otherwise.
Document tag(std::string text, std::string published = "2025-03-28") {
  Document d;
  d.text = std::move(text);
  if (!published.empty()) d.published = *PartialDate::parse(published);
  Tokenizer().process(d);
  auto tagger = make_time_tagger(Resources{});
  EXPECT_TRUE(tagger.ok());
  (*tagger)->process(d);
  return d;
}

// "text=TYPE:value[:mod]" for every expression, in order.
std::vector<std::string> found(const Document& d) {
  std::vector<std::string> out;
  for (const auto& t : d.times) {
    std::string s = std::string(d[t.span]) + "=" + timex_type_name(t.value.type) + ":" + t.value.value;
    if (!t.value.mod.empty()) s += ":" + t.value.mod;
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Time, AbsoluteDates) {
  EXPECT_EQ(found(tag("The accord was signed on March 27, 2025, in Minsk.")),
            V{"March 27, 2025=DATE:2025-03-27"});
  EXPECT_EQ(found(tag("Talks resumed 14 February 2023 and again on 2024-06-01.")),
            (V{"14 February 2023=DATE:2023-02-14", "2024-06-01=DATE:2024-06-01"}));
  EXPECT_EQ(found(tag("The form is dated 3/7/2021.")), V{"3/7/2021=DATE:2021-03-07"});
  EXPECT_EQ(found(tag("Sales fell in September 2024 and in Sept. 3, 2019.")),
            (V{"September 2024=DATE:2024-09", "Sept. 3, 2019=DATE:2019-09-03"}));
  EXPECT_EQ(found(tag("Prices rose in 2022.")), V{"2022=DATE:2022"});
  EXPECT_EQ(found(tag("The town grew in the 1990s.")), V{"1990s=DATE:199"});
}

TEST(Time, MonthAndDayWithoutYearFollowTense) {
  // Past tense: the latest one before publication; future: the next one.
  EXPECT_EQ(found(tag("Officials said the convoy arrived on June 17.")),
            V{"June 17=DATE:2024-06-17"});
  // A date without a year is close to publication: with no tense, the nearest.
  EXPECT_EQ(found(tag("Dividend: payable Dec. 15 to holders of record Nov. 20.", "2024-11-02")),
            (V{"Dec. 15=DATE:2024-12-15", "Nov. 20=DATE:2024-11-20"}));
  EXPECT_EQ(found(tag("Board meeting: December.", "2025-02-10")), V{"December=DATE:2024-12"});
  EXPECT_EQ(found(tag("The parade will be held May 9.")), V{"May 9=DATE:2025-05-09"});
  EXPECT_EQ(found(tag("On March 27, the minister resigned.")), V{"March 27=DATE:2025-03-27"});
  EXPECT_EQ(found(tag("Shipments were recorded in January and February.")),
            V{"January and February=DATE:2025-01/2025-02"});
}

TEST(Time, CoordinatedMonthsShareTheYear) {
  EXPECT_EQ(found(tag("About 3,000 troops were sent in January and February 2024.")),
            V{"January and February 2024=DATE:2024-01/2024-02"});
  EXPECT_EQ(found(tag("They were moved between January and February 2024.")),
            V{"January and February 2024=DATE:2024-01/2024-02"});
  EXPECT_EQ(found(tag("The drills ran from 2019 to 2023.")), V{"2019 to 2023=DATE:2019/2023"});
  // Two separate years, not a range.
  EXPECT_EQ(found(tag("Similar visits took place in 2019 and 2023.")),
            (V{"2019=DATE:2019", "2023=DATE:2023"}));
  // Non-adjacent months stay apart but share the year.
  EXPECT_EQ(found(tag("Elections were held in March and November 2020.")),
            (V{"March=DATE:2020-03", "November 2020=DATE:2020-11"}));
}

TEST(Time, FutureAlternativesWithSignalMod) {
  EXPECT_EQ(found(tag("More units could deploy as early as July or August.")),
            V{"July or August=DATE:2025-07/2025-08:ON_OR_AFTER"});
  EXPECT_EQ(found(tag("A second phase is expected later this year.")),
            V{"later this year=DATE:2025:END"});
  // "must" points ahead: the coming January, this one when it has not ended.
  EXPECT_EQ(found(tag("The bill must pass by the end of January.")),
            V{"the end of January=DATE:2026-01:END"});
  EXPECT_EQ(found(tag("The bill must pass by the end of January.", "2025-01-10")),
            V{"the end of January=DATE:2025-01:END"});
}

TEST(Time, RelativeToPublication) {
  EXPECT_EQ(found(tag("The first units arrived last fall.")), V{"last fall=DATE:2024-FA"});
  EXPECT_EQ(found(tag("Last month, the ministry confirmed it.")), V{"Last month=DATE:2025-02"});
  EXPECT_EQ(found(tag("He spoke today and will return tomorrow; he left yesterday.")),
            (V{"today=DATE:2025-03-28", "tomorrow=DATE:2025-03-29", "yesterday=DATE:2025-03-27"}));
  EXPECT_EQ(found(tag("Exports rose last week and fell this year.")),
            (V{"last week=DATE:2025-W12", "this year=DATE:2025"}));
  EXPECT_EQ(found(tag("Next month the board meets.")), V{"Next month=DATE:2025-04"});
  EXPECT_EQ(found(tag("The dam was finished two years ago.")), V{"two years ago=DATE:2023"});
  EXPECT_EQ(found(tag("Earlier this year, the plant closed.")), V{"Earlier this year=DATE:2025:START"});
  EXPECT_EQ(found(tag("Crops wilted this summer.", "2025-08-10")), V{"this summer=DATE:2025-SU"});
  EXPECT_EQ(found(tag("Officials said talks would resume this summer.")), V{"this summer=DATE:2025-SU"});
  EXPECT_EQ(found(tag("Snow fell last winter.", "2025-01-20")), V{"last winter=DATE:2023-WI"});
  EXPECT_EQ(found(tag("Troops left last Thursday.")), V{"last Thursday=DATE:2025-03-20"});
  EXPECT_EQ(found(tag("Protests spread over the weekend.")), V{"the weekend=DATE:2025-W12-WE"});
  EXPECT_EQ(found(tag("Voting ends next weekend.")), V{"next weekend=DATE:2025-W14-WE"});
  EXPECT_EQ(found(tag("The firm is now larger than it was in the past.")),
            (V{"now=DATE:PRESENT_REF", "the past=DATE:PAST_REF"}));
  EXPECT_EQ(found(tag("Such deals may be common in the future.")), V{"the future=DATE:FUTURE_REF"});
  EXPECT_EQ(found(tag("At the end of January, the talks stalled.")),
            V{"the end of January=DATE:2025-01:END"});
}

TEST(Time, WeekdaysFollowTense) {
  // 2025-03-28 is a Friday.
  EXPECT_EQ(found(tag("The statement was released on Thursday.")), V{"Thursday=DATE:2025-03-27"});
  EXPECT_EQ(found(tag("The council will vote on Thursday.")), V{"Thursday=DATE:2025-04-03"});
  EXPECT_EQ(found(tag("The bid had been due to expire Thursday.")), V{"Thursday=DATE:2025-03-27"});
  EXPECT_EQ(found(tag("Troops crossed the border Monday morning.")),
            V{"Monday morning=TIME:2025-03-24TMO"});
  EXPECT_EQ(found(tag("The report came out Tuesday, March 25, 2025.")),
            V{"Tuesday, March 25, 2025=DATE:2025-03-25"});
}

TEST(Time, WeekdayWithMonthOnlyPublicationIsUnderspecified) {
  Document d = tag("The statement was released on Thursday.", "2025-03");
  ASSERT_EQ(d.times.size(), 1u);
  EXPECT_EQ(d.times[0].value.value, "XXXX-WXX-4");
  EXPECT_EQ(d.times[0].value.anchor, "none");
  EXPECT_NE(d.times[0].value.note.find("2025-03"), std::string::npos);
}

TEST(Time, Durations) {
  EXPECT_EQ(found(tag("The siege lasted three weeks.")), V{"three weeks=DURATION:P3W"});
  EXPECT_EQ(found(tag("Power was cut for 24 hours.")), V{"24 hours=DURATION:PT24H"});
  EXPECT_EQ(found(tag("Output doubled over the past three months.")),
            V{"the past three months=DURATION:P3M"});
  EXPECT_EQ(found(tag("They signed a five-year deal.")), V{"five-year=DURATION:P5Y"});
  EXPECT_EQ(found(tag("Talks dragged on for more than two years.")),
            V{"more than two years=DURATION:P2Y:MORE_THAN"});
  EXPECT_EQ(found(tag("It took twenty four hours.")), V{"twenty four hours=DURATION:PT24H"});
  EXPECT_EQ(found(tag("The feud has gone on for years.")), V{"years=DURATION:PXY"});
  EXPECT_EQ(found(tag("Prices climbed in recent weeks.")), V{"recent weeks=DURATION:PXW"});
}

TEST(Time, Sets) {
  EXPECT_EQ(found(tag("Protesters gather every Monday.")), V{"every Monday=SET:XXXX-WXX-1"});
  EXPECT_EQ(found(tag("The index is published weekly.")), V{"weekly=SET:P1W"});
  EXPECT_EQ(found(tag("Inspectors visit every two years.")), V{"every two years=SET:P2Y"});
  EXPECT_EQ(found(tag("The board meets twice a month.")), V{"twice a month=SET:P1M"});
}

TEST(Time, SeasonsQuartersAndModifiers) {
  EXPECT_EQ(found(tag("Growth slowed in the third quarter of 2024.")),
            V{"the third quarter of 2024=DATE:2024-Q3"});
  EXPECT_EQ(found(tag("Profits fell in the fourth quarter.")), V{"the fourth quarter=DATE:2024-Q4"});
  EXPECT_EQ(found(tag("Construction began in spring 2023.")), V{"spring 2023=DATE:2023-SP"});
  EXPECT_EQ(found(tag("The plant opened in early 2021.")), V{"early 2021=DATE:2021:START"});
  EXPECT_EQ(found(tag("Fighting peaked in mid-March.")), V{"mid-March=DATE:2025-03:MID"});
  EXPECT_EQ(found(tag("The law lapsed in late December 2019.")),
            V{"late December 2019=DATE:2019-12:END"});
}

TEST(Time, ClockTimes) {
  EXPECT_EQ(found(tag("The blast happened at 10:30 a.m. local time.")),
            V{"10:30 a.m. local time=TIME:2025-03-28T10:30"});
  EXPECT_EQ(found(tag("Sirens sounded at 9 p.m.")), V{"9 p.m.=TIME:2025-03-28T21:00"});
  EXPECT_EQ(found(tag("Residents were woken last night.")), V{"last night=TIME:2025-03-27TNI"});
  EXPECT_EQ(found(tag("Shelling went on overnight.")), V{"overnight=TIME:2025-03-27TNI"});
}

TEST(Time, RangesOfDaysAndNumericMonths) {
  EXPECT_EQ(found(tag("Polls open March 3-5, 2024.")), V{"March 3-5, 2024=DATE:2024-03-03/2024-03-05"});
  EXPECT_EQ(found(tag("The summit runs November 19 to 20, 2025.")),
            V{"November 19 to 20, 2025=DATE:2025-11-19/2025-11-20"});
  EXPECT_EQ(found(tag("Filed 2015/08/12; revised 11/2016.")),
            (V{"2015/08/12=DATE:2015-08-12", "11/2016=DATE:2016-11"}));
  EXPECT_TRUE(found(tag("Polls open March 30-31, 2023 and February 28-30, 2023.")).size() == 1);
}

TEST(Time, FixedDateHolidays) {
  EXPECT_EQ(found(tag("Talks collapsed on Christmas Eve and resumed after New Year's Day.")),
            (V{"Christmas Eve=DATE:2024-12-24", "New Year's Day=DATE:2025-01-01:AFTER"}));
  EXPECT_EQ(found(tag("The truce held over Christmas 2023.")), V{"Christmas 2023=DATE:2023-12-25"});
}

TEST(Time, MonthNamesWithLastNextThis) {
  EXPECT_EQ(found(tag("Prices peaked last June.")), V{"last June=DATE:2024-06"});
  EXPECT_EQ(found(tag("The vote is next February.")), V{"next February=DATE:2026-02"});
  EXPECT_EQ(found(tag("It opens this May.")), V{"this May=DATE:2025-05"});
  EXPECT_EQ(found(tag("Inflation eased in Feb, 2024.")), V{"Feb, 2024=DATE:2024-02"});
}

TEST(Time, BusinessPeriods) {
  // Published 2025-03-28: the quarter last reported is 2024-Q4.
  EXPECT_EQ(found(tag("Net income rose 5% in the quarter.")), V{"the quarter=DATE:2024-Q4"});
  EXPECT_EQ(found(tag("Third-quarter profit rose from a year earlier.")),
            (V{"Third-quarter=DATE:2024-Q3", "a year earlier=DATE:2023-Q3"}));
  EXPECT_EQ(found(tag("Sales fell in the 2023 second quarter.")),
            V{"the 2023 second quarter=DATE:2023-Q2"});
  EXPECT_EQ(found(tag("Costs rose in next year's first quarter.")),
            V{"next year's first quarter=DATE:2026-Q1"});
  EXPECT_EQ(found(tag("Revenue in the fiscal year was flat.")), V{"the fiscal year=DATE:2025"});
  // "for the year" is this year; a fiscal year named by its end is a length.
  EXPECT_EQ(found(tag("Profit for the year was flat.")), V{"the year=DATE:2025"});
  EXPECT_EQ(found(tag("Revenue rose in the year ended March 31, 2024.")),
            (V{"the year=DURATION:P1Y", "March 31, 2024=DATE:2024-03-31"}));
  EXPECT_EQ(found(tag("Sales were flat in the latest fiscal year.")),
            V{"the latest fiscal year=DATE:2024"});
  EXPECT_EQ(found(tag("Profit doubled from the year-earlier quarter.")),
            V{"year-earlier quarter=DATE:2023-Q4"});
  EXPECT_EQ(found(tag("Sales beat the year-ago third quarter.")),
            V{"year-ago third quarter=DATE:2024-Q3"});
  // The quarter named in one sentence is the referent of the next.
  EXPECT_EQ(found(tag("Second-quarter profit rose 4%. It was $2 a share a year earlier, and "
                      "$1 in the 2022 period.")),
            (V{"Second-quarter=DATE:2024-Q2", "a year earlier=DATE:2023-Q2",
               "the 2022 period=DATE:2022-Q2"}));
  Document earlier = tag("Second-quarter profit rose. It was $2 a year earlier.");
  ASSERT_EQ(earlier.times.size(), 2u);
  EXPECT_EQ(earlier.times[1].value.anchor, "text");
}

TEST(Time, ClockTimesWithDatesAndCompactForms) {
  EXPECT_EQ(found(tag("The offer expires at 17:00 GMT on Nov. 9.")),
            V{"17:00 GMT on Nov. 9=TIME:2025-11-09T17:00"});
  EXPECT_EQ(found(tag("They met at noon Thursday.")), V{"noon Thursday=TIME:2025-03-27T12:00"});
  EXPECT_EQ(found(tag("Doors open at 7pm and close at 11:30pm.")),
            (V{"7pm=TIME:2025-03-28T19:00", "11:30pm=TIME:2025-03-28T23:30"}));
  EXPECT_EQ(found(tag("It ended at seven o'clock.")), V{"seven o'clock=TIME:2025-03-28T07:00"});
  EXPECT_EQ(found(tag("The shelling began the day before yesterday.")),
            V{"the day before yesterday=DATE:2025-03-26"});
}

TEST(Time, RangesBetweenYearsAndDays) {
  EXPECT_EQ(found(tag("Exports doubled between 2019 and 2023.")), V{"2019 and 2023=DATE:2019/2023"});
  EXPECT_EQ(found(tag("Shares were bought from Aug. 26 to Oct. 20, 2024.")),
            V{"Aug. 26 to Oct. 20, 2024=DATE:2024-08-26/2024-10-20"});
}

TEST(Time, ResultsCompareTheQuarterReported) {
  // Anywhere in a report that has named an ended quarter, "a year ago" is
  // that quarter a year back; "last year" stays the year.
  EXPECT_EQ(found(tag("Third-quarter profit rose 5%. Bank lines were cut. "
                      "Revenue rose to $2 billion from $1 billion a year ago. Last year, it lost.")),
            (V{"Third-quarter=DATE:2024-Q3", "a year ago=DATE:2023-Q3", "Last year=DATE:2024"}));
  // A forecast quarter does not become the referent.
  EXPECT_EQ(found(tag("Third-quarter profit rose. Losses will last through the third quarter of "
                      "2026. Sales fell from a year earlier.")),
            (V{"Third-quarter=DATE:2024-Q3", "the third quarter of 2026=DATE:2026-Q3",
               "a year earlier=DATE:2023-Q3"}));
  // "the quarter ended Sept. 30" is the quarter of that month; "the latest
  // period" the quarter under discussion.
  EXPECT_EQ(found(tag("Net rose in the quarter ended Sept. 30 from a year earlier. The latest "
                      "period included a gain.")),
            (V{"the quarter=DATE:2024-Q3", "Sept. 30=DATE:2024-09-30", "a year earlier=DATE:2023-Q3",
               "The latest period=DATE:2024-Q3"}));
}

TEST(Time, YearToDateResultsCompareTheYearBefore) {
  // After "the nine months", "a year earlier" and "the 2023 period" are the
  // year before the reported quarter's, not that quarter a year back; a
  // quarter named again is the referent again. Published 2025-03-28.
  EXPECT_EQ(found(tag("Third-quarter net rose. For the nine months, net was $3 million, up from "
                      "$2 million a year earlier. In the first nine months, sales fell from the "
                      "2023 period. Fourth-quarter sales rose from a year ago.")),
            (V{"Third-quarter=DATE:2024-Q3", "nine months=DURATION:P9M", "a year earlier=DATE:2023",
               "the first nine months=DURATION:P9M", "the 2023 period=DATE:2023",
               "Fourth-quarter=DATE:2024-Q4", "a year ago=DATE:2023-Q4"}));
  EXPECT_EQ(found(tag("Third-quarter net rose. Net for the nine months beat year-earlier net.")),
            (V{"Third-quarter=DATE:2024-Q3", "nine months=DURATION:P9M", "year-earlier=DATE:2023"}));
  // A phrase that says "quarter" stays the quarter.
  EXPECT_EQ(found(tag("Third-quarter net rose. For the nine months, it beat the year-earlier quarter.")),
            (V{"Third-quarter=DATE:2024-Q3", "nine months=DURATION:P9M",
               "year-earlier quarter=DATE:2023-Q3"}));
}

TEST(Time, HalvesOfYearsAndDecades) {
  EXPECT_EQ(found(tag("Losses will last through the first two quarters of 1990.", "1989-10-26")),
            V{"the first two quarters of 1990=DATE:1990-H1"});
  // Without a year it is a span up to now.
  EXPECT_EQ(found(tag("Sales rose in the last two quarters.", "1989-10-26")),
            V{"the last two quarters=DURATION:P2Q"});
  EXPECT_EQ(found(tag("Sales were flat in the last half of the '80s.", "1989-10-26")),
            V{"the last half of the '80s=DATE:198:END"});
  EXPECT_EQ(found(tag("It was built in the first half of the 19th century.")),
            V{"the first half of the 19th century=DATE:18:START"});
  // The tokenizer splits the apostrophe from "'90s" and "’80s".
  EXPECT_EQ(found(tag("Prices fell in the '90s and the ’80s.")),
            (V{"'90s=DATE:199", "’80s=DATE:198"}));
}

TEST(Time, PresentVerbNearerThanAPastOne) {
  // The past tense belongs to the relative clause; the date's clause is
  // present, so the nearest February.
  EXPECT_EQ(found(tag("The sale, which had been expected, is part of a program to pay down debt by "
                      "February.", "1989-10-30")),
            V{"February=DATE:1990-02:ON_OR_BEFORE"});
  EXPECT_EQ(found(tag("The sale had been expected to close in February.", "1989-10-30")),
            V{"February=DATE:1989-02"});
}

TEST(Time, LastMonthNamedIsNotTheMonthJustOver) {
  // That one is "last month": "last February" on March 1 is the year before.
  EXPECT_EQ(found(tag("Two helicopters crashed last February.", "1998-03-01")),
            V{"last February=DATE:1997-02"});
  EXPECT_EQ(found(tag("It crashed this past February.", "1998-03-01")),
            V{"this past February=DATE:1998-02"});
  EXPECT_EQ(found(tag("It crashed last January.", "1998-03-01")), V{"last January=DATE:1998-01"});
  EXPECT_EQ(found(tag("It crashed last December.", "2025-01-10")), V{"last December=DATE:2023-12"});
}

TEST(Time, QuarterEndedOnADateAndQuartersInPassing) {
  // The calendar quarter holding most of the three months up to the date.
  EXPECT_EQ(found(tag("In the quarter ended July 31, it lost money.", "1989-10-30")),
            (V{"the quarter=DATE:1989-Q2", "July 31=DATE:1989-07-31"}));
  EXPECT_EQ(found(tag("The quarter ended Jan. 31 was flat.", "1989-10-30")),
            (V{"The quarter=DATE:1988-Q4", "Jan. 31=DATE:1989-01-31"}));
  // "a flat second quarter" is named in passing: the report stays on the third.
  EXPECT_EQ(found(tag("Third-quarter net rose. After a flat second quarter, sales gained. Charges "
                      "were taken in the year-earlier period.", "1989-10-30")),
            (V{"Third-quarter=DATE:1989-Q3", "second quarter=DATE:1989-Q2",
               "year-earlier period=DATE:1988-Q3"}));
  // "a third-quarter loss" reports the quarter.
  EXPECT_EQ(found(tag("It posted a third-quarter loss, against a profit a year ago.", "1989-10-30")),
            (V{"third-quarter=DATE:1989-Q3", "a year ago=DATE:1988-Q3"}));
}

TEST(Time, ResultsPeriodsNamedWithoutNumber) {
  // Once a quarter is named, "that quarter", "the same quarter a year ago",
  // "the corresponding period last year" and "last year's quarter" are it.
  EXPECT_EQ(found(tag("Third-quarter net rose. Results for that quarter included a charge.", "1989-10-26")),
            (V{"Third-quarter=DATE:1989-Q3", "that quarter=DATE:1989-Q3"}));
  EXPECT_EQ(found(tag("Third-quarter net rose, compared with the corresponding period last year "
                      "and with last year's quarter.", "1989-10-26")),
            (V{"Third-quarter=DATE:1989-Q3", "the corresponding period last year=DATE:1988-Q3",
               "last year's quarter=DATE:1988-Q3"}));
  EXPECT_EQ(found(tag("Third-quarter net rose from the same quarter a year earlier.", "1989-10-26")),
            (V{"Third-quarter=DATE:1989-Q3", "the same quarter a year earlier=DATE:1988-Q3"}));
  // "that period" may be any period.
  EXPECT_EQ(found(tag("Third-quarter net rose. Nothing else happened in that period.", "1989-10-26")),
            V{"Third-quarter=DATE:1989-Q3"});
  // Fiscal quarters keep their number.
  EXPECT_EQ(found(tag("It earned $5 million for the fiscal-first quarter ended Sept. 30. It lost "
                      "$2 million a year ago.", "1989-10-26")),
            (V{"the fiscal-first quarter=DATE:1989-Q1", "Sept. 30=DATE:1989-09-30",
               "a year ago=DATE:1988-Q1"}));
}

TEST(Time, WeekdaysWithPluralPartsOfDayRecur) {
  EXPECT_EQ(found(tag("Flights leave on Monday and Tuesday nights from March 30.")),
            (V{"Monday=SET:XXXX-WXX-1TNI", "Tuesday nights=SET:XXXX-WXX-2TNI", "March 30=DATE:2025-03-30"}));
  EXPECT_EQ(found(tag("He works Friday evenings.")), V{"Friday evenings=SET:XXXX-WXX-5TEV"});
  EXPECT_EQ(found(tag("They met Monday night.")), V{"Monday night=TIME:2025-03-24TNI"});
}

TEST(Time, OrdinalDayOfAndOneDayAhead) {
  // "It's the second day of ...": the day of the report.
  EXPECT_EQ(found(tag("It's the second day of an offensive.")), V{"the second day=DATE:2025-03-28"});
  EXPECT_TRUE(found(tag("On the second day of the trial he spoke.")).empty());
  // After a modal, "one day" is some time ahead.
  EXPECT_EQ(found(tag("It will one day be the largest.")), V{"one day=DATE:FUTURE_REF"});
  EXPECT_EQ(found(tag("The strike took one day.")), V{"one day=DURATION:P1D"});
}

TEST(Time, RatesAreNotDurations) {
  // "a week" after an amount is "per week".
  EXPECT_TRUE(found(tag("It runs four flights a week and 700 seats a week.")).empty());
  EXPECT_TRUE(found(tag("It saves $500 million a year and grew 20% a year.")).empty());
  EXPECT_EQ(found(tag("It will finish within a year.")), V{"a year=DURATION:P1Y"});
  EXPECT_EQ(found(tag("He saw 3 films a year ago.")), V{"a year ago=DATE:2024"});
}

TEST(Time, CountedDaysWithAQualifier) {
  EXPECT_EQ(found(tag("Eight trading days later, the index fell.")), V{"Eight trading days=DURATION:P8D"});
  EXPECT_EQ(found(tag("Refunds take ten business days.")), V{"ten business days=DURATION:P10D"});
  EXPECT_EQ(found(tag("It followed a several-year tenure.")), V{"several-year=DURATION:PXY"});
}

TEST(Time, CommonNewsConstructions) {
  EXPECT_EQ(found(tag("Sales rose in the first quarter of this year and the second half of last year.")),
            (V{"the first quarter of this year=DATE:2025-Q1", "the second half of last year=DATE:2024-H2"}));
  // A present-tense run of an event points ahead.
  EXPECT_EQ(found(tag("The festival runs through Sunday.")), V{"Sunday=DATE:2025-03-30"});
  EXPECT_EQ(found(tag("A decade-long war ended after a weeklong truce.")),
            (V{"decade-long=DURATION:P10Y", "weeklong=DURATION:P1W"}));
  EXPECT_TRUE(found(tag("He belongs to a long line.")).empty());
}

TEST(Time, WireServiceClockTimes) {
  // The 24-hour clock with a zone: "(0900 GMT)".
  EXPECT_EQ(found(tag("The quake struck at 4 a.m. local time (0900 GMT).")),
            (V{"4 a.m. local time=TIME:2025-03-28T04:00", "0900 GMT=TIME:2025-03-28T09:00"}));
  EXPECT_EQ(found(tag("It ended at 1530 GMT on Monday.")), V{"1530 GMT on Monday=TIME:2025-03-24T15:30"});
  EXPECT_EQ(found(tag("Prices rose in 1998.")), V{"1998=DATE:1998"});
  // "the early hours of Sunday" is no count of hours.
  EXPECT_EQ(found(tag("The early hours of Sunday were quiet.")), V{"Sunday=DATE:2025-03-23"});
  EXPECT_EQ(found(tag("After hours of talks they agreed.")), V{"hours=DURATION:PTXH"});
}

TEST(Time, OverTheYears) {
  EXPECT_EQ(found(tag("Over the years many more patients died.")), V{"the years=DURATION:PXY"});
  // Anchored on an event: no span up to now.
  EXPECT_TRUE(found(tag("During the days after the attack, prices fell.")).empty());
}

TEST(Time, SpansAheadOfNow) {
  // Like "recent weeks", an unstated number of units from now.
  EXPECT_EQ(found(tag("Rates may fall in coming weeks and in upcoming months.")),
            (V{"coming weeks=DURATION:PXW", "upcoming months=DURATION:PXM"}));
  EXPECT_EQ(found(tag("Selling could erode prices in the weeks ahead.")),
            V{"the weeks ahead=DURATION:PXW"});
  // "future" before a unit is a time ahead; before another noun it is none.
  EXPECT_EQ(found(tag("It will cut tax payments in future quarters and cover future losses.")),
            V{"future quarters=DATE:FUTURE_REF"});
}

TEST(Time, BarePluralUnitsBeforeOf) {
  // "months of talks" is some months; a count or order before it is not
  // this pattern's ("nine months of", "the days of the empire").
  EXPECT_EQ(found(tag("The merger follows months of twists and turns.")), V{"months=DURATION:PXM"});
  EXPECT_EQ(found(tag("The heady days of swelling sales are over.")), V{"days=DURATION:PXD"});
  EXPECT_TRUE(found(tag("In the days of the empire, roads were built.")).empty());
}

TEST(Time, QuotedTitlesAreNotDates) {
  EXPECT_TRUE(found(tag("Baker said on ABC's \"This Week With David Brinkley\" that it was over.")).empty());
  EXPECT_EQ(found(tag("He spoke to ``This Week'' on Sunday.")), V{"Sunday=DATE:2025-03-23"});
  // A quoted sentence capitalizes only its first word.
  EXPECT_EQ(found(tag("Baker said, \"This week we won.\"")), V{"This week=DATE:2025-W13"});
}

TEST(Time, YearsBesideDashes) {
  // A spaced dash is punctuation; a joined hyphen makes a compound.
  EXPECT_EQ(found(tag("It sold its stake in 1984 -- part of a plan.")), V{"1984=DATE:1984"});
  EXPECT_TRUE(found(tag("A 2000-strong force arrived.")).empty());
  // Year ranges written as one token; "2010-11" is a month.
  EXPECT_EQ(found(tag("Output fell in 1984-1985 and 1998-99.")),
            (V{"1984-1985=DATE:1984/1985", "1998-99=DATE:1998/1999"}));
  EXPECT_EQ(found(tag("Data for 2010-11 were revised.")), V{"2010-11=DATE:2010-11"});
}

TEST(Time, HalvesInDurations) {
  // TIMEX3 writes a half in the next smaller unit when it is whole.
  EXPECT_EQ(found(tag("They lived in camps for 2 1/2 years.")), V{"2 1/2 years=DURATION:P2Y6M"});
  EXPECT_EQ(found(tag("Talks lasted two and a half days.")), V{"two and a half days=DURATION:P2DT12H"});
  EXPECT_EQ(found(tag("It took a minute and a half.")), V{"a minute and a half=DURATION:PT1M30S"});
  EXPECT_EQ(found(tag("The works take half a year.")), V{"half a year=DURATION:P6M"});
  EXPECT_EQ(found(tag("Shares rose for 1.5 hours and fell for 2.5 weeks.")),
            (V{"1.5 hours=DURATION:PT1H30M", "2.5 weeks=DURATION:P2.5W"}));
}

TEST(Time, TenseWordsThatAreNounsOrAdjectives) {
  // "set on" and "the plan" are not future; "a still unspecified date" is
  // not past. Published 2025-03-28.
  EXPECT_EQ(found(tag("Stocks rose near the record high set on Aug. 6.")),
            V{"Aug. 6=DATE:2024-08-06"});
  EXPECT_EQ(found(tag("The thrift announced the plan Aug. 21.")), V{"Aug. 21=DATE:2024-08-21"});
  EXPECT_EQ(found(tag("It will be paid on a still unspecified date in January.")),
            V{"January=DATE:2026-01"});
  // A period that ended on a date puts it before publication.
  EXPECT_EQ(found(tag("In the fiscal year ended Jan. 31, sales were flat.", "2025-01-20")),
            (V{"the fiscal year=DURATION:P1Y", "Jan. 31=DATE:2024-01-31"}));
  // The verb before the date decides over a participle after it.
  EXPECT_EQ(found(tag("Flights will double by August, in markets untouched by the crisis.")),
            V{"August=DATE:2025-08:ON_OR_BEFORE"});
  // "as previously planned" is past.
  EXPECT_EQ(found(tag("The offensive began as previously planned Saturday night.")),
            V{"Saturday night=TIME:2025-03-22TNI"});
}

TEST(Time, ScheduledEventsInThePresentTense) {
  // Published on Friday 2025-03-28.
  EXPECT_EQ(found(tag("The two leaders meet Monday in Geneva.")), V{"Monday=DATE:2025-03-31"});
  EXPECT_EQ(found(tag("The shares are to resume trading Tuesday.")), V{"Tuesday=DATE:2025-04-01"});
  // A present-tense verb after the date does not count.
  EXPECT_EQ(found(tag("The move follows Tuesday's bid by a firm which holds 12%.")),
            V{"Tuesday=DATE:2025-03-25"});
}

TEST(Time, ReferencesAndPeriodWords) {
  EXPECT_EQ(found(tag("He expects the deal to close soon, as soon as possible.")),
            (V{"soon=DATE:FUTURE_REF", "soon as possible=DATE:FUTURE_REF"}));
  EXPECT_TRUE(found(tag("It closed as soon as trading opened.")).empty());
  EXPECT_EQ(found(tag("Current market conditions are weak; the then current price was low.")),
            V{"Current=DATE:PRESENT_REF"});
  EXPECT_EQ(found(tag("Officials said recently that prices are currently high.")),
            (V{"recently=DATE:PAST_REF", "currently=DATE:PRESENT_REF"}));
  EXPECT_EQ(found(tag("The deal should close by year-end. Shares are up 5% since year-end.")),
            (V{"year-end=DATE:2025-12-31:ON_OR_BEFORE", "year-end=DATE:2024-12-31:ON_OR_AFTER"}));
  EXPECT_EQ(found(tag("For the week, the index fell 2%.")), V{"the week=DATE:2025-W13"});
}

TEST(Time, SpokenYearsCenturiesAndDecades) {
  EXPECT_EQ(found(tag("It happened in January nineteen ninety-seven and in the winter of "
                      "nineteen ninety-four.")),
            (V{"January nineteen ninety-seven=DATE:1997-01",
               "the winter of nineteen ninety-four=DATE:1994-WI"}));
  EXPECT_EQ(found(tag("The plan is due by the year two thousand.")),
            V{"the year two thousand=DATE:2000:ON_OR_BEFORE"});
  EXPECT_EQ(found(tag("It is a 20th century idea about an 11th century temple.")),
            (V{"20th century=DATE:19", "11th century=DATE:10"}));
  EXPECT_EQ(found(tag("Membership fell through the nineties.")), V{"the nineties=DATE:199"});
  EXPECT_EQ(found(tag("Sales of fiscal 1989 rose; fiscal 1990 sales will fall.")),
            (V{"fiscal 1989=DATE:1989", "fiscal 1990=DATE:1990"}));
  // "Two thousand" alone is a count.
  EXPECT_TRUE(found(tag("Two thousand people marched.")).empty());
}

TEST(Time, WeekdaysWithDatesAndQualifiers) {
  EXPECT_EQ(found(tag("Women's Day is this coming Sunday, March eighth.", "2025-03-05")),
            V{"this coming Sunday, March eighth=DATE:2025-03-08"});
  EXPECT_EQ(found(tag("The vote is this coming Sunday.")), V{"this coming Sunday=DATE:2025-03-30"});
  EXPECT_EQ(found(tag("The strike began this past spring.", "2025-10-20")),
            V{"this past spring=DATE:2025-SP"});
  // "the previous Friday": the one before the Friday just past (Monday report).
  EXPECT_EQ(found(tag("The index fell 4% from the previous Friday.", "2025-03-31")),
            V{"previous Friday=DATE:2025-03-21"});
  EXPECT_EQ(found(tag("Shares rose at mid-afternoon yesterday and fell Monday morning.")),
            (V{"mid-afternoon yesterday=TIME:2025-03-27TAF", "Monday morning=TIME:2025-03-24TMO"}));
  EXPECT_EQ(found(tag("By mid afternoon the shelling stopped.")), V{"mid afternoon=TIME:2025-03-28TAF:ON_OR_BEFORE"});
  // The tokenizer ends a sentence at "p.m." before a capital: the date after
  // it still belongs to the clock time.
  EXPECT_EQ(found(tag("The offer expires at 5 p.m. EST Nov. 9.")),
            V{"5 p.m. EST Nov. 9=TIME:2025-11-09T17:00"});
}

TEST(Time, DatesToldFromTheLastDateNamed) {
  EXPECT_EQ(found(tag("On May 22, 1995, he was promoted, and the following year he left. That "
                      "year was hard.")),
            (V{"May 22, 1995=DATE:1995-05-22", "the following year=DATE:1996",
               "That year=DATE:1996"}));
  Document d = tag("In March 2024 talks began. The following month, the firm was sold.");
  ASSERT_EQ(d.times.size(), 2u);
  EXPECT_EQ(d.times[1].value.value, "2024-04");
  EXPECT_EQ(d.times[1].value.anchor, "text");
  // Without a date named before, "the following year" is a length.
  EXPECT_EQ(found(tag("Prices rose over the following year.")),
            V{"the following year=DURATION:P1Y"});
}

TEST(Time, MonthsWithARelativeYear) {
  EXPECT_EQ(found(tag("In June last year talks failed; in January this year they resumed.")),
            (V{"June last year=DATE:2024-06", "January this year=DATE:2025-01"}));
  EXPECT_EQ(found(tag("The vote is set for March 3 next year.")), V{"March 3 next year=DATE:2026-03-03"});
  EXPECT_EQ(found(tag("Third-quarter profit rose. For the quarter a year ago, it lost money.")),
            (V{"Third-quarter=DATE:2024-Q3", "the quarter a year ago=DATE:2023-Q3"}));
}

TEST(Time, DaysBeforeMonthsAndBareDays) {
  EXPECT_EQ(found(tag("Talks will end on 1st Jan and resume 4th of March, 2026.")),
            (V{"1st Jan=DATE:2026-01-01", "4th of March, 2026=DATE:2026-03-04"}));
  EXPECT_EQ(found(tag("It opened January 12 of 2016.")), V{"January 12 of 2016=DATE:2016-01-12"});
  EXPECT_TRUE(found(tag("They may first ask for a recount.")).empty());
  // A day of the month alone is in the publication month, or next to it.
  EXPECT_EQ(found(tag("The ship docked on the 27th.")), V{"the 27th=DATE:2025-03-27"});
  EXPECT_EQ(found(tag("The board will meet on the 29th.")), V{"the 29th=DATE:2025-03-29"});
  EXPECT_EQ(found(tag("The ship docked on the 2nd, before the vote.", "2025-03")),
            V{"the 2nd=DATE:XXXX-XX-02"});
  EXPECT_TRUE(found(tag("The 3rd Division and the 5th Fleet are here.")).empty());
}

TEST(Time, PeriodsNamedByMonthOrWeek) {
  EXPECT_EQ(found(tag("Polls will close between November 15th through the 19th.")),
            V{"November 15th through the 19th=DATE:2025-11-15/2025-11-19"});
  EXPECT_EQ(found(tag("Sales fell in the month of July 2024.")),
            V{"the month of July 2024=DATE:2024-07"});
  EXPECT_EQ(found(tag("Shipping stopped the week of March 10, 2025.")),
            V{"the week of March 10, 2025=DATE:2025-W11"});
  EXPECT_EQ(found(tag("Talks stalled at the beginning of next week.", "2025-03-20")),
            V{"the beginning of next week=DATE:2025-W13:START"});
  EXPECT_EQ(found(tag("Fighting should ease by mid summer.", "2025-03-20")),
            V{"mid summer=DATE:2025-SU:MID"});
  EXPECT_EQ(found(tag("The siege paused for half an hour.")), V{"half an hour=DURATION:PT30M"});
}

TEST(Time, WeekdaysOfANamedWeek) {
  // Published on Friday 2025-03-28.
  EXPECT_EQ(found(tag("The vote is on Friday next week.")), V{"Friday next week=DATE:2025-04-04"});
  EXPECT_EQ(found(tag("The vote is next week on Friday.")), V{"next week on Friday=DATE:2025-04-04"});
  EXPECT_EQ(found(tag("They met last week Sunday.")), V{"last week Sunday=DATE:2025-03-23"});
}

TEST(Time, ApproximateAndCountedPeriods) {
  EXPECT_EQ(found(tag("Then, a week or so ago, the general chose a date.")),
            V{"a week or so ago=DATE:2025-W12:APPROX"});
  EXPECT_EQ(found(tag("Rates will rise over the next couple of years.")),
            V{"the next couple of years=DURATION:P2Y"});
  EXPECT_EQ(found(tag("It achieved profit after several quarters of losses.")),
            V{"several quarters=DURATION:PXQ"});
  EXPECT_EQ(found(tag("Marchers parade each July.")), V{"each July=SET:XXXX-07"});
  EXPECT_EQ(found(tag("The lease runs for at least 20 more years.")),
            V{"at least 20 more years=DURATION:P20Y:EQUAL_OR_MORE"});
  EXPECT_EQ(found(tag("They will live without power for a while.")), V{"a while=DURATION:PXX"});
  EXPECT_EQ(found(tag("Profits will suffer in the near term.")), V{"the near term=DATE:FUTURE_REF"});
}

TEST(Time, FractionsOrdinalsAndAgesAreNotDurations) {
  EXPECT_TRUE(found(tag("Three quarters of the voters agreed.")).empty());
  EXPECT_TRUE(found(tag("The twenty second amendment passed.")).empty());
  EXPECT_TRUE(found(tag("The 52 years old driver fled. Fees are $5 a year.")).empty());
  EXPECT_TRUE(found(tag("Production is reported in a daily bulletin.")).empty());
}

TEST(Time, VerbsAndCountsAreNotDates) {
  EXPECT_TRUE(found(tag("Prices may fall, and troops march on.")).empty());
  EXPECT_TRUE(found(tag("Some 2000 soldiers and $1999 were sent.")).empty());
}

TEST(Time, NonsenseGetsNoDate) {
  EXPECT_TRUE(found(tag(std::string(100000, '7'))).empty());
  EXPECT_TRUE(found(tag("The memo is dated February 30, 2023.")).empty());
  EXPECT_TRUE(found(tag("It will happen on February 30.")).empty());
  EXPECT_TRUE(found(tag("In the year 99999 nothing happened.")).empty());
  EXPECT_TRUE(found(tag("Form 2023-13-45 was filed.")).empty());
  // Patterns that could feed each other ("Monday 5 pm", "5 pm Monday") over
  // one 100,000-token sentence: bounded work, no deep recursion.
  std::string chain;
  for (int i = 0; i < 25000; ++i) chain += "Monday 5 pm ";
  // The first "Monday" alone, then each "5 pm Monday", then the last "5 pm".
  EXPECT_EQ(tag(chain).times.size(), 25001u);
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += "the end of the middle of early late mid- ";
  Document d = tag(noise);
  for (const auto& t : d.times) EXPECT_NE(t.value.value, "");
}

TEST(Time, LongSentencesStayLinear) {
  // One sentence, tens of thousands of expressions: quarter anaphora, the
  // publication estimate and the consistency check must not go quadratic.
  std::string quarters = "Third-quarter profit rose";
  for (int i = 0; i < 20000; ++i) quarters += " from a year ago";
  Document q = tag(quarters + ".");
  ASSERT_EQ(q.times.size(), 20001u);
  EXPECT_EQ(q.times[20000].value.value, "2023-Q3");
  std::string years = "Troops were sent";
  for (int i = 0; i < 20000; ++i) years += " in 2020 and this year";
  Document y = tag(years + ".", "");
  EXPECT_EQ(y.published_estimate.iso(), "2020");
  EXPECT_EQ(y.times.size(), 40000u);
  Document z = tag(years + ".");
  EXPECT_FALSE(find_time_conflicts(z).empty());
}

TEST(Time, NoPublicationDateIsEstimatedFromTheText) {
  Document d = tag(
      "Published March 12, 2025\n"
      "Officials said on Tuesday that the talks had failed. Aid arrived in January.",
      "");
  EXPECT_EQ(d.published_estimate.iso(), "2025-03-12");
  EXPECT_DOUBLE_EQ(d.published_confidence, 0.9);
  // Relative expressions are anchored on the estimate, and say so.
  ASSERT_EQ(d.times.size(), 3u);
  EXPECT_EQ(d.times[1].value.value, "2025-03-11");
  EXPECT_EQ(d.times[1].value.anchor, "estimated");
  EXPECT_EQ(d.times[2].value.value, "2025-01");
}

TEST(Time, EstimateFallsBackToLatestPastEvent) {
  Document d = tag("Fighting resumed on June 3, 2024. A ceasefire was signed on May 2, 2024. "
                   "A summit will take place on October 1, 2024.",
                   "");
  EXPECT_EQ(d.published_estimate.iso(), "2024-06");
  EXPECT_DOUBLE_EQ(d.published_confidence, 0.5);
  // A year alone is too weak to anchor "last month" on.
  Document weak = tag("The plant opened in 2019. Output fell last month.", "");
  EXPECT_EQ(weak.published_estimate.iso(), "2019");
  EXPECT_DOUBLE_EQ(weak.published_confidence, 0.3);
  ASSERT_EQ(weak.times.size(), 2u);
  EXPECT_EQ(weak.times[1].value.value, "XXXX-XX");
  EXPECT_EQ(weak.times[1].value.anchor, "none");
  EXPECT_FALSE(weak.times[1].value.note.empty());
  Document none = tag("Nothing here has a date.", "");
  EXPECT_FALSE(none.published_estimate.known());
  EXPECT_EQ(none.published_confidence, 0);
}

TEST(Time, ConflictingAnchorsAreReportedWithBothSpans) {
  Document d = tag(
      "The government sent 3,000 troops this year, a spokesman said. "
      "According to the ministry, the troops were sent between January and February 2024.",
      "2025-03-15");
  auto conflicts = find_time_conflicts(d);
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(d[conflicts[0].relative], "this year");
  EXPECT_EQ(d[conflicts[0].absolute], "January and February 2024");
  EXPECT_EQ(conflicts[0].event, "send troop");
  // Consistent anchors are not reported.
  Document ok = tag("The pact was signed last year. Officials signed the pact in June 2024.",
                    "2025-03-15");
  EXPECT_TRUE(find_time_conflicts(ok).empty());
  // One shared word is not one event: an invasion and a deployment both "began".
  Document apart = tag("The invasion began in 2022. The deployment began last fall.", "2025-03-15");
  EXPECT_TRUE(find_time_conflicts(apart).empty());
}

TEST(Time, RepeatedAndPlannedEventsAreNotConflicts) {
  // The same trigger and participants, but a past visit and a planned one.
  Document planned = tag("The president visited Paris in 2019. He will visit Paris later this year.",
                         "2025-03-15");
  EXPECT_TRUE(find_time_conflicts(planned).empty());
  // Marked as another occurrence.
  Document again = tag("Exports to Spain rose in 2023. Exports to Spain rose again this year.",
                       "2025-03-15");
  EXPECT_TRUE(find_time_conflicts(again).empty());
  // Without "again" the same statement with other years is a conflict.
  Document same = tag("Exports to Spain rose in 2023. Exports to Spain rose this year.", "2025-03-15");
  EXPECT_EQ(find_time_conflicts(same).size(), 1u);
}

// Stands in for the claims stage's predicate lexicon.
std::string_view send_class(std::string_view w) {
  return w == "sent" || w == "deployed" ? "send" : "";
}

TEST(Time, EventClassesJoinSynonymousTriggers) {
  Document d = tag(
      "The government has sent an additional 3,000 troops to the region this year. The report, "
      "issued on Thursday, states that between January and February 2024, the additional troops "
      "were deployed to the region.",
      "2025-03-15");
  // "sent" and "deployed" are one event only given their class; the clause
  // "issued on Thursday" is not the date's trigger.
  EXPECT_TRUE(find_time_conflicts(d).empty());
  auto conflicts = find_time_conflicts(d, send_class);
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(d[conflicts[0].relative], "this year");
  EXPECT_EQ(d[conflicts[0].absolute], "January and February 2024");
  EXPECT_EQ(conflicts[0].event, "send additional troop");
}

}  // namespace
}  // namespace cc
