// Flow mode in the event loop (issue 11): a capacity serves part of the demand, a rate limit
// rejects part of the load, and the served share sigma decides up, down and degraded. Hand-worked
// timelines with fixed laws and injections, and steady-state figures of independent instances
// against their binomial closed forms (tolerances from the reported standard errors).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "batch_check.hpp"
#include "model_builders.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/replication_simulator.hpp"
#include "nines/engine/summary.hpp"
#include "nines/engine/trace_run.hpp"

namespace nines::engine {
namespace {

RunOptions threads(int count) {
  RunOptions options;
  options.threads = count;
  return options;
}

models::Load constant_load(double rps) {
  models::Load l;
  l.rps = rps;
  return l;
}

/// Three servers of 400 rps under 1000 rps that never fail, over `horizon` hours.
models::Model three_servers(double horizon, std::int64_t replications = 2) {
  models::Component web = testing::pool("web", 3, 1);
  web.failure = models::Never{};
  web.capacity_rps = 400.0;
  models::Model m = testing::single(web, horizon, replications);
  m.load = constant_load(1000.0);
  return m;
}

TEST(FlowMode, OneServerOutLeavesTheOthersSaturatedAndTheSystemDegraded) {
  // Injected: one server out over [10, 12.5): 800 of 1000 rps served, sigma 0.8, above
  // outage_below (0.5), below degraded_below (0.99).
  models::Model m = three_servers(100.0);
  m.inject.push_back(testing::inject_component("web", 10.0, 1, 2.5));
  const RunResult r = run(m, threads(1));
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_EQ(r.outages, 0);
  ASSERT_TRUE(r.requests.has_value());
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.2 * 2.5 / 100.0, 1e-14);
  const double years = 100.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 2.5 / years, 1e-9);
  EXPECT_NEAR(r.requests->failed_per_year, 0.2 * 1000.0 * 3600.0 * 2.5 / years, 1e-3);
  EXPECT_EQ(r.requests->rejected_per_year, 0.0);
  // web: 1000 / 1200 for 97.5 h, saturated for 2.5 h; its success 0.8 is above outage_below.
  ASSERT_TRUE(r.components[0].utilisation.has_value());
  EXPECT_NEAR(*r.components[0].utilisation, (97.5 * 1000.0 / 1200.0 + 2.5) / 100.0, 1e-12);
  EXPECT_EQ(r.components[0].service_availability, 1.0);
  // The initial evaluation and one per batch (the injection's start and end).
  EXPECT_EQ(r.flow_evaluations, 2u * 3u);
  EXPECT_EQ(r.flow_not_converged, 0u);
}

TEST(FlowMode, TwoServersOutIsAnOutageCausedByTheInjection) {
  // Two out over [10, 12.5): 400 of 1000, sigma 0.4 < 0.5: down, and failing 60 % of requests.
  models::Model m = three_servers(100.0);
  m.inject.push_back(testing::inject_component("web", 10.0, 2, 2.5));
  const RunResult r = run(m, threads(2));
  EXPECT_NEAR(r.availability.mean, 1.0 - 2.5 / 100.0, 1e-15);
  EXPECT_EQ(r.outages, 2);  // one per replication
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.6 * 2.5 / 100.0, 1e-14);
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].kind, "inject");
  EXPECT_NEAR(r.components[0].service_availability, 1.0 - 2.5 / 100.0, 1e-14);
}

TEST(FlowMode, ARateLimitRejectsTheExcessAtOnce) {
  // 1000 rps offered, 900 admitted: 10 % rejected all the time; the servers have room.
  models::Model m = three_servers(50.0);
  m.load->limit_rps = 900.0;
  const RunResult r = run(m, threads(1));
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_NEAR(r.requests->availability.mean, 0.9, 1e-14);
  EXPECT_NEAR(r.requests->rejected_per_year, 0.1 * 1000.0 * 3600.0 * models::kHoursPerYear, 1e-3);
  EXPECT_NEAR(r.requests->failed_per_year, r.requests->rejected_per_year, 1e-3);
  // Degraded throughout: 0.9 is below degraded_below 0.99.
  EXPECT_NEAR(r.degraded_hours_per_year->mean, models::kHoursPerYear, 1e-9);
}

