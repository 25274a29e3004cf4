// chart_data: the exact convergence curve of a completed run ends on the run's own estimate.
#include "nines/gui/charts/chart_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "gui_test_support.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui::charts {
namespace {

TEST(ChartData, ConvergenceEndsOnTheRunsEstimateWithGrowingReplications) {
  const models::Model model =
      models::load_model(testing::samples_dir() / "single-server.json").model;
  engine::RunOptions options;
  options.threads = 2;
  const engine::RangeResult range = engine::simulate_range(model, options);
  const engine::RunResult result = engine::summarize_range(model, range);
  const std::vector<EstimatePoint> curve = convergence_of(range, 100);
  ASSERT_GE(curve.size(), 50U);
  EXPECT_LE(curve.size(), 101U);
  EXPECT_EQ(curve.front().replications, 2.0);
  for (std::size_t i = 1; i < curve.size(); ++i) {
    EXPECT_GT(curve[i].replications, curve[i - 1].replications);
    EXPECT_LE(curve[i].ci95_lo, curve[i].availability);
    EXPECT_GE(curve[i].ci95_hi, curve[i].availability);
  }
  const EstimatePoint& last = curve.back();
  EXPECT_EQ(last.replications, static_cast<double>(result.replications));
  const double half = result.availability.ci95_hi - result.availability.mean;
  EXPECT_NEAR(last.availability, result.availability.mean, 1e-12);
  EXPECT_NEAR(last.ci95_hi - last.availability, half, 1e-9 * half);
}

TEST(ChartData, NoConvergenceCurveForACancelledRun) {
  engine::RangeResult range;
  range.unavailability = {0.001, 0.002, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_TRUE(convergence_of(range).empty());
}

}  // namespace
}  // namespace nines::gui::charts
