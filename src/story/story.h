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
// top terms, discounted when its date (publication, else the one estimated
// from the text) lies far from a story's; it joins the best above
// StoryOptions::join_similarity or opens a new story. A story that grows
// close to another merges with it.
//
// One pass in arrival order places early reports badly: the first reports
// see idf from a handful of documents and no stories yet. refine() revisits
// the reports added since the last refine() with the idf and stories of
// everything seen so far, moving each to the story it now fits best (or a
// new one); it is what a batch (one `ingest` run, cluster_stories) ends with.
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

// A story's time span as the commands print it: "2026-04-14",
// "2026-04-14 .. 2026-04-16", or "undated".
std::string time_span(const Story& s);

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
  double split_similarity = 0.2;    // a batch's reports leave their story below this cosine
  size_t min_split = 2;             // ...when at least this many of them joined it
  double time_window_days = 14;     // dates further apart than this weaken similarity...
  double time_half_life_days = 30;  // ...by half for every this many days beyond
};

// What the index needs of one document: a pure function of it, so it can be
// computed on any core, and small, so a ledger can store it and replay add().
struct DocFeatures {
  std::string id, title, lead, source, host;
  std::string credit;  // normalized outlet named in a credit line, "" when none
  PartialDate published;
  PartialDate dated;   // published, else the date estimated from the text when confident
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
  // Second pass over the documents added since the last call: each leaves its
  // story and is placed again against every story, with idf over all
  // documents so far. Story ids may change when a founding report moves.
  // Until then the index holds those documents' term vectors (256 terms
  // each), so a feed calls it after each batch.
  void refine();
  // The current stories and copy links.
  StoryResult result() const;
  size_t size() const { return docs_.size(); }
  // Bytes held, roughly: sketches, per-document metadata, centroids, postings
  // and the term vectors of the batch not yet refined; never document texts.
  size_t memory_bytes() const;
  // Sizes the index for n documents.
  void reserve(size_t n);

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  using Terms = std::vector<std::pair<uint32_t, float>>;  // unit tf vector, sorted by term

  struct DocInfo {
    std::string id, title, lead, source, host, credit;
    PartialDate published, dated;
    uint32_t story = 0;
    uint32_t copy_of = kNone;  // the document this one copies
  };
  // A query: tf-idf weights of a document's terms (idf at the time of asking).
  struct Query {
    std::vector<std::pair<uint32_t, double>> terms;
    double norm = 0;
  };
  struct Centroid {
    std::unordered_map<uint32_t, float> weights;  // summed unit tf vectors of members
    uint32_t founder = 0;
    uint32_t members = 0;
    PartialDate first, last;
  };

  uint32_t find(uint32_t story) const;
  double idf(uint32_t term) const;
  // Weights tf (a Terms or a centroid's map) by the current idf.
  template <class Weights>
  Query weigh(const Weights& tf) const;
  static Terms unit_of(const Terms& tf);
  double similarity(const Query& q, const Centroid& c) const;
  double time_factor(const PartialDate& d, const Centroid& c) const;
  // The story q fits best at >= join_similarity (kNone when none does),
  // scoring `also` besides the stories sharing q's top terms; stories scoring
  // at least half the threshold go to *close when given.
  uint32_t best_story(const Query& q, const PartialDate& dated, uint32_t also,
                      std::vector<uint32_t>* close) const;
  uint32_t open_story(uint32_t founder);
  void join(uint32_t story, uint32_t doc, const Terms& unit);
  void leave(uint32_t story, const Terms& unit);
  static void subtract(std::unordered_map<uint32_t, float>& weights, const Terms& unit);
  void add_terms(uint32_t story, const Terms& unit);
  void merge(uint32_t into, uint32_t from);
  void merge_close(uint32_t story, const std::vector<uint32_t>& close);
  // A story's reports of the last batch open a story of their own when their
  // centroid has drifted below split_similarity from what the story was before.
  void split_drifted();
  // Members, founder and time span of every story, from the documents.
  void recount();
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
  struct Pending {
    uint32_t doc;
    Terms tf;     // the document's term weights
    Terms added;  // what it added to its story's centroid
  };
  std::vector<Pending> pending_;  // placed since the last refine()
};

// Places every document (features on all cores), refines, then verifies copy
// links on the exact shingle sets. With `batch` (one number per document),
// the documents are the batches of a feed: refine() runs after the last
// document of each run of equal numbers, as it did when they arrived, so
// earlier batches are placed exactly as they were. Without it, all documents
// are one batch.
StoryResult cluster_stories(const std::vector<Document>& docs, StoryOptions options = {},
                            const std::vector<int>& batch = {});

}  // namespace cc
