// Publication dates of web pages: reading dates in the forms pages write
// them, and choosing a page's publication date from all the cues it gives.
//
// Contract: find_published never guesses beyond the page. Each cue that
// names a day (JSON-LD, meta tags, <time>, the URL, date-classed elements,
// the line under the headline, "Published on ..." labels, the first date in
// the text; modified dates weakly) votes for it with a weight saying how
// reliable that kind of cue is; the best-supported day wins, so one wrong
// cue (a sidebar's <time>, a template's meta date) is outvoted by the
// others. A UTC timestamp is moved to the page's own time zone when the
// page writes the same instant with its local offset elsewhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace cc::web {

struct Page;

// A date as written, with what was said about its clock: two writings of one
// instant in different zones can then be told apart from two instants.
struct Stamp {
  PartialDate date;
  int second = -1;     // -1 when not written
  bool zoned = false;  // "Z", "+01:00", "-0500", "GMT" or "UTC" followed the time
  int offset = 0;      // minutes east of UTC when zoned
};

// The first date in `s` (ISO 8601, "2024/03/05", "05.03.2024", "March 5,
// 2024", "5. März 2024", "15 августа 2016", ...); `at` receives its
// position. `two_digit_year` also reads "05.03.24", for text known to be a
// date (an element classed "date").
std::optional<Stamp> find_stamp(std::string_view s, bool two_digit_year = false,
                                size_t* at = nullptr);
std::optional<PartialDate> parse_page_date(std::string_view s);
// A date in a URL path: /2024/03/05/, /2024-03-05-, /20240305/, /2024/03/.
std::optional<PartialDate> date_from_url(std::string_view url);

// One date field of one JSON-LD object.
struct LinkedDate {
  enum Kind { published, modified, other };  // datePublished/dateCreated, dateModified, uploadDate
  Kind kind = published;
  std::string value;
  int object = 0;  // which object, in page order
  int rank = 0;    // 2 for an Article type, 1 for a WebPage, 0 for anything else
};

struct PublishedDate {
  PartialDate date;  // unknown when the page gives none
  std::string from;  // the cue that carried the most weight: "json-ld", "meta", "url", ...
};

// `url` is where the page lives; `title` its headline as metadata gives it
// (to find the <h1> the date line sits under).
PublishedDate find_published(const Page& page, const std::vector<LinkedDate>& linked,
                             std::string_view url, std::string_view title);

}  // namespace cc::web
