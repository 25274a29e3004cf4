// The pending events of one history, one slot per event source (an instance), ordered by
// (time, sequence number) so ties resolve the same way on every run.
//
// Two tiers keep the ordered part small: the horizon is cut into buckets of equal width; only
// events of the current bucket live in an indexed 4-ary min-heap, later ones wait unordered in
// their bucket and are heapified when the clock reaches it, and events at or past the horizon are
// parked without order (they can never fire, but may still be rescheduled or cancelled).
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

namespace nines::engine {

class EventQueue {
 public:
  /// Largest number of slots: the slot shares a 64-bit key with a 40-bit sequence number.
  static constexpr std::uint32_t kMaxSlots = (1U << 24U) - 1U;

  EventQueue() = default;
  EventQueue(const EventQueue&) = delete;  // heap_ points into heap_storage_
  EventQueue& operator=(const EventQueue&) = delete;
  EventQueue(EventQueue&&) noexcept = default;  // the buffer moves with the vector
  EventQueue& operator=(EventQueue&&) noexcept = default;
  ~EventQueue() = default;

  /// Empties the queue for `slots` sources and events before `horizon_hours`. Allocates only
  /// when it grows.
  void reset(std::uint32_t slots, double horizon_hours) {
    assert(slots <= kMaxSlots && horizon_hours > 0.0);
    if (heap_storage_.size() < slots + 4U) heap_storage_.resize(slots + 4U);
    // Place the heap so that each group of four siblings (4i+1 .. 4i+4) fills one 64-byte line.
    const auto address = reinterpret_cast<std::uintptr_t>(heap_storage_.data());
    const std::uintptr_t skip = ((64U - (address + sizeof(Key)) % 64U) % 64U) / sizeof(Key);
    heap_ = heap_storage_.data() + skip;
    heap_size_ = 0;
    // About eight sources per bucket keeps the heap at a few events per bucket width.
    const std::uint32_t buckets = std::clamp<std::uint32_t>(slots / 8U, 64U, 65536U);
    bucket_head_.assign(buckets + 1U, kNone);
    bucket_count_ = buckets;
    horizon_hours_ = horizon_hours;
    bucket_width_hours_ = horizon_hours / buckets;
    current_bucket_ = 0;
    heap_limit_hours_ = bucket_width_hours_;
    container_.assign(slots, kNowhere);
    index_.resize(slots);
    parked_key_.resize(slots);
    parked_next_.resize(slots);
    parked_prev_.resize(slots);
    next_sequence_ = 0;
  }

  /// The earliest event before the horizon, or false when there is none. Not const: it moves the
  /// next bucket into the heap when the current one is exhausted.
  bool peek(double& time, std::uint32_t& slot) {
    while (heap_size_ == 0) {
      if (!advance_bucket()) return false;
    }
    time = time_of(heap_[0]);
    slot = slot_of(heap_[0]);
    return true;
  }

  bool contains(std::uint32_t slot) const { return container_[slot] != kNowhere; }

  /// Events pending, including those parked past the horizon.
  std::size_t size() const {
    std::size_t n = heap_size_;
    for (std::uint32_t b = current_bucket_ + 1; b <= bucket_count_; ++b) {
      for (std::uint32_t s = bucket_head_[b]; s != kNone; s = parked_next_[s]) ++n;
    }
    return n;
  }

  /// Schedules `slot` at `time` (not before the current event), replacing its pending event if
  /// it has one. The new event gets a fresh sequence number, so it comes after every event
  /// already scheduled for the same time.
  void schedule(std::uint32_t slot, double time) {
    assert(time >= 0.0);
    const Key key = make_key(time, (next_sequence_++ << 24U) | slot);
    const std::uint32_t target = time < heap_limit_hours_ ? kHeap : bucket_of(time);
    if (container_[slot] == kHeap && target == kHeap) {
      const std::uint32_t i = index_[slot];
      if (key < heap_[i]) {
        sift_up(i, key);
      } else {
        sift_down(i, key);
      }
      return;
    }
    cancel(slot);
    if (target == kHeap) {
      container_[slot] = kHeap;
      sift_up(heap_size_++, key);
    } else {
      park(target, key);
    }
  }

