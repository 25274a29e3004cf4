// The JSON document of `nines run --all-scenarios --json` (documented in docs/results-format.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nines/report/provenance.hpp"
#include "nines/report/scenario_table.hpp"

namespace nines::report {

/// `{"format_version", "model", "seed", "scenarios": [{"name": null | "NAME", "result": {...}}]}`:
/// the base run (name null) first, then each scenario in file order; each "result" is the
/// document `nines run --json` writes for that run. Precondition: `runs` is not empty.
/// Each entry has the scenario's "settings" beside its "name"; the document and each result
/// carry `provenance` (the --set overrides applied to every run, the model file's digest), and
/// a "difference" against the first run (null for it; see scenario_rows).
nlohmann::json scenario_comparison_to_json(const std::vector<ScenarioRun>& runs,
                                           const Provenance& provenance = {});

/// `scenario_comparison_to_json` serialised as result_json_text serialises a run.
std::string scenario_comparison_json_text(const std::vector<ScenarioRun>& runs,
                                          const Provenance& provenance = {});

}  // namespace nines::report
