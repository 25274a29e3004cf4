// Tests of `nines run --scenario` and `--all-scenarios` as a process: results, table, JSON, errors.
#include "nines/cli/scenario_runs.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using nlohmann::json;
using testing::line_count;
using testing::run_nines;
using testing::TempDir;

/// small_model() with two scenarios.
std::string model_with_scenarios() {
  json document = json::parse(testing::small_model());
  document["scenarios"] = json::parse(R"([
    {"name": "three web", "set": {"web.instances": 3, "db.mttr": "2h"}},
    {"name": "slow db repairs", "set": {"db.mttr": "20h"}}
  ])");
  return document.dump(2);
}

json run_json(const std::vector<std::string>& arguments) {
  auto all = arguments;
  all.insert(all.end(), {"--json", "-"});
  const auto r = run_nines(all);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

void expect_bad_input(const testing::ProcessResult& r, const std::vector<std::string>& fragments) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(line_count(r.err), 1U) << r.err;
  for (const auto& fragment : fragments) {
    EXPECT_NE(r.err.find(fragment), std::string::npos) << fragment << " in " << r.err;
  }
}

TEST(ScenarioRun, EqualsTheSameSetOverrides) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  auto scenario = run_json({"run", model, "--scenario", "three web"});
  auto set = run_json({"run", model, "--set", "web.instances=3", "--set", "db.mttr=2h"});
  EXPECT_EQ(scenario.at("scenario"), "three web");
  EXPECT_TRUE(set.at("scenario").is_null());
  EXPECT_EQ(set.at("overrides"), (json{"web.instances=3", "db.mttr=2h"}));
  EXPECT_EQ(scenario.at("overrides"), json::array()) << "a scenario's keys are not --set overrides";
  for (auto* doc : {&scenario, &set}) {
    doc->erase("run_info");
    doc->erase("scenario");
    doc->erase("overrides");
  }
  EXPECT_EQ(scenario.dump(), set.dump());
}

TEST(ScenarioRun, SetOverridesWinOverTheScenario) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  auto both = run_json({"run", model, "--scenario", "three web", "--set", "db.mttr=9h"});
  auto set = run_json(
      {"run", model, "--set", "web.instances=3", "--set", "db.mttr=2h", "--set", "db.mttr=9h"});
  EXPECT_EQ(both.at("overrides"), (json{"db.mttr=9h"}));
  for (auto* doc : {&both, &set}) {
    doc->erase("run_info");
    doc->erase("scenario");
    doc->erase("overrides");
  }
  EXPECT_EQ(both.dump(), set.dump());
}

TEST(ScenarioRun, ReportNamesTheScenario) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto r = run_nines({"run", model, "--scenario", "slow db repairs"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Small shop, scenario \"slow db repairs\"\n"), std::string::npos) << r.out;
}

TEST(ScenarioRun, BaseRunsHaveANullScenario) {
  const TempDir dir;
  EXPECT_TRUE(
      run_json({"run", dir.write("m.json", model_with_scenarios())}).at("scenario").is_null());
}

TEST(ScenarioRun, UnknownNameListsTheKnownOnes) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  expect_bad_input(
      run_nines({"run", model, "--scenario", "three webs"}),
      {"nines run: --scenario: no scenario \"three webs\" in " + model +
       " (did you mean \"three web\"?); scenarios: \"three web\", \"slow db repairs\""});
  expect_bad_input(
      run_nines({"run", dir.write("plain.json", testing::small_model()), "--scenario", "x"}),
      {"nines run: --scenario: no scenario \"x\" in ", "the model has no scenarios"});
}

TEST(ScenarioRun, ABadScenarioNamesItsKeyAndFailsValidate) {
  const TempDir dir;
  json document = json::parse(model_with_scenarios());
  document["scenarios"][1]["set"]["db.instances"] = 0;
  const auto model = dir.write("bad.json", document.dump());
  const std::string expected = model +
                               ": /scenarios/1/set/db.instances: must be an integer from 1 to "
                               "1000000; got 0 (scenario \"slow db repairs\")";
  expect_bad_input(run_nines({"validate", model}), {expected});
  expect_bad_input(run_nines({"run", model}), {expected});
  expect_bad_input(run_nines({"run", model, "--scenario", "three web"}), {expected});
}