TEST(FlowMode, LoadStepsAreEventsAndALoadStepCanBeginAnOutage) {
  // An hourly profile of 1.0, with 2.5 at 18:00 and 3.0 at 19:00, on 300 rps: 300, 750 and
  // 900 rps. Two servers of 400, one injected out over [17, 22): 400 serves 750 at sigma 0.533
  // (up, degraded) and 900 at 0.444 (down): the load step at 19:00 begins the outage.
  models::Component web = testing::pool("web", 2, 1);
  web.failure = models::Never{};
  web.capacity_rps = 400.0;
  models::Model m = testing::single(web, 24.0, 1);
  models::Load l = constant_load(300.0);
  l.profile.type = models::LoadProfile::Type::kHourly;
  l.profile.values.assign(24, 1.0);
  l.profile.values[18] = 2.5;
  l.profile.values[19] = 3.0;
  m.load = l;
  m.inject.push_back(testing::inject_component("web", 17.0, 1, 5.0));
  const RunResult r = run(m, threads(1));
  // Down over [19, 20) only: 1 h of 24.
  EXPECT_NEAR(r.availability.mean, 1.0 - 1.0 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 1);
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].kind, "load");
  EXPECT_TRUE(r.causes[0].id.empty());
  // Events: the injection's start and end, and load steps at 18, 19 and 20.
  EXPECT_EQ(r.events, 5u);
  // Offered (in rps-hours): 22 x 300 + 750 + 900 = 8250; failed: 350 at 18:00, 500 at 19:00.
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 850.0 / 8250.0, 1e-14);
  // Degraded: sigma below 0.99 over [18, 20).
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 2.0 * models::kHoursPerYear / 24.0, 1e-9);
}

TEST(FlowMode, SaturatedCallsWithRetriesServeTheClosedForm) {
  // A front of unlimited capacity calls a back end of 2 x 100 rps with 3 retries under 500 rps:
  // the back end's success s = 1 - (1 - 200/500)^(1/4), the front's 1 - (1 - s)^4 = 0.4.
  models::Component front = testing::pool("front", 1, 1);
  front.failure = models::Never{};
  models::Component back = testing::pool("back", 2, 1);
  back.failure = models::Never{};
  back.capacity_rps = 100.0;
  models::Model m = testing::single(front, 10.0, 1);
  m.components.push_back(back);
  models::Dependency d = testing::depends("front", {"back"});
  d.retries = 3;
  m.dependencies.push_back(d);
  m.load = constant_load(500.0);
  const RunResult r = run(m, threads(1));
  EXPECT_NEAR(r.requests->availability.mean, 0.4, 1e-12);
  EXPECT_EQ(r.availability.mean, 0.0);  // 0.4 < outage_below: down from the start
  EXPECT_EQ(r.outages, 1);
  EXPECT_EQ(r.causes[0].kind, "load");
}

/// Steady state of three independent servers (mtbf 500 h, mttr 24 h, exponential) of 400 rps
/// under 1000 rps: up while two or three serve; sigma 1, 0.8, 0.4, 0 with 3, 2, 1, 0.
TEST(FlowMode, IndependentServersMatchTheBinomialClosedForm) {
  models::Component web = testing::pool("web", 3, 1, 500.0, 24.0);
  web.capacity_rps = 400.0;
  models::Model m = testing::single(web, 20.0 * models::kHoursPerYear, 200, 5);
  m.load = constant_load(1000.0);
  const RunResult r = run(m, threads(2));
  const double a = 500.0 / 524.0;
  const double p3 = a * a * a;
  const double p2 = 3.0 * a * a * (1.0 - a);
  const double p1 = 3.0 * a * (1.0 - a) * (1.0 - a);
  const auto near = [](const Estimate& e, double exact, const char* what) {
    EXPECT_LE(std::fabs(e.mean - exact), 4.0 * e.stderr_ + 1e-12)
        << what << ": " << e.mean << " vs " << exact << " (stderr " << e.stderr_ << ")";
  };
  near(r.availability, p3 + p2, "availability");
  near(r.requests->availability, p3 + 0.8 * p2 + 0.4 * p1, "request availability");
  near(*r.degraded_hours_per_year, (1.0 - p3) * models::kHoursPerYear, "degraded hours");
  const double serving = 1.0 - (1.0 - a) * (1.0 - a) * (1.0 - a);
  ASSERT_TRUE(r.components[0].utilisation.has_value());
  EXPECT_NEAR(*r.components[0].utilisation, (p3 * 1000.0 / 1200.0 + (serving - p3)) / serving,
              0.002);
}

