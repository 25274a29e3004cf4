// Helpers shared by the model tests: small models in JSON and a way to capture error messages.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::models::testing {

/// A valid one-component model.
inline nlohmann::json one_component() {
  return nlohmann::json::parse(
      R"({"components": [{"id": "web", "mtbf": "1000h", "mttr": "10h"}]})");
}

/// A valid three-component model: web -> api -> db.
inline nlohmann::json three_tier() {
  return nlohmann::json::parse(R"({
    "components": [
      {"id": "web", "instances": 3, "min_up": 2, "mtbf": "1000h", "mttr": "10h"},
      {"id": "api", "mtbf": "2000h", "mttr": "1h"},
      {"id": "db", "instances": 2, "mtbf": "4000h", "mttr": "6h",
       "standby": {"mode": "cold", "switchover": "2m", "switch_success": 0.98}}
    ],
    "dependencies": [{"from": "web", "to": "api"}, {"from": "api", "to": "db"}]
  })");
}

/// The example of docs/model-format.md#zones-and-regions: a region, two zones, a round-robin
/// pool and a counted one.
inline nlohmann::json zoned() {
  return nlohmann::json::parse(R"({
    "regions": [{"id": "eu", "mtbf": "5y", "mttr": "12h"}],
    "zones": [{"id": "eu-a", "region": "eu", "mtbf": "1y", "mttr": "4h"},
              {"id": "eu-b", "region": "eu", "mtbf": "1y", "mttr": "4h"}],
    "components": [
      {"id": "web", "instances": 3, "min_up": 2, "mtbf": "1000h", "mttr": "1h",
       "zones": ["eu-a", "eu-b"]},
      {"id": "db", "placement": {"eu-a": 2, "eu-b": 1}, "mtbf": "4000h", "mttr": "6h"}],
    "dependencies": [{"from": "web", "to": "db"}]
  })");
}

/// The message of the Error `action` throws, or "" when it throws nothing. Fails the test if it
/// throws an error of another type than `E`.
template <typename E = ModelError>
std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const E& e) {
    return e.what();
  }
  return {};
}

/// The message parse_model gives for `document` as "m.json".
inline std::string parse_error(const nlohmann::json& document,
                               const std::vector<std::string>& overrides = {}) {
  return message_of([&] { parse_model(document, "m.json", overrides); });
}

}  // namespace nines::models::testing
