// The comparison of a model's base run and its scenarios: per-row figures and the text table.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/exact_check.hpp"
#include "nines/report/paired_comparison.hpp"

namespace nines::report {

/// One run of a comparison: the base model (no name) or a named scenario (or, for `nines
/// compare`, a model file: the name is its path).
struct ScenarioRun {
  std::optional<std::string> name;
  /// The scenario's settings as `canonical_override` writes them; empty for the base.
  std::vector<std::string> settings;
  engine::RunResult result;
  std::optional<ExactCheck> exact = std::nullopt;
  /// The design's monthly cost.
  DesignCost cost = {};
  /// The per-replication figures `result` was summarised from; without them (or for the first
  /// run) a row has no paired difference.
  std::optional<engine::RangeResult> range = std::nullopt;
  /// Whether the run is of a model file of its own, named by its path (`nines compare`);
  /// otherwise `name` is the scenario run (the result document's "scenario").
  bool is_file = false;
  /// With `is_file`: the scenario run in that file (--scenario), and the file's SHA-256.
  std::optional<std::string> scenario = std::nullopt;
  std::string model_sha256 = {};
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
  DesignCost cost;
  /// Against the first run, replication by replication; empty for the first row and for a run
  /// without its per-replication figures.
  std::optional<PairedComparison> difference;
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

/// "+0.0071 pp (+0.0052 .. +0.0090)": a paired difference of availability in percentage points,
/// with two significant digits of the mean or of the interval's half-width.
std::string availability_difference_text(const engine::Estimate& difference);
/// "+1 h 02 min (+40 min .. +1 h 24 min)": a paired difference of downtime per year.
std::string downtime_difference_text(const engine::Estimate& difference);
/// "x37": how many times the replications independent runs would need; "-" when unknown.
std::string pairing_text(const std::optional<double>& variance_ratio);

/// The rows of `runs`, whose first element is the base run.
std::vector<ScenarioRow> scenario_rows(const std::vector<ScenarioRun>& runs);

/// Writes the comparison as aligned plain text: a header naming the model and seed, one row per
/// run (availability with its 95% CI and nines, downtime and outages per year, the SLA share when
/// there is a target, the cost per month when a run has one, the paired differences against the
/// base with their 95% intervals and the variance ratio, `*` on significant rows), and a note on
/// paired comparison. Precondition: `runs` is not empty and its first element is the base run.
/// `overrides` (the --set overrides, canonical) are named in the header; `what` says what is
/// compared ("base and scenarios compared", "designs compared"), `label_title` titles the first
/// column ("scenario", "design").
void write_scenario_table(const std::vector<ScenarioRun>& runs, std::ostream& out,
                          const std::vector<std::string>& overrides = {},
                          const std::string& what = "base and scenarios compared",
                          const std::string& label_title = "scenario");

}  // namespace nines::report
