// `nines run` and `nines analyze` of models with a load, as processes on real files: the load
// changes no key that exists without it, adds the traffic keys, and a rate limit is refused.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace nines::cli::testing {
namespace {

using nlohmann::json;

json web_shop() {
  std::ifstream in(std::string(NINES_SOURCE_DIR) + "/samples/web-shop.json");
  return json::parse(in);
}

json diurnal_load() {
  return json::parse(
      R"({"rps": 1200, "profile": {"type": "diurnal", "peak_to_mean": 1.8, "peak_at": "14:00"}})");
}

json run_json(const TempDir& dir, const std::string& name, const json& model,
              std::vector<std::string> extra = {}) {
  std::vector<std::string> words = {
      "run", dir.write(name, model.dump(2)), "--replications", "600", "--json", "-"};
  words.insert(words.end(), extra.begin(), extra.end());
  const auto result = run_nines(words);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return json::parse(result.out);
}

/// Keys that differ by construction between two files or runs.
bool differs_by_construction(const std::string& key) {
  return key == "run_info" || key == "model_sha256";
}

TEST(LoadRun, LoadWithoutCapacityChangesNoKeyThatExistsWithoutIt) {
  TempDir dir;
  const json plain_model = web_shop();
  json loaded_model = plain_model;
  loaded_model["load"] = diurnal_load();
  const json plain = run_json(dir, "plain.json", plain_model);
  const json loaded = run_json(dir, "loaded.json", loaded_model);
  // The traffic keys: always there, null or 0 without a load.
  EXPECT_EQ(plain.at("slo_basis"), "time");
  EXPECT_TRUE(plain.at("requests").is_null());
  EXPECT_TRUE(plain.at("degraded_hours_per_year").is_null());
  for (const json* doc : {&plain, &loaded}) {
    EXPECT_EQ(doc->at("flow_evaluations"), 0);
    EXPECT_EQ(doc->at("flow_not_converged"), 0);
    EXPECT_TRUE(doc->at("cascades").is_null());
    EXPECT_TRUE(doc->at("recovery_hours").is_null());
    EXPECT_TRUE(doc->at("metastable_per_year").is_null());
    EXPECT_EQ(doc->at("run_info").at("flow_evaluations_per_second"), 0);
    for (const json& c : doc->at("components")) {
      for (const char* key : {"utilisation", "overload_crashes_per_year",
                              "cascades_started_per_year", "blast_radius"}) {
        EXPECT_TRUE(c.at(key).is_null()) << key;
      }
    }
  }
  // Every key of the run without load, events included, is the same with it.
  std::size_t compared = 0;
  for (const auto& [key, value] : plain.items()) {
    if (differs_by_construction(key) || key == "requests" || key == "degraded_hours_per_year") {
      continue;
    }
    EXPECT_EQ(loaded.at(key), value) << key;
    ++compared;
  }
  EXPECT_GT(compared, 30u);
  EXPECT_GT(plain.at("events").get<std::uint64_t>(), 0u);
  // And the load adds its figures.
  const json& requests = loaded.at("requests");
  for (const char* key : {"availability", "availability_quantiles", "offered_per_year",
                          "failed_per_year", "rejected_per_year", "shed_per_year", "journeys"}) {
    EXPECT_TRUE(requests.contains(key)) << key;
  }
  EXPECT_EQ(requests.at("rejected_per_year"), 0.0);
  EXPECT_EQ(requests.at("shed_per_year"), 0.0);
  EXPECT_TRUE(requests.at("journeys").is_null());
  EXPECT_NEAR(requests.at("offered_per_year").get<double>(), 1200.0 * 3600.0 * 8760.0, 1.0);
  EXPECT_EQ(requests.at("availability_quantiles").size(), 5u);
  EXPECT_NEAR(loaded.at("degraded_hours_per_year").at("mean").get<double>(),
              loaded.at("downtime_hours_per_year").at("mean").get<double>(), 1e-9);
}

TEST(LoadRun, AConstantLoadsRequestAvailabilityIsTheAvailability) {
  TempDir dir;
  json model = web_shop();
  model["load"] = {{"rps", 50}};
  const json doc = run_json(dir, "m.json", model);
  EXPECT_NEAR(doc.at("requests").at("availability").at("mean").get<double>(),
              doc.at("availability").at("mean").get<double>(), 1e-12);
}

TEST(LoadRun, SameDocumentWhateverTheThreads) {
  TempDir dir;
  json model = web_shop();
  model["load"] = diurnal_load();
  model["load"]["slo_basis"] = "requests";
  json one = run_json(dir, "m.json", model, {"--threads", "1", "--window", "30d"});
  json two = run_json(dir, "m.json", model, {"--threads", "2", "--window", "30d"});
  one.erase("run_info");
  two.erase("run_info");
  EXPECT_EQ(one.dump(), two.dump());
  EXPECT_EQ(one.at("slo_basis"), "requests");
}

TEST(LoadRun, TheTextReportShowsRequestAvailabilityAndTheSlaBasisOnlyWithALoad) {
  TempDir dir;
  json model = web_shop();
  const auto plain =
      run_nines({"run", dir.write("plain.json", model.dump()), "--replications", "200"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("Request availability"), std::string::npos);
  EXPECT_EQ(plain.out.find("SLA basis"), std::string::npos);
  model["load"] = diurnal_load();
  model["load"]["slo_basis"] = "requests";
  const auto loaded =
      run_nines({"run", dir.write("loaded.json", model.dump()), "--replications", "200"});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_NE(loaded.out.find("  Request availability  "), std::string::npos) << loaded.out;
  EXPECT_NE(loaded.out.find("(served / offered requests)"), std::string::npos);
  EXPECT_NE(loaded.out.find("  Failed requests/year  "), std::string::npos);
  const std::size_t basis = loaded.out.find("  SLA basis  ");
  ASSERT_NE(basis, std::string::npos) << loaded.out;
  EXPECT_EQ(loaded.out.find(" requests ", basis), loaded.out.find(" requests ", basis - 1))
      << "the basis is on the SLA basis line";
  EXPECT_LT(loaded.out.find(" requests ", basis), loaded.out.find('\n', basis));
}

TEST(LoadRun, ARateLimitRunsInFlowModeAndAnalyzeNamesIt) {
  TempDir dir;
  json model = web_shop();
  model["load"] = {{"rps", 1200}, {"limit_rps", 1000}};
  const std::string path = dir.write("limited.json", model.dump());
  const auto run = run_nines({"run", path, "--replications", "50", "--json", "-"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json r = json::parse(run.out);
  // A sixth of the load is rejected at once, all the time: requests fail, time stays up.
  const double offered = r["requests"]["offered_per_year"];
  EXPECT_NEAR(r["requests"]["rejected_per_year"].get<double>() / offered, 200.0 / 1200.0, 1e-12);
  EXPECT_LE(r["requests"]["availability"]["mean"].get<double>(), 1000.0 / 1200.0 + 1e-12);
  EXPECT_GT(r["flow_evaluations"].get<std::int64_t>(), 0);
  EXPECT_EQ(r["flow_not_converged"], 0);
  const auto analyze = run_nines({"analyze", path});
  EXPECT_EQ(analyze.exit_code, 3);
  EXPECT_NE(analyze.err.find("/load/limit_rps: a rate limit"), std::string::npos) << analyze.err;
}

TEST(LoadAnalyze, AModelWithALoadAndHardEdgesAnalysesAsWithout) {
  TempDir dir;
  // Independent exponential pools, a list with a quorum: what the exact solvers answer.
  json model = json::parse(R"({"name": "exact", "horizon": "1y", "entry": "web",
      "components": [
        {"id": "web", "instances": 3, "min_up": 2, "mtbf": "2000h", "mttr": "1h"},
        {"id": "api", "instances": 2, "mtbf": "1500h", "mttr": "45m"},
        {"id": "db-a", "mtbf": "4000h", "mttr": "6h"},
        {"id": "db-b", "mtbf": "4000h", "mttr": "6h"},
        {"id": "db-c", "mtbf": "4000h", "mttr": "6h"}],
      "dependencies": [{"from": "web", "to": "api"},
                       {"from": "api", "to": ["db-a", "db-b", "db-c"], "min_up": 2}]})");
  const auto plain = run_nines({"analyze", dir.write("plain.json", model.dump()), "--json", "-"});
  model["load"] = diurnal_load();
  const auto loaded = run_nines({"analyze", dir.write("loaded.json", model.dump()), "--json", "-"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  json a = json::parse(plain.out);
  json b = json::parse(loaded.out);
  a.erase("model_sha256");
  b.erase("model_sha256");
  EXPECT_EQ(a.dump(), b.dump());
}

TEST(LoadRun, PairedDifferencesGainRequestAvailabilityWithALoad) {
  TempDir dir;
  json model = web_shop();
  const auto scenarios = [&](const json& m, const std::string& name) {
    const auto result = run_nines({"run", dir.write(name, m.dump()), "--all-scenarios",
                                   "--replications", "300", "--json", "-"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out).at("scenarios");
  };
  const json plain = scenarios(model, "plain.json");
  EXPECT_TRUE(plain.at(1).at("difference").at("requests_availability").is_null());
  model["load"] = diurnal_load();
  const json loaded = scenarios(model, "loaded.json");
  const json& d = loaded.at(1).at("difference").at("requests_availability");
  ASSERT_TRUE(d.is_object());
  for (const char* key : {"mean", "stderr", "ci95"}) EXPECT_TRUE(d.contains(key)) << key;
  // The time-based difference is the one without load.
  EXPECT_EQ(loaded.at(1).at("difference").at("availability"),
            plain.at(1).at("difference").at("availability"));
}

TEST(LoadRun, TheTraceShowsLoadStepsAndTheServedShareAfterEachBatch) {
  // 300 rps with 2.5x at 18:00 and 3x at 19:00; two servers of 400, one held out over [17, 22):
  // 750 rps get 400 (sigma 8/15, up), 900 get 400 (4/9, down: begun by the load step).
  TempDir dir;
  json model = json::parse(R"({"name": "steps", "horizon": "24h", "replications": 1,
      "entry": "web",
      "components": [{"id": "web", "instances": 2, "mtbf": "100000y", "mttr": "1h",
                      "capacity_rps": 400}],
      "inject": [{"at": "17h", "component": "web", "instances": 1, "for": "5h"}],
      "load": {"rps": 300, "profile": {"type": "hourly", "values":
        [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2.5,3,1,1,1,1]}}})");
  const auto run =
      run_nines({"run", dir.write("steps.json", model.dump()), "--trace", "0", "--trace-csv", "-"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "time_hours,batch,source_kind,source_id,instance,event,system_up,cause_kind,cause_id,"
            "offered_rps,served_rps,sigma\r\n"
            "17,0,inject,web,,inject-start,1,,,300,300,1\r\n"
            "17,0,component,web,0,block,1,,,300,300,1\r\n"
            "18,1,load,,,load-step,1,,,750,400,0.5333333333333333\r\n"
            "19,2,load,,,load-step,0,load,,900,400,0.4444444444444444\r\n"
            "20,3,load,,,load-step,1,,,300,300,1\r\n"
            "22,4,inject,web,,inject-end,1,,,300,300,1\r\n"
            "22,4,component,web,0,unblock,1,,,300,300,1\r\n");
}

TEST(LoadRun, WindowsOnTheRequestsBasisJudgeEachHistorysOwnOfferedRequestsUnderSpikes) {
  // Three servers of 400 rps under 1000 rps that never fail, four days, a spike x2 at 30 h and
  // 71 h for 2 h, one server out over [60 h, 63 h); load-hours are hours at 1000 rps. A spike
  // fails 40 % of 2 (0.8 an hour), the server out 20 % of 1 (0.2 an hour):
  //   day 0: 0 of 24 failed -> 1;   day 1: 1.6 of 26 -> 12.2 / 13
  //   day 2: 0.6 + 0.8 of 25 -> 0.944;   day 3: 0.8 of 25 -> 0.968
  TempDir dir;
  const json model = json::parse(R"({"name": "spiked days", "horizon": "96h", "entry": "web",
      "target": 0.95,
      "components": [{"id": "web", "instances": 3, "min_up": 1, "failure": "never",
                      "capacity_rps": 400}],
      "load": {"rps": 1000, "slo_basis": "requests",
               "spikes": [{"id": "promo", "at": ["30h", "71h"],
                           "duration": {"type": "fixed", "value": "2h"},
                           "multiplier": 2}]},
      "inject": [{"at": "60h", "component": "web", "instances": 1, "for": "3h"}]})");
  const json doc = run_json(dir, "m.json", model, {"--window", "1d"});
  const json& w = doc.at("windows");
  ASSERT_TRUE(w.is_object()) << doc.dump(2);
  EXPECT_EQ(w.at("per_replication"), 4);
  EXPECT_EQ(w.at("count"), 4 * 600);
  EXPECT_NEAR(w.at("mean_availability").get<double>(), 1.0 - 3.8 / 100.0, 1e-14);
  // Every history alike: the quantiles are the four days' figures.
  const json& q = w.at("availability_quantiles");
  EXPECT_NEAR(q.at("p1").get<double>(), 1.0 - 1.6 / 26.0, 1e-14);
  EXPECT_NEAR(q.at("p50").get<double>(), (0.944 + 0.968) / 2.0, 1e-14);
  EXPECT_EQ(q.at("p99").get<double>(), 1.0);
  // Days 1 and 2 are below 0.95 in every history.
  EXPECT_NEAR(w.at("probability_missed").at("mean").get<double>(), 0.5, 1e-15);
  EXPECT_NEAR(w.at("expected_missed_per_year").at("mean").get<double>(), 0.5 * 365.0, 1e-9);
  // Spikes of exponential durations (mean 2 h): histories differ, threads change nothing.
  json random = model;
  random["load"]["spikes"][0]["duration"] = "2h";
  json one = run_json(dir, "r.json", random, {"--threads", "1", "--window", "1d"});
  json two = run_json(dir, "r.json", random, {"--threads", "2", "--window", "1d"});
  EXPECT_NE(one.at("windows").at("availability_quantiles"), w.at("availability_quantiles"));
  one.erase("run_info");
  two.erase("run_info");
  EXPECT_EQ(one.dump(), two.dump());
}

}  // namespace
}  // namespace nines::cli::testing
