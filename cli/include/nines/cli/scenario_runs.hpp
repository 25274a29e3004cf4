// `nines run MODEL --all-scenarios`: the base model and each of its scenarios, compared.
#pragma once

#include "nines/cli/console.hpp"
#include "nines/cli/run_command.hpp"

namespace nines::cli {

/// Runs the base model and every scenario of the model file with the same seed and flags (the
/// --set overrides apply to each, after the scenario's keys) and prints one comparison table, or
/// writes one JSON document with --json. Every variant is loaded and checked before the first
/// run. Throws ModelError / UsageError on bad input (a model without scenarios included). Returns
/// kExitSuccess, or kExitInterrupted after a SIGINT (the rows finished so far are printed, no
/// JSON is written).
int scenario_runs_command(const RunArguments& arguments, const Console& console);

}  // namespace nines::cli
