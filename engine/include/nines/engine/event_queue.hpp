// An indexed 4-ary min-heap of pending events, one slot per event source (an instance), ordered
// by (time, sequence number) so ties resolve the same way on every run.
#pragma once

#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

namespace nines::engine {

class EventQueue {
 public:
  /// Largest number of slots: the slot shares a 64-bit key with a 40-bit sequence number.
  static constexpr std::uint32_t kMaxSlots = (1U << 24U) - 1U;
  static constexpr std::uint32_t kNotQueued = std::numeric_limits<std::uint32_t>::max();

  EventQueue() = default;
  EventQueue(const EventQueue&) = delete;  // heap_ points into storage_
  EventQueue& operator=(const EventQueue&) = delete;
  EventQueue(EventQueue&&) noexcept = default;  // the buffer moves with the vector
  EventQueue& operator=(EventQueue&&) noexcept = default;
  ~EventQueue() = default;

  /// Empties the queue and sizes it for `slots` sources. Allocates only when it grows.
  void reset(std::uint32_t slots) {
    assert(slots <= kMaxSlots);
    if (storage_.size() < slots + 4U) storage_.resize(slots + 4U);
    // Place the heap so that each group of four siblings (4i+1 .. 4i+4) fills one 64-byte line.
    const auto address = reinterpret_cast<std::uintptr_t>(storage_.data());
    const std::uintptr_t skip = ((64U - (address + sizeof(Key)) % 64U) % 64U) / sizeof(Key);
    heap_ = storage_.data() + skip;
    size_ = 0;
    position_.assign(slots, kNotQueued);
    next_sequence_ = 0;
  }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  double top_time() const { return time_of(heap_[0]); }
  std::uint32_t top_slot() const { return slot_of(heap_[0]); }
  bool contains(std::uint32_t slot) const { return position_[slot] != kNotQueued; }

  /// Schedules `slot` at `time` (>= 0), replacing its pending event if it has one. The new event
  /// gets a fresh sequence number, so it comes after every event already scheduled for that time.
  void schedule(std::uint32_t slot, double time) {
    assert(time >= 0.0);
    const Key key = make_key(time, (next_sequence_++ << 24U) | slot);
    std::uint32_t i = position_[slot];
    if (i == kNotQueued) {
      i = size_++;
      sift_up(i, key);
    } else if (key < heap_[i]) {
      sift_up(i, key);
    } else {
      sift_down(i, key);
    }
  }

  /// Drops the pending event of `slot`, if any.
  void cancel(std::uint32_t slot) {
    const std::uint32_t i = position_[slot];
    if (i == kNotQueued) return;
    position_[slot] = kNotQueued;
    const Key last = heap_[--size_];
    if (i == size_) return;
    if (last < heap_[i]) {
      sift_up(i, last);
    } else {
      sift_down(i, last);
    }
  }

 private:
  // One 128-bit integer per entry: the bits of the (non-negative) time, whose integer order is
  // the order of the doubles, above sequence << 24 | slot. One unsigned compare orders by
  // (time, sequence) without branches on the parts.
  __extension__ using Key = unsigned __int128;

  static Key make_key(double time, std::uint64_t tie) {
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof time);
    __builtin_memcpy(&bits, &time, sizeof bits);
    return (static_cast<Key>(bits) << 64U) | tie;
  }
  static double time_of(Key key) {
    const auto bits = static_cast<std::uint64_t>(key >> 64U);
    double time = 0.0;
    __builtin_memcpy(&time, &bits, sizeof time);
    return time;
  }
  static std::uint32_t slot_of(Key key) { return static_cast<std::uint32_t>(key) & kMaxSlots; }

  void place(std::uint32_t i, Key key) {
    heap_[i] = key;
    position_[slot_of(key)] = i;
  }

  void sift_up(std::uint32_t i, Key key) {
    while (i > 0) {
      const std::uint32_t parent = (i - 1) / 4;
      if (!(key < heap_[parent])) break;
      place(i, heap_[parent]);
      i = parent;
    }
    place(i, key);
  }

  void sift_down(std::uint32_t i, Key key) {
    const std::uint32_t n = size_;
    for (;;) {
      const std::uint32_t first = 4 * i + 1;
      if (first >= n) break;
      std::uint32_t best = first;
      Key best_key = heap_[first];
      const std::uint32_t end = first + 4 < n ? first + 4 : n;
      for (std::uint32_t c = first + 1; c < end; ++c) {
        const bool smaller = heap_[c] < best_key;  // selected without branches
        best = smaller ? c : best;
        best_key = smaller ? heap_[c] : best_key;
      }
      if (!(best_key < key)) break;
      place(i, best_key);
      i = best;
    }
    place(i, key);
  }

  std::vector<Key> storage_;
  Key* heap_ = nullptr;  // into storage_, aligned as above
  std::uint32_t size_ = 0;
  std::vector<std::uint32_t> position_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace nines::engine
