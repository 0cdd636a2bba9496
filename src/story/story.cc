#include "story/story.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <unordered_set>

namespace cc {

namespace {

uint64_t word_hash(std::string_view w) {
  uint64_t h = 0;
  for_each_word(w, [&](uint64_t x, bool) { h = x; });
  return h;
}

// Function words carry no topic. English only: other languages cluster on
// their frequent words being discounted by idf alone.
const std::unordered_set<uint64_t>& stopwords() {
  static const std::unordered_set<uint64_t> set = [] {
    const char* words[] = {
        "a", "about", "after", "again", "against", "all", "also", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "during", "each", "for", "from", "had", "has",
        "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "just", "more", "most", "no", "not", "now", "of", "on", "one", "only",
        "or", "other", "our", "out", "over", "said", "says", "she", "so", "some", "such", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "told", "under", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
        "s", "t", "mr", "mrs", "ms", "new", "two", "three", "year", "years", "according",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "news", "reported", "report", "reports", "people", "time", "may", "last", "first"};
    std::unordered_set<uint64_t> s;
    for (const char* w : words) s.insert(word_hash(w));
    return s;
  }();
  return set;
}

std::string lower_alnum(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

std::string host_of(std::string_view url) {
  size_t p = url.find("://");
  if (p != std::string_view::npos) url.remove_prefix(p + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return lower_alnum(url.substr(0, url.rfind('.')));  // "examplenews" from examplenews.com
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The outlet a credit line names ("Read More @ example-news.com" ->
// "examplenews"), or "" when the line is not a credit line.
std::string credited_outlet(std::string_view line) {
  static const char* markers[] = {"read more @", "read more at", "read more on",
                                  "read the full story at", "read the original at",
                                  "originally published by", "originally published on",
                                  "originally published at", "originally appeared on",
                                  "originally appeared in", "originally appeared at",
                                  "this article first appeared on", "source:"};
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && line[i - 1] != ' ' && line[i - 1] != '\n' && line[i - 1] != '(') continue;
    for (const char* m : markers) {
      if (!starts_with_icase(line.substr(i), m)) continue;
      std::string_view rest = line.substr(i + std::string_view(m).size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
      rest = rest.substr(0, std::min(rest.find_first_of("\n)|"), size_t{60}));
      while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ')) rest.remove_suffix(1);
      std::string name = rest.find('.') != std::string_view::npos && rest.find(' ') == std::string_view::npos
                             ? host_of(rest)
                             : lower_alnum(rest);
      if (name.size() >= 3) return name;
    }
  }
  return "";
}

// The days since year 0 a date may fall on, roughly (months of 31 days):
// enough to measure gaps. {-1, -1} when unknown.
std::pair<long, long> day_range(const PartialDate& d) {
  if (!d.known()) return {-1, -1};
  long year = d.year * 372L;
  if (d.precision == DatePrecision::year) return {year, year + 371};
  long month = year + (d.month - 1) * 31L;
  if (d.precision == DatePrecision::month) return {month, month + 30};
  return {month + d.day - 1, month + d.day - 1};
}

// The day of a date known at least to the day, else -1.
long day_number(const PartialDate& d) {
  return d.precision >= DatePrecision::day ? day_range(d).first : -1;
}

bool date_less(const PartialDate& a, const PartialDate& b) {
  return std::tie(a.year, a.month, a.day, a.hour, a.minute) <
         std::tie(b.year, b.month, b.day, b.hour, b.minute);
}

void widen(PartialDate& first, PartialDate& last, const PartialDate& d) {
  if (!d.known()) return;
  if (!first.known() || date_less(d, first)) first = d;
  if (!last.known() || date_less(last, d)) last = d;
}

std::string lead_of(std::string_view text) {
  size_t end = std::min(text.size(), size_t{160});
  size_t stop = text.substr(0, end).find_first_of("\n");
  if (stop != std::string_view::npos && stop > 0) end = stop;
  else if (end < text.size()) {
    size_t space = text.substr(0, end).rfind(' ');
    if (space != std::string_view::npos && space > 40) end = space;
  }
  std::string lead(text.substr(0, end));
  // Never cut a UTF-8 sequence.
  while (!lead.empty() && (static_cast<unsigned char>(lead.back()) & 0xC0) == 0x80) lead.pop_back();
  if (!lead.empty() && static_cast<unsigned char>(lead.back()) >= 0xC0) lead.pop_back();
  return lead;
}

constexpr size_t kDocTerms = 256;       // terms kept per document
constexpr size_t kQueryTerms = 30;      // terms whose postings give candidate stories
constexpr size_t kScoredStories = 24;   // candidate stories scored in full
constexpr size_t kCentroidTerms = 600;  // a centroid is cut back to half when it grows past this
constexpr size_t kPostingCap = 512;     // stories kept per term (the most recent)
// idf counts this many imaginary documents that lack every term, so that in a
// small collection a word two reports share is not discounted as common.
constexpr double kIdfPrior = 20;

// Term weights of one document in an open-addressing table: a news report
// has a few hundred distinct terms, a hostile 100 MB input a few million, and
// node-based maps spend most of their time missing the cache on either.
class TermCounts {
 public:
  TermCounts() : slots_(1024) {}
  void add(uint32_t term, float w) {
    if (term == 0) term = 1;  // 0 marks an empty slot
    size_t mask = slots_.size() - 1;
    for (size_t i = (term * 0x9E3779B1u) & mask;; i = (i + 1) & mask) {
      if (slots_[i].first == term) {
        slots_[i].second += w;
        return;
      }
      if (slots_[i].first == 0) {
        slots_[i] = {term, w};
        if (++used_ * 2 > slots_.size()) grow();
        return;
      }
    }
  }
  std::vector<std::pair<uint32_t, float>> take() {
    std::vector<std::pair<uint32_t, float>> out;
    out.reserve(used_);
    for (const auto& s : slots_)
      if (s.first != 0) out.push_back(s);
    return out;
  }

 private:
  void grow() {
    std::vector<std::pair<uint32_t, float>> old(slots_.size() * 2);
    old.swap(slots_);
    used_ = 0;
    for (const auto& s : old)
      if (s.first != 0) add(s.first, s.second);
  }
  std::vector<std::pair<uint32_t, float>> slots_;
  size_t used_ = 0;
};

}  // namespace

DocFeatures features(const Document& doc) {
  DocFeatures f;
  f.id = doc.id;
  f.title = doc.title;
  f.lead = lead_of(doc.text);
  f.source = lower_alnum(doc.source);
  f.host = host_of(doc.url);
  f.published = doc.published;
  // The time stage anchors relative dates on an estimate from this confidence on.
  f.dated = doc.published.known() || doc.published_confidence < 0.75 ? doc.published
                                                                     : doc.published_estimate;
  f.minhash = minhash(doc.text);
  // Credit lines sit at the end of the body or among the lines ingest dropped.
  std::string_view text = doc.text;
  size_t tail = text.size() > 600 ? text.size() - 600 : 0;
  while (tail > 0 && (static_cast<unsigned char>(text[tail]) & 0xC0) == 0x80) --tail;
  f.credit = credited_outlet(text.substr(tail));
  for (const auto& r : doc.removed)
    if (f.credit.empty()) f.credit = credited_outlet(r.text);

  const auto& stop = stopwords();
  TermCounts tf;
  for_each_word(doc.text, [&](uint64_t h, bool name_like) {
    if (stop.count(h)) return;
    tf.add(static_cast<uint32_t>(h >> 32), name_like ? 3.0f : 1.0f);  // names carry the story
  });
  for (const auto& e : doc.entities) {
    std::string key = "entity " + e.value.canonical;
    tf.add(static_cast<uint32_t>(word_hash(key) >> 32) ^ 0x5bd1e995u, 2.0f);
  }
  f.terms = tf.take();
  if (f.terms.size() > kDocTerms) {
    std::nth_element(f.terms.begin(), f.terms.begin() + kDocTerms, f.terms.end(),
                     [](const auto& a, const auto& b) {
                       return a.second != b.second ? a.second > b.second : a.first < b.first;
                     });
    f.terms.resize(kDocTerms);
  }
  for (auto& [term, w] : f.terms) w = 1.0f + std::log(w);
  std::sort(f.terms.begin(), f.terms.end());
  return f;
}

std::string time_span(const Story& s) {
  if (!s.first.known()) return "undated";
  if (s.first == s.last) return s.first.iso();
  return s.first.iso() + " .. " + s.last.iso();
}

std::vector<size_t> originals(const StoryResult& r, size_t n) {
  std::vector<size_t> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = i;
  std::vector<size_t> next(n, SIZE_MAX);
  for (const auto& c : r.copies)
    if (c.doc_index < n && c.copy_of_index < n) next[c.doc_index] = c.copy_of_index;
  for (size_t i = 0; i < n; ++i) {
    size_t at = i;
    // Links form a forest; the bound only guards against a hand-made cycle.
    for (size_t steps = 0; next[at] != SIZE_MAX && steps < n; ++steps) at = next[at];
    out[i] = at;
  }
  return out;
}

StoryIndex::StoryIndex(StoryOptions options) : options_(options) {}

void StoryIndex::reserve(size_t n) {
  lsh_.reserve(n);
  docs_.reserve(n);
}

size_t StoryIndex::memory_bytes() const {
  // Hash-map nodes cost about two pointers besides their payload.
  constexpr size_t kNode = 2 * sizeof(void*);
  size_t bytes = lsh_.memory_bytes() + docs_.capacity() * sizeof(DocInfo);
  for (const DocInfo& d : docs_)
    for (const std::string* s : {&d.id, &d.title, &d.lead, &d.source, &d.host, &d.credit})
      if (s->capacity() > 15) bytes += s->capacity() + 1;  // beyond the short-string buffer
  for (const Centroid& c : stories_)
    bytes += sizeof(Centroid) + c.weights.size() * (sizeof(std::pair<uint32_t, float>) + kNode);
  bytes += parent_.capacity() * sizeof(uint32_t);
  bytes += df_.size() * (sizeof(std::pair<uint32_t, uint32_t>) + kNode);
  for (const auto& [term, list] : postings_)
    bytes += sizeof(term) + sizeof(list) + kNode + list.capacity() * sizeof(uint32_t);
  bytes += copies_.capacity() * sizeof(CopyLink);
  for (const CopyLink& c : copies_) bytes += c.doc_id.capacity() + c.copy_of.capacity() + c.evidence.capacity();
  bytes += by_id_.size() * (sizeof(std::pair<std::string, uint32_t>) + kNode);
  for (const Pending& p : pending_)
    bytes += sizeof(Pending) + (p.tf.capacity() + p.added.capacity()) * sizeof(p.tf[0]);
  return bytes;
}

uint32_t StoryIndex::find(uint32_t story) const {
  while (parent_[story] != story) story = parent_[story];
  return story;
}

double StoryIndex::idf(uint32_t term) const {
  auto it = df_.find(term);
  double df = it == df_.end() ? 0 : it->second;
  return std::log((static_cast<double>(counted_) + kIdfPrior) / (df + 0.5));
}

template <class Weights>
StoryIndex::Query StoryIndex::weigh(const Weights& tf) const {
  Query q;
  q.terms.reserve(tf.size());
  for (const auto& [term, w] : tf) {
    double x = w * idf(term);
    if (x <= 0) continue;
    q.terms.emplace_back(term, x);
    q.norm += x * x;
  }
  q.norm = std::sqrt(q.norm);
  return q;
}

StoryIndex::Terms StoryIndex::unit_of(const Terms& tf) {
  double norm = 0;
  for (const auto& [term, w] : tf) norm += static_cast<double>(w) * w;
  norm = norm > 0 ? std::sqrt(norm) : 1;
  Terms unit;
  unit.reserve(tf.size());
  for (const auto& [term, w] : tf) unit.emplace_back(term, static_cast<float>(w / norm));
  return unit;
}

double StoryIndex::similarity(const Query& q, const Centroid& c) const {
  if (q.norm == 0) return 0;
  double dot = 0, cnorm = 0;
  for (const auto& [term, w] : c.weights) {
    double x = w * idf(term);
    cnorm += x * x;
  }
  for (const auto& [term, w] : q.terms) {
    auto it = c.weights.find(term);
    if (it != c.weights.end()) dot += w * it->second * idf(term);
  }
  return cnorm > 0 ? dot / (q.norm * std::sqrt(cnorm)) : 0;
}

double StoryIndex::time_factor(const PartialDate& d, const Centroid& c) const {
  auto [lo, hi] = day_range(d);
  long first = day_range(c.first).first, last = day_range(c.last).second;
  if (lo < 0 || first < 0) return 1;
  long gap = hi < first ? first - hi : lo > last ? lo - last : 0;
  if (gap <= options_.time_window_days) return 1;
  // Follow-ups weeks later still belong; reports years apart do not.
  return std::exp2(-(static_cast<double>(gap) - options_.time_window_days) /
                   options_.time_half_life_days);
}

uint32_t StoryIndex::best_story(const Query& q, const PartialDate& dated, uint32_t also,
                                std::vector<uint32_t>* close) const {
  std::vector<std::pair<uint32_t, double>> top = q.terms;
  size_t k = std::min(top.size(), kQueryTerms);
  std::partial_sort(top.begin(), top.begin() + k, top.end(),
                    [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<uint32_t> candidates;
  for (size_t i = 0; i < k; ++i) {
    auto it = postings_.find(top[i].first);
    if (it == postings_.end()) continue;
    for (uint32_t s : it->second) {
      uint32_t root = find(s);
      if (stories_[root].members > 0) candidates.push_back(root);
    }
  }
  // Only the stories sharing the most top terms are scored in full, so the
  // cost per document stays bounded however many stories there are.
  std::sort(candidates.begin(), candidates.end());
  std::vector<std::pair<uint32_t, uint32_t>> shared;  // (top terms shared, story)
  for (size_t i = 0, j; i < candidates.size(); i = j) {
    for (j = i; j < candidates.size() && candidates[j] == candidates[i];) ++j;
    shared.emplace_back(static_cast<uint32_t>(j - i), candidates[i]);
  }
  if (shared.size() > kScoredStories) {
    std::nth_element(shared.begin(), shared.begin() + kScoredStories, shared.end(),
                     std::greater<>());
    shared.resize(kScoredStories);
  }
  candidates.clear();
  for (const auto& [count, story] : shared) candidates.push_back(story);
  if (also != kNone && std::find(candidates.begin(), candidates.end(), also) == candidates.end())
    candidates.push_back(also);
  std::sort(candidates.begin(), candidates.end());
  uint32_t best = kNone;
  double best_score = options_.join_similarity;
  for (uint32_t s : candidates) {
    double score = similarity(q, stories_[s]) * time_factor(dated, stories_[s]);
    if (close && score >= options_.join_similarity / 2) close->push_back(s);
    if (score >= best_score) best = s, best_score = score;
  }
  return best;
}

uint32_t StoryIndex::open_story(uint32_t founder) {
  uint32_t s = static_cast<uint32_t>(stories_.size());
  stories_.push_back(Centroid{});
  stories_.back().founder = founder;
  parent_.push_back(s);
  return s;
}

void StoryIndex::join(uint32_t story, uint32_t doc, const Terms& unit) {
  add_terms(story, unit);
  Centroid& c = stories_[story];
  ++c.members;
  widen(c.first, c.last, docs_[doc].dated);
  docs_[doc].story = story;
}

void StoryIndex::subtract(std::unordered_map<uint32_t, float>& weights, const Terms& unit) {
  for (const auto& [term, w] : unit) {
    auto it = weights.find(term);
    if (it == weights.end()) continue;  // cut from the centroid since
    it->second -= w;
    if (it->second <= 1e-6f) weights.erase(it);
  }
}

void StoryIndex::leave(uint32_t story, const Terms& unit) {
  Centroid& c = stories_[story];
  subtract(c.weights, unit);
  if (c.members > 0) --c.members;
}

void StoryIndex::add_terms(uint32_t story, const Terms& unit) {
  Centroid& c = stories_[story];
  for (const auto& [term, w] : unit) {
    auto [it, added] = c.weights.try_emplace(term, 0.0f);
    it->second += w;
    if (added) {
      auto& list = postings_[term];
      if (list.size() >= kPostingCap) list.erase(list.begin());
      list.push_back(story);
    }
  }
  if (c.weights.size() > kCentroidTerms) {
    Terms all(c.weights.begin(), c.weights.end());
    std::nth_element(all.begin(), all.begin() + kCentroidTerms / 2, all.end(),
                     [](const auto& a, const auto& b) {
                       return a.second != b.second ? a.second > b.second : a.first < b.first;
                     });
    all.resize(kCentroidTerms / 2);
    c.weights = std::unordered_map<uint32_t, float>(all.begin(), all.end());
  }
}

void StoryIndex::merge(uint32_t into, uint32_t from) {
  Centroid& a = stories_[into];
  Centroid& b = stories_[from];
  Terms moved(b.weights.begin(), b.weights.end());
  a.members += b.members;
  b.members = 0;
  widen(a.first, a.last, b.first);
  widen(a.first, a.last, b.last);
  b.weights.clear();
  parent_[from] = into;
  add_terms(into, moved);
}

// Stories that a report brings close to its own merge into the larger when
// their centroids are alike (stories converge).
void StoryIndex::merge_close(uint32_t story, const std::vector<uint32_t>& close) {
  for (uint32_t s : close) {
    uint32_t a = find(story), b = find(s);
    if (a == b) continue;
    if (similarity(weigh(stories_[a].weights), stories_[b]) < options_.merge_similarity) continue;
    if (stories_[a].members < stories_[b].members) std::swap(a, b);
    merge(a, b);
  }
}

std::string StoryIndex::story_name(uint32_t story) const {
  return "s" + docs_[stories_[story].founder].id.substr(0, 8);
}

bool StoryIndex::direction(uint32_t newer, uint32_t older, double jaccard, CopyLink* link) const {
  const DocInfo& n = docs_[newer];
  const DocInfo& o = docs_[older];
  auto names = [](const std::string& credit, const DocInfo& d) {
    return !credit.empty() && ((!d.source.empty() && (credit.find(d.source) != std::string::npos ||
                                                      d.source.find(credit) != std::string::npos)) ||
                               (!d.host.empty() && (credit.find(d.host) != std::string::npos ||
                                                    d.host.find(credit) != std::string::npos)));
  };
  bool reversed = false;
  std::string evidence;
  long dn = n.published.precision >= DatePrecision::day ? day_number(n.published) : -1;
  long dold = o.published.precision >= DatePrecision::day ? day_number(o.published) : -1;
  uint64_t sn = lsh_.shingles(newer), so = lsh_.shingles(older);
  double inter = jaccard * static_cast<double>(sn + so) / (1 + jaccard);
  if (names(n.credit, o)) {
    evidence = "credit line names " + n.credit;
  } else if (names(o.credit, n)) {
    evidence = "credit line names " + o.credit;
    reversed = true;
  } else if (!n.credit.empty() && o.credit.empty()) {
    evidence = "credit line to " + n.credit;
  } else if (!o.credit.empty() && n.credit.empty()) {
    evidence = "credit line to " + o.credit;
    reversed = true;
  } else if (dn >= 0 && dold >= 0 && dn != dold) {
    evidence = "earlier publication";
    reversed = dn < dold;
  } else if (sn < so && inter >= options_.copy_containment * static_cast<double>(sn)) {
    evidence = "contained in the longer text";
  } else if (so < sn && inter >= options_.copy_containment * static_cast<double>(so)) {
    evidence = "contained in the longer text";
    reversed = true;
  } else {
    evidence = "seen first";
  }
  // A document copies at most one other, so links stay a forest.
  if (reversed && o.copy_of != kNone) {
    reversed = false;
    evidence = "seen first";
  }
  uint32_t copy = reversed ? older : newer, original = reversed ? newer : older;
  link->doc_id = docs_[copy].id;
  link->copy_of = docs_[original].id;
  link->doc_index = copy;
  link->copy_of_index = original;
  link->similarity = jaccard;
  link->evidence = evidence;
  return reversed;
}

StoryIndex::Placement StoryIndex::add(DocFeatures f) {
  Placement placed;
  uint32_t doc = lsh_.add_sketch(f.minhash);
  placed.index = doc;
  docs_.push_back(DocInfo{std::move(f.id), std::move(f.title), std::move(f.lead),
                          std::move(f.source), std::move(f.host), std::move(f.credit),
                          f.published, f.dated, 0, kNone});
  const DocInfo& info = docs_[doc];

  // Copies: an identical text first, else the closest indexed sketch.
  uint32_t original = kNone;
  double jaccard = 0;
  uint64_t size = f.minhash.shingles;
  if (size >= options_.min_copy_shingles) {
    auto same = by_id_.find(info.id);
    if (same != by_id_.end()) {
      original = same->second;
      jaccard = 1;
    } else {
      for (const auto& m : lsh_.query(f.minhash, 0.1)) {
        uint64_t other = lsh_.shingles(m.doc);
        if (other < options_.min_copy_shingles) continue;
        double inter = m.jaccard * static_cast<double>(size + other) / (1 + m.jaccard);
        double contained = inter / static_cast<double>(std::min(size, other));
        if (m.jaccard >= options_.copy_jaccard || contained >= options_.copy_containment) {
          original = m.doc;
          jaccard = m.jaccard;
          break;  // matches come best first
        }
      }
    }
  }
  uint32_t story = kNone;  // forced when an earlier report turns out to copy this one
  if (original != kNone) {
    CopyLink link;
    bool reversed = direction(doc, original, jaccard, &link);
    copies_.push_back(link);
    placed.copy = true;
    placed.link = std::move(link);
    story = find(docs_[original].story);
    if (reversed) {
      docs_[original].copy_of = doc;
    } else {
      docs_[doc].copy_of = original;
      // Near-identical texts stay out of the buckets: the original already
      // answers for them, which keeps 100,000 reprints as cheap as one.
      if (jaccard < 0.9) lsh_.index(doc);
      docs_[doc].story = story;
      ++stories_[story].members;
      widen(stories_[story].first, stories_[story].last, docs_[doc].dated);
      placed.story_id = story_name(story);
      return placed;
    }
  }
  lsh_.index(doc);
  by_id_.emplace(docs_[doc].id, doc);

  // Stories: TF-IDF against the centroids of stories sharing top terms.
  ++counted_;
  for (const auto& [term, w] : f.terms) ++df_[term];
  Query q = weigh(f.terms);
  Terms unit = unit_of(f.terms);
  std::vector<uint32_t> close;  // stories the report is near enough to bring closer
  uint32_t best = story != kNone ? story : best_story(q, info.dated, kNone, &close);
  if (best == kNone) best = open_story(doc);
  join(best, doc, unit);
  merge_close(best, close);
  placed.story_id = story_name(find(best));
  pending_.push_back(Pending{doc, std::move(f.terms), std::move(unit)});
  return placed;
}

void StoryIndex::refine() {
  // Take the batch out of its stories...
  for (auto& [doc, tf, added] : pending_) leave(find(docs_[doc].story), added);
  // ...place it again in order, now with idf over everything...
  for (auto& [doc, tf, added] : pending_) {
    if (docs_[doc].copy_of != kNone) continue;  // found to copy a later report: follows it
    Query q = weigh(tf);
    std::vector<uint32_t> close;
    uint32_t to = best_story(q, docs_[doc].dated, kNone, &close);
    if (to == kNone) to = open_story(doc);
    join(to, doc, added);
    merge_close(to, close);
  }
  // ...let each report move to the story that fits it best...
  for (auto& [doc, tf, added] : pending_) {
    if (docs_[doc].copy_of != kNone) continue;
    uint32_t own = find(docs_[doc].story);
    leave(own, added);
    uint32_t to = best_story(weigh(tf), docs_[doc].dated, own, nullptr);
    if (to == kNone) to = stories_[own].members == 0 ? own : open_story(doc);
    join(to, doc, added);
  }
  // ...and split off the new reports of a story that have drifted from its old ones.
  split_drifted();
  pending_.clear();
  pending_.shrink_to_fit();
  recount();
}

void StoryIndex::split_drifted() {
  std::unordered_map<uint32_t, std::vector<const Pending*>> batch;  // story -> its new reports
  std::vector<uint32_t> order;  // stories in order of their first new report
  for (const Pending& p : pending_) {
    if (docs_[p.doc].copy_of != kNone) continue;
    auto& list = batch[find(docs_[p.doc].story)];
    if (list.empty()) order.push_back(find(docs_[p.doc].story));
    list.push_back(&p);
  }
  for (uint32_t story : order) {
    const auto& fresh = batch[story];
    if (fresh.size() < options_.min_split) continue;
    // What the new reports add, and what the story was before them.
    std::unordered_map<uint32_t, float> now;
    Centroid before = stories_[story];
    for (const Pending* p : fresh) {
      for (const auto& [term, w] : p->added) now[term] += w;
      subtract(before.weights, p->added);
    }
    if (before.weights.empty()) continue;  // the story is new in this batch
    if (similarity(weigh(now), before) >= options_.split_similarity) continue;
    uint32_t split = open_story(fresh.front()->doc);
    for (const Pending* p : fresh) {
      leave(story, p->added);
      join(split, p->doc, p->added);
    }
  }
}

void StoryIndex::recount() {
  for (uint32_t s = 0; s < stories_.size(); ++s) {
    Centroid& c = stories_[s];
    c.members = 0;
    c.founder = kNone;
    c.first = c.last = PartialDate{};
  }
  auto count = [&](uint32_t d, uint32_t story) {
    Centroid& c = stories_[story];
    docs_[d].story = story;
    ++c.members;
    widen(c.first, c.last, docs_[d].dated);
  };
  for (uint32_t d = 0; d < docs_.size(); ++d)
    if (docs_[d].copy_of == kNone) count(d, find(docs_[d].story));
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    if (docs_[d].copy_of == kNone) continue;
    uint32_t at = d;
    // Links form a forest; the bound only guards against a cycle.
    for (size_t steps = 0; docs_[at].copy_of != kNone && steps < docs_.size(); ++steps)
      at = docs_[at].copy_of;
    count(d, find(docs_[at].story));
  }
  // A story is named by its earliest report.
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    Centroid& c = stories_[docs_[d].story];
    if (d < c.founder) c.founder = d;
  }
}

StoryResult StoryIndex::result() const {
  StoryResult r;
  std::unordered_map<uint32_t, size_t> slot;  // root story -> position in r.stories
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    uint32_t root = find(docs_[d].story);
    auto [it, added] = slot.try_emplace(root, r.stories.size());
    if (added) {
      Story s;
      s.id = story_name(root);
      const DocInfo& founder = docs_[stories_[root].founder];
      s.title = founder.title.empty() ? founder.lead : founder.title;
      r.stories.push_back(std::move(s));
    }
    Story& s = r.stories[it->second];
    s.doc_ids.push_back(docs_[d].id);
    s.doc_indexes.push_back(d);
    widen(s.first, s.last, docs_[d].published);
  }
  std::stable_sort(r.stories.begin(), r.stories.end(), [](const Story& a, const Story& b) {
    return a.doc_indexes.size() > b.doc_indexes.size();
  });
  // Identical tiny texts (too short to be copies) can found stories with one name.
  std::unordered_map<std::string, int> seen;
  for (auto& s : r.stories)
    if (int n = seen[s.id]++; n > 0) s.id += "-" + std::to_string(n + 1);
  r.copies = copies_;
  std::sort(r.copies.begin(), r.copies.end(),
            [](const CopyLink& a, const CopyLink& b) { return a.doc_index < b.doc_index; });
  return r;
}

StoryResult cluster_stories(const std::vector<Document>& docs, StoryOptions options,
                            const std::vector<int>& batch) {
  std::vector<DocFeatures> feats(docs.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) feats[i] = features(docs[i]);
  };
  size_t n = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), docs.size());
  std::vector<std::thread> threads;
  for (size_t t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  StoryIndex index(options);
  index.reserve(docs.size());
  for (size_t i = 0; i < feats.size(); ++i) {
    index.add(std::move(feats[i]));
    feats[i] = DocFeatures{};
    bool batch_ends = i + 1 < batch.size() && i + 1 < feats.size() && batch[i + 1] != batch[i];
    if (batch_ends) index.refine();
  }
  index.refine();
  StoryResult r = index.result();

  // Verify every link on the exact shingle sets; identical texts share one set.
  std::unordered_map<std::string, std::vector<uint64_t>> sets;
  auto set_of = [&](size_t i) -> const std::vector<uint64_t>& {
    auto [it, added] = sets.try_emplace(docs[i].id);
    if (added) it->second = shingle_set(docs[i].text);
    return it->second;
  };
  std::vector<CopyLink> verified;
  for (auto& link : r.copies) {
    Resemblance exact = docs[link.doc_index].id == docs[link.copy_of_index].id
                            ? Resemblance{1, 1, 1}
                            : resemblance(set_of(link.doc_index), set_of(link.copy_of_index));
    if (exact.jaccard < options.verify_jaccard &&
        std::max(exact.a_in_b, exact.b_in_a) < options.copy_containment)
      continue;
    link.similarity = exact.jaccard;
    verified.push_back(std::move(link));
  }
  r.copies = std::move(verified);
  return r;
}

}  // namespace cc
