#include "nlp/time/publication.h"

#include <algorithm>
#include <cstdint>

#include "nlp/tokenize.h"

namespace cc {

namespace {

constexpr size_t kEdge = 400;  // bytes at the top and bottom where datelines sit

// The date an absolute time expression names; for a range, its end.
std::optional<PartialDate> date_of(const Timex& t) {
  if (t.type != TimexType::date || t.anchor != "absolute") return std::nullopt;
  std::string_view v = t.value;
  if (size_t slash = v.find('/'); slash != std::string_view::npos) v = v.substr(slash + 1);
  return PartialDate::parse(v);
}

bool later(const PartialDate& a, const PartialDate& b) {
  auto key = [](const PartialDate& d) { return d.year * 10000 + d.month * 100 + d.day; };
  return key(a) > key(b);
}

// Whether sentence `s` talks about what is still to come.
bool future_sentence(const Document& doc, size_t s) {
  std::string sentence = ascii_lower(doc[doc.sentences[s].span]);
  sentence.insert(sentence.begin(), ' ');
  sentence.push_back(' ');
  for (const char* cue : {" will ", " would ", " plans ", " planned ", " expected ", " scheduled ",
                          " due ", " next ", "'ll "})
    if (sentence.find(cue) != std::string::npos) return true;
  return false;
}

bool near_edge(const Document& doc, Span span) {
  return span.begin < kEdge || span.end + kEdge > doc.text.size();
}

}  // namespace

PublicationEstimate estimate_publication_date(const Document& doc) {
  PublicationEstimate best;
  int best_rank = 0;
  auto consider = [&](const PartialDate& d, Span span, int rank, double confidence, const char* reason) {
    if (rank < best_rank || (rank == best_rank && !later(d, best.date))) return;
    best_rank = rank;
    best.date = d;
    best.confidence = confidence;
    best.evidence = span;
    best.reason = reason;
  };
  size_t sentence = SIZE_MAX;
  bool future = false;
  for (const auto& t : doc.times) {
    auto d = date_of(t.value);
    if (!d) continue;
    if (d->precision >= DatePrecision::day && near_edge(doc, t.span)) {
      size_t from = t.span.begin > 40 ? t.span.begin - 40 : 0;
      std::string before = ascii_lower(std::string_view(doc.text).substr(from, t.span.begin - from));
      size_t line = before.rfind('\n');
      std::string same_line = line == std::string::npos ? before : before.substr(line + 1);
      if (same_line.find("published") != std::string::npos ||
          same_line.find("updated") != std::string::npos ||
          same_line.find("posted") != std::string::npos) {
        consider(*d, t.span, 5, 0.9, "dateline: date marked published or updated");
        continue;
      }
      bool line_start = t.span.begin == 0 || doc.text[t.span.begin - 1] == '\n';
      bool line_end = t.span.end == doc.text.size() || doc.text[t.span.end] == '\n';
      if (line_start && line_end) {
        consider(*d, t.span, 4, 0.75, "dateline: a full date alone on a line");
        continue;
      }
    }
    // Expressions come in text order, so each sentence is read once.
    size_t s = doc.sentences.first_ending_after(t.span.begin);
    if (s != sentence) {
      sentence = s;
      future = s < doc.sentences.size() && future_sentence(doc, s);
    }
    if (future) continue;
    PartialDate coarse = *d;
    if (d->precision >= DatePrecision::day) {
      coarse.day = 0;
      coarse.hour = coarse.minute = 0;
      coarse.precision = DatePrecision::month;
      consider(coarse, t.span, 3, 0.5, "month of the latest dated past event");
    } else if (d->precision == DatePrecision::month) {
      consider(coarse, t.span, 2, 0.4, "latest month named for a past event");
    } else {
      consider(coarse, t.span, 1, 0.3, "latest year named for a past event");
    }
  }
  return best;
}

}  // namespace cc
