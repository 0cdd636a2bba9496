#include "nlp/entity/entity.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nlp/entity/clusters.h"
#include "nlp/entity/gazetteer.h"
#include "nlp/entity/names.h"
#include "nlp/entity/ner_model.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

// A mention over tokens [first, end) while rules are still at work.
struct Draft {
  uint32_t first = 0;
  uint32_t end = 0;
  EntityType type = EntityType::misc;
  std::string canonical;
  double confidence = 1;
  bool metonym = false;
  bool dropped = false;
};

EntityType type_of_ner(int ner_type) {
  switch (ner_type) {
    case 1: return EntityType::person;
    case 2: return EntityType::organization;
    case 3: return EntityType::location;
    default: return EntityType::misc;
  }
}

// Words after a place name that show it acting as its government.
bool is_agent_verb(std::string_view lower) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "has",     "have",     "had",     "is",        "was",     "will",    "would",
      "could",   "may",      "might",   "must",      "should",  "says",    "said",
      "denies",  "sent",     "sends",   "wants",     "plans",   "hopes",   "insists",
      "warns",   "claims",   "accuses", "refuses",   "rejects", "sees",    "needs",
      "told",    "did",      "does",    "also",      "estimates", "believes", "thinks",
      "expects", "reports",  "confirms", "maintains", "argues", "announces", "continues",
      "considers"};
  return kVerbs.count(lower) > 0 || (lower.size() > 4 && lower.ends_with("ed"));
}

// Words before a place name that make it a place ("troops in Moscow").
bool is_locative(std::string_view lower) {
  return lower == "in" || lower == "to" || lower == "from" || lower == "at" || lower == "near" ||
         lower == "into" || lower == "inside" || lower == "outside" || lower == "of" ||
         lower == "across" || lower == "around" || lower == "toward" || lower == "towards" ||
         lower == "via" || lower == "between" || lower == "through" || lower == "visited" ||
         lower == "visit" || lower == "over" || lower == "left" || lower == "reached";
}

// Prepositions that put something physically at a place.
bool is_physical_preposition(std::string_view lower) {
  return lower == "in" || lower == "at" || lower == "inside" || lower == "outside" ||
         lower == "near" || lower == "to" || lower == "from" || lower == "into";
}

bool is_possessive(std::string_view w) { return w == "'s" || w == "\xE2\x80\x99s" || w == "'"; }

// A word that can be part of a name: capitalized, or a lower-case particle
// joined to a capitalized part ("el-Sisi", "al-Assad").
bool name_like(std::string_view w) {
  if (starts_upper(w)) return true;
  for (size_t i = 0; i + 1 < w.size(); ++i)
    if (w[i] == '-' && starts_upper(w.substr(i + 1))) return true;
  return false;
}

// Confidence from the tagger's score margin (in averaged-weight units):
// piecewise linear through the precision of tagged mentions by margin on
// CoNLL-2003 eng.testa (margin < 1: 0.29, 2-4: 0.48, 4-8: 0.50, 8-16: 0.66,
// 16 and up: 0.94).
double margin_confidence(float margin) {
  static const double kPoints[][2] = {{0, 0.3}, {3, 0.45}, {6, 0.5}, {12, 0.66}, {24, 0.94}};
  double m = std::max(0.0, static_cast<double>(margin));
  for (size_t i = 1; i < std::size(kPoints); ++i) {
    if (m <= kPoints[i][0]) {
      double t = (m - kPoints[i - 1][0]) / (kPoints[i][0] - kPoints[i - 1][0]);
      return kPoints[i - 1][1] + t * (kPoints[i][1] - kPoints[i - 1][1]);
    }
  }
  return std::min(0.97, 0.94 + (m - 24) / 1000);
}

class EntityTagger : public Component {
 public:
  EntityTagger(Gazetteer gazetteer, WordClusters clusters, Gazetteer names, NerModel model)
      : gazetteer_(std::move(gazetteer)),
        clusters_(std::move(clusters)),
        names_(std::move(names)),
        model_(std::move(model)) {}
  const char* name() const override { return "entity"; }
  void process(Document& doc) const override;

