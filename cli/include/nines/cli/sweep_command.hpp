// `nines sweep MODEL --vary KEY=SPEC ...`: every combination of the values, run on one seed and
// compared, paired, with the first valid point.
#pragma once

#include <string>
#include <vector>

#include "nines/cli/console.hpp"
#include "nines/cli/run_command.hpp"

namespace nines::cli {

struct SweepArguments {
  RunArguments run;
  /// The --vary flags, in command-line order.
  std::vector<std::string> vary;
  /// --csv FILE: a row per point (empty: none).
  std::string csv_output;
};

/// Throws ModelError / UsageError on bad input (nothing written). Returns kExitSuccess, or
/// kExitInterrupted after a SIGINT, having printed the finished points and written them to the
/// --json and --csv files with "cancelled": true.
int sweep_command(const SweepArguments& arguments, const Console& console);

}  // namespace nines::cli