  /// Drops the pending event of `slot`, if any.
  void cancel(std::uint32_t slot) {
    const std::uint32_t where = container_[slot];
    if (where == kNowhere) return;
    container_[slot] = kNowhere;
    if (where != kHeap) {
      unpark(where, slot);
      return;
    }
    const std::uint32_t i = index_[slot];
    const Key last = heap_[--heap_size_];
    if (i == heap_size_) return;
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
  static constexpr std::uint32_t kNowhere = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t kHeap = kNowhere - 1;
  static constexpr std::uint32_t kNone = kNowhere;

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

  /// The bucket of a time past the heap's limit; bucket_count_ holds everything past the horizon.
  std::uint32_t bucket_of(double time) const {
    if (time >= horizon_hours_) return bucket_count_;
    const auto b = static_cast<std::uint32_t>(time / bucket_width_hours_);
    return std::clamp(b, current_bucket_ + 1, bucket_count_ - 1);
  }

  // A bucket is a doubly linked list through its slots: memory per slot, never per event.
  void park(std::uint32_t bucket, Key key) {
    const std::uint32_t slot = slot_of(key);
    container_[slot] = bucket;
    parked_key_[slot] = key;
    const std::uint32_t head = bucket_head_[bucket];
    parked_next_[slot] = head;
    parked_prev_[slot] = kNone;
    if (head != kNone) parked_prev_[head] = slot;
    bucket_head_[bucket] = slot;
  }

  void unpark(std::uint32_t bucket, std::uint32_t slot) {
    const std::uint32_t next = parked_next_[slot];
    const std::uint32_t prev = parked_prev_[slot];
    if (prev == kNone) {
      bucket_head_[bucket] = next;
    } else {
      parked_next_[prev] = next;
    }
    if (next != kNone) parked_prev_[next] = prev;
  }

  /// Moves the next non-empty bucket before the horizon into the (empty) heap.
  bool advance_bucket() {
    while (current_bucket_ + 1 < bucket_count_) {
      ++current_bucket_;
      heap_limit_hours_ = current_bucket_ + 1 == bucket_count_
                              ? horizon_hours_
                              : bucket_width_hours_ * (current_bucket_ + 1);
      std::uint32_t slot = bucket_head_[current_bucket_];
      if (slot == kNone) continue;
      bucket_head_[current_bucket_] = kNone;
      for (; slot != kNone; slot = parked_next_[slot]) {
        container_[slot] = kHeap;
        sift_up(heap_size_++, parked_key_[slot]);
      }
      return true;
    }
    return false;
  }

  void place(std::uint32_t i, Key key) {
    heap_[i] = key;
    index_[slot_of(key)] = i;
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
    const std::uint32_t n = heap_size_;
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

  std::vector<Key> heap_storage_;
  Key* heap_ = nullptr;  // into heap_storage_, aligned as above
  std::uint32_t heap_size_ = 0;
  /// Buckets [0, bucket_count_) split [0, horizon); bucket bucket_count_ is past the horizon.
  std::vector<std::uint32_t> bucket_head_;
  std::vector<Key> parked_key_;
  std::vector<std::uint32_t> parked_next_;
  std::vector<std::uint32_t> parked_prev_;
  std::uint32_t bucket_count_ = 0;
  std::uint32_t current_bucket_ = 0;
  double horizon_hours_ = 0.0;
  double bucket_width_hours_ = 0.0;
  double heap_limit_hours_ = 0.0;  // events before this are in the heap
  /// Per slot: kNowhere, kHeap or its bucket; and its index in the heap.
  std::vector<std::uint32_t> container_;
  std::vector<std::uint32_t> index_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace nines::engine
