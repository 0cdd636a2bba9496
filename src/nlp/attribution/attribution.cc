#include "nlp/attribution/attribution.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "nlp/perceptron.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

// Longest phrase the lexicons hold, in tokens.
constexpr int kMaxPhraseTokens = 4;
// Bounds on the noun phrases the rules read on either side of a cue.
constexpr int kMaxSourceTokens = 12;
// Longest aside between a subject and its cue: "X, <aside>, said".
constexpr int kMaxAsideTokens = 20;
// How far back a pronoun or "the agency" looks for the source it stands for.
constexpr size_t kMaxAntecedentLookback = 32;

// speech: "X said (that) ...", "..., X said", "..., said X"; that: a speech
// cue only when "that", ':' or a quote follows ("states", a noun too); tell:
// takes a recipient; quote: "X quoted Y as saying"; according: "according
// to X"; cite: "citing X"; noun: "X estimates place ...", "amid reports ...";
// figure: a verb that reports a figure only when a number follows in its
// clause ("revised the toll to 61", "counted 40 boats"); at: the same with
// "at" before the number ("put the number at 240"); survey: "in" before a
// poll or survey, its source ("38 percent backed him in a CBS News poll").
enum class Frame : uint8_t { speech, that, tell, quote, according, cite, noun, figure, at, survey };

struct Cue {
  std::string lemma;
  Frame frame;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string_view, StringHash, std::equal_to<>>;

// Phrases of up to kMaxPhraseTokens lower-case tokens joined by one space.
template <class V>
struct PhraseTable {
  StringMap<std::vector<V>> phrases;
  StringMap<int> longest;  // first word -> tokens in its longest phrase
};

// Which lexicons have a phrase starting with a word, and the word's verb
// class (data/attribution/cue_verbs.tsv): one lookup per token.
enum : uint8_t { kStartsCue = 1, kStartsModality = 2, kSpeechVerb = 4, kThoughtVerb = 8 };

int modality_rank(ModalityKind k) {
  switch (k) {
    case ModalityKind::asserted:
      return 0;
    case ModalityKind::planned:
      return 1;
    case ModalityKind::hedged:
      return 2;
    case ModalityKind::conditional:
      return 3;
    case ModalityKind::negated:
      return 4;
    case ModalityKind::question:
      return 5;
  }
  return 0;
}

Result<std::vector<std::vector<std::string>>> read_tsv(const std::string& path, size_t columns) {
  std::ifstream in(path);
  if (!in) return Status::error("cannot open " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::stringstream fields(line);
    std::string field;
    while (std::getline(fields, field, '\t')) row.push_back(field);
    if (row.size() != columns)
      return Status::error(path + ":" + std::to_string(number) + ": expected " +
                           std::to_string(columns) + " tab-separated fields");
    rows.push_back(std::move(row));
  }
  return rows;
}

template <class V>
void add_phrase(PhraseTable<V>& table, const std::string& phrase, V value) {
  auto it = table.phrases.try_emplace(phrase).first;
  it->second.push_back(std::move(value));
  int words = 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' '));
  int& longest = table.longest[phrase.substr(0, phrase.find(' '))];
  longest = std::max(longest, words);
}

// Closed-class words the rules read. Short and stable, so they live here
// rather than in data files.
const StringSet& determiners() {
  static const StringSet k = {"the", "a",     "an",  "this",  "these", "those",
                              "its", "their", "his", "her",   "my",    "your",
                              "our", "no",    "any", "every", "each"};
  return k;
}
// Words that end a source phrase read leftwards from a cue.
const StringSet& left_boundaries() {
  static const StringSet k = {
      "that",    "which",     "who",     "whom",      "whose",   "and",  "but",      "or",
      "when",    "while",     "because", "as",        "if",      "what", "where",    "than",
      "so",      "to",        "for",     "with",      "from",    "on",   "at",       "about",
      "into",    "over",      "after",   "before",    "since",   "by",   "in",       "of",
      "also",    "has",       "have",    "had",       "is",      "are",  "was",      "were",
      "be",      "been",      "not",     "it's",      "there",   "then", "although", "though",
      "whereas", "yet",       "however", "meanwhile", "instead", "why",  "how",      "amid",
      "despite", "following", "off",     "up",        "out",     "down", "against",  "under"};
  return k;
}
// Heads of a phrase that reports figures it measured: "in a CBS News poll".
const StringSet& survey_nouns() {
  static const StringSet k = {"poll", "polls", "survey", "surveys", "census"};
  return k;
}
// Auxiliaries and adverbs between a source and its cue: "has also said".
const StringSet& cue_adverbs() {
  static const StringSet k = {
      "has",       "have",       "had",        "was",        "were",       "is",         "are",
      "also",      "reportedly", "officially", "publicly",   "previously", "earlier",    "recently",
      "later",     "not",        "did",        "does",       "do",         "would",      "will",
      "could",     "may",        "might",      "been",       "then",       "repeatedly", "first",
      "further",   "separately", "once",       "again",      "already",    "still",      "never",
      "being",     "initially",  "privately",  "explicitly", "openly",     "falsely",    "wrongly",
      "allegedly", "apparently", "widely",     "generally",  "can",        "cannot",     "must",
      "should",    "now",        "currently"};
  return k;
}
// Conjunctions after a comma that start a clause of their own.
const StringSet& contrast_words() {
  static const StringSet k = {"while", "whereas", "but", "although", "though", "yet"};
  return k;
}
// Nouns a writer sums up a statement with: "..., a figure the authority
// disputed".
const StringSet& statement_nouns() {
  static const StringSet k = {"figure", "number", "estimate", "claim",  "count",  "toll",
                              "total",  "tally",  "charge",   "assertion", "allegation"};
  return k;
}
// Words that say when, between a subject and its verb: "The ministry on
// Saturday revised ...".
const StringSet& day_words() {
  static const StringSet k = {"monday", "tuesday", "wednesday", "thursday", "friday",
                              "saturday", "sunday", "yesterday", "today", "tonight"};
  return k;
}
// Words that end a phrase read rightwards from a cue.
const StringSet& right_boundaries() {
  static const StringSet k = {"that",    "who",     "which",   "as",     "when",      "while",
                              "because", "on",      "at",      "during", "after",     "before",
                              "last",    "this",    "earlier", "late",   "yesterday", "today",
                              "if",      "whether", "to",      "about"};
  return k;
}
// Words joining the parts of a name: allowed inside a source phrase only
// between capitalized words ("Joint Defense Staff", "General Staff in Rhine").
const StringSet& name_joiners() {
  static const StringSet k = {"of", "for", "in", "and", "&", "the", "de", "on"};
  return k;
}
const StringSet& person_pronouns() {
  static const StringSet k = {"he", "she", "him", "her"};
  return k;
}
const StringSet& other_pronouns() {
  static const StringSet k = {"they", "it", "them"};
  return k;
}
// "We can say that ..." inside a quote: the quote's speaker.
const StringSet& first_person_pronouns() {
  static const StringSet k = {"i", "we", "you"};
  return k;
}
// Titles before a person's name: "Deputy Foreign Minister Ivo Marek".
const StringSet& titles() {
  static const StringSet k = {
      "mayor",        "president", "minister",   "secretary",  "spokesman",  "spokeswoman",
      "spokesperson", "governor",  "gov.",       "gen.",       "general",    "col.",
      "colonel",      "lt.",       "maj.",       "major",      "capt.",      "captain",
      "sgt.",         "adm.",      "admiral",    "dr.",        "prof.",      "professor",
      "sen.",         "senator",   "rep.",       "chairman",   "chairwoman", "chair",
      "chief",        "director",  "commander",  "ambassador", "king",       "queen",
      "prince",       "premier",   "chancellor", "deputy",     "analyst",    "officer",
      "judge",        "mr.",       "mrs.",       "ms.",        "lawmaker",   "envoy",
      "leader",       "ruler",     "marshal",    "sheikh",     "pope"};
  return k;
}
// Last words of a body's name: "General Staff" is not General + Staff.
const StringSet& organization_heads() {
  static const StringSet k = {
      "staff",   "service",    "ministry",       "agency",      "command", "office",
      "council", "committee",  "department",     "force",       "forces",  "army",
      "navy",    "chiefs",     "corps",          "guard",       "bureau",  "institute",
      "party",   "government", "administration", "directorate", "program", "news"};
  return k;
}

// Nouns naming a document a source issued: "the JDS report" is the JDS.
// The role words before a name that say whom the person speaks for.
const StringSet& affiliation_roles() {
  static const StringSet k = {"commander", "spokesman", "spokeswoman", "spokesperson", "official",
                              "officer",   "chief",     "coordinator", "director",     "head",
                              "representative", "secretary"};
  return k;
}
// Who speaks for a body: "a coast guard spokesman", "police officials" are
// the body as a primary source.
const StringSet& speaker_roles() {
  static const StringSet k = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official",
                              "officials", "officer",    "officers",     "commander",    "representative",
                              "representatives", "sources"};
  return k;
}
const StringSet& document_nouns() {
  static const StringSet k = {"report",    "reports",    "statement",   "statements", "estimate",
                              "estimates", "assessment", "assessments", "data",       "figures",
                              "briefing",  "analysis",   "survey",      "study",      "findings",
                              "sources",   "source",     "records",     "documents",  "account"};
  return k;
}
// Verbs that make "<source> estimates|report" a cue: "UK estimates place ...".
const StringSet& noun_cue_verbs() {
  static const StringSet k = {"place",     "put",       "puts",     "show",      "shows",
                              "showed",    "suggest",   "suggests", "suggested", "indicate",
                              "indicates", "indicated", "say",      "says",      "said",
                              "claim",     "claims",    "claimed",  "estimate",  "estimated",
                              "find",      "found",     "state",    "states",    "stated"};
  return k;
}
// Recipients of "told" that relay nothing: not intermediaries.
const StringSet& generic_recipients() {
  static const StringSet k = {"reporters", "journalists", "press", "the press",
                              "us",        "me",          "media", "the media",
                              "him",       "her",         "them",  "a reporter"};
  return k;
}
// Cues whose attribution hedges what it reports.
const StringSet& hedging_lemmas() {
  static const StringSet k = {"estimate", "suggest",   "claim",   "believe", "allege", "think",
                              "assess",   "speculate", "predict", "fear",    "hope",   "expect"};
  return k;
}
// Words after a cue that mark an adjunct, not content: "he said on Monday".
const StringSet& adjunct_starts() {
  static const StringSet k = {"on",      "in",     "at",        "during",    "late",   "earlier",
                              "last",    "this",   "yesterday", "today",     "after",  "before",
                              "when",    "while",  "adding",    "according", "told",   "of",
                              "tuesday", "monday", "wednesday", "thursday",  "friday", "saturday",
                              "sunday",  "to"};
  return k;
}

