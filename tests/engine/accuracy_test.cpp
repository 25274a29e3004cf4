// The simulator against exact answers: Markov chains solved here, closed forms, and the reference
// values of the foundation issue. Tolerances are 4 reported standard errors, seeds fixed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>

#include "markov_reference.hpp"
#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

using testing::depends;
using testing::MarkovReference;
using testing::pool;
using testing::single;

constexpr double kYear = 8760.0;
constexpr double kLambda = 1.0 / 1000.0;
constexpr double kMu = 1.0 / 10.0;

RunResult simulate(const models::Model& model) {
  RunOptions options;
  options.threads = 2;
  return run(model, options);
}

void expect_within_4_se(const Estimate& estimate, double exact) {
  ASSERT_GT(estimate.stderr_, 0.0);
  const double z = (estimate.mean - exact) / estimate.stderr_;
  std::printf("    estimate %.10g  exact %.10g  stderr %.3g  z %+.2f\n", estimate.mean, exact,
              estimate.stderr_, z);
  EXPECT_LT(std::fabs(z), 4.0) << "estimate " << estimate.mean << " +- " << estimate.stderr_
                               << ", exact " << exact << ", z = " << z;
}

/// Availability of one exponential instance at time t from new.
double point_availability(double lambda, double mu, double t) {
  return mu / (lambda + mu) + lambda / (lambda + mu) * std::exp(-(lambda + mu) * t);
}

/// (1/T) * integral over [0, T) of f, by Simpson's rule on a fine grid.
double time_average(const std::function<double(double)>& f, double horizon) {
  const int n = 200000;
  const double h = horizon / n;
  double sum = f(0.0) + f(horizon);
  for (int i = 1; i < n; ++i) sum += (i % 2 == 1 ? 4.0 : 2.0) * f(i * h);
  return sum * h / 3.0 / horizon;
}

/// Birth-death chain of a k-of-n hot pool; `crews` repairs at a time (n for independent repair).
MarkovReference k_of_n_chain(int n, int k, int crews) {
  MarkovReference chain(n + 1);  // state = instances failed
  for (int failed = 0; failed <= n; ++failed) {
    if (failed < n) chain.rate(failed, failed + 1, (n - failed) * kLambda);
    if (failed > 0) chain.rate(failed, failed - 1, std::min(failed, crews) * kMu);
    chain.set_up(failed, n - failed >= k);
  }
  return chain;
}

TEST(Accuracy, ReferenceChainsMatchTheIssueValues) {
  EXPECT_NEAR(k_of_n_chain(3, 2, 3).steady_availability(), 1030000.0 / 1030301.0, 1e-12);
  EXPECT_NEAR(1.0 / k_of_n_chain(3, 2, 3).steady_failure_frequency(), 17171.683, 1e-3);
  EXPECT_NEAR(k_of_n_chain(3, 2, 1).steady_availability(), 0.999411996437048, 1e-12);
  EXPECT_NEAR(k_of_n_chain(2, 1, 1).steady_availability(), 5100.0 / 5101.0, 1e-12);
}

TEST(Accuracy, SingleExponentialComponent) {
  const auto model = single(pool("server", 1, 1), kYear, 4000);
  const RunResult r = simulate(model);
  const double exact =
      time_average([](double t) { return point_availability(kLambda, kMu, t); }, kYear);
  expect_within_4_se(r.availability, exact);
  expect_within_4_se(r.outages_per_year, kLambda * kYear * exact);
  // Without a detection delay or crew, each failure/repair cycle is exactly two events.
  EXPECT_EQ(r.events, static_cast<std::uint64_t>(2 * r.outages - r.outages_cut_at_horizon));
}

TEST(Accuracy, TwoOfThreeIndependentRepair) {
  const auto model = single(pool("quorum", 3, 2), kYear, 4000);
  const RunResult r = simulate(model);
  const auto chain = k_of_n_chain(3, 2, 3);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
  expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
}

