#include "claims/extract.h"

#include <algorithm>
#include <cstdlib>

#include "claims/lexicon.h"

namespace cc {

namespace {

// How far a figure looks for its predicate, in tokens: objects follow their
// verb closely ("dispatch 1,000 sappers"), passives and partitives put it
// further after ("4,000 of the initial 11,000 troops have either been killed").
constexpr int kPredicateBefore = 8;
constexpr int kPredicateAfter = 10;
// How far an event trigger looks for the noun phrase it is about.
constexpr int kObjectBefore = 5;
constexpr int kObjectAfter = 3;
// How far before a figure a nationality still names whose figure it is.
constexpr int kActorBefore = 6;
// Triggers this close form one predicate ("signed a reconstruction agreement").
constexpr uint32_t kTriggerChain = 3;
// Dates and triggers of one sentence are paired all against all; a hostile
// run-on "sentence" only gets its first ones paired.
constexpr size_t kMaxPairedDates = 32;
constexpr size_t kMaxPairedTriggers = 128;

bool is_agent(EntityType t) { return t != EntityType::misc; }

// The smallest item of a nested layer whose span contains `anchor`. Layers
// are sorted by begin, so only items beginning at or before anchor count.
template <class T>
const Annotation<T>* smallest_containing(const Layer<T>& layer, Span anchor) {
  const Annotation<T>* best = nullptr;
  for (const auto& item : layer) {
    if (item.span.begin > anchor.begin) break;
    if (item.span.contains(anchor) && (!best || item.span.size() < best->span.size()))
      best = &item;
  }
  return best;
}

struct SentenceView {
  const Document& doc;
  Span span;
  uint32_t first_token, end_token;

  std::string word(uint32_t t) const { return lower_ascii(doc[doc.tokens[t].span]); }
  // Token index of the token containing or following byte `pos`.
  uint32_t token_at(uint32_t pos) const {
    uint32_t t = static_cast<uint32_t>(doc.tokens.first_ending_after(pos));
    return std::clamp(t, first_token, end_token == 0 ? 0 : end_token - 1);
  }
};

// "the two countries", "one of the backers": a small number naming a group
// already known is a reference, not a figure.
bool is_reference(const SentenceView& sv, Span figure, double value) {
  if (value > 9) return false;
  uint32_t t = sv.token_at(figure.begin);
  if (t > sv.first_token) {
    std::string before = sv.word(t - 1);
    if (before == "the" || before == "both" || before == "these" || before == "those" ||
        before == "its" || before == "their")
      return true;
  }
  uint32_t after = static_cast<uint32_t>(sv.doc.tokens.first_ending_after(figure.end));
  return value == 1 && after < sv.end_token && after < sv.doc.tokens.size() && sv.word(after) == "of";
}

}  // namespace

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool actors_compatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  std::string la = lower_ascii(a), lb = lower_ascii(b);
  if (la == lb) return true;
  const std::string& shorter = la.size() < lb.size() ? la : lb;
  const std::string& longer = la.size() < lb.size() ? lb : la;
  // "north korea" / "north korean": a demonym that extends its country's name.
  return shorter.size() >= 4 && longer.compare(0, shorter.size(), shorter) == 0 &&
         longer.size() - shorter.size() <= 3;
}