 private:
  Gazetteer gazetteer_;
  WordClusters clusters_;
  Gazetteer names_;  // name lists, tagger evidence only
  NerModel model_;
};

// Per-document working state for the rules below.
struct Work {
  const Document& doc;
  std::vector<std::string_view> words;
  std::string lower_text;          // the text with ASCII letters lower-cased
  std::vector<int32_t> owner;      // per token: index of the draft covering it, -1 none
  std::vector<Draft> drafts;

  explicit Work(const Document& d) : doc(d) {}
  size_t size() const { return words.size(); }
  std::string_view low(size_t i) const { return doc.tokens[i].span.of(lower_text); }
  std::string text(uint32_t first, uint32_t end) const {
    if (first >= end) return "";
    return std::string(doc.text.substr(doc.tokens[first].span.begin,
                                       doc.tokens[end - 1].span.end - doc.tokens[first].span.begin));
  }
  bool free(uint32_t first, uint32_t end) const {
    for (uint32_t i = first; i < end; ++i)
      if (owner[i] >= 0) return false;
    return true;
  }
  void claim(size_t d) {
    for (uint32_t i = drafts[d].first; i < drafts[d].end; ++i) owner[i] = static_cast<int32_t>(d);
  }
  void release(size_t d) {
    for (uint32_t i = drafts[d].first; i < drafts[d].end; ++i)
      if (owner[i] == static_cast<int32_t>(d)) owner[i] = -1;
  }
  void drop(size_t d) {
    release(d);
    drafts[d].dropped = true;
  }
  size_t add(Draft draft) {
    drafts.push_back(std::move(draft));
    claim(drafts.size() - 1);
    return drafts.size() - 1;
  }
  // Drops every draft overlapping [first, end).
  void clear(uint32_t first, uint32_t end) {
    for (uint32_t i = first; i < end; ++i)
      if (owner[i] >= 0) drop(static_cast<size_t>(owner[i]));
  }
};

// A Title Case Headline: no lower-case word of four letters or more, and
// capitalized words that running text writes in lower case: a small word
// ("To", "As", "Says") or two words the document also writes in lower case.
// `lower_words` (words written in lower case anywhere) is filled on first use.
bool is_title_case(const Work& w, uint32_t b, uint32_t e,
                   std::unordered_set<std::string_view>& lower_words) {
  static const std::unordered_set<std::string_view> kSmallWords = {
      "to", "as", "in", "on", "for", "with", "and", "of", "the", "a", "at", "from", "after",
      "over", "by", "amid", "into", "than", "says", "say", "is", "are", "more", "new"};
  uint32_t words = 0, all_caps = 0;
  for (uint32_t i = b; i < e; ++i) {
    const Token& t = w.doc.tokens[i].value;
    if (t.kind != TokenKind::word) continue;
    ++words;
    all_caps += t.all_caps;
    std::string_view word = w.words[i];
    if (word.size() >= 4 && word[0] >= 'a' && word[0] <= 'z') return false;
  }
  if (words < 4 || all_caps * 2 >= words) return false;
  if (lower_words.empty())
    for (uint32_t i = 0; i < w.size(); ++i)
      if (w.words[i][0] >= 'a' && w.words[i][0] <= 'z') lower_words.insert(w.words[i]);
  int evidence = 0;
  for (uint32_t i = b + 1; i < e; ++i) {
    const Token& t = w.doc.tokens[i].value;
    if (!t.capitalized || t.all_caps) continue;
    if (kSmallWords.count(w.low(i))) evidence += 2;
    else if (lower_words.count(w.low(i))) ++evidence;
  }
  return evidence >= 2;
}

