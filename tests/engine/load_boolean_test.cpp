// The load in Boolean mode: hand-worked timelines with fixed laws and injections, a load that
// changes no time-based figure, and slo_basis "requests" for the SLA, windows and precision.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "model_builders.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/precision_run.hpp"
#include "nines/engine/summary.hpp"
#include "nines/models/error.hpp"

namespace nines::engine {
namespace {

/// Hour h of the day has multiplier h + 1: a day offers 1 + ... + 24 = 300 rps-hours per rps.
models::LoadProfile one_to_24() {
  models::LoadProfile p;
  p.type = models::LoadProfile::Type::kHourly;
  for (int h = 0; h < 24; ++h) p.values.push_back(h + 1.0);
  return p;
}

RunOptions threads(int count) {
  RunOptions options;
  options.threads = count;
  return options;
}

models::Load load(double rps, models::LoadProfile profile = {}) {
  models::Load l;
  l.rps = rps;
  l.profile = std::move(profile);
  return l;
}

/// One server failing after exactly 100 h of life and repaired in exactly 2 h, over 250 h:
/// down [100, 102) and [202, 204) in every history.
models::Model fixed_server(std::int64_t replications = 3) {
  models::Component c = testing::pool("web", 1, 1);
  c.failure = models::Fixed{100.0};
  c.repair = models::Fixed{2.0};
  return testing::single(c, 250.0, replications);
}

TEST(LoadBoolean, FixedLawsTimelineWorkedByHand) {
  models::Model m = fixed_server();
  m.load = load(2.0, one_to_24());
  const RunResult r = run(m, threads(2));
  // Time-based: 4 h down of 250.
  EXPECT_NEAR(r.availability.mean, 1.0 - 4.0 / 250.0, 1e-15);
  ASSERT_TRUE(r.requests.has_value());
  // Offered: ten whole days (10 x 300) and hours 0..9 of the eleventh (1 + ... + 10 = 55).
  // Failed: hours 100, 101 (hours of day 4, 5: multipliers 5, 6) and 202, 203 (10, 11: 11, 12).
  const double offered = 3055.0;
  const double failed = 5.0 + 6.0 + 11.0 + 12.0;
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - failed / offered, 1e-14);
  EXPECT_NEAR(r.requests->availability.stderr_, 0.0, 1e-15);  // every history is the same
  const double years = 250.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.requests->offered_per_year / (2.0 * 3600.0 * offered / years), 1.0, 1e-12);
  EXPECT_NEAR(r.requests->failed_per_year / (2.0 * 3600.0 * failed / years), 1.0, 1e-12);
  EXPECT_EQ(r.requests->rejected_per_year, 0.0);
  EXPECT_EQ(r.requests->shed_per_year, 0.0);
  ASSERT_TRUE(r.requests->availability_quantiles.has_value());
  EXPECT_NEAR(r.requests->availability_quantiles->p1, 1.0 - failed / offered, 1e-14);
  // Degraded time (a served share of 0 is below degraded_below) is the down time here.
  ASSERT_TRUE(r.degraded_hours_per_year.has_value());
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 4.0 / years, 1e-9);
  EXPECT_EQ(r.flow_evaluations, 0u);
  EXPECT_EQ(r.flow_not_converged, 0u);
  EXPECT_FALSE(r.requests_basis);
}

TEST(LoadBoolean, InjectedOutagesUnderADiurnalLoadWorkedByHand) {
  // A server that never fails, held down by injections: [14, 16) on Monday and
  // [40.5, 40.75) on Tuesday (hour of day 16), over one week. Diurnal 1.5, peak at 14:00.
  models::Component c = testing::pool("web", 1, 1);
  c.failure = models::Never{};
  models::Model m = testing::single(c, 168.0, 2);
  m.inject.push_back({14.0, models::Injection::Target::kComponent, "web", 1, 2.0});
  m.inject.push_back({40.5, models::Injection::Target::kComponent, "web", 1, 0.25});
  models::LoadProfile diurnal;
  diurnal.type = models::LoadProfile::Type::kDiurnal;
  diurnal.peak_to_mean = 1.5;
  m.load = load(1000.0, diurnal);
  const auto multiplier = [](int h) {
    return 1.0 + 0.5 * std::cos(2.0 * std::numbers::pi * (h + 0.5 - 14.0) / 24.0);
  };
  const RunResult r = run(m, threads(1));
  EXPECT_NEAR(r.availability.mean, 1.0 - 2.25 / 168.0, 1e-15);
  // A week offers 7 x 24 hours at a daily mean of 1.
  const double failed = multiplier(14) + multiplier(15) + 0.25 * multiplier(16);
  ASSERT_TRUE(r.requests.has_value());
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - failed / 168.0, 1e-13);
  // The outages sit at the peak: requests fail more than time does.
  EXPECT_LT(r.requests->availability.mean, r.availability.mean);
  EXPECT_NEAR(r.requests->offered_per_year, 1000.0 * 3600.0 * models::kHoursPerYear, 1e-3);
}

