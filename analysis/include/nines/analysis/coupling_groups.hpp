// Which components' instances are not independent (a crew, warm/cold standby) and which of them
// must be solved together (they share a crew).
#pragma once

#include <cstdint>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::analysis {

struct CouplingGroups {
  /// Each group's component indices, in model order; groups ordered by their first component.
  std::vector<std::vector<std::int64_t>> members;
  /// The group of each component, or -1 when its instances are independent (no crew, hot).
  std::vector<int> group_of;
  /// Per group: the dependency row whose timed failover joins its members (the row's targets),
  /// or -1 for a group coupled by a crew or standby.
  std::vector<std::int64_t> failover_row;
};

/// True when the component's instances interact: a crew queue or warm/cold standby.
bool is_coupled(const models::Component& component);

CouplingGroups find_coupling_groups(const models::Model& model);

}  // namespace nines::analysis
