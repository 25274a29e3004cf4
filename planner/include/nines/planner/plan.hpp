// `nines plan`: the cheapest candidate of a grid that meets the objective and every constraint,
// found by screening and a fully sequential feasibility check in cost order (docs/planner.md).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"
#include "nines/planner/plan_criteria.hpp"
#include "nines/planner/point_grid.hpp"

namespace nines::planner {

enum class CandidateStatus { kMeets, kFails, kUndecided, kScreenedOut, kOverBudget, kInvalid };
/// "meets", "fails", "undecided", "screened-out", "over-budget", "invalid".
std::string_view status_name(CandidateStatus status);

enum class Screening { kExact, kPilot };
/// "exact", "pilot".
std::string_view screening_name(Screening screening);

enum class PlanOutcome { kFound, kNoneMeets, kUndecided, kNoCandidateWithinBudget };
/// "found", "none-meets", "undecided", "no-candidate-within-budget".
std::string_view outcome_name(PlanOutcome outcome);

/// One point of the grid and what the plan learnt about it.
struct Candidate {
  /// Its index in the grid (point order).
  std::size_t point = 0;
  /// The validated model (empty when the loader rejected the point: status invalid).
  std::optional<models::Model> model;
  /// The loader's message for an invalid point.
  std::string message;
  std::optional<double> cost_per_month;
  CandidateStatus status = CandidateStatus::kUndecided;
  std::optional<Screening> screening;
  /// The `nines analyze` horizon availability used to screen, when there is one.
  std::optional<double> exact;
  /// Replications 0 .. n-1 of the plan's seed, merged batch after batch (empty when unsimulated).
  std::optional<engine::RangeResult> range;
  /// The figures of `range` (what `nines run --replications n` gives).
  std::optional<engine::RunResult> result;
  /// Still taking replications (internal to the selection).
  bool open = false;
};

/// How a plan runs; the figures depend on none of threads, progress or cancel.
struct PlanSettings {
  PlanCriteria criteria;
  /// Candidates costing more per month are not simulated.
  std::optional<double> budget;
  std::int64_t pilot = 1000;
  std::int64_t batch = 1000;
  std::int64_t max_replications = 1'000'000;
  /// Checked at round ends only.
  double max_seconds = std::numeric_limits<double>::infinity();
  /// SLA windows of the runs (0: none), as `nines run --window`.
  double window_hours = 0.0;
  int threads = 0;
  /// MPI ranks sharing each pilot and batch (null: this process alone); every rank runs the
  /// same plan on the same merged figures, so their decisions agree.
  const engine::ProcessGroup* processes = nullptr;
  const std::atomic<bool>* cancel = nullptr;
  /// Replications done and planned so far, for a progress bar.
  engine::ProgressCallback progress;
  /// Called on the planning thread whenever a candidate's status or figures change (over budget,
  /// screened out, judged after its pilot or a batch), for views that fill in live. It only
  /// observes: the plan's decisions are the same with or without it.
  std::function<void(const Candidate& candidate)> candidate_changed;
};

/// The run document of a candidate's figures: what the constraints read (report::result_to_json
/// in the front-ends; the planner does not format).
using DocumentFunction =
    std::function<nlohmann::json(const Candidate& candidate, const engine::RunResult& result)>;

struct PlanResult {
  PlanOutcome outcome = PlanOutcome::kUndecided;
  /// In point order; `order` lists them by cost (then point order).
  std::vector<Candidate> candidates;
  std::vector<std::size_t> order;
  /// Index into candidates.
  std::optional<std::size_t> best;
  /// The winner rerun with seed + 1 (mod 2^64) and the same replications.
  std::optional<engine::RunResult> confirmation;
  std::optional<engine::RangeResult> confirmation_range;
  bool confirmed = false;
  /// Indices into candidates, by cost: the simulated candidates with a higher mean availability
  /// than every cheaper one.
  std::vector<std::size_t> front;
  std::int64_t replications = 0;
  std::uint64_t events = 0;
  bool cancelled = false;
};

/// Loads every point of `grid` as `load` says (the front-end's loader with its scenario and
/// --set; it throws ModelError for a point it rejects) and fills the candidates: model, cost,
/// message. Throws ModelError when every point is invalid or no candidate has a cost.
std::vector<Candidate> load_candidates(const PointGrid& grid,
                                       const std::function<models::Model(std::size_t point)>& load);

/// Runs the plan over loaded candidates: budget, screening, pilots, rounds, winner,
/// confirmation, front. Ctrl-C (settings.cancel) stops at the next replication: the batch cut
/// short is dropped, candidates never simulated are left unsimulated, open ones are undecided,
/// and there is no winner.
PlanResult run_plan(std::vector<Candidate> candidates, const PlanSettings& settings,
                    const DocumentFunction& document);

/// The front of simulated candidates (indices into `candidates`), by cost.
std::vector<std::size_t> plan_front(const std::vector<Candidate>& candidates);

}  // namespace nines::planner
