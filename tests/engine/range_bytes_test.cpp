// What MPI carries between ranks: a range encoded to bytes decodes to the same range (the same
// bytes again and the same figures), and ranks tile a range exactly.
#include "nines/engine/range_bytes.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/process_group.hpp"

namespace nines::engine {
namespace {

using testing::depends;
using testing::pool;
using testing::single;

models::Model two_tiers() {
  models::Model m = single(pool("web", 3, 2, 900.0, 4.0), 8760.0, 120, 5);
  m.components.push_back(pool("db", 2, 1, 1500.0, 6.0));
  m.dependencies.push_back(depends("web", {"db"}));
  m.target = 0.999;
  return m;
}

TEST(RangeBytes, RoundTripKeepsEveryFigureBitForBit) {
  const models::Model m = two_tiers();
  RunOptions options;
  options.first_replication = 40;
  options.replications = 80;
  options.window_hours = 720.0;
  const RangeResult range = simulate_range(m, options);
  ASSERT_GT(range.totals.outages, 0);
  const std::vector<std::uint8_t> bytes = range_to_bytes(range);
  const RangeResult back = range_from_bytes(bytes);
  EXPECT_EQ(range_to_bytes(back), bytes);
  EXPECT_EQ(back.first_replication, 40);
  EXPECT_EQ(back.unavailability, range.unavailability);
  EXPECT_EQ(back.window_downtime_hours, range.window_downtime_hours);
  EXPECT_EQ(back.totals.downtime_hours, range.totals.downtime_hours);
  EXPECT_EQ(back.totals.outage_durations.quantile(0.9),
            range.totals.outage_durations.quantile(0.9));
  const RunResult a = summarize_range(m, range);
  const RunResult b = summarize_range(m, back);
  EXPECT_EQ(a.availability.mean, b.availability.mean);
  ASSERT_TRUE(a.outage_duration.has_value());
  EXPECT_EQ(a.outage_duration->p99_hours, b.outage_duration->p99_hours);
}

TEST(RangeBytes, BytesCutShortOrLeftOverAreRefused) {
  RunOptions options;
  options.replications = 5;
  const std::vector<std::uint8_t> bytes = range_to_bytes(simulate_range(two_tiers(), options));
  std::vector<std::uint8_t> longer = bytes;
  longer.push_back(0);
  EXPECT_THROW(range_from_bytes(longer), std::invalid_argument);
  const std::vector<std::uint8_t> shorter(bytes.begin(), bytes.end() - 3);
  EXPECT_THROW(range_from_bytes(shorter), std::invalid_argument);
}

TEST(RankShare, FixedRangesTileTheWholeInRankOrder) {
  for (const std::int64_t total : {0, 1, 2, 7, 1000, 1001}) {
    for (const int size : {1, 2, 3, 8}) {
      std::int64_t next = 100;
      for (int rank = 0; rank < size; ++rank) {
        const auto [first, count] = rank_share(100, total, rank, size);
        EXPECT_EQ(first, next);
        EXPECT_GE(count, total / size);
        EXPECT_LE(count, total / size + 1);
        next = first + count;
      }
      EXPECT_EQ(next, 100 + total);
    }
  }
}

TEST(RankShare, WeightedRangesTileTheWholeWithAboutEqualWork) {
  // Work rising along the items (larger designs later in a sweep): the last rank gets fewer.
  std::vector<double> weights;
  for (int i = 1; i <= 12; ++i) weights.push_back(i);
  std::int64_t next = 0;
  std::vector<std::int64_t> counts;
  for (int rank = 0; rank < 3; ++rank) {
    const auto [first, count] = weighted_rank_share(weights, rank, 3);
    EXPECT_EQ(first, next);
    next = first + count;
    counts.push_back(count);
  }
  EXPECT_EQ(next, 12);
  // Sums 78: thirds at 26 and 52; items 1..7 (28), 8..10 (27), 11..12 (23) by their middles.
  EXPECT_EQ(counts, (std::vector<std::int64_t>{7, 3, 2}));
  // No weight at all: plain even ranges.
  const std::vector<double> zeros(5, 0.0);
  EXPECT_EQ(weighted_rank_share(zeros, 1, 2), rank_share(0, 5, 1, 2));
}

}  // namespace
}  // namespace nines::engine
