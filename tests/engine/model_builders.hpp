// Small models built in code for engine tests (no JSON on this path).
#pragma once

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
