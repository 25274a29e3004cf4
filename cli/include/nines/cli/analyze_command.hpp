// `nines analyze`: the exact availability and importance measures of a model.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "nines/analysis/group_chain.hpp"
#include "nines/cli/console.hpp"

namespace nines::cli {

struct AnalyzeArguments {
  std::string model_file;
  std::vector<std::string> overrides;
  /// --json target: empty for none, "-" for stdout, else a file path.
  std::string json_output;
  std::size_t max_states = analysis::kDefaultMaxStates;
  /// --approximate: "exponential" replaces every law by the exponential of the same mean.
  std::optional<std::string> approximate;
  /// --top: components to list ("all" or a count; default 25).
  std::optional<std::string> top;
  bool quiet = false;
};

/// Throws ModelError / UsageError on bad input (exit 2) and NotAnalysableError when the model is
/// outside the solvers' classes (exit 3), before any output file is touched.
int analyze_command(const AnalyzeArguments& arguments, const Console& console);

}  // namespace nines::cli
