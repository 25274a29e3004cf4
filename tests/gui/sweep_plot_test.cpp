// Tests of the sweep charts' data: reading a sweep document, the heat map's grid and outline
// rule, the line chart's segments and axes, and the one-line errors of --plot.
#include "nines/gui/charts/sweep_plot.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "nines/models/error.hpp"

namespace nines::gui::charts {
namespace {

using nlohmann::json;

/// A point's document as nines sweep writes it, with only what the charts read.
json point(json values, double mean, double lo, double hi, json cost = 3000.0,
           json target = 0.9995) {
  return {{"values", std::move(values)},
          {"result",
           {{"availability", {{"mean", mean}, {"ci95", {lo, hi}}, {"stderr", 1e-5}}},
            {"cost_per_month", std::move(cost)},
            {"currency", "EUR"},
            {"target", std::move(target)}}},
          {"difference", nullptr}};
}

/// oncall.size 1..2 by api.instances 1..3; (2, 3) skipped; (1, 2) meets the target only in its
/// mean (its lower bound is below), the others are clear either way.
json two_keys() {
  json points = json::array();
  points.push_back(point({{"oncall.size", 1}, {"api.instances", 1}}, 0.9989, 0.9988, 0.9990));
  points.push_back(point({{"oncall.size", 1}, {"api.instances", 2}}, 0.9996, 0.9994, 0.9998));
  points.push_back(point({{"oncall.size", 1}, {"api.instances", 3}}, 0.99999, 0.99998, 1.0));
  points.push_back(point({{"oncall.size", 2}, {"api.instances", 1}}, 0.9990, 0.9989, 0.9991));
  points.push_back(point({{"oncall.size", 2}, {"api.instances", 2}}, 1.0, 1.0, 1.0));
  return {{"format_version", 2},
          {"model", "shop"},
          {"vary",
           {{{"key", "oncall.size"}, {"values", {1, 2}}},
            {{"key", "api.instances"}, {"values", {1, 2, 3}}}}},
          {"points", points},
          {"skipped", {{{"values", {{"oncall.size", 2}, {"api.instances", 3}}}, {"message", "m"}}}},
          {"cancelled", false}};
}

std::string message_of(const json& document) {
  try {
    check_plottable(sweep_plot_of(document, "s.json"), "s.json");
  } catch (const Error& e) {
    return e.what();
  }
  return {};
}

TEST(SweepPlot, ReadsAxesAndCellsInPointOrder) {
  const SweepPlot plot = sweep_plot_of(two_keys(), "s.json");
  EXPECT_EQ(plot.model, "shop");
  EXPECT_EQ(plot.currency, "EUR");
  ASSERT_EQ(plot.axes.size(), 2U);
  EXPECT_EQ(plot.axes[0].key, "oncall.size");
  EXPECT_TRUE(plot.axes[1].numeric());
  EXPECT_EQ(plot.axes[1].labels, (std::vector<std::string>{"1", "2", "3"}));
  ASSERT_EQ(plot.cells.size(), 5U);
  EXPECT_EQ(plot.cells[3].at, (std::vector<std::size_t>{1, 0}));
  EXPECT_DOUBLE_EQ(plot.cells[1].ci95_lo, 0.9994);
  EXPECT_EQ(plot.cells[1].cost_per_month, 3000.0);
  EXPECT_EQ(plot.cells[1].target, 0.9995);
}

TEST(SweepPlot, OutlinesACellWhoseLowerBoundMissesTheTarget) {
  const SweepPlot plot = sweep_plot_of(two_keys(), "s.json");
  EXPECT_TRUE(misses_target(plot.cells[0]));   // below in every way
  EXPECT_TRUE(misses_target(plot.cells[1]));   // mean above, lower bound below
  EXPECT_FALSE(misses_target(plot.cells[2]));  // lower bound above
  EXPECT_FALSE(misses_target(plot.cells[4]));  // no downtime
  SweepCell on_target = plot.cells[2];
  on_target.ci95_lo = 0.9995;
  EXPECT_FALSE(misses_target(on_target));  // "at least the target" meets it
  on_target.target.reset();
  on_target.ci95_lo = 0.5;
  EXPECT_FALSE(misses_target(on_target));  // no target, no outline
}

TEST(SweepPlot, HeatMapHasARowPerFirstValueAndAGapForASkippedPoint) {
  const SweepPlot plot = sweep_plot_of(two_keys(), "s.json");
  const HeatMap map = heat_map_of(plot);
  EXPECT_EQ(map.rows, 2U);
  EXPECT_EQ(map.columns, 3U);
  EXPECT_EQ(map.at(0, 0), 0U);
  EXPECT_EQ(map.at(0, 2), 2U);
  EXPECT_EQ(map.at(1, 1), 4U);
  EXPECT_FALSE(map.at(1, 2));
  // Colours span the cells' nines (2.96 .. 5) on round ticks; no downtime is not a bound.
  EXPECT_FALSE(cell_nines(plot.cells[4]));
  EXPECT_NEAR(*cell_nines(plot.cells[2]), 5.0, 1e-9);
  EXPECT_LE(map.nines.lo, *cell_nines(plot.cells[0]));
  EXPECT_GE(map.nines.hi, 5.0 - 1e-9);
  EXPECT_LT(map.nines.hi, 6.0 + 1e-9);
}

TEST(SweepPlot, LineBreaksAtAValueWithoutResultAndTicksWholeValues) {
  json document = two_keys();
  document["vary"] = {{{"key", "api.instances"}, {"values", {1, 2, 3, 4}}}};
  json points = json::array();
  points.push_back(point({{"api.instances", 1}}, 0.9989, 0.9988, 0.9990, 3220.0));
  points.push_back(point({{"api.instances", 2}}, 0.9996, 0.9994, 0.9998, 3470.0));
  points.push_back(point({{"api.instances", 4}}, 0.99999, 0.99998, 1.0, 3970.0));
  document["points"] = points;
  const SweepLine line = sweep_line_of(sweep_plot_of(document, "s.json"));
  ASSERT_EQ(line.segments.size(), 2U);
  EXPECT_EQ(line.segments[0].size(), 2U);
  EXPECT_DOUBLE_EQ(line.segments[1][0].x, 4.0);
  EXPECT_DOUBLE_EQ(line.segments[0][1].lo_percent, 99.94);
  EXPECT_EQ(line.segments[0][1].cost_per_month, 3470.0);
  EXPECT_DOUBLE_EQ(line.x.ticks.step, 1.0);
  EXPECT_LT(line.x.lo, 1.0);
  EXPECT_GT(line.x.hi, 4.0);
  EXPECT_EQ(line.target_percent, 99.95);
  // The availability axis holds every band and the target, and stops at 100 %.
  EXPECT_LE(line.availability.lo, 99.88);
  EXPECT_LE(line.availability.hi, 100.0);
  EXPECT_GE(line.availability.hi, 99.998);
  ASSERT_TRUE(line.cost);
  EXPECT_LE(line.cost->lo, 3220.0);
  EXPECT_GE(line.cost->hi, 3970.0);
}

TEST(SweepPlot, TwoWholeValuesGetNoHalfTick) {
  json document = two_keys();
  document["vary"] = {{{"key", "oncall.size"}, {"values", {1, 2}}}};
  document["points"] = {point({{"oncall.size", 1}}, 0.999, 0.998, 0.9995, nullptr, nullptr)};
  const SweepLine line = sweep_line_of(sweep_plot_of(document, "s.json"));
  EXPECT_DOUBLE_EQ(line.x.ticks.step, 1.0);
  EXPECT_FALSE(line.cost);            // no point has a cost
  EXPECT_FALSE(line.target_percent);  // nor a target
}

TEST(SweepPlot, CategoriesKeepTheGivenOrderAndNumbersGoByValue) {
  json document = two_keys();
  document["vary"] = {{{"key", "api.mttr"}, {"values", {"4h", "1h", {{"mode", "hot"}}}}}};
  document["points"] = {point({{"api.mttr", "1h"}}, 0.999, 0.998, 0.9995),
                        point({{"api.mttr", "4h"}}, 0.998, 0.997, 0.9985)};
  const SweepPlot categories = sweep_plot_of(document, "s.json");
  EXPECT_FALSE(categories.axes[0].numeric());
  EXPECT_EQ(categories.axes[0].labels, (std::vector<std::string>{"4h", "1h", R"({"mode":"hot"})"}));
  const SweepLine by_category = sweep_line_of(categories);
  ASSERT_EQ(by_category.segments.size(), 1U);
  EXPECT_DOUBLE_EQ(by_category.segments[0][0].x, 0.0);  // "4h" first, as given
  EXPECT_DOUBLE_EQ(by_category.segments[0][0].mean_percent, 99.8);
  EXPECT_DOUBLE_EQ(by_category.x.lo, -0.5);
  EXPECT_DOUBLE_EQ(by_category.x.hi, 2.5);

  document["vary"] = {{{"key", "db.instances"}, {"values", {3, 1, 2}}}};
  document["points"] = {point({{"db.instances", 3}}, 0.9999, 0.9998, 1.0),
                        point({{"db.instances", 1}}, 0.999, 0.998, 0.9995),
                        point({{"db.instances", 2}}, 0.9995, 0.9994, 0.9996)};
  const SweepLine by_value = sweep_line_of(sweep_plot_of(document, "s.json"));
  ASSERT_EQ(by_value.segments.size(), 1U);
  EXPECT_DOUBLE_EQ(by_value.segments[0][0].x, 1.0);
  EXPECT_DOUBLE_EQ(by_value.segments[0][2].x, 3.0);
}

TEST(SweepPlot, NoTargetLineWhenTheTargetIsSwept) {
  json document = two_keys();
  document["vary"] = {{{"key", "target"}, {"values", {0.999, 0.9999}}}};
  document["points"] = {point({{"target", 0.999}}, 0.9995, 0.9994, 0.9996, 1.0, 0.999),
                        point({{"target", 0.9999}}, 0.9995, 0.9994, 0.9996, 1.0, 0.9999)};
  const SweepPlot plot = sweep_plot_of(document, "s.json");
  EXPECT_FALSE(sweep_line_of(plot).target_percent);
  EXPECT_FALSE(misses_target(plot.cells[0]));
  EXPECT_TRUE(misses_target(plot.cells[1]));
}

TEST(SweepPlot, MoreThanTwoKeysPointToTheCsv) {
  json document = two_keys();
  document["vary"].push_back({{"key", "db.instances"}, {"values", {1}}});
  for (json& p : document["points"]) p["values"]["db.instances"] = 1;
  EXPECT_EQ(message_of(document),
            "s.json: /vary: --plot draws a sweep of one key (a line chart) or two (a heat map); "
            "this one varies 3 (oncall.size, api.instances, db.instances): read it as a table "
            "with nines sweep --csv FILE, or plot a sweep of fewer keys");
}

TEST(SweepPlot, RefusesAnotherDocumentNamingTheFile) {
  const json run = {{"format_version", 2}, {"availability", {{"mean", 0.999}}}};
  EXPECT_EQ(message_of(run).rfind("s.json: --plot of another document: ", 0), 0U)
      << message_of(run);
  EXPECT_NE(message_of(json::array()).find("--plot of another document"), std::string::npos);
}

TEST(SweepPlot, NamesTheFigureASweepDocumentLacks) {
  json document = two_keys();
  document["points"][1]["result"]["availability"].erase("ci95");
  EXPECT_EQ(message_of(document), "s.json: /points/1/result/availability/ci95: missing");
  document = two_keys();
  document["points"][2]["values"]["api.instances"] = 7;
  EXPECT_EQ(message_of(document),
            "s.json: /points/2/values/api.instances: not among the values of /vary/1; got 7");
  document = two_keys();
  document["points"][0]["result"]["cost_per_month"] = "12 EUR";
  EXPECT_EQ(message_of(document),
            "s.json: /points/0/result/cost_per_month: must be a number or null; got \"12 EUR\"");
}

TEST(SweepPlot, ReadsAFileAndNamesItWhenItIsNotJson) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string good = (dir / "nines_sweep_plot_test_good.json").string();
  const std::string bad = (dir / "nines_sweep_plot_test_bad.json").string();
  std::ofstream(good) << two_keys().dump();
  std::ofstream(bad) << "{\"vary\": [\n  oops]";
  EXPECT_EQ(read_sweep_plot(good).cells.size(), 5U);
  try {
    read_sweep_plot(bad);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(bad + ": not JSON: parse error at line 2, column ", 0), 0U) << what;
  }
  try {
    read_sweep_plot((dir / "nines_sweep_plot_test_absent.json").string());
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("absent.json: cannot read: "), std::string::npos)
        << e.what();
  }
  std::filesystem::remove(good);
  std::filesystem::remove(bad);
}

}  // namespace
}  // namespace nines::gui::charts