TEST(FlowMode, FiguresDoNotDependOnThreads) {
  models::Component web = testing::pool("web", 3, 1, 500.0, 24.0);
  web.capacity_rps = 400.0;
  models::Model m = testing::single(web, models::kHoursPerYear, 64, 9);
  m.load = constant_load(1000.0);
  m.load->profile.type = models::LoadProfile::Type::kDiurnal;
  m.load->profile.peak_to_mean = 1.5;
  const RunResult one = run(m, threads(1));
  const RunResult two = run(m, threads(2));
  EXPECT_EQ(one.availability.mean, two.availability.mean);
  EXPECT_EQ(one.requests->availability.mean, two.requests->availability.mean);
  EXPECT_EQ(one.requests->failed_per_year, two.requests->failed_per_year);
  EXPECT_EQ(one.degraded_hours_per_year->mean, two.degraded_hours_per_year->mean);
  EXPECT_EQ(*one.components[0].utilisation, *two.components[0].utilisation);
  EXPECT_EQ(one.events, two.events);
  EXPECT_EQ(one.flow_evaluations, two.flow_evaluations);
}

TEST(FlowMode, TwoOverloadedServersCrashTogetherAndComeBackWithTheThird) {
  // One of three servers (400 rps each, 1000 rps offered) injected out over [10, 10.25): the
  // two left are overloaded (800 < 1000) and both crash at 10.125 (crash_after fixed 0.125 h).
  // Restarts (0.125 h) and the injection's end come back together at 10.25: 1200 for 1000.
  models::Model m = three_servers(24.0);
  m.components[0].overload = models::Overload{models::Fixed{0.125}, models::Fixed{0.125}};
  m.inject.push_back(testing::inject_component("web", 10.0, 1, 0.25));
  const RunResult r = run(m, threads(1));
  // Down (sigma 0) over [10.125, 10.25); degraded (0.8, then 0) over [10, 10.25).
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.125 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 2);  // one per replication
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].kind, "overload");
  EXPECT_EQ(r.causes[0].id, "web");
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 0.25 / years, 1e-9);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - (0.2 * 0.125 + 0.125) / 24.0, 1e-14);
  // Events per replication: the injection's start and end, two crashes, two restarts.
  EXPECT_EQ(r.events, 2u * 6u);
  ASSERT_TRUE(r.cascades.has_value());
  EXPECT_NEAR(r.cascades->per_year.mean, 1.0 / years, 1e-9);
  EXPECT_EQ(r.cascades->size_max, 1);
  EXPECT_EQ(r.cascades->size_mean, 1.0);
  ASSERT_EQ(r.cascades->size_histogram.size(), 1u);
  EXPECT_EQ(r.cascades->size_histogram[0], std::make_pair(std::int64_t{1}, std::int64_t{2}));
  EXPECT_EQ(r.cascades->outage_share, 1.0);
  EXPECT_EQ(r.cascades->downtime_share, 1.0);
  EXPECT_EQ(r.cascades->cut_at_horizon, 0);
  EXPECT_NEAR(*r.components[0].overload_crashes_per_year, 2.0 / years, 1e-9);
  EXPECT_NEAR(*r.components[0].cascades_started_per_year, 1.0 / years, 1e-9);
  EXPECT_EQ(*r.components[0].blast_radius, 1.0);
  // Without `overload` the two saturate: degraded, never down, no cascades.
  models::Model saturating = m;
  saturating.components[0].overload.reset();
  const RunResult s = run(saturating, threads(1));
  EXPECT_EQ(s.availability.mean, 1.0);
  EXPECT_FALSE(s.cascades.has_value());
  EXPECT_FALSE(s.components[0].overload_crashes_per_year.has_value());
}

