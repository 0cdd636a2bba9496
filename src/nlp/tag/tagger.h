// The part-of-speech tagger and the base-phrase chunker: two greedy
// left-to-right averaged perceptrons (nlp/perceptron.h) over hashed
// features. The tagger reads the word, its lower-case form, prefixes and
// suffixes, word shape, the two words either side and the two tags before;
// the chunker reads the words and POS tags two either side, their pairs and
// triples, and the two chunk tags before. Tags are Penn Treebank POS tags and
// IOB2 chunk tags over the CoNLL chunk types (core/layers/text.h).
//
// Contract: models are loaded once and read-only afterwards; tag() is safe to
// call from many threads, each with its own TagScratch, and allocates only
// when the scratch grows. Work is linear in the number of words, a fixed
// number of feature probes per word.
//
// Words are read as the training data writes them: typographic quotes,
// apostrophes, dashes and ellipses as their ASCII forms, currency signs as
// "$" (tag_form()). The project's tokenizer keeps contractions whole
// ("don't", "I'm"), which CoNLL splits ("do n't"); the corpus readers join
// such pairs the same way, and the joined word takes the first part's tags
// (VBP for "don't", PRP for "I'm").
//
// Model files: the shared perceptron format, sparse layout, with magic
// "CCPOS001" (45 classes: PosTag value - 1) and "CCCHK001" (21 classes: 0 =
// O, then B-type and I-type for each chunk type).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/layers/text.h"
#include "core/status.h"
#include "nlp/perceptron.h"

namespace cc {

inline constexpr int kNumPosClasses = kNumPosTags - 1;
inline constexpr int kNumChunkClasses = 2 * (kNumChunkTypes - 1) + 1;

inline uint8_t pos_class(PosTag t) { return static_cast<uint8_t>(static_cast<int>(t) - 1); }
inline PosTag pos_of_class(int c) { return static_cast<PosTag>(c + 1); }
inline uint8_t chunk_class(ChunkType t, bool begin) {
  int type = static_cast<int>(t);
  return static_cast<uint8_t>(type == 0 ? 0 : 2 * type - (begin ? 1 : 0));
}
inline ChunkType chunk_type_of_class(int c) { return static_cast<ChunkType>((c + 1) / 2); }
inline bool chunk_class_begins(int c) { return c % 2 == 1; }

// What to tag: words, and sentences as [first, end) word indices.
struct TagInput {
  std::vector<std::string_view> words;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
};

// The word as the models read it: typographic quotes and apostrophes as
// ASCII ("“" and "``" as "\"", "’" as "'"), dashes as "--", "…" as "...",
// currency signs as "$". Returns `word` itself when nothing changes, else a
// view of `buffer`.
std::string_view tag_form(std::string_view word, std::string& buffer);

// Reusable per-thread buffers for tagging.
struct TagScratch {
  std::string form;                 // tag_form() buffer
  std::vector<uint64_t> lower;      // token_key of each word's form
  std::vector<uint64_t> exact;      // case-kept key of each word's form
  std::vector<uint64_t> shape;      // word shape
  std::vector<uint64_t> suffix3;    // last three letters
  std::vector<uint64_t> next;       // lower of the next word in the sentence
  std::vector<uint8_t> fixed;       // per word: its dictionary class, or kNone
  std::vector<uint32_t> feats;      // static features, a fixed number per word
  std::vector<uint32_t> places;     // where each static feature's weights are
};

// Frequent words the training data nearly always tags one way ("the",
// "of", ","): the tagger gives them that tag without scoring them, which
// halves its work on news text. Words are keyed as written (case kept,
// digits read as 0), so "THE" in a capitals headline is still scored. The
// file is text, one "word TAG" a line.
class TagDictionary {
 public:
  static constexpr uint8_t kNone = 0xFF;
  // Words seen at least min_count times with one tag in at least
  // min_share of them.
  static TagDictionary build(const TagInput& corpus, const std::vector<uint8_t>& pos,
                             size_t min_count, double min_share);
  static Result<TagDictionary> load(const std::string& path);
  Status save(const std::string& path) const;
  // The POS class of a word by its case-kept key, or kNone.
  uint8_t find(uint64_t exact) const;
  size_t size() const { return words_.size(); }

 private:
  void add(std::string word, uint8_t pos_class);
  std::vector<std::pair<std::string, uint8_t>> words_;  // in file order
  std::vector<uint64_t> keys_;     // open addressing, 0 = empty
  std::vector<uint8_t> classes_;
};

// Case-kept key of a word's tag_form(), as the dictionary reads it: digits
// read as '0'; never 0.
uint64_t exact_key(std::string_view form);

class PosTagger {
 public:
  static Result<PosTagger> load(const std::string& model_path, const std::string& dict_path);
  Status save(const std::string& model_path, const std::string& dict_path) const;
  // One tag per word, as classes (pos_of_class() gives the PosTag).
  void tag(const TagInput& input, TagScratch& scratch, std::vector<uint8_t>& classes) const;
  size_t rows() const { return weights_.rows(); }
  size_t dictionary_words() const { return dict_.size(); }

 private:
  friend class PosTrainer;
  PerceptronModel weights_;
  TagDictionary dict_;
};

class Chunker {
 public:
  static Result<Chunker> load(const std::string& path);
  Status save(const std::string& path) const;
  // One chunk class per word, given each word's POS class.
  void tag(const TagInput& input, const std::vector<uint8_t>& pos, TagScratch& scratch,
           std::vector<uint8_t>& classes) const;
  size_t rows() const { return weights_.rows(); }

 private:
  friend class ChunkTrainer;
  PerceptronModel weights_;
};

// Training: one pass over the sentences in the given order; returns the
// number of wrong tags. Static features are extracted once, at construction.
class PosTrainer {
 public:
  // Dictionary words are tagged from `dict` and not learned from.
  PosTrainer(const TagInput& corpus, TagDictionary dict);
  size_t train_epoch(const std::vector<uint8_t>& gold, const std::vector<uint32_t>& order);
  PosTagger finish(float prune) const;
  size_t rows() const { return weights_.rows(); }

 private:
  const TagInput& corpus_;
  TagDictionary dict_;
  TagScratch scratch_;
  PerceptronTrainer weights_;
};

class ChunkTrainer {
 public:
  // `pos`: the POS class of every word that the chunker will learn from
  // (better the tagger's own output than gold tags: it learns their errors).
  ChunkTrainer(const TagInput& corpus, const std::vector<uint8_t>& pos);
  size_t train_epoch(const std::vector<uint8_t>& gold, const std::vector<uint32_t>& order);
  Chunker finish(float prune) const;
  size_t rows() const { return weights_.rows(); }

 private:
  const TagInput& corpus_;
  const std::vector<uint8_t>& pos_;
  TagScratch scratch_;
  PerceptronTrainer weights_;
};

// A tagged corpus: CoNLL-2003 columns (`word POS chunk NER`; "-DOCSTART-"
// lines and blank lines between sentences) or the Groningen Meaning Bank
// CSV (`Sentence #,Word,POS,Tag`, UTF-8 or Windows-1252). POS holds classes,
// chunk classes (IOB1 read into IOB2) or nothing when the file has none.
// Contractions are joined as the project's tokenizer writes them.
struct TagCorpus {
  std::string storage;  // owns the words
  TagInput input;
  std::vector<uint8_t> pos;
  std::vector<uint8_t> chunk;
};
Result<TagCorpus> read_conll_tags(const std::string& path);
Result<TagCorpus> read_gmb_csv(const std::string& path);

}  // namespace cc