// "'" stands for half of a doubled-apostrophe quote mark (''...''), a
// convention of some newswire text; quote_at() confirms a real quote.
bool is_open_quote(std::string_view s) { return s == "\u201c" || s == "\"" || s == "'"; }
bool is_close_quote(std::string_view s) { return s == "\u201d" || s == "\"" || s == "'"; }
bool is_possessive(std::string_view s) { return s == "'s" || s == "\u2019s"; }
bool is_apostrophe(std::string_view s) { return s == "'" || s == "\u2019"; }
bool ends_with_nt(std::string_view s) { return s.ends_with("n't") || s.ends_with("n\u2019t"); }
bool ends_with_ll(std::string_view s) { return s.ends_with("'ll") || s.ends_with("\u2019ll"); }

// Pairs quotation marks paragraph by paragraph: “ opens, ” closes, a straight
// quote or a doubled apostrophe ('') toggles. A quote left open closes at the
// end of its paragraph, so an unbalanced mark never swallows the rest of the
// document. One pass.
std::vector<Span> find_quotes(std::string_view text) {
  std::vector<Span> quotes;
  bool open = false;
  uint32_t begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      if (open) quotes.push_back({begin, static_cast<uint32_t>(i)});
      open = false;
    } else if (c == '"' || (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'')) {
      size_t width = c == '"' ? 1 : 2;
      if (open)
        quotes.push_back({begin, static_cast<uint32_t>(i + width)});
      else
        begin = static_cast<uint32_t>(i);
      open = !open;
      i += width - 1;
    } else if (c == '\xe2' && i + 2 < text.size() && text[i + 1] == '\x80') {
      if (text[i + 2] == '\x9c' && !open) {
        open = true;
        begin = static_cast<uint32_t>(i);
      } else if (text[i + 2] == '\x9d' && open) {
        quotes.push_back({begin, static_cast<uint32_t>(i + 3)});
        open = false;
      }
    }
  }
  if (open) quotes.push_back({begin, static_cast<uint32_t>(text.size())});
  return quotes;
}

class Tagger : public Component {
 public:
  Tagger(PhraseTable<Cue> cues, PhraseTable<ModalityKind> modality,
         const std::vector<std::vector<std::string>>& verb_classes, std::optional<RoleModel> roles)
      : cues_(std::move(cues)), modality_(std::move(modality)), roles_(std::move(roles)) {
    for (const auto& [w, n] : cues_.longest) starts_[w] |= kStartsCue;
    for (const auto& [w, n] : modality_.longest) starts_[w] |= kStartsModality;
    for (const auto& row : verb_classes) starts_[row[0]] |= row[1] == "speech" ? kSpeechVerb : kThoughtVerb;
  }
  const char* name() const override { return "attribution"; }
  void process(Document& doc) const override;
  bool has_roles() const { return roles_.has_value(); }

 private:
  friend class DocumentTagger;
  PhraseTable<Cue> cues_;
  PhraseTable<ModalityKind> modality_;
  std::optional<RoleModel> roles_;  // absent when only the rules run
  StringMap<uint8_t> starts_;
};

// The per-document state of one run of the tagger.
class DocumentTagger {
 public:
  DocumentTagger(const Tagger& tagger, Document& doc)
      : t_(tagger), doc_(doc), lower_(ascii_lower(doc.text)), quotes_(find_quotes(doc.text)) {
    starts_.resize(doc.tokens.size());
    for (size_t i = 0; i < starts_.size(); ++i) {
      if (doc.tokens[i].value.kind == TokenKind::number) continue;
      auto it = t_.starts_.find(doc.tokens[i].span.of(lower_));
      if (it != t_.starts_.end()) starts_[i] = it->second;
    }
  }

  // Rules, then (with a role model) the role tagger, sentence by sentence.
  // With `inputs`, also returns what the role tagger read for every token.
  void run(RoleTokens* inputs = nullptr) {
    doc_.attributions.clear();
    doc_.modalities.clear();
    describe_tokens();
    // A run-on "sentence" is read in windows, so the look-arounds of its
    // cues stay bounded.
    constexpr uint32_t kMaxSentenceTokens = 400;
    for (const SentenceWindow& w : sentence_windows(doc_, kMaxSentenceTokens)) {
      sentence_begin_ = static_cast<int>(w.first_token);
      sentence_end_ = static_cast<int>(w.end_token);
      sentence_first_ = found_.size();
      body_begin_ = static_cast<int>(dateline_end(doc_, w.first_token, w.end_token));
      attribute_sentence();
      paint_rule_roles();
      if (t_.roles_ && sentence_end_ > sentence_begin_) {
        tags_.resize(sentence_end_ - sentence_begin_);
        t_.roles_->tag(role_in_, sentence_begin_, sentence_end_, scratch_, tags_.data());
        apply_roles();
      }
      add_continuations();
      mark_modality(w.span);
    }
    link_chains();
    for (auto& f : found_) doc_.attributions.add(f.content, std::move(f.value));
    doc_.attributions.sort();
    doc_.modalities.sort();
    if (inputs) *inputs = std::move(role_in_);
  }

 private:
  struct Found {
    Span content;
    Attribution value;
    bool person = false;  // the source reads as a person (for "he", "she")
    Span recipient;       // "told <recipient> that": never part of the content
  };

  Span tok(int i) const { return doc_.tokens[i].span; }
  std::string_view low(int i) const { return tok(i).of(lower_); }
  std::string_view raw(int i) const { return tok(i).of(doc_.text); }
  bool capitalized(int i) const { return doc_.tokens[i].value.capitalized; }
  bool is_word(int i) const { return doc_.tokens[i].value.kind == TokenKind::word; }
  // "'s", or the bare apostrophe of a plural possessive ("the Dockers' Union"):
  // right after a word ending in s, a word after it, and not half of a
  // doubled-apostrophe quote mark.
  bool possessive(int i) const {
    if (is_possessive(low(i))) return true;
    if (!is_apostrophe(raw(i)) || i == 0 || i + 1 >= static_cast<int>(doc_.tokens.size()))
      return false;
    return is_word(i - 1) && low(i - 1).ends_with('s') && !doc_.tokens[i].value.space_before &&
           is_word(i + 1) && doc_.tokens[i + 1].value.space_before;
  }
  Span tokens_span(int first, int end) const {
    return first >= end ? Span{} : Span{tok(first).begin, tok(end - 1).end};
  }
  // The last token of the sentence that is not closing punctuation.
  int content_end() const {
    int e = sentence_end_;
    while (e > sentence_begin_ && !is_word(e - 1) &&
           doc_.tokens[e - 1].value.kind != TokenKind::number && !is_close_quote(raw(e - 1)))
      --e;
    return e;
  }

  // The quote containing byte `pos`, or nullptr.
  const Span* quote_at(uint32_t pos) const {
    auto it = std::partition_point(quotes_.begin(), quotes_.end(),
                                   [pos](Span q) { return q.end <= pos; });
    return it != quotes_.end() && it->begin <= pos ? &*it : nullptr;
  }

  // Longest lexicon phrase starting at token i, as (entries, length in tokens).
  template <class V>
  std::pair<const std::vector<V>*, int> match(const PhraseTable<V>& table, uint8_t which,
                                              int i) const {
    if (!(starts_[i] & which)) return {nullptr, 0};
    std::pair<const std::vector<V>*, int> best{nullptr, 0};
    auto it = table.phrases.find(low(i));
    if (it != table.phrases.end()) best = {&it->second, 1};
    auto longest = table.longest.find(low(i));
    int max_n = longest == table.longest.end() ? 1 : std::min(longest->second, kMaxPhraseTokens);
    std::string phrase(low(i));
    for (int n = 1; n < max_n && i + n < sentence_end_; ++n) {
      phrase += ' ';
      phrase += low(i + n);
      it = table.phrases.find(phrase);
      if (it != table.phrases.end()) best = {&it->second, n + 1};
    }
    return best;
  }

  // True when token i is a one-word cue that is only a verb ("said",
  // "expected"; not "reports" or "estimate", nouns too).
  bool verb_cue(int i) const {
    if (!(starts_[i] & kStartsCue)) return false;
    auto it = t_.cues_.phrases.find(low(i));
    if (it == t_.cues_.phrases.end()) return false;
    for (const Cue& c : it->second)
      if (c.frame == Frame::noun || c.frame == Frame::that) return false;
    return true;
  }

