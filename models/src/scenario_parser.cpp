// Parses `"scenarios": [{"name": ..., "set": {KEY: VALUE, ...}}]` into Scenario values.
#include "scenario_parser.hpp"

#include "key_table.hpp"

namespace nines::models::detail {
namespace {

constexpr std::string_view kSetRule =
    R"(must be an object of overrides, e.g. {"db.instances": 3, "db.mttr": "2h"})";

Scenario parse_scenario(const JsonNode& node) {
  node.expect_object_with_keys(kScenarioKeys);
  Scenario scenario;
  scenario.name = node.require("name", "a non-empty name for reports").as_string();
  const JsonNode set = node.require("set", "the overrides of this scenario, as --set takes them");
  if (!set.value().is_object()) set.fail(kSetRule);
  // nlohmann keeps object keys sorted, so the file's order is lost here; the validator rejects
  // keys whose effect would depend on their order.
  for (const auto& [key, value] : set.value().items()) {
    scenario.set.push_back(
        {key, value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  return scenario;
}

}  // namespace

std::vector<Scenario> parse_scenarios(const JsonNode& node) {
  if (!node.value().is_array()) {
    node.fail(R"(must be a list of scenarios like {"name": "third replica", "set": {...}})");
  }
  std::vector<Scenario> scenarios;
  scenarios.reserve(node.value().size());
  for (std::size_t i = 0; i < node.value().size(); ++i) {
    scenarios.push_back(parse_scenario(node.at(i)));
  }
  return scenarios;
}

}  // namespace nines::models::detail
