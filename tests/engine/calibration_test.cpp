// Calibration of the reported uncertainty: over many seeds of a model with an exact horizon value,
// the 95% intervals cover it about 95% of the time and the means scatter as the reported standard
// errors say. Both are tests at significance 0.001, so a correct engine fails one in a thousand
// seeds sets; the seeds are fixed, so the verdict is reproducible.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

constexpr int kSeeds = 200;
constexpr double kAlpha = 0.001;

/// Two-sided exact binomial p-value of `k` successes in `n` trials with success probability p:
/// the total probability of outcomes no more likely than k.
double binomial_p_value(int k, int n, double p) {
  auto pmf = [&](int i) {
    return std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) +
                    i * std::log(p) + (n - i) * std::log1p(-p));
  };
  const double observed = pmf(k);
  double total = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double q = pmf(i);
    if (q <= observed * (1.0 + 1e-9)) total += q;
  }
  return total;
}

/// Quantile of the chi-square law with `dof` degrees of freedom at the standard normal quantile
/// z (Wilson-Hilferty; relative error far below 1% at 199 degrees of freedom).
double chi_square_quantile(double dof, double z) {
  const double c = 2.0 / (9.0 * dof);
  const double cube = 1.0 - c + z * std::sqrt(c);
  return dof * cube * cube * cube;
}

TEST(Calibration, IntervalsCoverAndStandardErrorsMatchTheSpreadOfMeans) {
  // One exponential instance (mtbf 100 h, mttr 10 h) over 500 h: the horizon value is
  // A + (1 - A)(1 - e^{-(l + m) T}) / ((l + m) T).
  const double l = 0.01;
  const double m = 0.1;
  const double horizon = 500.0;
  const double steady = m / (l + m);
  const double exact =
      steady + (1.0 - steady) * (1.0 - std::exp(-(l + m) * horizon)) / ((l + m) * horizon);

  int covered = 0;
  double sum = 0.0;
  double sum_squares = 0.0;
  double variance_reported = 0.0;
  for (int k = 0; k < kSeeds; ++k) {
    const models::Model model = testing::single(testing::pool("unit", 1, 1, 100.0, 10.0), horizon,
                                                100, 1000 + static_cast<std::uint64_t>(k));
    RunOptions options;
    options.threads = 1;
    const RunResult r = run(model, options);
    if (r.availability.ci95_lo <= exact && exact <= r.availability.ci95_hi) ++covered;
    sum += r.availability.mean;
    sum_squares += r.availability.mean * r.availability.mean;
    variance_reported += r.availability.stderr_ * r.availability.stderr_;
  }
  const double p_coverage = binomial_p_value(covered, kSeeds, 0.95);
  std::printf("    covered %d of %d (p = %.3g)\n", covered, kSeeds, p_coverage);
  EXPECT_GT(p_coverage, kAlpha) << covered << " of " << kSeeds << " intervals cover " << exact;

  // The means scatter around the exact value with the reported variance: the sum of squared
  // deviations over that variance is chi-square with kSeeds degrees of freedom (the centre is
  // known, not estimated).
  const double se2 = variance_reported / kSeeds;
  const double deviations = sum_squares - 2.0 * exact * sum + kSeeds * exact * exact;
  const double statistic = deviations / se2;
  const double z = 3.2905;  // the standard normal's 1 - 0.001/2 quantile
  const double lo = chi_square_quantile(kSeeds, -z);
  const double hi = chi_square_quantile(kSeeds, z);
  std::printf("    chi-square %.1f, acceptance [%.1f, %.1f]\n", statistic, lo, hi);
  EXPECT_GT(statistic, lo);
  EXPECT_LT(statistic, hi);
}

}  // namespace
}  // namespace nines::engine
