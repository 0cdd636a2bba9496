// TIMEX3 values as day ranges, so times of different precision ("2025",
// "2024-FA", "2025-01/2025-02", "2025-W12", "2025-03-27") can be ordered,
// compared for overlap and checked against each other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace cc {

struct TimeRange {
  int64_t first = 0;      // days since 1970-01-01, inclusive
  int64_t last = 0;       // inclusive
  std::string precision;  // "day", "week", "month", "season", "quarter", "year", ...

  bool overlaps(const TimeRange& o) const { return first <= o.last && o.first <= last; }
};

// The days a TIMEX3 date value covers; nullopt for values with no calendar
// anchor ("XXXX-03-27", "PRESENT_REF", durations) or malformed values.
std::optional<TimeRange> parse_time_range(std::string_view value);

// The days a publication date covers.
std::optional<TimeRange> date_range(const PartialDate& date);

int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

}  // namespace cc
