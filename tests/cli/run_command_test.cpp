// Tests of `nines run` as a process: report, --json output, overrides, determinism, bad input.
#include "nines/cli/run_command.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"
#include "nines/report/sha256.hpp"

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

TEST(RunCommand, RefusesDurationsWithoutAUnit) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_bad_input(run_nines({"run", model, "--horizon", "10"}),
                   {"--horizon", "give a unit, e.g. 10h or 10y", "\"10\""});
  expect_bad_input(run_nines({"run", model, "--window", "30"}),
                   {"--window", "give a unit, e.g. 10h or 10y", "\"30\""});
  expect_bad_input(run_nines({"run", model, "--precision", "0.1", "--max-time", "90"}),
                   {"--max-time", "give a unit, e.g. 10h or 10y", "\"90\""});
  // A --set value stays JSON: a bare number there is hours, as in the file.
  EXPECT_EQ(run_json({"run", model, "--set", "horizon=720"}).at("horizon_hours"), 720.0);
}

TEST(RunCommand, ShowsTheOverridesInTheHeaderAndTheJson) {
  const TempDir dir;
  const std::string text = testing::small_model();
  const auto model = dir.write("m.json", text);
  const auto r = run_nines({"run", model, "--set", "db.instances= 3", "--set", "web.mttr=30m",
                            "--replications", "5", "--seed", "4", "--horizon", "30d"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string first_line = r.out.substr(0, r.out.find('\n'));
  EXPECT_NE(first_line.find(", with db.instances=3, web.mttr=30m"), std::string::npos)
      << first_line;
  const auto doc =
      run_json({"run", model, "--set", "db.instances= 3", "--set", "web.mttr=30m", "--set",
                R"(db.mtbf="2000h")", "--replications", "5", "--seed", "4", "--horizon", "30d"});
  // In order, canonical, and never --replications, --horizon or --seed.
  EXPECT_EQ(doc.at("overrides"), (json{"db.instances=3", "web.mttr=30m", "db.mtbf=2000h"}));
  EXPECT_EQ(doc.at("model_sha256"), report::sha256_hex(text));
  EXPECT_EQ(run_json({"run", model}).at("overrides"), json::array());
}

TEST(RunCommand, BoundsTheOutageRateWhenNoneWasSeen) {
  const TempDir dir;
  // A pool that fails once in 100,000 years, watched for 10 x 1 year.
  const auto model = dir.write("m.json", R"({"name": "Solid", "replications": 10, "seed": 1,
    "components": [{"id": "rock", "mtbf": "100000y", "mttr": "1h"}]})");
  const auto r = run_nines({"run", model});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no outage in 10 replication-years"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("95% CI 100.0000 % .. 100.0000 %"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("below 0.30 at 95 %"), std::string::npos) << r.out;
  const auto doc = run_json({"run", model});
  EXPECT_NEAR(doc.at("outages_per_year").at("upper_bound_95").get<double>(), -std::log(0.05) / 10.0,
              1e-12);
}

TEST(RunCommand, ListsTheTopCausesAsAsked) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto one = run_nines({"run", model, "--top", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const auto all = run_nines({"run", model, "--top", "all"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_LT(line_count(one.out), line_count(all.out));
  expect_bad_input(run_nines({"run", model, "--top", "some"}), {"--top", "\"some\""});
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

TEST(RunCommand, JsonHasTheSpreadKeysEveryRun) {
  const TempDir dir;
  const auto doc = run_json({"run", dir.write("m.json", testing::small_model())});
  for (const char* key : {"p1", "p5", "p50", "p95", "p99"}) {
    EXPECT_TRUE(doc.at("availability_quantiles").at(key).is_number()) << key;
  }
  EXPECT_LE(doc.at("availability_quantiles").at("p1").get<double>(),
            doc.at("availability_quantiles").at("p99").get<double>());
  // 1 - met cancels digits, so compare to well within one replication's share.
  EXPECT_NEAR(doc.at("sla").at("probability_missed").get<double>(),
              1.0 - doc.at("sla").at("probability_met").get<double>(), 1e-12);
  EXPECT_EQ(doc.at("sla").at("probability_missed_ci95").size(), 2U);
  const auto& histogram = doc.at("downtime_histogram");
  std::int64_t total = histogram.at("zero_count").get<std::int64_t>();
  for (const auto& count : histogram.at("counts")) total += count.get<std::int64_t>();
  EXPECT_EQ(total, 40);
  EXPECT_EQ(histogram.at("bin_edges_hours").size(), histogram.at("counts").size() + 1);
  EXPECT_TRUE(doc.at("windows").is_null());
  EXPECT_TRUE(doc.at("precision").is_null());
}

TEST(RunCommand, WindowAddsTheWindowFigures) {
  const TempDir dir;
  const auto doc =
      run_json({"run", dir.write("m.json", testing::small_model()), "--window", "30d"});
  const auto& w = doc.at("windows");
  EXPECT_EQ(w.at("length_hours"), 720.0);
  EXPECT_EQ(w.at("per_replication"), 12);
  EXPECT_EQ(w.at("partial_window_hours"), 120.0);
  EXPECT_EQ(w.at("count"), 40 * 12);
  EXPECT_TRUE(w.at("mean_availability").is_number());
  EXPECT_TRUE(w.at("availability_quantiles").at("p1").is_number());
  expect_estimate(w.at("probability_missed"), "probability_missed");
  expect_estimate(w.at("expected_missed_per_year"), "expected_missed_per_year");
  EXPECT_NEAR(w.at("expected_missed_per_year").at("mean").get<double>(),
              w.at("probability_missed").at("mean").get<double>() * 8760.0 / 720.0, 1e-12);
}

TEST(RunCommand, PrecisionRunsUntilTheRuleHolds) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto doc = run_json({"run", model, "--precision", "0.05", "--batch", "50"});
  const auto& p = doc.at("precision");
  EXPECT_EQ(p.at("target"), 0.05);
  EXPECT_EQ(p.at("confidence"), 0.95);
  EXPECT_EQ(p.at("batch"), 50);
  EXPECT_EQ(p.at("stopped_by"), "precision");
  EXPECT_LE(p.at("reached").get<double>(), 0.05);
  EXPECT_EQ(p.at("replications"), doc.at("replications"));
  EXPECT_EQ(p.at("batches").get<std::int64_t>() * 50, doc.at("replications").get<std::int64_t>());
}

TEST(RunCommand, PrecisionIsTheSameWhateverTheThreads) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  auto one = run_json({"run", model, "--precision", "0.05", "--batch", "50", "--threads", "1"});
  auto two = run_json({"run", model, "--precision", "0.05", "--batch", "50", "--threads", "2"});
  one.erase("run_info");
  two.erase("run_info");
  EXPECT_EQ(one.dump(), two.dump());
}

TEST(RunCommand, MaxTimeResultIsReproducedByItsReplications) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  // A precision out of reach and a tiny time budget: the run stops after its first batch.
  auto timed = run_json({"run", model, "--precision", "0.0001", "--batch", "30", "--max-time",
                         "0.001s", "--window", "30d"});
  ASSERT_EQ(timed.at("precision").at("stopped_by"), "max-time");
  const auto n = timed.at("replications").get<std::int64_t>();
  EXPECT_EQ(n % 30, 0);
  auto plain = run_json({"run", model, "--replications", std::to_string(n), "--window", "30d"});
  for (auto* doc : {&timed, &plain}) {
    doc->erase("run_info");
    doc->erase("precision");
  }
  EXPECT_EQ(timed.dump(), plain.dump());
}

TEST(RunCommand, MaxReplicationsStopsAPrecisionRun) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto doc = run_json({"run", model, "--precision", "0.0001", "--batch", "40",
                             "--max-replications", "100", "--confidence", "0.9"});
  EXPECT_EQ(doc.at("precision").at("stopped_by"), "max-replications");
  EXPECT_EQ(doc.at("precision").at("confidence"), 0.9);
  EXPECT_EQ(doc.at("precision").at("batches"), 3);
  EXPECT_EQ(doc.at("replications"), 100);
}

TEST(RunCommand, ReportsThePrecisionReached) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r =
      run_nines({"run", model, "--precision", "0.05", "--batch", "50", "--window", "30d"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* fragment :
       {"Precision +-", "of unavailability at 95 % after", "reproduce with --replications",
        "SLA missed", "Availability quantiles",
        "SLA windows of 30d (12 per replication; "
        "the last 5d of each history left out)",
        "Missed windows per year"}) {
    EXPECT_NE(r.out.find(fragment), std::string::npos) << fragment << "\n" << r.out;
  }
}

TEST(RunCommand, RejectsBadPrecisionAndWindowFlags) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--precision", "1.5"}, "--precision: must be a number between 0 and 1"},
      {{"--precision", "0"}, "--precision"},
      {{"--precision", "5%"}, "--precision"},
      {{"--precision", "0.05", "--confidence", "1"}, "--confidence: must be"},
      {{"--precision", "0.05", "--batch", "0"}, "--batch: must be an integer"},
      {{"--precision", "0.05", "--max-replications", "-5"}, "--max-replications"},
      {{"--precision", "0.05", "--max-time", "soon"}, "--max-time: must be a positive time"},
      {{"--precision", "0.05", "--max-time", "0"}, "--max-time"},
      {{"--window", "-30d"}, "--window: must be a positive duration"},
      {{"--window", "2y"}, "--window: must not be longer than the horizon (1y)"},
      {{"--batch", "10"}, "--batch requires --precision"},
      {{"--max-time", "10s"}, "--max-time requires --precision"},
      {{"--precision", "0.05", "--replications", "10"}, "--replications excludes --precision"},
  };
  for (const auto& [flags, fragment] : cases) {
    std::vector<std::string> arguments = {"run", model};
    arguments.insert(arguments.end(), flags.begin(), flags.end());
    expect_bad_input(run_nines(arguments), {fragment, "nines run: "});
  }
}