  // A source phrase ending just before token `end`, read leftwards; returns
  // its first token (== end when none).
  int left_phrase(int end) const {
    int j = end - 1, n = 0;
    while (j >= sentence_begin_ && n < kMaxSourceTokens) {
      std::string_view w = low(j);
      // "(SIS)", "(D-Ore.)": a short parenthesis inside the phrase.
      if (raw(j) == ")") {
        int open = j - 1;
        while (open > sentence_begin_ && open > j - 6 && raw(open) != "(") --open;
        if (open < j - 1 && raw(open) == "(") {
          n += j - open + 1;
          j = open - 1;
          continue;
        }
      }
      if (possessive(j)) {
        --j;
        ++n;
        continue;
      }
      if (!is_word(j)) break;
      bool joins = name_joiners().count(w) && j + 1 < end && capitalized(j + 1) &&
                   j - 1 >= sentence_begin_ && (capitalized(j - 1) || possessive(j - 1));
      if (!joins && determiners().count(w)) {
        --j;
        break;
      }
      if (!joins && left_boundaries().count(w)) break;
      // "The authority said it expected ...": the outer cue ends the inner
      // cue's subject.
      if (!capitalized(j) && verb_cue(j)) break;
      // "Marek traveled": a name then a past-tense verb ends the phrase.
      if (!capitalized(j) && w.ends_with("ed") && j - 1 >= sentence_begin_ && capitalized(j - 1))
        break;
      --j;
      ++n;
    }
    return j + 1;
  }

  // A phrase starting at token `begin`, read rightwards; returns one past its
  // last token (== begin when none).
  int right_phrase(int begin) const {
    if (begin < sentence_end_ && low(begin) != "the" &&
        (right_boundaries().count(low(begin)) || name_joiners().count(low(begin)) ||
         low(begin) == "that"))
      return begin;
    int j = begin, n = 0;
    while (j < sentence_end_ && n < kMaxSourceTokens) {
      std::string_view w = low(j);
      if (raw(j) == "(") {
        int close = j + 1;
        while (close + 1 < sentence_end_ && close < j + 6 && raw(close) != ")") ++close;
        if (close > j + 1 && raw(close) == ")") {
          n += close - j + 1;
          j = close + 1;
          continue;
        }
      }
      if (possessive(j)) {
        ++j;
        ++n;
        continue;
      }
      if (!is_word(j)) break;
      bool joins = name_joiners().count(w) && j > begin && j + 1 < sentence_end_ &&
                   (capitalized(j - 1) || possessive(j - 1)) && capitalized(j + 1);
      if (j > begin && !joins && right_boundaries().count(w)) break;
      if (j > begin && !joins && (name_joiners().count(w) || w == "that")) break;
      if (j > begin && !capitalized(j) && w.ends_with("ed") && capitalized(j - 1)) break;
      // "The mayor toured the area, adding ...": a finite verb ends the subject.
      if (j > begin && doc_.tokens[j].value.pos == PosTag::VBD) break;
      ++j;
      ++n;
    }
    return j;
  }

  // Skips auxiliaries, adverbs and a day ("on Saturday", "late Friday",
  // "yesterday") leftwards from token `i` (exclusive).
  int skip_adverbs_left(int i) const {
    for (;;) {
      while (i > sentence_begin_ && (cue_adverbs().count(low(i - 1)) || ends_with_nt(low(i - 1))))
        --i;
      if (i - 1 <= sentence_begin_ || !day_words().count(low(i - 1))) return i;
      --i;
      std::string_view w = low(i - 1);
      if (i - 1 > sentence_begin_ && (w == "on" || w == "late" || w == "early" || w == "last"))
        --i;
    }
  }

  // Content read rightwards from token i: "that" and ':' skipped; a quote
  // opening there is taken whole, across sentences.
  Span right_content(int i) const {
    while (i < sentence_end_ && (low(i) == "that" || raw(i) == ":" || raw(i) == ",")) ++i;
    if (i >= sentence_end_) return {};
    if (is_open_quote(raw(i))) {
      if (const Span* q = quote_at(tok(i).begin)) return *q;
    }
    int e = clause_end(i);
    // A cue inside a quote ("“We can say that ...,” he told") reports only
    // up to the quote's end.
    if (const Span* q = quote_at(tok(i).begin); q && q->begin < tok(i).begin) {
      while (e > i && tok(e - 1).end > q->end) --e;
      while (e > i && (is_close_quote(raw(e - 1)) || raw(e - 1) == "," || raw(e - 1) == ".")) --e;
    }
    return e > i ? tokens_span(i, e) : Span{};
  }

  // The end of the content starting at token i: the sentence's end, a
  // contrasting clause ("..., while the fire service put the number at 240")
  // or ';', which reports something else, or the writer's appositive on what
  // was said ("..., a figure the authority disputed", "..., a claim Moscow
  // denies").
  int clause_end(int i) const {
    int e = content_end();
    for (int k = i + 1; k + 1 < e; ++k) {
      if (raw(k) == ";") return k;
      if (raw(k) == "," && contrast_words().count(low(k + 1))) return k;
      if (raw(k) == "," && k + 2 < e && (low(k + 1) == "a" || low(k + 1) == "an") &&
          statement_nouns().count(low(k + 2)))
        return k;
    }
    return e;
  }

  // Content ending before token `end` (the comma or quote mark before the
  // source or cue): the quote closing there, else the sentence up to it.
  Span left_content(int end) const {
    int e = end;
    while (e > sentence_begin_ && raw(e - 1) == ",") --e;
    if (e > sentence_begin_ && is_close_quote(raw(e - 1))) {
      if (const Span* q = quote_at(tok(e - 1).begin)) return *q;
    }
    while (e > sentence_begin_ && (raw(e - 1) == "," || raw(e - 1) == "\u2014")) --e;
    int b = sentence_begin_;
    return e > b ? tokens_span(b, e) : Span{};
  }

  bool after_comma_or_quote(int i) const {
    return i > sentence_begin_ &&
           (raw(i - 1) == "," || is_close_quote(raw(i - 1)) || raw(i - 1) == "\u2014");
  }

  // True when the words after a cue are an adjunct ("on Monday", "in a
  // statement") or nothing, not the content.
  bool right_is_adjunct(int i) const {
    int e = content_end();
    if (i >= e) return true;
    return adjunct_starts().count(low(i)) > 0 || raw(i) == ",";
  }

  void attribute_sentence() {
    colon_quote();
    for (int i = sentence_begin_; i < sentence_end_;) {
      auto [cues, n] = match(t_.cues_, kStartsCue, i);
      int used = 0;
      if (cues) {
        for (const Cue& cue : *cues) {
          used = try_cue(cue, i, i + n);
          if (used) break;
        }
      }
      i += used ? used : 1;
    }
  }

  // "Petra Vanek: “We will hold the line.”": a short name, a colon, a quote.
  void colon_quote() {
    int limit = std::min(sentence_end_, sentence_begin_ + 6);
    for (int k = sentence_begin_ + 1; k < limit; ++k) {
      if (!is_word(k - 1) && !possessive(k - 1)) return;
      if (raw(k) != ":") continue;
      if (k + 1 >= sentence_end_ || !is_open_quote(raw(k + 1)) || !capitalized(sentence_begin_))
        return;
      const Span* q = quote_at(tok(k + 1).begin);
      if (!q) return;
      static const Cue kColon{"say", Frame::speech};
      add(kColon, k, k + 1, sentence_begin_, k, *q, {});
      return;
    }
  }

  // Tries one reading of the cue at tokens [c0, c1); returns how many tokens
  // it consumed from c0 (0 when the reading does not fit).
  int try_cue(const Cue& cue, int c0, int c1) {
    switch (cue.frame) {
      case Frame::according:
        return according(cue, c0, c1);
      case Frame::survey:
        return names_survey(c1) ? according(cue, c0, c1) : 0;
      case Frame::cite:
        return cite(cue, c0, c1);
      case Frame::quote:
        return quote(cue, c0, c1);
      case Frame::noun:
        return noun(cue, c0, c1);
      case Frame::that:
        if (c1 >= sentence_end_ || !(low(c1) == "that" || raw(c1) == ":" || is_open_quote(raw(c1))))
          return 0;
        return speech(cue, c0, c1);
      case Frame::figure:
      case Frame::at:
        if (!figure_follows(c0, c1, cue.frame == Frame::at)) return 0;
        return speech(cue, c0, c1);
      case Frame::speech:
      case Frame::tell:
        return speech(cue, c0, c1);
    }
    return 0;
  }

  // True when the verb at [c0, from) reports a figure: a number follows
  // within its clause ("revised the toll to 61"), after "at" when `after_at`
  // ("put the number at 240"). Not "counted on 500 more" (a phrasal verb) nor
  // "we counted 120" (a speaker's own words, already theirs).
  bool figure_follows(int c0, int from, bool after_at) const {
    constexpr int kWindow = 14;
    if (from >= sentence_end_ || low(from) == "on" || low(from) == "upon") return false;
    int a = skip_adverbs_left(c0);
    if (a > sentence_begin_ && first_person_pronouns().count(low(a - 1))) return false;
    bool at_seen = !after_at;
    for (int k = from; k < sentence_end_ && k < from + kWindow; ++k) {
      std::string_view w = raw(k);
      if (w == "," || w == ";" || w == "." || w == ":") return false;
      if (low(k) == "at") at_seen = true;
      if (at_seen && doc_.tokens[k].value.kind == TokenKind::number) return true;
    }
    return false;
  }

  // True when the phrase starting at token `begin` names a poll or survey.
  bool names_survey(int begin) const {
    int e = right_phrase(begin);
    for (int k = begin; k < e; ++k)
      if (survey_nouns().count(low(k))) return true;
    return false;
  }

  int according(const Cue& cue, int c0, int c1) {
    int se = right_phrase(c1);
    if (se == c1) return 0;
    Span content;
    if (c0 == sentence_begin_ || (c0 == sentence_begin_ + 1 && !is_word(sentence_begin_))) {
      content = right_content(se);
    } else {
      content = left_content(c0);
      if (content.empty()) content = right_content(se);
    }
    if (content.empty()) return 0;
    add(cue, c0, c1, c1, se, content, {});
    return se - c0;
  }

  int cite(const Cue& cue, int c0, int c1) {
    int se = right_phrase(c1);
    if (se == c1) return 0;
    // "Meridian reported, citing the JDS, that ...": the report's content, via Meridian.
    std::vector<std::string> via;
    Span content;
    if (found_.size() > sentence_first_) {
      Found& outer = found_.back();
      if (!outer.value.source_name.empty()) via.push_back(outer.value.source_name);
      content = outer.content;
    }
    if (content.empty()) content = left_content(c0);
    if (content.empty()) content = right_content(se);
    if (content.empty()) return 0;
    add(cue, c0, c1, c1, se, content, std::move(via));
    return se - c0;
  }

