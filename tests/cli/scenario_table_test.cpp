// Tests of the scenario comparison of the report library: rows, the text table, the JSON document.
#include "nines/report/scenario_table.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "nines/engine/summary.hpp"
#include "nines/report/scenario_json.hpp"
#include "sample_run_result.hpp"

namespace nines::report {
namespace {

/// The base run and two scenarios: one halves the downtime, one doubles it.
std::vector<ScenarioRun> sample_runs() {
  engine::RunResult base = testing::sample_run_result();
  engine::RunResult better = base;
  better.availability = {0.99975, 1e-5, 0.99973, 0.99977};
  better.downtime_hours_per_year = {2.135, 0.1, 1.9, 2.3};
  better.sla = engine::SlaResult{0.9995, 0.9, 0.88, 0.92, 0.0, 0.0, 0.0, std::nullopt};
  engine::RunResult worse = base;
  worse.availability = {0.99902, 2e-5, 0.99898, 0.99906};
  worse.downtime_hours_per_year = {8.54, 0.2, 8.1, 8.9};
  return {{std::nullopt, {}, base, std::nullopt},
          {"third replica", {"db.instances=3"}, better, std::nullopt},
          {"slow repairs", {"db.mttr=4h", "api.mttr=2h"}, worse, std::nullopt}};
}

std::string table_of(const std::vector<ScenarioRun>& runs) {
  std::ostringstream out;
  write_scenario_table(runs, out);
  return out.str();
}

TEST(ScenarioRows, CompareEachRunWithTheBase) {
  const auto rows = scenario_rows(sample_runs());
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].label, "base");
  EXPECT_EQ(rows[1].label, "third replica");
  EXPECT_EQ(rows[0].availability_change, 0.0);
  EXPECT_NEAR(rows[1].availability_change, 0.99975 - 0.99951234567890123, 1e-15);
  ASSERT_TRUE(rows[1].downtime_ratio.has_value());
  EXPECT_NEAR(*rows[1].downtime_ratio, 0.5, 1e-12);
  EXPECT_NEAR(*rows[2].downtime_ratio, 2.0, 1e-12);
  EXPECT_EQ(rows[1].sla_met, 0.9);
  EXPECT_NEAR(*rows[0].nines, 3.31, 0.01);
}

TEST(ScenarioRows, HaveNoDowntimeRatioWhenTheBaseHadNoDowntime) {
  auto runs = sample_runs();
  runs[0].result.downtime_hours_per_year = {0.0, 0.0, 0.0, 0.0};
  EXPECT_FALSE(scenario_rows(runs)[1].downtime_ratio.has_value());
}

TEST(ScenarioTable, ShowsOneRowPerRunWithTheChange) {
  const auto text = table_of(sample_runs());
  for (const char* fragment :
       {"Web shop: base and scenarios compared", "2,000 replications x 1.00 y per row, seed 7",
        "scenario", "availability", "95% CI", "nines", "downtime/year", "outages/year",
        "SLA 99.95 % met", "Δ availability (paired 95% CI)", "Δ downtime/year (paired 95% CI)",
        "pairing", "99.9512 %", "99.9750 %", "99.9481 .. 99.9544 %", "90.0 %",
        "same random streams (seed 7"}) {
    EXPECT_NE(text.find(fragment), std::string::npos) << fragment << "\n" << text;
  }
  // Without per-replication figures there is no paired difference, and no cost column.
  EXPECT_EQ(text.find("cost/month"), std::string::npos) << text;
  EXPECT_EQ(text.find(" pp ("), std::string::npos) << text;
  // The base row has no change, and rows start with their label.
  EXPECT_NE(text.find("\n  base "), std::string::npos) << text;
  EXPECT_NE(text.find("\n  third replica "), std::string::npos) << text;
}

