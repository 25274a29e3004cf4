// The SLA judged per year: against the 1-year windows of the same run, and equal to the
// per-history figure when a history is exactly one year.
#include <gtest/gtest.h>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

models::Model flaky(double horizon_hours) {
  models::Model m = testing::single(testing::pool("db", 1, 1, 2000.0, 8.0), horizon_hours, 600, 3);
  m.target = 0.999;
  return m;
}

TEST(SlaPerYear, EqualsThePerHistoryFigureForAOneYearHorizon) {
  const RunResult r = run(flaky(models::kHoursPerYear));
  ASSERT_TRUE(r.sla && r.sla->per_year);
  EXPECT_EQ(r.sla->per_year->probability_met, r.sla->probability_met);
  EXPECT_EQ(r.sla->per_year->probability_missed, r.sla->probability_missed);
  EXPECT_EQ(r.sla->per_year->ci95_lo, r.sla->ci95_lo);
  EXPECT_EQ(r.sla->per_year->years, 600);
  EXPECT_GT(r.sla->probability_missed, 0.0);
}

TEST(SlaPerYear, CountsTheYearlyWindowsOfTheSameRun) {
  const models::Model m = flaky(3.5 * models::kHoursPerYear);
  RunOptions options;
  options.window_hours = models::kHoursPerYear;
  const RangeResult range = simulate_range(m, options);
  const RunResult r = summarize_range(m, range);
  ASSERT_EQ(range.windows_per_replication, 3);
  std::int64_t met = 0;
  for (const double hours : range.window_downtime_hours) {
    met += 1.0 - hours / models::kHoursPerYear >= 0.999 ? 1 : 0;
  }
  ASSERT_TRUE(r.sla && r.sla->per_year);
  EXPECT_EQ(r.sla->per_year->years, 1800);
  EXPECT_DOUBLE_EQ(r.sla->per_year->probability_met, static_cast<double>(met) / 1800.0);
  EXPECT_LE(r.sla->per_year->ci95_lo, r.sla->per_year->probability_met);
  EXPECT_GE(r.sla->per_year->ci95_hi, r.sla->per_year->probability_met);
  // A history of 3.5 years misses more often than a single year does.
  EXPECT_GT(r.sla->probability_missed, r.sla->per_year->probability_missed);
}

TEST(SlaPerYear, IsAbsentBelowAYear) {
  const RunResult r = run(flaky(4000.0));
  ASSERT_TRUE(r.sla);
  EXPECT_FALSE(r.sla->per_year);
}

}  // namespace
}  // namespace nines::engine
