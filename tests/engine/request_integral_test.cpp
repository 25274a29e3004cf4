// Tests of RequestIntegral: the closed-form integral of an hourly profile against sums by hand.
#include "nines/engine/request_integral.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace nines::engine {
namespace {

/// Multipliers 1, 2, ..., 24 (hour h has h + 1): divided by the largest (24) inside.
std::vector<double> one_to_24() {
  std::vector<double> m(24);
  for (std::size_t h = 0; h < m.size(); ++h) m[h] = static_cast<double>(h + 1);
  return m;
}

TEST(RequestIntegral, ConstantIsTheHoursExactly) {
  const RequestIntegral constant({3.0});
  EXPECT_EQ(constant.largest(), 3.0);
  EXPECT_EQ(constant.period_hours(), 1u);
  for (const auto& [t0, t1] : {std::pair{0.0, 8760.0}, {0.1, 0.7}, {12.345, 99.125}}) {
    EXPECT_EQ(constant.integral(t0, t1), t1 - t0);  // bit for bit: as downtime is summed
  }
}

TEST(RequestIntegral, HourlyIntervalsWorkedByHand) {
  const RequestIntegral r(one_to_24());
  EXPECT_EQ(r.largest(), 24.0);
  const auto requests = [&](double t0, double t1) { return r.integral(t0, t1) * r.largest(); };
  // Inside one hour: hour 10 has 11.
  EXPECT_NEAR(requests(10.25, 10.75), 0.5 * 11.0, 1e-12);
  // Across hours: half of hour 9 (10), hour 10 (11), three quarters of hour 11 (12).
  EXPECT_NEAR(requests(9.5, 11.75), 0.5 * 10.0 + 11.0 + 0.75 * 12.0, 1e-12);
  // A whole day is 1 + ... + 24 = 300; ten days and hours 0..9 of the next: 3000 + 55.
  EXPECT_NEAR(requests(0.0, 24.0), 300.0, 1e-12);
  EXPECT_NEAR(requests(0.0, 250.0), 3055.0, 1e-11);
  // Across midnight: the last quarter of hour 23 (24) and the first of hour 0 (1) of day 2.
  EXPECT_NEAR(requests(23.75, 24.25), 0.25 * 24.0 + 0.25 * 1.0, 1e-12);
  // Far into a long horizon: the same day shape.
  EXPECT_NEAR(requests(999.0 * 24.0 + 9.5, 999.0 * 24.0 + 11.75), 0.5 * 10.0 + 11.0 + 9.0, 1e-9);
  EXPECT_EQ(r.integral(5.5, 5.5), 0.0);
}

TEST(RequestIntegral, WeeklyStartsOnMondayMidnight) {
  std::vector<double> week(168, 1.0);
  week[0] = 0.0;    // Monday 00:00-01:00
  week[167] = 4.0;  // Sunday 23:00-24:00
  const RequestIntegral r(week);
  const auto requests = [&](double t0, double t1) { return r.integral(t0, t1) * r.largest(); };
  EXPECT_NEAR(requests(0.0, 1.0), 0.0, 1e-15);
  EXPECT_NEAR(requests(167.0, 169.0), 4.0 + 0.0, 1e-12);  // Sunday's last hour, then Monday's first
  EXPECT_NEAR(requests(0.0, 168.0), 166.0 + 4.0, 1e-12);
  EXPECT_NEAR(requests(0.0, 2.0 * 168.0 + 2.0), 2.0 * 170.0 + 1.0, 1e-11);
}

TEST(RequestIntegral, RefusesProfilesWithoutLoad) {
  EXPECT_THROW(RequestIntegral({}), std::invalid_argument);
  EXPECT_THROW(RequestIntegral({0.0, 0.0}), std::invalid_argument);
  EXPECT_THROW(RequestIntegral({1.0, -1.0}), std::invalid_argument);
}

}  // namespace
}  // namespace nines::engine