// In a Title Case Headline capitalization says nothing and the tagger runs
// names together ("North Korea Sends More Troops"). There, only names the
// document's body uses and known places stand.
void apply_title_case(Work& w, const std::vector<std::pair<uint32_t, uint32_t>>& sentences,
                      const std::vector<GazetteerMatch>& matches) {
  std::vector<bool> title(w.size(), false);
  std::unordered_set<std::string_view> lower_words;
  bool any = false;
  for (auto [b, e] : sentences)
    if (is_title_case(w, b, e, lower_words)) {
      for (uint32_t i = b; i < e; ++i) title[i] = true;
      any = true;
    }
  if (!any) return;
  // Names as the body writes them, by their text.
  std::unordered_map<std::string, EntityType> body;
  for (const Draft& d : w.drafts)
    if (!d.dropped && !title[d.first]) body.emplace(w.text(d.first, d.end), d.type);
  for (size_t d = 0; d < w.drafts.size(); ++d)
    if (!w.drafts[d].dropped && title[w.drafts[d].first]) w.drop(d);
  // Countries, capitals, seats of power and demonyms; not every town, since
  // "As" and "Tours" are towns too.
  for (const auto& m : matches) {
    uint8_t kinds = m.entry->kinds;
    if (!title[m.begin] || !w.free(m.begin, m.end)) continue;
    if (kinds & (kGazCountry | kGazMetonym))
      w.add(Draft{m.begin, m.end, EntityType::location, "", 0.8});
    else if (kinds & kGazNationality)
      w.add(Draft{m.begin, m.end, EntityType::nationality, "", 0.8});
  }
  for (uint32_t i = 0; i < w.size(); ++i) {
    if (!title[i] || !starts_upper(w.words[i])) continue;
    for (uint32_t n = std::min<uint32_t>(6, static_cast<uint32_t>(w.size()) - i); n >= 1; --n) {
      if (!title[i + n - 1] || !w.free(i, i + n)) continue;
      auto it = body.find(w.text(i, i + n));
      if (it == body.end()) continue;
      w.add(Draft{i, i + n, it->second, "", 0.8});
      i += n - 1;
      break;
    }
  }
}

// Grows names over what the tagger tends to cut: a particle inside a person's
// name ("Mohammed bin Salman"), "of ..." ending an organization's name
// ("Joint Chiefs" + "of Staff") and "of" + the place an organization is named
// for ("Patriotic Union" + "of Kurdistan").
void extend_names(Work& w) {
  // An untagged "Mohammed bin Salman".
  for (uint32_t i = 0; i + 2 < w.size(); ++i) {
    if (!starts_upper(w.words[i]) || !is_name_particle(w.words[i + 1]) ||
        !starts_upper(w.words[i + 2]))
      continue;
    bool open = true;
    for (uint32_t k = i; k < i + 3; ++k)
      if (w.owner[k] >= 0 && w.drafts[w.owner[k]].type != EntityType::person) open = false;
    if (!open) continue;
    w.clear(i, i + 3);
    w.add(Draft{i, i + 3, EntityType::person, "", 0.75});
  }
  for (size_t d = 0; d < w.drafts.size(); ++d) {
    Draft& m = w.drafts[d];
    if (m.dropped || m.type == EntityType::nationality) continue;
    for (;;) {
      uint32_t e = m.end;
      if (e + 1 >= w.size() || !starts_upper(w.words[e + 1])) break;
      std::string_view link = w.low(e);
      uint32_t stop = e + 1;
      if (m.type == EntityType::person && is_name_particle(link)) {
        stop = e + 2;
      } else if (int32_t place = w.owner[e + 1];
                 link == "of" && place >= 0 && w.drafts[place].first == e + 1 &&
                 w.drafts[place].type == EntityType::location &&
                 (m.type == EntityType::organization || is_organization_head(w.low(e - 1)))) {
        // An organization named for its place ("Patriotic Union" + "of
        // Kurdistan", "Central Bank" + "of Kenya"): the place is part of
        // the name, not a separate actor.
        stop = w.drafts[place].end;
        m.type = EntityType::organization;
      } else if (link == "of" || link == "for") {
        while (stop < w.size() && stop - e <= 4 && starts_upper(w.words[stop])) ++stop;
        if (!is_organization_head(w.low(stop - 1))) break;
        m.type = EntityType::organization;
      } else {
        break;
      }
      // An organization's head word outweighs how the tagger read the
      // words after "of"; a particle joins only an untagged or person name.
      bool free = true;
      for (uint32_t k = e; k < stop; ++k)
        if (w.owner[k] >= 0 && w.drafts[w.owner[k]].type != m.type &&
            m.type == EntityType::person)
          free = false;
      if (!free) break;
      w.clear(e, stop);
      w.release(d);
      m.end = stop;
      w.claim(d);
    }
  }
}

