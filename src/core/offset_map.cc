#include "core/offset_map.h"

#include <algorithm>

namespace cc {

void OffsetMap::map(uint32_t norm, uint64_t orig) {
  if (!points_.empty()) {
    const Point& last = points_.back();
    if (last.orig + (norm - last.norm) == orig) return;  // still in step
    if (last.norm == norm) {
      points_.back().orig = orig;
      return;
    }
  }
  points_.push_back({norm, orig});
}

uint64_t OffsetMap::to_original(uint32_t norm) const {
  auto it = std::upper_bound(points_.begin(), points_.end(), norm,
                             [](uint32_t n, const Point& p) { return n < p.norm; });
  if (it == points_.begin()) return norm;
  --it;
  return it->orig + (norm - it->norm);
}

void OffsetMap::append_from(const OffsetMap& src, uint32_t src_begin, uint32_t src_end,
                            uint32_t dest) {
  map(dest, src.to_original(src_begin));
  auto it = std::upper_bound(src.points_.begin(), src.points_.end(), src_begin,
                             [](uint32_t n, const Point& p) { return n < p.norm; });
  for (; it != src.points_.end() && it->norm < src_end; ++it)
    map(dest + (it->norm - src_begin), it->orig);
}

OffsetMap OffsetMap::then(const OffsetMap& next) const {
  OffsetMap out;
  if (points_.empty() || points_.front().norm != 0) out.append_from(next, 0, points_.empty() ? UINT32_MAX : points_.front().norm, 0);
  for (size_t i = 0; i < points_.size(); ++i) {
    uint32_t len = i + 1 < points_.size() ? points_[i + 1].norm - points_[i].norm
                                          : UINT32_MAX - points_[i].norm;
    // Input offsets past 4 GiB only occur in the outermost map, never as the
    // middle of a composition, so narrowing is safe here.
    uint32_t mid = static_cast<uint32_t>(points_[i].orig);
    uint64_t mid_end = std::min<uint64_t>(uint64_t{mid} + len, UINT32_MAX);
    out.append_from(next, mid, static_cast<uint32_t>(mid_end), points_[i].norm);
  }
  return out;
}

}  // namespace cc
