// The simulator against `nines analyze` on a timed failover between pools (several instances, a
// detection delay, manual and automatic failback): within 4 standard errors of the exact horizon
// values. The hand-derived chain of the one-instance case is in failover_test.cpp and
// tests/analysis/failover_analysis_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "exact_checks.hpp"
#include "model_builders.hpp"
#include "nines/analysis/system_analysis.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

using testing::pool;

using testing::expect_within_4_se;

TEST(FailoverCrossCheck, PoolsWithDetectionAgreeWithTheExactChain) {
  for (const bool automatic : {true, false}) {
    models::Component app = pool("app", 1, 1);
    app.failure = models::Never{};
    app.repair = models::Fixed{0.0};
    models::Model m = testing::single(app, 3000.0, 6000, automatic ? 31 : 32);
    models::Component a = pool("a", 3, 2, 40.0, 6.0);
    a.detection = models::Exponential{0.5};
    m.components.push_back(a);
    m.components.push_back(pool("b", 2, 1, 30.0, 8.0));
    m.components.push_back(pool("c", 1, 1, 60.0, 4.0));
    models::Dependency d = testing::depends("app", {"a", "b", "c"}, 1);
    models::Failover failover;
    failover.time = models::Exponential{1.5};
    failover.success = 0.9;
    failover.failback = automatic ? models::Failback::kAutomatic : models::Failback::kManual;
    d.failover = failover;
    m.dependencies.push_back(d);
    const analysis::Analysis exact = analysis::analyze(m);
    ASSERT_TRUE(exact.horizon_availability);
    RunOptions options;
    options.threads = 2;
    const RunResult r = run(m, options);
    std::printf("  %s failback\n", automatic ? "automatic" : "manual");
    expect_within_4_se(r.availability, *exact.horizon_availability);
    ASSERT_TRUE(exact.horizon_outages_per_year);
    expect_within_4_se(r.outages_per_year, *exact.horizon_outages_per_year);
  }
}

}  // namespace
}  // namespace nines::engine