// "President Vladimir Putin" as tagged -> "Vladimir Putin"; and an untagged
// capitalized run after a title ("analyst Maria Novak") becomes a person.
void apply_titles(Work& w, const std::vector<std::pair<uint32_t, uint32_t>>& sentences) {
  for (size_t d = 0; d < w.drafts.size(); ++d) {
    Draft& m = w.drafts[d];
    if (m.dropped || m.type != EntityType::person) continue;
    uint32_t first = m.first;
    while (first + 1 < m.end && is_title_word(w.low(first))) ++first;
    if (first != m.first) {
      w.release(d);
      m.first = first;
      w.claim(d);
    }
  }
  for (auto [b, e] : sentences) {
    for (uint32_t i = b; i + 1 < e; ++i) {
      if (title_word(w.low(i)) != TitleWord::head || !starts_upper(w.words[i + 1])) continue;
      uint32_t end = i + 1;
      while (end < e && end - (i + 1) < 4 && name_like(w.words[end]) &&
             !is_title_word(w.low(end)) && !is_acronym(w.words[end]))
        ++end;
      if (end == i + 1) continue;
      // A name tagged across the title into the run ("Ports Authority
      // Director Anna Berg") ends before the title; the run is the person.
      if (int32_t o = w.owner[i]; o >= 0) {
        Draft& d = w.drafts[o];
        if (d.end <= i + 1) continue;
        w.release(o);
        d.end = i;
        if (d.first >= d.end) d.dropped = true;
        else w.claim(o);
      }
      w.clear(i + 1, end);
      w.add(Draft{i + 1, end, EntityType::person, "", 0.85});
      i = end - 1;
    }
  }
}

// Demonyms become nationalities of their state; known places get their
// canonical name; capitals and seats of power used as agents stand for their
// state.
void apply_gazetteer(Work& w, const std::vector<GazetteerMatch>& matches) {
  for (const auto& m : matches) {
    const GazetteerEntry& e = *m.entry;
    int32_t o = w.owner[m.begin];
    bool exact = o >= 0 && w.drafts[o].first == m.begin && w.drafts[o].end == m.end;
    if (e.kinds & kGazNationality) {
      if (exact && w.drafts[o].type != EntityType::misc &&
          w.drafts[o].type != EntityType::nationality)
        continue;
      if (!exact && !w.free(m.begin, m.end)) continue;
      if (exact) w.drop(static_cast<size_t>(o));
      w.add(Draft{m.begin, m.end, EntityType::nationality, e.nationality, 0.95});
      continue;
    }
    if (!(e.kinds & kGazLocation)) continue;  // names only the tagger uses
    if (!exact && !w.free(m.begin, m.end)) continue;
    if (!exact) {
      // Untagged: trust only countries and seats of power.
      if (!(e.kinds & (kGazCountry | kGazMetonym))) continue;
      w.add(Draft{m.begin, m.end, EntityType::location, "", 0.7});
      o = static_cast<int32_t>(w.drafts.size() - 1);
    }
    Draft& d = w.drafts[o];
    // A country or capital is a person only in a name ("Georgia Smith").
    if (d.type == EntityType::person &&
        (m.end - m.begin != d.end - d.first || !(e.kinds & (kGazCountry | kGazMetonym))))
      continue;
    if (e.kinds & kGazMetonym) {
      uint32_t before = m.begin;
      if (before > 0 && w.low(before - 1) == "the") --before;
      std::string_view prev = before > 0 ? w.low(before - 1) : std::string_view();
      bool possessive = m.end < w.size() && is_possessive(w.words[m.end]);
      bool verb = m.end < w.size() && w.words[m.end][0] >= 'a' && w.words[m.end][0] <= 'z' &&
                  is_agent_verb(w.low(m.end));
      // "Moscow's envoy", "Pyongyang has sent": the state acts or owns. A
      // seat of power stands for its government unless it is a place to be
      // in ("inside the Kremlin").
      bool agent = possessive || (verb && !is_locative(prev)) ||
                   ((e.kinds & kGazSeat) && !is_physical_preposition(prev));
      if (agent) {
        d.type = EntityType::location;
        d.canonical = e.metonym_of;
        d.metonym = true;
        continue;
      }
    }
    if (d.type == EntityType::location || (e.kinds & kGazCountry)) {
      d.type = EntityType::location;
      d.canonical = e.location;
    }
  }
}

