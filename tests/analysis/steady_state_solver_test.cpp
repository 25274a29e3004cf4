// Tests of the steady-state solver: the iterative path against sparse LU.
#include "steady_state_solver.hpp"

#include <gtest/gtest.h>

#include "chain_fixtures.hpp"
#include "group_spec.hpp"
#include "group_state_space.hpp"

namespace nines::analysis::detail {
namespace {

GroupStateSpace space_of(const models::Model& model) {
  const std::vector<std::int64_t> group{0};
  return build_state_space(make_group_spec(model, group), 10'000'000);
}

void expect_methods_agree(const models::Model& model, double tolerance) {
  const GroupStateSpace space = space_of(model);
  const Eigen::VectorXd lu = solve_steady_state(space.generator, SteadyStateMethod::kSparseLu);
  const Eigen::VectorXd it = solve_steady_state(space.generator, SteadyStateMethod::kIterative);
  ASSERT_EQ(lu.size(), it.size());
  EXPECT_NEAR(lu.sum(), 1.0, 1e-14);
  EXPECT_NEAR(it.sum(), 1.0, 1e-14);
  EXPECT_LT((lu - it).lpNorm<Eigen::Infinity>(), tolerance) << space.pattern.size() << " states";
  // And both solve pi Q = 0.
  EXPECT_LT((space.generator.transpose() * it).lpNorm<Eigen::Infinity>(), 1e-12);
}

TEST(SteadyStateSolver, IterativeEqualsLuOnASmallChain) {
  expect_methods_agree(testing::warm_pool(12, 2, 500.0), 1e-12);  // 910 states
}

// Failures every 5 hours against 8-hour repairs: the all-new state has probability 6e-8 here
// (far less in larger pools, where pinning it made BiCGSTAB diverge), so the solver must pin a
// likely state instead.
TEST(SteadyStateSolver, IterativeEqualsLuOnAHeavilyLoadedChain) {
  expect_methods_agree(testing::warm_pool(12, 2, 5.0), 1e-12);
}

TEST(SteadyStateSolver, OneStateIsCertain) {
  Eigen::SparseMatrix<double, Eigen::RowMajor> q(1, 1);
  EXPECT_EQ(solve_steady_state(q)[0], 1.0);
}

}  // namespace
}  // namespace nines::analysis::detail