void expect_same_time_figures(const RunResult& a, const RunResult& b) {
  EXPECT_EQ(a.availability.mean, b.availability.mean);
  EXPECT_EQ(a.availability.stderr_, b.availability.stderr_);
  EXPECT_EQ(a.downtime_hours_per_year.mean, b.downtime_hours_per_year.mean);
  EXPECT_EQ(a.outages_per_year.mean, b.outages_per_year.mean);
  EXPECT_EQ(a.outages, b.outages);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.availability_quantiles->p1, b.availability_quantiles->p1);
  EXPECT_EQ(a.downtime_histogram.counts, b.downtime_histogram.counts);
  ASSERT_EQ(a.components.size(), b.components.size());
  for (std::size_t c = 0; c < a.components.size(); ++c) {
    EXPECT_EQ(a.components[c].availability, b.components[c].availability);
    EXPECT_EQ(a.components[c].service_availability, b.components[c].service_availability);
    EXPECT_EQ(a.components[c].downtime_share, b.components[c].downtime_share);
  }
  ASSERT_EQ(a.causes.size(), b.causes.size());
  EXPECT_EQ(a.sla->probability_met, b.sla->probability_met);
}

models::Model three_tier() {
  models::Model m = testing::single(testing::pool("web", 3, 2, 300.0, 5.0), 2000.0, 300, 11);
  m.components.push_back(testing::pool("api", 2, 1, 200.0, 8.0));
  m.components.push_back(testing::pool("db", 1, 1, 900.0, 6.0));
  m.dependencies.push_back(testing::depends("web", {"api"}));
  m.dependencies.push_back(testing::depends("api", {"db"}));
  m.target = 0.99;
  return m;
}

TEST(LoadBoolean, ALoadChangesNoTimeBasedFigureAndConstantRequestsEqualTime) {
  const models::Model plain = three_tier();
  models::Model constant = plain;
  constant.load = load(500.0);
  models::Model diurnal = plain;
  models::LoadProfile p;
  p.type = models::LoadProfile::Type::kDiurnal;
  p.peak_to_mean = 1.8;
  diurnal.load = load(500.0, p);
  const RunResult a = run(plain, threads(2));
  const RunResult b = run(constant, threads(2));
  const RunResult c = run(diurnal, threads(1));
  expect_same_time_figures(a, b);
  expect_same_time_figures(a, c);
  EXPECT_FALSE(a.requests.has_value());
  EXPECT_FALSE(a.degraded_hours_per_year.has_value());
  ASSERT_TRUE(b.requests && c.requests);
  EXPECT_GT(a.outages, 0);
  EXPECT_NEAR(b.requests->availability.mean, b.availability.mean, 1e-12);
  EXPECT_NEAR(b.requests->availability.stderr_, b.availability.stderr_, 1e-12);
  // Degraded hours are the engine's own per-replication sums: the downtime in Boolean mode.
  EXPECT_NEAR(b.degraded_hours_per_year->mean, a.downtime_hours_per_year.mean, 1e-9);
  EXPECT_NEAR(b.degraded_hours_per_year->stderr_, a.downtime_hours_per_year.stderr_, 1e-9);
  // A diurnal load moves request availability away from the time-based one.
  EXPECT_NE(c.requests->availability.mean, c.availability.mean);
}

TEST(LoadBoolean, RequestsBasisJudgesTheSlaByRequests) {
  models::Model m = fixed_server();
  m.load = load(2.0, one_to_24());
  // Time: 1 - 4/250 = 0.984 misses 0.985; requests: 1 - 34/3055 = 0.98887 meets it.
  m.target = 0.985;
  const RunResult time = run(m, threads(1));
  EXPECT_EQ(time.sla->probability_met, 0.0);
  m.load->slo_basis = models::SloBasis::kRequests;
  const RunResult requests = run(m, threads(1));
  EXPECT_TRUE(requests.requests_basis);
  EXPECT_EQ(requests.sla->probability_met, 1.0);
  // The time-based figures stay time-based.
  EXPECT_EQ(requests.availability.mean, time.availability.mean);
}