  int quote(const Cue& cue, int c0, int c1) {
    int se = right_phrase(c1);
    if (se == c1) return 0;
    if (se + 1 >= sentence_end_ || low(se) != "as" || low(se + 1) != "saying") return 0;
    int k = se + 2;
    Span content = right_content(k);
    if (content.empty()) return 0;
    std::vector<std::string> via;
    int a = skip_adverbs_left(c0);
    int ls = left_phrase(a);
    if (ls < a) via.push_back(source_name(ls, a, nullptr));
    add(cue, c0, c1, c1, se, content, std::move(via));
    return k - c0;
  }

  int noun(const Cue& cue, int c0, int c1) {
    // "There are reports that ...": a report with no named source.
    if (c0 >= sentence_begin_ + 2 && low(c0 - 2) == "there" &&
        (low(c0 - 1) == "are" || low(c0 - 1) == "were" || low(c0 - 1) == "have")) {
      if (c1 >= sentence_end_ || low(c1) != "that") return 0;
      Span content = right_content(c1);
      if (content.empty()) return 0;
      add(cue, c0, c1, c0, c0, content, {});
      return c1 - c0;
    }
    // "... amid reports he has sent ...".
    if (c0 > sentence_begin_ &&
        (low(c0 - 1) == "amid" || low(c0 - 1) == "despite" || low(c0 - 1) == "following")) {
      Span content = right_content(c1);
      if (content.empty()) return 0;
      add(cue, c0, c1, c0, c0, content, {});
      return c1 - c0;
    }
    // "<source> estimates place the number at ...".
    if (c1 >= sentence_end_ || !noun_cue_verbs().count(low(c1))) return 0;
    int ls = left_phrase(c0);
    if (ls == c0) return 0;
    Span content = right_content(c1 + 1);
    if (content.empty()) return 0;
    add(cue, c0, c1 + 1, ls, c0, content, {});
    return c1 + 1 - c0;
  }

  int speech(const Cue& cue, int c0, int c1) {
    // "an estimated 3,000", "the reported deployment": adjectives, not cues.
    if (c0 > sentence_begin_ && determiners().count(low(c0 - 1))) return 0;
    std::string_view form = low(c0);
    int a = skip_adverbs_left(c0);
    // "..., adding that ...": the previous speaker in this sentence, or the
    // sentence's subject, goes on.
    if (form.ends_with("ing") && after_comma_or_quote(a)) {
      Span content = right_content(c1);
      if (content.empty()) return 0;
      return same_speaker(cue, c0, c1, a, content);
    }
    // "“...,” said Duarte." / "..., says Vanek, co-founder of ...".
    // "..., said it was late" is not inverted: "it" starts a clause.
    bool clause_follows =
        c1 < sentence_end_ && (other_pronouns().count(low(c1)) ||
                               first_person_pronouns().count(low(c1)) || low(c1) == "there");
    if (after_comma_or_quote(a) && a == c0 && !clause_follows) {
      int se = right_phrase(c1);
      Span content = left_content(a - 1 >= sentence_begin_ && raw(a - 1) == "," ? a - 1 : a);
      // In "Alder, a spokeswoman, said the road was closed" the comma closes
      // the subject's appositive (subjectless() reads it), not a content.
      if (se > c1 && !content.empty() && appositive_subject(a) < 0) {
        // The source span keeps a closing appositive: "says Vanek, co-founder of ...".
        int e = se;
        if (se < sentence_end_ && raw(se) == ",") {
          e = content_end();
          while (e > se + 1 && raw(e - 1) == ",") --e;
        }
        add(cue, c0, c1, c1, e, content, {}, se);
        return e - c0;
      }
    }
    int ls = left_phrase(a);
    if (ls == a) return subjectless(cue, c0, c1, a);
    if (cue.frame != Frame::tell && is_passive(a, c0)) return passive(cue, c0, c1, ls, a);
    int r = c1;
    std::vector<std::string> via;
    Span recipient;
    if (cue.frame == Frame::tell) {
      int re = right_phrase(r);
      if (re > r) {
        recipient = tokens_span(r, re);
        std::string recipient = source_name(r, re, nullptr);
        if (!recipient.empty() && !generic_recipients().count(ascii_lower(recipient)) &&
            !person_pronouns().count(low(r)) && !other_pronouns().count(low(r)))
          via.push_back(recipient);
        r = re;
      }
    }
    Span content;
    if (after_comma_or_quote(ls) && right_is_adjunct(r))
      content = left_content(ls);
    else if (ls == sentence_begin_ && right_is_adjunct(r) && !previous_quote().empty())
      content = previous_quote();
    else
      content = right_content(r);
    if (content.empty()) return 0;
    if (add(cue, c0, c1, ls, a, content, std::move(via))) found_.back().recipient = recipient;
    return c1 - c0;
  }

  bool is_passive(int a, int c0) const {
    if (!low(c0).ends_with("ed") && low(c0) != "thought" && low(c0) != "said") return false;
    for (int k = a; k < c0; ++k) {
      std::string_view w = low(k);
      if (w == "is" || w == "was" || w == "are" || w == "were" || w == "been" || w == "be" ||
          w == "being")
        return true;
    }
    return false;
  }

  // "It is estimated that ...", "The deployment was first reported in May",
  // "... was reported by Meridian": the subject is what was said; the source
  // is the "by" phrase, or none.
  int passive(const Cue& cue, int c0, int c1, int ls, int a) {
    int s0 = c0, s1 = c0;
    if (c1 + 1 < sentence_end_ && low(c1) == "by") {
      s0 = c1 + 1;
      s1 = right_phrase(s0);
    }
    Span content;
    if (a - ls == 1 && low(ls) == "it") {
      content = right_content(s1 > s0 ? s1 : c1);
    } else {
      // The subject since the last clause boundary: "... said that 58
      // people were confirmed dead" -> "58 people".
      int b = a;
      while (b > sentence_begin_ && low(b - 1) != "that" && raw(b - 1) != "," &&
             raw(b - 1) != ";" && raw(b - 1) != ":")
        --b;
      content = tokens_span(b, a);
    }
    if (content.empty()) return 0;
    add(cue, c0, c1, s0, s1, content, {});
    return c1 - c0;
  }

  // A cue with no phrase before it: "X, who noted that ..." (the relative
  // pronoun's antecedent speaks) or "... and said that ..." (the subject of
  // the sentence, or its previous speaker, goes on).
  // For a cue at token `a` after a comma: the first token of a subject with
  // an appositive ending at that comma, one of the two a name ("Ruth Alder,
  // a spokeswoman for the port, said", "Another officer, Tom Brand,
  // recalled"), opening the sentence or following a comma; else -1.
  int appositive_subject(int a) const {
    if (a - 1 <= sentence_begin_ || raw(a - 1) != ",") return -1;
    auto is_name = [&](int b, int e) {
      for (int j = b; j < e; ++j)
        if (!capitalized(j) && !name_joiners().count(low(j))) return false;
      return b < e;
    };
    for (int k = a - 2; k > sentence_begin_ && k > a - kMaxAsideTokens; --k) {
      if (raw(k) != ",") continue;
      int s = left_phrase(k);
      if (s == k || (s != sentence_begin_ && raw(s - 1) != ",")) return -1;
      // After a name the aside is a description ("a spokeswoman for the
      // port", "host of ..."); after a description, a name.
      bool named = (is_name(s, k) && (determiners().count(low(k + 1)) || !capitalized(k + 1))) ||
                   is_name(k + 1, a - 1);
      return named ? s : -1;
    }
    return -1;
  }

  int subjectless(const Cue& cue, int c0, int c1, int a) {
    if (a <= sentence_begin_) return 0;
    std::string_view before = low(a - 1);
    Span content = right_content(c1);
    if (content.empty()) return 0;
    // "The JDS report, issued on Thursday, states that": skip the aside.
    if (raw(a - 1) == ",") {
      for (int k = a - 2; k > sentence_begin_ && k > a - kMaxAsideTokens; --k) {
        if (raw(k) != ",") continue;
        int s = left_phrase(k);
        if (s < k && (s == sentence_begin_ || raw(s - 1) == ",")) {
          // "“...,” Ines Duarte, the mayor, said of the flood."
          if (s > sentence_begin_ && right_is_adjunct(c1)) {
            Span left = left_content(s);
            if (!left.empty()) content = left;
          }
          add(cue, c0, c1, s, a - 1, content, {}, k);
          return c1 - c0;
        }
        break;
      }
    }
    if (before == "who" && a - 1 > sentence_begin_ && raw(a - 2) == ",") {
      int e = a - 2;
      int s = left_phrase(e);
      if (s == e) return 0;
      add(cue, c0, c1, s, e, content, {});
      return c1 - c0;
    }
    if (before != "and" && before != "but") return 0;
    return same_speaker(cue, c0, c1, a - 1, content);
  }

  // The cue at [c0, c1) continues the previous speaker of this sentence, or
  // else the sentence's subject when that phrase ends before token `limit`.
  int same_speaker(const Cue& cue, int c0, int c1, int limit, Span content) {
    // "..., a figure the authority disputed, saying it was ...": the clause
    // right before the comma has a subject of its own, and that subject says.
    int verb = limit - 2;
    if (verb > sentence_begin_ && raw(limit - 1) == "," && !capitalized(verb) &&
        (doc_.tokens[verb].value.pos == PosTag::VBD || low(verb).ends_with("ed"))) {
      int subject = left_phrase(verb);
      if (subject < verb && !other_pronouns().count(low(subject)) &&
          !person_pronouns().count(low(subject))) {
        add(cue, c0, c1, subject, verb, content, {});
        return c1 - c0;
      }
    }
    if (found_.size() > sentence_first_) {
      Found prev = found_.back();
      add(cue, c0, c1, c0, c0, content, prev.value.via);
      found_.back().value.source_name = prev.value.source_name;
      found_.back().person = prev.person;
      return c1 - c0;
    }
    int se = right_phrase(sentence_begin_);
    if (se == sentence_begin_ || se >= limit) return 0;
    add(cue, c0, c1, sentence_begin_, se, content, {});
    return c1 - c0;
  }

