// The pending events of one history, one slot per event source (an instance's clock, a zone, a
// region, an injection), ordered by (time, class, rank, slot): same-instant events come out in the
// documented batch order, whatever order they were scheduled in.
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
#include <stdexcept>
#include <string>
#include <vector>

namespace nines::engine {

class EventQueue {
 public:
  /// Largest number of slots: the slot shares a 64-bit tie key with a class and a rank.
  static constexpr std::uint32_t kSlotBits = 28;
  static constexpr std::uint32_t kMaxSlots = (1U << kSlotBits) - 1U;

  EventQueue() = default;
  EventQueue(const EventQueue&) = delete;  // heap_ points into heap_storage_
  EventQueue& operator=(const EventQueue&) = delete;
  EventQueue(EventQueue&&) noexcept = default;  // the buffer moves with the vector
  EventQueue& operator=(EventQueue&&) noexcept = default;
  ~EventQueue() = default;

  /// Empties the queue for `slots` sources and events before `horizon_hours`. Allocates only
  /// when it grows.
  void reset(std::uint32_t slots, double horizon_hours) {
    // Reached from user input (model size, horizon): checks, not asserts.
    if (slots > kMaxSlots || !(horizon_hours > 0.0)) {
      throw std::invalid_argument("internal error: EventQueue::reset with " +
                                  std::to_string(slots) + " slots and a horizon of " +
                                  std::to_string(horizon_hours) + " h");
    }
    if (heap_storage_.size() < slots + 4U) heap_storage_.resize(slots + 4U);
    // Place the heap so that each group of four siblings (4i+1 .. 4i+4) fills one 64-byte line.
    const auto address = reinterpret_cast<std::uintptr_t>(heap_storage_.data());
    const std::uintptr_t skip = ((64U - (address + sizeof(Key)) % 64U) % 64U) / sizeof(Key);
    heap_ = heap_storage_.data() + skip;
    heap_size_ = 0;
    // Four buckets per source keep the heap at a handful of events (measured fastest on the
    // benchmark models: parking is O(1), the heap's sift is what costs).
    const std::uint32_t buckets = std::clamp<std::uint32_t>(slots * 4U, 256U, 1U << 20U);
    bucket_head_.assign(buckets + 1U, kNone);
    bucket_count_ = buckets;
    horizon_hours_ = horizon_hours;
    buckets_per_hour_ = buckets / horizon_hours;
    current_bucket_ = 0;
    slots_.assign(slots, SlotRecord{});
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

  /// Calls `hint(slot)` for the events that may come right after the earliest one (the heap
  /// root's children), so a caller can prefetch what handling them will read.
  template <typename Hint>
  void for_each_runner_up(Hint&& hint) const {
    const std::uint32_t end = heap_size_ < 5U ? heap_size_ : 5U;
    for (std::uint32_t i = 1; i < end; ++i) hint(slot_of(heap_[i]));
  }

  /// Where the caller keeps a record per slot (`stride` bytes apart): events entering the heap
  /// prefetch theirs, a few events before they are handled.
  /// Only slots below `count` have a record.
  void set_payload(const void* base, std::size_t stride, std::uint32_t count) {
    payload_ = static_cast<const char*>(base);
    payload_stride_ = stride;
    payload_count_ = count;
  }

  bool contains(std::uint32_t slot) const { return slots_[slot].container != kNowhere; }

  // One 128-bit integer per entry: the bits of the (non-negative) time, whose integer order is
  // the order of the doubles, above class << 56 | rank << 28 | slot. One unsigned compare orders
  // by (time, class, rank, slot) without branches on the parts.
  __extension__ using Key = unsigned __int128;
  static constexpr Key kNoKey = ~Key{0};

  /// The key of the pending event of `slot`, or kNoKey: what the loop compares to check that a
  /// handler rescheduled or cancelled its slot.
  Key pending_key(std::uint32_t slot) const {
    const SlotRecord& record = slots_[slot];
    if (record.container == kNowhere) return kNoKey;
    return record.container == kHeap ? heap_[record.index] : record.parked_key;
  }

  /// The key of the earliest event, which peek() just returned true for.
  Key top_key() const { return heap_[0]; }

  /// Whether `slot`'s pending event is still `key`, an event of the heap (a top_key()): cheaper
  /// than pending_key(slot) == key, and the same answer for a key that was in the heap, since a
  /// reschedule to the same key goes back into the heap.
  bool still_pending(std::uint32_t slot, Key key) const {
    const SlotRecord& record = slots_[slot];
    return record.container == kHeap && heap_[record.index] == key;
  }

  /// Events pending, including those parked past the horizon.
  std::size_t size() const {
    std::size_t n = heap_size_;
    for (std::uint32_t b = current_bucket_ + 1; b <= bucket_count_; ++b) {
      for (std::uint32_t s = bucket_head_[b]; s != kNone; s = slots_[s].next) ++n;
    }
    return n;
  }

  /// Schedules `slot` at `time` (not before the current event), replacing its pending event if
  /// it has one. Events at one time come out by `event_class` (0 first), then `rank`, then slot.
  void schedule(std::uint32_t slot, double time, std::uint32_t event_class, std::uint32_t rank) {
    assert(time >= 0.0);
    const Key key = make_key(
        time, (std::uint64_t{event_class} << 56U) | (std::uint64_t{rank} << kSlotBits) | slot);
    const std::uint32_t bucket = bucket_of(time);
    const std::uint32_t target = bucket <= current_bucket_ ? kHeap : bucket;
    if (slots_[slot].container == kHeap && target == kHeap) {
      const std::uint32_t i = slots_[slot].index;
      if (key < heap_[i]) {
        sift_up(i, key);
      } else {
        sift_down(i, key);
      }
      return;
    }
    // Parking reads the bucket's head, a likely cache miss: start it before the cancel's sift.
    if (target != kHeap) __builtin_prefetch(&bucket_head_[target]);
    cancel(slot);
    if (target == kHeap) {
      slots_[slot].container = kHeap;
      sift_up(heap_size_++, key);
    } else {
      park(target, key);
    }
  }

  /// Schedules with class 0 and the slot as its rank: ties come out by slot number.
  void schedule(std::uint32_t slot, double time) { schedule(slot, time, 0, slot); }

  /// Drops the pending event of `slot`, if any.
  void cancel(std::uint32_t slot) {
    const std::uint32_t where = slots_[slot].container;
    if (where == kNowhere) return;
    slots_[slot].container = kNowhere;
    if (where != kHeap) {
      unpark(where, slot);
      return;
    }
    const std::uint32_t i = slots_[slot].index;
    const Key last = heap_[--heap_size_];
    if (i == heap_size_) return;
    if (last < heap_[i]) {
      sift_up(i, last);
    } else {
      sift_down(i, last);
    }
  }

 private:
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

  /// The bucket of a time; bucket_count_ holds everything past the horizon. Monotone in time, and
  /// the only rule that sorts events into buckets, so no event can overtake another across a
  /// bucket boundary however the multiplication rounds.
  std::uint32_t bucket_of(double time) const {
    if (time >= horizon_hours_) return bucket_count_;
    const auto b = static_cast<std::uint32_t>(time * buckets_per_hour_);
    return b < bucket_count_ ? b : bucket_count_ - 1;
  }

  // A bucket is a doubly linked list through its slots: memory per slot, never per event.
  void park(std::uint32_t bucket, Key key) {
    const std::uint32_t slot = slot_of(key);
    SlotRecord& record = slots_[slot];
    record.container = bucket;
    record.parked_key = key;
    const std::uint32_t head = bucket_head_[bucket];
    record.next = head;
    record.prev = kNone;
    if (head != kNone) slots_[head].prev = slot;
    bucket_head_[bucket] = slot;
  }

  void unpark(std::uint32_t bucket, std::uint32_t slot) {
    const std::uint32_t next = slots_[slot].next;
    const std::uint32_t prev = slots_[slot].prev;
    if (prev == kNone) {
      bucket_head_[bucket] = next;
    } else {
      slots_[prev].next = next;
    }
    if (next != kNone) slots_[next].prev = prev;
  }

  /// Moves the next non-empty bucket before the horizon into the (empty) heap.
  bool advance_bucket() {
    while (current_bucket_ + 1 < bucket_count_) {
      ++current_bucket_;
      std::uint32_t slot = bucket_head_[current_bucket_];
      if (slot == kNone) continue;
      bucket_head_[current_bucket_] = kNone;
      while (slot != kNone) {
        if (slot < payload_count_)
          __builtin_prefetch(payload_ + std::size_t{slot} * payload_stride_);
        SlotRecord& record = slots_[slot];
        record.container = kHeap;
        slot = record.next;
        sift_up(heap_size_++, record.parked_key);
      }
      return true;
    }
    return false;
  }

  void place(std::uint32_t i, Key key) {
    heap_[i] = key;
    slots_[slot_of(key)].index = i;
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
  std::uint32_t bucket_count_ = 0;
  std::uint32_t current_bucket_ = 0;
  double horizon_hours_ = 0.0;
  double buckets_per_hour_ = 0.0;  // a multiply, not a divide, per scheduled event
  /// Everything kept per slot, in one record so that an event touches one cache line:
  /// where its event is (kNowhere, kHeap or a bucket), its index in the heap, and when parked,
  /// its key and its neighbours in the bucket's list.
  struct alignas(32) SlotRecord {
    Key parked_key = 0;
    std::uint32_t container = kNowhere;
    std::uint32_t index = 0;
    std::uint32_t next = kNone;
    std::uint32_t prev = kNone;
  };
  std::vector<SlotRecord> slots_;
  const char* payload_ = nullptr;
  std::size_t payload_stride_ = 0;
  std::uint32_t payload_count_ = 0;
};

}  // namespace nines::engine
