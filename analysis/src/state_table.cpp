// The packed-state hash set (linear probing, load at most one half).
#include "state_table.hpp"

#include <algorithm>
#include <cassert>

namespace nines::analysis::detail {

StateTable::StateTable(std::size_t width) : width_(width), slots_(1024, kEmpty) {}

std::uint64_t StateTable::hash(std::span<const std::uint16_t> state) const {
  // FNV-1a over the words, then a final avalanche so the low bits (the slot) mix the high ones.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const std::uint16_t w : state) h = (h ^ w) * 0x100000001b3ULL;
  h ^= h >> 33U;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33U;
  return h;
}

std::pair<std::uint32_t, bool> StateTable::insert(std::span<const std::uint16_t> state) {
  assert(state.size() == width_);
  if (2 * (size_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash(state) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t index = slots_[slot];
    if (index == kEmpty) {
      slots_[slot] = static_cast<std::uint32_t>(size_);
      words_.insert(words_.end(), state.begin(), state.end());
      return {static_cast<std::uint32_t>(size_++), true};
    }
    const auto known = at(index);
    if (std::equal(known.begin(), known.end(), state.begin())) return {index, false};
  }
}

void StateTable::grow() {
  std::vector<std::uint32_t> slots(slots_.size() * 2, kEmpty);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t index = 0; index < size_; ++index) {
    std::size_t slot = hash(at(index)) & mask;
    while (slots[slot] != kEmpty) slot = (slot + 1) & mask;
    slots[slot] = index;
  }
  slots_ = std::move(slots);
}

}  // namespace nines::analysis::detail
