// The simulator against exact answers beyond the basic cases: standby with two spares, cold
// standby with a switchover delay, crews of two and three (chains built here by hand or solved by
// `nines analyze`), and full simulations with gamma, normal, uniform and empirical laws against
// the long-run steady state. Tolerances are 4 reported standard errors, seeds fixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "markov_reference.hpp"
#include "model_builders.hpp"
#include "nines/analysis/system_analysis.hpp"
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

TEST(StandbyCrewReference, ColdStandbyWithTwoSparesIsABirthDeathChain) {
  // One active, two cold spares, instant switchover: only the active fails (rate lambda while
  // any instance is up), each failed instance in its own repair. State = instances failed.
  auto model = single(pool("db", 3, 1, 100.0, 50.0), kYear, 8000, 31);
  model.components[0].standby.mode = models::StandbyMode::kCold;
  const double lambda = 1.0 / 100.0;
  const double mu = 1.0 / 50.0;
  MarkovReference chain(4);
  for (int failed = 0; failed <= 3; ++failed) {
    if (failed < 3) chain.rate(failed, failed + 1, lambda);
    if (failed > 0) chain.rate(failed, failed - 1, failed * mu);
    chain.set_up(failed, failed < 3);
  }
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
  expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
}

TEST(StandbyCrewReference, ColdStandbyPairWithASwitchoverDelay) {
  // One active, one cold spare, switchover exponential with mean 2 h succeeding 95% of the time.
  // 0: active + idle; 1: active + one in repair; 2: both in repair; 3: one in repair, the spare
  // switching (down); 4: the repaired one active, the spare still switching (it returns idle).
  const double sigma = 1.0 / 2.0;
  const double p = 0.95;
  auto model = single(pool("db", 2, 1, 200.0, 20.0), kYear, 8000, 32);
  model.components[0].standby.mode = models::StandbyMode::kCold;
  model.components[0].standby.switchover = models::Exponential{2.0};
  model.components[0].standby.switch_success = p;
  const double lambda = 1.0 / 200.0;
  const double mu = 1.0 / 20.0;
  MarkovReference chain(5);
  chain.rate(0, 3, lambda);
  chain.rate(1, 2, lambda);
  chain.rate(1, 0, mu);
  chain.rate(2, 1, 2 * mu);
  chain.rate(3, 1, sigma * p);
  chain.rate(3, 2, sigma * (1 - p));
  chain.rate(3, 4, mu);
  chain.rate(4, 0, sigma * p);
  chain.rate(4, 1, sigma * (1 - p));
  chain.rate(4, 3, lambda);
  for (const int up : {0, 1, 4}) chain.set_up(up, true);
  for (const int down : {2, 3}) chain.set_up(down, false);
  // The analysis chain follows the same rules: both must agree with the hand-built one.
  const analysis::Analysis exact = analysis::analyze(model);
  EXPECT_NEAR(exact.availability, chain.steady_availability(), 1e-12);
  ASSERT_TRUE(exact.horizon_availability.has_value());
  EXPECT_NEAR(*exact.horizon_availability, chain.interval_availability(kYear), 1e-9);
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, chain.interval_availability(kYear));
  expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
}

TEST(StandbyCrewReference, WarmStandbyWithTwoSparesAndSwitchoverAgainstAnalyze) {
  // Beyond a hand-written chain: two warm spares that fail while idle, a switchover delay that
  // sometimes fails, one repairer. The analysis chain's transient is the reference.
  auto model = single(pool("db", 3, 1, 150.0, 15.0), kYear, 6000, 33);
  auto& standby = model.components[0].standby;
  standby.mode = models::StandbyMode::kWarm;
  standby.dormant_failure = models::Exponential{600.0};
  standby.switchover = models::Exponential{1.0};
  standby.switch_success = 0.9;
  model.crews.push_back({"oncall", 1});
  model.components[0].crew = "oncall";
  const analysis::Analysis exact = analysis::analyze(model);
  ASSERT_TRUE(exact.horizon_availability.has_value()) << exact.horizon_note;
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, *exact.horizon_availability);
  expect_within_4_se(r.outages_per_year, *exact.horizon_outages_per_year);
}

