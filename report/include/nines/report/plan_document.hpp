// The documents of `nines plan`: the JSON (docs/results-format.md, "Plan"), the CSV and the text
// report, from the planner's result.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nines/engine/run_result.hpp"
#include "nines/planner/plan.hpp"
#include "nines/planner/point_grid.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/exact_check.hpp"
#include "nines/report/provenance.hpp"

namespace nines::report {

struct PlanDocument {
  /// The model file as given on the command line (for the line reproducing the winner).
  std::string model_file;
  std::string model_name;
  std::uint64_t seed = 0;
  /// The --seed flag when given (the reproducing line repeats it).
  std::optional<std::string> seed_flag;
  std::optional<std::string> scenario;
  std::string currency = std::string(models::kDefaultCurrency);
  /// --window as given, when given (the reproducing line repeats it).
  std::optional<std::string> window_flag;
  planner::PlanCriteria criteria;
  std::optional<double> budget;
  std::int64_t pilot = 0;
  std::int64_t batch = 0;
  const planner::PointGrid* grid = nullptr;
  planner::PlanResult plan;
  /// Per candidate: the exact check of its result (what `nines run` adds), when simulated.
  std::vector<std::optional<ExactCheck>> exact_checks;
  std::optional<ExactCheck> confirmation_exact;
  /// The --set overrides (canonical) and the file's digest; each candidate adds its values.
  Provenance provenance;
  engine::RunInfo run_info;
};

/// The `nines run --json` document of a candidate's figures (its values after the --set ones
/// in "overrides"). `exact` as `nines run` computes it.
nlohmann::json candidate_result_json(const PlanDocument& doc, std::size_t candidate,
                                     const engine::RunResult& result,
                                     const std::optional<ExactCheck>& exact);

/// Every key the candidate applies as `--set` strings: the --set overrides then its values.
std::vector<std::string> candidate_overrides(const PlanDocument& doc, std::size_t candidate);

/// Sets `exact_checks` and `confirmation_exact` from `doc.plan`: the exact answer beside each
/// simulated candidate's figures, as `nines run` gives it (the confirmation's on seed + 1).
void add_exact_checks(PlanDocument& doc);

nlohmann::json plan_to_json(const PlanDocument& doc);
std::string plan_json_text(const PlanDocument& doc);

/// Part 3's sweep columns with the plan's statuses and a `front` column (0/1), a row per
/// candidate in point order.
void write_plan_csv(const PlanDocument& doc, std::ostream& out);

/// The text report: counts per status, replications spent, the winner and its confirmation, the
/// cheaper candidates that failed with their paired difference to it (or the closest when none
/// meets), the front, and the `nines run` line reproducing the winner.
void write_plan_report(const PlanDocument& doc, std::ostream& out);

}  // namespace nines::report