TEST(ScenarioTable, AddsRequestsWhenARunHasALoad) {
  auto runs = sample_runs();
  EXPECT_EQ(table_of(runs).find("failed req/year"), std::string::npos);
  engine::RequestResult q;
  q.availability = {0.99962, 1e-5, 0.9996, 0.99964};
  q.failed_per_year = 7.82e6;
  runs[1].result.requests = q;
  const auto text = table_of(runs);
  for (const char* fragment : {"requests", "failed req/year", "99.9620 %", "7.82 M"}) {
    EXPECT_NE(text.find(fragment), std::string::npos) << fragment << "\n" << text;
  }
  EXPECT_EQ(text.find("metastable/y"), std::string::npos);
  runs[2].result.metastable_per_year = engine::Estimate{0.25, 0.05, 0.15, 0.35};
  const auto with_injections = table_of(runs);
  EXPECT_NE(with_injections.find("metastable/y"), std::string::npos) << with_injections;
  EXPECT_NE(with_injections.find("0.250"), std::string::npos) << with_injections;
}

TEST(ScenarioTable, AddsMissedFailuresWhenARunHasCoverageBelowOne) {
  auto runs = sample_runs();
  EXPECT_EQ(table_of(runs).find("undetected/year"), std::string::npos);
  // The second run misses failures of both components; the others have coverage 1 ("-").
  runs[1].result.components[0].undetected_failures_per_year = 1.25;
  runs[1].result.components[1].undetected_failures_per_year = 0.5;
  const auto text = table_of(runs);
  EXPECT_NE(text.find("undetected/year"), std::string::npos) << text;
  EXPECT_NE(text.find("1.75"), std::string::npos) << text;  // summed over components
}

TEST(ScenarioTable, LeavesOutTheSlaWithoutATargetAndShowsReplicationsThatDiffer) {
  auto runs = sample_runs();
  for (auto& run : runs) {
    run.result.target.reset();
    run.result.sla.reset();
  }
  runs[2].result.replications = 5000;
  const auto text = table_of(runs);
  EXPECT_EQ(text.find("SLA"), std::string::npos) << text;
  EXPECT_NE(text.find("replications"), std::string::npos) << text;
  EXPECT_NE(text.find("5,000"), std::string::npos) << text;
  EXPECT_EQ(text.find("per row"), std::string::npos) << text;
}

TEST(ScenarioTable, MarksACancelledRow) {
  auto runs = sample_runs();
  runs.back().result.cancelled = true;
  EXPECT_NE(table_of(runs).find("slow repairs (cancelled)"), std::string::npos);
}

TEST(ScenarioTable, SaysNoOutageInsteadOfAZeroWidthInterval) {
  auto runs = sample_runs();
  auto& r = runs.back().result;
  r.outages = 0;
  r.availability = {1.0, 0.0, 1.0, 1.0};
  const auto text = table_of(runs);
  EXPECT_NE(text.find("no outage in 2,000 replication-years"), std::string::npos) << text;
  EXPECT_EQ(text.find("100.0000 .. 100.0000 %"), std::string::npos) << text;
}

TEST(ScenarioJson, HoldsEveryRunsFullResult) {
  const auto doc = scenario_comparison_to_json(sample_runs());
  EXPECT_EQ(doc.at("format_version"), 2);
  EXPECT_EQ(doc.at("model"), "Web shop");
  EXPECT_EQ(doc.at("seed"), 7U);
  const auto& list = doc.at("scenarios");
  ASSERT_EQ(list.size(), 3U);
  EXPECT_TRUE(list.at(0).at("name").is_null());
  EXPECT_TRUE(list.at(0).at("result").at("scenario").is_null());
  EXPECT_EQ(list.at(1).at("name"), "third replica");
  EXPECT_EQ(list.at(1).at("result").at("scenario"), "third replica");
  EXPECT_EQ(list.at(1).at("result").at("availability").at("mean"), 0.99975);
  EXPECT_TRUE(list.at(2).at("result").contains("run_info"));
  // A scenario's settings beside its name; none for the base.
  EXPECT_EQ(list.at(0).at("settings"), nlohmann::json::array());
  EXPECT_EQ(list.at(1).at("settings"), (nlohmann::json{"db.instances=3"}));
  EXPECT_EQ(list.at(2).at("settings"), (nlohmann::json{"db.mttr=4h", "api.mttr=2h"}));
  EXPECT_EQ(doc.at("overrides"), nlohmann::json::array());
  const std::string text = scenario_comparison_json_text(sample_runs());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(nlohmann::json::parse(text), doc);
}

