// The story stage: near-duplicate reports ("copies") and story clusters.
//
// Contract: reads documents' text, metadata and (when present) entity
// layers; never mutates documents. Work is incremental: StoryIndex::add
// places one more document (joining or opening a story, linking it to what it
// copies) without revisiting the others, and keeps per document only its
// sketch (story/sketch.h), never its text, so it scales to feeds of millions
// of reports. Features are a pure function of one document and can be
// computed on all cores; adding is sequential.
//
// Copies: candidates come from MinHash LSH (story/lsh.h) and must reach an
// estimated Jaccard of StoryOptions::copy_jaccard on word 3-shingles, or
// contain most of the shorter text. cluster_stories, which has the texts,
// then verifies every link on the exact shingle sets. Direction, strongest
// evidence first: a credit line naming the other outlet ("Read more @ ...",
// "originally published by ..."), an earlier publication date, one text
// contained in the other (the shorter is the excerpt), else input order.
//
// Stories: a document that copies another joins that one's story. Otherwise
// it is compared (TF-IDF cosine, proper names weighted up, idf from the
// documents seen so far) with the centroids of the stories that share its
// top terms, discounted when publication dates lie far apart; it joins the
// best above StoryOptions::join_similarity or opens a new story. A story that
// grows close to another merges with it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "story/lsh.h"
#include "story/sketch.h"

namespace cc {

struct CopyLink {
  std::string doc_id;      // the copy
  std::string copy_of;     // what it copies
  double similarity = 0;   // Jaccard of word 3-shingles (exact after cluster_stories)
  std::string evidence;    // why this direction: "credit line: ...", "earlier publication", ...
  size_t doc_index = 0;    // positions in the order documents were added
  size_t copy_of_index = 0;
};

struct Story {
  std::string id;          // "s" + 8 hex digits of the founding document's id; stable for the same inputs
  std::string title;
  std::vector<std::string> doc_ids;
  std::vector<size_t> doc_indexes;  // positions in the order documents were added
  PartialDate first, last;          // publication dates of its earliest and latest report
};

struct StoryResult {
  std::vector<Story> stories;    // largest first, then by first appearance
  std::vector<CopyLink> copies;  // at most one per copying document; they form a forest
};

// For each of the n documents, the document whose voice it repeats: copy
// links followed to the original (itself when it copies nothing). Documents
// with the same original are one voice.
std::vector<size_t> originals(const StoryResult& r, size_t n);

struct StoryOptions {
  double copy_jaccard = 0.35;       // estimated Jaccard that makes a copy candidate
  double verify_jaccard = 0.4;      // exact Jaccard a copy must reach (cluster_stories)
  double copy_containment = 0.8;    // or: this share of the shorter text in the longer
  uint64_t min_copy_shingles = 5;   // shorter texts are never called copies
  double join_similarity = 0.2;     // cosine to join an existing story
  double merge_similarity = 0.6;    // centroid cosine at which two stories merge
  double time_window_days = 14;     // dates further apart than this weaken similarity
};

// What the index needs of one document: a pure function of it, so it can be
// computed on any core, and small, so a ledger can store it and replay add().
struct DocFeatures {
  std::string id, title, lead, source, host;
  std::string credit;  // normalized outlet named in a credit line, "" when none
  PartialDate published;
  MinHash minhash;
  std::vector<std::pair<uint32_t, float>> terms;  // term hash -> tf weight, sorted by hash
};

DocFeatures features(const Document& doc);

class StoryIndex {
 public:
  explicit StoryIndex(StoryOptions options = {});

  struct Placement {
    size_t index = 0;        // position of the document in the index
    std::string story_id;    // at the time of adding; merges may change it later
    bool copy = false;       // a copy relation with an earlier document was found
    CopyLink link;           // when copy; evidence may make the earlier document the copy
  };
  Placement add(DocFeatures f);
  // The current stories and copy links.
  StoryResult result() const;
  size_t size() const { return docs_.size(); }
  // Sizes the index for n documents.
  void reserve(size_t n);

 private:
  struct DocInfo {
    std::string id, title, lead, source, host, credit;
    PartialDate published;
    uint32_t story = 0;
    bool copy = false;  // has a copy link of its own
  };
  struct Centroid {
    std::unordered_map<uint32_t, float> weights;  // summed unit tf vectors of members
    uint32_t founder = 0;
    uint32_t members = 0;
    PartialDate first, last;
  };

  uint32_t find(uint32_t story) const;
  double idf(uint32_t term) const;
  double similarity(const std::vector<std::pair<uint32_t, double>>& q, double qnorm,
                    const Centroid& c) const;
  double time_factor(const PartialDate& d, const Centroid& c) const;
  void join(uint32_t story, uint32_t doc, const std::vector<std::pair<uint32_t, float>>& unit);
  void add_terms(uint32_t story, const std::vector<std::pair<uint32_t, float>>& unit);
  void merge(uint32_t into, uint32_t from);
  std::string story_name(uint32_t story) const;
  bool direction(uint32_t newer, uint32_t older, double jaccard, CopyLink* link) const;

  StoryOptions options_;
  LshIndex lsh_;
  std::vector<DocInfo> docs_;
  std::vector<Centroid> stories_;
  std::vector<uint32_t> parent_;  // union-find over stories: merged stories point to the survivor
  std::unordered_map<uint32_t, uint32_t> df_;  // document frequency over non-copies
  size_t counted_ = 0;                         // documents counted in df_
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings_;  // term -> stories
  std::vector<CopyLink> copies_;
  std::unordered_map<std::string, uint32_t> by_id_;  // exact duplicates by content hash
};

// Places every document (features on all cores), then verifies copy links on
// the exact shingle sets.
StoryResult cluster_stories(const std::vector<Document>& docs, StoryOptions options = {});

}  // namespace cc
