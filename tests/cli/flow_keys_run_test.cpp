// CLI tests of the flow-mode keys on real files and real `nines` processes: in Boolean mode
// (no capacity, no limit) calls, retries and routing change no figure of run or analyze; a
// capacity and the flow mechanisms (overload, shedding, caches, breakers, spikes, journeys)
// run; analyze names every flow mechanism and where it is (exit 3); validate and schema.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace nines::cli::testing {
namespace {

using nlohmann::json;

json web_shop_with_load() {
  std::ifstream in(std::string(NINES_SOURCE_DIR) + "/samples/web-shop.json");
  json model = json::parse(in);
  model["load"] = json::parse(
      R"({"rps": 1200, "profile": {"type": "diurnal", "peak_to_mean": 1.8, "peak_at": "14:00"}})");
  // Its "with traffic" scenario adds capacities (flow mode): these tests are about the keys.
  auto& scenarios = model["scenarios"];
  scenarios.erase(std::remove_if(scenarios.begin(), scenarios.end(),
                                 [](const json& s) { return s["name"] == "with traffic"; }),
                  scenarios.end());
  return model;
}

/// The same model with every hard-edge traffic key set.
json with_hard_edge_keys(json model) {
  model["dependencies"][0]["calls"] = 3;
  model["dependencies"][0]["retries"] = 2;
  model["dependencies"][1]["routing"] = "failover";
  model["dependencies"][1]["retries"] = 1;
  model["dependencies"][1]["to"][1] = {{"id", "db-replica-eu"}, {"retries", 4}, {"calls", 0.5}};
  return model;
}

/// `value` without the keys that differ between two files by construction, at any depth.
void strip_run_info(json& value) {
  if (value.is_object()) {
    value.erase("run_info");
    value.erase("model_sha256");
  }
  if (value.is_structured()) {
    for (auto& child : value) strip_run_info(child);
  }
}

json without_run_info(const std::string& text) {
  json result = json::parse(text);
  strip_run_info(result);
  return result;
}

TEST(FlowKeysRun, HardEdgeKeysChangeNoFigureInBooleanMode) {
  TempDir dir;
  const json base = web_shop_with_load();
  const auto plain = run_nines({"run", dir.write("plain.json", base.dump()), "--replications",
                                "300", "--all-scenarios", "--json", "-"});
  const auto keyed = run_nines({"run", dir.write("keyed.json", with_hard_edge_keys(base).dump()),
                                "--replications", "300", "--all-scenarios", "--json", "-"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(keyed.exit_code, 0) << keyed.err;
  EXPECT_EQ(keyed.err, plain.err);
  const json a = without_run_info(plain.out);
  const json b = without_run_info(keyed.out);
  EXPECT_TRUE(a == b) << json::diff(a, b).dump();
  EXPECT_EQ(b.at("scenarios").at(0).at("result").at("flow_evaluations"), 0);
}

TEST(FlowKeysRun, HardEdgeKeysAnalyseAsWithout) {
  TempDir dir;
  // Independent exponential pools and a quorum list: what the exact solvers answer.
  json model = json::parse(R"({"name": "exact", "horizon": "1y", "entry": "web",
      "load": {"rps": 100},
      "components": [
        {"id": "web", "instances": 3, "min_up": 2, "mtbf": "2000h", "mttr": "1h"},
        {"id": "api", "instances": 2, "mtbf": "1500h", "mttr": "45m"},
        {"id": "db-a", "mtbf": "4000h", "mttr": "6h"},
        {"id": "db-b", "mtbf": "4000h", "mttr": "6h"},
        {"id": "db-c", "mtbf": "4000h", "mttr": "6h"}],
      "dependencies": [{"from": "web", "to": "api"},
                       {"from": "api", "to": ["db-a", "db-b", "db-c"], "min_up": 2}]})");
  const auto plain = run_nines({"analyze", dir.write("plain.json", model.dump()), "--json", "-"});
  model["dependencies"][0]["retries"] = 3;
  model["dependencies"][0]["calls"] = 2;
  model["dependencies"][1]["routing"] = "all";
  model["dependencies"][1]["to"][2] = {{"id", "db-c"}, {"retries", 1}};
  const auto keyed = run_nines({"analyze", dir.write("keyed.json", model.dump()), "--json", "-"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(keyed.exit_code, 0) << keyed.err;
  json a = json::parse(plain.out);
  json b = json::parse(keyed.out);
  a.erase("model_sha256");
  b.erase("model_sha256");
  EXPECT_EQ(a.dump(), b.dump());
}

TEST(FlowKeysRun, ACapacityRunsInFlowModeAndIsNamedByAnalyze) {
  TempDir dir;
  json model = web_shop_with_load();
  model["components"][1]["capacity_rps"] = 400;
  const std::string path = dir.write("capacity.json", model.dump());
  const auto run = run_nines({"run", path, "--replications", "50", "--json", "-"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json r = json::parse(run.out);
  EXPECT_GT(r["flow_evaluations"].get<std::int64_t>(), 0);
  EXPECT_TRUE(r["components"][1]["utilisation"].is_number()) << r["components"][1].dump();
  EXPECT_TRUE(r["components"][0]["utilisation"].is_null());  // no capacity, no utilisation
  EXPECT_EQ(run_nines({"validate", path}).exit_code, 0);
  const auto analyze = run_nines({"analyze", path});
  EXPECT_EQ(analyze.exit_code, 3);
  EXPECT_NE(analyze.err.find("/components/1/capacity_rps: component \"api\" has a capacity"),
            std::string::npos)
      << analyze.err;
  // With a rate limit too, analyze names both, the capacity first.
  model["load"]["limit_rps"] = 5000;
  const auto both = run_nines({"analyze", dir.write("both.json", model.dump())});
  EXPECT_EQ(both.exit_code, 3);
  const auto capacity_at = both.err.find("/components/1/capacity_rps");
  const auto limit_at = both.err.find("/load/limit_rps");
  ASSERT_NE(capacity_at, std::string::npos) << both.err;
  ASSERT_NE(limit_at, std::string::npos) << both.err;
  EXPECT_LT(capacity_at, limit_at);
}

/// web-shop with a load and one flow mechanism; `pointer` is where it is.
struct Mechanism {
  const char* name;
  json model;
  std::string pointer;
  /// What run says after the pointer (empty: run simulates it).
  std::string run_problem;
  /// A fragment of analyze's clause after the pointer.
  std::string analyze_clause;
  /// Where run points when not at `pointer`.
  std::string run_pointer = {};
};

std::vector<Mechanism> mechanisms() {
  const json base = web_shop_with_load();
  std::vector<Mechanism> out;
  json m = base;
  m["components"][1]["capacity_rps"] = 400;
  m["components"][1]["overload"] = {{"crash_after", "10m"}, {"restart", "5m"}};
  out.push_back({"overload", m, "/components/1/overload", "",
                 "component \"api\" crashes when overloaded (flow mode)"});
  m = base;
  m["components"][1]["capacity_rps"] = 400;
  m["components"][1]["load_shedding"] = true;
  out.push_back({"load_shedding", m, "/components/1/load_shedding", "",
                 "component \"api\" sheds the demand above its capacity (flow mode)"});
  m = base;
  m["dependencies"][0].update({{"mode", "soft"}, {"impact", 0.2}});
  out.push_back({"soft", m, "/dependencies/0/mode", "",
                 "the soft dependency \"frontend\" -> \"api\" fails only part of the calls "
                 "(flow mode)"});
  m = base;
  m["dependencies"][1].update({{"mode", "cache"}, {"hit_ratio", 0.9}, {"stale_if_error", "5m"}});
  out.push_back({"cache", m, "/dependencies/1/mode", "",
                 "the cache on \"api\" -> its list answers part of the calls (flow mode)"});
  m = base;
  m["dependencies"][0]["circuit_breaker"] = {{"threshold", 0.5}, {"open_for", "30s"}};
  out.push_back({"breaker", m, "/dependencies/0/circuit_breaker", "",
                 "a circuit breaker on \"frontend\" -> \"api\" stops the calls to a failing "
                 "target (flow mode)"});
  m = base;
  m["dependencies"][1]["to"][1] = {{"id", "db-replica-eu"},
                                   {"circuit_breaker", {{"threshold", 0.5}, {"open_for", "30s"}}}};
  out.push_back({"target breaker", m, "/dependencies/1/to/1/circuit_breaker", "",
                 "a circuit breaker on \"api\" -> \"db-replica-eu\""});
  m = base;
  m["load"]["spikes"] = {{{"id", "ddos"}, {"gap", "30d"}, {"duration", "1h"}, {"multiplier", 6}}};
  out.push_back({"spikes", m, "/load/spikes", "",
                 "1 spike source(s) change the load over time (flow mode)", "/load/spikes/0"});
  m = base;
  m.erase("entry");
  m["load"]["journeys"] = {{{"entry", "frontend"}, {"share", 0.75}},
                           {{"entry", "api"}, {"share", 0.25}}};
  out.push_back({"journeys", m, "/load/journeys", "",
                 "journeys split the load between 2 entries (flow mode)"});
  m = base;
  m["load"]["limit_rps"] = 5000;
  out.push_back(
      {"limit_rps", m, "/load/limit_rps", "", "a rate limit serves part of the load (flow mode)"});
  return out;
}

TEST(FlowKeysRun, EachMechanismIsRefusedByRunAndNamedByAnalyze) {
  TempDir dir;
  for (const Mechanism& mechanism : mechanisms()) {
    const std::string path =
        dir.write(std::string(mechanism.name) + ".json", mechanism.model.dump());
    EXPECT_EQ(run_nines({"validate", path}).exit_code, 0) << mechanism.name;
    const auto analyze = run_nines({"analyze", path});
    EXPECT_EQ(analyze.exit_code, 3) << mechanism.name;
    EXPECT_NE(analyze.err.find(mechanism.pointer + ": " + mechanism.analyze_clause),
              std::string::npos)
        << mechanism.name << ": " << analyze.err;
    if (mechanism.run_problem.empty()) {
      const auto run = run_nines({"run", path, "--replications", "20", "--json", "-"});
      ASSERT_EQ(run.exit_code, 0) << mechanism.name << ": " << run.err;
      // `caches`: always present, an array with the cache row, null without one.
      const json result = json::parse(run.out);
      ASSERT_TRUE(result.contains("caches")) << mechanism.name;
      if (std::string(mechanism.name) == "cache") {
        ASSERT_TRUE(result["caches"].is_array());
        ASSERT_EQ(result["caches"].size(), 1U);
        EXPECT_EQ(result["caches"][0]["id"], "api->db,db-replica-eu");
        EXPECT_TRUE(result["caches"][0]["expiries_per_year"].is_number());
      } else {
        EXPECT_TRUE(result["caches"].is_null()) << mechanism.name;
      }
      continue;
    }
    const auto run = run_nines({"run", path});
    EXPECT_EQ(run.exit_code, 2) << mechanism.name;
    EXPECT_EQ(run.out, "") << mechanism.name;
    // The mechanism is named, even beside a capacity (refused after it until flow mode runs).
    const std::string& pointer =
        mechanism.run_pointer.empty() ? mechanism.pointer : mechanism.run_pointer;
    EXPECT_EQ(run.err, path + ": " + pointer + ": " + mechanism.run_problem + "\n")
        << mechanism.name;
  }
}

TEST(FlowKeysRun, AnalyzeNamesEveryMechanismInFileOrder) {
  TempDir dir;
  json model = web_shop_with_load();
  model["load"]["spikes"] = {{{"at", {"30d"}}, {"duration", "1h"}, {"multiplier", 6}}};
  model["dependencies"][1].update({{"mode", "cache"}, {"hit_ratio", 0.9}, {"stale_if_error", 0}});
  model["dependencies"][1]["circuit_breaker"] = {{"threshold", 0.5}, {"open_for", "30s"}};
  model["components"][3]["capacity_rps"] = 100;
  model["components"][3]["overload"] = {{"crash_after", "1h"}, {"restart", "1h"}};
  const std::string path = dir.write("many.json", model.dump());
  // run simulates them all.
  EXPECT_EQ(run_nines({"run", path, "--replications", "8"}).exit_code, 0);
  const auto analyze = run_nines({"analyze", path});
  EXPECT_EQ(analyze.exit_code, 3);
  std::size_t at = 0;
  for (const char* pointer :
       {"/components/3/capacity_rps", "/components/3/overload", "/dependencies/1/mode",
        "/dependencies/1/circuit_breaker", "/load/spikes"}) {
    const std::size_t found = analyze.err.find(pointer, at);
    EXPECT_NE(found, std::string::npos) << pointer << ": " << analyze.err;
    at = found == std::string::npos ? at : found;
  }
}

TEST(FlowKeysRun, AKeyWithoutALoadIsABadModel) {
  TempDir dir;
  json model = web_shop_with_load();
  model.erase("load");
  model["dependencies"][0]["retries"] = 2;
  const std::string path = dir.write("noload.json", model.dump());
  for (const char* command : {"run", "validate", "analyze"}) {
    const auto result = run_nines({command, path});
    EXPECT_EQ(result.exit_code, 2) << command;
    EXPECT_EQ(result.err, path +
                              ": /dependencies/0/retries: a traffic key, which needs a "
                              "top-level load\n")
        << command;
  }
  // An override reaches the same keys.
  const auto set = run_nines({"run", dir.write("loaded.json", web_shop_with_load().dump()), "--set",
                              "api->db-replica-eu.retries=2", "--set", "frontend->api.calls=2",
                              "--replications", "20", "--json", "-"});
  EXPECT_EQ(set.exit_code, 0) << set.err;
}

TEST(FlowKeysRun, TheSchemaHasTheKeys) {
  const auto schema = run_nines({"schema"});
  ASSERT_EQ(schema.exit_code, 0) << schema.err;
  const json s = json::parse(schema.out);
  const json& defs = s.at("$defs");
  EXPECT_TRUE(defs.at("component").at("properties").contains("capacity_rps"));
  for (const char* key : {"calls", "retries", "routing", "mode", "impact", "hit_ratio",
                          "stale_if_error", "warmup", "stale_below", "circuit_breaker"}) {
    EXPECT_TRUE(defs.at("dependency").at("properties").contains(key)) << key;
  }
  for (const char* key : {"overload", "load_shedding"}) {
    EXPECT_TRUE(defs.at("component").at("properties").contains(key)) << key;
  }
  for (const char* key : {"spikes", "journeys"}) {
    EXPECT_TRUE(defs.at("load").at("properties").contains(key)) << key;
  }
  EXPECT_EQ(defs.at("dependency_target").at("required"), json::array({"id"}));
}

}  // namespace
}  // namespace nines::cli::testing
