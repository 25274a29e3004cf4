// Checks fault injections against the model: targets, instance counts, times and the horizon.
#include <cmath>
#include <string>

#include "component_parser.hpp"
#include "json_node.hpp"
#include "nines/models/duration.hpp"
#include "validation.hpp"

namespace nines::models::detail {
namespace {

std::string number(double x) { return show(nlohmann::json(x)); }

template <typename Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

void check_target(const Model& model, const Injection& injection, const std::string& at,
                  const Reporter& reporter) {
  const std::string& id = injection.id;
  switch (injection.target) {
    case Injection::Target::kComponent: {
      const Component* component = model.find_component(id);
      if (component == nullptr) {
        reporter.fail(at + "/component",
                      unknown_name_problem("component id", id, ids_of(model.components)),
                      quote(id));
      }
      if (injection.instances < 1 || injection.instances > component->instances) {
        reporter.fail(at + "/instances",
                      "must be an integer from 1 to the instances of " + quote(id) + " (" +
                          std::to_string(component->instances) + ")",
                      std::to_string(injection.instances));
      }
      if (is_never(component->failure) && !injection.for_hours) {
        // Without `for` the instances fail and wait for a repair this component does not have.
        reporter.fail(at, R"(needs "for" here: )" + quote(id) +
                              R"( never fails and has no repair, so it can only be held down)");
      }
      return;
    }
    case Injection::Target::kZone:
      if (model.zone_index(id) < 0) {
        reporter.fail(at + "/zone", unknown_name_problem("zone id", id, ids_of(model.zones)),
                      quote(id));
      }
      break;
    case Injection::Target::kRegion:
      if (model.region_index(id) < 0) {
        reporter.fail(at + "/region", unknown_name_problem("region id", id, ids_of(model.regions)),
                      quote(id));
      }
      break;
  }
  if (injection.instances != 1) {
    reporter.fail(at + "/instances",
                  R"(only allowed with "component" (a zone or region goes down whole))",
                  std::to_string(injection.instances));
  }
}

}  // namespace

void check_injections(const Model& model, const Reporter& reporter,
                      std::vector<std::string>& warnings) {
  for (std::size_t i = 0; i < model.inject.size(); ++i) {
    const Injection& injection = model.inject[i];
    const std::string at = "/inject/" + std::to_string(i);
    if (!std::isfinite(injection.at_hours) || injection.at_hours < 0.0) {
      reporter.fail(at + "/at", kNonNegativeDuration, number(injection.at_hours));
    }
    if (injection.for_hours &&
        (!std::isfinite(*injection.for_hours) || *injection.for_hours <= 0.0)) {
      reporter.fail(at + "/for", kPositiveDuration, number(*injection.for_hours));
    }
    check_target(model, injection, at, reporter);
    if (injection.at_hours >= model.horizon_hours) {
      warnings.push_back(reporter.warning(at + "/at", "at or after the horizon (" +
                                                          format_duration(model.horizon_hours) +
                                                          "), so this injection does nothing"));
    }
  }
}

}  // namespace nines::models::detail
