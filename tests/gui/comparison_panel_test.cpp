// ComparisonPanel: runs to a precision stop at different replication counts and the replications
// both have are paired (the paired interval is narrower than the independent one); the designs'
// costs and their difference.
#include "nines/gui/comparison_panel.hpp"

#include <gtest/gtest.h>

#include <QLabel>
#include <QTableWidget>
#include <algorithm>
#include <utility>

#include "gui_test_support.hpp"
#include "nines/engine/precision_run.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui {
namespace {

RunOutcome precision_outcome(const models::Model& model, double relative_precision) {
  engine::RunOptions options;
  options.threads = 2;
  engine::PrecisionOptions precision;
  precision.relative_precision = relative_precision;
  precision.batch = 500;
  RunOutcome outcome;
  outcome.model = model;
  engine::RangeResult range;
  outcome.result = engine::run_to_precision(model, options, precision, &range);
  outcome.range = std::move(range);
  return outcome;
}

TEST(ComparisonPanel, PairsRunsToAPrecisionOverTheReplicationsBothHave) {
  const models::Model base =
      models::load_model(testing::samples_dir() / "db-active-passive.json").model;
  models::Model variant = base;
  variant.find_component("db")->detection = models::Exponential{0.25};  // noticed in 15 min
  const RunOutcome baseline = precision_outcome(base, 0.2);
  const RunOutcome current = precision_outcome(variant, 0.1);
  const std::size_t n_base = baseline.range->unavailability.size();
  const std::size_t n_variant = current.range->unavailability.size();
  ASSERT_NE(n_base, n_variant) << "the test needs runs of different lengths";

  ComparisonPanel panel;
  panel.set_outcomes(&baseline, &current);
  const QString note = panel.note()->text();
  EXPECT_NE(
      note.indexOf(QString("the first %1 of each are paired").arg(std::min(n_base, n_variant))), -1)
      << note.toStdString();
  ASSERT_NE(panel.figures()->item(0, 3), nullptr) << "no paired difference of availability";
  EXPECT_FALSE(panel.figures()->item(0, 3)->text().isEmpty());
  EXPECT_FALSE(panel.figures()->item(0, 4)->text().isEmpty());
  EXPECT_FALSE(panel.figures()->item(0, 5)->text().isEmpty());
}

TEST(ComparisonPanel, ShowsEachDesignsCostAndTheDifference) {
  models::Model base = models::load_model(testing::samples_dir() / "web-shop.json").model;
  models::Model variant = base;
  variant.find_component("db")->instances = 3;  // one more idle cold instance at 60 EUR
  RunOutcome baseline;
  baseline.model = base;
  RunOutcome current;
  current.model = variant;
  ComparisonPanel panel;
  panel.set_outcomes(&baseline, &current);
  const QTableWidget* figures = panel.figures();
  const int last = figures->rowCount() - 1;
  ASSERT_GE(last, 0);
  EXPECT_EQ(figures->item(last, 0)->text(), "Cost per month");
  EXPECT_EQ(figures->item(last, 1)->text(), "3,470 EUR");
  EXPECT_EQ(figures->item(last, 2)->text(), "3,530 EUR");
  EXPECT_EQ(figures->item(last, 3)->text(), "+60 EUR");
}

TEST(ComparisonPanel, FormatsTableNumbersAsTheCliDoes) {
  RunOutcome outcome;
  outcome.model = models::load_model(testing::samples_dir() / "web-shop.json").model;
  engine::RunResult& r = outcome.result;
  r.horizon_hours = models::kHoursPerYear;
  r.availability = {0.9995, 0.0, 0.9994, 0.9996};
  r.outages_per_year = {0.000172, 0.0, 0.0001, 0.00025};
  r.target = 0.9995;
  r.sla = engine::SlaResult{};
  r.sla->probability_met = 0.9995;  // missed in 1 of 2,000
  r.sla->ci95_lo = 0.999;
  r.sla->ci95_hi = 1.0;
  r.components = {{"db", 0.998883, 0.9995, 0.111651, 3, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
                  {"api", 0.9999, 0.9999, 0.0, 0, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}};
  ComparisonPanel panel;
  panel.set_outcomes(nullptr, &outcome);
  const QTableWidget* figures = panel.figures();
  auto row_of = [&](const QString& name) {
    for (int row = 0; row < figures->rowCount(); ++row) {
      if (figures->item(row, 0)->text().startsWith(name)) return row;
    }
    return -1;
  };
  const int outages = row_of("Outages per year");
  ASSERT_GE(outages, 0);
  EXPECT_EQ(figures->item(outages, 2)->text(), "1.7e-4\n(1.0e-4 .. 2.5e-4)");
  const int sla = row_of("SLA");
  ASSERT_GE(sla, 0);
  EXPECT_EQ(figures->item(sla, 2)->text(), "99.950 %\n(99.900 % .. 100.000 %)");
  // Percentages with one number of decimals per column, not Qt's "11.1651".
  const QTableWidget* components = panel.components();
  ASSERT_EQ(components->rowCount(), 2);
  EXPECT_EQ(components->item(0, 0)->text(), "db");  // sorted by share, largest first
  EXPECT_EQ(components->item(0, 2)->text(), "99.8883");
  EXPECT_EQ(components->item(0, 4)->text(), "11.2");
  EXPECT_EQ(components->item(1, 2)->text(), "99.9900");
  EXPECT_EQ(components->item(1, 4)->text(), "0.0");
}

TEST(ComparisonPanel, ListsAComponentsDeploysAsACauseOfTheirOwn) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(QString::fromStdString(
                                 (testing::samples_dir() / "deploy-strategies.json").string()),
                             true),
            QString());
  ASSERT_EQ(window.apply_what_if({"replications=200"}), QString());
  ASSERT_TRUE(window.run_and_wait());
  window.pin_baseline();
  ASSERT_EQ(window.apply_what_if({"replications=200", "web.deploys.strategy=rolling"}), QString());
  ASSERT_TRUE(window.run_and_wait());
  const QTableWidget* components = window.comparison()->components();
  int row = -1;
  for (int r = 0; r < components->rowCount(); ++r) {
    if (components->item(r, 0)->text() == "web (deploys)") row = r;
  }
  ASSERT_GE(row, 0);
  // A cause without an availability of its own; its share in both runs and the change.
  EXPECT_EQ(components->item(row, 1), nullptr);
  EXPECT_EQ(components->item(row, 2), nullptr);
  const double share = *window.last_outcome()->result.components.at(0).deploy_downtime_share;
  EXPECT_EQ(components->item(row, 4)->text().toStdString(), report::format_fixed(100.0 * share, 1));
  EXPECT_NE(components->item(row, 3), nullptr);
  EXPECT_NE(components->item(row, 5), nullptr);
}

}  // namespace
}  // namespace nines::gui