/// Per-replication figures: unavailabilities and outage counts of four one-year histories.
engine::RangeResult range_of(std::vector<double> unavailability,
                             std::vector<std::uint32_t> outages) {
  engine::RangeResult range;
  range.unavailability = std::move(unavailability);
  range.outages = std::move(outages);
  return range;
}

TEST(ScenarioRows, PairTheDifferencesReplicationByReplication) {
  auto runs = sample_runs();
  runs[0].range = range_of({0.001, 0.002, 0.0, 0.003}, {1, 2, 0, 3});
  runs[1].range = range_of({0.0005, 0.002, 0.0, 0.001}, {1, 1, 0, 2});
  runs[2].range = runs[0].range;
  runs[0].cost = {2150.0, "EUR"};
  runs[1].cost = {2570.0, "EUR"};
  const auto rows = scenario_rows(runs);
  EXPECT_FALSE(rows[0].difference.has_value());
  ASSERT_TRUE(rows[1].difference.has_value());
  const PairedComparison& d = *rows[1].difference;
  // Availability differences 0.0005, 0, 0, 0.002: by hand.
  const double mean = (0.0005 + 0.0 + 0.0 + 0.002) / 4.0;
  double squares = 0.0;
  for (double x : {0.0005, 0.0, 0.0, 0.002}) squares += (x - mean) * (x - mean);
  const double stderr_ = std::sqrt(squares / 3.0 / 4.0);
  EXPECT_NEAR(d.availability.mean, mean, 1e-15);
  EXPECT_NEAR(d.availability.stderr_, stderr_, 1e-15);
  // The interval is the engine's Student t interval of the differences.
  const engine::Estimate direct = engine::estimate_mean({0.0005, 0.0, 0.0, 0.002});
  EXPECT_NEAR(d.availability.ci95_lo, direct.ci95_lo, 1e-15);
  EXPECT_NEAR(d.availability.ci95_hi, direct.ci95_hi, 1e-15);
  EXPECT_NEAR(d.downtime_hours_per_year.mean, -8760.0 * mean, 1e-9);
  EXPECT_NEAR(d.outages_per_year.mean, (0.0 - 1.0 + 0.0 - 1.0) / 4.0, 1e-15);
  EXPECT_EQ(d.pairs, 4);
  const double s_base = runs[0].result.availability.stderr_;
  const double s_row = runs[1].result.availability.stderr_;
  ASSERT_TRUE(d.variance_ratio.has_value());
  EXPECT_NEAR(*d.variance_ratio, (s_base * s_base + s_row * s_row) / (stderr_ * stderr_), 1e-9);
  EXPECT_EQ(d.significant, d.availability.ci95_lo > 0.0);
  EXPECT_EQ(d.cost_per_month, 420.0);
  // The same figures: exactly zero, no ratio, not significant; no cost difference without costs.
  const PairedComparison& same = *rows[2].difference;
  EXPECT_EQ(same.availability.mean, 0.0);
  EXPECT_EQ(same.availability.stderr_, 0.0);
  EXPECT_EQ(same.availability.ci95_lo, 0.0);
  EXPECT_EQ(same.availability.ci95_hi, 0.0);
  EXPECT_FALSE(same.variance_ratio.has_value());
  EXPECT_FALSE(same.significant);
  EXPECT_FALSE(same.cost_per_month.has_value());
}

