// The comparison of a model's base run and its scenarios: per-row figures and the text table.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nines/engine/run_result.hpp"
#include "nines/report/exact_check.hpp"

namespace nines::report {

/// One run of a comparison: the base model (no name) or a named scenario.
struct ScenarioRun {
  std::optional<std::string> name;
  /// The scenario's settings as `canonical_override` writes them; empty for the base.
  std::vector<std::string> settings;
  engine::RunResult result;
  std::optional<ExactCheck> exact;
};

/// The figures of one row of the comparison, for any front-end (the CLI table, the GUI).
struct ScenarioRow {
  /// "base" or the scenario's name.
  std::string label;
  engine::Estimate availability;
  /// -log10(1 - availability); empty when no downtime was seen.
  std::optional<double> nines;
  engine::Estimate downtime_hours_per_year;
  engine::Estimate outages_per_year;
  /// Share of replications that met the target; empty without a target.
  std::optional<double> sla_met;
  /// Availability minus the base row's, as a fraction (0 for the base row).
  double availability_change = 0.0;
  /// Downtime per year over the base row's (0.5: half as much); empty when the base saw none.
  std::optional<double> downtime_ratio;
  std::int64_t replications = 0;
  bool cancelled = false;
  /// "no outage in 2,000 replication-years" when the run saw no outage (its intervals are then
  /// zero-width, which is not certainty); empty otherwise.
  std::string no_outage;
};

/// The rows of `runs`, whose first element is the base run.
std::vector<ScenarioRow> scenario_rows(const std::vector<ScenarioRun>& runs);

/// Writes the comparison as aligned plain text: a header naming the model and seed, one row per
/// run (availability with its 95% CI and nines, downtime and outages per year, the SLA share when
/// there is a target, the change against the base), and a note on paired comparison.
/// Precondition: `runs` is not empty and its first element is the base run.
/// `overrides` (the --set overrides, canonical) are named in the header.
void write_scenario_table(const std::vector<ScenarioRun>& runs, std::ostream& out,
                          const std::vector<std::string>& overrides = {});

}  // namespace nines::report
