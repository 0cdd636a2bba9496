// WordMap: a hash map from words to values, filled once and then only read,
// for the word tables extractors look every token up in.
//
// Open addressing with linear probing over a power-of-two table of small
// slots (hash, key, value index) kept at most half full; keys are copied into
// one arena and values kept in insertion order apart from the slots, so a
// probe touches 16 bytes whatever the value. A look-up takes a string_view (no
// std::string is built) and a miss, the usual outcome for a token, costs one
// FNV-1a hash and a probe or two whose stored hash differs. Pointers to
// values stay valid until the next emplace(); read-only use is safe from many
// threads.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cc {

template <class V>
class WordMap {
 public:
  WordMap() = default;
  WordMap(std::initializer_list<std::pair<std::string_view, V>> items) {
    for (const auto& [key, value] : items) emplace(key, value);
  }

  // Adds key -> value unless key is present (the first value stays, as with
  // std::unordered_map::emplace). Returns whether it was added.
  bool emplace(std::string_view key, V value) {
    if (2 * (values_.size() + 1) > slots_.size()) grow();
    uint32_t h = hash(key);
    size_t i = find_slot(key, h);
    if (slots_[i].used()) return false;
    values_.push_back(std::move(value));
    slots_[i] = Slot{h, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()),
                     static_cast<uint32_t>(values_.size())};
    keys_.append(key);
    return true;
  }

  const V* find(std::string_view key) const {
    if (values_.empty()) return nullptr;
    const Slot& s = slots_[find_slot(key, hash(key))];
    return s.used() ? &values_[s.value - 1] : nullptr;
  }
  V* find(std::string_view key) { return const_cast<V*>(std::as_const(*this).find(key)); }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  size_t size() const { return values_.size(); }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t offset = 0, length = 0;  // the key in keys_
    uint32_t value = 0;               // 1 + its index in values_; 0: an empty slot
    bool used() const { return value != 0; }
  };

  static uint32_t hash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
  }

  // Words are short: a loop beats a call to memcmp.
  static bool equal(const char* stored, std::string_view key) {
    for (size_t k = 0; k < key.size(); ++k)
      if (stored[k] != key[k]) return false;
    return true;
  }

  // The slot holding key, or the empty slot where it would go.
  size_t find_slot(std::string_view key, uint32_t h) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used()) return i;
      if (s.hash == h && s.length == key.size() && equal(keys_.data() + s.offset, key)) return i;
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.used()) continue;
      size_t i = s.hash & mask;
      while (slots_[i].used()) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<V> values_;
};

// A set of words: WordMap with no value.
class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<std::string_view> words) {
    for (auto w : words) map_.emplace(w, Empty{});
  }
  bool insert(std::string_view w) { return map_.emplace(w, Empty{}); }
  bool contains(std::string_view w) const { return map_.contains(w); }
  size_t size() const { return map_.size(); }

 private:
  struct Empty {};
  WordMap<Empty> map_;
};

}  // namespace cc
