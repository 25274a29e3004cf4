// `nines run`: load a model with overrides, simulate it, print the report and write the result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nines/cli/console.hpp"
#include "nines/report/provenance.hpp"

namespace nines::cli {

struct RunArguments {
  /// The command named in messages about the flags ("nines run", "nines compare").
  std::string command = "nines run";
  std::string model_file;
  /// Raw values of --replications/--horizon/--seed, validated by the model loader.
  std::optional<std::string> replications;
  std::optional<std::string> horizon;
  std::optional<std::string> seed;
  /// Worker threads; 0 means all hardware threads.
  int threads = 0;
  /// --set overrides ("ID.KEY=VALUE" or "KEY=VALUE"), in command-line order.
  std::vector<std::string> overrides;
  /// --scenario NAME: run that scenario of the model (its keys, then the --set overrides).
  std::optional<std::string> scenario;
  /// --all-scenarios: run the base model and every scenario and print one comparison.
  bool all_scenarios = false;
  /// Run to a relative precision (--precision) and its companions, and SLA windows (--window):
  /// the raw text, already checked by the parsers of run_flags.hpp.
  std::optional<std::string> precision;
  std::optional<std::string> confidence;
  std::optional<std::string> max_replications;
  std::optional<std::string> max_time;
  std::optional<std::string> batch;
  std::optional<std::string> window;
  /// --top: causes of downtime to list ("all" or a count; default 5).
  std::optional<std::string> top;
  /// --json target: empty for none, "-" for stdout, else a file path.
  std::string json_output;
  bool quiet = false;
  /// --trace R: simulate replication R alone and print its timeline (raw text, checked later).
  std::optional<std::string> trace;
  /// --trace-csv FILE|-: the timeline as CSV instead.
  std::optional<std::string> trace_csv;
};

/// The overrides passed to models::load_model: the --set values in order, then
/// replications/horizon/seed from their own flags (so those win over a --set of the same key).
std::vector<std::string> model_overrides(const RunArguments& arguments);

/// The --set overrides (canonical) and the model file's SHA-256, for the report and the JSON.
report::Provenance run_provenance(const RunArguments& arguments);

/// Runs the command (with --all-scenarios, scenario_runs_command). Throws nines::ModelError /
/// nines::UsageError on bad input (before any output file is touched). Returns kExitSuccess, or
/// kExitInterrupted after a SIGINT.
int run_command(const RunArguments& arguments, const Console& console);

}  // namespace nines::cli
