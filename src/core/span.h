// Spans and layers: the shape of every annotation in crosscheck.
//
// A Span is a half-open byte range [begin, end) into a Document's normalized
// UTF-8 text. A Layer<T> is a vector of (span, payload) kept sorted by begin
// (then end) so stages can binary-search "what covers this byte" and walk two
// layers side by side. Layers never own text: payloads that need words copy
// the few they need, everything else is an offset.
//
// Thread safety: none; a Document and its layers belong to one thread at a time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cc {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(Span o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(Span o) const { return begin < o.end && o.begin < end; }
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(Span a, Span b) = default;
  friend bool operator<(Span a, Span b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  }
};

template <class T>
struct Annotation {
  Span span;
  T value;
};

template <class T>
class Layer {
 public:
  using Item = Annotation<T>;

  void add(Span span, T value) {
    sorted_ = sorted_ && (items_.empty() || !(span < items_.back().span));
    items_.push_back(Item{span, std::move(value)});
  }
  // Restores the sort order after out-of-order add()s. Stable, so equal spans
  // keep insertion order.
  void sort() {
    if (sorted_) return;
    std::stable_sort(items_.begin(), items_.end(),
                     [](const Item& a, const Item& b) { return a.span < b.span; });
    sorted_ = true;
  }
  void clear() { items_.clear(); sorted_ = true; }

  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const Item& operator[](size_t i) const { return items_[i]; }
  Item& operator[](size_t i) { return items_[i]; }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  auto begin() { return items_.begin(); }
  auto end() { return items_.end(); }

  // Index of the first item whose span ends after `pos` (items overlapping or
  // after pos). Requires a sorted layer of non-nested spans (tokens, sentences).
  size_t first_ending_after(uint32_t pos) const {
    auto it = std::partition_point(items_.begin(), items_.end(),
                                   [pos](const Item& a) { return a.span.end <= pos; });
    return static_cast<size_t>(it - items_.begin());
  }
  // Items whose span overlaps `span`, for non-nested layers.
  std::pair<size_t, size_t> overlapping(Span span) const {
    size_t lo = first_ending_after(span.begin);
    size_t hi = lo;
    while (hi < items_.size() && items_[hi].span.begin < span.end) ++hi;
    return {lo, hi};
  }

 private:
  std::vector<Item> items_;
  bool sorted_ = true;
};

}  // namespace cc
