// Tests of the plan chart's data: reading a plan document, the front's steps, the scale of
// nines, and the one-line error for another document.
#include "nines/gui/charts/plan_plot.hpp"

#include <gtest/gtest.h>

#include "nines/models/error.hpp"

namespace nines::gui::charts {
namespace {

using nlohmann::json;

json candidate(int n, double cost, const char* status, json result) {
  return {{"values", {{"db.instances", n}}},
          {"cost_per_month", cost},
          {"status", status},
          {"result", std::move(result)}};
}

json result(double mean, double lo, double hi) {
  return {{"availability", {{"mean", mean}, {"stderr", 1e-5}, {"ci95", {lo, hi}}}}};
}

json plan() {
  return {{"model", "shop"},
          {"currency", "EUR"},
          {"target", 0.9995},
          {"outcome", "found"},
          {"cancelled", false},
          {"front", {1, 2}},
          {"best", {{"values", {{"db.instances", 3}}}}},
          {"candidates",
           {candidate(1, 100, "screened-out", nullptr),
            candidate(2, 200, "fails", result(0.999, 0.9988, 0.9992)),
            candidate(3, 300, "meets", result(0.9999, 0.9998, 1.0))}}};
}

TEST(PlanPlot, ReadsTheSimulatedCandidatesTheFrontAndTheWinner) {
  const PlanPlot p = plan_plot_of(plan(), "p.json");
  EXPECT_EQ(p.model, "shop");
  EXPECT_EQ(p.currency, "EUR");
  EXPECT_EQ(p.target, 0.9995);
  ASSERT_EQ(p.points.size(), 2U);  // the unsimulated candidate has no point
  EXPECT_EQ(p.points[0].candidate, 1U);
  EXPECT_EQ(p.points[1].status, "meets");
  EXPECT_EQ(p.front, (std::vector<std::size_t>{0, 1}));
  ASSERT_TRUE(p.winner);
  EXPECT_EQ(*p.winner, 1U);
  // Across to the next cost, then up.
  EXPECT_EQ(front_steps(p),
            (std::vector<std::pair<double, double>>{{200, 0.999}, {300, 0.999}, {300, 0.9999}}));
}

TEST(PlanPlot, AScaleOfNinesLabelledInPercent) {
  EXPECT_NEAR(nines_at(0.999, 9), 3.0, 1e-12);
  EXPECT_EQ(nines_at(1.0, 9), 9);  // no downtime: at the cap
  const NinesAxis axis = nines_axis_of(plan_plot_of(plan(), "p.json"));
  EXPECT_LT(axis.lo, 2.93);  // below the lowest interval end, 1 - 0.9988
  EXPECT_GT(axis.hi, 4.0);   // above 1 - 0.9998; the upper end 1 sits at the cap
  bool target_tick = false;
  for (const auto& [value, label] : axis.ticks) {
    if (label == "99.95 %") target_tick = std::abs(value - nines_at(0.9995, 9)) < 1e-12;
  }
  EXPECT_TRUE(target_tick);
}

TEST(PlanPlot, AnotherDocumentIsOneLineNamingTheFile) {
  try {
    plan_plot_of(json{{"points", json::array()}}, "s.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("s.json: --plot of another document", 0), 0U) << e.what();
  }
  json bad = plan();
  bad["candidates"][2]["result"]["availability"].erase("mean");
  try {
    plan_plot_of(bad, "p.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/candidates/2/result/availability/mean"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace nines::gui::charts
