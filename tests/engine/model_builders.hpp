// Small models built in code for engine tests (no JSON on this path).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::testing {

inline models::Component pool(std::string id, std::int64_t instances, std::int64_t min_up,
                              double mtbf_hours = 1000.0, double mttr_hours = 10.0) {
  models::Component c;
  c.id = std::move(id);
  c.instances = instances;
  c.min_up = min_up;
  c.failure = models::Exponential{mtbf_hours};
  c.repair = models::Exponential{mttr_hours};
  return c;
}

inline models::Model single(models::Component component, double horizon_hours,
                            std::int64_t replications, std::uint64_t seed = 42) {
  models::Model m;
  m.name = "test";
  m.horizon_hours = horizon_hours;
  m.replications = replications;
  m.seed = seed;
  m.entry = component.id;
  m.components.push_back(std::move(component));
  return m;
}

inline models::Dependency depends(std::string from, std::vector<std::string> to,
                                  std::int64_t min_up = 1) {
  models::Dependency d;
  d.from = std::move(from);
  d.is_list = to.size() > 1;
  d.to = std::move(to);
  d.min_up = min_up;
  return d;
}

}  // namespace nines::testing

namespace nines::testing {

inline models::Zone zone(std::string id, double mtbf_hours, double mttr_hours,
                         std::string region = {}) {
  models::Zone z;
  z.id = std::move(id);
  z.region = std::move(region);
  z.failure = models::Exponential{mtbf_hours};
  z.repair = models::Exponential{mttr_hours};
  return z;
}

inline models::Region region(std::string id, double mtbf_hours, double mttr_hours) {
  models::Region r;
  r.id = std::move(id);
  r.failure = models::Exponential{mtbf_hours};
  r.repair = models::Exponential{mttr_hours};
  return r;
}

/// A pool whose laws are fixed durations: its timeline can be worked out by hand.
inline models::Component fixed_pool(std::string id, std::int64_t instances, std::int64_t min_up,
                                    double life_hours, double repair_hours,
                                    double detection_hours = 0.0) {
  models::Component c;
  c.id = std::move(id);
  c.instances = instances;
  c.min_up = min_up;
  c.failure = models::Fixed{life_hours};
  c.repair = models::Fixed{repair_hours};
  c.detection = models::Fixed{detection_hours};
  return c;
}

inline models::Injection inject_component(std::string id, double at_hours, std::int64_t instances,
                                          std::optional<double> for_hours = std::nullopt) {
  models::Injection j;
  j.target = models::Injection::Target::kComponent;
  j.id = std::move(id);
  j.at_hours = at_hours;
  j.instances = instances;
  j.for_hours = for_hours;
  return j;
}

inline models::Injection inject_zone(std::string id, double at_hours,
                                     std::optional<double> for_hours = std::nullopt) {
  models::Injection j;
  j.target = models::Injection::Target::kZone;
  j.id = std::move(id);
  j.at_hours = at_hours;
  j.for_hours = for_hours;
  return j;
}

}  // namespace nines::testing
