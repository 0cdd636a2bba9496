#include "claims/extract.h"

#include <algorithm>
#include <cstdlib>

#include "claims/lexicon.h"
#include "nlp/attribution/attribution.h"  // primary_source_key
#include "nlp/quantity/quantity.h"  // is_delta_modifier

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
// How far from a figure (before it, after its noun phrase) a revision word
// ("has risen to", "are now") still speaks of it.
constexpr int kRevisionBefore = 6;
constexpr int kRevisionAfter = 3;
// How far before a figure a nationality still names whose figure it is.
constexpr int kActorBefore = 6;
// Triggers this close form one predicate ("signed a reconstruction agreement").
constexpr uint32_t kTriggerChain = 3;
// Dates and triggers of one sentence are paired all against all; a hostile
// run-on "sentence" only gets its first ones paired.
constexpr size_t kMaxPairedDates = 32;
constexpr size_t kMaxPairedTriggers = 128;
constexpr uint32_t kMaxSentenceTokens = 400;

bool is_agent(EntityType t) { return t != EntityType::misc; }

// The smallest item of a nested layer (sorted by begin) whose span contains
// an anchor. Built once per document: with the largest end among the items
// up to each one, a look-up walks back from the last item beginning at or
// before the anchor only while an earlier item still reaches it, so a
// document costs what its nesting costs, not items times figures.
template <class T>
class Containing {
 public:
  explicit Containing(const Layer<T>& layer) : layer_(layer), max_end_(layer.size()) {
    for (size_t i = 0; i < layer.size(); ++i)
      max_end_[i] = std::max(layer[i].span.end, i ? max_end_[i - 1] : 0);
  }
  const Annotation<T>* smallest(Span anchor) const {
    auto after = std::partition_point(layer_.begin(), layer_.end(),
                                      [&](const Annotation<T>& item) { return item.span.begin <= anchor.begin; });
    const Annotation<T>* best = nullptr;
    for (size_t i = static_cast<size_t>(after - layer_.begin()); i-- > 0 && max_end_[i] >= anchor.end;) {
      const Annotation<T>& item = layer_[i];
      // Walking back, "<=" keeps the earliest of equal spans, as the layer's order gives.
      if (item.span.contains(anchor) && (!best || item.span.size() <= best->span.size())) best = &item;
    }
    return best;
  }

 private:
  const Layer<T>& layer_;
  std::vector<uint32_t> max_end_;
};

struct SentenceView {
  const Document& doc;
  Span span;
  uint32_t first_token, end_token;