TEST(ScenarioRun, ExcludesAllScenarios) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  expect_bad_input(run_nines({"run", model, "--scenario", "three web", "--all-scenarios"}),
                   {"nines run: --scenario excludes --all-scenarios"});
}

TEST(AllScenarios, PrintsOneComparisonTable) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto r = run_nines({"run", model, "--all-scenarios"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const char* fragment :
       {"Small shop: base and scenarios compared", "40 replications x 1.00 y per row, seed 3",
        "Δ availability (paired 95% CI)", "Δ downtime/year (paired 95% CI)", "pairing",
        "SLA 99.00 % met", "\n  base ", "\n  three web ", "\n  slow db repairs ",
        "same random streams"}) {
    EXPECT_NE(r.out.find(fragment), std::string::npos) << fragment << "\n" << r.out;
  }
  EXPECT_EQ(r.out.find("Top causes"), std::string::npos) << "one table, not three reports";
}

TEST(AllScenarios, JsonHoldsTheRunsOfBaseAndScenariosOnOneSeed) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto doc = run_json({"run", model, "--all-scenarios", "--seed", "5"});
  EXPECT_EQ(doc.at("format_version"), 2);
  EXPECT_EQ(doc.at("model"), "Small shop");
  EXPECT_EQ(doc.at("seed"), 5);
  const auto& list = doc.at("scenarios");
  ASSERT_EQ(list.size(), 3U);
  EXPECT_TRUE(list.at(0).at("name").is_null());
  EXPECT_EQ(list.at(1).at("name"), "three web");
  EXPECT_EQ(list.at(2).at("name"), "slow db repairs");
  for (const auto& entry : list) {
    EXPECT_EQ(entry.at("result").at("seed"), 5);
    EXPECT_EQ(entry.at("result").at("scenario"), entry.at("name"));
    EXPECT_TRUE(entry.at("result").contains("availability"));
  }
  // Each row is the run that --scenario (or a base run) gives.
  auto single = run_json({"run", model, "--scenario", "slow db repairs", "--seed", "5"});
  auto row = list.at(2).at("result");
  single.erase("run_info");
  row.erase("run_info");
  EXPECT_EQ(row.dump(), single.dump());
}

TEST(AllScenarios, AppliesSetToEveryRun) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto doc =
      run_json({"run", model, "--all-scenarios", "--set", "web.mttr=1h", "--replications", "12"});
  for (const auto& entry : doc.at("scenarios")) {
    EXPECT_EQ(entry.at("result").at("replications"), 12);
  }
  auto base = run_json({"run", model, "--set", "web.mttr=1h", "--replications", "12"});
  auto row = doc.at("scenarios").at(0).at("result");
  base.erase("run_info");
  row.erase("run_info");
  EXPECT_EQ(row.dump(), base.dump());
}

TEST(AllScenarios, WritesTheJsonFileAndStillPrintsTheTable) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto out = (dir.path() / "cmp.json").string();
  const auto r = run_nines({"run", model, "--all-scenarios", "--json", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Δ availability"), std::string::npos);
  EXPECT_EQ(json::parse(testing::read_file(out)).at("scenarios").size(), 3U);
}

TEST(AllScenarios, WorksToAPrecision) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto doc =
      run_json({"run", model, "--all-scenarios", "--precision", "0.2", "--batch", "20"});
  for (const auto& entry : doc.at("scenarios")) {
    EXPECT_TRUE(entry.at("result").at("precision").is_object());
  }
}

TEST(AllScenarios, RejectsAModelWithoutScenarios) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_bad_input(run_nines({"run", model, "--all-scenarios"}),
                   {"nines run: --all-scenarios: " + model + " has no scenarios"});
}

