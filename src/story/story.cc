#include "story/story.h"

namespace cc {

StoryResult cluster_stories(const std::vector<Document>& docs) {
  StoryResult r;
  Story s;
  s.id = "1";
  for (const auto& d : docs) s.doc_ids.push_back(d.id);
  if (!docs.empty()) s.title = docs.front().title;
  r.stories.push_back(std::move(s));
  return r;
}

}  // namespace cc