  // The quote ending just before this sentence: "“...” Duarte said."
  Span previous_quote() const {
    if (sentence_begin_ == 0 || !is_close_quote(raw(sentence_begin_ - 1))) return {};
    const Span* q = quote_at(tok(sentence_begin_ - 1).begin);
    return q ? *q : Span{};
  }

  // "The toll has climbed to 76, the agency said on Tuesday, and 412 people
  // were injured": a clause joined by ", and" to a trailing cue (and its
  // adjunct) goes on with the same speaker's report, as a second content.
  void add_continuations() {
    constexpr int kMaxAdjunct = 6;
    size_t n = found_.size();
    uint32_t last_cue = 0;  // the sentence's last cue, so each check is O(1)
    for (size_t j = sentence_first_; j < n; ++j) last_cue = std::max(last_cue, found_[j].value.cue.begin);
    for (size_t i = sentence_first_; i < n; ++i) {
      if (found_[i].content.empty() || found_[i].content.end > found_[i].value.cue.begin) continue;
      uint32_t after = std::max(found_[i].value.cue.end, found_[i].value.source.end);
      int k = static_cast<int>(doc_.tokens.first_ending_after(after));
      if (k < sentence_begin_) continue;
      int limit = std::min(sentence_end_, k + kMaxAdjunct);
      while (k < limit && (is_word(k) || doc_.tokens[k].value.kind == TokenKind::number)) ++k;
      if (k + 2 >= sentence_end_ || raw(k) != "," || low(k + 1) != "and") continue;
      int b = k + 2, e = content_end();
      if (last_cue >= tok(b).begin || e <= b) continue;  // a cue of its own lies in it
      Found more = found_[i];
      more.content = tokens_span(b, e);
      found_.push_back(std::move(more));
    }
  }

  // Records an attribution with source tokens [s0, s1); the name is read
  // from [s0, name_end) when an appositive follows it ("Kim, a co-founder").
  // Returns false when the source is a misread and nothing was recorded.
  bool add(const Cue& cue, int c0, int c1, int s0, int s1, Span content,
           std::vector<std::string> via, int name_end = -1) {
    Found f;
    f.content = content;
    f.value.cue = tokens_span(c0, c1);
    f.value.cue_lemma = cue.lemma;
    bool person = false;
    if (s1 > s0) {
      if (name_end < 0) name_end = s1;
      int b = trim_source(s0, name_end);
      // "ALDERMOOR — A cyberattack has knocked out ...": a dateline names
      // a place, not a speaker.
      if (s0 < body_begin_) return false;
      // "With all ballots counted, the National Unity Party won ...": a
      // "source" that is only an article is a misread, not a speaker.
      bool only_articles = true;
      for (int k = b; k < s1; ++k) only_articles = only_articles && (low(k) == "the" || low(k) == "a" || low(k) == "an");
      if (only_articles) return false;
      f.value.source = tokens_span(b, s1);
      f.value.source_name = source_name(b, name_end, &person);
    }
    f.person = person;
    if (person && s1 > s0) f.value.affiliation = affiliation(s0, name_end < 0 ? s1 : name_end);
    f.value.via = std::move(via);
    found_.push_back(std::move(f));
    return true;
  }

  // Drops a leading description of the document ("a closed-door briefing
  // by") so the source phrase is the body that issued it.
  int trim_source(int s0, int s1) const {
    for (int j = s1 - 1; j > s0; --j) {
      if ((low(j) == "by" || low(j) == "from") && j + 1 < s1) {
        bool lower_before = true;
        for (int k = s0; k < j; ++k) lower_before = lower_before && !capitalized(k);
        if (lower_before) return j + 1;
      }
    }
    return s0;
  }

  // The readable name of the source at tokens [s0, s1): the entity when one
  // is known, the antecedent of a pronoun or "the agency", else the phrase
  // without determiners, role words, document nouns or "(ACRONYM)".
  std::string source_name(int s0, int s1, bool* person) {
    bool dummy = false;
    if (!person) person = &dummy;
    *person = false;
    // Document nouns at the end: "the JDS report" -> "JDS".
    while (s1 - s0 > 1 && document_nouns().count(low(s1 - 1))) --s1;
    if (s1 - s0 == 1 && (person_pronouns().count(low(s0)) || other_pronouns().count(low(s0))))
      return antecedent(person_pronouns().count(low(s0)) > 0, {}, person);
    if (s1 - s0 == 1 && first_person_pronouns().count(low(s0))) return {};
    // "his office", "its spokesman": the owner's, as "Mbarawa's office".
    if (s1 - s0 >= 2 && (low(s0) == "his" || low(s0) == "her" || low(s0) == "its" || low(s0) == "their")) {
      bool owner_is_person = false;
      std::string owner = possessive_owner(s0, low(s0) == "his" || low(s0) == "her", &owner_is_person);
      std::string owned = source_name(s0 + 1, s1, person);
      if (!owner.empty() && !owned.empty()) return owner + "'s " + owned;
    }
    if (s1 - s0 == 2 && low(s0) == "the" && !capitalized(s0 + 1)) {
      std::string named = antecedent(false, low(s0 + 1), person);
      if (!named.empty()) return named;
    }
    while (s0 < s1 && determiners().count(low(s0))) ++s0;
    if (const EntityMention* e = entity_for(s0, s1)) {
      *person = e->type == EntityType::person;
      return e->canonical;
    }
    // Role words before a name: "analyst Petra Vanek", "Military analyst Petra Vanek".
    int last_lower = -1;
    for (int k = s0; k < s1; ++k)
      if (is_word(k) && !capitalized(k) && !possessive(k)) last_lower = k;
    if (last_lower >= s0 && last_lower + 1 < s1 && capitalized(last_lower + 1) &&
        !name_joiners().count(low(last_lower))) {
      bool all_names = true;
      for (int k = last_lower + 1; k < s1; ++k)
        all_names = all_names && (capitalized(k) || !is_word(k));
      if (all_names) {
        s0 = last_lower + 1;
        *person = s1 - s0 >= 2;
      }
    }
    // Titles: "Mayor Ines Duarte" -> "Ines Duarte".
    if (!organization_heads().count(low(s1 - 1))) {
      for (int k = s1 - 2; k >= s0; --k) {
        if (!titles().count(low(k))) continue;
        bool names = true;
        int depth = 0;  // words inside "(D-Ore.)" do not count
        for (int m = k + 1; m < s1; ++m) {
          if (raw(m) == "(")
            ++depth;
          else if (raw(m) == ")")
            --depth;
          else if (depth == 0)
            names = names && capitalized(m) && is_word(m);
        }
        if (names) {
          s0 = k + 1;
          *person = true;
        }
        break;
      }
    }
    std::string out;
    for (int k = s0; k < s1; ++k) {
      if (raw(k) == "(") {
        int close = k + 1;
        while (close < s1 && raw(close) != ")") ++close;
        k = close;
        continue;
      }
      if (!out.empty() && doc_.tokens[k].value.space_before) out += ' ';
      out += raw(k);
    }
    if (doc_.tokens[s0].value.all_caps && s1 - s0 == 1) {
      auto it = acronyms().find(raw(s0));
      if (it != acronyms().end()) return it->second;
    }
    return out;
  }

  // The source an anaphor stands for: the latest earlier source that is a
  // person (for "he", "she"), or whose name holds `head` ("the agency" ->
  // "Coastal Weather Agency" needs the word; otherwise the latest).
  std::string antecedent(bool want_person, std::string_view head, bool* person) const {
    size_t seen = 0;
    const Found* fallback = nullptr;
    bool by_head = !head.empty();
    for (auto it = found_.rbegin(); it != found_.rend() && seen < kMaxAntecedentLookback;
         ++it, ++seen) {
      if (it->value.source_name.empty()) continue;
      if (want_person) {
        if (it->person) {
          *person = true;
          return it->value.source_name;
        }
        continue;
      }
      if (by_head && ascii_lower(it->value.source_name).find(head) != std::string::npos)
        return it->value.source_name;
      if (!fallback && !it->person) fallback = &*it;
    }
    if (!want_person && !by_head && fallback) return fallback->value.source_name;
    return {};
  }

  // Whom the possessive pronoun at token t stands for: the person ("his",
  // "her") or organization or place ("its", "their") named last before it in
  // the sentence ("Minister Makame Mbarawa will visit ..., his office
  // said"), else the antecedent source.
  std::string possessive_owner(int t, bool want_person, bool* person) const {
    Span before = tokens_span(sentence_begin_, t);
    auto it = std::partition_point(doc_.entities.begin(), doc_.entities.end(),
                                   [&](const auto& m) { return m.span.begin < before.end; });
    while (it != doc_.entities.begin()) {
      --it;
      if (it->span.begin < before.begin) break;
      EntityType type = it->value.type;
      if (want_person ? type == EntityType::person
                      : type == EntityType::organization || type == EntityType::location) {
        *person = want_person;
        return it->value.canonical;
      }
    }
    return antecedent(want_person, {}, person);
  }

