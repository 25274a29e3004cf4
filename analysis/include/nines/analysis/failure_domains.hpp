// The zones and regions an analysis conditions on, and which of them each instance needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::analysis {

/// Most zones and regions whose 2^n joint up/down patterns `nines analyze` sums over.
inline constexpr std::size_t kMaxFailureDomains = 16;

/// A zone or region that components name: an independent two-state unit.
struct FailureDomain {
  enum class Kind { kZone, kRegion };
  Kind kind = Kind::kZone;
  /// Its index in Model::zones or Model::regions.
  std::size_t index = 0;
  std::string id;
  double mean_up_hours = 0.0;
  double mean_down_hours = 0.0;
  /// Both laws exponential: its up-probability at time t has a closed form.
  bool exponential = false;

  /// Long-run P(up) = mean up / (mean up + mean down), whatever the laws (alternating renewal).
  [[nodiscard]] double steady_availability() const {
    return mean_up_hours / (mean_up_hours + mean_down_hours);
  }
  [[nodiscard]] double steady_unavailability() const {
    return mean_down_hours / (mean_up_hours + mean_down_hours);
  }
  /// P(up at t) from up at 0 for exponential laws: A + (1 - A) e^{-(l + m) t}.
  [[nodiscard]] double availability_at(double t_hours) const;
  /// P(down at t) = (1 - A)(1 - e^{-(l + m) t}), computed directly (no 1 - p cancellation).
  [[nodiscard]] double unavailability_at(double t_hours) const;
};

/// The failure domains that matter and, per component, where its instances are. Bit u of a mask
/// stands for `units[u]`; an instance needs its zone's bit and its region's bit.
struct FailureDomains {
  /// Zones that components name (round-robin lists, placements with a count > 0; model order),
  /// then the regions of those zones (model order).
  std::vector<FailureDomain> units;
  /// Per component (model order): (mask of units needed, instance count), masks distinct and
  /// in order of first instance; one entry with mask 0 for a component outside every zone.
  std::vector<std::vector<std::pair<std::uint32_t, std::int64_t>>> instance_needs;
  /// Per component: the mask an added instance would need (see `find_failure_domains`).
  std::vector<std::uint32_t> extra_instance_need;
  /// Per model zone / region: its bit position in the masks, or -1 when no component names it.
  std::vector<int> unit_of_zone;
  std::vector<int> unit_of_region;
};

/// Reads a validated model's zones and placements. An added instance (for the gain of one more)
/// goes where the simulator would put instance n: round-robin zones[n mod size]; with a counted
/// placement, the placed zone with the fewest (but some) instances, the first in model order on a
/// tie. Throws NotAnalysableError when more than kMaxFailureDomains units are named (naming the
/// count and the limit) or when a crew- or standby-coupled pool has instances in more than one
/// zone (naming the component).
FailureDomains find_failure_domains(const models::Model& model);

}  // namespace nines::analysis
