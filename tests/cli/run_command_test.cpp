// Tests of `nines run` as a process: report, --json output, overrides, determinism, bad input.
#include "nines/cli/run_command.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using nlohmann::json;
using testing::line_count;
using testing::run_nines;
using testing::TempDir;

/// A bad model or argument: exit 2, nothing on stdout, one line on stderr holding `fragments`.
void expect_bad_input(const testing::ProcessResult& r, const std::vector<std::string>& fragments) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(line_count(r.err), 1U) << r.err;
  for (const auto& fragment : fragments) {
    EXPECT_NE(r.err.find(fragment), std::string::npos) << fragment << " in " << r.err;
  }
}

json run_json(const std::vector<std::string>& arguments) {
  auto all = arguments;
  all.insert(all.end(), {"--json", "-"});
  const auto r = run_nines(all);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

void expect_estimate(const json& value, const std::string& key) {
  ASSERT_TRUE(value.is_object()) << key;
  EXPECT_TRUE(value.at("mean").is_number()) << key;
  EXPECT_TRUE(value.at("stderr").is_number()) << key;
  ASSERT_TRUE(value.at("ci95").is_array()) << key;
  ASSERT_EQ(value.at("ci95").size(), 2U) << key;
  EXPECT_LE(value.at("ci95").at(0).get<double>(), value.at("mean").get<double>()) << key;
  EXPECT_GE(value.at("ci95").at(1).get<double>(), value.at("mean").get<double>()) << key;
}

TEST(ModelOverrides, PutsTheDedicatedFlagsAfterTheSets) {
  RunArguments arguments;
  arguments.overrides = {"db.mttr=2h", "horizon=2y"};
  arguments.replications = "10";
  arguments.horizon = "5y";
  arguments.seed = "9";
  EXPECT_EQ(model_overrides(arguments),
            (std::vector<std::string>{"db.mttr=2h", "horizon=2y", "replications=10", "horizon=5y",
                                      "seed=9"}));
}

TEST(RunCommand, PrintsTheReport) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r = run_nines({"run", model, "--threads", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // stderr is not a terminal: no progress bar
  for (const char* fragment :
       {"Small shop", "40 replications", "seed 3", "Availability", "nines", "Downtime per year",
        "Outages per year", "SLA 99.00 % met", "System MTBF", "System MTTR", "Events"}) {
    EXPECT_NE(r.out.find(fragment), std::string::npos) << fragment << "\n" << r.out;
  }
}

TEST(RunCommand, QuietPrintsNothing) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r = run_nines({"run", model, "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(RunCommand, JsonToStdoutHasEveryKey) {
  const TempDir dir;
  const auto doc = run_json({"run", dir.write("m.json", testing::small_model())});
  EXPECT_EQ(doc.at("model"), "Small shop");
  EXPECT_EQ(doc.at("replications"), 40);
  EXPECT_EQ(doc.at("horizon_hours"), 8760.0);
  EXPECT_EQ(doc.at("seed"), 3);
  EXPECT_EQ(doc.at("target"), 0.99);
  expect_estimate(doc.at("availability"), "availability");
  expect_estimate(doc.at("downtime_hours_per_year"), "downtime_hours_per_year");
  expect_estimate(doc.at("outages_per_year"), "outages_per_year");
  // 40 years of a pool that fails every few hundred hours: outages were seen.
  for (const char* key : {"mean", "p50", "p90", "p99", "max"}) {
    EXPECT_TRUE(doc.at("outage_duration_hours").at(key).is_number()) << key;
  }
  EXPECT_TRUE(doc.at("system_mtbf_hours").is_number());
  EXPECT_TRUE(doc.at("system_mttr_hours").is_number());
  EXPECT_EQ(doc.at("sla").at("target"), 0.99);
  EXPECT_TRUE(doc.at("sla").at("probability_met").is_number());
  EXPECT_EQ(doc.at("sla").at("ci95").size(), 2U);
  EXPECT_TRUE(doc.at("outages_cut_at_horizon").is_number_integer());
  ASSERT_EQ(doc.at("components").size(), 2U);
  EXPECT_EQ(doc.at("components").at(0).at("id"), "web");
  EXPECT_EQ(doc.at("components").at(1).at("id"), "db");
  for (const auto& component : doc.at("components")) {
    for (const char* key : {"availability", "service_availability", "downtime_share"}) {
      EXPECT_TRUE(component.at(key).is_number()) << key;
    }
  }
  EXPECT_GT(doc.at("events").get<std::uint64_t>(), 0U);
  for (const char* key : {"threads", "wall_seconds", "events_per_second", "version"}) {
    EXPECT_TRUE(doc.at("run_info").contains(key)) << key;
  }
}

TEST(RunCommand, JsonWithoutTargetHasNullTargetAndSla) {
  const TempDir dir;
  auto model = json::parse(testing::small_model());
  model.erase("target");
  const auto doc = run_json({"run", dir.write("m.json", model.dump())});
  EXPECT_TRUE(doc.at("target").is_null());
  EXPECT_TRUE(doc.at("sla").is_null());
}

TEST(RunCommand, WritesTheJsonFileAndStillPrintsTheReport) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto out_dir = dir.path() / "out";
  std::filesystem::create_directory(out_dir);
  const auto file = out_dir / "result.json";
  const auto r = run_nines({"run", model, "--json", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Availability"), std::string::npos);
  const auto doc = json::parse(testing::read_file(file));
  EXPECT_EQ(doc.at("model"), "Small shop");
  // Only the result: the temporary file was renamed, not left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(out_dir),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(RunCommand, IsIdenticalOutsideRunInfoWhateverTheThreads) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model(64));
  auto one = run_json({"run", model, "--threads", "1"});
  auto two = run_json({"run", model, "--threads", "2"});
  EXPECT_EQ(one.at("run_info").at("threads"), 1);
  EXPECT_EQ(two.at("run_info").at("threads"), 2);
  one.erase("run_info");
  two.erase("run_info");
  EXPECT_EQ(one.dump(), two.dump());
}

TEST(RunCommand, AppliesTheOverrideFlags) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto doc = run_json({"run", model, "--replications", "7", "--horizon", "30d", "--seed",
                             "11", "--set", "web.instances=3", "--set", "db.mttr=2h"});
  EXPECT_EQ(doc.at("replications"), 7);
  EXPECT_EQ(doc.at("horizon_hours"), 720.0);
  EXPECT_EQ(doc.at("seed"), 11);
}

TEST(RunCommand, DedicatedFlagsWinOverSet) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto doc = run_json({"run", model, "--set", "replications=5", "--replications", "6"});
  EXPECT_EQ(doc.at("replications"), 6);
}

TEST(RunCommand, SetChangesTheResult) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto base = run_json({"run", model});
  const auto better = run_json({"run", model, "--set", "db.mttr=1m"});
  EXPECT_GT(better.at("availability").at("mean").get<double>(),
            base.at("availability").at("mean").get<double>());
}

TEST(RunCommand, RejectsZeroReplications) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_bad_input(run_nines({"run", model, "--replications", "0"}), {"replications"});
}