  // Whom the person named at the end of [s0, s1) speaks for, from the role
  // word before the name: "Regional police commander Joseph Mwakalinga" ->
  // "police", "Coast Guard commander Pavel Dorn" -> "Coast Guard", "the
  // society's regional coordinator Amina Salum" -> "society". "" otherwise.
  std::string affiliation(int s0, int s1) const {
    auto is_noun = [&](int k) {
      PosTag p = doc_.tokens[k].value.pos;
      return p == PosTag::NN || p == PosTag::NNS || p == PosTag::NNP || p == PosTag::NNPS;
    };
    int role = -1;
    for (int k = s0; k < s1; ++k)
      if (is_word(k) && !capitalized(k) && !possessive(k)) role = k;
    if (role <= s0 || role + 1 >= s1 || !affiliation_roles().count(low(role))) return {};
    int end = role;
    for (int k = s0; k < role; ++k)
      if (possessive(k)) end = k;  // the owner: "the society's regional coordinator"
    int b = end;
    while (b > s0 && is_word(b - 1) && is_noun(b - 1)) --b;
    if (b == end) return {};
    // "the society's": the body named before, as for "the agency said".
    if (end - b == 1 && b > s0 && low(b - 1) == "the" && !capitalized(b)) {
      bool unused = false;
      std::string named = antecedent(false, low(b), &unused);
      if (!named.empty()) return named;
    }
    return std::string(tokens_span(b, end).of(doc_.text));
  }

  // The entity naming the source phrase [s0, s1): one spanning the whole
  // phrase ("Pyongyang" as an agent), or a person or organization covering
  // its closing run of capitalized words ("analyst Petra Vanek", "Valdor's
  // Joint Defense Staff (JDS)"). An entity inside a common-noun phrase
  // ("Eastland state media", "a Valdoran officer") does not name it.
  const EntityMention* entity_for(int s0, int s1) const {
    if (doc_.entities.empty() || s0 >= s1) return nullptr;
    int e = s1;
    if (raw(e - 1) == ")") {
      while (e > s0 && raw(e - 1) != "(") --e;
      if (e > s0) --e;
    }
    int b = e;
    while (b > s0 && (capitalized(b - 1) ||
                      (b - 1 > s0 && b < e && capitalized(b - 2) &&
                       (name_joiners().count(low(b - 1)) || possessive(b - 1)))))
      --b;
    Span whole = tokens_span(s0, s1);
    Span run = tokens_span(b, e);
    auto it = std::partition_point(doc_.entities.begin(), doc_.entities.end(),
                                   [&](const auto& m) { return m.span.begin < whole.begin; });
    for (; it != doc_.entities.end() && it->span.begin < whole.end; ++it) {
      if (!whole.contains(it->span)) continue;
      if (it->span.begin == whole.begin && it->span.end >= tokens_span(s0, e).end)
        return &it->value;
      EntityType t = it->value.type;
      if (!run.empty() && it->span.contains(run) &&
          (t == EntityType::person || t == EntityType::organization))
        return &it->value;
    }
    return nullptr;
  }

  // "Security Intelligence Service (SIS)": acronym -> long form, read once.
  const StringMap<std::string>& acronyms() {
    if (!acronyms_read_) {
      acronyms_ = find_acronyms(doc_);
      acronyms_read_ = true;
    }
    return acronyms_;
  }

  // Each clause of the sentence gets the strongest modality whose trigger
  // lies in it. Clauses split at ';' and at a comma before a conjunction.
  void mark_modality(Span sentence) {
    bool question = false;
    for (int i = sentence_end_ - 1; i >= sentence_begin_; --i) {
      if (raw(i) == "?") question = true;
      if (is_word(i)) break;
    }
    int start = sentence_begin_;
    auto flush = [&](int end) {
      if (end <= start) return;
      Modality m;
      for (int i = start; i < end;) {
        auto [kinds, n] = match(t_.modality_, kStartsModality, i);
        ModalityKind k = ModalityKind::asserted;
        if (kinds && n && !(n == 1 && low(i) == "may" && capitalized(i) && i > sentence_begin_)) {
          k = kinds->front();
        } else if (ends_with_nt(low(i))) {
          k = ModalityKind::negated;
          n = 1;
        } else if (ends_with_ll(low(i))) {
          k = ModalityKind::planned;
          n = 1;
        }
        if (!n) n = 1;
        if (modality_rank(k) > modality_rank(m.kind)) {
          m.kind = k;
          m.trigger = tokens_span(i, std::min(i + n, end));
        }
        i += n;
      }
      if (question) {
        m.kind = ModalityKind::question;
        m.trigger = tok(sentence_end_ - 1);
      }
      Span clause = tokens_span(start, end);
      if (start == sentence_begin_) clause.begin = sentence.begin;
      if (end == sentence_end_) clause.end = sentence.end;
      doc_.modalities.add(clause, m);
      start = end;
    };
    for (int i = sentence_begin_ + 1; i < sentence_end_; ++i) {
      std::string_view w = low(i);
      bool split =
          raw(i) == ";" ||
          (raw(i - 1) == "," && (w == "but" || w == "and" || w == "while" || w == "although" ||
                                 w == "though" || w == "whereas" || w == "yet")) ||
          (w == "but" && raw(i - 1) != ",");
      if (split) flush(i);
    }
    flush(sentence_end_);
  }

