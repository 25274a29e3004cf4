// Parses components: pool sizes, the failure/detection/repair laws and their shorthands, standby.
#include "component_parser.hpp"

#include <string>

#include "distribution_parser.hpp"

namespace nines::models::detail {
namespace {

/// A law given either in full (`law_key`) or as an exponential mean (`shorthand`).
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
  node.expect_object_with_keys({"mode", "switchover", "switch_success", "dormant_failure"},
                               "standby");
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

}  // namespace

Component parse_component(const JsonNode& node) {
  node.expect_object_with_keys({"id", "description", "instances", "min_up", "failure", "mtbf",
                                "repair", "mttr", "detection", "standby", "crew"},
                               "component");
  Component component;
  component.id = node.require("id").as_id();
  if (auto description = node.find("description")) component.description = description->as_string();
  if (auto instances = node.find("instances")) {
    component.instances = instances->as_integer(1, kMaxInstances);
  }
  if (auto min_up = node.find("min_up")) component.min_up = min_up->as_integer(1, kMaxInstances);
  component.failure = parse_law_or_shorthand(node, "failure", "mtbf");
  component.repair = parse_law_or_shorthand(node, "repair", "mttr");
  if (auto detection = node.find("detection")) {
    component.detection = parse_distribution(*detection, Zero::kAllowed);
  }
  if (auto standby = node.find("standby")) component.standby = parse_standby(*standby);
  if (auto crew = node.find("crew")) component.crew = crew->as_id();
  return component;
}

}  // namespace nines::models::detail
