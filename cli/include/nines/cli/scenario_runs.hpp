// `nines run MODEL --all-scenarios`: the base model and each of its scenarios, compared.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/console.hpp"
#include "nines/cli/run_command.hpp"
#include "nines/report/provenance.hpp"
#include "nines/report/scenario_table.hpp"

namespace nines::cli {

/// Runs the base model and every scenario of the model file with the same seed and flags (the
/// --set overrides apply to each, after the scenario's keys) and prints one comparison table, or
/// writes one JSON document with --json. Every variant is loaded and checked before the first
/// run. Throws ModelError / UsageError on bad input (a model without scenarios included). Returns
/// kExitSuccess, or kExitInterrupted after a SIGINT (the rows finished so far are printed, no
/// JSON is written).
int scenario_runs_command(const RunArguments& arguments, const Console& console);

/// What a comparison of several runs (`--all-scenarios`, `nines compare`) does once they ran:
/// the table (unless quiet or JSON to stdout), then either the interruption line (naming
/// `interrupted_during`, `runs.size()` of `total`) and kExitInterrupted, or the JSON document.
struct ComparisonText {
  std::string what;         // the table's title, e.g. "designs compared"
  std::string label_title;  // its first column, e.g. "design"
};
int report_comparison(const std::vector<report::ScenarioRun>& runs,
                      const report::Provenance& provenance, const RunArguments& arguments,
                      const Console& console, std::optional<AtomicFile>& json_file,
                      const ComparisonText& text, const std::string& interrupted_during,
                      std::size_t total);

}  // namespace nines::cli