TEST(Accuracy, TwoOfThreeSharedCrew) {
  auto model = single(pool("quorum", 3, 2), kYear, 4000);
  model.crews.push_back({"oncall", 1});
  model.components[0].crew = "oncall";
  const RunResult r = simulate(model);
  const auto chain = k_of_n_chain(3, 2, 1);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
  expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
}

TEST(Accuracy, OneOfTwoHotSharedCrew) {
  auto model = single(pool("pair", 2, 1), kYear, 20000);
  model.crews.push_back({"oncall", 1});
  model.components[0].crew = "oncall";
  const RunResult r = simulate(model);
  const auto chain = k_of_n_chain(2, 1, 1);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
  expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
}

TEST(Accuracy, ColdStandbyPairWithFailingSwitchover) {
  auto model = single(pool("db", 2, 1), kYear, 20000);
  model.components[0].standby.mode = models::StandbyMode::kCold;
  model.components[0].standby.switch_success = 0.9;
  const RunResult r = simulate(model);
  // States: 0 = active + idle, 1 = active + one in repair, 2 = both in repair.
  MarkovReference chain(3);
  chain.rate(0, 1, 0.9 * kLambda);
  chain.rate(0, 2, 0.1 * kLambda);
  chain.rate(1, 2, kLambda);
  chain.rate(1, 0, kMu);
  chain.rate(2, 1, 2 * kMu);
  chain.set_up(0, true);
  chain.set_up(1, true);
  chain.set_up(2, false);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
  expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
}

TEST(Accuracy, WarmStandbyWithSwitchoverDelayAndFailures) {
  // One active and one warm spare that can fail while idle; a switchover takes an exponential
  // 30 min and succeeds 90% of the time; a repair that ends during a switchover takes over at
  // once and the switched instance goes back to idle.
  const double dormant = 1.0 / 5000.0;
  const double sigma = 1.0 / 0.5;
  const double p = 0.9;
  auto model = single(pool("db", 2, 1), kYear, 20000);
  model.components[0].standby.mode = models::StandbyMode::kWarm;
  model.components[0].standby.dormant_failure = models::Exponential{5000.0};
  model.components[0].standby.switchover = models::Exponential{0.5};
  model.components[0].standby.switch_success = p;
  const RunResult r = simulate(model);
  // 0: active + idle spare; 1: active + one in repair; 2: both in repair;
  // 3: one in repair, spare switching (down); 4: repaired one active, spare still switching.
  MarkovReference chain(5);
  chain.rate(0, 3, kLambda);
  chain.rate(0, 1, dormant);
  chain.rate(1, 2, kLambda);
  chain.rate(1, 0, kMu);
  chain.rate(2, 1, 2 * kMu);
  chain.rate(3, 1, sigma * p);
  chain.rate(3, 2, sigma * (1 - p));
  chain.rate(3, 4, kMu);
  chain.rate(4, 0, sigma * p);
  chain.rate(4, 1, sigma * (1 - p));
  chain.rate(4, 3, kLambda);
  for (const int up : {0, 1, 4}) chain.set_up(up, true);
  for (const int down : {2, 3}) chain.set_up(down, false);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
  expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
}

TEST(Accuracy, DetectionDelay) {
  auto component = pool("server", 1, 1);
  component.detection = models::Exponential{5.0};
  const RunResult r = simulate(single(component, kYear, 4000));
  // States: 0 = up, 1 = failed and undetected, 2 = in repair.
  MarkovReference chain(3);
  chain.rate(0, 1, kLambda);
  chain.rate(1, 2, 1.0 / 5.0);
  chain.rate(2, 0, kMu);
  chain.set_up(0, true);
  chain.set_up(1, false);
  chain.set_up(2, false);
  EXPECT_NEAR(chain.steady_availability(), 1000.0 / 1015.0, 1e-12);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
}

