// `nines compare`: load every design, run each on the first one's seed, print the comparison.
#include "nines/cli/compare_command.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/scenario_runs.hpp"
#include "nines/cli/simulation.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/provenance.hpp"
#include "nines/report/scenario_json.hpp"
#include "nines/report/scenario_table.hpp"

namespace nines::cli {

namespace {

struct Design {
  std::string file;
  models::Model model;
  std::string sha256;
  double window = 0.0;
};

bool shares_a_component(const models::Model& a, const models::Model& b) {
  return std::any_of(b.components.begin(), b.components.end(),
                     [&](const models::Component& c) { return a.find_component(c.id) != nullptr; });
}

/// Every design, loaded and checked before anything runs; the run settings of the first apply to
/// all, so that every row is simulated over the same replications and horizon.
std::vector<Design> load_designs(const std::vector<std::string>& files,
                                 const RunArguments& arguments, const Console& console) {
  const auto overrides = model_overrides(arguments);
  const std::string scenario = arguments.scenario.value_or("");
  std::vector<Design> designs;
  std::vector<std::string> warnings;
  for (const auto& file : files) {
    auto loaded = models::load_model(file, overrides, scenario);
    for (auto& warning : loaded.warnings) warnings.push_back(std::move(warning));
    if (!designs.empty()) {
      const models::Model& first = designs.front().model;
      models::Model& model = loaded.model;
      model.seed = first.seed;
      model.replications = first.replications;
      model.horizon_hours = first.horizon_hours;
      model.target = first.target;
      if (!shares_a_component(first, model)) {
        warnings.push_back(file + ": shares no component id with " + files.front() +
                           ", so none of its random draws are paired with the first design's "
                           "(pairing is by component id and instance index)");
      }
    }
    std::string sha256;
    try {
      sha256 = report::provenance_of(file, {}).model_sha256;
    } catch (const std::runtime_error& e) {
      throw UsageError(std::string("nines compare: ") + e.what());
    }
    designs.push_back({file, std::move(loaded.model), std::move(sha256), 0.0});
  }
  for (const auto& warning : warnings) console.err << "warning: " << warning << '\n';
  for (auto& design : designs) design.window = window_hours(arguments, design.model.horizon_hours);
  return designs;
}

}  // namespace

int compare_command(const std::vector<std::string>& files, const RunArguments& arguments,
                    const Console& console) {
  check_flag_combinations(arguments);
  if (files.size() < 2) {
    throw UsageError("nines compare: needs at least two model files to compare; got " +
                     std::to_string(files.size()) + " (see 'nines compare --help')");
  }
  const std::vector<Design> designs = load_designs(files, arguments, console);
  const bool json_to_stdout = arguments.json_output == "-";
  std::optional<AtomicFile> json_file;
  if (!arguments.json_output.empty() && !json_to_stdout) json_file.emplace(arguments.json_output);

  std::vector<report::ScenarioRun> runs;
  {
    const InterruptGuard interrupt_guard;
    for (const auto& design : designs) {
      Simulation simulation = simulate(design.model, arguments, design.window, console,
                                       /*keep_replications=*/true);
      const bool cancelled = simulation.result.cancelled;
      runs.push_back({design.file,
                      {},
                      std::move(simulation.result),
                      std::move(simulation.exact),
                      report::design_cost(design.model),
                      std::move(simulation.range),
                      /*is_file=*/true,
                      arguments.scenario,
                      design.sha256});
      if (cancelled) break;
    }
  }
  const report::Provenance provenance{report::canonical_overrides(arguments.overrides),
                                      designs.front().sha256};
  return report_comparison(runs, provenance, arguments, console, json_file,
                           {"designs compared", "design"}, runs.back().name.value_or(""),
                           designs.size());
}

}  // namespace nines::cli
