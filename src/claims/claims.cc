#include "claims/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "claims/entities.h"
#include "claims/extract.h"
#include "claims/lexicon.h"
#include "nlp/attribution/attribution.h"
#include "nlp/time/consistency.h"

namespace cc {

namespace {

// Classes whose events are specific enough that an undated report of them by
// the same actor, published soon after, is the same event.
bool is_specific_event(const std::string& cls) {
  static const std::set<std::string> kSpecific = {"visit", "inspect", "meet", "sign", "launch",
                                                  "test", "withdraw", "arrest", "evacuate"};
  return kSpecific.count(cls) > 0;
}

// How long after an event an undated report of it may appear.
constexpr int64_t kReportLagDays = 31;

std::string format_number(double v) {
  char buf[64];
  if (std::fabs(v) >= 1e15 || v != std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }
  std::string digits = std::to_string(static_cast<long long>(std::fabs(v)));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

Evidence make_evidence(const Document& doc, Span sentence, Span span) {
  Evidence e;
  e.doc_id = doc.id;
  e.sentence = sentence;
  e.span = span;
  e.input_begin = doc.offsets.to_original(span.begin);
  e.input_end = doc.offsets.to_original(span.end);
  e.quote = std::string(doc[span]);
  return e;
}

// "about 3,000": 7.5 % either side, so two loose figures agree when they
// are within about 15 % ("about 800" / 780), not when they are as far apart
// as "about 170" and "about 200".
constexpr double kLoose = 0.075;

// How far a measure written as a whole number may be from what was
// measured: "46 degrees" is 46.3 rounded, "a column 9 kilometres high" may be
// 8.7. Counts and money are exact as written.
double rounding_of(const Quantity& q) {
  return q.kind == QuantityKind::measure && q.value == std::floor(q.value) ? 0.5 : 0;
}
double rounding_of(const FactReport& r) { return r.rounding; }

// The values a report allows: bounds as written, widened for approximations
// and rounding.
struct Interval {
  double low, high;
};
template <class Figure>  // FactReport or Quantity
Interval interval_of(const Figure& r) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double v = r.value;
  // The quantity layer may give a point value as equal bounds; "about 800"
  // is still a point written loosely.
  bool point = r.low && r.high && *r.low == *r.high;
  if (r.low && r.high && !point) return {*r.low, *r.high};
  if (r.low && !r.high) return {*r.low, r.approx ? *r.low * 1.25 : kInf};   // "over 6,000"
  if (r.high && !r.low) return {r.approx ? *r.high * 0.8 : 0.0, *r.high};   // "nearly 3,000", "up to"
  double spread = std::max(r.approx ? std::fabs(v) * kLoose : 0.0, rounding_of(r));
  return {v - spread, v + spread};
}

// A report's figure for a note: as the report wrote it ("at least 41"),
// else from its bounds.
std::string describe_value(const FactReport& r) {
  if (!r.as_written.empty()) {
    // Inside a note's sentence a headline's or sentence's capital goes:
    // "revised the figure from at least 41", but "US$5m" stays.
    std::string v = r.as_written;
    if (v.size() > 1 && std::isupper(static_cast<unsigned char>(v[0])) &&
        std::islower(static_cast<unsigned char>(v[1])))
      v[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(v[0])));
    return v;
  }
  if (r.low && !r.high) return "over " + format_number(*r.low);
  if (r.high && !r.low) return "up to " + format_number(*r.high);
  if (r.low && r.high && *r.low != *r.high)
    return format_number(*r.low) + "-" + format_number(*r.high);
  return (r.approx ? "about " : "") + format_number(r.value);
}

std::string short_id(const std::string& doc_id) { return doc_id.substr(0, 8); }

struct Alignment {
  std::string reason;
  double score = 0;
};

struct FactCluster {
  std::string block;
  std::string predicate;  // the block's predicate class
  std::string counted_class;
  std::string counted;  // lemma of the first report that names one
  std::string actor;
  std::vector<size_t> claims;
  // When the figure is about, from its first dated report, and whether that
  // date was written out ("September 2018") rather than relative.
  std::optional<TimeRange> range;
  bool absolute = false;
  double min_value = std::numeric_limits<double>::infinity();  // of its figures
  double max_value = -std::numeric_limits<double>::infinity();
};

// Figures this many times apart are never one fact: reports that dispute a
// figure give it within an order of magnitude or so, while "about 1,200
// patients diverted" and "records of 1.2 million patients" merely share a noun.
constexpr double kSameFactMaxRatio = 10;

// Figures dated more than this far apart, one of them by a date written out,
// are two facts ("a similar accident in September 2018 killed 200" is not
// the toll of Tuesday's): a report may misdate an event, rarely by years.
constexpr int64_t kSameFactMaxGapDays = 365;

// Days between two date ranges, 0 or less when they overlap.
int64_t days_apart(const TimeRange& a, const TimeRange& b) {
  return std::max(a.first - b.last, b.first - a.last);
}

struct EventCluster {
  std::string predicate;
  std::string actor;
  TimeRange range;
  bool planned = false;
  std::vector<size_t> claims;
};

// Figures published on known days, asked: is there one published after day
// d whose interval is disjoint from [low, high]? Sorted by day with suffix
// extremes, so each question is one binary search.
class LaterFigures {
 public:
  void add(int64_t day, double low, double high) { items_.push_back({day, low, high}); }
  void finish() {
    std::sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) { return a.day < b.day; });
    min_high_.assign(items_.size() + 1, std::numeric_limits<double>::infinity());
    max_low_.assign(items_.size() + 1, -std::numeric_limits<double>::infinity());
    for (size_t i = items_.size(); i-- > 0;) {
      min_high_[i] = std::min(min_high_[i + 1], items_[i].high);
      max_low_[i] = std::max(max_low_[i + 1], items_[i].low);
    }
  }
  bool any_disjoint_after(int64_t day, double low, double high) const {
    auto it = std::upper_bound(items_.begin(), items_.end(), day,
                               [](int64_t d, const Item& item) { return d < item.day; });
    size_t i = static_cast<size_t>(it - items_.begin());
    if (i == items_.size()) return false;
    // Bounds that touch agree, as in the fact's own agreement test.
    return min_high_[i] * (1 + 1e-9) < low || high * (1 + 1e-9) < max_low_[i];
  }

 private:
  struct Item {
    int64_t day;
    double low, high;
  };
  std::vector<Item> items_;
  std::vector<double> min_high_, max_low_;
};

class BriefBuilder {
 public:
  BriefBuilder(const std::vector<Document>& docs, const std::vector<CopyLink>& copies)
      : docs_(docs) {
    for (size_t i = 0; i < docs.size(); ++i) doc_index_[docs[i].id] = i;
    for (const auto& c : copies) copy_of_[c.doc_id] = c.copy_of;
  }

