// Combines the laws of the pools through the structure function: system availability, failure
// frequency, service availabilities and the importance sums, at one instant or in steady state.
#pragma once

#include <cstddef>
#include <vector>

#include "nines/analysis/coupling_groups.hpp"
#include "nines/analysis/group_chain.hpp"
#include "nines/analysis/system_structure.hpp"

namespace nines::analysis {

/// The laws of every pool at one instant. Pools not in a multi-component group are independent
/// of everything else and are given by their marginals.
struct PoolLaws {
  /// Per component (model order): P(pool up), P(pool down), the rate (per hour) of its up -> down
  /// transitions. Ignored for members of a group that has a `group_law`.
  std::vector<double> up;
  std::vector<double> down;
  std::vector<double> down_rate_per_hour;
  /// Per group of `CouplingGroups`: the joint law of a multi-component group, else nullptr.
  std::vector<const GroupLaw*> group_law;
  /// Per component, or empty for none: members of a multi-component group held down whatever
  /// their group's pattern (their zone or region is down); their chain's transitions then take
  /// nothing down.
  std::vector<bool> blocked;
};

/// Per component figures, model order. With x the pool's up indicator and h the structure
/// function: birnbaum = E[h(1_x, X) - h(0_x, X)], gain_if_perfect = E[(1 - x) dh/dx] (the
/// availability gained were the pool always up), loss_if_failed = E[x dh/dx].
struct SystemPoint {
  double availability = 0.0;
  double unavailability = 0.0;
  double down_rate_per_hour = 0.0;
  std::vector<double> pool_availability;
  std::vector<double> service_availability;
  std::vector<double> birnbaum;
  std::vector<double> gain_if_perfect;
  std::vector<double> loss_if_failed;
};

class SystemEvaluator {
 public:
  /// Both must outlive the evaluator. Throws NotAnalysableError when the groups' joint patterns
  /// are too many to enumerate.
  SystemEvaluator(const SystemStructure& structure, const CouplingGroups& groups);

  /// With `system_only`, service availabilities are left at 0 and the smaller diagram of the
  /// system alone is used (the horizon quadrature evaluates hundreds of instants).
  [[nodiscard]] SystemPoint evaluate(const PoolLaws& laws, bool system_only = false) const;

 private:
  const SystemStructure& structure_;
  const CouplingGroups& groups_;
};

}  // namespace nines::analysis
