// Tests of reading laws from model files: every type and parameterisation, shorthands, errors.
#include <gtest/gtest.h>

#include <cmath>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::parse_error;

/// The repair law of a one-component model whose "repair" is `law`.
Distribution repair_of(const json& law) {
  json document = testing::one_component();
  document["components"][0].erase("mttr");
  document["components"][0]["repair"] = law;
  return parse_model(document, "m.json").model.components[0].repair;
}

std::string repair_error(const json& law) {
  json document = testing::one_component();
  document["components"][0].erase("mttr");
  document["components"][0]["repair"] = law;
  return parse_error(document);
}

TEST(ParseDistribution, BareDurationIsExponential) {
  EXPECT_EQ(repair_of("2h"), Distribution{Exponential{2.0}});
  EXPECT_EQ(repair_of(1.5), Distribution{Exponential{1.5}});
}

TEST(ParseDistribution, ShorthandsAreExponentialMeans) {
  const Model model = parse_model(testing::one_component(), "m.json").model;
  EXPECT_EQ(model.components[0].failure, Distribution{Exponential{1000.0}});
  EXPECT_EQ(model.components[0].repair, Distribution{Exponential{10.0}});
}

TEST(ParseDistribution, Exponential) {
  EXPECT_EQ(repair_of(json{{"type", "exponential"}, {"mean", "30m"}}),
            Distribution{Exponential{0.5}});
}

TEST(ParseDistribution, WeibullWithScaleOrMean) {
  EXPECT_EQ(repair_of(json{{"type", "weibull"}, {"shape", 1.5}, {"scale", "100h"}}),
            (Distribution{Weibull{1.5, 100.0}}));
  const auto law =
      std::get<Weibull>(repair_of(json{{"type", "weibull"}, {"shape", 1.5}, {"mean", "1000h"}}));
  EXPECT_DOUBLE_EQ(law.scale_hours, 1000.0 / std::tgamma(1.0 + 1.0 / 1.5));
  EXPECT_DOUBLE_EQ(mean_hours(law), 1000.0);
}

TEST(ParseDistribution, LognormalWithMedianMeanOrMu) {
  const auto by_median = std::get<Lognormal>(
      repair_of(json{{"type", "lognormal"}, {"median", "45m"}, {"sigma", 0.8}}));
  EXPECT_DOUBLE_EQ(by_median.mu_log_hours, std::log(0.75));
  EXPECT_DOUBLE_EQ(by_median.sigma, 0.8);
  const auto by_mean =
      std::get<Lognormal>(repair_of(json{{"type", "lognormal"}, {"mean", "10h"}, {"sigma", 0.5}}));
  EXPECT_DOUBLE_EQ(by_mean.mu_log_hours, std::log(10.0) - 0.125);
  EXPECT_NEAR(mean_hours(by_mean), 10.0, 1e-12);
  EXPECT_EQ(repair_of(json{{"type", "lognormal"}, {"mu", -1.0}, {"sigma", 0.5}}),
            (Distribution{Lognormal{-1.0, 0.5}}));
}

TEST(ParseDistribution, NormalGammaUniformFixedEmpirical) {
  EXPECT_EQ(repair_of(json{{"type", "normal"}, {"mean", "2h"}, {"stddev", "30m"}}),
            (Distribution{Normal{2.0, 0.5}}));
  EXPECT_EQ(repair_of(json{{"type", "gamma"}, {"shape", 2.0}, {"scale", "3h"}}),
            (Distribution{Gamma{2.0, 3.0}}));
  EXPECT_EQ(repair_of(json{{"type", "gamma"}, {"shape", 4.0}, {"mean", "2h"}}),
            (Distribution{Gamma{4.0, 0.5}}));
  EXPECT_EQ(repair_of(json{{"type", "uniform"}, {"min", 0}, {"max", "1d"}}),
            (Distribution{Uniform{0.0, 24.0}}));
  EXPECT_EQ(repair_of(json{{"type", "fixed"}, {"value", "90s"}}), Distribution{Fixed{0.025}});
  EXPECT_EQ(repair_of(json{{"type", "empirical"}, {"samples", {"1h", 0, "2d"}}}),
            (Distribution{Empirical{{1.0, 0.0, 48.0}}}));
}

TEST(ParseDistribution, ZeroIsAllowedForDetectionAndSwitchover) {
  json document = testing::one_component();
  document["components"][0]["detection"] = 0;
  document["components"][0]["instances"] = 2;
  document["components"][0]["standby"] = {{"mode", "cold"}, {"switchover", "0s"}};
  const Component c = parse_model(document, "m.json").model.components[0];
  EXPECT_TRUE(is_zero(c.detection));
  EXPECT_TRUE(is_zero(c.standby.switchover));
  document["components"][0]["detection"] = {{"type", "fixed"}, {"value", 0}};
  EXPECT_TRUE(is_zero(parse_model(document, "m.json").model.components[0].detection));
}

TEST(ParseDistribution, ReportsBadParametersWithPointerAndValue) {
  EXPECT_EQ(repair_error(json{{"type", "lognormal"}, {"median", "-5h"}, {"sigma", 1}}),
            R"(m.json: /components/0/repair/median: must be a positive duration; got "-5h")");
  EXPECT_EQ(repair_error(json{{"type", "weibull"}, {"shape", 0}, {"scale", "1h"}}),
            "m.json: /components/0/repair/shape: must be a positive number; got 0");
  EXPECT_EQ(repair_error(json{{"type", "gamma"}, {"shape", 2}}),
            R"(m.json: /components/0/repair: missing "scale" or "mean")");
  EXPECT_EQ(repair_error(json{{"type", "fixed"}, {"value", 0}}),
            "m.json: /components/0/repair/value: must be a positive duration; got 0");
  EXPECT_EQ(repair_error(json{{"type", "normal"}, {"mean", "1h"}, {"stddev", "1h"}, {"sd", 1}}),
            "m.json: /components/0/repair/sd: unknown key \"sd\"; known keys of a normal law: "
            "type, mean, stddev");
  EXPECT_EQ(repair_error(json{{"type", 3}}),
            "m.json: /components/0/repair/type: must be a string: exponential, weibull, "
            "lognormal, normal, gamma, uniform, fixed or empirical; got 3");
  EXPECT_EQ(repair_error(json{{"type", "poisson"}, {"mean", 1}}),
            "m.json: /components/0/repair/type: unknown distribution type; known types: "
            "exponential, weibull, lognormal, normal, gamma, uniform, fixed, empirical; "
            "got \"poisson\"");
  EXPECT_EQ(repair_error(json::array()),
            "m.json: /components/0/repair: must be a duration (the mean of an exponential law) or "
            "an object with \"type\"; got []");
}

}  // namespace
}  // namespace nines::models
