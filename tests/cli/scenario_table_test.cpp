// Tests of the scenario comparison of the report library: rows, the text table, the JSON document.
#include "nines/report/scenario_table.hpp"

#include <gtest/gtest.h>

#include <sstream>

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
        "SLA 99.95 % met", "change vs base", "99.9512 %", "99.9750 %", "99.9481 .. 99.9544 %",
        "+0.0238 pp, downtime -50 %", "-0.0492 pp, downtime +100 %", "90.0 %",
        "same random streams (seed 7"}) {
    EXPECT_NE(text.find(fragment), std::string::npos) << fragment << "\n" << text;
  }
  // The base row has no change, and rows start with their label.
  EXPECT_NE(text.find("\n  base "), std::string::npos) << text;
  EXPECT_NE(text.find("\n  third replica "), std::string::npos) << text;
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

}  // namespace
}  // namespace nines::report