  // What the role tagger reads of each token but the rules' roles.
  void describe_tokens() {
    size_t n = doc_.tokens.size();
    RoleTokens& in = role_in_;
    in.word.resize(n);
    in.suffix.resize(n);
    in.shape.resize(n);
    in.rule.assign(n, kRoleNone);
    in.flags.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      int k = static_cast<int>(i);
      std::string_view w = raw(k);
      in.word[i] = token_key(w);
      in.suffix[i] = affix_key(w, 3, true);
      in.shape[i] = word_facts(w).shape;
      const Token& t = doc_.tokens[i].value;
      uint8_t f = 0;
      if (starts_[i] & kStartsCue) f |= kFlagLexiconCue;
      if (starts_[i] & kSpeechVerb) f |= kFlagSpeechVerb;
      if (starts_[i] & kThoughtVerb) f |= kFlagThoughtVerb;
      if (t.capitalized) f |= kFlagCapitalized;
      if (t.kind == TokenKind::punct) f |= kFlagPunct;
      if (t.kind == TokenKind::number) f |= kFlagNumber;
      if (is_open_quote(w) || is_close_quote(w)) f |= kFlagQuoteMark;
      else if (quote_at(tok(k).begin)) f |= kFlagInQuote;
      in.flags[i] = f;
    }
    in.sentences.clear();
    for (const auto& s : doc_.sentences) in.sentences.emplace_back(s.value.first_token, s.value.end_token);
  }

  // The tokens [first, end) a span covers.
  std::pair<int, int> span_tokens(Span span) const {
    auto [lo, hi] = doc_.tokens.overlapping(span);
    return {static_cast<int>(lo), static_cast<int>(hi)};
  }

  // The rules' roles on the sentence's tokens, as PolNeAR labels them: one
  // role per token, attributions nested in another's content left out, a
  // source or cue over the content around it. Reads the latest few
  // attributions only (a content reaching this sentence began recently).
  void paint_rule_roles() {
    constexpr size_t kLookback = 32;
    size_t from = found_.size() > kLookback ? found_.size() - kLookback : 0;
    auto nested = [&](size_t k) {
      const Found& f = found_[k];
      for (size_t m = from; m < found_.size(); ++m) {
        const Found& g = found_[m];
        if (m != k && g.content.contains(f.value.cue) && !f.content.contains(g.value.cue))
          return true;
      }
      return false;
    };
    auto paint = [&](Span span, uint8_t begin_tag) {
      if (span.empty()) return;
      auto [lo, hi] = span_tokens(span);
      lo = std::max(lo, sentence_begin_);
      hi = std::min(hi, sentence_end_);
      for (int i = lo; i < hi; ++i) role_in_.rule[i] = i == lo ? begin_tag : begin_tag + 1;
    };
    std::vector<size_t> outer;
    for (size_t k = from; k < found_.size(); ++k)
      if (!nested(k)) outer.push_back(k);
    for (size_t k : outer) paint(found_[k].content, kBContent);
    for (size_t k : outer) {
      paint(found_[k].value.source, kBSource);
      paint(found_[k].value.cue, kBCue);
    }
  }

  // Turns the role tagger's spans for the sentence into attributions: a
  // predicted cue the rules found too widens their cue, source and content
  // to the predicted spans; one the rules missed becomes a new attribution
  // with the nearest predicted source and contents. Each source or content
  // run belongs to the nearest cue run of its sentence.
  void apply_roles() {
    struct Run {
      int role, first, end;
    };
    std::vector<Run> runs;
    for (int i = sentence_begin_; i < sentence_end_; ++i) {
      uint8_t t = tags_[i - sentence_begin_];
      int role = role_of(t);
      if (role == 0) continue;
      if (!runs.empty() && role_inside(t) && runs.back().role == role && runs.back().end == i)
        runs.back().end = i + 1;
      else
        runs.push_back({role, i, i + 1});
    }
    std::vector<size_t> cues;
    for (size_t r = 0; r < runs.size(); ++r)
      if (runs[r].role == 2) cues.push_back(r);
    if (cues.empty()) return;
    auto gap = [](const Run& a, const Run& b) {
      return a.first >= b.end ? a.first - b.end : b.first - a.end;
    };
    // For each cue run: its nearest source run and the hull of its contents.
    std::vector<int> source(runs.size(), -1);
    std::vector<Span> content(runs.size());
    for (size_t r = 0; r < runs.size(); ++r) {
      if (runs[r].role == 2) continue;
      size_t best = cues[0];
      for (size_t c : cues)
        if (gap(runs[r], runs[c]) < gap(runs[r], runs[best])) best = c;
      Span span = tokens_span(runs[r].first, runs[r].end);
      if (runs[r].role == 1) {
        if (source[best] < 0 || gap(runs[r], runs[best]) < gap(runs[source[best]], runs[best]))
          source[best] = static_cast<int>(r);
      } else {
        Span& c = content[best];
        c = c.empty() ? span : Span{std::min(c.begin, span.begin), std::max(c.end, span.end)};
      }
    }
    for (size_t c : cues) {
      Span cue = tokens_span(runs[c].first, runs[c].end);
      Span src = source[c] >= 0 ? tokens_span(runs[source[c]].first, runs[source[c]].end) : Span{};
      Found* rule = nullptr;
      for (size_t k = sentence_first_; k < found_.size() && !rule; ++k)
        if (found_[k].value.cue.overlaps(cue)) rule = &found_[k];
      if (rule) {
        // The rules' spans only widen: "have not confirmed", "a spokesman
        // for the campaign", "that ..." as PolNeAR marks them.
        rule->value.cue = hull(rule->value.cue, cue);
        if (!src.empty() && (rule->value.source.empty() || rule->value.source.overlaps(src))) {
          if (rule->value.source.empty()) {
            bool person = false;
            rule->value.source_name =
                source_name(runs[source[c]].first, runs[source[c]].end, &person);
            rule->person = person;
          }
          rule->value.source = hull(rule->value.source, src);
        }
        Span wide = hull(rule->content, content[c]);
        if (!content[c].empty() && rule->content.overlaps(content[c]) &&
            !wide.overlaps(rule->value.cue) && !wide.overlaps(rule->value.source) &&
            !wide.overlaps(rule->recipient) &&
            !holds_other_cue(wide, runs, cues, c))
          rule->content = wide;
        continue;
      }
      if (content[c].empty() || content[c].overlaps(cue)) continue;
      Cue learned{cue_lemma(runs[c].first, runs[c].end), Frame::speech};
      int s0 = source[c] >= 0 ? runs[source[c]].first : runs[c].first;
      int s1 = source[c] >= 0 ? runs[source[c]].end : runs[c].first;
      add(learned, runs[c].first, runs[c].end, s0, s1, content[c], {});
    }
  }

  static Span hull(Span a, Span b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
  }

  // True when `span` holds a cue of this sentence other than run `self`: a
  // predicted one or one the rules found (", while the fire service put the
  // number at 240" is not the mayor's).
  template <class Run>
  bool holds_other_cue(Span span, const std::vector<Run>& runs, const std::vector<size_t>& cues,
                       size_t self) const {
    for (size_t c : cues)
      if (c != self && span.overlaps(tokens_span(runs[c].first, runs[c].end))) return true;
    for (size_t k = sentence_first_; k < found_.size(); ++k)
      if (span.overlaps(found_[k].value.cue) && !found_[k].value.cue.overlaps(
              tokens_span(runs[self].first, runs[self].end)))
        return true;
    return false;
  }

  // The lemma of a cue the role tagger found: the lexicon's for a lexicon
  // phrase inside it, else its first content word, lower case ("has come
  // out in support of" -> "come").
  std::string cue_lemma(int first, int end) const {
    for (int i = first; i < end; ++i) {
      auto [cues, n] = match(t_.cues_, kStartsCue, i);
      if (cues && i + n <= end) return cues->front().lemma;
    }
    for (int i = first; i < end; ++i)
      if (is_word(i) && !cue_adverbs().count(low(i)) && !possessive(i) && !is_apostrophe(raw(i)))
        return std::string(low(i));
    return std::string(low(first));
  }

  // Nested attributions: one whose cue lies in another's content was relayed
  // by that other's source, so it inherits the chain. Contents are sorted by
  // begin; only a few contents can hold one cue, so the look-back is bounded.
  void link_chains() {
    constexpr int kMaxDepth = 8;
    std::vector<size_t> order(found_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return found_[a].content < found_[b].content; });
    // outer[i]: the innermost other attribution whose content holds i's cue
    // (and not the other way round, so relations never form a cycle).
    std::vector<int> outer(found_.size(), -1);
    for (size_t i = 0; i < found_.size(); ++i) {
      const Found& f = found_[i];
      if (f.value.cue.empty() || f.value.cue_lemma == "cite") continue;
      auto it = std::partition_point(order.begin(), order.end(), [&](size_t k) {
        return found_[k].content.begin <= f.value.cue.begin;
      });
      for (int back = 0; it != order.begin() && back < kMaxDepth; ++back) {
        --it;
        const Found& g = found_[*it];
        if (*it == i || !g.content.contains(f.value.cue) || f.content.contains(g.value.cue))
          continue;
        if (outer[i] < 0 || found_[outer[i]].content.contains(g.content))
          outer[i] = static_cast<int>(*it);
      }
    }
    std::vector<std::vector<std::string>> chains(found_.size());
    for (size_t i = 0; i < found_.size(); ++i) {
      std::vector<size_t> up;
      for (int k = outer[i]; k >= 0 && up.size() < kMaxDepth; k = outer[k]) up.push_back(k);
      for (auto k = up.rbegin(); k != up.rend(); ++k) {
        const Found& g = found_[*k];
        chains[i].insert(chains[i].end(), g.value.via.begin(), g.value.via.end());
        if (!g.value.source_name.empty()) chains[i].push_back(g.value.source_name);
      }
    }
    for (size_t i = 0; i < found_.size(); ++i) {
      Attribution& a = found_[i].value;
      // "“We can say that ...,” he told X" and "X said 58 were confirmed
      // dead": with no name of its own, the nested report is the outer
      // speaker's.
      // "The authority said it expected ...": a pronoun subject of a
      // nested cue is the outer speaker talking of itself ("he", "she" for a
      // person, "it", "they" for a body).
      std::string subject = ascii_lower(doc_[a.source]);
      if (outer[i] >= 0 && !found_[outer[i]].value.source_name.empty()) {
        const Found& o = found_[outer[i]];
        bool same = o.person ? person_pronouns().count(subject) > 0
                             : other_pronouns().count(subject) > 0;
        if (same) a.source_name = o.value.source_name;
      }
      bool unnamed = a.source.empty() || first_person_pronouns().count(subject);
      if (a.source_name.empty() && unnamed && !chains[i].empty()) {
        a.source_name = chains[i].back();
        chains[i].pop_back();
      }
      chains[i].insert(chains[i].end(), a.via.begin(), a.via.end());
      // A speaker going on ("..., adding that") does not relay itself.
      std::erase(chains[i], a.source_name);
      a.via = std::move(chains[i]);
    }
  }

 public:
  static StringMap<std::string> find_acronyms(const Document& doc) {
    StringMap<std::string> out;
    const auto& toks = doc.tokens;
    for (size_t i = 1; i + 2 < toks.size(); ++i) {
      if (toks[i].span.of(doc.text) != "(" || toks[i + 2].span.of(doc.text) != ")") continue;
      std::string_view acr = toks[i + 1].span.of(doc.text);
      if (!toks[i + 1].value.all_caps || acr.size() < 2 || acr.size() > 8) continue;
      // Match the acronym's letters to the initials of the capitalized words
      // before it, right to left, skipping joiners ("of", "for").
      size_t letter = acr.size();
      size_t j = i;
      while (j > 0 && letter > 0) {
        --j;
        std::string_view w = toks[j].span.of(doc.text);
        if (!toks[j].value.capitalized) {
          if (name_joiners().count(ascii_lower(w))) continue;
          break;
        }
        char c = w[0];
        if (c != acr[letter - 1]) break;
        --letter;
      }
      if (letter != 0) continue;
      Span long_form{toks[j].span.begin, toks[i - 1].span.end};
      out.emplace(std::string(acr), std::string(long_form.of(doc.text)));
    }
    return out;
  }

 private:
  const Tagger& t_;
  Document& doc_;
  std::string lower_;
  std::vector<Span> quotes_;
  std::vector<uint8_t> starts_;  // per token: kStartsCue | kStartsModality
  std::vector<Found> found_;
  RoleTokens role_in_;
  RoleScratch scratch_;
  std::vector<uint8_t> tags_;  // the role tagger's tags for the sentence
  StringMap<std::string> acronyms_;
  bool acronyms_read_ = false;
  int sentence_begin_ = 0;
  int sentence_end_ = 0;
  int body_begin_ = 0;  // after the sentence's dateline (core dateline_end)
  size_t sentence_first_ = 0;
};

// The role tagger is trained on what the rules alone give.
RoleTokens rule_role_inputs(const Tagger& rules, Document& doc) {
  RoleTokens out;
  DocumentTagger(rules, doc).run(&out);
  return out;
}

Result<PhraseTable<Cue>> load_cues(const std::string& path) {
  auto rows = read_tsv(path, 3);
  if (!rows.ok()) return rows.status();
  static const std::map<std::string, Frame, std::less<>> kFrames = {
      {"speech", Frame::speech}, {"tell", Frame::tell},
      {"quote", Frame::quote},   {"according", Frame::according},
      {"cite", Frame::cite},     {"noun", Frame::noun},
      {"that", Frame::that},     {"figure", Frame::figure},
      {"at", Frame::at},         {"survey", Frame::survey}};
  PhraseTable<Cue> table;
  for (auto& row : rows.value()) {
    auto frame = kFrames.find(row[2]);
    if (frame == kFrames.end()) return Status::error(path + ": unknown frame '" + row[2] + "'");
    add_phrase(table, row[0], Cue{row[1], frame->second});
  }
  // A form that is both a noun cue and a verb ("estimates") tries the noun
  // reading first: it only fits with a following verb.
  for (auto& [phrase, cues] : table.phrases)
    std::stable_sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
      return (a.frame == Frame::noun) > (b.frame == Frame::noun);
    });
  return table;
}

Result<PhraseTable<ModalityKind>> load_modality(const std::string& path) {
  auto rows = read_tsv(path, 2);
  if (!rows.ok()) return rows.status();
  static const std::map<std::string, ModalityKind, std::less<>> kKinds = {
      {"hedged", ModalityKind::hedged},
      {"planned", ModalityKind::planned},
      {"conditional", ModalityKind::conditional},
      {"negated", ModalityKind::negated},
      {"question", ModalityKind::question}};
  PhraseTable<ModalityKind> table;
  for (auto& row : rows.value()) {
    auto kind = kKinds.find(row[1]);
    if (kind == kKinds.end()) return Status::error(path + ": unknown modality '" + row[1] + "'");
    add_phrase(table, row[0], kind->second);
  }
  return table;
}