TEST(RunCommand, ReportsTheDesignsMonthlyCost) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model(10));
  // web: 2 instances x 1000; db: 150; EUR.
  const std::vector<std::string> costs{"--set",       "web.cost=1000", "--set",
                                       "db.cost=150", "--set",         "currency=EUR"};
  std::vector<std::string> arguments{"run", model};
  arguments.insert(arguments.end(), costs.begin(), costs.end());
  const auto doc = run_json(arguments);
  EXPECT_EQ(doc.at("cost_per_month"), 2150.0);
  EXPECT_EQ(doc.at("currency"), "EUR");
  const auto r = run_nines(arguments);
  EXPECT_NE(r.out.find("\nCost 2,150 EUR per month\n"), std::string::npos) << r.out;
  // Without any cost: null, the default currency, and no cost line.
  const auto plain = run_json({"run", model});
  EXPECT_TRUE(plain.at("cost_per_month").is_null());
  EXPECT_EQ(plain.at("currency"), "units");
  EXPECT_EQ(run_nines({"run", model}).out.find("Cost "), std::string::npos);
}

TEST(RunCommand, RejectsABadCostInOneLine) {
  const TempDir dir;
  json document = json::parse(testing::small_model());
  document["components"][1]["cost"] = "12 EUR";
  const auto model = dir.write("shop.json", document.dump());
  const auto r = run_nines({"run", model});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, model + ": /components/1/cost: must be a non-negative number; got \"12 EUR\"\n");
  const auto good = dir.write("m.json", testing::small_model());
  for (const std::string& set :
       {std::string("db.cost=-1"), std::string("web.idle_cost=\"x\""), std::string("currency=3")}) {
    const auto bad = run_nines({"run", good, "--set", set});
    EXPECT_EQ(bad.exit_code, 2) << set;
    EXPECT_EQ(line_count(bad.err), 1U) << bad.err;
    EXPECT_NE(bad.err.find(set == "currency=3" ? "/currency: must be a non-empty string"
                                               : "cost: must be a non-negative number"),
              std::string::npos)
        << bad.err;
  }
}

}  // namespace
}  // namespace nines::cli
