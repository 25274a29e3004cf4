// The front of a plan's simulated candidates.
#include <gtest/gtest.h>

#include "nines/planner/plan.hpp"

namespace nines::planner {
namespace {

Candidate simulated(double cost, double mean) {
  Candidate c;
  c.cost_per_month = cost;
  c.result.emplace();
  c.result->availability.mean = mean;
  return c;
}

TEST(PlanFront, EachPointIsMoreAvailableThanEveryCheaperOne) {
  std::vector<Candidate> c = {simulated(300, 0.999),  // 0
                              simulated(100, 0.99),   // 1
                              simulated(200, 0.98),   // 2: cheaper 1 is better
                              simulated(200, 0.995),  // 3: the better of cost 200
                              simulated(400, 0.999),  // 4: equal to 0, not higher
                              simulated(500, 0.9999)};
  Candidate unsimulated;
  unsimulated.cost_per_month = 50;
  c.push_back(unsimulated);
  EXPECT_EQ(plan_front(c), (std::vector<std::size_t>{1, 3, 0, 5}));
}

}  // namespace
}  // namespace nines::planner
