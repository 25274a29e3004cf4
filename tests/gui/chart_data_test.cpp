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

TEST(ChartData, ParetoListsCausesOfEveryKindWithTheirBaselineShares) {
  engine::RunResult current;
  current.causes = {{"zone", "eu-a", 0.5, 3},
                    {"component", "db", 0.3, 9},
                    {"region", "eu", 0.1, 1},
                    {"inject", "web", 0.1, 1},
                    {"other", "", 0.0, 0}};
  engine::RunResult baseline;
  baseline.causes = {{"component", "db", 0.6, 12}, {"zone", "eu-b", 0.4, 2}};
  const ParetoData data = pareto_of(current, &baseline);
  ASSERT_EQ(data.bars.size(), 5U);  // "other" caused nothing anywhere
  EXPECT_EQ(data.bars[0].id, "zone eu-a");
  EXPECT_TRUE(std::isnan(data.bars[0].baseline_share));
  EXPECT_EQ(data.bars[1].id, "db");
  EXPECT_DOUBLE_EQ(data.bars[1].baseline_share, 0.6);
  EXPECT_EQ(data.bars[2].id, "region eu");
  EXPECT_EQ(data.bars[3].id, "inject web");
  // A zone that caused downtime only in the baseline still shows, at 0 now.
  EXPECT_EQ(data.bars[4].id, "zone eu-b");
  EXPECT_DOUBLE_EQ(data.bars[4].share, 0.0);
  EXPECT_DOUBLE_EQ(data.bars[4].baseline_share, 0.4);
  EXPECT_EQ(pareto_of(current, nullptr, 2).bars.size(), 2U);
}

TEST(ChartData, ParetoNamesDeployCausesAfterTheirComponent) {
  engine::RunResult current;
  current.causes = {{"component", "web", 0.3, 4}, {"deploy", "web", 0.7, 6}};
  const ParetoData data = pareto_of(current, nullptr);
  ASSERT_EQ(data.bars.size(), 2U);
  EXPECT_EQ(data.bars[0].id, "web (deploys)");
  EXPECT_EQ(data.bars[0].kind, "deploy");
  EXPECT_EQ(data.bars[1].id, "web");
  EXPECT_EQ(data.bars[1].kind, "component");
}

}  // namespace
}  // namespace nines::gui::charts