TEST(FlowMode, ACrashThatOverloadsTheNextComponentIsACascadeOfTwo) {
  // front -> [a, b] (failover): a serves everything while it can (one instance of 1000 rps),
  // b (one of 500) takes what a fails. 800 rps, and 1200 during hour 10. Crash after 0.125 h,
  // restart after 2 h.
  //   10.000  load 1200: a overloaded (p 5/6); b gets 200 and serves it: sigma 1
  //   10.125  a crashes: b gets 1200 (p 5/12): sigma 5/12 < 0.5, down (cause: overload a)
  //   10.250  b crashes: sigma 0
  //   11.000  load back to 800; both still down
  //   12.125  a restarts: sigma 1, up
  //   12.250  b restarts: nothing crashed or overloaded, the cascade (size 2) is over
  models::Component front = testing::pool("front", 1, 1);
  front.failure = models::Never{};
  models::Model m = testing::single(front, 24.0, 1);
  for (const auto& [id, capacity] : {std::pair{"a", 1000.0}, std::pair{"b", 500.0}}) {
    models::Component c = testing::pool(id, 1, 1);
    c.failure = models::Never{};
    c.capacity_rps = capacity;
    c.overload = models::Overload{models::Fixed{0.125}, models::Fixed{2.0}};
    m.components.push_back(c);
  }
  m.dependencies.push_back(testing::depends("front", {"a", "b"}));
  models::Load l = constant_load(800.0);
  l.profile.type = models::LoadProfile::Type::kHourly;
  l.profile.values.assign(24, 1.0);
  l.profile.values[10] = 1.5;
  m.load = l;
  const RunResult r = run(m, threads(1));
  EXPECT_NEAR(r.availability.mean, 1.0 - 2.0 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 1);
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].kind, "overload");
  EXPECT_EQ(r.causes[0].id, "a");
  EXPECT_EQ(r.events, 6u);  // two load steps, two crashes, two restarts
  const double failed = 1200.0 * (7.0 / 12.0) * 0.125 + 1200.0 * 0.75 + 800.0 * 1.125;
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - failed / (23.0 * 800.0 + 1200.0), 1e-14);
  ASSERT_TRUE(r.cascades.has_value());
  EXPECT_EQ(r.cascades->size_max, 2);
  EXPECT_EQ(r.cascades->size_histogram.size(), 1u);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(*r.components[1].cascades_started_per_year, 1.0 / years, 1e-9);  // a
  EXPECT_EQ(*r.components[1].blast_radius, 2.0);
  EXPECT_EQ(*r.components[2].cascades_started_per_year, 0.0);  // b
  EXPECT_FALSE(r.components[2].blast_radius.has_value());
  EXPECT_NEAR(*r.components[2].overload_crashes_per_year, 1.0 / years, 1e-9);
}

TEST(FlowMode, SheddingRejectsTheExcessAndNeverCrashes) {
  // The first overload test with load_shedding beside overload: shedding wins. The two left
  // serve 800 and shed 200 rps over [10, 10.25): no crash, shed calls counted.
  models::Model m = three_servers(24.0);
  m.components[0].overload = models::Overload{models::Fixed{0.125}, models::Fixed{0.125}};
  m.components[0].load_shedding = true;
  m.inject.push_back(testing::inject_component("web", 10.0, 1, 0.25));
  const RunResult r = run(m, threads(1));
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_EQ(*r.components[0].overload_crashes_per_year, 0.0);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.requests->shed_per_year, 200.0 * 3600.0 * 0.25 / years, 1e-3);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.2 * 0.25 / 24.0, 1e-14);
  EXPECT_EQ(r.cascades->per_year.mean, 0.0);
}

/// Three servers of 400 rps (1200) under 1000 rps, crash after 0.125 h, restart after 0.125 h,
/// and a scheduled spike of 1.5x over [10, 10.5).
models::Model spiked_servers() {
  models::Model m = three_servers(24.0);
  m.components[0].overload = models::Overload{models::Fixed{0.125}, models::Fixed{0.125}};
  models::Spike spike;
  spike.id = "promo";
  spike.at_hours = {10.0};
  spike.duration = models::Fixed{0.5};
  spike.multiplier = 1.5;
  m.load->spikes.push_back(spike);
  return m;
}

TEST(FlowMode, ASpikeStartAppliesBeforeALoadStepAtTheSameInstant) {
  // Same-instant class 3 by source kind: spike, then load, then cache. An hourly profile
  // changes at 10 h, where the spike starts too: its row comes first.
  models::Model m = spiked_servers();
  m.load->profile.type = models::LoadProfile::Type::kHourly;
  m.load->profile.values.assign(24, 1.0);
  m.load->profile.values[10] = 0.5;
  const TracedReplication t = trace_replication(m, 0);
  std::vector<std::string> at_ten;
  for (const TraceRow& row : t.trace.rows) {
    if (row.time_hours == 10.0) at_ten.emplace_back(trace_event_name(row.event));
  }
  ASSERT_GE(at_ten.size(), 2u);
  EXPECT_EQ(at_ten[0], "spike-start");
  EXPECT_EQ(at_ten[1], "load-step");
}