TEST(Accuracy, SeriesThroughDependencies) {
  models::Model model = single(pool("web", 1, 1, 800.0, 2.0), kYear, 4000);
  model.components.push_back(pool("api", 1, 1, 1500.0, 5.0));
  model.components.push_back(pool("db", 1, 1, 3000.0, 12.0));
  model.dependencies = {depends("web", {"api"}), depends("api", {"db"})};
  const RunResult r = simulate(model);
  const double exact = time_average(
      [](double t) {
        return point_availability(1 / 800.0, 1 / 2.0, t) *
               point_availability(1 / 1500.0, 1 / 5.0, t) *
               point_availability(1 / 3000.0, 1 / 12.0, t);
      },
      kYear);
  expect_within_4_se(r.availability, exact);
  ASSERT_EQ(r.components.size(), 3U);
  // The web tier's service needs the whole chain: its service availability is the system's.
  EXPECT_NEAR(r.components[0].service_availability, r.availability.mean, 1e-12);
  double shares = 0.0;
  for (const auto& c : r.components) shares += c.downtime_share;
  EXPECT_NEAR(shares, 1.0, 1e-9);
}

TEST(Accuracy, ListDependencyOneOfTwo) {
  models::Model model = single(pool("service", 1, 1, 2000.0, 1.0), kYear, 4000);
  model.components.push_back(pool("db-eu", 1, 1, 300.0, 20.0));
  model.components.push_back(pool("db-us", 1, 1, 400.0, 30.0));
  model.dependencies = {depends("service", {"db-eu", "db-us"}, 1)};
  const RunResult r = simulate(model);
  const double exact = time_average(
      [](double t) {
        const double eu = point_availability(1 / 300.0, 1 / 20.0, t);
        const double us = point_availability(1 / 400.0, 1 / 30.0, t);
        return point_availability(1 / 2000.0, 1.0, t) * (1.0 - (1.0 - eu) * (1.0 - us));
      },
      kYear);
  expect_within_4_se(r.availability, exact);
}

models::Component weibull_lognormal_instance(std::string id, std::int64_t n, std::int64_t k) {
  models::Component c = pool(std::move(id), n, k);
  const double shape = 1.5;
  c.failure = models::Weibull{shape, 1000.0 / std::tgamma(1.0 + 1.0 / shape)};
  const double sigma = 0.5;
  c.repair = models::Lognormal{std::log(10.0) - sigma * sigma / 2.0, sigma};
  return c;
}

TEST(Accuracy, SingleInstanceOverOneYearMatchesTheIssueReference) {
  // The foundation issue's values for one instance (mtbf 1000 h, mttr 10 h, exponential) over
  // one year from new: E[A] and P(A < 0.99). The SLA probability is P(A >= 0.99).
  auto model = single(pool("box", 1, 1), kYear, 8000);
  model.target = 0.99;
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, 0.990110200495);
  ASSERT_TRUE(r.sla.has_value());
  const double p_met = 1.0 - 0.443571912557;
  const double se = std::sqrt(p_met * (1.0 - p_met) / 8000.0);
  EXPECT_LT(std::fabs(r.sla->probability_met - p_met), 4.0 * se)
      << r.sla->probability_met << " vs " << p_met;
}

}  // namespace
}  // namespace nines::engine

namespace nines::engine {
namespace {

TEST(Accuracy, NonExponentialTwoOfThreeReachesTheExponentialSteadyState) {
  // Insensitivity: with independent repair the steady state depends only on the means. The start
  // from all-new is negligible next to the standard error over a 200-year history.
  const auto model = testing::single(weibull_lognormal_instance("quorum", 3, 2), 200 * kYear, 500);
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, 1030000.0 / 1030301.0);
  ASSERT_TRUE(r.system_mtbf_hours.has_value());
  // Outage frequency too: 1 / 17171.683 h; the system MTBF's standard error follows from the
  // frequency's by the delta method.
  expect_within_4_se(r.outages_per_year, kYear / 17171.683);
  const double mtbf_se =
      kYear * r.outages_per_year.stderr_ / (r.outages_per_year.mean * r.outages_per_year.mean);
  EXPECT_LT(std::fabs(*r.system_mtbf_hours - 17171.683), 4.0 * mtbf_se) << *r.system_mtbf_hours;
}

}  // namespace
}  // namespace nines::engine
