// Checks regions, zones, component placements and the rule that ids of every kind differ.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "component_parser.hpp"
#include "json_node.hpp"
#include "key_table.hpp"
#include "model_parser.hpp"
#include "validation.hpp"

namespace nines::models::detail {
namespace {

void check_id(const Reporter& reporter, const std::string& pointer, const std::string& id) {
  if (!is_valid_id(id)) reporter.fail(pointer, kIdRule, quote(id));
}

/// Fails at the second of two items of one kind with the same id.
template <typename Item>
void check_unique_ids(const std::vector<Item>& items, std::string_view list, std::string_view kind,
                      const Reporter& reporter) {
  std::unordered_map<std::string_view, std::size_t> first_use;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = "/" + std::string(list) + "/" + std::to_string(i);
    check_id(reporter, at + "/id", items[i].id);
    auto [it, inserted] = first_use.emplace(items[i].id, i);
    if (!inserted) {
      reporter.fail(at + "/id",
                    "duplicate " + std::string(kind) + " id; first used at /" + std::string(list) +
                        "/" + std::to_string(it->second),
                    quote(items[i].id));
    }
  }
}

std::vector<std::string> zone_ids(const Model& model) {
  std::vector<std::string> ids;
  for (const auto& zone : model.zones) ids.push_back(zone.id);
  return ids;
}

void check_zone_known(const Model& model, const Reporter& reporter, const std::string& pointer,
                      const std::string& id) {
  if (model.zone_index(id) < 0) {
    reporter.fail(pointer, unknown_name_problem("zone id", id, zone_ids(model)), quote(id));
  }
}

void check_round_robin(const Model& model, std::size_t index, const Reporter& reporter,
                       std::vector<std::string>& warnings) {
  const Component& component = model.components[index];
  const std::string at = "/components/" + std::to_string(index) + "/zones";
  std::unordered_set<std::string_view> seen;
  for (std::size_t k = 0; k < component.zones.size(); ++k) {
    const std::string& id = component.zones[k];
    const std::string pointer = at + "/" + std::to_string(k);
    check_zone_known(model, reporter, pointer, id);
    if (!seen.insert(id).second) reporter.fail(pointer, "lists this zone twice", quote(id));
  }
  const auto count = static_cast<std::int64_t>(component.zones.size());
  if (count > component.instances) {
    warnings.push_back(reporter.warning(
        at, "component " + quote(component.id) + " has " + std::to_string(component.instances) +
                " instance(s) and " + std::to_string(count) + " zones, so " +
                std::to_string(count - component.instances) + " of its zones hold none of them"));
  }
}

void check_counted(const Model& model, std::size_t index, const Reporter& reporter) {
  const Component& component = model.components[index];
  const std::string at = "/components/" + std::to_string(index) + "/placement";
  if (!component.zones.empty()) {
    reporter.fail(
        at, R"(give either "zones" (round-robin) or "placement" (counts per zone), not both)");
  }
  std::unordered_set<std::string_view> seen;
  std::int64_t sum = 0;
  for (const auto& [id, count] : component.placement) {
    const std::string pointer = at + "/" + pointer_token(id);
    check_zone_known(model, reporter, pointer, id);
    if (!seen.insert(id).second) reporter.fail(pointer, "names this zone twice", quote(id));
    if (count < 0 || count > kMaxInstances) {
      reporter.fail(
          pointer, "must be a whole number of instances from 0 to " + std::to_string(kMaxInstances),
          std::to_string(count));
    }
    sum += count;
  }
  if (sum != component.instances) {
    // Reported at "instances": when they disagree, it is usually the key an override changed.
    reporter.fail(at.substr(0, at.size() - std::string_view("placement").size()) + "instances",
                  "must equal the sum of the \"placement\" counts (" + std::to_string(sum) +
                      ") or be left out; to resize the pool, set " +
                      quote(component.id + ".placement") + " (\"instances\" follows it)",
                  std::to_string(component.instances));
  }
}

}  // namespace

