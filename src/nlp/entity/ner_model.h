// The named-entity tagger: a greedy left-to-right averaged perceptron over
// hashed features (word, affixes, word shape, context, gazetteer matches,
// earlier tags of the same word in the document), IOB2 tags over PER, ORG,
// LOC and MISC.
//
// Contract: NerModel is loaded once and read-only afterwards; tag() is safe
// to call from many threads, each with its own NerScratch. Tagging allocates
// only when the scratch grows, so a warm scratch tags without allocation.
// Work is linear in the number of tokens; every feature costs one probe into
// an open-addressed table of 32-bit feature keys.
//
// Model file: the shared perceptron format (nlp/perceptron.h) with magic
// "CCNER001" and kNumNerTags classes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "nlp/entity/clusters.h"
#include "nlp/entity/gazetteer.h"
#include "nlp/perceptron.h"

namespace cc {

// IOB2 tags. The type of tag t > 0 is (t + 1) / 2: 1 PER, 2 ORG, 3 LOC, 4 MISC.
enum NerTag : uint8_t { kO = 0, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kBMisc, kIMisc };
inline constexpr int kNumNerTags = 9;
inline constexpr int kNumNerTypes = 5;  // including "none"
inline int ner_type_of(uint8_t tag) { return (tag + 1) / 2; }
inline bool ner_is_inside(uint8_t tag) { return tag != kO && tag % 2 == 0; }
const char* ner_type_name(int type);  // "PER", "ORG", "LOC", "MISC"; "O" for 0

// One document to tag: its words and sentences as [first, end) word indices.
struct NerInput {
  std::vector<std::string_view> words;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
};

// What the tagger looks words up in besides its weights; either may be null
// (then its features are absent). A model must be tagged with the lexicons it
// was trained with.
struct NerLexicons {
  const Gazetteer* gazetteer = nullptr;
  const WordClusters* clusters = nullptr;
  const Gazetteer* names = nullptr;  // name lists: PER, ORG, LOC, MISC phrases
};

// Reusable per-thread buffers for tagging.
struct NerScratch {
  std::vector<uint64_t> keys;    // token_key per word
  std::vector<uint64_t> shapes;  // word-shape key per word
  std::vector<uint8_t> flags;    // capitalization facts per word
  std::vector<uint32_t> feats;   // static feature keys, a fixed number per word
  std::vector<GazetteerMatch> gaz;
  std::vector<GazetteerMatch> name_matches;
  std::vector<uint8_t> gaz_tag;  // per word: gazetteer kinds << 1 | inside
  std::vector<ClusterPath> paths;  // word-cluster path per word
  std::vector<uint8_t> name_tag;   // per word: name-list types << 1 | inside
  // Flat hash tables keyed by token_key, sized to the document.
  std::vector<uint64_t> lower_seen;     // words seen starting with a lower-case letter
  std::vector<uint64_t> upper_seen;     // words seen capitalized inside running text
  std::vector<uint64_t> history_keys;   // capitalized words tagged earlier
  std::vector<uint16_t> history_counts; // kNumNerTypes counts per history key
  std::vector<uint64_t> vote_keys;      // words of names tagged with a wide margin
  std::vector<float> votes;             // kNumNerTypes margin sums per vote key
  std::vector<float> margins;           // per word, when tag()'s caller wants none
};

class NerModel {
 public:
  static Result<NerModel> load(const std::string& path);
  Status save(const std::string& path) const;

  // Writes one tag per word into `tags` and, when `margins` is not null, the
  // score margin of the chosen tag over the runner-up (in weight units).
  // Ends with settle_lone_names().
  void tag(const NerInput& input, const NerLexicons& lexicons, NerScratch& scratch,
           std::vector<uint8_t>& tags, std::vector<float>* margins) const;

  size_t rows() const { return weights_.rows(); }

 private:
  friend class NerTrainer;
  PerceptronModel weights_;
};

// Document consistency, the last step of tagging: a one-word name tagged
// with a narrow margin takes the type its word has where the tagger was sure
// elsewhere in the document (a wide margin, alone or inside a longer name:
// "Leeds United" for a lone "Leeds" read as a place). CoNLL documents are
// whole articles, so a company or club named once with confidence is named
// so throughout. Linear in the words; margins in weight units, as tag()
// gives them.
void settle_lone_names(const NerInput& input, NerScratch& scratch, std::vector<uint8_t>& tags,
                       const std::vector<float>& margins);

// Averaged-perceptron training over documents with gold tags.
class NerTrainer {
 public:
  explicit NerTrainer(const NerLexicons& lexicons) : lexicons_(lexicons), weights_(kNumNerTags) {}
  // One pass over the documents in order; returns the number of wrong tags.
  size_t train_epoch(const std::vector<NerInput>& docs,
                     const std::vector<std::vector<uint8_t>>& gold);
  // Averages, drops rows whose largest weight is below `prune`, quantizes.
  NerModel finish(float prune) const;
  size_t rows() const { return weights_.rows(); }

 private:
  NerLexicons lexicons_;
  PerceptronTrainer weights_;
  NerScratch scratch_;
};

// Reads CoNLL-style IOB files: one token a line with the word in the first
// column (a "lang:" prefix, as in WikiANN, is dropped) and the tag in the last;
// blank lines end sentences and "-DOCSTART-" lines end documents (a file
// without them is one document per sentence). IOB1 and IOB2 are both read into
// IOB2; map_corpus_type() turns a corpus type ("PER", "person", "geo") into a
// project type 1-4, or 0 to drop the mention.
struct NerCorpus {
  std::string storage;  // owns the words the inputs point into
  std::vector<NerInput> docs;
  std::vector<std::vector<uint8_t>> tags;
  size_t tokens = 0;
};
int map_corpus_type(std::string_view type);
Result<NerCorpus> read_iob_file(const std::string& path);

}  // namespace cc
