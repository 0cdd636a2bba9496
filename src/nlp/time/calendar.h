// Proleptic Gregorian calendar arithmetic for time normalization: day
// numbers, weekdays and ISO weeks. Pure functions; valid for years 1..9999.
#pragma once

#include <cstdint>

namespace cc {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Days since 1970-01-01 (negative before), after Howard Hinnant's algorithms.
int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(int64_t days);
// ISO weekday: 1 = Monday ... 7 = Sunday.
int iso_weekday(int64_t days);
// ISO 8601 week of the given day; *iso_year may differ from the calendar year
// in the first and last days of a year.
int iso_week(int64_t days, int* iso_year);

}  // namespace cc
