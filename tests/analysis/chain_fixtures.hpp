// Models whose group chains are large enough to exercise the solvers (shared by the solver tests).
#pragma once

#include <string>

#include "nines/models/model.hpp"

namespace nines::analysis::testing {

/// One warm pool of `instances` (min_up half of them) with a crew of `crew_size`, timed
/// detection and a 2-minute switchover that fails 1 time in 20: states grow like instances^3.
inline models::Model warm_pool(std::int64_t instances, std::int64_t crew_size, double mtbf_hours) {
  models::Component c;
  c.id = "pool";
  c.instances = instances;
  c.min_up = instances / 2;
  c.failure = models::Exponential{mtbf_hours};
  c.detection = models::Exponential{0.5};
  c.repair = models::Exponential{8.0};
  c.crew = "ops";
  c.standby.mode = models::StandbyMode::kWarm;
  c.standby.dormant_failure = models::Exponential{2000.0};
  c.standby.switchover = models::Exponential{2.0 / 60.0};
  c.standby.switch_success = 0.95;
  models::Model model;
  model.name = "warm pool";
  model.entry = c.id;
  model.components = {c};
  model.crews = {models::Crew{"ops", crew_size}};
  return model;
}

}  // namespace nines::analysis::testing