  std::string word(uint32_t t) const { return ascii_lower(doc[doc.tokens[t].span]); }
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

// "150 million dollars a day", "300 per week": the time unit of a rate, or "".
std::string rate_after(const SentenceView& sv, uint32_t t) {
  if (t + 1 >= sv.end_token) return {};
  std::string per = sv.word(t);
  if (per != "a" && per != "an" && per != "per" && per != "each" && per != "every") return {};
  std::string unit = sv.word(t + 1);
  static constexpr std::string_view kUnits[] = {"hour", "day", "week", "month", "year"};
  for (std::string_view u : kUnits)
    if (unit == u) return unit;
  return {};
}

// A reading on a scale ("a magnitude 6.8 earthquake", "41 degrees") says
// how strong or hot something is, whatever verb stands near it.
bool is_reading_unit(std::string_view unit) {
  return unit == "magnitude" || unit == "\u00b0c" || unit == "\u00b0f";
}

// "won 41.2 percent of the vote", "took 38.5 percent", "gave it 40.3
// percent of the vote": a share someone won, whatever the verb. (A share of
// the ballots is how far a count has got.)
bool is_share_won(const SentenceView& sv, const Quantity& q, uint32_t first, uint32_t after) {
  static constexpr std::string_view kGetting[] = {"won", "took", "received", "garnered", "secured",
                                                  "captured", "polled", "got", "win", "take"};
  if (q.unit != "percent") return false;
  if (after + 2 < sv.end_token && sv.word(after) == "of" &&
      (sv.word(after + 1) == "vote" || (sv.word(after + 1) == "the" && sv.word(after + 2) == "vote")))
    return true;
  return first > sv.first_token &&
         std::find(std::begin(kGetting), std::end(kGetting), sv.word(first - 1)) != std::end(kGetting);
}

// "The 480-metre bridge, which opened in 1967, carried ...": a date inside a
// relative clause (", which|who|where ... ,") that does not hold `anchor`
// dates that clause, not the figure.
bool in_other_relative_clause(const SentenceView& sv, Span date, Span anchor) {
  constexpr uint32_t kMaxClause = 40;  // tokens each way: a relative clause is short
  const auto& tokens = sv.doc.tokens;
  uint32_t d = sv.token_at(date.begin);
  uint32_t open = d;
  while (open > sv.first_token && d - open < kMaxClause && sv.doc[tokens[open - 1].span] != ",") --open;
  if (open == sv.first_token || open >= sv.end_token || sv.doc[tokens[open - 1].span] != ",") return false;
  std::string w = sv.word(open);
  if (w != "which" && w != "who" && w != "where") return false;
  uint32_t close = d;
  while (close < sv.end_token && close - d < kMaxClause && sv.doc[tokens[close].span] != ",") ++close;
  Span clause{tokens[open].span.begin, close < sv.end_token ? tokens[close].span.begin : sv.span.end};
  return !clause.overlaps(anchor);
}

// "could", "may": a hedge of what might happen, not of how sure a count is
// ("reportedly", "estimated").
bool is_possibility_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"could", "may", "might", "would", "expected",
                                                "likely", "projected", "forecast", "feared"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// "about 35 nautical miles south of Cape Veros", "40 km from the border": a
// distance that places something, not what a verb nearby did.
bool is_position(const SentenceView& sv, const Quantity& q, uint32_t after) {
  static constexpr std::string_view kLengths[] = {"km", "m", "mi", "nmi", "ft", "yd"};
  static constexpr std::string_view kPlacing[] = {
      "north", "south", "east",  "west",  "northeast", "northwest", "southeast", "southwest",
      "from",  "off",   "away",  "offshore", "inland", "outside",   "beyond",    "short"};
  if (after >= sv.end_token ||
      std::find(std::begin(kLengths), std::end(kLengths), q.unit) == std::end(kLengths))
    return false;
  return std::find(std::begin(kPlacing), std::end(kPlacing), sv.word(after)) != std::end(kPlacing);
}

bool is_duration_unit(std::string_view unit) {
  static constexpr std::string_view kUnits[] = {"second", "minute", "hour", "day",
                                                "week",   "month",  "year", "decade", "century"};
  return std::find(std::begin(kUnits), std::end(kUnits), unit) != std::end(kUnits);
}

// "the fire service said on Wednesday", "told reporters on Monday": a date
// right after an attribution cue is when it was said, not when the reported
// event happened.
// `cue_ends`: the end offsets of the document's attribution cues, sorted.
bool dates_the_cue(const SentenceView& sv, const std::vector<uint32_t>& cue_ends, const Annotation<Timex>& date) {
  auto it = std::upper_bound(cue_ends.begin(), cue_ends.end(), date.span.begin);
  if (it == cue_ends.begin() || *(it - 1) <= sv.span.begin) return false;
  uint32_t after_cue = sv.token_at(*(it - 1) - 1) + 1;
  uint32_t d = sv.token_at(date.span.begin);
  if (d < after_cue || d > after_cue + 2) return false;
  for (uint32_t t = after_cue; t < d; ++t) {  // "said on", "told reporters on"
    std::string w = sv.word(t);
    if (w != "on" && w != "reporters" && w != "journalists" && w != "late" && w != "early" && w != "at" &&
        w != "in")
      return false;
  }
  return true;
}

// A headline in Title Case: most of its words are capitalized.
bool is_title_case(const SentenceView& sv) {
  int words = 0, capitals = 0;
  for (uint32_t t = sv.first_token; t < sv.end_token; ++t) {
    const Token& tok = sv.doc.tokens[t].value;
    if (tok.kind != TokenKind::word || sv.doc.tokens[t].span.size() < 4) continue;
    ++words;
    capitals += tok.capitalized;
  }
  return words >= 3 && capitals * 4 >= words * 3;
}

std::string last_word_lower(std::string_view phrase) {
  size_t space = phrase.rfind(' ');
  return ascii_lower(space == std::string_view::npos ? phrase : phrase.substr(space + 1));
}

// An entity inside a place phrase ("in northern Valdora", "near the town of
// Almend") says where, not who acts.
bool is_place_phrase(const SentenceView& sv, const Annotation<EntityMention>& e) {
  static constexpr std::string_view kPlacePrepositions[] = {
      "in", "near", "at", "from", "across", "outside", "inside", "into", "to", "around", "of", "off",
      "on", "along", "through", "within", "toward", "towards"};
  uint32_t t = sv.token_at(e.span.begin);
  for (int back = 0; back < 3 && t > sv.first_token; ++back) {
    std::string w = sv.word(--t);
    if (std::find(std::begin(kPlacePrepositions), std::end(kPlacePrepositions), w) !=
        std::end(kPlacePrepositions))
      return true;
    const Token& tok = sv.doc.tokens[t].value;
    // Only articles, lower-case modifiers ("in northern") and the rest of a
    // name the entity layer cut short ("on Lake Victoria" tagged "Victoria")
    // may stand between.
    if (tok.kind != TokenKind::word) return false;
  }
  return false;
}

// Whether an entity mention only modifies the noun after it, inside one noun
// phrase ("Lake Victoria ferry toll", "a Kyiv hospital"): then the phrase's
// head, not the entity, is what acts. A possessive ("Russia's army") keeps
// its owner as the actor.
bool is_noun_modifier(const SentenceView& sv, const Annotation<EntityMention>& e) {
  uint32_t last = sv.token_at(e.span.end - 1);
  if (last + 1 >= sv.end_token) return false;
  const Token& next = sv.doc.tokens[last + 1].value;
  if (next.chunk != ChunkType::NP || next.chunk_begin || next.kind != TokenKind::word) return false;
  std::string w = sv.word(last + 1);
  return w != "'s" && w != "\u2019s";
}

// Tokens that end a clause for the purpose of finding a figure's verb: a
// semicolon or colon, or a contrast after a comma (", while", ", but").
bool is_clause_break(const SentenceView& sv, uint32_t t) {
  std::string_view w = sv.doc[sv.doc.tokens[t].span];
  if (w == ";" || w == ":") return true;
  if (t == sv.first_token || sv.doc[sv.doc.tokens[t - 1].span] != ",") return false;
  std::string lw = sv.word(t);
  return lw == "while" || lw == "but" || lw == "whereas" || lw == "although" || lw == "though";
}

// Whether the word at t begins a verb group, making the noun phrase before it
// a subject: an auxiliary or a past-tense predicate ("residents were
// evacuated", "people died", "homes had been destroyed").
bool is_verb_start(const SentenceView& sv, uint32_t t) {
  static constexpr std::string_view kAux[] = {
      "is",     "are",   "was",    "were",  "has",     "have",     "had",      "will",
      "would",  "could", "can",    "may",   "might",   "should",   "must",     "remain",
      "remains", "remained", "been", "be",  "reportedly", "allegedly", "also", "still"};
  std::string w = sv.word(t);
  if (std::find(std::begin(kAux), std::end(kAux), w) != std::end(kAux)) return true;
  return !predicate_class(w).empty() && w.size() > 2 && w.ends_with("ed");
}

// Whether the figure at [first, np_end) is the subject of a clause a
// subordinator opens: "Police launched a manhunt after 27 inmates broke
// out" — the main clause's verb does not govern it, whatever its own verb
// is. A finite verb (as the tagger reads it) must follow, so "after 27
// hours" stays a preposition's object.
bool opens_subordinate_clause(const SentenceView& sv, uint32_t first, uint32_t np_end) {
  static constexpr std::string_view kSubordinators[] = {"after", "when", "while", "because", "as",
                                                       "since", "until", "before", "although", "if"};
  uint32_t t = first;
  while (t > sv.first_token && (sv.word(t - 1) == "the" || sv.word(t - 1) == "some" || sv.word(t - 1) == "about"))
    --t;
  if (t == sv.first_token) return false;
  std::string before = sv.word(t - 1);
  if (std::find(std::begin(kSubordinators), std::end(kSubordinators), before) == std::end(kSubordinators))
    return false;
  PosTag pos = sv.doc.tokens[np_end].value.pos;
  return pos == PosTag::VBD || pos == PosTag::VBZ || pos == PosTag::VBP || pos == PosTag::MD;
}

// Whether only a conjunction, commas and determiners stand between tokens
// [from, to): "1,200 firefighters and eight aircraft".
bool coordinated(const SentenceView& sv, uint32_t from, uint32_t to) {
  bool conj = false;
  for (uint32_t t = from; t < to; ++t) {
    std::string w = sv.word(t);
    if (w == "and" || w == "or" || w == "plus")
      conj = true;
    else if (w != "," && w != "a" && w != "an" && w != "the" && w != "some" && w != "about")
      return false;
  }
  return conj;
}

bool is_np_stop(std::string_view w) {
  static constexpr std::string_view kStops[] = {
      "in",   "from", "at",   "on",   "for",  "since", "to",     "by",     "with",  "across",
      "during", "after", "before", "of", "over", "near", "among", "and",   "or",    "that",
      "which", "who",  "is",   "are",  "was",  "were",  "has",    "have",   "had",   "will",
      "would", "could", "may", "now",  "been", "had",   "put",    "said",   "says"};
  return std::find(std::begin(kStops), std::end(kStops), w) != std::end(kStops);
}

// The head of the noun phrase starting at token `from` (articles skipped),
// and one past it; {from, from} when none: "the number of [suspected cholera
// cases] in Marano" -> "cases".
std::pair<uint32_t, uint32_t> np_head(const SentenceView& sv, uint32_t from, uint32_t limit) {
  uint32_t t = from;
  while (t < limit && (sv.word(t) == "the" || sv.word(t) == "a" || sv.word(t) == "an")) ++t;
  uint32_t head = t, end = t;
  for (; t < limit; ++t) {
    const Token& tok = sv.doc.tokens[t].value;
    std::string w = sv.word(t);
    if (tok.kind != TokenKind::word || is_np_stop(w)) break;
    if (end > head && !predicate_class(w).empty() && w.ends_with("ed")) break;  // "people arrested"
    // "bodies recovered from the sea": a participle ends the phrase.
    if (end > head && (tok.pos == PosTag::VBN || tok.pos == PosTag::VBD || tok.pos == PosTag::VBG)) break;
    head = t;
    end = t + 1;
  }
  return {head, end};
}

// "Police on Thursday raised the death toll ... to 61", "The ministry put
// the number at 240": whoever gives a figure by revising or stating the
// reference noun at `noun` is its source, the subject of that verb. The
// subject is the clause's first noun phrase when it ends in a noun (not a
// pronoun, which the attribution layer resolves).
struct FigureGiver {
  std::string source;  // "" when there is none
  bool revises = false;
};
FigureGiver figure_giver(const SentenceView& sv, uint32_t clause_begin, uint32_t noun) {
  static constexpr std::string_view kGivers[] = {"raised", "raises", "revised", "revises", "lowered",
                                                 "lowers", "updated", "updates", "put", "puts"};
  constexpr uint32_t kMaxPhrase = 12;  // tokens of a noun phrase read, so long input stays linear
  const auto& tokens = sv.doc.tokens;
  uint32_t verb = noun;
  while (verb > clause_begin && noun - verb < kMaxPhrase && tokens[verb].value.chunk == ChunkType::NP &&
         !tokens[verb].value.chunk_begin)
    --verb;
  if (verb == clause_begin || std::find(std::begin(kGivers), std::end(kGivers), sv.word(--verb)) == std::end(kGivers))
    return {};
  uint32_t b = clause_begin;
  if (tokens[b].value.chunk != ChunkType::NP) return {};
  uint32_t e = b + 1;
  while (e < verb && e - b < kMaxPhrase && tokens[e].value.chunk == ChunkType::NP && !tokens[e].value.chunk_begin) ++e;
  PosTag head = tokens[e - 1].value.pos;
  if (head != PosTag::NN && head != PosTag::NNS && head != PosTag::NNP && head != PosTag::NNPS) return {};
  while (b < e && tokens[b].value.pos == PosTag::DT) ++b;
  if (b == e) return {};
  FigureGiver giver;
  giver.revises = is_revision_word(sv.word(verb));
  // A common noun is written lower case, as "police said" gives it.
  if (e - b == 1 && (head == PosTag::NN || head == PosTag::NNS))
    giver.source = sv.word(b);
  else
    giver.source = std::string(sv.doc[Span{tokens[b].span.begin, tokens[e - 1].span.end}]);
  return giver;
}

// Figures that name what they count only by reference: "the number of
// people arrested ... to 61", "put the number at 240", "the death toll has
// risen to 31", "cases have topped 1,600", "bringing the total to 10". The
// counted thing (and the predicate, where the phrase gives one) comes from
// that phrase, or from the figure it refers back to: the last earlier figure
// of this document that names one.
void resolve_reference(const SentenceView& sv, uint32_t figure, uint32_t clause_begin, size_t doc_index,
                       const std::vector<Claim>& earlier, Claim& c) {
  auto take_head = [&](uint32_t from, uint32_t limit) {
    auto [head, end] = np_head(sv, from, limit);
    if (end == head) return false;
    std::string w = sv.word(head);
    if (std::string_view cls = counted_noun_class(w); !cls.empty()) {
      c.predicate = std::string(cls);
      return true;
    }
    char buf[64];
    c.counted = std::string(singular_stem(w, buf, sizeof buf));
    c.counted_class = c.counted;
    // A participle after the head names the predicate: "people arrested".
    if (end < sv.end_token)
      if (std::string_view cls = predicate_class(sv.word(end)); !cls.empty()) c.predicate = std::string(cls);
    return true;
  };
  // "the police count of 41", "the official figure of 31": a figure cited as
  // someone else's, whose source is the word before the reference noun.
  auto cite = [&](uint32_t noun) {
    if (noun == sv.first_token) return;
    std::string who = sv.word(noun - 1);
    if (sv.doc.tokens[noun - 1].value.kind != TokenKind::word || who == "the" || who == "a" ||
        who == "death" || who == "this" || who == "that")
      return;
    c.cited_source = who;
  };
  auto give = [&](uint32_t noun) {
    if (!c.cited_source.empty()) return;
    FigureGiver giver = figure_giver(sv, clause_begin, noun);
    c.cited_source = giver.source;
    c.revises = c.revises || giver.revises;
  };
  for (uint32_t t = figure; t-- > clause_begin;) {
    std::string w = sv.word(t);
    if (w == "toll") {
      c.predicate = "casualty";
      if (t + 2 == figure && sv.word(t + 1) == "of") cite(t);
      give(t);
      return;
    }
    if (w != "number" && w != "total" && w != "figure" && w != "tally" && w != "count") continue;
    if (t + 2 == figure && sv.word(t + 1) == "of") cite(t);
    give(t);
    if (t + 1 < figure && sv.word(t + 1) == "of" && take_head(t + 2, figure)) return;
    // "the number on board", "the number missing": the words after the
    // noun say what is counted.
    if (t + 1 < figure) {
      std::string_view cls = t + 2 < figure ? predicate_class(sv.word(t + 1) + " " + sv.word(t + 2)) : "";
      if (cls.empty()) cls = predicate_class(sv.word(t + 1));
      if (!cls.empty()) {
        c.predicate = std::string(cls);
        return;
      }
    }
    for (auto it = earlier.rbegin(); it != earlier.rend() && it->doc == doc_index; ++it)
      if (it->quantity && (!it->counted.empty() || !it->predicate.empty())) {
        c.counted = it->counted;
        c.counted_class = it->counted_class;
        c.predicate = it->predicate;
        return;
      }
    return;
  }
  // A change verb before the figure: its subject is what is counted.
  if (!c.predicate.empty()) return;
  for (uint32_t t = figure; t-- > clause_begin;)
    if (is_revision_word(sv.word(t)) && sv.word(t) != "now") {
      take_head(clause_begin, t);
      return;
    }
}

}  // namespace

