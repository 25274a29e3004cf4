// Tests of `nines analyze` as a process: the report, the JSON contract, exit statuses 2 and 3.
#include "nines/cli/analyze_command.hpp"

#include <gtest/gtest.h>

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
  EXPECT_NE(result.err.find("\"api\""), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("lognormal"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("nines run"), std::string::npos) << result.err;
  EXPECT_EQ(testing::line_count(result.err), 1U);
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(AnalyzeCommand, BadMaxStatesIsAUsageError) {
  const TempDir dir;
  const auto result = run_nines({"analyze", dir.write("m.json", kSeries), "--max-states", "zero"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--max-states"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace nines::cli
