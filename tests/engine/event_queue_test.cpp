// The event queue: (time, class, rank, slot) order, rescheduling, cancellation and the horizon,
// against a reference ordered map.
#include "nines/engine/event_queue.hpp"

#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "nines/engine/random_stream.hpp"

namespace nines::engine {
namespace {

std::uint32_t pop(EventQueue& q) {
  double time = 0.0;
  std::uint32_t slot = 0;
  EXPECT_TRUE(q.peek(time, slot));
  q.cancel(slot);
  return slot;
}

bool has_event(EventQueue& q) {
  double time = 0.0;
  std::uint32_t slot = 0;
  return q.peek(time, slot);
}

TEST(EventQueue, OrdersByTime) {
  EventQueue q;
  q.reset(4, 100.0);
  q.schedule(0, 3.0);
  q.schedule(1, 1.0);
  q.schedule(2, 2.0);
  EXPECT_EQ(pop(q), 1U);
  EXPECT_EQ(pop(q), 2U);
  EXPECT_EQ(pop(q), 0U);
  EXPECT_FALSE(has_event(q));
}

TEST(EventQueue, TiesGoByClassThenRankThenSlotNotBySchedulingOrder) {
  EventQueue q;
  q.reset(6, 100.0);
  q.schedule(3, 5.0);
  q.schedule(0, 5.0);
  q.schedule(2, 5.0);
  EXPECT_EQ(pop(q), 0U);
  EXPECT_EQ(pop(q), 2U);
  EXPECT_EQ(pop(q), 3U);
  q.schedule(1, 7.0, 2, 0);  // a loss
  q.schedule(4, 7.0, 0, 9);  // a comeback of a later rank
  q.schedule(5, 7.0, 0, 3);  // a comeback
  q.schedule(2, 7.0, 1, 1);  // a detection
  EXPECT_EQ(pop(q), 5U);
  EXPECT_EQ(pop(q), 4U);
  EXPECT_EQ(pop(q), 2U);
  EXPECT_EQ(pop(q), 1U);
}

TEST(EventQueue, RescheduleReplacesThePendingEvent) {
  EventQueue q;
  q.reset(3, 100.0);
  q.schedule(0, 1.0);
  q.schedule(1, 2.0);
  q.schedule(0, 30.0);
  EXPECT_EQ(q.size(), 2U);
  EXPECT_EQ(pop(q), 1U);
  double time = 0.0;
  std::uint32_t slot = 0;
  ASSERT_TRUE(q.peek(time, slot));
  EXPECT_EQ(time, 30.0);
  EXPECT_EQ(slot, 0U);
}

TEST(EventQueue, CancelRemovesOnlyThatSlot) {
  EventQueue q;
  q.reset(3, 100.0);
  q.schedule(0, 1.0);
  q.schedule(1, 50.0);
  q.schedule(2, 99.0);
  q.cancel(1);
  q.cancel(1);  // cancelling twice is harmless
  EXPECT_FALSE(q.contains(1));
  EXPECT_EQ(pop(q), 0U);
  EXPECT_EQ(pop(q), 2U);
}

TEST(EventQueue, EventsAtOrPastTheHorizonNeverFireButCanBeCancelled) {
  EventQueue q;
  q.reset(3, 10.0);
  q.schedule(0, 10.0);
  q.schedule(1, 1e9);
  q.schedule(2, 9.999);
  EXPECT_EQ(q.size(), 3U);
  EXPECT_TRUE(q.contains(0));
  q.cancel(0);
  EXPECT_FALSE(q.contains(0));
  EXPECT_EQ(pop(q), 2U);
  EXPECT_FALSE(has_event(q));
  q.schedule(1, 9.9999);  // a parked event brought back before the horizon
  EXPECT_EQ(pop(q), 1U);
}

TEST(EventQueue, MatchesAReferenceUnderRandomOperations) {
  // Many slots (several buckets), coarse times (many ties), times never before the last event
  // taken, as in a simulation, and some past the horizon.
  const std::uint32_t slots = 2049;
  const double horizon = 5000.0;
  EventQueue q;
  q.reset(slots, horizon);
  std::map<std::pair<double, std::uint64_t>, std::uint32_t> reference;  // before the horizon
  std::vector<std::pair<double, std::uint64_t>> key_of(slots, {-1.0, 0});
  RandomStream rng(77);
  double now = 0.0;
  for (int step = 0; step < 400000; ++step) {
    const auto slot = static_cast<std::uint32_t>(rng.next_u64() % slots);
    const double op = rng.uniform_open();
    if (op < 0.55) {
      const double time = now + static_cast<double>(rng.next_u64() % 60);
      const auto event_class = static_cast<std::uint32_t>(rng.next_u64() % 3);
      const auto rank = static_cast<std::uint32_t>(rng.next_u64() % 64);
      if (key_of[slot].first >= 0.0) reference.erase(key_of[slot]);
      key_of[slot] = {time,
                      (std::uint64_t{event_class} << 56U) | (std::uint64_t{rank} << 28U) | slot};
      if (time < horizon) reference[key_of[slot]] = slot;
      q.schedule(slot, time, event_class, rank);
    } else if (op < 0.7) {
      if (key_of[slot].first >= 0.0) reference.erase(key_of[slot]);
      key_of[slot] = {-1.0, 0};
      q.cancel(slot);
    } else {
      double time = 0.0;
      std::uint32_t top = 0;
      const bool any = q.peek(time, top);
      ASSERT_EQ(any, !reference.empty());
      if (!any) continue;
      ASSERT_EQ(top, reference.begin()->second);
      ASSERT_EQ(time, reference.begin()->first.first);
      now = time;
      q.cancel(top);
      reference.erase(reference.begin());
      key_of[top] = {-1.0, 0};
    }
    ASSERT_EQ(q.contains(slot), key_of[slot].first >= 0.0);
  }
}

}  // namespace
}  // namespace nines::engine