TEST(FlowMode, ASpikeOverloadsThePoolIntoCrashCyclesUntilItEnds) {
  //   10.000  spike: 1500 for 1200 (sigma 0.8), overloaded: three clocks
  //   10.125  all three crash: sigma 0, down (cause: overload web)
  //   10.250  restarts: 1500 for 1200 again, clocks again
  //   10.375  crash again: down
  //   10.500  restarts and the spike's end: 1000 for 1200, over (one cascade of size 1)
  const RunResult r = run(spiked_servers(), threads(1));
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.25 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 4);  // two per replication
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].kind, "overload");
  const double failed = 0.2 * 1500.0 * 0.125 * 2.0 + 1500.0 * 0.125 * 2.0;
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - failed / (24.0 * 1000.0 + 0.5 * 500.0), 1e-14);
  EXPECT_EQ(r.cascades->size_max, 1);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.cascades->per_year.mean, 1.0 / years, 1e-9);
  // The spike is a trigger; the system is back at once when it ends: no metastable episode.
  ASSERT_TRUE(r.metastable_per_year.has_value());
  EXPECT_EQ(r.metastable_per_year->mean, 0.0);
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->count, 2);
  EXPECT_EQ(r.recovery_hours->max_hours, 0.0);
  // Events per replication: spike start and end, six crashes, six restarts.
  EXPECT_EQ(r.events, 2u * 14u);
}

TEST(FlowMode, ARateLimitUnderTheSameSpikeRejectsInsteadOfCrashing) {
  models::Model m = spiked_servers();
  m.load->limit_rps = 1200.0;
  const RunResult r = run(m, threads(1));
  // 1200 admitted of 1500: exactly the capacity, not above it: no crash, no outage.
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_EQ(r.cascades->per_year.mean, 0.0);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.requests->rejected_per_year, 300.0 * 3600.0 * 0.5 / years, 1e-3);
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 0.5 / years, 1e-9);
}

TEST(FlowMode, ASpikeAloneCanBeginAnOutageAndIsItsCause) {
  // Without overload the pool saturates: a 3x spike gives 1200 of 3000, sigma 0.4: down for
  // the spike's half hour, begun by the spike (cause: load "promo").
  models::Model m = spiked_servers();
  m.components[0].overload.reset();
  m.load->spikes[0].multiplier = 3.0;
  const RunResult r = run(m, threads(1));
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.5 / 24.0, 1e-15);
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].kind, "load");
  EXPECT_EQ(r.causes[0].id, "promo");
}

TEST(FlowMode, IncrementalStateEqualsFromScratchAfterEveryBatchWithCrashes) {
  // Overload crashes on a cold standby pool with a crew, a hot pool in a zone, spikes and a
  // diurnal load: after every batch the engine's counts equal those recomputed from scratch.
  models::Model m = testing::single(testing::pool("front", 4, 2, 300.0, 4.0), 2000.0, 1, 5);
  m.components[0].capacity_rps = 300.0;
  m.components[0].overload = models::Overload{models::Exponential{0.2}, models::Exponential{0.1}};
  models::Component back = testing::pool("back", 3, 2, 200.0, 6.0);
  back.standby.mode = models::StandbyMode::kCold;
  back.detection = models::Exponential{0.2};
  back.capacity_rps = 500.0;
  back.overload = models::Overload{models::Exponential{0.3}, models::Exponential{0.2}};
  back.crew = "oncall";
  m.components.push_back(back);
  m.crews.push_back(models::Crew{"oncall", 1});
  m.dependencies.push_back(testing::depends("front", {"back"}));
  m.dependencies.back().retries = 1;
  m.dependencies.back().circuit_breaker = models::CircuitBreaker{0.4, 0.05};
  models::Load l = constant_load(700.0);
  l.profile.type = models::LoadProfile::Type::kDiurnal;
  l.profile.peak_to_mean = 1.5;
  models::Spike spike;
  spike.gap = models::Exponential{100.0};
  spike.duration = models::Exponential{2.0};
  spike.multiplier = 1.6;
  l.spikes.push_back(spike);
  m.load = l;
  const RunTotals totals = testing::run_checking_every_batch(compile(m), 4);
  // The model does what it is for: crashes and cascades happened.
  EXPECT_GT(totals.cascades, 0);
  EXPECT_GT(totals.overload_crashes[0] + totals.overload_crashes[1], 0);
  EXPECT_GT(totals.flow_evaluations, 0U);
  EXPECT_EQ(totals.flow_not_converged, 0U);
}