TEST(AllScenarios, ChecksEveryVariantBeforeRunning) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto out = (dir.path() / "cmp.json").string();
  // web.min_up=3 suits "three web" but not the base: nothing runs, nothing is written.
  expect_bad_input(
      run_nines({"run", model, "--all-scenarios", "--set", "web.min_up=3", "--json", out}),
      {"/components/0/min_up: must be at most \"instances\" (2); got 3 (from override "
       "\"web.min_up=3\")"});
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(AllScenarios, ScenarioSettingAKeyToItsOwnValueDiffersByExactlyZero) {
  const TempDir dir;
  json document = json::parse(model_with_scenarios());
  document["currency"] = "EUR";
  document["components"][1]["cost"] = 420;
  document["scenarios"].push_back(json::parse(R"({"name": "same", "set": {"db.mttr": "5h"}})"));
  document["scenarios"].push_back(
      json::parse(R"({"name": "pricier db", "set": {"db.cost": 500, "currency": "EUR"}})"));
  const auto model = dir.write("m.json", document.dump());
  const auto doc = run_json({"run", model, "--all-scenarios"});
  const auto& list = doc.at("scenarios");
  ASSERT_EQ(list.size(), 5U);
  EXPECT_TRUE(list.at(0).at("difference").is_null());
  for (std::size_t row : {3U, 4U}) {
    const auto& d = list.at(row).at("difference");
    for (const char* key : {"availability", "downtime_hours_per_year", "outages_per_year"}) {
      EXPECT_EQ(d.at(key).at("mean"), 0.0) << key;
      EXPECT_EQ(d.at(key).at("stderr"), 0.0) << key;
      EXPECT_EQ(d.at(key).at("ci95"), (json{0.0, 0.0})) << key;
    }
    EXPECT_FALSE(d.at("significant").get<bool>());
    EXPECT_TRUE(d.at("variance_ratio").is_null());
    EXPECT_EQ(d.at("pairs"), 40);
  }
  EXPECT_EQ(list.at(3).at("difference").at("cost_per_month"), 0.0);
  EXPECT_EQ(list.at(4).at("difference").at("cost_per_month"), 80.0);
  EXPECT_EQ(list.at(4).at("result").at("cost_per_month"), 500.0);
  EXPECT_EQ(list.at(0).at("result").at("currency"), "EUR");
  // A real change is paired: its interval is narrower than the independent one.
  const auto& slow = list.at(2).at("difference");
  EXPECT_GT(slow.at("variance_ratio").get<double>(), 1.0);
  const auto r = run_nines({"run", model, "--all-scenarios"});
  EXPECT_NE(r.out.find("cost/month"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("420 EUR"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("500 EUR"), std::string::npos) << r.out;
}

TEST(AllScenarios, PairsTheReplicationsBothRunsHaveToAPrecision) {
  const TempDir dir;
  const auto model = dir.write("m.json", model_with_scenarios());
  const auto doc =
      run_json({"run", model, "--all-scenarios", "--precision", "0.2", "--batch", "20"});
  const auto& list = doc.at("scenarios");
  for (std::size_t i = 1; i < list.size(); ++i) {
    const std::int64_t base = list.at(0).at("result").at("replications");
    const std::int64_t row = list.at(i).at("result").at("replications");
    EXPECT_EQ(list.at(i).at("difference").at("pairs"), std::min(base, row));
  }
}

TEST(AllScenarios, ShowsTheCommonCauseRateWhenARowHasZones) {
  const std::string zoned = std::string(NINES_SOURCE_DIR) + "/samples/one-zone-vs-three-zones.json";
  const auto with_zones = run_nines({"run", zoned, "--all-scenarios", "--replications", "200"});
  ASSERT_EQ(with_zones.exit_code, 0) << with_zones.err;
  EXPECT_NE(with_zones.out.find("common-cause/y"), std::string::npos) << with_zones.out;
  const std::string plain = std::string(NINES_SOURCE_DIR) + "/samples/web-shop.json";
  const auto without = run_nines({"run", plain, "--all-scenarios", "--replications", "200"});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_EQ(without.out.find("common-cause/y"), std::string::npos) << without.out;
}

}  // namespace
}  // namespace nines::cli
