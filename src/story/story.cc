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

// Days since year 0, roughly (months of 31 days): enough to measure gaps.
// Returns -1 below month precision.
long day_number(const PartialDate& d) {
  if (d.precision < DatePrecision::month) return -1;
  return d.year * 372L + (d.month - 1) * 31L + (d.precision >= DatePrecision::day ? d.day : 15);
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

uint32_t StoryIndex::find(uint32_t story) const {
  while (parent_[story] != story) story = parent_[story];
  return story;
}

double StoryIndex::idf(uint32_t term) const {
  auto it = df_.find(term);
  double df = it == df_.end() ? 0 : it->second;
  return std::log((static_cast<double>(counted_) + kIdfPrior) / (df + 0.5));
}

double StoryIndex::similarity(const std::vector<std::pair<uint32_t, double>>& q, double qnorm,
                              const Centroid& c) const {
  if (qnorm == 0) return 0;
  double dot = 0, cnorm = 0;
  for (const auto& [term, w] : c.weights) {
    double x = w * idf(term);
    cnorm += x * x;
  }
  for (const auto& [term, w] : q) {
    auto it = c.weights.find(term);
    if (it != c.weights.end()) dot += w * it->second * idf(term);
  }
  return cnorm > 0 ? dot / (qnorm * std::sqrt(cnorm)) : 0;
}

double StoryIndex::time_factor(const PartialDate& d, const Centroid& c) const {
  long day = day_number(d), first = day_number(c.first), last = day_number(c.last);
  if (day < 0 || first < 0) return 1;
  long gap = day < first ? first - day : day > last ? day - last : 0;
  if (gap <= options_.time_window_days) return 1;
  return options_.time_window_days / static_cast<double>(gap);
}

void StoryIndex::join(uint32_t story, uint32_t doc,
                      const std::vector<std::pair<uint32_t, float>>& unit) {
  add_terms(story, unit);
  Centroid& c = stories_[story];
  ++c.members;
  widen(c.first, c.last, docs_[doc].published);
  docs_[doc].story = story;
}

void StoryIndex::add_terms(uint32_t story, const std::vector<std::pair<uint32_t, float>>& unit) {
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
    std::vector<std::pair<uint32_t, float>> all(c.weights.begin(), c.weights.end());
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
  std::vector<std::pair<uint32_t, float>> moved(b.weights.begin(), b.weights.end());
  a.members += b.members;
  widen(a.first, a.last, b.first);
  widen(a.first, a.last, b.last);
  b.weights.clear();
  parent_[from] = into;
  add_terms(into, moved);
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
  if (reversed && o.copy) {
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
                          f.published, 0, false});
  const DocInfo& info = docs_[doc];

  // Copies: an identical text first, else the closest indexed sketch.
  uint32_t original = UINT32_MAX;
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
  if (original != UINT32_MAX) {
    CopyLink link;
    bool reversed = direction(doc, original, jaccard, &link);
    docs_[reversed ? original : doc].copy = true;
    copies_.push_back(link);
    // Near-identical texts stay out of the buckets: the original already
    // answers for them, which keeps 100,000 reprints as cheap as one.
    if (jaccard < 0.9) lsh_.index(doc);
    uint32_t story = find(docs_[original].story);
    docs_[doc].story = story;
    ++stories_[story].members;
    widen(stories_[story].first, stories_[story].last, docs_[doc].published);
    placed.story_id = story_name(story);
    placed.copy = true;
    placed.link = std::move(link);
    return placed;
  }
  lsh_.index(doc);
  by_id_.emplace(docs_[doc].id, doc);

  // Stories: TF-IDF against the centroids of stories sharing top terms.
  ++counted_;
  for (const auto& [term, w] : f.terms) ++df_[term];
  std::vector<std::pair<uint32_t, double>> q;
  q.reserve(f.terms.size());
  double qnorm = 0, unorm = 0;
  for (const auto& [term, w] : f.terms) {
    double x = w * idf(term);
    if (x <= 0) continue;
    q.emplace_back(term, x);
    qnorm += x * x;
    unorm += static_cast<double>(w) * w;
  }
  qnorm = std::sqrt(qnorm);
  std::vector<std::pair<uint32_t, double>> top = q;
  size_t k = std::min(top.size(), kQueryTerms);
  std::partial_sort(top.begin(), top.begin() + k, top.end(),
                    [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<uint32_t> candidates;
  for (size_t i = 0; i < k; ++i) {
    auto it = postings_.find(top[i].first);
    if (it == postings_.end()) continue;
    for (uint32_t s : it->second) candidates.push_back(find(s));
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
  std::sort(candidates.begin(), candidates.end());
  uint32_t best = UINT32_MAX;
  double best_score = options_.join_similarity;
  std::vector<uint32_t> close;  // stories the report is near enough to bring closer
  for (uint32_t s : candidates) {
    double score = similarity(q, qnorm, stories_[s]) * time_factor(info.published, stories_[s]);
    if (score >= options_.join_similarity / 2) close.push_back(s);
    if (score >= best_score) best = s, best_score = score;
  }
  std::vector<std::pair<uint32_t, float>> unit;
  unit.reserve(f.terms.size());
  unorm = unorm > 0 ? std::sqrt(unorm) : 1;
  for (const auto& [term, w] : f.terms) unit.emplace_back(term, static_cast<float>(w / unorm));
  if (best == UINT32_MAX) {
    best = static_cast<uint32_t>(stories_.size());
    stories_.push_back(Centroid{});
    stories_.back().founder = doc;
    parent_.push_back(best);
  }
  join(best, doc, unit);

  // Stories that the new report brings close to this one merge into the larger.
  for (uint32_t s : close) {
    uint32_t a = find(best), b = find(s);
    if (a == b) continue;
    std::vector<std::pair<uint32_t, double>> cq;
    double cnorm = 0;
    for (const auto& [term, w] : stories_[a].weights) {
      double x = w * idf(term);
      cq.emplace_back(term, x);
      cnorm += x * x;
    }
    double score = similarity(cq, std::sqrt(cnorm), stories_[b]);
    if (score < options_.merge_similarity) continue;
    if (stories_[a].members < stories_[b].members) std::swap(a, b);
    merge(a, b);
  }
  placed.story_id = story_name(find(best));
  return placed;
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

StoryResult cluster_stories(const std::vector<Document>& docs, StoryOptions options) {
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
  for (auto& f : feats) {
    index.add(std::move(f));
    f = DocFeatures{};
  }
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