TEST(RunCommand, RejectsABadHorizon) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_bad_input(run_nines({"run", model, "--horizon", "-5h"}), {"horizon", "-5h"});
  expect_bad_input(run_nines({"run", model, "--horizon", "5 parsecs"}), {"horizon"});
}

TEST(RunCommand, RejectsABadSet) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_bad_input(run_nines({"run", model, "--set", "nosuch.instances=3"}), {"nosuch"});
  expect_bad_input(run_nines({"run", model, "--set", "db.mttr=-2h"}), {"mttr"});
  expect_bad_input(run_nines({"run", model, "--set", "no-equals-sign"}), {"no-equals-sign"});
}

TEST(RunCommand, RejectsAMissingFile) {
  const TempDir dir;
  const auto missing = (dir.path() / "missing.json").string();
  expect_bad_input(run_nines({"run", missing}), {missing});
}

TEST(RunCommand, RejectsAFileThatIsNotJson) {
  const TempDir dir;
  const auto model = dir.write("broken.json", "{\n  \"name\": \"x\",\n  \"components\": [\n}\n");
  expect_bad_input(run_nines({"run", model}), {model, "line"});
}

TEST(RunCommand, NamesTheJsonPointerOfABadValue) {
  const TempDir dir;
  auto doc = json::parse(testing::small_model());
  doc["components"][1]["mttr"] = "-5h";
  const auto model = dir.write("bad.json", doc.dump(2));
  expect_bad_input(run_nines({"run", model}), {model, "/components/1/mttr", "-5h"});
}

TEST(RunCommand, WritesNoFileForABadModel) {
  const TempDir dir;
  auto doc = json::parse(testing::small_model());
  doc["components"][0]["min_up"] = 5;
  const auto model = dir.write("bad.json", doc.dump(2));
  const auto file = dir.path() / "result.json";
  expect_bad_input(run_nines({"run", model, "--json", file.string()}),
                   {model, "/components/0/min_up"});
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(RunCommand, RejectsAnUnwritableJsonPathBeforeRunning) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto file = (dir.path() / "no-such-dir" / "result.json").string();
  expect_bad_input(run_nines({"run", model, "--json", file}), {file, "cannot write"});
}

}  // namespace
}  // namespace nines::cli
