// `nines run --all-scenarios`: load every variant, run each on the same seed, print the comparison.
#include "nines/cli/scenario_runs.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/simulation.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/provenance.hpp"
#include "nines/report/scenario_json.hpp"
#include "nines/report/scenario_table.hpp"

namespace nines::cli {

namespace {

/// One model to run: the base (no name) or a scenario, with its SLA window length.
struct Variant {
  std::optional<std::string> name;
  std::vector<std::string> settings;
  models::Model model;
  double window = 0.0;
};

/// Every variant, loaded and checked before anything runs: an hour-long comparison must not stop
/// at its third row over a flag that never fitted that scenario.
std::vector<Variant> load_variants(const RunArguments& arguments, const Console& console) {
  const auto overrides = model_overrides(arguments);
  const auto base = models::load_model(arguments.model_file, overrides);
  if (base.model.scenarios.empty()) {
    throw UsageError("nines run: --all-scenarios: " + arguments.model_file +
                     " has no scenarios (add a \"scenarios\" list; see docs/model-format.md)");
  }
  std::vector<std::string> warnings = base.warnings;
  std::vector<Variant> variants{{std::nullopt, {}, base.model, 0.0}};
  for (const auto& scenario : base.model.scenarios) {
    auto loaded = models::load_model(arguments.model_file, overrides, scenario.name);
    for (auto& warning : loaded.warnings) {
      if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end()) {
        warnings.push_back(warning + " (scenario " + nlohmann::json(scenario.name).dump() + ")");
      }
    }
    std::vector<std::string> settings;
    for (const auto& setting : scenario.set) {
      settings.push_back(report::canonical_override(setting.key + "=" + setting.value_json));
    }
    variants.push_back({scenario.name, std::move(settings), std::move(loaded.model), 0.0});
  }
  for (const auto& warning : warnings) console.err << "warning: " << warning << '\n';
  for (auto& variant : variants) {
    variant.window = window_hours(arguments, variant.model.horizon_hours);
  }
  return variants;
}

}  // namespace

int scenario_runs_command(const RunArguments& arguments, const Console& console) {
  const std::vector<Variant> variants = load_variants(arguments, console);
  const report::Provenance provenance = run_provenance(arguments);
  const bool json_to_stdout = arguments.json_output == "-";
  // Opened before the runs so that a bad output path fails in a second, not after an hour.
  std::optional<AtomicFile> json_file;
  if (!arguments.json_output.empty() && !json_to_stdout) json_file.emplace(arguments.json_output);

  std::vector<report::ScenarioRun> runs;
  {
    // One guard for all the runs: a Ctrl-C between two of them cancels the next one at once.
    const InterruptGuard interrupt_guard;
    for (const auto& variant : variants) {
      Simulation simulation = simulate(variant.model, arguments, variant.window, console,
                                       /*keep_replications=*/true);
      const bool cancelled = simulation.result.cancelled;
      runs.push_back({variant.name, variant.settings, std::move(simulation.result),
                      std::move(simulation.exact), report::design_cost(variant.model),
                      std::move(simulation.range)});
      if (cancelled) break;
    }
  }
  const std::string during = runs.back().name
                                 ? "scenario " + nlohmann::json(*runs.back().name).dump()
                                 : std::string("the base run");
  return report_comparison(runs, provenance, arguments, console, json_file,
                           {"base and scenarios compared", "scenario"}, during, variants.size());
}

int report_comparison(const std::vector<report::ScenarioRun>& runs,
                      const report::Provenance& provenance, const RunArguments& arguments,
                      const Console& console, std::optional<AtomicFile>& json_file,
                      const ComparisonText& text, const std::string& interrupted_during,
                      std::size_t total) {
  const bool json_to_stdout = arguments.json_output == "-";
  const bool cancelled = runs.back().result.cancelled;
  if (!arguments.quiet && !json_to_stdout) {
    report::write_scenario_table(runs, console.out, provenance.overrides, text.what,
                                 text.label_title);
    console.out.flush();
  }
  if (cancelled) {
    console.err << "nines: interrupted during " << interrupted_during << " (" << runs.size()
                << " of " << total << " runs)"
                << (arguments.json_output.empty() ? "" : "; no JSON result written") << '\n';
    return kExitInterrupted;
  }
  const std::string json =
      json_to_stdout || json_file ? report::scenario_comparison_json_text(runs, provenance) : "";
  if (json_to_stdout) console.out << json << std::flush;
  if (json_file) json_file->commit(json);
  return kExitSuccess;
}

}  // namespace nines::cli
