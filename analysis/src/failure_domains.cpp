// Finds the zones and regions that components name and turns placements into masks of them.
#include "nines/analysis/failure_domains.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "nines/analysis/coupling_groups.hpp"
#include "nines/models/distribution.hpp"
#include "nines/models/error.hpp"

namespace nines::analysis {

namespace {

constexpr const char* kUseRun = "; use 'nines run' for a simulation estimate";

FailureDomain make_domain(FailureDomain::Kind kind, std::size_t index, const std::string& id,
                          const models::Distribution& failure, const models::Distribution& repair) {
  FailureDomain d;
  d.kind = kind;
  d.index = index;
  d.id = id;
  d.mean_up_hours = models::mean_hours(failure);
  d.mean_down_hours = models::mean_hours(repair);
  d.exponential = models::is_exponential(failure) &&
                  (models::is_exponential(repair) || models::is_zero(repair));
  return d;
}

/// The zone index (into Model::zones) an added instance would be placed in, or -1; always a
/// zone the component names.
std::int64_t extra_instance_zone(const models::Model& model, const models::Component& c) {
  if (!c.zones.empty()) {
    const auto n = static_cast<std::size_t>(c.instances);
    return model.zone_index(c.zones[n % c.zones.size()]);
  }
  if (c.placement.empty()) return -1;
  std::int64_t best = -1;
  std::int64_t fewest = std::numeric_limits<std::int64_t>::max();
  for (std::size_t z = 0; z < model.zones.size(); ++z) {
    for (const auto& [zone_id, count] : c.placement) {
      if (zone_id == model.zones[z].id && count > 0 && count < fewest) {
        fewest = count;
        best = static_cast<std::int64_t>(z);
      }
    }
  }
  return best;
}

}  // namespace

double FailureDomain::availability_at(double t_hours) const {
  if (mean_down_hours <= 0.0) return 1.0;
  const double steady = steady_availability();
  const double rate_sum = 1.0 / mean_up_hours + 1.0 / mean_down_hours;
  return steady + (1.0 - steady) * std::exp(-rate_sum * t_hours);
}

double FailureDomain::unavailability_at(double t_hours) const {
  if (mean_down_hours <= 0.0) return 0.0;
  const double rate_sum = 1.0 / mean_up_hours + 1.0 / mean_down_hours;
  return steady_unavailability() * -std::expm1(-rate_sum * t_hours);
}

FailureDomains find_failure_domains(const models::Model& model) {
  FailureDomains out;
  const std::size_t n = model.components.size();
  std::vector<std::vector<std::int64_t>> zones_of(n);
  std::vector<bool> zone_used(model.zones.size(), false);
  for (std::size_t c = 0; c < n; ++c) {
    const models::Component& component = model.components[c];
    zones_of[c] = model.instance_zones(component);
    std::set<std::int64_t> distinct;
    for (const std::int64_t z : zones_of[c]) {
      if (z >= 0) distinct.insert(z);
    }
    // A zone a component names matters even before it holds an instance: one more instance
    // may land there.
    for (const auto& id : component.zones) {
      zone_used[static_cast<std::size_t>(model.zone_index(id))] = true;
    }
    for (const auto& [id, count] : component.placement) {
      if (count > 0) zone_used[static_cast<std::size_t>(model.zone_index(id))] = true;
    }
    if (distinct.size() > 1 && is_coupled(component)) {
      std::string list;
      for (const std::int64_t z : distinct) {
        list += (list.empty() ? "\"" : ", \"") + model.zones[static_cast<std::size_t>(z)].id + "\"";
      }
      throw NotAnalysableError(
          "component \"" + component.id + "\" has a " +
          (component.crew.empty() ? "warm/cold standby" : "crew") + " and instances in " +
          std::to_string(distinct.size()) + " zones (" + list +
          "): its Markov chain cannot follow zones that block some of its instances and not "
          "others" +
          kUseRun);
    }
  }

  out.unit_of_zone.assign(model.zones.size(), -1);
  out.unit_of_region.assign(model.regions.size(), -1);
  std::vector<bool> region_used(model.regions.size(), false);
  for (std::size_t z = 0; z < model.zones.size(); ++z) {
    if (!zone_used[z]) continue;
    const models::Zone& zone = model.zones[z];
    out.unit_of_zone[z] = static_cast<int>(out.units.size());
    out.units.push_back(
        make_domain(FailureDomain::Kind::kZone, z, zone.id, zone.failure, zone.repair));
    if (!zone.region.empty()) {
      region_used[static_cast<std::size_t>(model.region_index(zone.region))] = true;
    }
  }
  for (std::size_t r = 0; r < model.regions.size(); ++r) {
    if (!region_used[r]) continue;
    const models::Region& region = model.regions[r];
    out.unit_of_region[r] = static_cast<int>(out.units.size());
    out.units.push_back(
        make_domain(FailureDomain::Kind::kRegion, r, region.id, region.failure, region.repair));
  }
  if (out.units.size() > kMaxFailureDomains) {
    std::size_t zones = 0;
    for (const auto& unit : out.units) zones += unit.kind == FailureDomain::Kind::kZone ? 1 : 0;
    throw NotAnalysableError(
        std::to_string(out.units.size()) + " zones and regions hold components (" +
        std::to_string(zones) + " zones, " + std::to_string(out.units.size() - zones) +
        " regions), more than the " + std::to_string(kMaxFailureDomains) +
        " whose joint up/down patterns the exact analysis sums over" + kUseRun);
  }

  auto need_of_zone = [&](std::int64_t z) -> std::uint32_t {
    if (z < 0) return 0;
    const auto uz = static_cast<std::size_t>(z);
    std::uint32_t mask = std::uint32_t{1} << out.unit_of_zone[uz];
    const std::string& region = model.zones[uz].region;
    if (!region.empty()) {
      const auto r = static_cast<std::size_t>(model.region_index(region));
      mask |= std::uint32_t{1} << out.unit_of_region[r];
    }
    return mask;
  };
  out.instance_needs.resize(n);
  out.extra_instance_need.assign(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    auto& needs = out.instance_needs[c];
    for (const std::int64_t z : zones_of[c]) {
      const std::uint32_t mask = need_of_zone(z);
      auto it = std::find_if(needs.begin(), needs.end(),
                             [&](const auto& entry) { return entry.first == mask; });
      if (it == needs.end()) {
        needs.emplace_back(mask, 1);
      } else {
        ++it->second;
      }
    }
    const std::int64_t extra = extra_instance_zone(model, model.components[c]);
    out.extra_instance_need[c] = need_of_zone(extra);
  }
  return out;
}

}  // namespace nines::analysis
