// Traffic figures in the baseline/variant panel and in "Compare all": request availability,
// failed requests and cascades per year, with paired differences from per-replication values
// that add up to the run's own totals.
#include "nines/gui/traffic_figures.hpp"

#include <gtest/gtest.h>

#include <QTableWidget>
#include <QTemporaryDir>
#include <fstream>
#include <numeric>

#include "gui_test_support.hpp"
#include "nines/gui/comparison_panel.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/scenario_panel.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/models/scenario.hpp"
#include "nines/report/checked_run.hpp"

namespace nines::gui {
namespace {

/// Three web servers of 400 rps under 1000 rps that crash when overloaded (N+1 cascades), and
/// a scenario with a fourth.
nlohmann::json cascading_model() {
  return {{"name", "n-plus-one"},
          {"horizon", "60d"},
          {"replications", 40},
          {"entry", "web"},
          {"load", {{"rps", 1000}}},
          {"components",
           {{{"id", "web"},
             {"instances", 3},
             {"mtbf", "100h"},
             {"mttr", "2h"},
             {"capacity_rps", 400},
             {"overload", {{"crash_after", "10m"}, {"restart", "30m"}}}}}},
          {"scenarios", nlohmann::json::array(
                            {nlohmann::json{{"name", "N+2"}, {"set", {{"web.instances", 4}}}}})}};
}

models::Model load(const QTemporaryDir& dir, const nlohmann::json& document) {
  const std::string path = dir.filePath("model.json").toStdString();
  std::ofstream(path) << document.dump(2);
  return models::load_model(path).model;
}

RunOutcome run(const models::Model& model) {
  engine::RunOptions options;
  options.threads = 2;
  report::RunRequest request;
  request.keep_replications = true;
  report::CheckedRun checked = report::checked_run(model, options, request);
  RunOutcome outcome;
  outcome.model = model;
  outcome.result = std::move(checked.result);
  outcome.range = std::move(checked.range);
  return outcome;
}

int row_of(QTableWidget* table, const QString& name) {
  for (int r = 0; r < table->rowCount(); ++r) {
    if (table->item(r, 0) != nullptr && table->item(r, 0)->text() == name) return r;
  }
  return -1;
}

int column_of(QTableWidget* table, const QString& heading) {
  for (int c = 0; c < table->columnCount(); ++c) {
    if (table->horizontalHeaderItem(c)->text() == heading) return c;
  }
  return -1;
}

TEST(TrafficFigures, PerReplicationValuesAddUpToTheRunsFigures) {
  QTemporaryDir dir;
  const RunOutcome outcome = run(load(dir, cascading_model()));
  ASSERT_TRUE(outcome.result.requests && outcome.result.cascades);
  const auto mean = [](const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  };
  const auto failed = failed_requests_per_year(outcome.result, *outcome.range);
  ASSERT_EQ(failed.size(), 40U);
  EXPECT_NEAR(mean(failed), outcome.result.requests->failed_per_year,
              1e-9 * outcome.result.requests->offered_per_year);
  EXPECT_NEAR(mean(cascades_per_year(outcome.result, *outcome.range)),
              outcome.result.cascades->per_year.mean, 1e-9);
  EXPECT_NEAR(mean(request_availability(outcome.result, *outcome.range)),
              outcome.result.requests->availability.mean, 1e-12);
}

TEST(TrafficFigures, TheComparisonPanelPairsRequestAndCascadeFigures) {
  QTemporaryDir dir;
  const models::Model base = load(dir, cascading_model());
  const models::Model variant = models::apply_scenario(base, "N+2");
  const RunOutcome baseline = run(base);
  const RunOutcome current = run(variant);
  ComparisonPanel panel;
  panel.set_outcomes(&baseline, &current);
  QTableWidget* figures = panel.figures();
  for (const QString& name :
       {QStringLiteral("Request availability"), QStringLiteral("Failed requests per year"),
        QStringLiteral("Cascades per year")}) {
    SCOPED_TRACE(name.toStdString());
    const int row = row_of(figures, name);
    ASSERT_GE(row, 0);
    ASSERT_NE(figures->item(row, 1), nullptr);
    ASSERT_NE(figures->item(row, 3), nullptr) << "no paired difference";
    EXPECT_FALSE(figures->item(row, 3)->text().isEmpty());
    EXPECT_FALSE(figures->item(row, 4)->text().isEmpty());
  }
  // N+2 cascades less: the difference of cascades per year is negative.
  EXPECT_TRUE(figures->item(row_of(figures, "Cascades per year"), 3)->text().startsWith("-"))
      << figures->item(row_of(figures, "Cascades per year"), 3)->text().toStdString();
}

TEST(TrafficFigures, CompareAllShowsTrafficColumnsWithPairedDifferences) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("model.json").toStdString();
  std::ofstream(path) << cascading_model().dump(2);
  ModelDocument document;
  ScenarioPanel panel(&document);
  ASSERT_EQ(document.open(QString::fromStdString(path)), QString());
  ASSERT_TRUE(panel.compare_all());
  ASSERT_TRUE(testing::wait_until([&] { return !panel.comparison()->running(); }));
  QTableWidget* table = panel.table();
  ASSERT_EQ(table->rowCount(), 2);
  const int requests = column_of(table, "request availability");
  const int delta_failed = column_of(table, "Δ failed requests/year (paired 95% CI)");
  const int cascades = column_of(table, "cascades/year");
  const int delta_cascades = column_of(table, "Δ cascades/year (paired 95% CI)");
  const int delta_requests = column_of(table, "Δ request availability (paired 95% CI)");
  for (int c : {requests, delta_failed, cascades, delta_cascades, delta_requests}) {
    ASSERT_GE(c, 0);
    EXPECT_FALSE(table->isColumnHidden(c));
  }
  EXPECT_EQ(table->item(0, delta_cascades)->text(), "-");  // the base
  EXPECT_NE(table->item(1, delta_cascades)->text().indexOf(" .. "), -1);
  EXPECT_NE(table->item(1, delta_failed)->text().indexOf(" .. "), -1);
  EXPECT_NE(table->item(1, delta_requests)->text().indexOf(" pp ("), -1);
  EXPECT_NE(table->item(0, requests)->text().indexOf("%"), -1);
}

}  // namespace
}  // namespace nines::gui