void check_zones_and_regions(Model& model, const Reporter& reporter) {
  check_unique_ids(model.regions, "regions", "region", reporter);
  for (std::size_t i = 0; i < model.regions.size(); ++i) {
    const std::string at = "/regions/" + std::to_string(i);
    check_law(reporter, at + "/failure", model.regions[i].failure, false);
    check_law(reporter, at + "/repair", model.regions[i].repair, false);
  }
  check_unique_ids(model.zones, "zones", "zone", reporter);
  std::vector<std::string> region_ids;
  for (const auto& region : model.regions) region_ids.push_back(region.id);
  for (std::size_t i = 0; i < model.zones.size(); ++i) {
    const Zone& zone = model.zones[i];
    const std::string at = "/zones/" + std::to_string(i);
    if (!zone.region.empty() && model.region_index(zone.region) < 0) {
      reporter.fail(at + "/region", unknown_name_problem("region id", zone.region, region_ids),
                    quote(zone.region));
    }
    check_law(reporter, at + "/failure", zone.failure, false);
    check_law(reporter, at + "/repair", zone.repair, false);
  }
  // A JSON object has no key order, so a placement read from a file is sorted by zone id; so is
  // one built in code, so that both compare equal (indices follow the top-level list anyway).
  for (auto& component : model.components) {
    std::stable_sort(component.placement.begin(), component.placement.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
}

void check_placement(const Model& model, std::size_t index, const Reporter& reporter,
                     std::vector<std::string>& warnings) {
  const Component& component = model.components[index];
  if (!component.placement.empty()) check_counted(model, index, reporter);
  if (!component.zones.empty()) check_round_robin(model, index, reporter, warnings);
}

void check_id_clashes(const Model& model, const Reporter& reporter) {
  // Kinds in the order overrides try them; a clash is reported at the later place.
  struct Place {
    std::string_view kind;
    std::string pointer;
  };
  std::unordered_map<std::string_view, Place> first;
  auto visit = [&](std::string_view kind, std::string_view list, std::size_t i,
                   const std::string& id) {
    const std::string pointer = "/" + std::string(list) + "/" + std::to_string(i) + "/id";
    const bool reserved = std::find(kReservedTopLevelNames.begin(), kReservedTopLevelNames.end(),
                                    id) != kReservedTopLevelNames.end();
    if (reserved || kModelKeys.find(id) != nullptr) {
      reporter.fail(pointer,
                    (reserved ? "is reserved for a top-level key (" + quote(id) + ")"
                              : "is the name of the top-level key at /" + id) +
                        ", so " + quote(id + ".KEY") +
                        " overrides would be ambiguous; choose another " + std::string(kind) +
                        " id",
                    quote(id));
    }
    auto [it, inserted] = first.emplace(id, Place{kind, pointer});
    if (!inserted && it->second.kind != kind) {
      reporter.fail(pointer,
                    "also the id of the " + std::string(it->second.kind) + " at " +
                        it->second.pointer +
                        " (component, crew, zone and region ids must all differ, so that an "
                        "override names one thing)",
                    quote(id));
    }
  };
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    visit("component", "components", i, model.components[i].id);
  }
  for (std::size_t i = 0; i < model.crews.size(); ++i) visit("crew", "crews", i, model.crews[i].id);
  for (std::size_t i = 0; i < model.zones.size(); ++i) visit("zone", "zones", i, model.zones[i].id);
  for (std::size_t i = 0; i < model.regions.size(); ++i) {
    visit("region", "regions", i, model.regions[i].id);
  }
}

void warn_about_empty_regions(const Model& model, const Reporter& reporter,
                              std::vector<std::string>& warnings) {
  for (std::size_t i = 0; i < model.regions.size(); ++i) {
    bool used = false;
    for (const auto& zone : model.zones) used = used || zone.region == model.regions[i].id;
    if (!used) {
      warnings.push_back(reporter.warning(
          "/regions/" + std::to_string(i),
          "region " + quote(model.regions[i].id) + " holds no zone, so it can affect nothing"));
    }
  }
}

}  // namespace nines::models::detail