  Brief build() {
    Brief brief;
    if (!docs_.empty()) brief.title = docs_.front().title;
    StoryEntities entities(docs_);
    brief.entities = entities.summaries();
    EntityResolver resolve = [&entities](const std::string& n) { return entities.resolve(n); };
    doc_claims_.push_back(0);
    for (size_t i = 0; i < docs_.size(); ++i) {
      extract_claims(docs_[i], i, resolve, &claims_);
      doc_claims_.push_back(claims_.size());
    }

    for (size_t i = 0; i < docs_.size(); ++i) {
      const Document& d = docs_[i];
      SourceSummary s{d.id, d.path, d.source, d.title, d.published.iso(), {}, copy_of(d.id)};
      std::vector<std::string> keys;
      for (const auto& a : d.attributions) {
        std::string name = resolve(a.value.source_name.empty() ? std::string(d[a.value.source])
                                                               : a.value.source_name);
        std::string key = primary_source_key(name);
        if (key.empty() || std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
              return same_primary_source(k, key);
            }))
          continue;
        keys.push_back(key);
        s.primary_sources.push_back(name);
      }
      brief.sources.push_back(std::move(s));
      for (const auto& r : d.removed) brief.removed.push_back({d.id, r});
    }

    find_temperature_unit();
    cluster_facts();
    for (const auto& c : fact_clusters_) brief.facts.push_back(make_fact(c));
    make_ids_unique(&brief.facts);
    std::stable_sort(brief.facts.begin(), brief.facts.end(), [](const Fact& a, const Fact& b) {
      return static_cast<int>(status_rank(a.status)) < static_cast<int>(status_rank(b.status));
    });

    cluster_events();
    for (const auto& c : event_clusters_) brief.events.push_back(make_event(c));
    make_ids_unique(&brief.events);
    std::vector<size_t> order(brief.events.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const auto& ra = event_clusters_[a].range;
      const auto& rb = event_clusters_[b].range;
      return ra.first != rb.first ? ra.first < rb.first : ra.last < rb.last;
    });
    std::vector<Event> sorted;
    for (size_t i : order) sorted.push_back(std::move(brief.events[i]));
    brief.events = std::move(sorted);

    find_inconsistencies(&brief);
    find_self_contradictions(&brief);
    add_time_conflicts(&brief);
    return brief;
  }

 private:
  // Ids hash what a fact or event is about, so two clusters that differ only
  // in what the hash leaves out (two undated casualty counts nobody names an
  // actor for) collide; the later one, in the clusters' canonical order, gets
  // "-2", "-3" so that ids stay unique and stable across runs.
  template <class Item>
  static void make_ids_unique(std::vector<Item>* items) {
    std::unordered_map<std::string, int> seen;
    for (auto& item : *items)
      if (int n = ++seen[item.id]; n > 1) item.id += "-" + std::to_string(n);
  }

  static int status_rank(FactStatus s) {
    switch (s) {
      case FactStatus::disputed: return 0;
      case FactStatus::updated: return 1;
      case FactStatus::agreed: return 2;
      case FactStatus::single_source: return 3;
    }
    return 3;
  }

  std::string copy_of(const std::string& doc_id) const {
    auto it = copy_of_.find(doc_id);
    return it == copy_of_.end() ? std::string() : it->second;
  }

  std::string text(const Claim& c, Span s) const { return std::string(docs_[c.doc][s]); }

  // "46 degrees" in a story whose other reports write "46.3 degrees
  // Celsius" is in Celsius: a bare degree takes the one temperature scale
  // the story's figures name, and stays a degree when they name both or none.
  void find_temperature_unit() {
    bool celsius = false, fahrenheit = false;
    for (const Claim& c : claims_)
      if (c.quantity) {
        celsius = celsius || c.quantity->unit == "°c";
        fahrenheit = fahrenheit || c.quantity->unit == "°f";
      }
    if (celsius != fahrenheit) bare_degree_unit_ = celsius ? "°c" : "°f";
  }

  const std::string& unit_of(const Claim& c) const {
    return c.quantity->unit == "degree" && !bare_degree_unit_.empty() ? bare_degree_unit_ : c.quantity->unit;
  }

  // Claims in a canonical order, earliest publication first, so facts do not
  // depend on the order the inputs were given in.
  std::vector<size_t> canonical_order() const {
    std::vector<size_t> order(claims_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<int64_t> day(docs_.size(), std::numeric_limits<int64_t>::max());
    for (size_t d = 0; d < docs_.size(); ++d)
      if (auto r = date_range(docs_[d].published)) day[d] = r->first;
    std::vector<size_t> by_doc(docs_.size());
    for (size_t d = 0; d < by_doc.size(); ++d) by_doc[d] = d;
    std::sort(by_doc.begin(), by_doc.end(), [&](size_t a, size_t b) {
      return day[a] != day[b] ? day[a] < day[b] : docs_[a].id < docs_[b].id;
    });
    std::vector<size_t> rank(docs_.size());
    for (size_t r = 0; r < by_doc.size(); ++r) rank[by_doc[r]] = r;
    // Claims are stored document by document, so a stable sort by rank keeps
    // each document's claims in text order.
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rank[claims_[a].doc] < rank[claims_[b].doc]; });
    return order;
  }

  // Blocking: only claims with the same predicate class, unit and delta/total
  // are ever compared, and within a block only against each fact's first
  // claim, so the work is claims x facts-per-block.
  void cluster_facts() {
    std::unordered_map<std::string, std::vector<size_t>> blocks;
    fact_of_claim_.assign(claims_.size(), SIZE_MAX);
    alignment_.assign(claims_.size(), {});
    std::vector<size_t> order = canonical_order();
    canonical_rank_.assign(claims_.size(), 0);
    for (size_t r = 0; r < order.size(); ++r) canonical_rank_[order[r]] = r;
    for (size_t i : order) {
      const Claim& c = claims_[i];
      if (!c.quantity) continue;
      // A figure with neither a predicate nor a counted thing nor a unit says
      // nothing anyone could line up.
      if (c.predicate.empty() && c.counted_class.empty() && c.quantity->unit.empty()) continue;
      std::string block = block_of(c.predicate, c);
      auto& members = blocks[block];
      size_t chosen = SIZE_MAX;
      CountedMatch how = CountedMatch::none;
      for (size_t f : members) {
        FactCluster& fc = fact_clusters_[f];
        CountedMatch m = match_counted(fc.counted_class, fc.counted, c.counted_class, c.counted);
        if (m == CountedMatch::none || !actors_compatible(fc.actor, c.actor) || far_apart(fc, c)) continue;
        if (chosen == SIZE_MAX || m < how) chosen = f, how = m;
        if (m == CountedMatch::same_noun) break;  // an exact match beats a wildcard
      }
      if (chosen == SIZE_MAX) {
        chosen = fact_clusters_.size();
        FactCluster fresh;
        fresh.block = block;
        fresh.predicate = c.predicate;
        fresh.counted_class = c.counted_class;
        fresh.counted = c.counted;
        fresh.actor = c.actor;
        fact_clusters_.push_back(std::move(fresh));
        members.push_back(chosen);
        alignment_[i] = {"first report of this figure", 1};
      } else {
        alignment_[i] = joined_reason(c, fact_clusters_[chosen], how);
      }
      FactCluster& fc = fact_clusters_[chosen];
      if (!fc.range && c.range) {
        fc.range = c.range;
        fc.absolute = c.time_anchor == "absolute";
      }
      if (fc.counted_class.empty()) fc.counted_class = c.counted_class;
      if (fc.counted.empty()) fc.counted = c.counted;
      if (fc.actor.empty()) fc.actor = c.actor;
      fc.min_value = std::min(fc.min_value, c.quantity->value);
      fc.max_value = std::max(fc.max_value, c.quantity->value);
      fc.claims.push_back(i);
      fact_of_claim_[i] = chosen;
    }
    merge_same_figures();
    attach_unpredicated(blocks);
  }

  // Reports word one figure their own way: "launched 16 drones" / "sent 16
  // drones", "1,180 soldiers deployed" / "bringing the force to about 1,200
  // troops". Facts that differ only in their predicate class (or where one
  // names none) are one fact when they count the same thing in the same unit
  // and shape, their figures meet (same_figure), and exactly one such fact is
  // on offer. Classes that name what became of the counted thing (killed,
  // injured, evacuated, arrested, withdrawn; is_exclusive_class) never join
  // another class: "5 killed" and "5 injured" agree in number only. Facts
  // are compared within their shape and counted class, at most
  // kMaxMergeCandidates of them: beyond that a figure's match is never
  // unique anyway.
  void merge_same_figures() {
    constexpr size_t kMaxMergeCandidates = 64;
    std::unordered_map<std::string, std::vector<size_t>> by_kind;  // shape|counted class -> facts
    for (size_t f = 0; f < fact_clusters_.size(); ++f) {
      const FactCluster& fc = fact_clusters_[f];
      const Claim& first = claims_[fc.claims.front()];
      if (is_exclusive_class(fc.predicate)) continue;
      if (fc.counted.empty() && (unit_of(first).empty() || is_relative_unit(unit_of(first)))) continue;
      by_kind[block_of("", first) + "|" + fc.counted_class].push_back(f);
    }
    for (auto& [kind, members] : by_kind) {
      if (members.size() < 2 || members.size() > kMaxMergeCandidates) continue;
      std::vector<FigureIndex> figures(members.size());
      for (size_t m = 0; m < members.size(); ++m) figures[m] = figure_index(fact_clusters_[members[m]]);
      for (size_t a = 0; a < members.size(); ++a) {
        FactCluster& loose = fact_clusters_[members[a]];
        if (loose.claims.empty()) continue;
        size_t match = SIZE_MAX, matches = 0;
        for (size_t b = 0; b < members.size() && matches < 2; ++b) {
          const FactCluster& other = fact_clusters_[members[b]];
          if (b == a || other.claims.empty() || other.predicate.empty() || other.predicate == loose.predicate)
            continue;
          if (!same_figure(loose, figures[a], other, figures[b])) continue;
          match = b;
          ++matches;
        }
        if (matches != 1) continue;
        // The fact with a predicate absorbs the one without, else the
        // earlier the later, so ids and wording follow the first report.
        size_t into = match, from = a;
        if (!loose.predicate.empty() && members[a] < members[match]) std::swap(into, from);
        absorb(&fact_clusters_[members[into]], &fact_clusters_[members[from]]);
        figures[into] = figure_index(fact_clusters_[members[into]]);
        figures[from] = {};
      }
    }
  }

  // A fact's figures as loose points (kLoose either side of the value as
  // written, whatever its bounds: "up to 300" is no match for "about 170"
  // here) sorted by lower bound, with the running maximum of upper bounds:
  // "is any figure close to this one?" is one binary search.
  struct FigureIndex {
    std::vector<Interval> by_low;
    std::vector<double> max_high;
    bool meets(Interval x) const {
      auto it = std::upper_bound(by_low.begin(), by_low.end(), x.high * (1 + 1e-9),
                                 [](double v, const Interval& iv) { return v < iv.low; });
      return it != by_low.begin() && max_high[static_cast<size_t>(it - by_low.begin()) - 1] * (1 + 1e-9) >= x.low;
    }
  };
  FigureIndex figure_index(const FactCluster& fc) const {
    FigureIndex index;
    for (size_t i : fc.claims) {
      double v = claims_[i].quantity->value;
      double a = v * (1 - kLoose), b = v * (1 + kLoose);
      index.by_low.push_back({std::min(a, b), std::max(a, b)});
    }
    std::sort(index.by_low.begin(), index.by_low.end(),
              [](const Interval& a, const Interval& b) { return a.low < b.low; });
    double running = -std::numeric_limits<double>::infinity();
    for (const Interval& iv : index.by_low) index.max_high.push_back(running = std::max(running, iv.high));
    return index;
  }

  // Whether two facts of one shape and counted class, with different
  // predicates, state one figure: counted things that can be one (or
  // neither names one and the unit is what is counted), compatible actors,
  // dates not years apart, and figures that meet: every figure of each is
  // close to one of the other's (a dispute worded two ways, "340 passengers
  // on board" / "held tickets", is still one dispute).
  bool same_figure(const FactCluster& a, const FigureIndex& a_figures, const FactCluster& b,
                   const FigureIndex& b_figures) const {
    CountedMatch m = match_counted(a.counted_class, a.counted, b.counted_class, b.counted);
    if (m != CountedMatch::same_noun && m != CountedMatch::generic && m != CountedMatch::compound &&
        !(a.counted.empty() && b.counted.empty()))
      return false;
    if (!actors_compatible(a.actor, b.actor)) return false;
    if (a.range && b.range && (a.absolute || b.absolute) &&
        days_apart(*a.range, *b.range) > kSameFactMaxGapDays)
      return false;
    auto all_met = [](const FigureIndex& from, const FigureIndex& by) {
      return std::all_of(from.by_low.begin(), from.by_low.end(), [&](const Interval& x) { return by.meets(x); });
    };
    return all_met(a_figures, b_figures) && all_met(b_figures, a_figures);
  }

  void absorb(FactCluster* into, FactCluster* from) {
    size_t target = static_cast<size_t>(into - fact_clusters_.data());
    std::string joined = from->predicate.empty() ? "no predicate" : "predicate '" + from->predicate + "'";
    for (size_t i : from->claims) {
      fact_of_claim_[i] = target;
      alignment_[i] = {joined + " beside '" + into->predicate +
                           "': the same counted thing in the same unit, and its figures meet the other's",
                       0.6};
    }
    std::vector<size_t> both;
    std::merge(into->claims.begin(), into->claims.end(), from->claims.begin(), from->claims.end(),
               std::back_inserter(both), [&](size_t x, size_t y) { return canonical_rank_[x] < canonical_rank_[y]; });
    into->claims = std::move(both);
    if (!into->range && from->range) into->range = from->range, into->absolute = from->absolute;
    if (into->counted.empty()) into->counted = from->counted, into->counted_class = from->counted_class;
    if (into->actor.empty()) into->actor = from->actor;
    into->min_value = std::min(into->min_value, from->min_value);
    into->max_value = std::max(into->max_value, from->max_value);
    from->claims.clear();
  }

  // Inside a block (same predicate, unit, and total, change or part), a
  // figure stays apart from a fact whose figures are kSameFactMaxRatio times
  // larger or smaller, or dated more than kSameFactMaxGapDays from it.
  static bool far_apart(const FactCluster& fc, const Claim& c) {
    double v = c.quantity->value;
    if (v > 0 && fc.min_value > 0 && (v > fc.max_value * kSameFactMaxRatio || v * kSameFactMaxRatio < fc.min_value))
      return true;
    if (!fc.range || !c.range || !(fc.absolute || c.time_anchor == "absolute")) return false;
    return days_apart(*c.range, *fc.range) > kSameFactMaxGapDays;
  }

  // The reason and score recorded for a claim that joined an existing fact.
  Alignment joined_reason(const Claim& c, const FactCluster& fc, CountedMatch how) const {
    static const double kScore[] = {0, 1.0, 0.6, 0.9, 0.8, 0.7};  // by CountedMatch
    Alignment a;
    a.score = kScore[static_cast<int>(how)];
    a.reason = (c.predicate.empty() ? std::string("no predicate") : "same predicate '" + c.predicate + "'") +
               (unit_of(c).empty() ? "" : ", unit " + unit_of(c)) + "; " + counted_match_reason(how);
    if (how != CountedMatch::same_noun && how != CountedMatch::unknown && !c.counted.empty())
      a.reason += " ('" + c.counted + "' / '" + fc.counted + "')";
    if (c.actor.empty() || fc.actor.empty()) {
      a.reason += "; an actor is unknown";
      a.score *= 0.9;
    } else {
      a.reason += "; both about " + fc.actor;
    }
    return a;
  }

  // A part no verb names ("Emergency departments at 3 of the 14 hospitals
  // were closed") is no count of its whole's kind, so it is blocked apart;
  // it may still join the one fact with a predicate that counts its noun
  // ("Rescuers brought 12 of the 40 trapped miners to the surface" / "12
  // miners had been rescued"), for which `unnamed_part_as_total` is set.
  std::string block_of(const std::string& predicate, const Claim& c, bool unnamed_part_as_total = false) const {
    std::string unit = unit_of(c) + (c.rate.empty() ? "" : "/" + c.rate);
    bool part = c.is_part || (!unnamed_part_as_total && predicate.empty() && c.quantity->part_of);
    return predicate + "|" + unit + "|" + (c.is_delta ? "delta" : part ? "part" : "total") +
           (c.projected ? "|projected" : "");
  }

  // A figure whose verb names no predicate class ("a backlog of 4,100
  // containers") joins the one fact with a predicate that counts the same
  // specific thing in the same unit; with none or several, it stays apart.
  void attach_unpredicated(const std::unordered_map<std::string, std::vector<size_t>>& blocks) {
    std::unordered_map<std::string, std::vector<size_t>> by_counted;  // counted|unit|delta -> facts
    for (size_t f = 0; f < fact_clusters_.size(); ++f) {
      const FactCluster& fc = fact_clusters_[f];
      if (fc.claims.empty()) continue;
      const Claim& first = claims_[fc.claims.front()];
      if (fc.predicate.empty() || fc.counted.empty() || is_generic_counted(fc.counted)) continue;
      by_counted[fc.counted + "|" + block_of("", first)].push_back(f);
    }
    for (const auto& [block, members] : blocks) {
      if (block.front() != '|') continue;  // only the blocks without a predicate
      for (size_t f : members) {
        FactCluster& loose = fact_clusters_[f];
        if (loose.claims.empty() || loose.counted.empty()) continue;
        auto it = by_counted.find(loose.counted + "|" + block_of("", claims_[loose.claims.front()], true));
        if (it == by_counted.end() || it->second.size() != 1) continue;
        FactCluster& target = fact_clusters_[it->second.front()];
        if (!actors_compatible(target.actor, loose.actor)) continue;
        for (size_t i : loose.claims) {
          fact_of_claim_[i] = it->second.front();
          alignment_[i] = {"no predicate of its own; counts the same '" + loose.counted +
                               "' as the one fact with a predicate",
                           0.5};
        }
        target.claims.insert(target.claims.end(), loose.claims.begin(), loose.claims.end());
        loose.claims.clear();
      }
    }
    // Merged-away clusters leave no fact; renumber what remains.
    std::vector<size_t> renumber(fact_clusters_.size(), SIZE_MAX);
    std::vector<FactCluster> kept;
    for (size_t f = 0; f < fact_clusters_.size(); ++f)
      if (!fact_clusters_[f].claims.empty()) {
        renumber[f] = kept.size();
        kept.push_back(std::move(fact_clusters_[f]));
      }
    for (size_t& f : fact_of_claim_)
      if (f != SIZE_MAX) f = renumber[f];
    fact_clusters_ = std::move(kept);
  }

  FactReport make_report(size_t index) const {
    const Claim& c = claims_[index];
    const Document& d = docs_[c.doc];
    const Quantity& q = *c.quantity;
    FactReport r;
    r.doc_id = d.id;
    r.as_written = text(c, c.quantity_span);
    r.value = q.value;
    r.low = q.low;
    r.high = q.high;
    r.approx = q.approx;
    r.rounding = rounding_of(q);
    r.hedge = q.hedge;
    r.attributed_to = c.source;
    r.source_key = c.source_key;
    r.via = c.via;
    r.modality = c.modality;
    r.time = c.time;
    if (!c.time_span.empty()) r.time_as_written = text(c, c.time_span);
    r.is_delta = c.is_delta;
    r.revises = c.revises;
    r.part_of = q.part_of;
    r.copy_of = copy_of(d.id);
    r.alignment = alignment_[index].reason;
    r.alignment_score = alignment_[index].score;
    r.evidence = make_evidence(d, c.sentence, c.quantity_span);
    r.sentence_text = text(c, c.sentence);
    return r;
  }

  Fact make_fact(const FactCluster& fc) const {
    Fact f;
    const Claim& first = claims_[fc.claims.front()];
    f.predicate = fc.predicate;
    f.counted_class = fc.counted_class;
    f.actor = fc.actor;
    f.unit = unit_of(first);
    f.is_delta = first.is_delta;
    std::string specific = is_generic_counted(fc.counted) ? "" : fc.counted;
    f.id = "f" + content_hash(fc.block + "|" + fc.counted_class + "|" + specific + "|" + ascii_lower(fc.actor))
                     .substr(0, 11);

    // One report per document and source. An unattributed figure beside an
    // attributed one it agrees with is the outlet restating its source.
    std::map<std::pair<size_t, std::string>, size_t> per_source;
    for (size_t i : fc.claims) {
      const Claim& c = claims_[i];
      per_source.emplace(std::make_pair(c.doc, ascii_lower(c.source)), i);
    }
    for (const auto& [key, i] : per_source) {
      if (!key.second.empty()) {
        f.reports.push_back(make_report(i));
        continue;
      }
      FactReport r = make_report(i);
      bool restated = false;
      Interval a = interval_of(r);
      for (auto it = per_source.upper_bound(key); it != per_source.end() && it->first.first == key.first; ++it) {
        Interval b = interval_of(*claims_[it->second].quantity);
        restated = restated || (a.low <= b.high && b.low <= a.high);
      }
      if (!restated) f.reports.push_back(std::move(r));
    }
    std::stable_sort(f.reports.begin(), f.reports.end(), [&](const FactReport& a, const FactReport& b) {
      return doc_index_.at(a.doc_id) < doc_index_.at(b.doc_id);
    });

    std::string counted_text;
    for (size_t i : fc.claims) {
      const Quantity& q = *claims_[i].quantity;
      if (!q.counted_span.empty()) {
        counted_text = text(claims_[i], q.counted_span);
        break;
      }
    }
    if (counted_text.empty()) counted_text = first.quantity->counted.empty() ? f.unit : first.quantity->counted;
    if (counted_text.empty()) counted_text = "figure";
    f.what = (f.is_delta && !is_delta_word_prefixed(counted_text) ? "additional " : "") +
             counted_text + (f.predicate.empty() ? "" : " (" + f.predicate + ")");

    reconcile(&f);
    return f;
  }

  static bool is_delta_word_prefixed(const std::string& s) {
    std::string first = ascii_lower(s.substr(0, s.find(' ')));
    return first == "additional" || first == "more" || first == "further" || first == "extra";
  }

  // Whether report a's document appeared wholly before report b's.
  bool published_before(const FactReport& a, const FactReport& b) const {
    auto ra = date_range(docs_[doc_index_.at(a.doc_id)].published);
    auto rb = date_range(docs_[doc_index_.at(b.doc_id)].published);
    return ra && rb && ra->last < rb->first;
  }

  // Who stands behind a report: its primary source's key (Claim::source_key,
  // nlp/attribution primary_source_key(): lower case, without determiners,
  // titles or document nouns, a location qualifier after '@'), else its
  // outlet.
  std::string source_key(const FactReport& r) const {
    if (!r.source_key.empty()) return r.source_key;
    const Document& d = docs_[doc_index_.at(r.doc_id)];
    std::string outlet = !d.source.empty() ? "outlet:" + ascii_lower(d.source) : "doc:" + d.id;
    std::replace(outlet.begin(), outlet.end(), '@', ' ');  // '@' starts a qualifier
    return outlet;
  }

  // A source key's head (before '@') and its word suffixes, longest first:
  // "regional fire service", "fire service", "service". Two sources are
  // named alike when one head is a suffix of the other ("the regional fire
  // service" / "fire service") and their qualifiers do not differ.
  static std::vector<std::string> head_suffixes(std::string_view key) {
    std::string head(key.substr(0, key.find('@')));
    std::vector<std::string> out{head};
    for (size_t i = 0; i < head.size(); ++i)
      if (head[i] == ' ') out.push_back(head.substr(i + 1));
    return out;
  }

  // Status, note and independent-source count of a fact from its reports.
  void reconcile(Fact* f) const {
    std::set<std::string> docs_with_report;
    for (const auto& r : f->reports) docs_with_report.insert(r.doc_id);
    std::vector<const FactReport*> independent;
    for (const auto& r : f->reports)
      if (r.copy_of.empty() || !docs_with_report.count(r.copy_of)) independent.push_back(&r);

    std::vector<std::string> keys(independent.size());
    for (size_t i = 0; i < independent.size(); ++i) keys[i] = source_key(*independent[i]);
    f->primary_sources = static_cast<int>(count_primary_sources(keys));

    std::string when = time_note(*f);
    if (independent.size() <= 1) {
      f->status = FactStatus::single_source;
      f->note = when;
      return;
    }
    // A report is superseded when a later one gives an incompatible figure
    // and either comes from the same source or is worded as a revision
    // ("has risen to 31"): the source revised itself, nobody disputes it.
    // What remains decides: compatible is agreed (updated when something was
    // superseded), incompatible is a dispute between the remaining reports.
    // Later reports are looked up by publication day, per source and among
    // revisions, so a fact of k reports costs k log k, not k squared.
    struct Dated {
      int64_t first, last;  // publication days; unknown dates are never earlier or later
      Interval iv;
    };
    constexpr int64_t kUnknownFirst = std::numeric_limits<int64_t>::min();
    constexpr int64_t kUnknownLast = std::numeric_limits<int64_t>::max();
    std::vector<Dated> dated(independent.size());
    // Later figures per source, the source being its key and the first
    // intermediary's: "the opposition said observers recorded 300" and "the
    // commission said observers confirmed 212" are not the observers
    // revising themselves.
    std::vector<std::string> relay(independent.size());
    for (size_t i = 0; i < independent.size(); ++i)
      if (!independent[i]->via.empty()) relay[i] = primary_source_key(independent[i]->via.front());
    std::map<std::pair<std::string, std::string>, LaterFigures> by_source;
    LaterFigures revisions;
    for (size_t i = 0; i < independent.size(); ++i) {
      auto day = date_range(docs_[doc_index_.at(independent[i]->doc_id)].published);
      dated[i] = {day ? day->first : kUnknownFirst, day ? day->last : kUnknownLast, interval_of(*independent[i])};
      if (!day) continue;
      by_source[{keys[i], relay[i]}].add(day->first, dated[i].iv.low, dated[i].iv.high);
      if (independent[i]->revises) revisions.add(day->first, dated[i].iv.low, dated[i].iv.high);
    }
    revisions.finish();
    for (auto& [source, later] : by_source) later.finish();
    // Sources named alike: each source by its head and by every word suffix
    // of its head, so a report finds the sources whose head ends with its
    // own and those whose head its own ends with.
    struct Named {
      std::string_view key, relay;
      const LaterFigures* later;
    };
    std::unordered_map<std::string, std::vector<Named>> by_head, ending_with;
    for (const auto& [source, later] : by_source) {
      std::vector<std::string> suffixes = head_suffixes(source.first);
      Named named{source.first, source.second, &later};
      by_head[suffixes.front()].push_back(named);
      for (const std::string& suffix : suffixes) ending_with[suffix].push_back(named);
    }
    std::vector<bool> superseded(independent.size(), false);
    for (size_t a = 0; a < independent.size(); ++a) {
      const Dated& d = dated[a];
      if (d.last == kUnknownLast) continue;
      auto disjoint_later = [&](const LaterFigures& l) { return l.any_disjoint_after(d.last, d.iv.low, d.iv.high); };
      auto same_source_later = [&](const Named& n) {
        bool same_relay = relay[a].empty() || n.relay.empty() || relay[a] == n.relay;
        return same_relay && same_qualifier(keys[a], n.key) && disjoint_later(*n.later);
      };
      superseded[a] = disjoint_later(revisions);
      std::vector<std::string> suffixes = head_suffixes(keys[a]);
      for (const Named& n : ending_with[suffixes.front()]) superseded[a] = superseded[a] || same_source_later(n);
      for (const std::string& suffix : suffixes)
        if (auto it = by_head.find(suffix); it != by_head.end())
          for (const Named& n : it->second) superseded[a] = superseded[a] || same_source_later(n);
    }
    std::vector<const FactReport*> current;
    for (size_t i = 0; i < independent.size(); ++i)
      if (!superseded[i]) current.push_back(independent[i]);
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    for (const auto* r : current) {
      Interval iv = interval_of(*r);
      low = std::max(low, iv.low);
      high = std::min(high, iv.high);
    }
    if (low <= high * (1 + 1e-9)) {
      if (current.size() == independent.size()) {
        f->status = FactStatus::agreed;
        f->note = when;
        return;
      }
      f->status = FactStatus::updated;
      const FactReport* first = independent.front();
      for (const auto* r : independent)
        if (published_before(*r, *first)) first = r;
      const FactReport* last = current.back();
      for (const auto* r : current)
        if (published_before(*last, *r)) last = r;
      std::string who = last->attributed_to.empty() ? "Reports" : last->attributed_to;
      // The note's first word: "police" as a source reads "Police revised".
      if (who[0] >= 'a' && who[0] <= 'z') who[0] = static_cast<char>(who[0] - 'a' + 'A');
      f->note = who + " revised the figure from " + describe_value(*first) + " (" + short_id(first->doc_id) +
                ") to " + describe_value(*last) + " (" + short_id(last->doc_id) + ").";
    } else {
      f->status = FactStatus::disputed;
      std::string note;
      for (const auto* r : current) {
        if (!note.empty()) note += " vs ";
        note += describe_value(*r) + " (" + short_id(r->doc_id);
        if (!r->attributed_to.empty()) note += ", " + r->attributed_to;
        note += ")";
      }
      auto [mn, mx] = std::minmax_element(current.begin(), current.end(),
                                          [](const FactReport* a, const FactReport* b) {
                                            return a->value < b->value;
                                          });
      double gap = (*mx)->value - (*mn)->value;
      note += ": differ by " + format_number(gap);
      if ((*mn)->value > 0)
        note += " (" + format_number(std::round(100 * gap / (*mn)->value)) + "%)";
      f->note = note + ".";
    }
    // An updated figure's reports are dated by when each count was given, so
    // their differing times are the revision, not a dispute about when.
    if (!when.empty() && f->status == FactStatus::disputed) f->note += " " + when;
  }

  // "Reports differ on when: ..." when two reports date the fact to disjoint
  // times: some range begins after another has ended.
  static std::string time_note(const Fact& f) {
    std::vector<std::pair<const FactReport*, TimeRange>> dated;
    int64_t latest_first = std::numeric_limits<int64_t>::min();
    int64_t earliest_last = std::numeric_limits<int64_t>::max();
    for (const auto& r : f.reports)
      if (auto range = parse_time_range(r.time)) {
        dated.push_back({&r, *range});
        latest_first = std::max(latest_first, range->first);
        earliest_last = std::min(earliest_last, range->last);
      }
    if (dated.size() < 2 || latest_first <= earliest_last) return {};
    std::string note = "Reports differ on when:";
    for (size_t i = 0; i < dated.size(); ++i)
      note += std::string(i ? ";" : "") + " " + short_id(dated[i].first->doc_id) + " " +
              dated[i].first->time;
    return note + ".";
  }

  bool is_planned(const Claim& c) const {
    if (c.modality == "planned" || c.modality == "conditional") return true;
    auto pub = date_range(docs_[c.doc].published);
    if (!pub || !c.range) return false;
    return c.range->first > pub->last || (c.modality == "hedged" && c.range->last > pub->last);
  }

  void cluster_events() {
    std::unordered_map<std::string, std::vector<size_t>> blocks;
    // Dated claims make events.
    for (size_t i = 0; i < claims_.size(); ++i) {
      const Claim& c = claims_[i];
      if (c.quantity || !c.range || c.predicate.empty()) continue;
      bool planned = is_planned(c);
      TimeRange range = *c.range;
      if (planned) {
        // A planned event cannot begin before the report announcing it.
        if (auto pub = date_range(docs_[c.doc].published)) range.first = std::max(range.first, pub->first);
        range.last = std::max(range.first, range.last);
      }
      auto& members = blocks[c.predicate];
      size_t chosen = SIZE_MAX;
      for (size_t e : members) {
        const EventCluster& ec = event_clusters_[e];
        const Claim& seed = claims_[ec.claims.front()];
        bool same_time = seed.time == c.time;
        bool named = !ec.actor.empty() && !c.actor.empty();
        if (ec.planned == planned && ec.range.overlaps(range) && actors_compatible(ec.actor, c.actor) &&
            (same_time || named)) {
          chosen = e;
          break;
        }
      }
      if (chosen == SIZE_MAX) {
        chosen = event_clusters_.size();
        event_clusters_.push_back({c.predicate, c.actor, range, planned, {}});
        members.push_back(chosen);
      }
      EventCluster& ec = event_clusters_[chosen];
      if (ec.actor.empty()) ec.actor = c.actor;
      // The most precise report dates the event.
      if (range.last - range.first < ec.range.last - ec.range.first) ec.range = range;
      ec.claims.push_back(i);
    }
    // Undated reports of a specific event by the same actor, published while
    // it was news, join it.
    for (size_t i = 0; i < claims_.size(); ++i) {
      const Claim& c = claims_[i];
      if (c.quantity || c.range || c.actor.empty() || !is_specific_event(c.predicate)) continue;
      if (c.modality == "planned" || c.modality == "conditional" || c.modality == "negated") continue;
      auto pub = date_range(docs_[c.doc].published);
      if (!pub) continue;
      auto it = blocks.find(c.predicate);
      if (it == blocks.end()) continue;
      for (size_t e : it->second) {
        EventCluster& ec = event_clusters_[e];
        if (ec.planned || ec.actor.empty() || !actors_compatible(ec.actor, c.actor)) continue;
        if (pub->last < ec.range.first || pub->first > ec.range.last + kReportLagDays) continue;
        ec.claims.push_back(i);
        break;
      }
    }
  }

  // The clause around a trigger: from the previous clause break (a comma or
  // semicolon before a space) to the next, at most kMaxSpan bytes each side,
  // cut at spaces.
  std::string clause_of(const Claim& c) const {
    const std::string& t = docs_[c.doc].text;
    constexpr uint32_t kMaxSpan = 120;
    auto is_break = [&](uint32_t i) {
      return (t[i] == ',' || t[i] == ';') && (i + 1 >= t.size() || t[i + 1] == ' ');
    };
    uint32_t b = c.trigger.begin, e = c.trigger.end;
    while (b > c.sentence.begin && c.trigger.begin - b < kMaxSpan && !is_break(b - 1)) --b;
    if (b > c.sentence.begin && !is_break(b - 1))
      while (b < c.trigger.begin && t[b - 1] != ' ') ++b;
    while (e < c.sentence.end && e - c.trigger.end < kMaxSpan && !is_break(e) &&
           !(t[e] == '.' && (e + 1 == c.sentence.end || t[e + 1] == ' ')))
      ++e;
    if (e < c.sentence.end && e - c.trigger.end >= kMaxSpan)
      while (e > c.trigger.end && t[e] != ' ') --e;
    while (b < e && t[b] == ' ') ++b;
    return t.substr(b, e - b);
  }

  Event make_event(const EventCluster& ec) const {
    Event ev;
    ev.predicate = ec.predicate;
    ev.actor = ec.actor;
    ev.planned = ec.planned;
    const Claim* best = nullptr;
    for (size_t i : ec.claims) {
      const Claim& c = claims_[i];
      if (c.range && (!best || c.range->last - c.range->first < best->range->last - best->range->first))
        best = &c;
    }
    ev.time = best->time;
    ev.precision = best->range->precision;
    ev.what = clause_of(claims_[ec.claims.front()]);
    ev.id = "e" + content_hash(ec.predicate + "|" + ascii_lower(ec.actor) + "|" + ev.time).substr(0, 11);
    std::set<size_t> seen_docs;
    for (size_t i : ec.claims) {
      const Claim& c = claims_[i];
      if (!seen_docs.insert(c.doc).second) continue;
      const Document& d = docs_[c.doc];
      EventReport r;
      r.doc_id = d.id;
      r.attributed_to = c.source;
      r.via = c.via;
      r.modality = c.modality;
      r.time = c.time;
      if (!c.time_span.empty()) r.time_as_written = text(c, c.time_span);
      r.copy_of = copy_of(d.id);
      r.evidence = make_evidence(d, c.sentence, c.trigger);
      r.sentence_text = text(c, c.sentence);
      ev.reports.push_back(std::move(r));
    }
    return ev;
  }

  // Does event claim `e` (no figure) speak of the figure of quantity claim `q`?
  // "the additional troops were deployed" refers back to "an additional 3,000 troops".
  static bool refers_to(const Claim& e, const Claim& q) {
    if (e.quantity || !q.quantity || q.counted.empty() || e.predicate != q.predicate) return false;
    if (e.object_delta != q.is_delta) return false;
    return std::find(e.object_words.begin(), e.object_words.end(), q.counted) != e.object_words.end();
  }

  static bool relative(const Claim& c) {
    return c.time_anchor == "published" || c.time_anchor == "estimated" || c.time_anchor == "text";
  }

  // The time layer's own check (nlp/time/consistency.h): a relative date and
  // an explicit one for the same event, whether or not a figure is involved.
  // Pairs already flagged through a figure are not repeated, nor dates more
  // than kSameFactMaxGapDays apart, as for figures.
  void add_time_conflicts(Brief* brief) const {
    std::set<std::tuple<std::string, uint32_t, uint32_t>> flagged;
    for (const auto& inc : brief->inconsistencies)
      for (const auto& a : inc.evidence)
        for (const auto& b : inc.evidence)
          if (a.span.begin < b.span.begin) flagged.insert({inc.doc_id, a.span.begin, b.span.begin});
    for (const Document& d : docs_)
      for (const TimeConflict& tc : find_time_conflicts(d, predicate_class)) {
        // Years apart, the two are two events ("a similar accident in 2018").
        auto r = parse_time_range(tc.relative_value), a = parse_time_range(tc.absolute_value);
        if (r && a && days_apart(*r, *a) > kSameFactMaxGapDays) continue;
        auto [first, second] = std::minmax(tc.relative.begin, tc.absolute.begin);
        if (!flagged.insert({d.id, first, second}).second) continue;
        Inconsistency inc;
        inc.doc_id = d.id;
        inc.what = tc.explanation;
        inc.evidence.push_back(make_evidence(d, sentence_of(d, tc.relative), tc.relative));
        inc.evidence.push_back(make_evidence(d, sentence_of(d, tc.absolute), tc.absolute));
        brief->inconsistencies.push_back(std::move(inc));
      }
  }

  static Span sentence_of(const Document& d, Span s) {
    size_t i = d.sentences.first_ending_after(s.begin);
    return i < d.sentences.size() ? d.sentences[i].span : s;
  }

  // A report giving two incompatible figures for one fact from one source,
  // neither worded as a revision nor cited as someone else's: "27 people have
  // died, the ministry said" beside "the ministry said 31 had died". Work per
  // document and fact is bounded by kMaxSelfChecked claims.
  void find_self_contradictions(Brief* brief) const {
    constexpr size_t kMaxSelfChecked = 64;
    std::map<std::pair<size_t, size_t>, std::vector<size_t>> by_doc_fact;
    for (size_t i = 0; i < claims_.size(); ++i) {
      const Claim& c = claims_[i];
      if (fact_of_claim_[i] == SIZE_MAX || c.revises || !c.cited_source.empty()) continue;
      auto& members = by_doc_fact[{c.doc, fact_of_claim_[i]}];
      if (members.size() < kMaxSelfChecked) members.push_back(i);
    }
    for (const auto& [key, members] : by_doc_fact)
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y) {
          const Claim& a = claims_[members[x]];
          const Claim& b = claims_[members[y]];
          if (ascii_lower(a.source) != ascii_lower(b.source)) continue;
          Interval ia = interval_of(*a.quantity), ib = interval_of(*b.quantity);
          if (ia.low <= ib.high * (1 + 1e-9) && ib.low <= ia.high * (1 + 1e-9)) continue;
          const Document& d = docs_[a.doc];
          Inconsistency inc;
          inc.doc_id = d.id;
          std::string counted = a.counted.empty() ? "figure" : a.counted;
          inc.what = "This report gives two figures for the same " + counted +
                     (a.predicate.empty() ? "" : " (" + a.predicate + ")") +
                     (a.source.empty() ? "" : " from " + a.source) + ": '" + text(a, a.quantity_span) +
                     "' and '" + text(b, b.quantity_span) + "'.";
          inc.evidence.push_back(make_evidence(d, a.sentence, a.quantity_span));
          inc.evidence.push_back(make_evidence(d, b.sentence, b.quantity_span));
          brief->inconsistencies.push_back(std::move(inc));
        }
  }

  // A report dating the same figure both with a relative expression ("this
  // year") and an explicit date that disagree; other reports' dates of the
  // same figure are named alongside.
  void find_inconsistencies(Brief* brief) const {
    // A document's dated claims that could be about one figure: its figures
    // by fact and its event claims by predicate, so a report is compared
    // with its own claims about the same thing, at most kMaxComparedClaims
    // of them (a hostile document only gets its first ones compared).
    constexpr size_t kMaxComparedClaims = 64;
    std::set<std::pair<std::string, std::pair<uint32_t, uint32_t>>> seen;
    for (size_t doc = 0; doc + 1 < doc_claims_.size(); ++doc) {
      std::unordered_map<size_t, std::vector<size_t>> by_fact;
      std::unordered_map<std::string, std::vector<size_t>> events_by_predicate;
      for (size_t j = doc_claims_[doc]; j < doc_claims_[doc + 1]; ++j) {
        const Claim& o = claims_[j];
        if (!o.range) continue;
        if (o.quantity && fact_of_claim_[j] != SIZE_MAX) by_fact[fact_of_claim_[j]].push_back(j);
        if (!o.quantity) events_by_predicate[o.predicate].push_back(j);
      }
      std::vector<size_t> candidates;
      for (size_t i = doc_claims_[doc]; i < doc_claims_[doc + 1]; ++i) {
        const Claim& q = claims_[i];
        if (!q.quantity || !q.range || fact_of_claim_[i] == SIZE_MAX) continue;
        const std::vector<size_t>& same_fact = by_fact[fact_of_claim_[i]];
        candidates.assign(same_fact.begin(), same_fact.begin() + std::min(same_fact.size(), kMaxComparedClaims));
        if (auto it = events_by_predicate.find(q.predicate); it != events_by_predicate.end())
          candidates.insert(candidates.end(), it->second.begin(),
                            it->second.begin() + std::min(it->second.size(), kMaxComparedClaims));
        add_inconsistencies(i, candidates, &seen, brief);
      }
    }
  }

  // Claim i (a dated figure) against `candidates` of its own document.
  void add_inconsistencies(size_t i, const std::vector<size_t>& candidates,
                           std::set<std::pair<std::string, std::pair<uint32_t, uint32_t>>>* seen,
                           Brief* brief) const {
    const Claim& q = claims_[i];
    size_t fact = fact_of_claim_[i];
    for (size_t j : candidates) {
      const Claim& o = claims_[j];
      if (j == i || !o.range) continue;
      bool same = o.quantity ? fact_of_claim_[j] == fact : refers_to(o, q);
      if (!same || o.range->overlaps(*q.range)) continue;
      // Years apart, the two dates are two events (kSameFactMaxGapDays).
      if (days_apart(*o.range, *q.range) > kSameFactMaxGapDays)
        continue;
      if (relative(q) == relative(o)) continue;  // two explicit dates may be two events
      const Document& d = docs_[q.doc];
      auto key = std::make_pair(d.id, std::minmax(q.time_span.begin, o.time_span.begin));
      if (!seen->insert(key).second) continue;
      Inconsistency inc;
      inc.doc_id = d.id;
      std::string counted = q.quantity->counted.empty() ? "figure" : q.quantity->counted;
      inc.what = "This report dates the same " + std::string(q.is_delta ? "additional " : "") +
                 counted + " (" + q.predicate + ") both as '" + text(q, q.time_span) + "' (" +
                 q.time + ") and as '" + text(o, o.time_span) + "' (" + o.time + ").";
      for (size_t k : fact_clusters_[fact].claims) {
        const Claim& other = claims_[k];
        if (other.doc == q.doc || !other.range) continue;
        inc.what += " " + short_id(docs_[other.doc].id) + " dates it " + other.time + ".";
      }
      inc.evidence.push_back(make_evidence(d, q.sentence, q.time_span));
      inc.evidence.push_back(make_evidence(d, o.sentence, o.time_span));
      brief->inconsistencies.push_back(std::move(inc));
    }
  }

  const std::vector<Document>& docs_;
  std::unordered_map<std::string, size_t> doc_index_;
  std::unordered_map<std::string, std::string> copy_of_;
  std::vector<Claim> claims_;
  std::vector<size_t> doc_claims_;  // claims of document i: [doc_claims_[i], doc_claims_[i + 1])
  std::vector<FactCluster> fact_clusters_;
  std::vector<size_t> fact_of_claim_;
  std::vector<Alignment> alignment_;  // per claim: why it joined its fact
  std::vector<size_t> canonical_rank_;  // per claim: its place in canonical_order()
  std::string bare_degree_unit_;        // what a bare "degree" is in this story, "" when unknown
  std::vector<EventCluster> event_clusters_;
};

}  // namespace

const char* fact_status_name(FactStatus s) {
  switch (s) {
    case FactStatus::agreed: return "agreed";
    case FactStatus::disputed: return "disputed";
    case FactStatus::updated: return "updated";
    case FactStatus::single_source: return "single-source";
  }
  return "single-source";
}

Brief build_brief(const std::vector<Document>& docs, const std::vector<CopyLink>& copies) {
  return BriefBuilder(docs, copies).build();
}

}  // namespace cc