// "National Intelligence Service (NIS)" and "JCS, the Joint Chiefs of
// Staff": the acronym, wherever it appears, is the defined entity. A
// capitalized run whose initials spell the acronym is the definition even
// when the tagger missed or cut it.
void apply_acronyms(Work& w) {
  struct Definition {
    EntityType type;
    std::string canonical;
  };
  std::unordered_map<std::string, Definition> defined;
  for (uint32_t i = 1; i + 2 < w.size(); ++i) {
    if (w.words[i] != "(" || w.words[i + 2] != ")" || !is_acronym(w.words[i + 1])) continue;
    std::string acronym(w.words[i + 1]);
    if (defined.count(acronym)) continue;
    // Read initials backwards from the parenthesis.
    size_t letter = acronym.size();
    uint32_t first = i;
    while (first > 0 && letter > 0 && i - first < 12) {
      std::string_view word = w.words[first - 1];
      if (is_name_function_word(w.low(first - 1))) {
        --first;
        continue;
      }
      if (!starts_upper(word) || word[0] != acronym[letter - 1]) break;
      --letter;
      --first;
    }
    while (first < i && is_name_function_word(w.low(first))) ++first;
    int32_t o = w.owner[i - 1];
    if (letter == 0 && first < i) {
      EntityType type = EntityType::organization;
      if (o >= 0 && w.drafts[o].first == first && w.drafts[o].end == i &&
          w.drafts[o].type != EntityType::misc && w.drafts[o].type != EntityType::nationality)
        type = w.drafts[o].type;
      w.clear(first, i);
      size_t d = w.add(Draft{first, i, type, w.text(first, i), 0.9});
      defined[acronym] = {type, w.drafts[d].canonical};
    } else if (o >= 0 && w.drafts[o].end == i && w.drafts[o].type != EntityType::nationality) {
      // "Islamic State (ISIS)": the tagged name before the parenthesis.
      const Draft& d = w.drafts[o];
      defined[acronym] = {d.type == EntityType::misc ? EntityType::organization : d.type,
                          d.canonical.empty() ? w.text(d.first, d.end) : d.canonical};
    }
  }
  // "JCS, the Joint Chiefs of Staff": the name after the acronym.
  for (uint32_t i = 0; i + 3 < w.size(); ++i) {
    if (!is_acronym(w.words[i]) || w.words[i + 1] != "," || w.low(i + 2) != "the") continue;
    std::string acronym(w.words[i]);
    if (defined.count(acronym)) continue;
    size_t letter = 0;
    uint32_t end = i + 3;
    while (end < w.size() && letter < acronym.size() && end - i < 14) {
      if (is_name_function_word(w.low(end)) && end > i + 3) {
        ++end;
        continue;
      }
      if (!starts_upper(w.words[end]) || w.words[end][0] != acronym[letter]) break;
      ++letter;
      ++end;
    }
    if (letter != acronym.size()) continue;
    int32_t o = w.owner[i + 3];
    EntityType type = EntityType::organization;
    if (o >= 0 && w.drafts[o].first == i + 3 && w.drafts[o].end == end &&
        w.drafts[o].type != EntityType::misc && w.drafts[o].type != EntityType::nationality)
      type = w.drafts[o].type;
    w.clear(i + 3, end);
    size_t d = w.add(Draft{i + 3, end, type, w.text(i + 3, end), 0.9});
    defined[acronym] = {type, w.drafts[d].canonical};
  }
  if (defined.empty()) return;
  for (uint32_t i = 0; i < w.size(); ++i) {
    if (!is_acronym(w.words[i])) continue;
    auto it = defined.find(std::string(w.words[i]));
    if (it == defined.end()) continue;
    int32_t o = w.owner[i];
    if (o >= 0 && (w.drafts[o].first != i || w.drafts[o].end != i + 1)) continue;
    if (o >= 0) w.drop(static_cast<size_t>(o));
    w.add(Draft{i, i + 1, it->second.type, it->second.canonical, 0.9});
  }
}

