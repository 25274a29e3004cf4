// The downtime histogram: zeros apart, 1-2-5 bins covering the positive values.
#include "nines/engine/downtime_histogram.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace nines::engine {
namespace {

TEST(OneTwoFiveEdge, RunsOverDecadesBothWays) {
  EXPECT_EQ(one_two_five_edge(0), 1.0);
  EXPECT_EQ(one_two_five_edge(1), 2.0);
  EXPECT_EQ(one_two_five_edge(2), 5.0);
  EXPECT_EQ(one_two_five_edge(3), 10.0);
  EXPECT_EQ(one_two_five_edge(-1), 0.5);
  EXPECT_EQ(one_two_five_edge(-2), 0.2);
  EXPECT_EQ(one_two_five_edge(-3), 0.1);
  EXPECT_EQ(one_two_five_edge(-7), 0.005);
}

TEST(DowntimeHistogram, CountsZerosApartAndBinsTheRest) {
  const auto h = make_downtime_histogram({0.0, 0.3, 0.5, 1.0, 4.9, 0.0, std::nan(""), 12.0});
  EXPECT_EQ(h.zero_count, 2);
  EXPECT_EQ(h.bin_edges_hours, (std::vector<double>{0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0}));
  // [0.2,0.5) 0.3; [0.5,1) 0.5; [1,2) 1.0; [2,5) 4.9; [5,10) none; [10,20) 12.
  EXPECT_EQ(h.counts, (std::vector<std::int64_t>{1, 1, 1, 1, 0, 1}));
}

TEST(DowntimeHistogram, AValueOnAnEdgeOpensTheBinAboveIt) {
  const auto h = make_downtime_histogram({2.0});
  EXPECT_EQ(h.bin_edges_hours, (std::vector<double>{2.0, 5.0}));
  EXPECT_EQ(h.counts, (std::vector<std::int64_t>{1}));
}

TEST(DowntimeHistogram, NoDowntimeGivesNoBins) {
  const auto h = make_downtime_histogram({0.0, 0.0});
  EXPECT_EQ(h.zero_count, 2);
  EXPECT_TRUE(h.bin_edges_hours.empty());
  EXPECT_TRUE(h.counts.empty());
}

}  // namespace
}  // namespace nines::engine
