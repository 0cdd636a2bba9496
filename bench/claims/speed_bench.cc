// Facts-stage speed on one story of up to 10,000 reports, against a naive
// all-pairs alignment (every figure compared with every other) run side by
// side on the same documents. Documents are generated with their layers
// built directly (the layer contract), so only the claims stage is timed.
//
//   build/release/bench/claims/bench_claims_speed
#include <cmath>
#include <ctime>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "nlp/tokenize.h"

namespace {

using cc::Document;

struct Piece {
  enum Kind { plain, quantity, time, entity };
  Piece(std::string t, Kind k = plain) : text(std::move(t)), kind(k) {}
  std::string text;
  Kind kind = plain;
  cc::Quantity q;
  std::string value;
  cc::EntityType type = cc::EntityType::location;
};

// One sentence-template family per predicate class; numbers cluster around a
// few values per (actor, counted) so reports line up as real stories do.
Document make_doc(std::mt19937& rng, int index) {
  static const char* kActors[] = {"Northland", "Southland", "Eastmark", "Westvale", "Harbor City",
                                  "Ridgeport", "Lakeshire", "Stonebridge", "Kestrel Bay", "Marova"};
  static const char* kVerbs[] = {"sent", "deployed", "killed", "evacuated", "captured", "supplied"};
  static const char* kCounted[] = {"troops", "residents", "drones", "shells", "trucks", "medics"};
  static const char* kMonths[] = {"January", "February", "March", "April", "May", "June"};
  std::uniform_int_distribution<int> pick(0, 1000000);
  Document d;
  d.published = *cc::PartialDate::parse("2025-07");
  d.source = "Outlet " + std::to_string(index % 97);
  std::vector<std::pair<Piece, cc::Span>> spans;
  for (int s = 0; s < 6; ++s) {
    int a = pick(rng) % 10, v = pick(rng) % 6, c = pick(rng) % 6, m = pick(rng) % 6;
    double base = (a * 7 + c * 3 + v) % 20 * 250 + 500;
    double value = base + (pick(rng) % 10 == 0 ? 500 : 0);
    std::vector<Piece> ps;
    ps.push_back({std::string(kActors[a]), Piece::entity});
    ps.push_back({" " + std::string(kVerbs[v]) + " about "});
    Piece q{std::to_string(static_cast<int>(value)), Piece::quantity};
    q.q.value = value;
    q.q.approx = true;
    q.q.counted = kCounted[c];
    q.q.counted.pop_back();
    q.q.counted_class = q.q.counted;
    ps.push_back(q);
    ps.push_back({" " + std::string(kCounted[c]) + " in "});
    Piece t{std::string(kMonths[m]), Piece::time};
    t.value = "2025-0" + std::to_string(m + 1);
    ps.push_back(t);
    ps.push_back({", officials said. "});
    for (auto& p : ps) {
      uint32_t b = static_cast<uint32_t>(d.text.size());
      d.text += p.text;
      if (p.kind != Piece::plain) spans.push_back({p, {b, static_cast<uint32_t>(d.text.size())}});
    }
  }
  d.text += "Report " + std::to_string(index) + ".";
  d.assign_id();
  d.offsets.map(0, 0);
  cc::Tokenizer().process(d);
  for (auto& [p, span] : spans) {
    if (p.kind == Piece::quantity) d.quantities.add(span, p.q);
    if (p.kind == Piece::time) d.times.add(span, cc::Timex{cc::TimexType::date, p.value, "", "published", ""});
    if (p.kind == Piece::entity) d.entities.add(span, cc::EntityMention{p.type, p.text, 1.0});
  }
  return d;
}

// Process CPU time: the machine is shared, so wall time measures neighbours.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// The peer: compare every figure with every other (same counted thing,
// compatible value), the obvious way to line up reports.
size_t all_pairs(const std::vector<Document>& docs) {
  std::vector<const cc::Quantity*> qs;
  for (const auto& d : docs)
    for (const auto& q : d.quantities) qs.push_back(&q.value);
  size_t links = 0;
  for (size_t i = 0; i < qs.size(); ++i)
    for (size_t j = i + 1; j < qs.size(); ++j)
      links += qs[i]->counted_class == qs[j]->counted_class &&
               std::fabs(qs[i]->value - qs[j]->value) <= 0.1 * qs[i]->value;
  return links;
}

}  // namespace

int main() {
  std::mt19937 rng(7);
  std::vector<Document> all;
  for (int i = 0; i < 10000; ++i) all.push_back(make_doc(rng, i));
  std::printf("%8s %10s %8s %8s %8s %12s %12s\n", "reports", "claims_s", "MB/s", "facts", "events",
              "all_pairs_s", "peer/ours");
  double first_n = 0, first_t = 0, last_n = 0, last_t = 0;
  for (int n : {1000, 2000, 5000, 10000}) {
    std::vector<Document> docs(all.begin(), all.begin() + n);
    size_t bytes = 0;
    for (const auto& d : docs) bytes += d.text.size();
    double t0 = cpu_seconds();
    cc::Brief b = cc::build_brief(docs);
    double ours = cpu_seconds() - t0;
    double peer = -1;
    if (n <= 2000) {  // the peer is quadratic: 10,000 reports would take minutes
      t0 = cpu_seconds();
      volatile size_t links = all_pairs(docs);
      (void)links;
      peer = cpu_seconds() - t0;
    }
    std::string ratio = peer > 0 ? std::to_string(peer / ours).substr(0, 5) : "-";
    std::printf("%8d %10.3f %8.1f %8zu %8zu %12.3f %12s\n", n, ours, bytes / ours / 1e6, b.facts.size(),
                b.events.size(), peer, ratio.c_str());
    if (first_n == 0) first_n = n, first_t = ours;
    last_n = n, last_t = ours;
  }
  std::printf("scaling exponent 1k->10k: %.2f (1 = linear, 2 = quadratic)\n",
              std::log(last_t / first_t) / std::log(last_n / first_n));
  return 0;
}
