// Judging one candidate's figures at a batch end: meets, fails, or still open.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"
#include "nines/planner/plan_criteria.hpp"

namespace nines::planner {

enum class Verdict {
  /// Every interval lies on the passing side (and the run saw an outage).
  kMeets,
  /// Some interval lies wholly on the failing side (or a figure is null or a plain number that
  /// fails).
  kFails,
  /// Some interval straddles its threshold, or no outage was seen yet.
  kOpen,
};

/// An interval of a figure at the plan's confidence; lo == hi for a plain number.
struct Interval {
  double lo = 0.0;
  double hi = 0.0;
};

/// The objective's interval at `criteria.confidence`, from the run's figures and the
/// per-replication values it was summarised from; empty when the figure is null (no target, no
/// windows).
std::optional<Interval> objective_interval(const PlanCriteria& criteria,
                                           const engine::RunResult& result,
                                           const engine::RangeResult& range, double horizon_hours);

/// The value a constraint reads in a run document: an estimate ({"mean", "stderr"}) gives its
/// Student-t interval over `replications`; a number itself; empty for null or a missing key.
std::optional<Interval> constraint_interval(const Constraint& constraint,
                                            const nlohmann::json& document,
                                            std::int64_t replications, double confidence);

/// Whether `path` names something in `document`: every segment found (array elements by "id"),
/// a null reached on the way, or an array element whose id is a component, zone or region of
/// the document (those figures may exist in another run: `causes` lists only the sources that
/// caused an outage). Returns the index of the
/// first segment not found, or empty when the path is known.
std::optional<std::size_t> unknown_segment(const std::vector<std::string>& path,
                                           const nlohmann::json& document);

/// What `path` names in `document` (array elements by their "id"); nullptr when a segment is
/// missing.
const nlohmann::json* find_path(const std::vector<std::string>& path,
                                const nlohmann::json& document);

/// The message for the first constraint whose KEY names nothing in `document` (a run document
/// of the model), with the keys known where its path stopped; empty when every key is known.
/// `nines plan` and the Plan tab refuse such a constraint with it before simulating.
std::string unknown_constraint_message(const PlanCriteria& criteria,
                                       const nlohmann::json& document);

/// The verdict on the objective and every constraint. `document` is the run's document (what
/// the constraints read).
Verdict judge(const PlanCriteria& criteria, const engine::RunResult& result,
              const engine::RangeResult& range, const nlohmann::json& document,
              double horizon_hours);

}  // namespace nines::planner
