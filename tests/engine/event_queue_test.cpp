// The event queue: (time, sequence) order, rescheduling and cancellation against a reference.
#include "nines/engine/event_queue.hpp"

#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "nines/engine/random_stream.hpp"

namespace nines::engine {
namespace {

std::uint32_t pop(EventQueue& q) {
  const std::uint32_t slot = q.top_slot();
  q.cancel(slot);
  return slot;
}

TEST(EventQueue, OrdersByTime) {
  EventQueue q;
  q.reset(4);
  q.schedule(0, 3.0);
  q.schedule(1, 1.0);
  q.schedule(2, 2.0);
  EXPECT_EQ(pop(q), 1U);
  EXPECT_EQ(pop(q), 2U);
  EXPECT_EQ(pop(q), 0U);
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, TiesGoToTheEarlierScheduled) {
  EventQueue q;
  q.reset(4);
  q.schedule(3, 5.0);
  q.schedule(0, 5.0);
  q.schedule(2, 5.0);
  EXPECT_EQ(pop(q), 3U);
  EXPECT_EQ(pop(q), 0U);
  EXPECT_EQ(pop(q), 2U);
}

TEST(EventQueue, RescheduleReplacesThePendingEvent) {
  EventQueue q;
  q.reset(3);
  q.schedule(0, 1.0);
  q.schedule(1, 2.0);
  q.schedule(0, 3.0);
  EXPECT_EQ(q.size(), 2U);
  EXPECT_EQ(pop(q), 1U);
  EXPECT_EQ(q.top_time(), 3.0);
}

TEST(EventQueue, CancelRemovesOnlyThatSlot) {
  EventQueue q;
  q.reset(3);
  q.schedule(0, 1.0);
  q.schedule(1, 2.0);
  q.schedule(2, 3.0);
  q.cancel(1);
  q.cancel(1);  // cancelling twice is harmless
  EXPECT_FALSE(q.contains(1));
  EXPECT_EQ(pop(q), 0U);
  EXPECT_EQ(pop(q), 2U);
}

TEST(EventQueue, MatchesAReferenceUnderRandomOperations) {
  const std::uint32_t slots = 257;
  EventQueue q;
  q.reset(slots);
  std::map<std::pair<double, std::uint64_t>, std::uint32_t> reference;
  std::vector<std::pair<double, std::uint64_t>> key_of(slots, {-1.0, 0});
  RandomStream rng(77);
  std::uint64_t sequence = 0;
  for (int step = 0; step < 200000; ++step) {
    const auto slot = static_cast<std::uint32_t>(rng.next_u64() % slots);
    const double op = rng.uniform_open();
    if (op < 0.6) {
      // Coarse times make ties common.
      const double time = static_cast<double>(rng.next_u64() % 50);
      if (key_of[slot].first >= 0.0) reference.erase(key_of[slot]);
      key_of[slot] = {time, sequence++};
      reference[key_of[slot]] = slot;
      q.schedule(slot, time);
    } else if (op < 0.8) {
      if (key_of[slot].first >= 0.0) reference.erase(key_of[slot]);
      key_of[slot] = {-1.0, 0};
      q.cancel(slot);
    } else if (!reference.empty()) {
      ASSERT_EQ(q.top_slot(), reference.begin()->second);
      ASSERT_EQ(q.top_time(), reference.begin()->first.first);
      const std::uint32_t top = pop(q);
      reference.erase(reference.begin());
      key_of[top] = {-1.0, 0};
    }
    ASSERT_EQ(q.size(), reference.size());
  }
}

}  // namespace
}  // namespace nines::engine
