// PartialDate: a calendar date known to some precision (year, month, day or
// time), as news gives them: "2025", "March 2025", "2025-03-27T10:00".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cc {

enum class DatePrecision { unknown, year, month, day, time };

struct PartialDate {
  int year = 0;
  int month = 0;   // 1..12 when precision >= month
  int day = 0;     // 1..31 when precision >= day
  int hour = 0;
  int minute = 0;
  DatePrecision precision = DatePrecision::unknown;

  bool known() const { return precision != DatePrecision::unknown; }
  // ISO 8601 at its own precision: "2025", "2025-03", "2025-03-27", "2025-03-27T10:00".
  std::string iso() const;
  // Parses the forms iso() writes, plus a trailing ":SS", "Z" or "+HH:MM" after the time
  // (ignored). Returns nullopt for anything else, including impossible dates.
  static std::optional<PartialDate> parse(std::string_view s);
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

const char* precision_name(DatePrecision p);
bool valid_calendar_date(int year, int month, int day);
int days_in_month(int year, int month);

}  // namespace cc