/// front (never fails) -> back (one instance of 1000 rps) under 500 rps, the row behind a
/// breaker (threshold 0.5, open for 0.5 h), back injected out from 10 h for `out_hours`.
models::Model behind_a_breaker(double out_hours) {
  models::Component front = testing::pool("front", 1, 1);
  front.failure = models::Never{};
  models::Component back = testing::pool("back", 1, 1);
  back.failure = models::Never{};
  back.capacity_rps = 1000.0;
  models::Model m = testing::single(front, 24.0, 1);
  m.components.push_back(back);
  m.dependencies.push_back(testing::depends("front", {"back"}));
  m.dependencies.back().circuit_breaker = models::CircuitBreaker{0.5, 0.5};
  m.load = constant_load(500.0);
  m.inject.push_back(testing::inject_component("back", 10.0, 1, out_hours));
  return m;
}

TEST(FlowMode, ABreakerOpensOnAFailingTargetAndHoldsUntilItsOpenForIsOver) {
  // 10.00  back out: s_back 0 < 0.5, the scan opens the breaker (closing due 10.5): sigma 0
  // 10.25  back returns, but the breaker is open: the row fails every call, sigma still 0
  // 10.50  the breaker closes; the scan finds back at 1: it stays closed, sigma 1
  const RunResult r = run(behind_a_breaker(0.25), threads(1));
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.5 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 1);
  EXPECT_EQ(r.events, 3u);  // injection start and end, the breaker's closing
  // Evaluations: the initial one, two at 10 (the scan opened it), one at 10.25, one at 10.5.
  EXPECT_EQ(r.flow_evaluations, 5u);
  EXPECT_EQ(r.causes[0].kind, "inject");
}

TEST(FlowMode, ABreakerClosingOnAStillFailingTargetReopensAtOnce) {
  // Back out over [10, 11): the breaker opens at 10, closes at 10.5 and is reopened by the
  // scan of that batch (back still at 0), closes again at 11.0 with back's return: up at 11.
  const RunResult r = run(behind_a_breaker(1.0), threads(1));
  EXPECT_NEAR(r.availability.mean, 1.0 - 1.0 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 1);
  EXPECT_EQ(r.events, 4u);  // injection start and end, two closings
  EXPECT_EQ(r.flow_evaluations, 6u);
}

TEST(FlowMode, JourneysShowACheckoutThatFailsWhileBrowsingWorks) {
  // 80 % of the load browses (storefront), 20 % checks out; checkout is held out over
  // [10, 12) of 24 h: sigma 0.8 then (up, degraded); checkout's journey loses 2 h of 24.
  models::Component storefront = testing::pool("storefront", 1, 1);
  storefront.failure = models::Never{};
  models::Component checkout = testing::pool("checkout", 1, 1);
  checkout.failure = models::Never{};
  models::Model m = testing::single(storefront, 24.0, 2);
  m.components.push_back(checkout);
  models::Load l = constant_load(100.0);
  l.journeys = {{"storefront", 0.8}, {"checkout", 0.2}};
  m.load = l;
  m.inject.push_back(testing::inject_component("checkout", 10.0, 1, 2.0));
  const RunResult r = run(m, threads(1));
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.2 * 2.0 / 24.0, 1e-14);
  ASSERT_TRUE(r.requests->journeys.has_value());
  ASSERT_EQ(r.requests->journeys->size(), 2u);
  EXPECT_EQ((*r.requests->journeys)[0].entry, "storefront");
  EXPECT_EQ((*r.requests->journeys)[0].availability.mean, 1.0);
  EXPECT_EQ((*r.requests->journeys)[1].entry, "checkout");
  EXPECT_NEAR((*r.requests->journeys)[1].availability.mean, 1.0 - 2.0 / 24.0, 1e-14);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 2.0 / years, 1e-9);
}

