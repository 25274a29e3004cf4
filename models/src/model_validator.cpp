// validate_model: the semantic checks of a model, from a file or built in code.
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>

#include "component_parser.hpp"
#include "json_node.hpp"
#include "model_parser.hpp"
#include "nines/models/duration.hpp"
#include "nines/models/model_loader.hpp"
#include "validation.hpp"

namespace nines::models {
namespace detail {
namespace {

std::string number(double x) { return show(nlohmann::json(x)); }

std::string integer_range(std::int64_t min, std::int64_t max) {
  return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

void check_integer(const Reporter& reporter, const std::string& pointer, std::int64_t value,
                   std::int64_t min, std::int64_t max) {
  if (value < min || value > max) {
    reporter.fail(pointer, integer_range(min, max), std::to_string(value));
  }
}

void check_id(const Reporter& reporter, const std::string& pointer, const std::string& id) {
  if (!is_valid_id(id)) reporter.fail(pointer, kIdRule, quote(id));
}

void check_run_settings(const Model& model, const Reporter& reporter) {
  if (!std::isfinite(model.horizon_hours) || !(model.horizon_hours > 0.0)) {
    reporter.fail("/horizon", kPositiveDuration, number(model.horizon_hours));
  }
  if (model.horizon_hours > kMaxHorizonHours) {
    reporter.fail("/horizon", kHorizonRule, quote(format_duration(model.horizon_hours)));
  }
  check_integer(reporter, "/replications", model.replications, 1, kMaxReplications);
  if (model.target && !(*model.target > 0.0 && *model.target <= 1.0)) {
    reporter.fail("/target", kTargetRule, number(*model.target));
  }
}

void check_cost(const Reporter& reporter, const std::string& pointer,
                const std::optional<double>& cost) {
  if (cost && (!std::isfinite(*cost) || !(*cost >= 0.0))) {
    reporter.fail(pointer, kNonNegativeNumber, number(*cost));
  }
}

/// The currency and every cost of a model built in code, with the loader's messages.
void check_costs(const Model& model, const Reporter& reporter) {
  if (model.currency.empty()) reporter.fail("/currency", kCurrencyRule, quote(model.currency));
  for (std::size_t i = 0; i < model.crews.size(); ++i) {
    check_cost(reporter, "/crews/" + std::to_string(i) + "/cost", model.crews[i].cost);
  }
  for (std::size_t i = 0; i < model.regions.size(); ++i) {
    check_cost(reporter, "/regions/" + std::to_string(i) + "/cost", model.regions[i].cost);
  }
  for (std::size_t i = 0; i < model.zones.size(); ++i) {
    check_cost(reporter, "/zones/" + std::to_string(i) + "/cost", model.zones[i].cost);
  }
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    const std::string at = "/components/" + std::to_string(i);
    check_cost(reporter, at + "/cost", model.components[i].cost);
    check_cost(reporter, at + "/idle_cost", model.components[i].idle_cost);
  }
}

void check_crews(const Model& model, const Reporter& reporter) {
  std::unordered_map<std::string_view, std::size_t> first_use;
  for (std::size_t i = 0; i < model.crews.size(); ++i) {
    const Crew& crew = model.crews[i];
    const std::string at = "/crews/" + std::to_string(i);
    check_id(reporter, at + "/id", crew.id);
    auto [it, inserted] = first_use.emplace(crew.id, i);
    if (!inserted) {
      reporter.fail(at + "/id",
                    "duplicate crew id; first used at /crews/" + std::to_string(it->second),
                    quote(crew.id));
    }
    check_integer(reporter, at + "/size", crew.size, 1, kMaxInstances);
  }
}

/// A component that never fails keeps every key of failing at its default, as a file without
/// them gives it, so that a model built in code follows the file's rules.
void check_never_fails(const Component& component, const std::string& at,
                       const Reporter& reporter) {
  const Component defaults;
  if (component.repair != defaults.repair)
    reporter.fail(at + "/repair", never_fails_rule("repair"));
  if (component.detection != defaults.detection) {
    reporter.fail(at + "/detection", never_fails_rule("detection"));
  }
  if (component.coverage) reporter.fail(at + "/coverage", never_fails_rule("coverage"));
  if (component.undetected || component.inspections) {
    reporter.fail(at + "/undetected", never_fails_rule("undetected"));
  }
  if (component.standby != defaults.standby) {
    reporter.fail(at + "/standby", never_fails_rule("standby"));
  }
  if (!component.crew.empty()) reporter.fail(at + "/crew", never_fails_rule("crew"));
}

void check_component(const Model& model, std::size_t index, const Reporter& reporter,
                     const std::vector<std::string>& crew_ids) {
  const Component& component = model.components[index];
  const std::string at = "/components/" + std::to_string(index);
  check_integer(reporter, at + "/instances", component.instances, 1, kMaxInstances);
  check_integer(reporter, at + "/min_up", component.min_up, 1, kMaxInstances);
  if (component.min_up > component.instances) {
    reporter.fail(at + "/min_up",
                  "must be at most \"instances\" (" + std::to_string(component.instances) + ")",
                  std::to_string(component.min_up));
  }
  if (component.deploys) check_deploys(reporter, at, *component.deploys, model.horizon_hours);
  if (is_never(component.failure)) {
    check_never_fails(component, at, reporter);
    return;
  }
  check_law(reporter, at + "/failure", component.failure, false);
  check_law(reporter, at + "/repair", component.repair, false);
  check_law(reporter, at + "/detection", component.detection, true);
  check_monitoring(reporter, at, component);
  check_standby(reporter, at, component.standby);
  if (!component.crew.empty()) {
    bool known = false;
    for (const auto& id : crew_ids) known = known || id == component.crew;
    if (!known) {
      reporter.fail(at + "/crew", unknown_name_problem("crew id", component.crew, crew_ids),
                    quote(component.crew));
    }
  }
}

void check_components(const Model& model, const Reporter& reporter,
                      std::vector<std::string>& warnings) {
  if (model.components.empty()) {
    reporter.fail("/components", "must be a non-empty list of components", "[]");
  }
  std::vector<std::string> crew_ids;
  for (const auto& crew : model.crews) crew_ids.push_back(crew.id);
  std::unordered_map<std::string_view, std::size_t> first_use;
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    const std::string& id = model.components[i].id;
    const std::string at = "/components/" + std::to_string(i);
    check_id(reporter, at + "/id", id);
    auto [it, inserted] = first_use.emplace(id, i);
    if (!inserted) {
      reporter.fail(
          at + "/id",
          "duplicate component id; first used at /components/" + std::to_string(it->second),
          quote(id));
    }
    check_component(model, i, reporter, crew_ids);
    check_placement(model, i, reporter, warnings);
  }
}

void warn_about_unused_parts(const Model& model, const Reporter& reporter,
                             std::vector<std::string>& warnings) {
  for (std::size_t i = 0; i < model.crews.size(); ++i) {
    bool used = false;
    for (const auto& component : model.components)
      used = used || component.crew == model.crews[i].id;
    if (!used) {
      warnings.push_back(
          reporter.warning("/crews/" + std::to_string(i),
                           "crew " + quote(model.crews[i].id) + " is used by no component"));
    }
  }
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    const Component& component = model.components[i];
    if (component.standby.mode != StandbyMode::kHot && component.instances == component.min_up) {
      warnings.push_back(reporter.warning(
          "/components/" + std::to_string(i) + "/standby",
          "component " + quote(component.id) +
              " has no spare instance (instances == min_up), so its standby mode has no effect"));
    }
  }
}

}  // namespace

std::vector<std::string> validate(Model& model, const Reporter& reporter) {
  check_run_settings(model, reporter);
  check_crews(model, reporter);
  check_zones_and_regions(model, reporter);
  std::vector<std::string> warnings;
  check_components(model, reporter, warnings);
  check_id_clashes(model, reporter);
  check_dependencies_and_entry(model, reporter, warnings);
  check_traffic(model, reporter);
  check_injections(model, reporter, warnings);
  warn_about_unused_parts(model, reporter, warnings);
  warn_about_empty_regions(model, reporter, warnings);
  check_scenario_list(model, reporter);
  check_costs(model, reporter);
  return warnings;
}

}  // namespace detail

std::vector<std::string> validate_model(Model& model, std::string_view file) {
  auto warnings = detail::validate(model, detail::Reporter(std::string(file)));
  // A scenario only means something applied to a document, and a load is checked by its parser
  // only; the file form of the model gives the same pointers, so a model edited in code (the
  // GUI's Load tab) fails here exactly as its saved file would.
  if (!model.scenarios.empty() || model.load) parse_model(to_json(model), file);
  return warnings;
}

}  // namespace nines::models
