// Tests of `nines analyze` as a process: the report, the JSON contract, exit statuses 2 and 3.
#include "nines/cli/analyze_command.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using testing::read_file;
using testing::run_nines;
using testing::TempDir;

constexpr const char* kSeries = R"({"name": "pair",
  "components": [{"id": "web", "mtbf": "1000h", "mttr": "10h"},
                 {"id": "db", "mtbf": "2000h", "mttr": "5h"}],
  "dependencies": [{"from": "web", "to": "db"}]})";

TEST(AnalyzeCommand, PrintsTheExactFiguresAndTheComponentTable) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("m.json", kSeries)});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("structure function"), std::string::npos);
  EXPECT_NE(result.out.find("Availability"), std::string::npos);
  EXPECT_NE(result.out.find("Birnbaum"), std::string::npos);
  EXPECT_NE(result.out.find("web"), std::string::npos);
  EXPECT_TRUE(result.err.empty()) << result.err;
}

TEST(AnalyzeCommand, JsonHoldsEveryContractKey) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("m.json", kSeries), "--json", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  for (const char* key :
       {"method", "availability", "unavailability", "downtime_hours_per_year", "outages_per_year",
        "mean_outage_hours", "steady_state", "horizon_availability", "components"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc["method"], "structure-function");
  EXPECT_EQ(doc["steady_state"], true);
  EXPECT_NEAR(doc["availability"].get<double>(), 1000.0 / 1010.0 * 2000.0 / 2005.0, 1e-15);
  ASSERT_EQ(doc["components"].size(), 2U);
  for (const char* key :
       {"id", "availability", "service_availability", "birnbaum", "criticality", "raw", "rrw",
        "gain_one_more_instance", "d_availability_d_mtbf", "d_availability_d_mttr"}) {
    EXPECT_TRUE(doc["components"][0].contains(key)) << key;
  }
  EXPECT_EQ(doc["components"][0]["id"], "web");
  EXPECT_TRUE(doc.at("approximation").is_null());
}

TEST(AnalyzeCommand, WritesTheJsonFileAndHonoursOverrides) {
  const TempDir dir;
  const std::string out = (dir.path() / "a.json").string();
  const auto result = run_nines({"analyze", dir.write("m.json", kSeries), "--set", "db.instances=2",
                                 "--json", out, "--quiet"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty());
  const auto doc = nlohmann::json::parse(read_file(out));
  const double db = 1 - (5.0 / 2005.0) * (5.0 / 2005.0);
  EXPECT_NEAR(doc["availability"].get<double>(), 1000.0 / 1010.0 * db, 1e-15);
}

TEST(AnalyzeCommand, BadModelIsExitStatusTwoWithOneLine) {
  const TempDir dir;
  const auto result = run_nines(
      {"analyze", dir.write("bad.json", R"({"components": [{"id": "a", "mtbf": "-3h"}]})")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("bad.json: /components/0/mtbf"), std::string::npos) << result.err;
  EXPECT_EQ(testing::line_count(result.err), 1U);
  EXPECT_TRUE(result.out.empty());
}

TEST(AnalyzeCommand, CrewWithLognormalRepairIsExitStatusThreeNamingTheFeature) {
  const TempDir dir;
  const std::string out = (dir.path() / "never.json").string();
  const auto result = run_nines({"analyze", dir.write("crew.json", R"({"crews": [{"id": "oncall"}],
         "components": [{"id": "api", "mtbf": "1000h", "crew": "oncall",
                         "repair": {"type": "lognormal", "median": "1h", "sigma": 0.5}}]})"),
                                 "--json", out});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_EQ(result.err.rfind(dir.path().string() + "/crew.json: ", 0), 0U) << result.err;
  EXPECT_NE(result.err.find("\"api\""), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("lognormal"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("nines run"), std::string::npos) << result.err;
  EXPECT_EQ(testing::line_count(result.err), 1U);
  EXPECT_FALSE(std::filesystem::exists(out));
}

constexpr const char* kCrewWithLognormalLaws = R"({"name": "crew",
  "crews": [{"id": "oncall"}],
  "components": [{"id": "api", "crew": "oncall",
                  "failure": {"type": "weibull", "shape": 1.5, "scale": "1000h"},
                  "repair": {"type": "lognormal", "median": "1h", "sigma": 0.5}},
                 {"id": "db", "crew": "oncall", "mtbf": "2000h",
                  "repair": {"type": "lognormal", "median": "2h", "sigma": 0.5}}],
  "dependencies": [{"from": "api", "to": "db"}]})";

TEST(AnalyzeCommand, RefusalListsEveryOffendingLawAtOnce) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("crew.json", kCrewWithLognormalLaws)});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  for (const char* law : {"\"api\": its failure is weibull", "\"api\": its repair is lognormal",
                          "\"db\": its repair is lognormal"}) {
    EXPECT_NE(result.err.find(law), std::string::npos) << law << " in " << result.err;
  }
  EXPECT_EQ(testing::line_count(result.err), 1U);
}

