// Checks distributions and standby settings of a model built in code (the file path checks first).
#include <cmath>

#include "json_node.hpp"
#include "validation.hpp"

namespace nines::models::detail {
namespace {

std::string number(double x) { return show(nlohmann::json(x)); }

struct LawChecker {
  const Reporter& reporter;
  const std::string& pointer;

  void positive_duration(std::string_view key, double hours) const {
    if (!std::isfinite(hours) || !(hours > 0.0)) fail(key, kPositiveDuration, hours);
  }
  void non_negative_duration(std::string_view key, double hours) const {
    if (!std::isfinite(hours) || !(hours >= 0.0)) fail(key, kNonNegativeDuration, hours);
  }
  void positive_number(std::string_view key, double x) const {
    if (!std::isfinite(x) || !(x > 0.0)) fail(key, kPositiveNumber, x);
  }
  [[noreturn]] void fail(std::string_view key, std::string_view problem, double x) const {
    reporter.fail(pointer + "/" + std::string(key), problem, number(x));
  }

  void operator()(const Exponential& d) const { non_negative_duration("mean", d.mean_hours); }
  void operator()(const Weibull& d) const {
    positive_number("shape", d.shape);
    positive_duration("scale", d.scale_hours);
  }
  void operator()(const Lognormal& d) const {
    if (!std::isfinite(d.mu_log_hours)) fail("mu", "must be a finite number", d.mu_log_hours);
    positive_number("sigma", d.sigma);
  }
  void operator()(const Normal& d) const {
    positive_duration("mean", d.mean_hours);
    positive_duration("stddev", d.stddev_hours);
  }
  void operator()(const Gamma& d) const {
    positive_number("shape", d.shape);
    positive_duration("scale", d.scale_hours);
  }
  void operator()(const Uniform& d) const {
    non_negative_duration("min", d.min_hours);
    positive_duration("max", d.max_hours);
    if (d.max_hours < d.min_hours) fail("max", R"(must be at least "min")", d.max_hours);
  }
  void operator()(const Fixed& d) const { non_negative_duration("value", d.value_hours); }
  void operator()(const Empirical& d) const {
    if (d.samples_hours.empty()) {
      reporter.fail(pointer + "/samples", "must be a non-empty list of durations", "[]");
    }
    for (std::size_t i = 0; i < d.samples_hours.size(); ++i) {
      non_negative_duration("samples/" + std::to_string(i), d.samples_hours[i]);
    }
  }
  void operator()(const Never& /*unused*/) const {
    reporter.fail(pointer, kNeverOnlyFailure, R"("never")");
  }
};

}  // namespace

void check_law(const Reporter& reporter, const std::string& pointer, const Distribution& law,
               bool zero_allowed) {
  std::visit(LawChecker{reporter, pointer}, law);
  const double mean = mean_hours(law);
  if (!std::isfinite(mean)) reporter.fail(pointer, "must have a finite mean", number(mean));
  if (!zero_allowed && !(mean > 0.0)) {
    reporter.fail(pointer, "must have a positive mean", number(mean));
  }
}

void check_monitoring(const Reporter& reporter, const std::string& pointer,
                      const Component& component) {
  const bool missed_found = component.undetected || component.inspections;
  if (component.undetected && component.inspections) {
    reporter.fail(pointer + "/undetected",
                  R"(give either a law or {"inspection_every": D}, not both)");
  }
  if (missed_found && !component.coverage) {
    reporter.fail(pointer + "/undetected", kUndetectedNeedsCoverage);
  }
  if (!component.coverage) return;
  const double c = *component.coverage;
  if (!(c >= 0.0 && c <= 1.0)) reporter.fail(pointer + "/coverage", kProbability, number(c));
  if (c < 1.0 && !missed_found) {
    reporter.fail(pointer + "/coverage", kCoverageNeedsUndetected, number(c));
  }
  if (component.undetected)
    check_law(reporter, pointer + "/undetected", *component.undetected, true);
  if (component.inspections) {
    const double every = component.inspections->every_hours;
    if (!std::isfinite(every) || !(every > 0.0)) {
      reporter.fail(pointer + "/undetected/inspection_every", kPositiveDuration, number(every));
    }
  }
}

void check_standby(const Reporter& reporter, const std::string& pointer, const Standby& standby) {
  const std::string at = pointer + "/standby";
  if (standby.mode == StandbyMode::kHot) {
    if (!is_zero(standby.switchover)) reporter.fail(at + "/switchover", kHotStandbyRule);
    if (standby.switch_success != 1.0) reporter.fail(at + "/switch_success", kHotStandbyRule);
    if (standby.dormant_failure) reporter.fail(at + "/dormant_failure", kHotStandbyRule);
    return;
  }
  check_law(reporter, at + "/switchover", standby.switchover, true);
  if (!(standby.switch_success >= 0.0 && standby.switch_success <= 1.0)) {
    reporter.fail(at + "/switch_success", kProbability, number(standby.switch_success));
  }
  if (standby.mode == StandbyMode::kCold && standby.dormant_failure) {
    reporter.fail(at + "/dormant_failure", kColdDormantRule);
  }
  if (standby.mode == StandbyMode::kWarm) {
    if (!standby.dormant_failure) {
      reporter.fail(at, kWarmNeedsDormant);
    }
    check_law(reporter, at + "/dormant_failure", *standby.dormant_failure, false);
  }
}

}  // namespace nines::models::detail
