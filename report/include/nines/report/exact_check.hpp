// The cross-check of a run: the exact answer beside the Monte Carlo estimate, with z-scores.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"

namespace nines::report {

struct ExactCheck {
  double availability = 0.0;
  double outages_per_year = 0.0;
  /// "structure-function" or "markov".
  std::string method;
  /// "horizon": the expected value over the run's horizon from all-new, what the run estimates;
  /// "steady-state": the long-run value, which a short run from all-new is biased against.
  std::string kind;
  /// (estimate - exact) / standard error; empty when the standard error is 0.
  std::optional<double> z_availability;
  std::optional<double> z_outages_per_year;
};

/// Chains beyond this many states are not solved for a cross-check (a run should not wait on it).
inline constexpr std::size_t kCrossCheckMaxStates = 200'000;
/// Nor is the transient of chains beyond this (the check then compares with the steady state).
inline constexpr std::size_t kCrossCheckMaxTransientStates = 20'000;

/// The exact answer for the model a run simulated, or nothing when the solvers cannot give one
/// (then `why_not`, when given, says why).
std::optional<ExactCheck> exact_check(const models::Model& model, const engine::RunResult& result,
                                      std::string* why_not = nullptr);

/// `{"availability", "outages_per_year", "method", "kind", "z_availability",
/// "z_outages_per_year"}`, or null.
nlohmann::json exact_check_json(const std::optional<ExactCheck>& check);

/// True when the difference means a bug: |z| > 4 against a horizon value.
bool exact_check_alarming(const ExactCheck& check);

}  // namespace nines::report
