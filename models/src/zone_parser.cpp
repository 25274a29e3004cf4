// Parses zones and regions: two-state units with a failure and a repair law and nothing else.
#include "zone_parser.hpp"

#include <string>

#include "component_parser.hpp"
#include "key_table.hpp"

namespace nines::models::detail {
namespace {

/// Keys of a component that a failure domain does not have, with the reason, before the
/// generic unknown-key message (which would only list the known keys).
void reject_component_keys(const JsonNode& node, std::string_view what) {
  for (const char* key : {"detection", "crew", "standby"}) {
    if (auto member = node.find(key)) {
      member->fail_without_value("not allowed in a " + std::string(what) + ": a " +
                                 std::string(what) +
                                 " fails and recovers as one unit on its own laws (no detection, "
                                 "crew or standby)");
    }
  }
  auto failure = node.find("failure");
  if (failure && failure->value() == "never") {
    failure->fail(R"(only a component's "failure" can be "never" (a )" + std::string(what) +
                  " that never fails blocks nothing: leave it out)");
  }
}

}  // namespace

Region parse_region(const JsonNode& node) {
  if (node.value().is_object()) reject_component_keys(node, "region");
  node.expect_object_with_keys(kRegionKeys);
  Region region;
  region.id = node.require("id").as_id();
  if (auto description = node.find("description")) region.description = description->as_string();
  region.failure = parse_law_or_shorthand(node, "failure", "mtbf");
  region.repair = parse_law_or_shorthand(node, "repair", "mttr");
  if (auto cost = node.find("cost")) region.cost = cost->as_non_negative_number();
  return region;
}

Zone parse_zone(const JsonNode& node) {
  if (node.value().is_object()) reject_component_keys(node, "zone");
  node.expect_object_with_keys(kZoneKeys);
  Zone zone;
  zone.id = node.require("id").as_id();
  if (auto region = node.find("region")) zone.region = region->as_id();
  if (auto description = node.find("description")) zone.description = description->as_string();
  zone.failure = parse_law_or_shorthand(node, "failure", "mtbf");
  zone.repair = parse_law_or_shorthand(node, "repair", "mttr");
  if (auto cost = node.find("cost")) zone.cost = cost->as_non_negative_number();
  return zone;
}

}  // namespace nines::models::detail
