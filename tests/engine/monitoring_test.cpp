// Monitoring coverage and inspections against exact answers derived here: one instance against
// the renewal closed form and its four-state chain (up -> caught or missed -> repair -> up), a
// 1-of-2 pool and a crew pair against chains built in the test, the mean time to detect and the
// missed-failure count against their means, and periodic inspections against a renewal argument.
// Seeds are fixed; tolerances are 4 standard errors (reported, or derived where stated).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "markov_reference.hpp"
#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

using testing::MarkovReference;
using testing::pool;
using testing::single;

constexpr double kYear = 8760.0;
// One instance: failures every 100 h, caught ones seen after 2 h, missed ones after 20 h,
// repairs of 10 h, all exponential; coverage 0.7.
constexpr double kMtbf = 100.0;
constexpr double kCaught = 2.0;
constexpr double kMissed = 20.0;
constexpr double kRepair = 10.0;
constexpr double kCoverage = 0.7;

models::Component monitored(std::string id, std::int64_t instances, std::int64_t min_up) {
  models::Component c = pool(std::move(id), instances, min_up, kMtbf, kRepair);
  c.detection = models::Exponential{kCaught};
  c.coverage = kCoverage;
  c.undetected = models::Exponential{kMissed};
  return c;
}

RunResult simulate(const models::Model& model) {
  RunOptions options;
  options.threads = 2;
  return run(model, options);
}

void expect_near_z(const char* what, double estimate, double exact, double stderr_) {
  ASSERT_GT(stderr_, 0.0);
  const double z = (estimate - exact) / stderr_;
  std::printf("    %-22s estimate %.10g  exact %.10g  stderr %.3g  z %+.2f\n", what, estimate,
              exact, stderr_, z);
  EXPECT_LT(std::fabs(z), 4.0) << what << ": estimate " << estimate << " +- " << stderr_
                               << ", exact " << exact << ", z = " << z;
}

void expect_within_4_se(const char* what, const Estimate& e, double exact) {
  expect_near_z(what, e.mean, exact, e.stderr_);
}

/// The per-instance chain: 0 up, 1 failed and caught, 2 failed and missed, 3 in repair.
MarkovReference four_state_cycle() {
  MarkovReference chain(4);
  chain.rate(0, 1, kCoverage / kMtbf);
  chain.rate(0, 2, (1.0 - kCoverage) / kMtbf);
  chain.rate(1, 3, 1.0 / kCaught);
  chain.rate(2, 3, 1.0 / kMissed);
  chain.rate(3, 0, 1.0 / kRepair);
  chain.set_up(0, true);
  for (int s = 1; s < 4; ++s) chain.set_up(s, false);
  return chain;
}

TEST(Monitoring, OneInstanceMatchesTheFourStateCycleOverAYear) {
  const RunResult r = simulate(single(monitored("db", 1, 1), kYear, 4000, 11));
  const MarkovReference chain = four_state_cycle();
  expect_within_4_se("availability", r.availability, chain.interval_availability(kYear));
  expect_within_4_se("outages/year", r.outages_per_year, chain.expected_failures(kYear));
  // Missed failures: a (1 - c) thinning of the failures, whose count per history has a variance
  // below its mean (a renewal count with cycle CV < 1), so sqrt(count) bounds its error.
  const double missed = *r.components[0].undetected_failures_per_year;
  const double count = missed * 4000.0;
  expect_near_z("undetected/year", missed, (1.0 - kCoverage) * chain.expected_failures(kYear),
                std::sqrt(count) / 4000.0);
}

