// OffsetMap: from a byte offset in a Document's normalized text back to the
// byte offset in the input it came from (the file, the HTML page, the WARC
// record's payload).
//
// Stored as checkpoints where the two offsets stop moving in step, so text
// copied verbatim costs nothing and the map stays small on large inputs.
// Between checkpoints the mapping is linear; inside a run that normalization
// rewrote (a decoded Windows-1252 byte, a folded space) it points at the start
// of the rewritten input, which is what a reader clicking evidence wants.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cc {

class OffsetMap {
 public:
  struct Point {
    uint32_t norm;
    uint64_t orig;
  };

  // Declares that normalized offset `norm` comes from input offset `orig`.
  // Calls must come in increasing `norm` order.
  void map(uint32_t norm, uint64_t orig);
  uint64_t to_original(uint32_t norm) const;
  size_t checkpoints() const { return points_.size(); }
  void clear() { points_.clear(); }

  // Appends to *this the mapping of src[src_begin, src_end) placed at
  // normalized offset `dest`, for text rebuilt from pieces of another text.
  void append_from(const OffsetMap& src, uint32_t src_begin, uint32_t src_end, uint32_t dest);

  // The map of this map followed by `next` (this: a -> b, next: b -> c; result: a -> c).
  OffsetMap then(const OffsetMap& next) const;

  // The checkpoints, in increasing `norm` order (for storing a map; map()
  // rebuilds it).
  const std::vector<Point>& points() const { return points_; }

 private:
  std::vector<Point> points_;
};

}  // namespace cc