TEST(ScenarioRows, ADifferenceTheSameInEveryReplicationHasNoVarianceRatio) {
  // The row loses exactly 0.001 of availability in every history (one fixed outage added): the
  // paired standard error is rounding noise, not a basis for "x10^26 fewer replications".
  auto runs = sample_runs();
  runs[0].range = range_of({0.002244, 0.004279, 0.000388, 0.002295}, {1, 2, 1, 3});
  runs[1].range = range_of({0.003244, 0.005279, 0.001388, 0.003295}, {2, 3, 2, 4});
  runs[2].range = runs[0].range;
  const auto rows = scenario_rows(runs);
  const PairedComparison& d = *rows[1].difference;
  EXPECT_NEAR(d.availability.mean, -0.001, 1e-15);
  EXPECT_LT(d.availability.stderr_, 1e-12);
  EXPECT_GT(d.availability.stderr_, 0.0);  // noise, not an exact 0: the old rule gave a ratio
  EXPECT_FALSE(d.variance_ratio.has_value());
  EXPECT_TRUE(d.significant);  // a loss in every history is a loss
}

TEST(ScenarioTable, ShowsCostsPairedDifferencesAndMarksSignificantRows) {
  auto runs = sample_runs();
  runs[0].range = range_of({0.001, 0.002, 0.001, 0.003}, {1, 2, 1, 3});
  runs[1].range = range_of({0.0005, 0.0015, 0.0004, 0.0024}, {1, 1, 0, 2});
  runs[2].range = runs[0].range;
  runs[0].cost = {2150.0, "EUR"};
  runs[1].cost = {2570.5, "EUR"};
  const auto text = table_of(runs);
  for (const char* fragment : {"cost/month", "2,150 EUR", "2,570.50 EUR", "third replica *",
                               " pp (", "pairing", "excludes 0", "docs/planner.md"}) {
    EXPECT_NE(text.find(fragment), std::string::npos) << fragment << "\n" << text;
  }
  EXPECT_EQ(text.find("slow repairs *"), std::string::npos) << text;
}

TEST(ScenarioJson, HasADifferenceForEveryRowButTheFirst) {
  auto runs = sample_runs();
  runs[0].range = range_of({0.001, 0.002, 0.0, 0.003}, {1, 2, 0, 3});
  runs[1].range = range_of({0.0005, 0.002, 0.0, 0.001}, {1, 1, 0, 2});
  runs[2].range = runs[0].range;
  runs[1].cost = {12.5, "EUR"};
  const auto doc = scenario_comparison_to_json(runs);
  const auto& list = doc.at("scenarios");
  EXPECT_TRUE(list.at(0).at("difference").is_null());
  const auto& d = list.at(1).at("difference");
  for (const char* key : {"availability", "downtime_hours_per_year", "outages_per_year"}) {
    EXPECT_TRUE(d.at(key).at("mean").is_number()) << key;
    EXPECT_TRUE(d.at(key).at("stderr").is_number()) << key;
    EXPECT_EQ(d.at(key).at("ci95").size(), 2U) << key;
  }
  EXPECT_EQ(d.at("pairs"), 4);
  EXPECT_TRUE(d.at("variance_ratio").is_number());
  EXPECT_TRUE(d.at("significant").is_boolean());
  EXPECT_TRUE(d.at("cost_per_month").is_null()) << "the base has no cost";
  EXPECT_TRUE(list.at(2).at("difference").at("variance_ratio").is_null());
  EXPECT_EQ(list.at(1).at("result").at("cost_per_month"), 12.5);
  EXPECT_EQ(list.at(1).at("result").at("currency"), "EUR");
  EXPECT_TRUE(list.at(0).at("result").at("cost_per_month").is_null());
  EXPECT_EQ(list.at(0).at("result").at("currency"), "units");
}

TEST(DesignCost, FormatsAmountsWithSeparatorsAndCents) {
  EXPECT_EQ(format_amount(2150.0), "2,150");
  EXPECT_EQ(format_amount(1234.5), "1,234.50");
  EXPECT_EQ(format_amount(0.05), "0.05");
  EXPECT_EQ(format_amount(-35.25, true), "-35.25");
  EXPECT_EQ(format_amount(120.0, true), "+120");
  EXPECT_EQ(format_amount(0.0, true), "0");
  EXPECT_EQ(cost_line({2150.0, "EUR"}), "Cost 2,150 EUR per month");
  EXPECT_EQ(cost_line({std::nullopt, "EUR"}), "");
  EXPECT_EQ(cost_text({std::nullopt, "EUR"}), "-");
}

}  // namespace
}  // namespace nines::report