TEST(Monitoring, OneInstanceReachesTheRenewalClosedForm) {
  // A = E[up] / (E[up] + c E[detection] + (1 - c) E[undetected] + E[repair]). Over 100 years the
  // start (up) biases the mean by at most (1 - A) x 1 / (slowest rate 1/20 h) / T = 4e-6, far
  // below the standard error (about 1.5e-4).
  const double horizon = 100.0 * kYear;
  const RunResult r = simulate(single(monitored("db", 1, 1), horizon, 400, 12));
  const double mttd = kCoverage * kCaught + (1.0 - kCoverage) * kMissed;
  const double cycle = kMtbf + mttd + kRepair;
  expect_within_4_se("availability", r.availability, kMtbf / cycle);
  EXPECT_NEAR(four_state_cycle().steady_availability(), kMtbf / cycle, 1e-12);

  // MTTD: the mean of a mixture of two exponentials, over N detections: standard error
  // sqrt(E[D^2] - E[D]^2) / sqrt(N), E[D^2] = c 2 m1^2 + (1 - c) 2 m2^2.
  const ComponentResult& c = r.components[0];
  const double failures = r.outages_per_year.mean * 400.0 * 100.0;
  const double second = kCoverage * 2 * kCaught * kCaught + (1 - kCoverage) * 2 * kMissed * kMissed;
  expect_near_z("MTTD hours", *c.mean_time_to_detect_hours, mttd,
                std::sqrt((second - mttd * mttd) / failures));
  // MTTR: exponential repairs with no crew, mean 10 h, standard error 10 / sqrt(N).
  expect_near_z("MTTR hours", *c.mean_time_to_repair_hours, kRepair, kRepair / std::sqrt(failures));
  // Missed failures per year: (1 - c) x 8760 / cycle in the long run.
  const double missed = *c.undetected_failures_per_year;
  expect_near_z("undetected/year", missed, (1.0 - kCoverage) * kYear / cycle,
                std::sqrt(missed * 400.0 * 100.0) / (400.0 * 100.0));
}

TEST(Monitoring, CoverageOneBesideUndetectedChangesNothing) {
  // No coin when c = 1: the same draws as a component without the keys.
  models::Component plain = pool("db", 2, 1, kMtbf, kRepair);
  plain.detection = models::Exponential{kCaught};
  models::Component full = plain;
  full.coverage = 1.0;
  full.undetected = models::Exponential{kMissed};
  const RunResult a = simulate(single(plain, kYear, 300, 13));
  const RunResult b = simulate(single(full, kYear, 300, 13));
  EXPECT_EQ(a.availability.mean, b.availability.mean);
  EXPECT_EQ(a.outages, b.outages);
  EXPECT_EQ(a.events, b.events);
  EXPECT_FALSE(a.components[0].undetected_failures_per_year.has_value());
  EXPECT_FALSE(b.components[0].undetected_failures_per_year.has_value());
  EXPECT_EQ(a.components[0].mean_time_to_detect_hours, b.components[0].mean_time_to_detect_hours);
}

/// Per-instance phases as in four_state_cycle, plus 4 (waiting for the crew).
enum Phase { kUp = 0, kCaughtPhase = 1, kMissedPhase = 2, kInRepair = 3, kWaiting = 4 };

/// The chain of two instances (state = 5 x phase0 + phase1), with or without a crew of one that
/// repairs first come first served. Only reachable states get transitions; the rest stay unused
/// with no rate (their steady probability is 0 since nothing enters them).
MarkovReference pair_chain(bool crew, int& states) {
  states = 25;
  MarkovReference chain(states);
  const auto index = [](int a, int b) { return 5 * a + b; };
  for (int a = 0; a < 5; ++a) {
    for (int b = 0; b < 5; ++b) {
      const int from = index(a, b);
      chain.set_up(from, a == kUp || b == kUp);
      const std::array<int, 2> phase{a, b};
      for (std::size_t i = 0; i < 2; ++i) {
        const int other = phase[1 - i];
        const auto to = [&](int mine, int theirs) {
          return i == 0 ? index(mine, theirs) : index(theirs, mine);
        };
        switch (phase[i]) {
          case kUp:
            chain.rate(from, to(kCaughtPhase, other), kCoverage / kMtbf);
            chain.rate(from, to(kMissedPhase, other), (1.0 - kCoverage) / kMtbf);
            break;
          case kCaughtPhase:
          case kMissedPhase: {
            const double rate = 1.0 / (phase[i] == kCaughtPhase ? kCaught : kMissed);
            const bool busy = crew && other == kInRepair;
            chain.rate(from, to(busy ? kWaiting : kInRepair, other), rate);
            break;
          }
          case kInRepair:
            chain.rate(from, to(kUp, other == kWaiting ? kInRepair : other), 1.0 / kRepair);
            break;
          default:
            break;  // waiting: moves when the other's repair ends
        }
      }
    }
  }
  return chain;
}

TEST(Monitoring, OneOfTwoPoolMatchesItsChain) {
  int states = 0;
  const MarkovReference chain = pair_chain(false, states);
  const RunResult r = simulate(single(monitored("db", 2, 1), kYear, 6000, 14));
  expect_within_4_se("availability", r.availability, chain.interval_availability(kYear));
  expect_within_4_se("outages/year", r.outages_per_year, chain.expected_failures(kYear));
}

