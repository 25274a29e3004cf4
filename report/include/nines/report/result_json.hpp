// The JSON result of a run (the `--json` contract, documented in docs/results-format.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "nines/engine/run_result.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/exact_check.hpp"
#include "nines/report/provenance.hpp"

namespace nines::report {

/// Schema version of the result document, written as "format_version".
inline constexpr int kResultFormatVersion = 2;

/// The full result as JSON. Every key outside "run_info" depends only on the model, the seed and
/// the replication range. Absent optional figures are JSON null (never omitted), so consumers
/// can rely on every documented key being present. Non-finite numbers become null.
/// `exact` is the cross-check against the exact solvers ("exact": null when there is none);
/// `scenario` the name of the model's scenario that was run ("scenario": null for the base);
/// `provenance` the --set overrides and the model file's digest; `cost` the design's monthly
/// cost ("cost_per_month", "currency").
nlohmann::json result_to_json(const engine::RunResult& result,
                              const std::optional<ExactCheck>& exact = std::nullopt,
                              const std::optional<std::string>& scenario = std::nullopt,
                              const Provenance& provenance = {}, const DesignCost& cost = {});

/// `result_to_json(result)` serialised with two-space indentation and a final newline; doubles
/// are written with round-trip precision.
std::string result_json_text(const engine::RunResult& result,
                             const std::optional<ExactCheck>& exact = std::nullopt,
                             const std::optional<std::string>& scenario = std::nullopt,
                             const Provenance& provenance = {}, const DesignCost& cost = {});

/// `run_info`: threads, ranks, wall time, events per second and the version; the same object in
/// every document (run, sweep, plan).
nlohmann::json run_info_json(const engine::RunInfo& info);

/// Replications times horizon, in years: the time the run watched the system.
double simulated_years(const engine::RunResult& result);

/// When the run saw no outage, the 95 % upper bound of the outage rate per year: with no event in
/// T years of a Poisson process, rates above -ln(0.05) / T would show one 95 % of the time.
/// Empty when an outage was seen or nothing was simulated.
std::optional<double> no_outage_upper_bound_95(const engine::RunResult& result);

}  // namespace nines::report
