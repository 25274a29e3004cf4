// The simulator against an exact value: within 4 standard errors, the z-score printed.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "nines/engine/run_result.hpp"

namespace nines::testing {

inline void expect_within_4_se(const engine::Estimate& estimate, double exact) {
  ASSERT_GT(estimate.stderr_, 0.0);
  const double z = (estimate.mean - exact) / estimate.stderr_;
  std::printf("    estimate %.10g  exact %.10g  stderr %.3g  z %+.2f\n", estimate.mean, exact,
              estimate.stderr_, z);
  EXPECT_LT(std::fabs(z), 4.0) << "estimate " << estimate.mean << " +- " << estimate.stderr_
                               << ", exact " << exact;
}

}  // namespace nines::testing
