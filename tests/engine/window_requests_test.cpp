// SLA windows on slo_basis "requests" with spikes (issue 11): each history's window is judged by
// its own served / offered requests, because spikes make the offered load differ between
// histories. Timelines worked by hand with a scheduled spike and an injection, a window offered
// nothing, and the per-history figures against the history's totals, threads and ranges.
#include <gtest/gtest.h>

#include <algorithm>

#include "model_builders.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/memory_estimate.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/range_bytes.hpp"
#include "nines/engine/summary.hpp"

namespace nines::engine {
namespace {

RunOptions windows_of(double hours, int threads = 1) {
  RunOptions options;
  options.window_hours = hours;
  options.threads = threads;
  return options;
}

/// Three servers of 400 rps (1200) that never fail under 1000 rps, slo_basis "requests", over
/// 96 h (four days), a spike x2 at 30 h and at 71 h for 2 h each, one server injected out over
/// [60, 63). Target 0.95.
models::Model spiked_days() {
  models::Component web = testing::pool("web", 3, 1);
  web.failure = models::Never{};
  web.capacity_rps = 400.0;
  models::Model m = testing::single(web, 96.0, 2);
  m.load = models::Load{};
  m.load->rps = 1000.0;
  m.load->slo_basis = models::SloBasis::kRequests;
  models::Spike spike;
  spike.id = "promo";
  spike.at_hours = {30.0, 71.0};
  spike.duration = models::Fixed{2.0};
  spike.multiplier = 2.0;
  m.load->spikes.push_back(spike);
  m.inject.push_back(testing::inject_component("web", 60.0, 1, 3.0));
  m.target = 0.95;
  return m;
}

// In load-hours (hours at 1000 rps). A spike offers 2000 to 1200: 40 % of 2 fails (0.8 an hour).
// One server out offers 1000 to 800: 20 % of 1 fails (0.2 an hour).
//   day 0 [0, 24):  offered 24,               failed 0              -> 1
//   day 1 [24, 48): offered 24 + 2 (spike),   failed 0.8 x 2 = 1.6  -> 1 - 1.6 / 26 = 12.2 / 13
//   day 2 [48, 72): offered 24 + 1 ([71, 72)), failed 0.2 x 3 + 0.8 = 1.4 -> 1 - 1.4 / 25 = 0.944
//   day 3 [72, 96): offered 24 + 1 ([72, 73)), failed 0.8         -> 1 - 0.8 / 25 = 0.968
// Judged by the closed form (24 offered in each), days 1 to 3 would be 1 - 1.6 / 24, ...
constexpr double kDay1 = 1.0 - 1.6 / 26.0;
constexpr double kDay2 = 1.0 - 1.4 / 25.0;
constexpr double kDay3 = 1.0 - 0.8 / 25.0;

TEST(WindowRequests, EachWindowIsJudgedByTheRequestsItsHistoryWasOffered) {
  const models::Model m = spiked_days();
  const RangeResult range = simulate_range(m, windows_of(24.0));
  ASSERT_EQ(range.windows_per_replication, 4);
  const std::vector<double> offered = {24.0, 26.0, 25.0, 25.0};
  const std::vector<double> failed = {0.0, 1.6, 1.4, 0.8};
  ASSERT_EQ(range.window_offered_load_hours.size(), 8U);
  for (std::size_t i = 0; i < 2; ++i) {
    for (std::size_t k = 0; k < 4; ++k) {
      EXPECT_NEAR(range.window_offered_load_hours[i * 4 + k], offered[k], 1e-12) << i << k;
      EXPECT_NEAR(range.window_failed_load_hours[i * 4 + k], failed[k], 1e-12) << i << k;
    }
  }
  const RunResult r = summarize_range(m, range);
  EXPECT_TRUE(r.requests_basis);
  EXPECT_EQ(r.availability.mean, 1.0);  // never down: sigma is 0.6 at worst
  ASSERT_TRUE(r.windows.has_value());
  const WindowResult& w = *r.windows;
  EXPECT_EQ(w.count, 8);
  EXPECT_EQ(w.partial_window_hours, 0.0);
  // 3.8 of 100 load-hours failed, the history's request availability.
  EXPECT_NEAR(w.mean_availability, 1.0 - 3.8 / 100.0, 1e-14);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 3.8 / 100.0, 1e-14);
  // Sorted: day 1, day 1, day 2, day 2, day 3, day 3, 1, 1; type 7 at h = 7 p.
  ASSERT_TRUE(w.availability_quantiles.has_value());
  EXPECT_NEAR(w.availability_quantiles->p1, kDay1, 1e-14);
  EXPECT_NEAR(w.availability_quantiles->p5, kDay1, 1e-14);
  EXPECT_NEAR(w.availability_quantiles->p50, (kDay2 + kDay3) / 2.0, 1e-14);
  EXPECT_NEAR(w.availability_quantiles->p99, 1.0, 1e-14);
  // Below 0.95: days 1 (0.938) and 2 (0.944), not day 3 (0.968): half the windows.
  ASSERT_TRUE(w.probability_missed.has_value());
  EXPECT_NEAR(w.probability_missed->mean, 0.5, 1e-15);
  EXPECT_NEAR(w.expected_missed_per_year->mean, 0.5 * 8760.0 / 24.0, 1e-9);
}

TEST(WindowRequests, AWindowOfferedNothingHasAvailabilityOne) {
  // An hourly profile: 1000 rps every hour but hour 3 (0 rps); a spike x2 over [2.5, 4.5);
  // 1-hour windows over a day.
  //   [2, 3): offered 0.5 + 0.5 x 2 = 1.5, failed 0.4 x 2 x 0.5 = 0.4 -> 1 - 0.4 / 1.5 = 11 / 15
  //   [3, 4): offered 0 (the spike multiplies nothing), failed 0       -> 1
  //   [4, 5): as [2, 3)                                                -> 11 / 15
  models::Model m = spiked_days();
  m.horizon_hours = 24.0;
  m.inject.clear();
  m.target.reset();
  m.load->profile.type = models::LoadProfile::Type::kHourly;
  m.load->profile.values.assign(24, 1.0);
  m.load->profile.values[3] = 0.0;
  m.load->spikes[0].at_hours = {2.5};
  const RangeResult range = simulate_range(m, windows_of(1.0));
  ASSERT_EQ(range.windows_per_replication, 24);
  EXPECT_NEAR(range.window_offered_load_hours[2], 1.5, 1e-12);
  EXPECT_EQ(range.window_offered_load_hours[3], 0.0);
  EXPECT_EQ(range.window_failed_load_hours[3], 0.0);
  const RunResult r = summarize_range(m, range);
  ASSERT_TRUE(r.windows && r.windows->availability_quantiles);
  EXPECT_EQ(r.windows->count, 48);
  // 0.8 failed of 21 + 1.5 + 1.5 offered (the closed form would say 23).
  EXPECT_NEAR(r.windows->mean_availability, 1.0 - 0.8 / 24.0, 1e-14);
  // Four windows of 11 / 15 among 48, the rest 1: p5 at h = 2.35 is still 11 / 15.
  EXPECT_NEAR(r.windows->availability_quantiles->p1, 11.0 / 15.0, 1e-14);
  EXPECT_NEAR(r.windows->availability_quantiles->p5, 11.0 / 15.0, 1e-14);
  EXPECT_EQ(r.windows->availability_quantiles->p50, 1.0);
}

/// A pool that fails under random spikes: each history is offered its own load.
models::Model random_spikes() {
  models::Model m = testing::single(testing::pool("api", 4, 2, 300.0, 5.0), 24.0 * 60.0, 40, 9);
  m.components[0].capacity_rps = 300.0;
  m.load = models::Load{};
  m.load->rps = 600.0;
  m.load->slo_basis = models::SloBasis::kRequests;
  models::Spike spike;
  spike.gap = models::Exponential{40.0};
  spike.duration = models::Exponential{3.0};
  spike.multiplier = 1.8;
  m.load->spikes.push_back(spike);
  m.target = 0.99;
  return m;
}

TEST(WindowRequests, TheWindowsOfAHistoryAddUpToItsOfferedLoad) {
  const models::Model m = random_spikes();
  const RangeResult range = simulate_range(m, windows_of(24.0 * 6.0));
  ASSERT_EQ(range.windows_per_replication, 10);
  std::vector<double> totals;
  for (std::size_t i = 0; i < range.offered_load_hours.size(); ++i) {
    double offered = 0.0;
    double failed = 0.0;
    for (std::size_t k = 0; k < 10; ++k) {
      offered += range.window_offered_load_hours[i * 10 + k];
      failed += range.window_failed_load_hours[i * 10 + k];
    }
    EXPECT_NEAR(offered, range.offered_load_hours[i], 1e-9 * offered) << i;
    EXPECT_NEAR(failed, range.failed_load_hours[i], 1e-9 * offered) << i;
    totals.push_back(offered);
  }
  // Spikes ran: histories were offered more than the closed form, and not all the same.
  const auto [lo, hi] = std::minmax_element(totals.begin(), totals.end());
  EXPECT_GT(*lo, 1440.0);
  EXPECT_GT(*hi, *lo);
}

TEST(WindowRequests, SameFiguresWhateverTheThreadsAndTheRanges) {
  const models::Model m = random_spikes();
  const RangeResult one = simulate_range(m, windows_of(24.0 * 6.0, 1));
  const RangeResult two = simulate_range(m, windows_of(24.0 * 6.0, 2));
  EXPECT_EQ(one.window_offered_load_hours, two.window_offered_load_hours);
  EXPECT_EQ(one.window_failed_load_hours, two.window_failed_load_hours);
  // Two ranges appended (as a precision run does) and a range sent between ranks.
  RunOptions first = windows_of(24.0 * 6.0);
  first.replications = 15;
  RunOptions rest = windows_of(24.0 * 6.0);
  rest.first_replication = 15;
  rest.replications = 25;
  RangeResult joined = simulate_range(m, first);
  append_range(joined, simulate_range(m, rest));
  EXPECT_EQ(joined.window_offered_load_hours, one.window_offered_load_hours);
  const RangeResult back = range_from_bytes(range_to_bytes(one));
  EXPECT_EQ(back.window_offered_load_hours, one.window_offered_load_hours);
  const RunResult a = summarize_range(m, one);
  const RunResult b = summarize_range(m, two);
  ASSERT_TRUE(a.windows && b.windows && a.windows->probability_missed);
  EXPECT_EQ(a.windows->mean_availability, b.windows->mean_availability);
  EXPECT_EQ(a.windows->probability_missed->mean, b.windows->probability_missed->mean);
  EXPECT_GT(a.windows->probability_missed->mean, 0.0);
}

TEST(WindowRequests, OnlySpikesOnTheRequestsBasisKeepOfferedWindows) {
  models::Model m = random_spikes();
  m.load->slo_basis = models::SloBasis::kTime;
  EXPECT_TRUE(simulate_range(m, windows_of(24.0)).window_offered_load_hours.empty());
  m.load->slo_basis = models::SloBasis::kRequests;
  m.load->spikes.clear();
  EXPECT_TRUE(simulate_range(m, windows_of(24.0)).window_offered_load_hours.empty());
}

TEST(WindowRequests, TheMemoryEstimateCountsTheOfferedWindows) {
  models::Model m = random_spikes();
  const std::uint64_t with = estimate_run_memory(compile(m), 10, 24.0, 1).per_replication_bytes;
  m.load->slo_basis = models::SloBasis::kTime;
  const std::uint64_t without = estimate_run_memory(compile(m), 10, 24.0, 1).per_replication_bytes;
  EXPECT_EQ(with - without, 8U * 60U);  // 60 windows of a day, 8 bytes each
}

}  // namespace
}  // namespace nines::engine
