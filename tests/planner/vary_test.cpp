// The --vary grammar and the order of the points.
#include "nines/planner/vary.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "nines/planner/point_grid.hpp"

namespace nines::planner {
namespace {

using nlohmann::json;

std::vector<json> values(std::string_view flag) { return parse_vary(flag).values; }

std::string problem(std::string_view flag) {
  try {
    parse_vary(flag);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return {};
}

TEST(Vary, EveryFormOfSpec) {
  EXPECT_EQ(parse_vary("db.instances=1..3").key, "db.instances");
  EXPECT_EQ(values("db.instances=1..3"), (std::vector<json>{1, 2, 3}));
  EXPECT_EQ(values("db.instances=2..9..3"), (std::vector<json>{2, 5, 8}));
  EXPECT_EQ(values("x=-2..-1"), (std::vector<json>{-2, -1}));
  EXPECT_EQ(values("x=4..4"), (std::vector<json>{4}));
  EXPECT_EQ(
      values(R"(db.standby=[{"mode":"hot"},{"mode":"cold","switchover":"2m"}])"),
      (std::vector<json>{json{{"mode", "hot"}}, json{{"mode", "cold"}, {"switchover", "2m"}}}));
  EXPECT_EQ(values("db.mttr=1h,2h,4h"), (std::vector<json>{"1h", "2h", "4h"}));
  EXPECT_EQ(values("x=1,2.5,true"), (std::vector<json>{1, 2.5, true}));
  EXPECT_EQ(values("x=0.98"), (std::vector<json>{0.98}));
  EXPECT_EQ(values("db.mttr=30m"), (std::vector<json>{"30m"}));
  EXPECT_EQ(values(R"(x=["a", 3])"), (std::vector<json>{"a", 3}));
  // The key may name a dependency row.
  EXPECT_EQ(parse_vary("api->db.min_up=1..2").key, "api->db.min_up");
}

TEST(Vary, SpecsOfNoFormAreRefusedWithTheProblem) {
  EXPECT_NE(problem("x").find("must be KEY=SPEC"), std::string::npos);
  EXPECT_NE(problem("=1..2").find("must be KEY=SPEC"), std::string::npos);
  EXPECT_NE(problem("x=").find("has no SPEC"), std::string::npos);
  for (const char* bad : {"x=1..", "x=a..b", "x=1..5..0", "x=1..5..-1", "x=1.5..3", "x=1..5.."}) {
    EXPECT_NE(problem(bad).find("is no range"), std::string::npos) << bad << ": " << problem(bad);
  }
  EXPECT_EQ(problem("x=[]"), "SPEC [] lists no value");
  EXPECT_EQ(problem("x=3..1"), "empty range 3..1 (the first bound is above the second)");
  EXPECT_NE(problem("x=1h,,2h").find("empty value"), std::string::npos);
}

TEST(Vary, SetTextIsWhatTheLoaderReadsBack) {
  EXPECT_EQ(set_text("db.mttr", "2h"), "db.mttr=2h");
  EXPECT_EQ(set_text("x", "3"), "x=\"3\"");  // bare, it would read as a number
  EXPECT_EQ(set_text("x", "true"), "x=\"true\"");
  EXPECT_EQ(set_text("x", ""), "x=\"\"");
  EXPECT_EQ(set_text("db.instances", 3), "db.instances=3");
  EXPECT_EQ(set_text("db.standby", json{{"mode", "cold"}}), R"(db.standby={"mode":"cold"})");
}

TEST(PointGrid, TheLastVaryIsFastestAndPointsAreLabelled) {
  const PointGrid grid({parse_vary("a=1..2"), parse_vary("b=x,y,z")});
  ASSERT_EQ(grid.size(), 6U);
  EXPECT_EQ(grid.overrides(0), (std::vector<std::string>{"a=1", "b=x"}));
  EXPECT_EQ(grid.overrides(1), (std::vector<std::string>{"a=1", "b=y"}));
  EXPECT_EQ(grid.overrides(3), (std::vector<std::string>{"a=2", "b=x"}));
  EXPECT_EQ(grid.label(5), "a=2, b=z");
  EXPECT_EQ(grid.values(4), (json{{"a", 2}, {"b", "y"}}));
}

TEST(PointGrid, RefusesNoVaryAKeyTwiceAndTooManyPoints) {
  const auto problem_of = [](std::vector<Vary> varies) {
    try {
      PointGrid grid(std::move(varies));
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(problem_of({}), "needs at least one --vary KEY=SPEC");
  EXPECT_EQ(problem_of({parse_vary("a=1..2"), parse_vary("a=3..4")}),
            "--vary a is given twice (list every value in one SPEC)");
  EXPECT_EQ(problem_of({parse_vary("a=1..1000"), parse_vary("b=1..101")}),
            "the --vary values make 101000 combinations, more than 100000 (narrow the ranges or "
            "use a step)");
  EXPECT_EQ(PointGrid({parse_vary("a=1..1000"), parse_vary("b=1..100")}).size(), 100000U);
}

}  // namespace
}  // namespace nines::planner
