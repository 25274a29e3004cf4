// The file's order changes nothing: permuting components, crews, dependencies, zones and regions
// of a sample gives byte-identical `nines run --json` outside run_info once components and
// regions are sorted by id - `exact` (the solvers) included.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "cli_test_support.hpp"

namespace nines::cli::testing {
namespace {

using nlohmann::json;

json read_json(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

/// The run document without what may differ between runs, lists sorted by id.
json canonical(json doc) {
  doc.erase("run_info");
  doc.erase("model_sha256");  // the bytes of the file differ, by construction
  for (const char* key : {"components", "regions", "zones"}) {
    auto& list = doc.at(key);
    std::sort(list.begin(), list.end(),
              [](const json& a, const json& b) { return a.at("id") < b.at("id"); });
  }
  return doc;
}

void expect_order_free(const std::string& sample, const json& original) {
  TempDir dir;
  const auto run = [&](const json& model, const std::string& name) {
    const auto path = dir.write(name, model.dump(2));
    const auto result = run_nines({"run", path, "--replications", "400", "--json", "-"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return canonical(json::parse(result.out));
  };
  const json reference = run(original, "original.json");
  std::mt19937 shuffle(17);
  for (int k = 0; k < 3; ++k) {
    json permuted = original;
    for (const char* key : {"components", "crews", "dependencies", "regions", "zones"}) {
      if (permuted.contains(key)) {
        std::shuffle(permuted[key].begin(), permuted[key].end(), shuffle);
      }
    }
    const json again = run(permuted, "permuted" + std::to_string(k) + ".json");
    EXPECT_EQ(again.dump(2), reference.dump(2)) << sample << " permutation " << k;
  }
}

void expect_order_free(const std::string& sample) {
  expect_order_free(sample, read_json(std::string(NINES_SOURCE_DIR) + "/samples/" + sample));
}

TEST(FileOrder, FlowModeWithOverloadAndCascadesGivesTheSameDocument) {
  expect_order_free("n-plus-one.json");
}

TEST(FileOrder, SpikesAndARateLimitGiveTheSameDocumentWhateverTheSpikesOrder) {
  json model = read_json(std::string(NINES_SOURCE_DIR) + "/samples/ddos.json");
  model["load"]["limit_rps"] = 3800;
  model["load"]["spikes"].push_back(
      json::parse(R"({"id": "promo", "at": ["40d", "10d"], "duration": "2h", "multiplier": 1.5})"));
  model["load"]["spikes"].push_back(
      json::parse(R"({"gap": "60d", "duration": "30m", "multiplier": 0.5})"));
  expect_order_free("ddos.json with three spike sources", model);
  // Named sources may move freely; an unnamed one is "#N" by its place, so it stays third.
  json reordered = model;
  std::swap(reordered["load"]["spikes"][0], reordered["load"]["spikes"][1]);
  TempDir dir;
  const auto run = [&](const json& m, const std::string& name) {
    const auto result =
        run_nines({"run", dir.write(name, m.dump()), "--replications", "300", "--json", "-"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return canonical(json::parse(result.out)).dump(2);
  };
  EXPECT_EQ(run(model, "a.json"), run(reordered, "b.json"));
}

TEST(FileOrder, ZonesAndRegionsSampleGivesTheSameDocument) {
  expect_order_free("regional-databases.json");
}

TEST(FileOrder, CrewsAndStandbySampleGivesTheSameDocumentExactIncluded) {
  expect_order_free("payments-oncall.json");
}

TEST(FileOrder, WebShopTwoZonesGivesTheSameDocument) {
  expect_order_free("web-shop-two-zones.json");
}

TEST(FileOrder, MonitoringCoverageSampleGivesTheSameDocumentExactIncluded) {
  expect_order_free("monitoring.json");
}

TEST(FileOrder, DeploysOnTwoComponentsAndCoverageGiveTheSameDocument) {
  // Two deploy schedules share the batch order (by component id), and their causes and
  // streams are keyed by id, so the file's order must not matter.
  json model = read_json(std::string(NINES_SOURCE_DIR) + "/samples/web-shop-two-zones.json");
  json& components = model.at("components");
  ASSERT_GE(components.size(), 2U);
  components[0]["deploys"] = json::parse(R"({"period": "3d", "bad_probability": 0.3,
      "strategy": "rolling", "batch_interval": "10m", "detection": "30m", "rollback": "20m",
      "restart": "2m"})");
  components[1]["deploys"] = json::parse(R"({"period": "3d", "first_at": "3d",
      "bad_probability": 0.3, "detection": "30m", "rollback": "20m"})");
  components[1]["coverage"] = 0.8;
  components[1]["undetected"] = "1d";
  expect_order_free("web-shop-two-zones.json with deploys", model);
}

TEST(FileOrder, ALoadWithInjectionsAndWindowsGivesTheSameDocument) {
  // Requests are integrated over outages in canonical order, so a traffic model's figures must
  // not depend on the file's order either.
  json model = read_json(std::string(NINES_SOURCE_DIR) + "/samples/web-shop-two-zones.json");
  model["load"] = json::parse(R"({"rps": 800, "slo_basis": "requests",
      "profile": {"type": "hourly", "values": [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5,
                                               4, 3, 2, 2, 1, 1, 1]}})");
  model["inject"] = json::parse(R"([{"at": "14h", "zone": "zone-a", "for": "90m"}])");
  expect_order_free("web-shop-two-zones.json with a load", model);
}

}  // namespace
}  // namespace nines::cli::testing