TEST(StandbyCrewReference, WarmStandbyWithPoorCoverageAgainstAnalyze) {
  // The same warm pool with monitoring that catches 60% of failures, active or dormant, after
  // 30 min and misses the rest for 12 h: the analysis chain splits the undetected state.
  auto model = single(pool("db", 3, 1, 150.0, 15.0), kYear, 6000, 34);
  auto& db = model.components[0];
  db.standby.mode = models::StandbyMode::kWarm;
  db.standby.dormant_failure = models::Exponential{600.0};
  db.standby.switchover = models::Exponential{1.0};
  db.standby.switch_success = 0.9;
  db.detection = models::Exponential{0.5};
  db.coverage = 0.6;
  db.undetected = models::Exponential{12.0};
  model.crews.push_back({"oncall", 1});
  db.crew = "oncall";
  const analysis::Analysis exact = analysis::analyze(model);
  ASSERT_TRUE(exact.horizon_availability.has_value()) << exact.horizon_note;
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, *exact.horizon_availability);
  expect_within_4_se(r.outages_per_year, *exact.horizon_outages_per_year);
}

/// A k-of-n hot pool repaired by `crew` repairers at a time: state = instances failed.
MarkovReference crew_chain(int n, int k, int crew, double lambda, double mu) {
  MarkovReference chain(n + 1);
  for (int failed = 0; failed <= n; ++failed) {
    if (failed < n) chain.rate(failed, failed + 1, (n - failed) * lambda);
    if (failed > 0) chain.rate(failed, failed - 1, std::min(failed, crew) * mu);
    chain.set_up(failed, n - failed >= k);
  }
  return chain;
}

TEST(StandbyCrewReference, CrewsOfTwoAndThree) {
  for (const int crew : {2, 3}) {
    // 3 of 6 with slow repairs, so that the crew's size matters.
    auto model = single(pool("quorum", 6, 3, 100.0, 60.0), kYear, 4000,
                        static_cast<std::uint64_t>(34 + crew));
    model.crews.push_back({"oncall", crew});
    model.components[0].crew = "oncall";
    const MarkovReference chain = crew_chain(6, 3, crew, 1.0 / 100.0, 1.0 / 60.0);
    const analysis::Analysis exact = analysis::analyze(model);
    EXPECT_NEAR(exact.availability, chain.steady_availability(), 1e-12) << crew;
    const RunResult r = simulate(model);
    expect_within_4_se(r.availability, chain.interval_availability(kYear));
    expect_within_4_se(r.outages_per_year, chain.expected_failures(kYear));
  }
}

TEST(StandbyCrewReference, CrewOfTwoSharedByTwoPools) {
  // Two pools sharing two repairers: the analysis chain is checked against the simulation.
  models::Model model = single(pool("web", 3, 2, 200.0, 30.0), kYear, 4000, 38);
  model.components.push_back(pool("db", 2, 1, 300.0, 40.0));
  model.dependencies = {depends("web", {"db"})};
  model.crews.push_back({"oncall", 2});
  for (auto& c : model.components) c.crew = "oncall";
  const analysis::Analysis exact = analysis::analyze(model);
  ASSERT_TRUE(exact.horizon_availability.has_value()) << exact.horizon_note;
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, *exact.horizon_availability);
  expect_within_4_se(r.outages_per_year, *exact.horizon_outages_per_year);
}

TEST(StandbyCrewReference, GammaNormalUniformAndEmpiricalLawsReachTheSteadyState) {
  // Independent pools depend on the laws' means only in the long run (insensitivity). Over a
  // 200-year history the start from all-new is far below the standard error.
  models::Model model = single(pool("web", 3, 2), 200 * kYear, 400, 39);
  model.components[0].failure = models::Gamma{2.5, 200.0 / 2.5};  // mean 200 h
  model.components[0].repair = models::Uniform{5.0, 35.0};        // mean 20 h
  models::Component db = pool("db", 1, 1);
  db.failure = models::Normal{800.0, 200.0};             // mean 800 h
  db.repair = models::Empirical{{2.0, 4.0, 9.0, 25.0}};  // mean 10 h
  model.components.push_back(db);
  model.dependencies = {depends("web", {"db"})};
  const double p = 200.0 / 220.0;
  // The normal law is truncated at 0: its mean is m + s phi(m/s) / Phi(m/s).
  const double a = 800.0 / 200.0;
  const double phi = std::exp(-a * a / 2.0) / std::sqrt(2.0 * std::numbers::pi);
  const double big_phi = 0.5 * std::erfc(-a / std::sqrt(2.0));
  const double db_up = 800.0 + 200.0 * phi / big_phi;
  const double steady = (p * p * p + 3 * p * p * (1 - p)) * db_up / (db_up + 10.0);
  const analysis::Analysis exact = analysis::analyze(model);
  EXPECT_NEAR(exact.availability, steady, 1e-14);
  EXPECT_FALSE(exact.horizon_availability.has_value());
  const RunResult r = simulate(model);
  expect_within_4_se(r.availability, steady);
  expect_within_4_se(r.outages_per_year, exact.outages_per_year);
}

}  // namespace
}  // namespace nines::engine
