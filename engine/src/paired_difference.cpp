// Paired and independent confidence intervals for the difference between two runs.
#include "nines/engine/paired_difference.hpp"

#include <algorithm>
#include <cmath>

#include "nines/engine/summary.hpp"

namespace nines::engine {

PairedDifference paired_difference(const std::vector<double>& baseline,
                                   const std::vector<double>& variant) {
  const std::size_t n = std::min(baseline.size(), variant.size());
  std::vector<double> differences;
  std::vector<double> a;
  std::vector<double> b;
  differences.reserve(n);
  a.reserve(n);
  b.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(baseline[i]) || std::isnan(variant[i])) continue;
    differences.push_back(variant[i] - baseline[i]);
    a.push_back(baseline[i]);
    b.push_back(variant[i]);
  }
  PairedDifference result;
  result.pairs = static_cast<std::int64_t>(differences.size());
  result.paired = estimate_mean(differences);
  const Estimate ea = estimate_mean(a);
  const Estimate eb = estimate_mean(b);
  const double ha = (ea.ci95_hi - ea.ci95_lo) / 2.0;
  const double hb = (eb.ci95_hi - eb.ci95_lo) / 2.0;
  result.independent_half_width = std::sqrt(ha * ha + hb * hb);
  return result;
}

}  // namespace nines::engine
