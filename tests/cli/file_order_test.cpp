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

void expect_order_free(const std::string& sample) {
  TempDir dir;
  const json original = read_json(std::string(NINES_SOURCE_DIR) + "/samples/" + sample);
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

}  // namespace
}  // namespace nines::cli::testing
