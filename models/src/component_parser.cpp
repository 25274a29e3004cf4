// Parses components: pool sizes, the failure/detection/repair laws and their shorthands, standby,
// and their placement in zones.
#include "component_parser.hpp"

#include <string>

#include "deploys_parser.hpp"
#include "distribution_parser.hpp"
#include "key_table.hpp"

namespace nines::models::detail {

Distribution parse_law_or_shorthand(const JsonNode& node, std::string_view law_key,
                                    std::string_view shorthand) {
  auto law = node.find(law_key);
  auto mean = node.find(shorthand);
  if (law && mean) {
    law->fail_without_value("give either " + quote(shorthand) + " or " + quote(law_key) +
                            ", not both");
  }
  if (mean) return Exponential{mean->as_duration(Zero::kForbidden)};
  if (!law) {
    node.fail_without_value("missing " + quote(law_key) + " (a distribution) or " +
                            quote(shorthand) + " (an exponential mean)");
  }
  return parse_distribution(*law, Zero::kForbidden);
}

namespace {

StandbyMode parse_mode(const JsonNode& node) {
  if (node.value().is_string()) {
    const auto& mode = node.value().get_ref<const std::string&>();
    if (mode == "hot") return StandbyMode::kHot;
    if (mode == "warm") return StandbyMode::kWarm;
    if (mode == "cold") return StandbyMode::kCold;
    std::string nearest = nearest_name(mode, {"hot", "warm", "cold"});
    if (!nearest.empty()) {
      node.fail(R"(must be "hot", "warm" or "cold" (did you mean )" + quote(nearest) + "?)");
    }
  }
  node.fail(R"(must be "hot", "warm" or "cold")");
}

Standby parse_standby(const JsonNode& node) {
  node.expect_object_with_keys(kStandbyKeys);
  Standby standby;
  if (auto mode = node.find("mode")) standby.mode = parse_mode(*mode);
  auto switchover = node.find("switchover");
  auto success = node.find("switch_success");
  auto dormant = node.find("dormant_failure");
  if (standby.mode == StandbyMode::kHot) {
    for (const auto& key : {switchover, success, dormant}) {
      if (key) {
        key->fail_without_value(kHotStandbyRule);
      }
    }
    return standby;
  }
  if (switchover) standby.switchover = parse_distribution(*switchover, Zero::kAllowed);
  if (success) standby.switch_success = success->as_probability();
  if (standby.mode == StandbyMode::kCold && dormant) {
    dormant->fail_without_value(kColdDormantRule);
  }
  if (standby.mode == StandbyMode::kWarm) {
    if (!dormant) {
      node.fail_without_value(kWarmNeedsDormant);
    }
    standby.dormant_failure = parse_distribution(*dormant, Zero::kForbidden);
  }
  return standby;
}

std::vector<std::string> parse_zone_list(const JsonNode& node) {
  constexpr std::string_view kRule = "must be a non-empty list of zone ids";
  if (!node.value().is_array() || node.value().empty()) node.fail(kRule);
  std::vector<std::string> zones;
  for (std::size_t i = 0; i < node.value().size(); ++i) zones.push_back(node.at(i).as_id());
  return zones;
}

std::vector<std::pair<std::string, std::int64_t>> parse_placement(const JsonNode& node) {
  if (!node.value().is_object() || node.value().empty()) {
    node.fail(R"(must be a non-empty object of zone ids and instance counts, like )"
              R"({"eu-a": 2, "eu-b": 1})");
  }
  std::vector<std::pair<std::string, std::int64_t>> placement;
  for (const auto& [zone, count] : node.value().items()) {
    const JsonNode count_node(node.reporter(), count, node.pointer_of(zone));
    if (!is_valid_id(zone)) count_node.fail_without_value(std::string(kIdRule) + " (a zone id)");
    placement.emplace_back(zone,
                           count_node.as_integer(0, kMaxInstances,
                                                 "must be a whole number of instances from 0 to " +
                                                     std::to_string(kMaxInstances)));
  }
  return placement;
}

/// True for `"failure": "never"`, after checking that no key of failing (mtbf, repair, mttr,
/// detection, standby, crew) stands beside it.
bool parse_never(const JsonNode& node) {
  auto failure = node.find("failure");
  if (!failure || !failure->value().is_string() ||
      failure->value().get_ref<const std::string&>() != "never") {
    return false;
  }
  if (auto mtbf = node.find("mtbf")) {
    failure->fail_without_value(R"(give either "mtbf" or "failure", not both)");
  }
  for (const KeyRow& row : kComponentKeys.rows) {
    if (!row.failing_only) continue;
    if (auto found = node.find(row.key)) found->fail_without_value(never_fails_rule(row.key));
  }
  return true;
}

/// `coverage` and `undetected` (a law or `{"inspection_every": D}`), with their pairing rules.
void parse_monitoring(const JsonNode& node, Component& component) {
  auto coverage = node.find("coverage");
  auto undetected = node.find("undetected");
  if (coverage) component.coverage = coverage->as_probability();
  if (undetected) {
    if (!coverage) undetected->fail_without_value(kUndetectedNeedsCoverage);
    if (undetected->value().is_object() && undetected->value().contains("inspection_every")) {
      for (const auto& [key, value] : undetected->value().items()) {
        if (key == "inspection_every") continue;
        const JsonNode other(undetected->reporter(), value, undetected->pointer_of(key));
        other.fail_without_value(
            R"(not allowed beside "inspection_every" (inspections replace the undetected law))");
      }
      component.inspections =
          Inspections{undetected->require("inspection_every").as_duration(Zero::kForbidden)};
    } else {
      component.undetected = parse_distribution(*undetected, Zero::kAllowed);
    }
  } else if (coverage && *component.coverage < 1.0) {
    coverage->fail(kCoverageNeedsUndetected);
  }
}

Overload parse_overload(const JsonNode& node) {
  node.expect_object_with_keys(kOverloadKeys);
  Overload overload;
  overload.crash_after = parse_distribution(
      node.require("crash_after",
                   "the time an overloaded instance runs before it crashes, a law "
                   "with a mean above 0"),
      Zero::kForbidden);
  overload.restart = parse_distribution(
      node.require("restart",
                   "the time a crashed instance takes to restart, a law with a mean "
                   "above 0"),
      Zero::kForbidden);
  return overload;
}

}  // namespace

Component parse_component(const JsonNode& node) {
  node.expect_object_with_keys(kComponentKeys);
  Component component;
  component.id = node.require("id").as_id();
  if (auto description = node.find("description")) component.description = description->as_string();
  auto zones = node.find("zones");
  auto placement = node.find("placement");
  if (zones && placement) {
    placement->fail_without_value(
        R"(give either "zones" (round-robin) or "placement" (counts per zone), not both)");
  }
  if (auto capacity = node.find("capacity_rps")) {
    component.capacity_rps = capacity->as_positive_number();
  }
  if (auto overload = node.find("overload")) component.overload = parse_overload(*overload);
  if (auto shedding = node.find("load_shedding")) component.load_shedding = shedding->as_boolean();
  if (zones) component.zones = parse_zone_list(*zones);
  if (placement) component.placement = parse_placement(*placement);
  if (auto instances = node.find("instances")) {
    component.instances = instances->as_integer(1, kMaxInstances);
  } else if (placement) {
    // `instances` may be left out beside a placement: the counts say how many there are.
    std::int64_t sum = 0;
    for (const auto& [zone, count] : component.placement) sum += count;
    if (sum < 1 || sum > kMaxInstances) {
      placement->fail("counts must sum to an instance count from 1 to " +
                      std::to_string(kMaxInstances) + " (they sum to " + std::to_string(sum) + ")");
    }
    component.instances = sum;
  }
  if (auto min_up = node.find("min_up")) component.min_up = min_up->as_integer(1, kMaxInstances);
  if (parse_never(node)) {
    component.failure = Never{};
  } else {
    component.failure = parse_law_or_shorthand(node, "failure", "mtbf");
    component.repair = parse_law_or_shorthand(node, "repair", "mttr");
    if (auto detection = node.find("detection")) {
      component.detection = parse_distribution(*detection, Zero::kAllowed);
    }
    parse_monitoring(node, component);
    if (auto standby = node.find("standby")) component.standby = parse_standby(*standby);
    if (auto crew = node.find("crew")) component.crew = crew->as_id();
  }
  // A service that never fails can still be deployed (or restarted in maintenance windows).
  if (auto deploys = node.find("deploys")) component.deploys = parse_deploys(*deploys);
  if (auto cost = node.find("cost")) component.cost = cost->as_non_negative_number();
  if (auto idle_cost = node.find("idle_cost")) {
    component.idle_cost = idle_cost->as_non_negative_number();
  }
  return component;
}

}  // namespace nines::models::detail