// Ships: "MV Nyamagana", "HMS Victory" and "the tanker Calder Star" name a
// vessel, which news treats as an actor (it sinks, collides, leaks, is
// seized), whatever the tagger read: often MISC, or one type per mention.
// Every mention of the name in the document becomes one organization, so the
// claims stage sees one agent. The canonical name is the first written with
// a prefix ("MV Nyamagana"), else the bare name. A state or demonym after a
// ship noun is the ship's flag or captor ("the tanker Iran seized"), not its
// name.
void apply_vessels(Work& w, const std::vector<GazetteerMatch>& matches) {
  // Per token: inside a state or demonym; filled at the first ship noun, as
  // most documents have none.
  std::vector<uint8_t> state;
  auto is_state = [&](uint32_t i) {
    if (state.empty()) {
      state.assign(w.size(), 0);
      for (const auto& m : matches)
        if (m.entry->kinds & (kGazCountry | kGazMetonym | kGazSeat | kGazNationality))
          for (uint32_t k = m.begin; k < m.end; ++k) state[k] = 1;
    }
    return state[i] != 0;
  };
  auto has_lower = [](std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
  };
  struct Ship {
    std::vector<std::string_view> words;  // the bare name
    std::string canonical;
    bool prefixed = false;
  };
  std::vector<Ship> ships;
  std::unordered_map<std::string, size_t> by_name;  // bare name -> ship
  for (uint32_t i = 0; i + 1 < w.size(); ++i) {
    bool prefix = is_vessel_prefix(w.words[i]);
    if (!prefix && !(!starts_upper(w.words[i]) && is_vessel_noun(w.low(i)))) continue;
    if (!prefix && is_state(i + 1)) continue;
    // The name: up to four capitalized words, not all in capitals (a
    // headline's "MV NYAMAGANA SINKS" runs into its verb), no title.
    uint32_t end = i + 1;
    bool lower_seen = false;
    while (end < w.size() && end - i <= 4 && name_like(w.words[end]) &&
           !is_title_word(w.low(end))) {
      lower_seen |= has_lower(w.words[end]);
      ++end;
    }
    if (end == i + 1 || !lower_seen) continue;
    std::string bare = w.text(i + 1, end);
    auto [it, added] = by_name.emplace(bare, ships.size());
    if (added) ships.push_back({{w.words.begin() + i + 1, w.words.begin() + end}, bare, false});
    Ship& ship = ships[it->second];
    if (prefix && !ship.prefixed) {
      ship.canonical = w.text(i, end);
      ship.prefixed = true;
    }
    i = end - 1;
  }
  if (ships.empty()) return;
  std::unordered_map<std::string_view, std::vector<size_t>> by_first;
  for (size_t k = 0; k < ships.size(); ++k) by_first[ships[k].words[0]].push_back(k);
  for (uint32_t i = 0; i < w.size(); ++i) {
    auto it = by_first.find(w.words[i]);
    if (it == by_first.end()) continue;
    const Ship* found = nullptr;
    for (size_t k : it->second) {
      const Ship& ship = ships[k];
      if (i + ship.words.size() > w.size() ||
          (found && found->words.size() >= ship.words.size()) ||
          !std::equal(ship.words.begin(), ship.words.end(), w.words.begin() + i))
        continue;
      found = &ship;
    }
    if (!found) continue;
    auto end = static_cast<uint32_t>(i + found->words.size());
    // Inside a longer name ("Victory Day" beside "HMS Victory") it is not
    // the ship.
    bool prefixed = i > 0 && is_vessel_prefix(w.words[i - 1]);
    if ((end < w.size() && starts_upper(w.words[end]) && !is_title_word(w.low(end))) ||
        (i > 0 && !prefixed && name_like(w.words[i - 1]) &&
         !is_name_function_word(w.low(i - 1))))
      continue;
    uint32_t first = prefixed ? i - 1 : i;
    w.clear(first, end);
    w.add(Draft{first, end, EntityType::organization, found->canonical, 0.9});
    i = end - 1;
  }
}

