// Parses fault injections: fixed times, one target, and how many instances a component loses.
#include "injection_parser.hpp"

#include <string>

#include "component_parser.hpp"
#include "key_table.hpp"

namespace nines::models::detail {
namespace {

/// A fixed duration: a number of hours or a string with a unit. A distribution object is an
/// error here (an injection happens at one known time), and so is a list.
double fixed_duration(const JsonNode& node, Zero zero) {
  if (node.value().is_structured()) {
    node.fail(std::string(zero == Zero::kAllowed ? kNonNegativeDuration : kPositiveDuration) +
              R"( (a fixed time like "2h"; a distribution is not allowed here))");
  }
  return node.as_duration(zero);
}

}  // namespace

Injection parse_injection(const JsonNode& node) {
  node.expect_object_with_keys(kInjectionKeys);
  Injection injection;
  injection.at_hours =
      fixed_duration(node.require("at", R"(when the fault happens, e.g. "720h")"), Zero::kAllowed);
  std::optional<JsonNode> target;
  for (const auto& [key, kind] : {std::pair{"component", Injection::Target::kComponent},
                                  std::pair{"zone", Injection::Target::kZone},
                                  std::pair{"region", Injection::Target::kRegion}}) {
    auto member = node.find(key);
    if (!member) continue;
    if (target) {
      member->fail_without_value(R"(give only one of "component", "zone" and "region")");
    }
    target = member;
    injection.target = kind;
    injection.id = member->as_id();
  }
  if (!target) {
    node.fail_without_value(
        R"(missing the target: one of "component", "zone" or "region" (an id))");
  }
  if (auto instances = node.find("instances")) {
    if (injection.target != Injection::Target::kComponent) {
      instances->fail_without_value(
          R"(only allowed with "component" (a zone or region goes down whole))");
    }
    injection.instances = instances->as_integer(1, kMaxInstances);
  }
  if (auto hold = node.find("for")) injection.for_hours = fixed_duration(*hold, Zero::kForbidden);
  return injection;
}

}  // namespace nines::models::detail