TEST(Monitoring, CrewPairMatchesItsChain) {
  int states = 0;
  const MarkovReference chain = pair_chain(true, states);
  models::Model model = single(monitored("db", 2, 1), kYear, 6000, 15);
  model.components[0].crew = "ops";
  model.crews.push_back({"ops", 1});
  const RunResult r = simulate(model);
  expect_within_4_se("availability", r.availability, chain.interval_availability(kYear));
  expect_within_4_se("outages/year", r.outages_per_year, chain.expected_failures(kYear));
}

TEST(Monitoring, DailyInspectionsWithNoCoverageMatchTheRenewalArgument) {
  // One instance, coverage 0, failures exponential (mean m), inspections every D, a fixed repair
  // r < D. A missed failure is found at an inspection k D and repaired by k D + r, so every life
  // after the first starts at phase r: cycles are independent, each lasting
  // D x (floor((r + X) / D) + 1) for an up time X. With q = exp(-D / m),
  // E[floor((r + X) / D)] = sum_k>=1 P(X >= k D - r) = exp(r / m) q / (1 - q), and the long-run
  // availability is m / (D (1 + exp(r / m) q / (1 - q))).
  const double m = 100.0;
  const double every = 24.0;
  const double r = 4.0;
  models::Component c = pool("db", 1, 1, m, 1.0);
  c.repair = models::Fixed{r};
  c.coverage = 0.0;
  c.inspections = models::Inspections{every};
  // The first cycle starts at phase 0, not r: over 100 years that moves the mean by at most
  // D / T = 3e-5, below a tenth of the standard error.
  const double horizon = 100.0 * kYear;
  const RunResult result = simulate(single(c, horizon, 400, 16));
  const double q = std::exp(-every / m);
  const double cycle = every * (1.0 + std::exp(r / m) * q / (1.0 - q));
  expect_within_4_se("availability", result.availability, m / cycle);
  // Every failure is missed: one per cycle.
  const double missed = *result.components[0].undetected_failures_per_year;
  expect_near_z("undetected/year", missed, kYear / cycle,
                std::sqrt(missed * 400.0 * 100.0) / (400.0 * 100.0));
  // Repairs are fixed: the mean time to repair is exactly r (up to rounding).
  EXPECT_NEAR(*result.components[0].mean_time_to_repair_hours, r, 1e-9);
}

TEST(Monitoring, DailyInspectionsOverOneYearMatchARecursionOverIntervals) {
  // The same instance over one year of 365 whole days. At each inspection k D it is either up
  // (probability p_k; memoryless) or found failed and in repair until k D + r. Over the day:
  // from up, up for E[min(X, D)] = (1 - exp(-D / m)) m and still up at the next inspection with
  // probability exp(-D / m); from repair, up from r on for (1 - exp(-(D - r) / m)) m and still up
  // with probability exp(-(D - r) / m). p_0 = 1. Every failure is missed: the failures of the day
  // are 1 minus those probabilities.
  const double m = 100.0;
  const double every = 24.0;
  const double r = 4.0;
  models::Component c = pool("db", 1, 1, m, 1.0);
  c.repair = models::Fixed{r};
  c.coverage = 0.0;
  c.inspections = models::Inspections{every};
  const RunResult result = simulate(single(c, kYear, 20000, 17));
  const double stay_up = std::exp(-every / m);
  const double stay_up_after_repair = std::exp(-(every - r) / m);
  double p = 1.0;
  double up_hours = 0.0;
  double failures = 0.0;
  for (int day = 0; day < 365; ++day) {
    up_hours += p * (1.0 - stay_up) * m + (1.0 - p) * (1.0 - stay_up_after_repair) * m;
    failures += p * (1.0 - stay_up) + (1.0 - p) * (1.0 - stay_up_after_repair);
    p = p * stay_up + (1.0 - p) * stay_up_after_repair;
  }
  expect_within_4_se("availability", result.availability, up_hours / kYear);
  expect_within_4_se("outages/year", result.outages_per_year, failures);
  const double missed = *result.components[0].undetected_failures_per_year;
  EXPECT_EQ(missed, result.outages_per_year.mean);  // one missed failure per outage
}

}  // namespace
}  // namespace nines::engine