bool actors_compatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  std::string la = ascii_lower(a), lb = ascii_lower(b);
  if (la == lb) return true;
  const std::string& shorter = la.size() < lb.size() ? la : lb;
  const std::string& longer = la.size() < lb.size() ? lb : la;
  // "north korea" / "north korean": a demonym that extends its country's name.
  return shorter.size() >= 4 && longer.compare(0, shorter.size(), shorter) == 0 &&
         longer.size() - shorter.size() <= 3;
}

void extract_claims(const Document& doc, size_t doc_index, const EntityResolver& resolve,
                    std::vector<Claim>* out) {
  // Attribution sources are speakers, never actors or figures of what they
  // report ("one survivor said"). Sources sorted by begin, with the largest
  // end so far, answer "does any source overlap s" by one binary search.
  std::vector<Span> source_spans;
  std::vector<uint32_t> cue_ends;
  for (const auto& a : doc.attributions) {
    if (!a.value.source.empty()) source_spans.push_back(a.value.source);
    if (!a.value.cue.empty()) cue_ends.push_back(a.value.cue.end);
  }
  std::sort(cue_ends.begin(), cue_ends.end());
  std::sort(source_spans.begin(), source_spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::vector<uint32_t> max_source_end(source_spans.size());
  for (size_t i = 0; i < source_spans.size(); ++i)
    max_source_end[i] = std::max(source_spans[i].end, i ? max_source_end[i - 1] : 0);
  auto in_source = [&](Span s) {
    auto after = std::partition_point(source_spans.begin(), source_spans.end(),
                                      [&](Span src) { return src.begin < s.end; });
    size_t n = static_cast<size_t>(after - source_spans.begin());
    return n > 0 && max_source_end[n - 1] > s.begin;
  };

  Containing<Attribution> attribution_around(doc.attributions);
  Containing<Modality> modality_around(doc.modalities);
  size_t q = 0, tx = 0, ent = 0;  // cursors into layers sorted by begin
  // A run-on "sentence" is read in windows, so pairing its figures with
  // triggers, dates and entities stays bounded per window.
  for (const SentenceWindow& w : sentence_windows(doc, kMaxSentenceTokens)) {
    SentenceView sv{doc, w.span, w.first_token, w.end_token};
    // A dateline ("MWANZA, Tanzania — ") is neither actor nor event text.
    if (uint32_t body = dateline_end(doc, sv.first_token, sv.end_token); body != sv.first_token) {
      sv.first_token = body;
      sv.span.begin = doc.tokens[body].span.begin;
    }

    // Triggers: words of a predicate class.
    struct Trigger {
      uint32_t token;
      std::string cls;
    };
    std::vector<Trigger> triggers;
    bool title_case = is_title_case(sv);
    for (uint32_t t = sv.first_token; t < sv.end_token; ++t) {
      const Token& tok = doc.tokens[t].value;
      if (tok.kind != TokenKind::word) continue;
      // A capital inside running text starts a name ("March", "Fire Service").
      if (tok.capitalized && t > sv.first_token && !title_case) continue;
      std::string w = sv.word(t);
      // Two-word predicates first: "stopped work" is a strike, "stopped" alone is not.
      if (t + 1 < sv.end_token)
        if (std::string_view cls = predicate_class(w + " " + sv.word(t + 1)); !cls.empty()) {
          triggers.push_back({t, std::string(cls)});
          ++t;
          continue;
        }
      std::string_view cls = predicate_class(w);
      if (!cls.empty()) triggers.push_back({t, std::string(cls)});
    }

    // Layer items inside this sentence.
    while (q < doc.quantities.size() && doc.quantities[q].span.begin < sv.span.begin) ++q;
    while (tx < doc.times.size() && doc.times[tx].span.begin < sv.span.begin) ++tx;
    while (ent < doc.entities.size() && doc.entities[ent].span.begin < sv.span.begin) ++ent;
    std::vector<const Annotation<Timex>*> dates;
    for (size_t i = tx; i < doc.times.size() && doc.times[i].span.begin < sv.span.end; ++i)
      if (doc.times[i].value.type == TimexType::date || doc.times[i].value.type == TimexType::time)
        dates.push_back(&doc.times[i]);
    std::vector<const Annotation<EntityMention>*> entities;
    for (size_t i = ent; i < doc.entities.size() && doc.entities[i].span.begin < sv.span.end; ++i)
      if (is_agent(doc.entities[i].value.type) && !in_source(doc.entities[i].span))
        entities.push_back(&doc.entities[i]);
    std::vector<const Annotation<Quantity>*> figures;
    for (size_t i = q; i < doc.quantities.size() && doc.quantities[i].span.begin < sv.span.end; ++i)
      figures.push_back(&doc.quantities[i]);

    auto nearest_date = [&](Span anchor) -> const Annotation<Timex>* {
      const Annotation<Timex>* best = nullptr;
      int64_t best_d = 0;
      for (const auto* d : dates) {
        if (!parse_time_range(d->value.value)) continue;
        if (in_other_relative_clause(sv, d->span, anchor)) continue;
        int64_t dist = d->span.begin >= anchor.end ? d->span.begin - anchor.end
                       : anchor.begin >= d->span.end ? anchor.begin - d->span.end : 0;
        if (!best || dist < best_d) best = d, best_d = dist;
      }
      return best;
    };
    // The last entity before `anchor` that can act: not a place phrase, and
    // inside the attributed text when `claim` is attributed ("Reuters quoted
    // the office as saying the ferry carried ..." is not about Reuters).
    auto actor_before = [&](Span anchor, Span claim) -> std::string {
      const auto* content = attribution_around.smallest(claim);
      for (auto it = entities.rbegin(); it != entities.rend(); ++it) {
        const auto& e = **it;
        if (e.span.end > anchor.begin || is_place_phrase(sv, e) || is_noun_modifier(sv, e)) continue;
        if (content && !content->span.contains(e.span)) break;
        return resolve(e.value.canonical);
      }
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
      if (const auto* a = attribution_around.smallest(anchor)) {
        c.source = resolve(a->value.source_name.empty() ? std::string(doc[a->value.source])
                                                        : a->value.source_name);
        c.source_key = primary_source_key(a->value.affiliation.empty() ? c.source : resolve(a->value.affiliation));
        c.via = a->value.via;
        c.source_span = a->value.source;
      }
      if (const auto* m = modality_around.smallest(anchor)) {
        c.modality = modality_name(m->value.kind);
        ModalityKind kind = m->value.kind;
        // The possibility must govern the figure: a modal shortly before it
        // ("could rise to nearly 100"), not one elsewhere in a long clause
        // ("demanded 4 million dollars, ..., as it emerged that records may
        // have been taken") or after a subject ("300,000 may have been").
        // "may have been carrying" doubts the past; it projects nothing.
        constexpr uint32_t kModalReach = 48;  // bytes
        Span t = m->value.trigger;
        size_t next = doc.tokens.first_ending_after(t.end);
        bool perfect = next < doc.tokens.size() && ascii_lower(doc[doc.tokens[next].span]) == "have";
        c.projected = kind == ModalityKind::conditional ||
                      (kind == ModalityKind::hedged && t.end <= anchor.begin && anchor.begin - t.end <= kModalReach &&
                       is_possibility_word(ascii_lower(doc[t])) && !perfect);
      }
    };

    // Quantity claims: first the figures that are reports, with their token
    // extents, so each can look for its verb without crossing its neighbours.
    struct Figure {
      const Annotation<Quantity>* ann;
      uint32_t first, end;  // the figure's tokens
      uint32_t np_end;      // one past its counted noun phrase (= end when none)
    };
    std::vector<Figure> kept;
    for (const auto* fig : figures) {
      const Quantity& qv = fig->value;
      if (!is_claim(qv)) continue;  // calibres, model names, ordinals, ages
      if (in_source(fig->span)) continue;
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
      Figure f{fig, sv.token_at(fig->span.begin), sv.token_at(fig->span.end - 1) + 1, 0};
      f.np_end = f.end;
      if (!qv.counted_span.empty() && qv.counted_span.begin >= fig->span.end)
        f.np_end = std::max(f.end, sv.token_at(qv.counted_span.end - 1) + 1);
      kept.push_back(f);
    }

    size_t first_claim = out->size();
    for (size_t k = 0; k < kept.size(); ++k) {
      const Figure& fg = kept[k];
      const auto* fig = fg.ann;
      const Quantity& qv = fig->value;
      Claim c;
      c.doc = doc_index;
      c.sentence = sv.span;
      c.quantity = &qv;
      c.quantity_span = fig->span;
      char buf[64];
      c.counted = std::string(singular_stem(ascii_lower(qv.counted), buf, sizeof buf));
      c.counted_class = qv.counted_class.empty() ? c.counted : qv.counted_class;
      c.is_delta = qv.is_delta;
      uint32_t qt = fg.first;
      // "the first 200,000 doses arrived": a first batch is part of a total.
      // ("4,000 of the 11,000 troops were killed" is a whole count of the
      // killed, so part_of does not make a part here.)
      c.is_part = qt > sv.first_token && sv.word(qt - 1) == "first";
      // "4,500 of them children", "three of them seriously": a part of the
      // figure before.
      if (fg.end + 1 < sv.end_token && sv.word(fg.end) == "of" &&
          (sv.word(fg.end + 1) == "them" || sv.word(fg.end + 1) == "whom" || sv.word(fg.end + 1) == "those"))
        c.is_part = true;
      c.rate = rate_after(sv, fg.np_end);
      uint32_t rev_lo = qt >= sv.first_token + kRevisionBefore ? qt - kRevisionBefore : sv.first_token;
      uint32_t rev_hi = std::min(sv.end_token, fg.np_end + kRevisionAfter);
      for (uint32_t t = rev_lo; t < rev_hi && !c.revises; ++t) c.revises = is_revision_word(sv.word(t));

      // The figure's own verb. Its clause runs from the previous figure (or
      // clause break) to the next one; a figure that is a subject ("4,000
      // residents were evacuated") takes the first predicate after it, an
      // object ("deployed 600 soldiers") the nearest one before it.
      uint32_t before_lo = qt >= sv.first_token + kPredicateBefore ? qt - kPredicateBefore : sv.first_token;
      if (k > 0) before_lo = std::max(before_lo, kept[k - 1].np_end);
      uint32_t after_hi = std::min(sv.end_token, fg.np_end + kPredicateAfter);
      if (k + 1 < kept.size()) after_hi = std::min(after_hi, kept[k + 1].first);
      uint32_t clause_begin = k > 0 ? kept[k - 1].np_end : sv.first_token;
      for (uint32_t t = clause_begin; t < qt; ++t)
        if (is_clause_break(sv, t)) clause_begin = t + 1;
      before_lo = std::max(before_lo, clause_begin);
      for (uint32_t t = fg.np_end; t < after_hi; ++t)
        if (is_clause_break(sv, t)) after_hi = t;
      auto trigger_in = [&](uint32_t lo, uint32_t hi, bool nearest_last) -> const Trigger* {
        const Trigger* found = nullptr;
        for (const auto& tr : triggers)
          if (tr.token >= lo && tr.token < hi && (nearest_last || !found)) found = &tr;
        return found;
      };
      const Trigger* before = trigger_in(before_lo, qt, true);
      const Trigger* after = trigger_in(fg.np_end, after_hi, false);
      bool subject = fg.np_end < sv.end_token &&
                     (is_verb_start(sv, fg.np_end) || opens_subordinate_clause(sv, qt, fg.np_end));
      const Trigger* best = subject ? after : (before ? before : after);
      // "mourning for the 27 people killed": a participle right after the
      // counted phrase says what happened to them, whatever verb governs it.
      if (!subject && after && after->token == fg.np_end && fg.np_end > fg.end && sv.word(after->token).ends_with("ed"))
        best = after;
      // "licensed to carry 100", "a capacity of 100": what may be, not what is.
      for (const auto& tr : triggers)
        if (tr.cls == "capacity" && tr.token >= before_lo && tr.token < after_hi) best = &tr;
      // Coordinated objects share their verb: "deployed 1,200 firefighters and eight aircraft".
      if (!before && !subject && k > 0 && coordinated(sv, kept[k - 1].np_end, qt)) {
        const Claim& prev = (*out)[first_claim + k - 1];
        c.trigger = prev.trigger;
        c.predicate = prev.predicate;
      } else if (best) {
        c.trigger = doc.tokens[best->token].span;
        c.predicate = best->cls;
      }
      // "Homes lost as fire grows": a change verb is a predicate only of the
      // change itself ("rose by 3%"); "risen to 31" is resolved below.
      if (c.predicate == "rise" && !(qt > sv.first_token && sv.word(qt - 1) == "by")) c.predicate.clear();
      // "the 480-metre bridge": a measure glued to the noun it describes is
      // a dimension of that noun, not what the verb did.
      bool dimension = qv.kind == QuantityKind::measure && doc[fig->span].find('-') != std::string_view::npos &&
                       fg.end < sv.end_token && doc.tokens[fg.end].value.kind == TokenKind::word;
      if (is_reading_unit(qv.unit) || is_position(sv, qv, fg.end) || dimension) c.predicate.clear();
      bool share_won = is_share_won(sv, qv, qt, fg.end);
      if (share_won) {
        c.predicate = "win";
        // "took": the winner is the subject of the word before the share.
        if (c.trigger.empty() && qt > sv.first_token) c.trigger = doc.tokens[qt - 1].span;
      }
      std::string counted_head = qv.counted_span.empty() ? "" : last_word_lower(doc[qv.counted_span]);
      std::string_view noun_cls = counted_noun_class(ascii_lower(qv.counted));
      if (noun_cls.empty()) noun_cls = counted_noun_class(counted_head);
      // "the bodies of 17 people", "the remains of 12 soldiers": the dead.
      if (noun_cls.empty() && qt >= sv.first_token + 2 && sv.word(qt - 1) == "of" &&
          (sv.word(qt - 2) == "bodies" || sv.word(qt - 2) == "remains"))
        noun_cls = "casualty";
      if (!noun_cls.empty()) {
        // "casualties", "deaths", "arrests" say what happened, not who: the
        // noun is the predicate and any counted thing matches.
        c.predicate = std::string(noun_cls);
        c.counted_class.clear();
        c.counted.clear();
        // "Of the 27 dead, 21 were women", "Five of the nine dead were
        // passengers": a part of the dead named by no verb of its own is a
        // subset of the toll, not a count of the dead.
        if (qv.part_of && !best && *qv.part_of > qv.value) c.is_part = true;
      }
      // People counted as killed or wounded: the predicate says so, any
      // person noun may name them.
      if (c.predicate == "casualty" && c.counted_class == "casualties") c.counted_class.clear();
      for (const auto* e : entities)
        if (!qv.counted_span.empty() && e->span.overlaps(qv.counted_span)) {
          c.actor = resolve(e->value.canonical);
          break;
        }
      if (c.actor.empty() && ((best && best->token < qt) || (share_won && c.trigger.end <= fig->span.begin)))
        c.actor = actor_before(c.trigger, fig->span);
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
      if (c.counted.empty() && c.counted_class.empty() && qv.unit.empty())
        resolve_reference(sv, fg.first, clause_begin, doc_index, *out, c);
      // A span of time no predicate governs ("three days of mourning",
      // "within a week") is when or how long, not a figure anyone reports.
      if (c.predicate.empty() && is_duration_unit(qv.unit)) continue;
      set_date(c, nearest_date(fig->span));
      fill_context(c, fig->span);
      if (!c.cited_source.empty()) {
        c.source = resolve(c.cited_source);
        c.source_key = primary_source_key(c.source);
        c.via.clear();
      }
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
      if (dates_the_cue(sv, cue_ends, *dates[di])) continue;
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
      c.sentence = sv.span;
      c.trigger = doc.tokens[tr.token].span;
      c.predicate = tr.cls;
      c.actor = actor_before(c.trigger, c.trigger);
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