// "Kim" after "Kim Jong Un", "Putin" after "Vladimir Putin": the single name
// takes the full name of the nearest earlier person it is the first or last
// word of (or the first later one, for a headline). Untagged occurrences of
// such a name become mentions too.
void apply_person_coreference(Work& w) {
  struct FullName {
    uint32_t at;
    std::string first, last, canonical;
  };
  std::vector<FullName> names;
  for (const Draft& d : w.drafts) {
    if (d.dropped || d.type != EntityType::person || d.end - d.first < 2) continue;
    names.push_back({d.first, std::string(w.words[d.first]), std::string(w.words[d.end - 1]),
                     d.canonical.empty() ? w.text(d.first, d.end) : d.canonical});
  }
  if (names.empty()) return;
  std::sort(names.begin(), names.end(),
            [](const FullName& a, const FullName& b) { return a.at < b.at; });
  // Full names by their first and last word, in text order.
  std::unordered_map<std::string_view, std::vector<const FullName*>> by_word;
  for (const auto& n : names) {
    by_word[n.first].push_back(&n);
    if (n.last != n.first) by_word[n.last].push_back(&n);
  }
  auto full_name_for = [&](uint32_t at, std::string_view word) -> const FullName* {
    auto it = by_word.find(word);
    if (it == by_word.end()) return nullptr;
    const auto& list = it->second;
    auto after = std::partition_point(list.begin(), list.end(),
                                      [at](const FullName* n) { return n->at < at; });
    return after != list.begin() ? *(after - 1) : *after;
  };
  for (uint32_t i = 0; i < w.size(); ++i) {
    std::string_view word = w.words[i];
    if (word.size() < 2 || !starts_upper(word) || is_acronym(word)) continue;
    int32_t o = w.owner[i];
    if (o >= 0) {
      Draft& d = w.drafts[o];
      if (d.end - d.first != 1 || d.metonym || d.type == EntityType::nationality) continue;
      if (d.type != EntityType::person && !d.canonical.empty()) continue;  // a known place
    }
    const FullName* n = full_name_for(i, word);
    if (!n) continue;
    if (o >= 0) {
      Draft& d = w.drafts[o];
      d.type = EntityType::person;
      d.canonical = n->canonical;
    } else if (i > 0 && !is_name_function_word(w.low(i - 1))) {
      w.add(Draft{i, i + 1, EntityType::person, n->canonical, 0.7});
    }
  }
}

