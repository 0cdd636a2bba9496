// Time expressions (TIMEX3-style), written by nlp/time.
#pragma once

#include <string>
#include <nlohmann/json_fwd.hpp>

namespace cc {

enum class TimexType : uint8_t { date, time, duration, set };

struct Timex {
  TimexType type = TimexType::date;
  // TIMEX3 value: "2025-03-27", "2025-W12", "2024-FA", "P3W", "PRESENT_REF",
  // "XXXX-03-27" when the anchor cannot be known; a range as "2025-01/2025-02".
  std::string value;
  std::string mod;     // TIMEX3 mod: "START", "END", "MID", "APPROX", "BEFORE", "AFTER", ...
  // How the value was anchored: "absolute" (text gives it), "published" (relative
  // to the publication date), "text" (relative to another date in the text),
  // "none" (underspecified).
  std::string anchor;
  // Why a value is underspecified or how it was reasoned, for the reader:
  // "publication date known only to 2025-03: the weekday cannot be placed".
  std::string note;
};

void to_json(nlohmann::json& j, const Timex& t);
const char* timex_type_name(TimexType t);

}  // namespace cc