TEST(AnalyzeCommand, ApproximateExponentialSaysSoAndSolves) {
  const TempDir dir;
  const auto model = dir.write("crew.json", kCrewWithLognormalLaws);
  const auto text = run_nines({"analyze", model, "--approximate", "exponential"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::string first_line = text.out.substr(0, text.out.find('\n'));
  EXPECT_NE(first_line.find("--approximate exponential"), std::string::npos) << first_line;
  EXPECT_NE(text.out.find("approximation for: \"api\", \"db\""), std::string::npos) << text.out;
  const auto json = run_nines({"analyze", model, "--approximate", "exponential", "--json", "-"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc.at("approximation"), "exponential");
  EXPECT_EQ(doc.at("method"), "markov");
  EXPECT_TRUE(doc.at("horizon_availability").is_null());
  const auto bad = run_nines({"analyze", model, "--approximate", "normal"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

TEST(AnalyzeCommand, TableHasALegendAndHonoursTop) {
  const TempDir dir;
  const auto model = dir.write("m.json", kSeries);
  const auto all = run_nines({"analyze", model, "--top", "all"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  for (const char* legend : {"pool:", "service:", "Birnbaum:", "critical:", "RAW/RRW:", "+1 inst:",
                             "percentage points", "dA/dMTBF, dA/dMTTR:", "share of downtime"}) {
    EXPECT_NE(all.out.find(legend), std::string::npos) << legend << "\n" << all.out;
  }
  const auto one = run_nines({"analyze", model, "--top", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("1 less critical components left out"), std::string::npos) << one.out;
}

TEST(AnalyzeCommand, OneMoreInstanceIsInPercentagePoints) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("m.json", kSeries), "--json", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  const double gain = doc["components"][0]["gain_one_more_instance"].get<double>();
  const auto text = run_nines({"analyze", dir.write("m.json", kSeries)});
  // The fraction times 100, with two significant digits and a sign.
  char expected[32];
  std::snprintf(expected, sizeof expected, "+%.2g", 100.0 * gain);
  EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
}

constexpr const char* kZoned = R"({"name": "zoned",
  "regions": [{"id": "eu", "mtbf": "1500h", "mttr": "30h"}],
  "zones": [{"id": "eu-a", "region": "eu", "mtbf": "400h", "mttr": "25h"},
            {"id": "eu-b", "region": "eu", "mtbf": "400h", "mttr": "25h"}],
  "components": [{"id": "db", "instances": 2, "min_up": 1, "mtbf": "100h", "mttr": "10h",
                  "zones": ["eu-a", "eu-b"]}]})";

TEST(AnalyzeCommand, ZonesAndRegionsHaveRowsInTheJsonAndTheReport) {
  const TempDir dir;
  const auto model = dir.write("zoned.json", kZoned);
  const auto result = run_nines({"analyze", model, "--json", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  ASSERT_EQ(doc.at("zones").size(), 2U);
  ASSERT_EQ(doc.at("regions").size(), 1U);
  EXPECT_EQ(doc.at("zone_region_patterns"), 8);
  for (const auto* rows : {&doc["zones"], &doc["regions"]}) {
    for (const auto& row : *rows) {
      for (const char* key : {"id", "availability", "birnbaum", "criticality", "raw", "rrw",
                              "d_availability_d_mtbf", "d_availability_d_mttr"}) {
        EXPECT_TRUE(row.contains(key)) << key;
      }
    }
  }
  EXPECT_EQ(doc["zones"][0]["id"], "eu-a");
  // The region takes both replicas: its Birnbaum importance is the pair's availability.
  const double r = 400.0 / 425.0 * 100.0 / 110.0;
  EXPECT_NEAR(doc["regions"][0]["birnbaum"].get<double>(), 1.0 - (1.0 - r) * (1.0 - r), 1e-14);
  EXPECT_NEAR(doc["regions"][0]["availability"].get<double>(), 1500.0 / 1530.0, 1e-15);

  const auto text = run_nines({"analyze", model});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const char* part : {"Zones and regions by criticality", "region eu", "zone eu-a",
                           "zone eu-b", "8 joint up/down"}) {
    EXPECT_NE(text.out.find(part), std::string::npos) << part << "\n" << text.out;
  }
}

TEST(AnalyzeCommand, ModelsWithoutZonesHaveEmptyZoneRowsAndNoZoneTable) {
  const TempDir dir;
  const auto model = dir.write("m.json", kSeries);
  const auto json = run_nines({"analyze", model, "--json", "-"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_TRUE(doc.at("zones").empty());
  EXPECT_TRUE(doc.at("regions").empty());
  const auto text = run_nines({"analyze", model});
  EXPECT_EQ(text.out.find("Zones and regions"), std::string::npos) << text.out;
}

TEST(AnalyzeCommand, InjectIsExitStatusThreeNamingIt) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("inject.json", R"({
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "web", "mtbf": "100h", "mttr": "1h", "zones": ["a"]}],
    "inject": [{"at": "30d", "zone": "a", "for": "2h"}]})")});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_EQ(result.err.rfind(dir.path().string() + "/inject.json: ", 0), 0U) << result.err;
  EXPECT_NE(result.err.find("inject"), std::string::npos) << result.err;
  EXPECT_EQ(testing::line_count(result.err), 1U);
}

TEST(AnalyzeCommand, InspectionsAreExitStatusThreeNamingTheComponentAndRunHasNoExact) {
  const TempDir dir;
  const auto model = dir.write("inspect.json", R"({"replications": 50,
    "components": [{"id": "web", "mtbf": "100h", "mttr": "1h"},
                   {"id": "batch", "mtbf": "200h", "mttr": "1h", "coverage": 0.5,
                    "undetected": {"inspection_every": "1d"}}],
    "dependencies": [{"from": "web", "to": "batch"}]})");
  const auto result = run_nines({"analyze", model});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_EQ(result.err.rfind(dir.path().string() + "/inspect.json: ", 0), 0U) << result.err;
  EXPECT_NE(result.err.find(R"(component "batch": periodic inspections (every 1d))"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(testing::line_count(result.err), 1U);
  const auto run = run_nines({"run", model, "--json", "-", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_TRUE(doc.at("exact").is_null());
  EXPECT_GT(doc.at("components").at(1).at("undetected_failures_per_year").get<double>(), 0.0);
  EXPECT_EQ(run.err, "");  // no warning: the refusal is the exact answer's absence
  // The same component with a law instead of inspections is solved exactly.
  EXPECT_EQ(run_nines({"analyze", model, "--set", "batch.undetected=12h"}).exit_code, 0);
}

TEST(AnalyzeCommand, DeploysAreExitStatusThreeEvenNeverBadAndRunHasNoExactNorWarning) {
  const TempDir dir;
  // A maintenance window: deploys that are never bad are refused all the same.
  const auto model = dir.write("shop.json", R"({"replications": 50,
    "components": [{"id": "web", "instances": 3, "min_up": 2, "mtbf": "100h", "mttr": "1h",
                    "deploys": {"period": "1w", "bad_probability": 0, "strategy": "rolling",
                                "batch_interval": "30m", "restart": {"type": "fixed", "value": "20m"}}},
                   {"id": "db", "mtbf": "200h", "mttr": "1h"}],
    "dependencies": [{"from": "web", "to": "db"}],
    "inject": [{"at": "30d", "component": "db", "for": "1h"}]})");
  const auto result = run_nines({"analyze", model});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_EQ(result.err.rfind(dir.path().string() + "/shop.json: ", 0), 0U) << result.err;
  // Every refused mechanism on one line, the deploys' clause last.
  EXPECT_NE(result.err.find("inject"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(R"(component "web": scheduled deploys (period 1w) are outside the )"
                            R"(exact solvers; use 'nines run')"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(testing::line_count(result.err), 1U);
  const auto run = run_nines({"run", model, "--json", "-", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_TRUE(doc.at("exact").is_null());
  EXPECT_EQ(run.err, "");
  EXPECT_GT(doc.at("components").at(0).at("restarts_per_year").get<double>(), 0.0);
  EXPECT_TRUE(doc.at("components").at(1).at("restarts_per_year").is_null());
}

TEST(AnalyzeCommand, CoupledPoolOverTwoZonesIsExitStatusThreeNamingIt) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("crew.json", R"({"crews": [{"id": "c"}],
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}, {"id": "b", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "db", "instances": 2, "crew": "c", "mtbf": "100h", "mttr": "1h", "zones": ["a", "b"]}]})")});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("component \"db\""), std::string::npos) << result.err;
}

TEST(AnalyzeCommand, BadMaxStatesIsAUsageError) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("m.json", kSeries), "--max-states", "zero"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--max-states"), std::string::npos) << result.err;
}

TEST(AnalyzeCommand, ReportsTheCost) {
  const TempDir dir;
  const auto model = dir.write("m.json", kSeries);
  const auto r = run_nines({"analyze", model, "--json", "-", "--set", "currency=USD"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_TRUE(doc.at("cost_per_month").is_null());
  EXPECT_EQ(doc.at("currency"), "USD");
  EXPECT_EQ(doc.at("format_version"), 2);
  const auto text =
      run_nines({"analyze", model, "--set", "db.cost=2150.5", "--set", "currency=EUR"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("\nCost 2,150.50 EUR per month\n"), std::string::npos) << text.out;
  EXPECT_EQ(run_nines({"analyze", model}).out.find("Cost "), std::string::npos);
}

}  // namespace
}  // namespace nines::cli
