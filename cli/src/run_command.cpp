// `nines run`: load a model with overrides, simulate it, print the report and write the result.
#include "nines/cli/run_command.hpp"

#include <optional>
#include <stdexcept>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/run_flags.hpp"
#include "nines/cli/scenario_runs.hpp"
#include "nines/cli/simulation.hpp"
#include "nines/cli/trace_command.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/models/scenario.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/result_json.hpp"
#include "nines/report/text_report.hpp"

namespace nines::cli {

std::vector<std::string> model_overrides(const RunArguments& arguments) {
  std::vector<std::string> overrides = arguments.overrides;
  if (arguments.replications) overrides.push_back("replications=" + *arguments.replications);
  if (arguments.horizon) overrides.push_back("horizon=" + *arguments.horizon);
  if (arguments.seed) overrides.push_back("seed=" + *arguments.seed);
  return overrides;
}

report::Provenance run_provenance(const RunArguments& arguments) {
  // The file was just read by the loader; a failure to read it again is worth a clear line.
  try {
    return report::provenance_of(arguments.model_file, arguments.overrides);
  } catch (const std::runtime_error& e) {
    throw UsageError(std::string("nines run: ") + e.what());
  }
}

namespace {

/// The model to run: the file with --scenario's keys (when given), then the overrides.
models::LoadedModel load_run_model(const RunArguments& arguments) {
  const auto overrides = model_overrides(arguments);
  if (!arguments.scenario) return models::load_model(arguments.model_file, overrides);
  // The file as written first, so that an unknown name is reported as a mistake on the command
  // line (the base with the overrides need not be valid: only the scenario with them is run).
  const auto base = models::load_model(arguments.model_file);
  if (base.model.find_scenario(*arguments.scenario) == nullptr) {
    throw UsageError(
        "nines run: --scenario: " +
        models::unknown_scenario_problem(base.model, *arguments.scenario, arguments.model_file));
  }
  return models::load_model(arguments.model_file, overrides, *arguments.scenario);
}

}  // namespace

int run_command(const RunArguments& arguments, const Console& console) {
  check_flag_combinations(arguments);
  if (arguments.all_scenarios) return scenario_runs_command(arguments, console);
  const auto loaded = load_run_model(arguments);
  for (const auto& warning : loaded.warnings) console.err << "warning: " << warning << '\n';
  if (arguments.trace) return trace_command(arguments, loaded.model, console);
  const report::Provenance provenance = run_provenance(arguments);
  const double window = window_hours(arguments, loaded.model.horizon_hours);

  const bool json_to_stdout = arguments.json_output == "-";
  // Opened before the run so that a bad output path fails in a second, not after an hour.
  std::optional<AtomicFile> json_file;
  if (!arguments.json_output.empty() && !json_to_stdout) json_file.emplace(arguments.json_output);

  Simulation simulation;
  {
    const InterruptGuard interrupt_guard;
    simulation = simulate(loaded.model, arguments, window, console);
  }
  const engine::RunResult& result = simulation.result;
  const auto& exact = simulation.exact;
  if (result.flow_not_converged > 0) {
    console.err << "warning: "
                << report::format_count(static_cast<std::int64_t>(result.flow_not_converged))
                << " of "
                << report::format_count(static_cast<std::int64_t>(result.flow_evaluations))
                << " flow evaluations stopped at 10,000 passes before converging; their served "
                   "shares are the last pass's (flow_not_converged)\n";
  }

  if (!arguments.quiet && !json_to_stdout) {
    report::TextReportOptions report_options;
    report_options.exact = exact ? &*exact : nullptr;
    report_options.scenario = arguments.scenario.value_or("");
    report_options.overrides = provenance.overrides;
    report_options.cost = report::design_cost(loaded.model);
    if (arguments.top) report_options.top_components = parse_top(*arguments.top).value();
    report::write_text_report(result, console.out, report_options);
    console.out.flush();
  }
  if (result.cancelled) {
    console.err << "nines: interrupted after " << report::format_count(result.replications)
                << (arguments.precision ? std::string()
                                        : " of " + report::format_count(loaded.model.replications))
                << " replications"
                << (arguments.json_output.empty() ? "" : "; no JSON result written") << '\n';
    return kExitInterrupted;
  }
  const std::string json =
      json_to_stdout || json_file
          ? report::result_json_text(result, exact, arguments.scenario, provenance,
                                     report::design_cost(loaded.model))
          : "";
  if (json_to_stdout) console.out << json << std::flush;
  if (json_file) json_file->commit(json);
  return kExitSuccess;
}

}  // namespace nines::cli
