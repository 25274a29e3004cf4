// The iterative steady state against sparse LU on a medium chain (~21,500 states): slow, as the
// LU is (seconds in Release, many minutes in Debug), so it carries the `slow` label.
#include <gtest/gtest.h>

#include "chain_fixtures.hpp"
#include "group_spec.hpp"
#include "group_state_space.hpp"
#include "steady_state_solver.hpp"

namespace nines::analysis::detail {
namespace {

TEST(SteadyStateSolver, IterativeEqualsLuOnAMediumChain) {
  const std::vector<std::int64_t> group{0};
  const GroupStateSpace space =
      build_state_space(make_group_spec(testing::warm_pool(30, 3, 500.0), group), 10'000'000);
  ASSERT_GT(space.pattern.size(), 20'000U);
  const Eigen::VectorXd lu = solve_steady_state(space.generator, SteadyStateMethod::kSparseLu);
  const Eigen::VectorXd it = solve_steady_state(space.generator, SteadyStateMethod::kIterative);
  EXPECT_LT((lu - it).lpNorm<Eigen::Infinity>(), 1e-9);
  EXPECT_LT((lu - it).lpNorm<1>(), 1e-9);
}

}  // namespace
}  // namespace nines::analysis::detail