void EntityTagger::process(Document& doc) const {
  doc.entities.clear();
  if (doc.tokens.empty()) return;
  Work w(doc);
  NerInput input;
  input.words.reserve(doc.tokens.size());
  for (const auto& t : doc.tokens) input.words.push_back(doc[t.span]);
  for (const auto& s : doc.sentences)
    input.sentences.emplace_back(s.value.first_token, s.value.end_token);
  if (input.sentences.empty())
    input.sentences.emplace_back(0, static_cast<uint32_t>(doc.tokens.size()));
  NerScratch scratch;
  std::vector<uint8_t> tags;
  std::vector<float> margins;
  model_.tag(input, NerLexicons{&gazetteer_, &clusters_, &names_}, scratch, tags, &margins);

  w.words = std::move(input.words);
  w.lower_text = ascii_lower(doc.text);
  w.owner.assign(w.size(), -1);
  for (uint32_t i = 0; i < tags.size();) {
    if (tags[i] == kO) {
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    float margin = margins[i];
    while (j < tags.size() && ner_is_inside(tags[j]) && ner_type_of(tags[j]) == ner_type_of(tags[i]))
      margin = std::min(margin, margins[j++]);
    w.add(Draft{i, j, type_of_ner(ner_type_of(tags[i])), "", margin_confidence(margin)});
    i = j;
  }

  // Two person names back to back are one name cut in two ("Kim" "Jong Un").
  for (size_t d = 1; d < w.drafts.size(); ++d) {
    Draft& a = w.drafts[d - 1];
    Draft& b = w.drafts[d];
    if (a.dropped || a.type != EntityType::person || b.type != EntityType::person ||
        a.end != b.first)
      continue;
    w.drop(d - 1);
    w.release(d);
    b.first = a.first;
    b.confidence = std::min(a.confidence, b.confidence);
    w.claim(d);
  }
  // A place right before an organization's name is the start of that name
  // ("Tanzania" "Ports Authority", "Kenya" "Red Cross Society"): one
  // organization, so that the place is not an actor or a separate entity.
  for (size_t d = 1; d < w.drafts.size(); ++d) {
    Draft& a = w.drafts[d - 1];
    Draft& b = w.drafts[d];
    if (a.dropped || b.dropped || a.end != b.first || b.end - b.first < 2 ||
        (a.type != EntityType::location && a.type != EntityType::nationality) ||
        !is_organization_head(w.low(b.end - 1)))
      continue;
    w.drop(d - 1);
    w.release(d);
    b.first = a.first;
    b.type = EntityType::organization;
    b.confidence = std::min(a.confidence, b.confidence);
    w.claim(d);
  }
  apply_title_case(w, input.sentences, scratch.gaz);
  // "Joint Chiefs of Staff" read as a person is an organization, and
  // "Kursk Oblast" or "Lake Victoria" read as one is a place.
  for (Draft& d : w.drafts) {
    if (d.end - d.first < 2) continue;
    if (is_organization_head(w.low(d.end - 1))) d.type = EntityType::organization;
    else if (is_place_head(w.low(d.end - 1)) || is_place_prefix(w.low(d.first)))
      d.type = EntityType::location;
  }
  // "Mohammed bin Salman" read as MISC: a particle between capitalized
  // words marks a personal name.
  for (Draft& d : w.drafts)
    if (d.type == EntityType::misc && d.end - d.first >= 3)
      for (uint32_t k = d.first + 1; k + 1 < d.end; ++k)
        if (is_name_particle(w.low(k))) d.type = EntityType::person;
  extend_names(w);
  apply_titles(w, input.sentences);
  apply_gazetteer(w, scratch.gaz);
  apply_acronyms(w);
  apply_vessels(w, scratch.gaz);
  apply_person_coreference(w);

  for (Draft& d : w.drafts) {
    if (d.dropped) continue;
    // Possessives and punctuation at either edge never belong to the name.
    auto edge = [&](uint32_t i) {
      return is_possessive(w.words[i]) || doc.tokens[i].value.kind == TokenKind::punct;
    };
    while (d.end > d.first && edge(d.end - 1)) --d.end;
    while (d.first < d.end && edge(d.first)) ++d.first;
    if (d.first >= d.end) continue;
    Span span{doc.tokens[d.first].span.begin, doc.tokens[d.end - 1].span.end};
    std::string canonical = d.canonical.empty() ? w.text(d.first, d.end) : std::move(d.canonical);
    doc.entities.add(span, EntityMention{d.type, std::move(canonical), d.confidence, d.metonym});
  }
  doc.entities.sort();
}

}  // namespace

Result<std::unique_ptr<Component>> make_entity_tagger(const Resources& resources) {
  std::string dir = resources.data_dir + "/entity/";
  auto gazetteer = Gazetteer::load(dir + "gazetteer.tsv");
  if (!gazetteer.ok()) return gazetteer.status();
  auto clusters = WordClusters::load(dir + "clusters.tsv");
  if (!clusters.ok()) return clusters.status();
  auto names = Gazetteer::load(dir + "names.tsv");
  if (!names.ok()) return names.status();
  auto model = NerModel::load(dir + "ner.model");
  if (!model.ok()) return model.status();
  return std::unique_ptr<Component>(
      new EntityTagger(std::move(gazetteer.value()), std::move(clusters.value()),
                       std::move(names.value()), std::move(model.value())));
}

}  // namespace cc
