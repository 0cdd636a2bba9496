#include "claims/time_range.h"

#include <charconv>

namespace cc {

namespace {

bool parse_int(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

int64_t month_first(int y, int m) { return days_from_civil(y, m, 1); }
int64_t month_last(int y, int m) { return days_from_civil(y, m, days_in_month(y, m)); }

// One TIMEX3 value without "/".
std::optional<TimeRange> parse_single(std::string_view v) {
  // Times of day count as their day.
  if (auto t = v.find('T'); t != std::string_view::npos && t >= 10) v = v.substr(0, t);
  int y = 0;
  if (v.size() < 4 || !parse_int(v.substr(0, 4), &y) || y < 1) return std::nullopt;
  if (v.size() == 4) return TimeRange{month_first(y, 1), month_last(y, 12), "year"};
  if (v[4] != '-') return std::nullopt;
  std::string_view rest = v.substr(5);
  int m = 0, d = 0;
  if (rest.size() == 2 && parse_int(rest, &m)) {
    if (m < 1 || m > 12) return std::nullopt;
    return TimeRange{month_first(y, m), month_last(y, m), "month"};
  }
  if (rest.size() == 5 && rest[2] == '-' && parse_int(rest.substr(0, 2), &m) &&
      parse_int(rest.substr(3), &d)) {
    if (!valid_calendar_date(y, m, d)) return std::nullopt;
    int64_t day = days_from_civil(y, m, d);
    return TimeRange{day, day, "day"};
  }
  if (rest == "SP") return TimeRange{month_first(y, 3), month_last(y, 5), "season"};
  if (rest == "SU") return TimeRange{month_first(y, 6), month_last(y, 8), "season"};
  if (rest == "FA") return TimeRange{month_first(y, 9), month_last(y, 11), "season"};
  if (rest == "WI") return TimeRange{month_first(y, 12), month_last(y + 1, 2), "season"};
  int n = 0;
  if (rest.size() == 2 && rest[0] == 'Q' && parse_int(rest.substr(1), &n) && n >= 1 && n <= 4)
    return TimeRange{month_first(y, 3 * n - 2), month_last(y, 3 * n), "quarter"};
  if (rest.size() == 2 && rest[0] == 'H' && parse_int(rest.substr(1), &n) && n >= 1 && n <= 2)
    return TimeRange{month_first(y, 6 * n - 5), month_last(y, 6 * n), "half"};
  if (rest.size() == 3 && rest[0] == 'W' && parse_int(rest.substr(1), &n) && n >= 1 && n <= 53) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    int64_t jan4 = days_from_civil(y, 1, 4);
    int64_t weekday = ((jan4 % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday: 0 = Monday
    int64_t monday = jan4 - weekday + 7 * (n - 1);
    return TimeRange{monday, monday + 6, "week"};
  }
  return std::nullopt;
}

}  // namespace

// Howard Hinnant's days_from_civil.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<TimeRange> parse_time_range(std::string_view value) {
  if (auto slash = value.find('/'); slash != std::string_view::npos) {
    auto a = parse_single(value.substr(0, slash));
    auto b = parse_single(value.substr(slash + 1));
    if (!a || !b || b->last < a->first) return std::nullopt;
    return TimeRange{a->first, b->last, "range"};
  }
  return parse_single(value);
}

std::optional<TimeRange> date_range(const PartialDate& date) {
  if (!date.known()) return std::nullopt;
  return parse_time_range(date.iso().substr(0, 10));
}

}  // namespace cc
