// `nines plan MODEL --vary KEY=SPEC ...`: the cheapest candidate meeting an objective and every
// constraint, found by the planner library and presented here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nines/cli/console.hpp"
#include "nines/cli/run_command.hpp"

namespace nines::cli {

struct PlanArguments {
  /// The model, --scenario, --set, --seed, --horizon, --window, --threads, --json, --quiet, and
  /// --confidence, --batch, --max-replications, --max-time (raw text, checked by their parsers).
  RunArguments run;
  std::vector<std::string> vary;
  std::string csv_output;
  std::optional<std::string> target;
  std::optional<std::string> objective;
  std::optional<std::string> probability;
  std::optional<std::string> budget;
  std::vector<std::string> constraints;
  std::optional<std::string> pilot;
  std::optional<std::string> write_best;
  std::optional<std::string> as_scenario;
};

/// Throws ModelError / UsageError on bad input (nothing written). Returns kExitSuccess with a
/// winner, kExitNoWinner without one (report and documents written), kExitInterrupted after a
/// SIGINT (finished candidates written with "cancelled": true, no winner written).
int plan_command(const PlanArguments& arguments, const Console& console);

}  // namespace nines::cli