void extract_claims(const Document& doc, size_t doc_index, const EntityResolver& resolve,
                    std::vector<Claim>* out) {
  // Attribution sources are speakers, never actors of what they report.
  std::vector<Span> source_spans;
  for (const auto& a : doc.attributions) source_spans.push_back(a.value.source);
  auto in_source = [&](Span s) {
    return std::any_of(source_spans.begin(), source_spans.end(),
                       [&](Span src) { return src.overlaps(s); });
  };

  size_t q = 0, tx = 0, ent = 0;  // cursors into layers sorted by begin
  for (const auto& sent : doc.sentences) {
    SentenceView sv{doc, sent.span, sent.value.first_token, sent.value.end_token};
    if (sv.end_token <= sv.first_token || sv.end_token > doc.tokens.size()) continue;

    // Triggers: words of a predicate class.
    struct Trigger {
      uint32_t token;
      std::string cls;
    };
    std::vector<Trigger> triggers;
    for (uint32_t t = sv.first_token; t < sv.end_token; ++t) {
      if (doc.tokens[t].value.kind != TokenKind::word) continue;
      std::string_view cls = predicate_class(sv.word(t));
      if (!cls.empty()) triggers.push_back({t, std::string(cls)});
    }

    // Layer items inside this sentence.
    while (q < doc.quantities.size() && doc.quantities[q].span.begin < sent.span.begin) ++q;
    while (tx < doc.times.size() && doc.times[tx].span.begin < sent.span.begin) ++tx;
    while (ent < doc.entities.size() && doc.entities[ent].span.begin < sent.span.begin) ++ent;
    std::vector<const Annotation<Timex>*> dates;
    for (size_t i = tx; i < doc.times.size() && doc.times[i].span.begin < sent.span.end; ++i)
      if (doc.times[i].value.type == TimexType::date || doc.times[i].value.type == TimexType::time)
        dates.push_back(&doc.times[i]);
    std::vector<const Annotation<EntityMention>*> entities;
    for (size_t i = ent; i < doc.entities.size() && doc.entities[i].span.begin < sent.span.end; ++i)
      if (is_agent(doc.entities[i].value.type) && !in_source(doc.entities[i].span))
        entities.push_back(&doc.entities[i]);
    std::vector<const Annotation<Quantity>*> figures;
    for (size_t i = q; i < doc.quantities.size() && doc.quantities[i].span.begin < sent.span.end; ++i)
      figures.push_back(&doc.quantities[i]);

    auto nearest_date = [&](Span anchor) -> const Annotation<Timex>* {
      const Annotation<Timex>* best = nullptr;
      int64_t best_d = 0;
      for (const auto* d : dates) {
        if (!parse_time_range(d->value.value)) continue;
        int64_t dist = d->span.begin >= anchor.end ? d->span.begin - anchor.end
                       : anchor.begin >= d->span.end ? anchor.begin - d->span.end : 0;
        if (!best || dist < best_d) best = d, best_d = dist;
      }
      return best;
    };
    auto actor_before = [&](Span anchor) -> std::string {
      for (auto it = entities.rbegin(); it != entities.rend(); ++it)
        if ((*it)->span.end <= anchor.begin) return resolve((*it)->value.canonical);
      return {};
    };
    auto set_date = [](Claim& c, const Annotation<Timex>* d) {
      if (!d) return;
      c.time = d->value.value;
      c.time_anchor = d->value.anchor;
      c.time_span = d->span;
      c.range = parse_time_range(c.time);
    };
    auto fill_context = [&](Claim& c, Span anchor) {
      if (const auto* a = smallest_containing(doc.attributions, anchor)) {
        c.source = resolve(a->value.source_name.empty() ? std::string(doc[a->value.source])
                                                        : a->value.source_name);
        c.via = a->value.via;
        c.source_span = a->value.source;
      }
      if (const auto* m = smallest_containing(doc.modalities, anchor))
        c.modality = modality_name(m->value.kind);
    };

    // Quantity claims.
    for (const auto* fig : figures) {
      const Quantity& qv = fig->value;
      if (!is_claim(qv)) continue;  // calibres, model names, ordinals, ages
      bool is_date = std::any_of(dates.begin(), dates.end(),
                                 [&](const auto* d) { return d->span.overlaps(fig->span); });
      if (is_date) continue;
      // "4,000 of the initial 11,000": the whole is a reference, not a new report.
      bool is_whole = std::any_of(figures.begin(), figures.end(), [&](const auto* o) {
        return o != fig && o->value.part_of && *o->value.part_of == qv.value &&
               o->span.end <= fig->span.begin;
      });
      if (is_whole) continue;
      if (is_reference(sv, fig->span, qv.value)) continue;

      Claim c;
      c.doc = doc_index;
      c.sentence = sent.span;
      c.quantity = &qv;
      c.quantity_span = fig->span;
      char buf[64];
      c.counted = std::string(singular_stem(lower_ascii(qv.counted), buf, sizeof buf));
      c.counted_class = qv.counted_class.empty() ? c.counted : qv.counted_class;
      c.is_delta = qv.is_delta || std::any_of(qv.modifiers.begin(), qv.modifiers.end(),
                                              [](const std::string& m) {
                                                return is_delta_modifier(lower_ascii(m));
                                              });
      uint32_t qt = sv.token_at(fig->span.begin);
      const Trigger* best = nullptr;
      int best_d = 0;
      for (const auto& tr : triggers) {
        int d = static_cast<int>(tr.token) - static_cast<int>(qt);
        if (d < -kPredicateBefore || d > kPredicateAfter) continue;
        if (!best || std::abs(d) < best_d) best = &tr, best_d = std::abs(d);
      }
      if (best) {
        c.trigger = doc.tokens[best->token].span;
        c.predicate = best->cls;
      }
      if (is_casualty_noun(lower_ascii(qv.counted))) {
        // "casualties" says what happened, not who: any counted thing matches.
        c.predicate = "casualty";
        c.counted_class.clear();
        c.counted.clear();
      }
      for (const auto* e : entities)
        if (!qv.counted_span.empty() && e->span.overlaps(qv.counted_span)) {
          c.actor = resolve(e->value.canonical);
          break;
        }
      if (c.actor.empty() && best && best->token < qt) c.actor = actor_before(c.trigger);
      if (c.actor.empty()) {
        for (auto it = entities.rbegin(); it != entities.rend(); ++it) {
          const auto* e = *it;
          if (e->span.end > fig->span.begin) continue;
          int gap = static_cast<int>(qt) - static_cast<int>(sv.token_at(e->span.begin));
          if (gap > kActorBefore) break;
          if (e->value.type == EntityType::nationality) c.actor = resolve(e->value.canonical);
          break;
        }
      }
      set_date(c, nearest_date(fig->span));
      fill_context(c, fig->span);
      out->push_back(std::move(c));
    }

    // Event claims: every trigger. Dates and triggers pair up closest first,
    // one date per trigger; in a chain of triggers ("signed a reconstruction
    // agreement") the date goes to the head, the first.
    std::vector<const Annotation<Timex>*> date_of(triggers.size(), nullptr);
    struct Pairing {
      int64_t distance;
      size_t date, trigger;
    };
    std::vector<Pairing> pairings;
    for (size_t di = 0; di < std::min(dates.size(), kMaxPairedDates); ++di) {
      if (!parse_time_range(dates[di]->value.value)) continue;
      for (size_t i = 0; i < std::min(triggers.size(), kMaxPairedTriggers); ++i) {
        Span ts = doc.tokens[triggers[i].token].span, ds = dates[di]->span;
        int64_t dist = ds.begin >= ts.end ? ds.begin - ts.end : ts.begin - std::min(ts.begin, ds.end);
        pairings.push_back({dist, di, i});
      }
    }
    std::stable_sort(pairings.begin(), pairings.end(),
                     [](const Pairing& a, const Pairing& b) { return a.distance < b.distance; });
    std::vector<bool> date_used(dates.size(), false);
    for (const auto& p : pairings) {
      size_t head = p.trigger;
      while (head > 0 && triggers[head].token - triggers[head - 1].token <= kTriggerChain) --head;
      if (date_used[p.date] || date_of[head]) continue;
      date_used[p.date] = true;
      date_of[head] = dates[p.date];
    }
    for (size_t i = 0; i < triggers.size(); ++i) {
      const Trigger& tr = triggers[i];
      Claim c;
      c.doc = doc_index;
      c.sentence = sent.span;
      c.trigger = doc.tokens[tr.token].span;
      c.predicate = tr.cls;
      c.actor = actor_before(c.trigger);
      uint32_t lo = tr.token >= sv.first_token + kObjectBefore ? tr.token - kObjectBefore : sv.first_token;
      uint32_t hi = std::min(sv.end_token, tr.token + kObjectAfter + 1);
      for (uint32_t t = lo; t < hi; ++t) {
        if (t == tr.token || doc.tokens[t].value.kind != TokenKind::word) continue;
        std::string w = sv.word(t);
        if (is_delta_modifier(w)) c.object_delta = true;
        char buf[64];
        c.object_words.emplace_back(singular_stem(w, buf, sizeof buf));
      }
      fill_context(c, c.trigger);
      set_date(c, date_of[i]);
      out->push_back(std::move(c));
    }
  }
}

}  // namespace cc
