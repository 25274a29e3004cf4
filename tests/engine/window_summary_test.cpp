// SLA windows on a model with fixed failure and repair times, whose outages fall at known hours:
// per-window downtime (including an outage split across a boundary) is known exactly.
#include "nines/engine/window_summary.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

constexpr double kUp = 700.0;
constexpr double kDown = 40.0;
constexpr double kWindow = 720.0;

/// Up 700 h, down 40 h, again and again: outage k covers [700 + 740k, 740 + 740k).
models::Model clockwork(double horizon_hours) {
  auto c = testing::pool("clock", 1, 1);
  c.failure = models::Fixed{kUp};
  c.repair = models::Fixed{kDown};
  auto m = testing::single(c, horizon_hours, 3);
  m.target = 0.95;  // 36 h per 30-day window: a whole 40 h outage misses, a half one does not
  return m;
}

/// Downtime of window j, by intersecting the known outages with it.
double expected_window_downtime(std::size_t j, double horizon_hours) {
  double hours = 0.0;
  const double lo = static_cast<double>(j) * kWindow;
  const double hi = lo + kWindow;
  for (double start = kUp; start < horizon_hours; start += kUp + kDown) {
    const double end = std::min(start + kDown, horizon_hours);
    hours += std::max(0.0, std::min(end, hi) - std::max(start, lo));
  }
  return hours;
}

RangeResult with_windows(const models::Model& model) {
  RunOptions options;
  options.threads = 2;
  options.window_hours = kWindow;
  return simulate_range(model, options);
}

TEST(WindowSummary, SplitsOutagesAcrossWindowBoundaries) {
  const auto model = clockwork(8760.0);
  const auto range = with_windows(model);
  ASSERT_EQ(range.windows_per_replication, 12);
  ASSERT_EQ(range.window_downtime_hours.size(), 3U * 12U);
  // The first outage, [700, 740), is split 20 h / 20 h between the first two windows.
  EXPECT_DOUBLE_EQ(range.window_downtime_hours[0], 20.0);
  EXPECT_DOUBLE_EQ(range.window_downtime_hours[1], 20.0);
  for (std::size_t r = 0; r < 3; ++r) {
    for (std::size_t j = 0; j < 12; ++j) {
      EXPECT_NEAR(range.window_downtime_hours[r * 12 + j], expected_window_downtime(j, 8760.0),
                  1e-9)
          << "replication " << r << " window " << j;
    }
  }
}

TEST(WindowSummary, LeavesTheLastPartialWindowOut) {
  const auto model = clockwork(8760.0);
  const auto w = summarize_range(model, with_windows(model)).windows;
  ASSERT_TRUE(w);
  EXPECT_EQ(w->length_hours, kWindow);
  EXPECT_EQ(w->per_replication, 12);          // 1y / 30d = 12.17
  EXPECT_EQ(w->partial_window_hours, 120.0);  // 5 days left out
  EXPECT_EQ(w->count, 36);

  const auto whole = summarize_range(clockwork(8640.0), with_windows(clockwork(8640.0))).windows;
  EXPECT_EQ(whole->per_replication, 12);  // 360d / 30d exactly
  EXPECT_EQ(whole->partial_window_hours, 0.0);
}

TEST(WindowSummary, MissProbabilityAndQuantilesFollowTheKnownWindows) {
  const auto model = clockwork(8760.0);
  const auto w = summarize_range(model, with_windows(model)).windows;
  ASSERT_TRUE(w);
  int missed = 0;
  double downtime = 0.0;
  std::vector<double> availability;
  for (std::size_t j = 0; j < 12; ++j) {
    const double hours = expected_window_downtime(j, 8760.0);
    downtime += hours;
    availability.push_back(1.0 - hours / kWindow);
    if (1.0 - hours / kWindow < 0.95) ++missed;
  }
  EXPECT_GT(missed, 0);
  EXPECT_LT(missed, 12);
  ASSERT_TRUE(w->probability_missed);
  EXPECT_DOUBLE_EQ(w->probability_missed->mean, missed / 12.0);
  EXPECT_EQ(w->probability_missed->stderr_, 0.0);  // every history is the same
  EXPECT_DOUBLE_EQ(w->expected_missed_per_year->mean, missed / 12.0 * 8760.0 / kWindow);
  EXPECT_NEAR(w->mean_availability, 1.0 - downtime / (12 * kWindow), 1e-12);
  std::sort(availability.begin(), availability.end());
  EXPECT_NEAR(w->availability_quantiles->p50, (availability[5] + availability[6]) / 2.0, 1e-12);
  EXPECT_NEAR(w->availability_quantiles->p1,
              availability[0] + 0.35 * (availability[1] - availability[0]), 1e-12);
}

TEST(WindowSummary, NoWindowsWithoutTheOption) {
  const auto model = clockwork(8760.0);
  const auto result = run(model);
  EXPECT_FALSE(result.windows);
  EXPECT_EQ(whole_windows(8760.0, 0.0), 0);
}

TEST(WindowSummary, NoTargetNoMissFigures) {
  auto model = clockwork(8760.0);
  model.target.reset();
  const auto w = summarize_range(model, with_windows(model)).windows;
  EXPECT_FALSE(w->probability_missed);
  EXPECT_FALSE(w->expected_missed_per_year);
  EXPECT_TRUE(w->availability_quantiles);
}

}  // namespace
}  // namespace nines::engine
