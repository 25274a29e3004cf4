// Checks the deploy schedules of a model built in code, and every model's count of deploys.
#include <cmath>
#include <string>

#include "component_parser.hpp"
#include "deploys_parser.hpp"
#include "json_node.hpp"
#include "nines/models/duration.hpp"
#include "validation.hpp"

namespace nines::models::detail {
namespace {

std::string number(double x) { return show(nlohmann::json(x)); }
std::string duration_text(double hours) { return quote(format_duration(hours)); }

}  // namespace

void check_deploys(const Reporter& reporter, const std::string& pointer, const Deploys& deploys,
                   double horizon_hours) {
  const std::string at = pointer + "/deploys";
  const double period = deploys.period_hours;
  if (!std::isfinite(period) || !(period > 0.0)) {
    reporter.fail(at + "/period", kPositiveDuration, number(period));
  }
  if (deploys.first_at_hours &&
      (!std::isfinite(*deploys.first_at_hours) || !(*deploys.first_at_hours >= 0.0))) {
    reporter.fail(at + "/first_at", kNonNegativeDuration, number(*deploys.first_at_hours));
  }
  if (!(deploys.bad_probability >= 0.0 && deploys.bad_probability <= 1.0)) {
    reporter.fail(at + "/bad_probability", kProbability, number(deploys.bad_probability));
  }
  if (deploys.batch < 1 || deploys.batch > kMaxInstances) {
    reporter.fail(at + "/batch", "must be an integer from 1 to " + std::to_string(kMaxInstances),
                  std::to_string(deploys.batch));
  }
  if (const auto& interval = deploys.batch_interval_hours;
      interval && (!std::isfinite(*interval) || !(*interval > 0.0))) {
    reporter.fail(at + "/batch_interval", kPositiveDuration, number(*interval));
  }
  if (const auto& fraction = deploys.canary_fraction;
      fraction && !(*fraction > 0.0 && *fraction <= 1.0)) {
    reporter.fail(at + "/canary_fraction", kCanaryFractionRule, number(*fraction));
  }
  if (const auto& bake = deploys.bake_hours; bake && (!std::isfinite(*bake) || !(*bake >= 0.0))) {
    reporter.fail(at + "/bake", kNonNegativeDuration, number(*bake));
  }
  if (deploys.detection) check_law(reporter, at + "/detection", *deploys.detection, true);
  if (deploys.rollback) check_law(reporter, at + "/rollback", *deploys.rollback, true);
  check_law(reporter, at + "/restart", deploys.restart, true);
  for (std::string_view key :
       {"batch_interval", "canary_fraction", "bake", "detection", "rollback"}) {
    const std::string missing = missing_deploy_key(deploys, key);
    if (!missing.empty()) reporter.fail(at, missing);
  }
  // Deploy k is due at first_at + k period, the product the engine computes, so the deploy
  // numbered kMaxDeploys (the first that would not fit) is due exactly where it says.
  const double beyond = deploys.first_due_hours() + static_cast<double>(kMaxDeploys) * period;
  if (beyond < horizon_hours) {
    reporter.fail(at + "/period",
                  "gives more than 1,048,576 deploys over the horizon (" +
                      format_duration(horizon_hours) +
                      "), the most a component can have; use a longer period",
                  duration_text(period));
  }
}

}  // namespace nines::models::detail
