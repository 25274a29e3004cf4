// A hash set of fixed-width packed states, numbered in insertion order: the state space's index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace nines::analysis::detail {

/// Open addressing with linear probing over indices into one flat array of words, so a state
/// costs its words plus a few bytes of table (millions of states, no per-state allocation).
class StateTable {
 public:
  explicit StateTable(std::size_t width);

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t width() const { return width_; }

  /// The index of `state` (width() words) and whether it was added now.
  std::pair<std::uint32_t, bool> insert(std::span<const std::uint16_t> state);

  /// The words of state `index`.
  [[nodiscard]] std::span<const std::uint16_t> at(std::uint32_t index) const {
    return {words_.data() + static_cast<std::size_t>(index) * width_, width_};
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xffffffffU;
  [[nodiscard]] std::uint64_t hash(std::span<const std::uint16_t> state) const;
  void grow();

  std::size_t width_;
  std::size_t size_ = 0;
  std::vector<std::uint16_t> words_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace nines::analysis::detail
