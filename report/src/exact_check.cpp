// Runs the exact solvers for a simulated model and compares like with like.
#include "nines/report/exact_check.hpp"

#include <cmath>

#include "nines/analysis/system_analysis.hpp"
#include "nines/models/error.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

constexpr double kAlarmZ = 4.0;

std::optional<double> z_score(const engine::Estimate& estimate, double exact) {
  if (!(estimate.stderr_ > 0.0)) return std::nullopt;
  return (estimate.mean - exact) / estimate.stderr_;
}

}  // namespace

std::optional<ExactCheck> exact_check(const models::Model& model, const engine::RunResult& result,
                                      std::string* why_not) {
  analysis::AnalyzeOptions options;
  options.importance = false;
  options.max_states = kCrossCheckMaxStates;
  options.max_transient_states = kCrossCheckMaxTransientStates;
  analysis::Analysis exact;
  try {
    // In canonical order: the solvers' sums then do not depend on the file's order.
    exact = analysis::analyze(models::canonical_order(model), options);
  } catch (const NotAnalysableError& e) {
    if (why_not != nullptr) *why_not = e.what();
    return std::nullopt;
  }
  ExactCheck check;
  check.method = exact.method;
  if (exact.horizon_availability && exact.horizon_outages_per_year) {
    check.kind = "horizon";
    check.availability = *exact.horizon_availability;
    check.outages_per_year = *exact.horizon_outages_per_year;
  } else {
    check.kind = "steady-state";
    check.availability = exact.availability;
    check.outages_per_year = exact.outages_per_year;
  }
  check.z_availability = z_score(result.availability, check.availability);
  check.z_outages_per_year = z_score(result.outages_per_year, check.outages_per_year);
  return check;
}

nlohmann::json exact_check_json(const std::optional<ExactCheck>& check) {
  if (!check) return nullptr;
  return {{"availability", check->availability},
          {"outages_per_year", check->outages_per_year},
          {"method", check->method},
          {"kind", check->kind},
          {"z_availability", layout::optional_number(check->z_availability)},
          {"z_outages_per_year", layout::optional_number(check->z_outages_per_year)}};
}

bool exact_check_alarming(const ExactCheck& check) {
  auto beyond = [](const std::optional<double>& z) { return z && std::abs(*z) > kAlarmZ; };
  return check.kind == "horizon" &&
         (beyond(check.z_availability) || beyond(check.z_outages_per_year));
}

}  // namespace nines::report
