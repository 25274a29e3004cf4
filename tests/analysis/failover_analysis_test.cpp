// nines analyze on a timed failover, against a chain written out by hand in the test (not the
// solver's construction), and its refusals.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>

#include "analysis_models.hpp"
#include "nines/analysis/system_analysis.hpp"
#include "nines/models/error.hpp"

namespace nines::analysis {
namespace {

using testing::model_from;

/// Two one-instance targets A (failure la) and B (failure lb), repair m each, failover rate f
/// and success p. State index a + 2 b + 4 u with a, b = 1 when down and u the target in use;
/// a failover runs exactly while the one in use is down and the other up. Automatic failback
/// sends "B in use, both up" to "A in use, both up" at once.
Eigen::MatrixXd hand_chain(double la, double lb, double m, double f, double p, bool automatic) {
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(8, 8);
  const auto settle = [&](int a_down, int b_down, int u) {
    if (automatic && u == 1 && a_down == 0 && b_down == 0) u = 0;
    return a_down + 2 * b_down + 4 * u;
  };
  for (int s = 0; s < 8; ++s) {
    const int a_down = s & 1;
    const int b_down = (s >> 1) & 1;
    const int u = s >> 2;
    const auto rate = [&](int to, double r) {
      q(s, to) += r;
      q(s, s) -= r;
    };
    rate(settle(1 - a_down, b_down, u), a_down == 0 ? la : m);
    rate(settle(a_down, 1 - b_down, u), b_down == 0 ? lb : m);
    const bool in_use_down = (u == 0 ? a_down : b_down) == 1;
    const bool other_up = (u == 0 ? b_down : a_down) == 0;
    if (in_use_down && other_up) rate(settle(a_down, b_down, 1 - u), f * p);
  }
  return q;
}

double up_share(const Eigen::VectorXd& pi) {
  double up = 0.0;
  for (int s = 0; s < 8; ++s) {
    const bool in_use_down = (s >> 2) == 0 ? (s & 1) != 0 : ((s >> 1) & 1) != 0;
    if (!in_use_down) up += pi(s);
  }
  return up;
}

Eigen::VectorXd stationary(const Eigen::MatrixXd& q) {
  Eigen::MatrixXd a = q.transpose();
  a.row(7).setOnes();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(8);
  b(7) = 1.0;
  return a.fullPivLu().solve(b);
}

/// Expected fraction of [0, T) up from "both up, A in use", by the occupation integral
/// int_0^T exp(Q t) dt, from the exponential of the augmented matrix [[Q, I], [0, 0]] T.
double horizon_up_share(const Eigen::MatrixXd& q, double horizon) {
  Eigen::MatrixXd big = Eigen::MatrixXd::Zero(16, 16);
  big.topLeftCorner(8, 8) = q * horizon;
  big.topRightCorner(8, 8) = Eigen::MatrixXd::Identity(8, 8) * horizon;
  const Eigen::MatrixXd e = big.exp();
  const Eigen::VectorXd occupation = e.topRightCorner(8, 8).row(0).transpose();
  return up_share(occupation) / horizon;
}

std::string two_targets(const char* time, const char* failback) {
  return std::string(R"({"horizon": "2000h", "entry": "app",
    "components": [{"id": "app", "failure": "never"},
                   {"id": "a", "mtbf": "50h", "mttr": "10h"},
                   {"id": "b", "mtbf": "20h", "mttr": "10h"}],
    "dependencies": [{"from": "app", "to": ["a", "b"], "min_up": 1,
                      "failover": {"time": )") +
         time + R"(, "success": 0.7, "failback": ")" + failback + R"("}}]})";
}

TEST(FailoverAnalysis, SteadyAndHorizonValuesMatchTheHandChain) {
  for (const bool automatic : {true, false}) {
    const Analysis a =
        analyze(model_from(two_targets(R"("2h")", automatic ? "automatic" : "manual")));
    const Eigen::MatrixXd q = hand_chain(1.0 / 50.0, 1.0 / 20.0, 1.0 / 10.0, 0.5, 0.7, automatic);
    EXPECT_NEAR(a.availability, up_share(stationary(q)), 1e-12) << automatic;
    ASSERT_TRUE(a.horizon_availability) << automatic;
    EXPECT_NEAR(*a.horizon_availability, horizon_up_share(q, 2000.0), 1e-9) << automatic;
    // The targets' own pools keep their own availability, 50/60 and 20/30.
    EXPECT_NEAR(a.components[1].availability, 50.0 / 60.0, 1e-12);
    EXPECT_NEAR(a.components[2].availability, 20.0 / 30.0, 1e-12);
  }
}

TEST(FailoverAnalysis, OutagesAreTheLossesOfTheTargetInUse) {
  // Failure frequency: the rate of leaving "in use up" = sum over those states of the in-use
  // target's failure rate.
  const Analysis a = analyze(model_from(two_targets(R"("2h")", "automatic")));
  const Eigen::MatrixXd q = hand_chain(1.0 / 50.0, 1.0 / 20.0, 1.0 / 10.0, 0.5, 0.7, true);
  const Eigen::VectorXd pi = stationary(q);
  double per_hour = 0.0;
  for (int s = 0; s < 8; ++s) {
    const int u = s >> 2;
    const bool in_use_down = u == 0 ? (s & 1) != 0 : ((s >> 1) & 1) != 0;
    if (!in_use_down) per_hour += pi(s) * (u == 0 ? 1.0 / 50.0 : 1.0 / 20.0);
  }
  EXPECT_NEAR(a.outages_per_year, per_hour * 8760.0, 1e-9);
}

TEST(FailoverAnalysis, RefusesWhatTheChainCannotFollow) {
  const auto refusal = [](const std::string& text) {
    try {
      analyze(model_from(text));
    } catch (const NotAnalysableError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(refusal(two_targets(R"({"type": "fixed", "value": "2h"})", "automatic"))
                .find("dependency app->a: its failover time is fixed"),
            std::string::npos);
  std::string shared = two_targets(R"("2h")", "automatic");
  shared.replace(shared.find(R"("dependencies": [)"), 17,
                 R"("dependencies": [{"from": "app", "to": "b"}, )");
  EXPECT_NE(refusal(shared).find("target \"b\" is also needed by app"), std::string::npos)
      << refusal(shared);
}

}  // namespace
}  // namespace nines::analysis