TEST(LoadBoolean, RequestsBasisWindowsAreServedOverOffered) {
  models::Model m = fixed_server();
  m.load = load(2.0, one_to_24());
  m.target = 0.99;
  RunOptions options;
  options.window_hours = 125.0;
  options.threads = 2;
  const RunResult time = run(m, options);
  ASSERT_TRUE(time.windows && time.windows->probability_missed);
  // Time: both windows have 2 h down of 125 (0.984): both miss.
  EXPECT_EQ(time.windows->probability_missed->mean, 1.0);
  m.load->slo_basis = models::SloBasis::kRequests;
  const RunResult requests = run(m, options);
  ASSERT_TRUE(requests.windows && requests.windows->probability_missed);
  // Window [0, 125): offered 5 x 300 + (1 + ... + 5) = 1515, failed 5 + 6 = 11 (meets 0.99);
  // window [125, 250): offered 3055 - 1515 = 1540, failed 11 + 12 = 23 (misses).
  EXPECT_EQ(requests.windows->probability_missed->mean, 0.5);
  EXPECT_NEAR(requests.windows->mean_availability, 1.0 - 34.0 / 3055.0, 1e-14);
  EXPECT_NEAR(requests.windows->availability_quantiles->p1, 1.0 - 23.0 / 1540.0, 1e-12);
  EXPECT_NEAR(requests.windows->availability_quantiles->p99, 1.0 - 11.0 / 1515.0, 1e-12);
}

TEST(LoadBoolean, RequestsBasisJudgesEachYearByItsRequests) {
  // Failures after exactly 4000 h of life, repairs of 10 h: down [4000, 4010), [8010, 8020)
  // in year 1 and [12020, 12030), [16030, 16040) in year 2; 20 h a year either way.
  models::Component c = testing::pool("db", 1, 1);
  c.failure = models::Fixed{4000.0};
  c.repair = models::Fixed{10.0};
  models::Model m = testing::single(c, 2.0 * models::kHoursPerYear, 2);
  m.load = load(1.0, one_to_24());
  m.target = 0.9975;  // time: 1 - 20/8760 = 0.99772 meets it every year
  const RunResult time = run(m, threads(1));
  EXPECT_EQ(time.sla->per_year->probability_met, 1.0);
  // Requests: a year offers 365 x 300 = 109500. Year 1 fails hours of day 16..23, 0, 1 (17 + ...
  // + 24 + 1 + 2 = 167) and 18..23, 0..3 (19 + ... + 24 + 1 + ... + 4 = 139): 306, so
  // 0.997205 misses; year 2 fails 20..23, 0..5 (90 + 21) and 22, 23, 0..7 (47 + 36): 194, so
  // 0.998228 meets.
  m.load->slo_basis = models::SloBasis::kRequests;
  const RunResult requests = run(m, threads(1));
  EXPECT_EQ(requests.sla->per_year->probability_met, 0.5);
  EXPECT_EQ(requests.sla->per_year->years, 4);
  // The whole history: 1 - 500/219000 = 0.997717 meets it.
  EXPECT_EQ(requests.sla->probability_met, 1.0);
  EXPECT_NEAR(requests.requests->availability.mean, 1.0 - 500.0 / 219000.0, 1e-14);
}

TEST(LoadBoolean, RequestsBasisPrecisionIsOfRequestUnavailability) {
  models::Model m = three_tier();
  models::LoadProfile p;
  p.type = models::LoadProfile::Type::kDiurnal;
  p.peak_to_mean = 2.0;
  m.load = load(100.0, p);
  m.load->slo_basis = models::SloBasis::kRequests;
  PrecisionOptions precision;
  precision.relative_precision = 0.2;
  precision.batch = 50;
  precision.max_replications = 2000;
  RangeResult range;
  const RunResult r = run_to_precision(m, threads(2), precision, &range);
  ASSERT_TRUE(r.precision.has_value());
  EXPECT_EQ(r.precision->reached, relative_half_width(request_unavailability(range), 0.95));
  EXPECT_NE(r.precision->reached, relative_half_width(range.unavailability, 0.95));
  EXPECT_LE(r.precision->reached, 0.2);
}

TEST(LoadBoolean, SameFiguresWhateverTheThreads) {
  models::Model m = three_tier();
  m.load = load(100.0, one_to_24());
  const RunResult one = run(m, threads(1));
  const RunResult two = run(m, threads(2));
  EXPECT_EQ(one.requests->availability.mean, two.requests->availability.mean);
  EXPECT_EQ(one.requests->availability.stderr_, two.requests->availability.stderr_);
  EXPECT_EQ(one.requests->failed_per_year, two.requests->failed_per_year);
  EXPECT_EQ(one.degraded_hours_per_year->mean, two.degraded_hours_per_year->mean);
}

}  // namespace
}  // namespace nines::engine
