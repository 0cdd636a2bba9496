#include "core/date.h"

#include <cstdio>

namespace cc {

namespace {
bool digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}
}  // namespace

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool valid_calendar_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

const char* precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::year: return "year";
    case DatePrecision::month: return "month";
    case DatePrecision::day: return "day";
    case DatePrecision::time: return "time";
    case DatePrecision::unknown: break;
  }
  return "unknown";
}

std::string PartialDate::iso() const {
  char buf[32];
  switch (precision) {
    case DatePrecision::unknown: return "";
    case DatePrecision::year: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case DatePrecision::month: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::day:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
    case DatePrecision::time:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
      break;
  }
  return buf;
}

std::optional<PartialDate> PartialDate::parse(std::string_view s) {
  PartialDate d;
  if (!digits(s, 0, 4, &d.year) || d.year < 1) return std::nullopt;
  d.precision = DatePrecision::year;
  if (s.size() == 4) return d;
  if (s[4] != '-' || !digits(s, 5, 2, &d.month) || d.month < 1 || d.month > 12)
    return std::nullopt;
  d.precision = DatePrecision::month;
  if (s.size() == 7) return d;
  if (s[7] != '-' || !digits(s, 8, 2, &d.day) || !valid_calendar_date(d.year, d.month, d.day))
    return std::nullopt;
  d.precision = DatePrecision::day;
  if (s.size() == 10) return d;
  if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, &d.hour) || s.size() < 16 ||
      s[13] != ':' || !digits(s, 14, 2, &d.minute) || d.hour > 23 || d.minute > 59)
    return std::nullopt;
  d.precision = DatePrecision::time;
  return d;
}

}  // namespace cc