// Country and demonym forms share a stem: "Kenya"/"Kenyan", "Russia"/"Russian".
std::string stem_place(std::string_view w) {
  std::string s(w);
  for (std::string_view suffix : {"ian", "ese", "ish", "an", "a", "e"}) {
    if (s.size() > suffix.size() + 3 && s.ends_with(suffix)) {
      s.resize(s.size() - suffix.size());
      break;
    }
  }
  if (s.size() > 4 && s.back() == 'i') s.pop_back();
  return s;
}

}  // namespace

namespace {

Result<std::unique_ptr<Component>> make_tagger(const Resources& resources, bool with_roles) {
  auto cues = load_cues(resources.data_dir + "/attribution/cues.tsv");
  if (!cues.ok()) return cues.status();
  auto modality = load_modality(resources.data_dir + "/attribution/modality.tsv");
  if (!modality.ok()) return modality.status();
  auto verbs = read_tsv(resources.data_dir + "/attribution/cue_verbs.tsv", 2);
  if (!verbs.ok()) return verbs.status();
  for (const auto& row : verbs.value())
    if (row[1] != "speech" && row[1] != "thought")
      return Status::error(resources.data_dir + "/attribution/cue_verbs.tsv: unknown class '" +
                           row[1] + "'");
  std::optional<RoleModel> roles;
  if (with_roles) {
    auto loaded = RoleModel::load(resources.data_dir + "/attribution/roles.model");
    if (!loaded.ok()) return loaded.status();
    roles = std::move(loaded.value());
  }
  return std::unique_ptr<Component>(
      new Tagger(std::move(cues.value()), std::move(modality.value()), verbs.value(), std::move(roles)));
}

}  // namespace

Result<std::unique_ptr<Component>> make_attribution_tagger(const Resources& resources) {
  return make_tagger(resources, true);
}

Result<std::unique_ptr<Component>> make_attribution_rules(const Resources& resources) {
  return make_tagger(resources, false);
}

Result<RoleTokens> attribution_role_inputs(const Component& rules, Document& doc) {
  const auto* tagger = dynamic_cast<const Tagger*>(&rules);
  if (!tagger || tagger->has_roles())
    return Status::error("attribution_role_inputs needs a rules-only attribution tagger");
  return rule_role_inputs(*tagger, doc);
}

const Attribution* attribution_for(const Document& doc, Span span) {
  const Attribution* best = nullptr;
  Span best_span;
  // Contents are sorted by begin; any content holding `span` begins at or before it.
  auto end = std::partition_point(doc.attributions.begin(), doc.attributions.end(),
                                  [&](const auto& a) { return a.span.begin <= span.begin; });
  for (auto it = doc.attributions.begin(); it != end; ++it) {
    if (it->span.contains(span) && (!best || best_span.contains(it->span))) {
      best = &it->value;
      best_span = it->span;
    }
  }
  return best;
}

ModalityKind modality_for(const Document& doc, Span span) {
  ModalityKind kind = ModalityKind::asserted;
  auto [lo, hi] = doc.modalities.overlapping(Span{span.begin, span.begin + 1});
  if (lo < hi) kind = doc.modalities[lo].value.kind;
  if (kind == ModalityKind::asserted) {
    if (const Attribution* a = attribution_for(doc, span)) {
      if (hedging_lemmas().count(a->cue_lemma)) kind = ModalityKind::hedged;
      if (a->cue_lemma == "deny") kind = ModalityKind::negated;
    }
  }
  return kind;
}

std::vector<std::string> attribution_chain(const Document& doc, const Attribution& a) {
  std::vector<std::string> chain;
  if (!doc.source.empty()) chain.push_back(doc.source);
  chain.insert(chain.end(), a.via.begin(), a.via.end());
  if (!a.source_name.empty()) chain.push_back(a.source_name);
  return chain;
}

namespace {

// What primary_source_key() reads of a document: its acronyms and, per last
// word of a multi-word source name in the attribution layer, the first such
// name (a surname stands for it).
struct KeyContext {
  StringMap<std::string> acronyms;
  StringMap<std::string> full_names;
};

KeyContext key_context(const Document& doc) {
  KeyContext c;
  c.acronyms = DocumentTagger::find_acronyms(doc);
  for (const auto& a : doc.attributions) {
    std::string_view n = a.value.source_name;
    size_t space = n.rfind(' ');
    if (space != std::string_view::npos && space + 1 < n.size())
      c.full_names.emplace(std::string(n.substr(space + 1)), std::string(n));
  }
  return c;
}

std::string key_in(const KeyContext& context, std::string_view source_name) {
  // Words of the name, with "'s" apart.
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < source_name.size(); ++i) {
    char c = source_name[i];
    if (c == ' ') {
      flush();
    } else if ((c == '\'' && source_name.substr(i, 2) == "'s") ||
               source_name.substr(i, 4) == "\u2019s") {
      flush();
      words.push_back("'s");
      i += c == '\'' ? 1 : 3;
    } else {
      word += c;
    }
  }
  flush();
  if (words.empty()) return {};
  // An acronym this document defines stands for its long form.
  if (words.size() == 1) {
    auto it = context.acronyms.find(words[0]);
    if (it != context.acronyms.end()) return key_in(KeyContext{}, it->second);
  }
  std::vector<std::string> qualifier;
  size_t b = 0;
  while (b < words.size() && determiners().count(ascii_lower(words[b]))) ++b;
  // "Valdor's X" and "Valdoran X": a location qualifier on X.
  for (size_t k = b; k + 1 < words.size(); ++k) {
    if (words[k] == "'s") {
      bool proper = true;
      for (size_t m = b; m < k; ++m)
        proper = proper && std::isupper(static_cast<unsigned char>(words[m][0]));
      if (proper && k > b) {
        for (size_t m = b; m < k; ++m) qualifier.push_back(stem_place(ascii_lower(words[m])));
        b = k + 1;
      } else if (k > b) {
        // "the military's General Staff": a unit of the military.
        words.resize(k);
      }
      break;
    }
  }
  if (qualifier.empty() && b < words.size() &&
      std::isupper(static_cast<unsigned char>(words[b][0]))) {
    size_t k = b;
    while (k < words.size() && std::isupper(static_cast<unsigned char>(words[k][0]))) ++k;
    if (k < words.size() && k > b) {
      for (size_t m = b; m < k; ++m) qualifier.push_back(stem_place(ascii_lower(words[m])));
      b = k;
    }
  }
  size_t e = words.size();
  // "... in Rhine": a location, not part of the body's name.
  for (size_t k = b + 1; k + 1 < e; ++k) {
    if (words[k] == "in" && std::isupper(static_cast<unsigned char>(words[k + 1][0]))) {
      e = k;
      break;
    }
  }
  while (e - b > 1 && (document_nouns().count(ascii_lower(words[e - 1])) ||
                       speaker_roles().count(ascii_lower(words[e - 1]))))
    --e;
  std::string base;
  for (size_t k = b; k < e; ++k) {
    if (!base.empty()) base += ' ';
    base += ascii_lower(words[k]);
  }
  // A surname stands for the full name given elsewhere in the document.
  if (e - b == 1 && std::isupper(static_cast<unsigned char>(words[b][0]))) {
    auto it = context.full_names.find(words[b]);
    if (it != context.full_names.end()) base = ascii_lower(it->second);
  }
  std::string key = base;
  if (!qualifier.empty()) {
    key += '@';
    for (size_t k = 0; k < qualifier.size(); ++k) key += (k ? " " : "") + qualifier[k];
  }
  return key;
}

}  // namespace

// The keys are computed once per document, after every attribution (and so
// every full name a surname may stand for) is known.
void Tagger::process(Document& doc) const {
  DocumentTagger(*this, doc).run();
  if (doc.attributions.empty()) return;
  KeyContext context = key_context(doc);
  for (auto& a : doc.attributions)
    a.value.primary_key = key_in(context, a.value.affiliation.empty() ? a.value.source_name : a.value.affiliation);
}

std::string primary_source_key(const Document& doc, std::string_view source_name) {
  return key_in(key_context(doc), source_name);
}

std::string primary_source_key(std::string_view canonical_name) {
  return key_in(KeyContext{}, canonical_name);
}

bool same_qualifier(std::string_view a, std::string_view b) {
  auto qual = [](std::string_view k) {
    size_t at = k.find('@');
    return at == std::string_view::npos ? std::string_view{} : k.substr(at + 1);
  };
  return qual(a).empty() || qual(b).empty() || qual(a) == qual(b);
}

bool same_primary_source(std::string_view a, std::string_view b) {
  auto head = [](std::string_view k) { return k.substr(0, k.find('@')); };
  return !a.empty() && !b.empty() && head(a) == head(b) && same_qualifier(a, b);
}

std::vector<std::string> document_primary_sources(const Document& doc) {
  std::vector<std::string> names, keys;
  std::vector<const Annotation<Attribution>*> by_cue;
  for (const auto& a : doc.attributions) by_cue.push_back(&a);
  std::sort(by_cue.begin(), by_cue.end(),
            [](const auto* x, const auto* y) { return x->value.cue < y->value.cue; });
  for (const auto* a : by_cue) {
    const std::string& key = a->value.primary_key;
    if (key.empty()) continue;
    bool seen = false;
    for (const auto& k : keys) seen = seen || same_primary_source(k, key);
    if (seen) continue;
    keys.push_back(key);
    names.push_back(a->value.source_name);
  }
  return names;
}

size_t count_primary_sources(const std::vector<std::string>& keys) {
  std::map<std::string_view, std::set<std::string_view>> by_head;
  for (const auto& k : keys) {
    if (k.empty()) continue;
    std::string_view v = k;
    size_t at = v.find('@');
    auto& quals = by_head[v.substr(0, at)];
    if (at != std::string_view::npos) quals.insert(v.substr(at + 1));
  }
  size_t n = 0;
  for (const auto& [head, quals] : by_head) n += std::max<size_t>(1, quals.size());
  return n;
}

}  // namespace cc
