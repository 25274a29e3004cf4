// The rules on a model's scenarios that need no model run: names, keys, and keys that collide.
#include <array>
#include <unordered_map>

#include "validation.hpp"

namespace nines::models::detail {
namespace {

/// Keys a scenario may not set, and why.
std::string_view forbidden_key_problem(std::string_view key) {
  if (key == "seed") {
    return "a scenario cannot set the seed: scenarios are compared with the base model on the "
           "same random streams (use --seed for all of them)";
  }
  if (key == "scenarios") return "a scenario cannot change the list of scenarios";
  return {};
}

/// A key of an object and another key of the same object that it replaces or removes when set.
struct Exclusion {
  std::string_view key;
  std::string_view other;
  std::string_view reason;
};
constexpr std::array<Exclusion, 5> kExclusions{{
    {"mttr", "repair", R"("mttr" replaces the whole "repair" law)"},
    {"mtbf", "failure", R"("mtbf" replaces the whole "failure" law)"},
    {"zones", "placement", R"("zones" and "placement" replace each other)"},
    {"placement", "zones", R"("zones" and "placement" replace each other)"},
    {"placement", "instances", R"(setting "placement" removes "instances")"},
}};

/// Whether `path` is `prefix` or lies under it ("db.repair" covers "db.repair.median").
bool covers(std::string_view prefix, std::string_view path) {
  return path == prefix ||
         (path.size() > prefix.size() && path.starts_with(prefix) && path[prefix.size()] == '.');
}

/// Why `b` cannot be set beside `a` in one scenario, or "". A JSON object has no key order, so
/// two keys whose result depends on which is applied first are an error rather than a guess.
std::string collision(std::string_view a, std::string_view b) {
  constexpr std::string_view kNoOrder = " and a JSON object's keys have no order; ";
  if (covers(a, b) || covers(b, a)) {
    return "overlaps " + quote(a) + " in the same scenario (one is inside the other)" +
           std::string(kNoOrder) + "set the value once";
  }
  // "db.mttr" replaces the whole "db.repair" law, so it collides with anything under it;
  // likewise "db.placement" with "db.zones" and "db.instances".
  for (const auto& [x, y] : {std::pair(a, b), std::pair(b, a)}) {
    const auto dot = x.rfind('.');
    if (dot == std::string_view::npos) continue;
    for (const Exclusion& exclusion : kExclusions) {
      if (x.substr(dot + 1) != exclusion.key) continue;
      const std::string other = std::string(x.substr(0, dot + 1)) + std::string(exclusion.other);
      if (covers(other, y)) {
        return "overlaps " + quote(a) + " in the same scenario (" + std::string(exclusion.reason) +
               ")" + std::string(kNoOrder) + "keep one";
      }
    }
  }
  return {};
}

bool has_control_character(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

void check_settings(const Scenario& scenario, const std::string& at, const Reporter& reporter) {
  if (scenario.set.empty()) {
    reporter.fail(at + "/set",
                  R"(must not be empty: a scenario changes at least one key, e.g. )"
                  R"({"db.instances": 3})",
                  "{}");
  }
  for (std::size_t k = 0; k < scenario.set.size(); ++k) {
    const ScenarioSetting& setting = scenario.set[k];
    const std::string key_at = at + "/set/" + pointer_token(setting.key);
    if (setting.key.empty() || setting.key.find('=') != std::string::npos ||
        setting.key.front() == '.' || setting.key.back() == '.' ||
        setting.key.find("..") != std::string::npos) {
      reporter.fail(key_at,
                    R"(must be an override key as --set takes it, like "horizon", )"
                    R"("db.instances" or "db.repair.median")",
                    quote(setting.key));
    }
    if (const auto problem = forbidden_key_problem(setting.key); !problem.empty()) {
      reporter.fail(key_at, problem);
    }
    if (!nlohmann::json::accept(setting.value_json)) {
      reporter.fail(key_at, "must be a JSON value", quote(setting.value_json));
    }
    for (std::size_t j = 0; j < k; ++j) {
      const std::string problem = collision(scenario.set[j].key, setting.key);
      if (!problem.empty()) reporter.fail(key_at, problem);
    }
  }
}

}  // namespace

void check_scenario_list(const Model& model, const Reporter& reporter) {
  std::unordered_map<std::string_view, std::size_t> first_use;
  for (std::size_t i = 0; i < model.scenarios.size(); ++i) {
    const Scenario& scenario = model.scenarios[i];
    const std::string at = "/scenarios/" + std::to_string(i);
    if (scenario.name.empty() || has_control_character(scenario.name)) {
      reporter.fail(at + "/name",
                    "must be a non-empty name without control characters (it names a row of "
                    "the comparison table)",
                    quote(scenario.name));
    }
    auto [it, inserted] = first_use.emplace(scenario.name, i);
    if (!inserted) {
      reporter.fail(
          at + "/name",
          "duplicate scenario name; first used at /scenarios/" + std::to_string(it->second),
          quote(scenario.name));
    }
    // Named in every message about its keys, as when it is applied.
    check_settings(scenario, at, Reporter(reporter.file(), {}, ScenarioLabel{scenario.name, at}));
  }
}

}  // namespace nines::models::detail
