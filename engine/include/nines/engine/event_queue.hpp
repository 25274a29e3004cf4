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

  /// Empties the queue and sizes it for `slots` sources. Allocates only when it grows.
  void reset(std::uint32_t slots) {
    assert(slots <= kMaxSlots);
    heap_.clear();
    heap_.reserve(slots);
    position_.assign(slots, kNotQueued);
    next_sequence_ = 0;
  }

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  double top_time() const { return heap_.front().time; }
  std::uint32_t top_slot() const { return slot_of(heap_.front()); }
  bool contains(std::uint32_t slot) const { return position_[slot] != kNotQueued; }

  /// Schedules `slot` at `time`, replacing its pending event if it has one. The new event gets a
  /// fresh sequence number, so it comes after every event already scheduled for the same time.
  void schedule(std::uint32_t slot, double time) {
    const Entry entry{time, (next_sequence_++ << 24U) | slot};
    std::uint32_t i = position_[slot];
    if (i == kNotQueued) {
      i = static_cast<std::uint32_t>(heap_.size());
      heap_.push_back(entry);
      sift_up(i, entry);
    } else if (less(entry, heap_[i])) {
      sift_up(i, entry);
    } else {
      sift_down(i, entry);
    }
  }

  /// Drops the pending event of `slot`, if any.
  void cancel(std::uint32_t slot) {
    const std::uint32_t i = position_[slot];
    if (i == kNotQueued) return;
    position_[slot] = kNotQueued;
    const Entry last = heap_.back();
    heap_.pop_back();
    if (i == heap_.size()) return;
    if (less(last, heap_[i])) {
      sift_up(i, last);
    } else {
      sift_down(i, last);
    }
  }

 private:
  struct Entry {
    double time;
    std::uint64_t key;  // sequence << 24 | slot
  };

  static std::uint32_t slot_of(const Entry& e) {
    return static_cast<std::uint32_t>(e.key & kMaxSlots);
  }
  static bool less(const Entry& a, const Entry& b) {
    return a.time < b.time || (a.time == b.time && a.key < b.key);
  }

  void place(std::uint32_t i, const Entry& e) {
    heap_[i] = e;
    position_[slot_of(e)] = i;
  }

  void sift_up(std::uint32_t i, const Entry& e) {
    while (i > 0) {
      const std::uint32_t parent = (i - 1) / 4;
      if (!less(e, heap_[parent])) break;
      place(i, heap_[parent]);
      i = parent;
    }
    place(i, e);
  }

  void sift_down(std::uint32_t i, const Entry& e) {
    const auto n = static_cast<std::uint32_t>(heap_.size());
    for (;;) {
      const std::uint32_t first = 4 * i + 1;
      if (first >= n) break;
      std::uint32_t best = first;
      const std::uint32_t end = first + 4 < n ? first + 4 : n;
      for (std::uint32_t c = first + 1; c < end; ++c) {
        if (less(heap_[c], heap_[best])) best = c;
      }
      if (!less(heap_[best], e)) break;
      place(i, heap_[best]);
      i = best;
    }
    place(i, e);
  }

  std::vector<Entry> heap_;
  std::vector<std::uint32_t> position_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace nines::engine
