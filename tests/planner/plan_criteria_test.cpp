// The --constraint grammar and the objective names.
#include "nines/planner/plan_criteria.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace nines::planner {
namespace {

std::string problem(std::string_view text) {
  try {
    parse_constraint(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(PlanCriteria, ConstraintsReadKeyOperatorAndNumber) {
  const Constraint c = parse_constraint("  components.db.availability>=0.999 ");
  EXPECT_EQ(c.text, "components.db.availability>=0.999");
  EXPECT_EQ(c.path, (std::vector<std::string>{"components", "db", "availability"}));
  EXPECT_EQ(c.comparison, Comparison::kGreaterOrEqual);
  EXPECT_EQ(c.value, 0.999);
  EXPECT_EQ(parse_constraint("outage_duration_hours.p99 <= 4").comparison,
            Comparison::kLessOrEqual);
  EXPECT_EQ(parse_constraint("a < 1e-3").comparison, Comparison::kLess);
  EXPECT_EQ(parse_constraint("a < 1e-3").value, 1e-3);
  EXPECT_EQ(parse_constraint("a > -2").comparison, Comparison::kGreater);
}

TEST(PlanCriteria, BadConstraintsSayWhatIsWrong) {
  EXPECT_NE(problem("a = 3").find("OP one of <=, <, >=, >"), std::string::npos);
  EXPECT_NE(problem("<= 3").find("names no KEY"), std::string::npos);
  EXPECT_NE(problem("a <= x").find("VALUE must be a finite number; got \"x\""), std::string::npos);
  EXPECT_NE(problem("a <= inf").find("finite number"), std::string::npos);
  EXPECT_NE(problem("a <= 3 <= 4").find("OP one of"), std::string::npos);
  EXPECT_NE(problem("a..b <= 3").find("empty segment"), std::string::npos);
}

TEST(PlanCriteria, ObjectivesByName) {
  EXPECT_EQ(parse_objective("sla"), Objective::kSla);
  EXPECT_EQ(objective_name(parse_objective("window")), "window");
  EXPECT_THROW(parse_objective("cost"), std::invalid_argument);
}

}  // namespace
}  // namespace nines::planner
