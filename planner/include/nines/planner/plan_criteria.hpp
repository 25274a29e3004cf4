// What "meets" means for a plan: the objective, the constraints, the confidence of their intervals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nines::planner {

/// The figure a plan's candidates must reach (docs/planner.md#objectives).
enum class Objective {
  /// The lower end of the availability interval is at least the target.
  kAvailability,
  /// The lower end of the interval of the share of years meeting the target (per history when
  /// the horizon is shorter than a year) is at least the probability.
  kSla,
  /// The upper end of the interval of the share of SLA windows missed is at most 1 - probability.
  kWindow,
};

/// "availability", "sla", "window".
std::string_view objective_name(Objective objective);
/// Throws std::invalid_argument for another name.
Objective parse_objective(std::string_view name);

/// A fraction or a percentage strictly between 0 and 1 ("0.9995", "99.95%"), as `nines plan`
/// and the GUI's Plan tab read --target, --confidence and --probability; empty otherwise.
std::optional<double> parse_level(const std::string& text);

enum class Comparison { kLess, kLessOrEqual, kGreater, kGreaterOrEqual };

/// `KEY OP VALUE`: a figure of the run document (a dotted path, array elements by "id") compared
/// with a number.
struct Constraint {
  /// As the user wrote it, for reports ("outage_duration_hours.p99 <= 4").
  std::string text;
  /// The path's segments: "components.db.availability" -> {"components", "db", "availability"}.
  std::vector<std::string> path;
  Comparison comparison = Comparison::kLessOrEqual;
  double value = 0.0;
};

/// Parses "KEY OP VALUE" (spaces around OP optional). Throws std::invalid_argument naming what is
/// wrong: no operator among <=, <, >=, >; an empty key; a VALUE that is not a finite number.
Constraint parse_constraint(std::string_view text);

struct PlanCriteria {
  Objective objective = Objective::kAvailability;
  /// A fraction in (0, 1): the availability target (objective availability) and the target the
  /// SLA figures are judged against.
  double target = 0.0;
  /// With sla and window only: the probability in (0, 1) to reach.
  std::optional<double> probability;
  /// Level of every two-sided interval the decisions read, in (0, 1).
  double confidence = 0.95;
  std::vector<Constraint> constraints;
};

}  // namespace nines::planner
