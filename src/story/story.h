// The story stage: near-duplicate reports ("copies") and story clusters.
//
// Contract: reads documents' text, metadata and (when present) entity and
// time layers; never mutates documents. Memory is bounded by per-document
// sketches, not texts, so it scales to feeds of millions of reports.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace cc {

struct CopyLink {
  std::string doc_id;      // the copy
  std::string copy_of;     // what it copies
  double similarity = 0;   // estimated Jaccard of word shingles
  std::string evidence;    // why this direction: "earlier publication", "credit line", ...
};

struct Story {
  std::string id;
  std::string title;
  std::vector<std::string> doc_ids;
  PartialDate first, last;
};

struct StoryResult {
  std::vector<Story> stories;
  std::vector<CopyLink> copies;
};

StoryResult cluster_stories(const std::vector<Document>& docs);

}  // namespace cc