TEST(FlowMode, AFailureDueWithACrashClockAppliesFirstAndTheCrashIsVoid) {
  // Every instance lives exactly 10.125 h, repairs take 1 h. One of three is held out from 10 h:
  // the other two are overloaded and their crash clocks (0.125 h) fall due at 10.125, the
  // instant their failures do. The failures apply; the crashes find nothing serving.
  models::Model m = three_servers(24.0, 1);
  m.components[0].failure = models::Fixed{10.125};
  m.components[0].repair = models::Fixed{1.0};
  m.components[0].overload = models::Overload{models::Fixed{0.125}, models::Fixed{0.125}};
  m.inject.push_back(testing::inject_component("web", 10.0, 1, 1.0));
  const RunResult r = run(m, threads(1));
  EXPECT_EQ(*r.components[0].overload_crashes_per_year, 0.0);
  EXPECT_EQ(r.cascades->per_year.mean, 0.0);
  ASSERT_FALSE(r.causes.empty());
  EXPECT_EQ(r.causes[0].kind, "component");
  // Down [10.125, 11.125) and [21.25, 22.25): every instance fails, and again a life later.
  EXPECT_NEAR(r.availability.mean, 1.0 - 2.0 / 24.0, 1e-15);
  // Events: the injection's start and end, 3 + 3 failures and 3 + 3 repairs; the void crash
  // clocks are none.
  EXPECT_EQ(r.events, 14u);
}

TEST(FlowMode, ASoftDependencyFailsOnlyItsImpact) {
  // front -> reco (soft, impact 0.3); reco held out over [10, 12) of 24 h: sigma 0.7, up but
  // degraded, 30 % of the requests failing meanwhile.
  models::Component front = testing::pool("front", 1, 1);
  front.failure = models::Never{};
  models::Component reco = testing::pool("reco", 1, 1);
  reco.failure = models::Never{};
  models::Model m = testing::single(front, 24.0, 1);
  m.components.push_back(reco);
  m.dependencies.push_back(testing::depends("front", {"reco"}));
  m.dependencies.back().mode = models::DependencyMode::kSoft;
  m.dependencies.back().impact = 0.3;
  m.load = constant_load(100.0);
  m.inject.push_back(testing::inject_component("reco", 10.0, 1, 2.0));
  const RunResult r = run(m, threads(1));
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.3 * 2.0 / 24.0, 1e-14);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 2.0 / years, 1e-9);
  // front's own success was 0.7 >= outage_below throughout: its service availability is 1.
  EXPECT_EQ(r.components[0].service_availability, 1.0);
}

/// Six servers of 100 rps at 80 % of their capacity (480 rps), crash after 0.125 h, restart
/// after 0.25 h; two held out from 10 h for `out_hours`.
models::Model six_at_eighty_percent(double out_hours) {
  models::Component web = testing::pool("web", 6, 1);
  web.failure = models::Never{};
  web.capacity_rps = 100.0;
  web.overload = models::Overload{models::Fixed{0.125}, models::Fixed{0.25}};
  models::Model m = testing::single(web, 24.0, 1);
  m.load = constant_load(480.0);
  m.inject.push_back(testing::inject_component("web", 10.0, 2, out_hours));
  return m;
}

TEST(FlowMode, CrashCyclesThatNeverRealignAreMetastableToTheHorizon) {
  // The four left (400 for 480) crash at 10.125, restart at 10.375, crash at 10.5, ... The two
  // held out return at 11.0 while the four are down: alone (200 for 480) they crash at 11.125,
  // as the four restart into 400 for 480 again, and so on: six never serve together, and the
  // episode that ended at 11.0 never recovers (cut at the horizon, 13 h: metastable).
  const RunResult r = run(six_at_eighty_percent(1.0), threads(1));
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->count, 1);
  EXPECT_EQ(r.recovery_hours->cut_at_horizon, 1);
  EXPECT_NEAR(r.recovery_hours->max_hours, 13.0, 1e-12);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.metastable_per_year->mean, 1.0 / years, 1e-9);
  EXPECT_EQ(r.cascades->cut_at_horizon, 1);
}

TEST(FlowMode, TheSamePoolRecoversWhenTheTwoReturnWhileTheFourServe) {
  // Held out for 0.4375 h: back at 10.4375, while the four restarted at 10.375 still serve
  // (their clocks fall due at 10.5): six serve 600 for 480, the clocks are cancelled.
  const RunResult r = run(six_at_eighty_percent(0.4375), threads(1));
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->count, 1);
  EXPECT_EQ(r.recovery_hours->max_hours, 0.0);
  EXPECT_EQ(r.metastable_per_year->mean, 0.0);
  EXPECT_EQ(r.cascades->cut_at_horizon, 0);
  // Down while the four were crash-down: [10.125, 10.375).
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.25 / 24.0, 1e-15);
}

}  // namespace
}  // namespace nines::engine
