// Timed failover of a list dependency against answers derived by hand: a small Markov chain for
// exponential laws, and fixed-time timelines worked out on paper.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "batch_check.hpp"
#include "markov_reference.hpp"
#include "model_builders.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {
namespace {

using testing::pool;

/// An entry `app` that fails only past the horizon, depending on targets `a` and `b` through one
/// list row with min_up 1 and the given failover.
models::Model two_targets(models::Component a, models::Component b, models::Failover failover,
                          double horizon_hours, std::int64_t replications) {
  models::Component app = pool("app", 1, 1);
  app.failure = models::Fixed{10.0 * horizon_hours};
  app.repair = models::Fixed{1.0};
  models::Model m = testing::single(app, horizon_hours, replications, 7);
  m.components.push_back(std::move(a));
  m.components.push_back(std::move(b));
  models::Dependency d = testing::depends("app", {"a", "b"}, 1);
  d.failover = failover;
  m.dependencies.push_back(d);
  return m;
}

models::Component fixed_unit(std::string id, double fails_at, double repair) {
  models::Component c = pool(std::move(id), 1, 1);
  c.failure = models::Fixed{fails_at};
  c.repair = models::Fixed{repair};
  return c;
}

RunOptions two_threads() {
  RunOptions options;
  options.threads = 2;
  return options;
}

/// The chain of two one-instance targets A, B (failure rates la, lb, repair rate m) and the target
/// in use u. A failover runs exactly while the target in use is down and the other is up, and
/// with an exponential time (rate f) and success p it ends in a switch at rate f p (a failed
/// attempt starts another at once). Automatic failback: in use B with both up does not last, A
/// takes over at once. State (a, b, u) as a + 2 b + 4 u; up while the target in use is up.
testing::MarkovReference failover_chain(double la, double lb, double m, double f, double p,
                                        bool automatic) {
  testing::MarkovReference chain(8);
  const auto index = [](int a, int b, int u) { return a + 2 * b + 4 * u; };
  // Starting state 0 must be (A up, B up, in use A): relabel so that it is index 0.
  const auto label = [&](int a, int b, int u) { return index(1 - a, 1 - b, u); };
  for (int a = 0; a <= 1; ++a) {
    for (int b = 0; b <= 1; ++b) {
      for (int u = 0; u <= 1; ++u) {
        const int from = label(a, b, u);
        const auto settle = [&](int a2, int b2, int u2) {
          if (automatic && u2 == 1 && a2 == 1 && b2 == 1) u2 = 0;
          return label(a2, b2, u2);
        };
        chain.rate(from, settle(1 - a, b, u), a == 1 ? la : m);
        chain.rate(from, settle(a, 1 - b, u), b == 1 ? lb : m);
        const bool in_use_up = (u == 0 ? a : b) == 1;
        const bool other_up = (u == 0 ? b : a) == 1;
        if (!in_use_up && other_up) chain.rate(from, settle(a, b, 1 - u), f * p);
        chain.set_up(from, in_use_up);
      }
    }
  }
  return chain;
}

TEST(Failover, ExponentialFailoverMatchesItsMarkovChain) {
  constexpr double kMtbf = 50.0;
  constexpr double kMtbfB = 20.0;  // a weaker second target: failback matters
  constexpr double kMttr = 10.0;
  constexpr double kTime = 2.0;
  constexpr double kSuccess = 0.7;
  constexpr double kHorizon = 2000.0;
  for (const bool automatic : {true, false}) {
    models::Failover failover;
    failover.time = models::Exponential{kTime};
    failover.success = kSuccess;
    failover.failback = automatic ? models::Failback::kAutomatic : models::Failback::kManual;
    const models::Model m = two_targets(pool("a", 1, 1, kMtbf, kMttr),
                                        pool("b", 1, 1, kMtbfB, kMttr), failover, kHorizon, 4000);
    const RunResult r = run(m, two_threads());
    const testing::MarkovReference chain =
        failover_chain(1.0 / kMtbf, 1.0 / kMtbfB, 1.0 / kMttr, 1.0 / kTime, kSuccess, automatic);
    const double exact = chain.interval_availability(kHorizon);
    std::printf("failover %s: simulated %.6f +- %.6f, exact %.6f\n",
                automatic ? "automatic" : "manual", r.availability.mean, r.availability.stderr_,
                exact);
    EXPECT_NEAR(r.availability.mean, exact, 4.0 * r.availability.stderr_)
        << (automatic ? "automatic" : "manual") << ": exact " << exact << ", stderr "
        << r.availability.stderr_;
    const double exact_outages = chain.expected_failures(kHorizon) / kHorizon * 8760.0;
    EXPECT_NEAR(r.outages_per_year.mean, exact_outages, 4.0 * r.outages_per_year.stderr_)
        << (automatic ? "automatic" : "manual");
  }
}

TEST(Failover, InstantSemanticsWithoutFailoverAreUnchanged) {
  // Without `failover`, a 1-of-2 list is up while either target is: far more available than
  // with a failover that takes time.
  models::Model m =
      two_targets(pool("a", 1, 1, 50.0, 10.0), pool("b", 1, 1, 50.0, 10.0), {}, 2000.0, 2000);
  m.dependencies[0].failover.reset();
  const RunResult instant = run(m, two_threads());
  // Two independent units, up while either is: states a + 2 b (1 = down), 3 is the down one.
  testing::MarkovReference chain(4);
  for (int s = 0; s < 4; ++s) {
    chain.rate(s, s ^ 1, (s & 1) == 0 ? 1.0 / 50.0 : 1.0 / 10.0);
    chain.rate(s, s ^ 2, (s & 2) == 0 ? 1.0 / 50.0 : 1.0 / 10.0);
    chain.set_up(s, s != 3);
  }
  const double exact = chain.interval_availability(2000.0);
  EXPECT_NEAR(instant.availability.mean, exact, 4.0 * instant.availability.stderr_);
}

/// Availability and outages of the fixed-time model over one replication (all draws fixed).
RunResult run_fixed(const models::Model& m) { return run(m, two_threads()); }

TEST(Failover, FixedTimesWorkedByHandWithAutomaticFailback) {
  // Fixed laws renew: A is down 100 h .. 150 h and from 250 h, B is down 200 h .. 250 h.
  // 100 h: A goes down, B is up: the failover runs 5 h, outage 100 h .. 105 h. 150 h: A is back
  // and automatic failback puts it in use, without interruption. 200 h: B (not in use) goes
  // down: nothing. 250 h: B's repair ends (a comeback comes first), then A fails: a failover to
  // B, outage 250 h .. 255 h. 10 h down and two outages per replication.
  models::Failover failover;
  failover.time = models::Fixed{5.0};
  const models::Model m =
      two_targets(fixed_unit("a", 100.0, 50.0), fixed_unit("b", 200.0, 50.0), failover, 300.0, 3);
  const RunResult r = run_fixed(m);
  EXPECT_DOUBLE_EQ(r.availability.mean, 1.0 - 10.0 / 300.0);
  EXPECT_EQ(r.outages, 6);
}

TEST(Failover, FixedTimesWorkedByHandWithManualFailback) {
  // As above, but B stays in use after 105 h: its failure at 200 h starts a failover back to A
  // (up since 150 h), outage 200 h .. 205 h; at 250 h A, now in use, fails as B comes back:
  // outage 250 h .. 255 h. 15 h down and three outages per replication.
  models::Failover failover;
  failover.time = models::Fixed{5.0};
  failover.failback = models::Failback::kManual;
  const models::Model m =
      two_targets(fixed_unit("a", 100.0, 50.0), fixed_unit("b", 200.0, 50.0), failover, 300.0, 3);
  const RunResult r = run_fixed(m);
  EXPECT_DOUBLE_EQ(r.availability.mean, 1.0 - 15.0 / 300.0);
  EXPECT_EQ(r.outages, 9);
}

TEST(Failover, AbandonedWhenTheTargetInUseComesBackFirst) {
  // Horizon 200 h. A is down 100 h .. 102 h; the failover would take 5 h: abandoned at 102 h,
  // so the outage is 2 h and A stays in use (manual failback): B's failure at 150 h then costs
  // nothing. Had the failover completed, B would be in use and that failure an outage.
  models::Failover failover;
  failover.time = models::Fixed{5.0};
  failover.failback = models::Failback::kManual;
  const models::Model m =
      two_targets(fixed_unit("a", 100.0, 2.0), fixed_unit("b", 150.0, 50.0), failover, 200.0, 2);
  const RunResult r = run_fixed(m);
  EXPECT_DOUBLE_EQ(r.availability.mean, 1.0 - 2.0 / 200.0);
  EXPECT_EQ(r.outages, 2);
}

TEST(Failover, FailedAttemptsRetryAtOnceAndTheRootCauseIsTheTarget) {
  // Horizon 200 h. Success 0: the failover never completes, so the outage lasts until A is
  // repaired (100 h .. 150 h), charged to A (A fails next at 250 h, past the horizon).
  models::Failover failover;
  failover.time = models::Fixed{5.0};
  failover.success = 0.0;
  const models::Model m =
      two_targets(fixed_unit("a", 100.0, 50.0), fixed_unit("b", 1000.0, 50.0), failover, 200.0, 2);
  const RunResult r = run_fixed(m);
  EXPECT_DOUBLE_EQ(r.availability.mean, 1.0 - 50.0 / 200.0);
  bool charged_to_a = false;
  for (const auto& cause : r.causes) {
    if (cause.id == "a") charged_to_a = cause.outages_caused == 2;
  }
  EXPECT_TRUE(charged_to_a);
}

TEST(Failover, IncrementalStateMatchesTheFullCheckAfterEveryBatch) {
  models::Failover failover;
  failover.time = models::Exponential{1.0};
  failover.success = 0.8;
  for (const bool automatic : {true, false}) {
    failover.failback = automatic ? models::Failback::kAutomatic : models::Failback::kManual;
    models::Model m =
        two_targets(pool("a", 2, 1, 20.0, 5.0), pool("b", 1, 1, 20.0, 5.0), failover, 2000.0, 5);
    m.components.push_back(pool("c", 1, 1, 30.0, 3.0));
    m.dependencies[0].to.push_back("c");
    m.dependencies.push_back(testing::depends("b", {"c"}));
    testing::run_checking_every_batch(compile(m), 5);
  }
}

}  // namespace
}  // namespace nines::engine
