// Tests of the Markov chain of a crew / standby group against hand-derived closed forms and
// small generators written out state by state.
#include "nines/analysis/group_chain.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <string>
#include <unsupported/Eigen/MatrixFunctions>
#include <vector>

#include "nines/models/error.hpp"

namespace nines::analysis {
namespace {

using models::Exponential;

constexpr double kTight = 1e-12;

models::Component unit(const std::string& id, double mtbf, double mttr) {
  models::Component c;
  c.id = id;
  c.failure = Exponential{mtbf};
  c.repair = Exponential{mttr};
  return c;
}

models::Model model_of(std::vector<models::Component> components,
                       std::vector<models::Crew> crews = {}) {
  models::Model model;
  model.name = "test";
  model.entry = components.front().id;
  model.components = std::move(components);
  model.crews = std::move(crews);
  return model;
}

/// pi Q = 0, sum pi = 1 by dense LU: the reference the chain is compared with.
Eigen::VectorXd stationary(const Eigen::MatrixXd& q) {
  const Eigen::Index n = q.rows();
  Eigen::MatrixXd a = q.transpose();
  a.row(n - 1).setOnes();
  Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
  b[n - 1] = 1.0;
  return a.fullPivLu().solve(b);
}

void set_diagonal(Eigen::MatrixXd& q) {
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    q(i, i) = 0.0;
    q(i, i) = -q.row(i).sum();
  }
}

double sum(const std::vector<double>& v) {
  double s = 0.0;
  for (const double x : v) s += x;
  return s;
}

// One unit, failure rate l, repair rate u, repairs start at once: A = u / (l + u),
// A(t) = u / (l + u) + l / (l + u) exp(-(l + u) t), and pool failures happen at A l per hour.
TEST(GroupChain, SingleUnitSteadyStateAndDownRate) {
  const double l = 1.0 / 1000.0;
  const double u = 1.0 / 10.0;
  const GroupChain chain(model_of({unit("db", 1000.0, 10.0)}), {0});
  EXPECT_EQ(chain.states(), 2U);
  EXPECT_EQ(chain.transitions(), 2U);
  const GroupLaw law = chain.steady_state();
  ASSERT_EQ(law.pattern_probability.size(), 2U);
  const double a = u / (l + u);
  EXPECT_NEAR(law.pattern_probability[1], a, kTight);
  EXPECT_NEAR(law.pattern_probability[0], 1.0 - a, kTight);
  ASSERT_EQ(law.down_rate_per_hour.size(), 1U);
  EXPECT_NEAR(law.down_rate_per_hour[0][1], a * l, kTight);
  EXPECT_EQ(law.down_rate_per_hour[0][0], 0.0);
}

TEST(GroupChain, SingleUnitTransient) {
  const double l = 1.0 / 1000.0;
  const double u = 1.0 / 10.0;
  const GroupChain chain(model_of({unit("db", 1000.0, 10.0)}), {0});
  const std::vector<double> times{0.0, 0.5, 1.0, 5.0, 20.0, 100.0, 1000.0, 8760.0};
  const std::vector<GroupLaw> laws = chain.transient(times);
  ASSERT_EQ(laws.size(), times.size());
  for (std::size_t k = 0; k < times.size(); ++k) {
    const double a = u / (l + u) + l / (l + u) * std::exp(-(l + u) * times[k]);
    EXPECT_NEAR(laws[k].pattern_probability[1], a, kTight) << "t = " << times[k];
    EXPECT_NEAR(laws[k].down_rate_per_hour[0][1], a * l, kTight) << "t = " << times[k];
  }
}

// Two hot units, one repairer. With k failed: 0 -2l-> 1 -l-> 2, back at u each.
// pi1 = (2l/u) pi0, pi2 = (l/u) pi1. min_up 1: up unless both failed, pool failures from state 1
// at l; min_up 2: up only in state 0, failing at 2l.
TEST(GroupChain, TwoHotUnitsOneRepairer) {
  const double l = 1.0 / 200.0;
  const double u = 1.0 / 8.0;
  const double w0 = 1.0;
  const double w1 = 2.0 * l / u;
  const double w2 = w1 * l / u;
  const double total = w0 + w1 + w2;
  for (const std::int64_t min_up : {1, 2}) {
    models::Component c = unit("web", 200.0, 8.0);
    c.instances = 2;
    c.min_up = min_up;
    c.crew = "ops";
    const GroupChain chain(model_of({c}, {models::Crew{"ops", 1}}), {0});
    EXPECT_EQ(chain.states(), 3U);
    const GroupLaw law = chain.steady_state();
    const double up = min_up == 1 ? (w0 + w1) / total : w0 / total;
    const double down_rate = min_up == 1 ? w1 / total * l : w0 / total * 2.0 * l;
    EXPECT_NEAR(law.pattern_probability[1], up, kTight) << "min_up " << min_up;
    EXPECT_NEAR(law.down_rate_per_hour[0][1], down_rate, kTight) << "min_up " << min_up;
  }
}

// Failure, then detection, then repair, all exponential: the alternating renewal gives
// A = mtbf / (mtbf + mdt + mttr).
TEST(GroupChain, DetectionIsAPhase) {
  models::Component c = unit("cache", 500.0, 4.0);
  c.detection = Exponential{2.0};
  const GroupChain chain(model_of({c}), {0});
  EXPECT_EQ(chain.states(), 3U);
  EXPECT_NEAR(chain.steady_state().pattern_probability[1], 500.0 / 506.0, kTight);
  // The pool goes down at the failure, not at its detection.
  EXPECT_NEAR(chain.steady_state().down_rate_per_hour[0][1], 1.0 / 506.0, kTight);
}

models::Component standby_pair(models::StandbyMode mode) {
  models::Component c = unit("app", 300.0, 12.0);
  c.instances = 2;
  c.min_up = 1;
  c.standby.mode = mode;
  if (mode == models::StandbyMode::kWarm) c.standby.dormant_failure = Exponential{900.0};
  return c;
}

// Cold 1+1, perfect instant switchover, one repairer: with k failed, 0 -l-> 1 -l-> 2 (only the
// active one fails), repairs at u: A = (1 + r) / (1 + r + r^2), r = l / u; the pool fails only
// from state 1.
TEST(GroupChain, ColdStandbyOneRepairerClassic) {
  const double l = 1.0 / 300.0;
  const double u = 1.0 / 12.0;
  const double r = l / u;
  models::Component c = standby_pair(models::StandbyMode::kCold);
  c.crew = "ops";
  const GroupChain chain(model_of({c}, {models::Crew{"ops", 1}}), {0});
  EXPECT_EQ(chain.states(), 3U);
  const GroupLaw law = chain.steady_state();
  const double total = 1.0 + r + r * r;
  EXPECT_NEAR(law.pattern_probability[1], (1.0 + r) / total, kTight);
  EXPECT_NEAR(law.down_rate_per_hour[0][1], r / total * l, kTight);
}

// Warm or cold 1+1 (dormant rate d, 0 when cold), switchover at rate s succeeding with
// probability p, repairs in parallel at u, instant detection. States (active, idle, in repair,
// switching), traced through the engine's rules:
//   S0 (1,1,0,0) up:   active fails l -> S1 (repair starts, the idle one starts switching);
//                      idle fails d -> S2 (active + switching >= min_up: no switchover)
//   S1 (0,0,1,1) down: switch ends s: p -> S2, 1-p -> S3 (straight to repair);
//                      repair ends u -> S4 (active at once: fewer than min_up active)
//   S2 (1,0,1,0) up:   repair ends u -> S0 (idle: min_up active); active fails l -> S3
//   S3 (0,0,2,0) down: a repair ends 2u -> S2
//   S4 (1,0,0,1) up:   switch ends s: p -> S0 (idle, the gap is filled), 1-p -> S2;
//                      active fails l -> S1 (the switching one already covers min_up)
Eigen::MatrixXd standby_generator(double l, double d, double s, double p, double u) {
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(5, 5);
  q(0, 1) = l;
  q(0, 2) = d;
  q(1, 2) = s * p;
  q(1, 3) = s * (1.0 - p);
  q(1, 4) = u;
  q(2, 0) = u;
  q(2, 3) = l;
  q(3, 2) = 2.0 * u;
  q(4, 0) = s * p;
  q(4, 2) = s * (1.0 - p);
  q(4, 1) = l;
  set_diagonal(q);
  return q;
}

TEST(GroupChain, WarmAndColdStandbyWithSwitchFailures) {
  for (const auto mode : {models::StandbyMode::kWarm, models::StandbyMode::kCold}) {
    models::Component c = standby_pair(mode);
    c.standby.switchover = Exponential{0.25};
    c.standby.switch_success = 0.9;
    const double d = mode == models::StandbyMode::kWarm ? 1.0 / 900.0 : 0.0;
    const double l = 1.0 / 300.0;
    const Eigen::VectorXd pi = stationary(standby_generator(l, d, 4.0, 0.9, 1.0 / 12.0));
    const GroupChain chain(model_of({c}), {0});
    EXPECT_EQ(chain.states(), 5U);
    const GroupLaw law = chain.steady_state();
    EXPECT_NEAR(law.pattern_probability[1], pi[0] + pi[2] + pi[4], kTight);
    EXPECT_NEAR(law.pattern_probability[0], pi[1] + pi[3], kTight);
    EXPECT_NEAR(law.down_rate_per_hour[0][1], l * (pi[0] + pi[2] + pi[4]), kTight);
  }
}

// Cold 1+1 with an instant switchover that succeeds with probability p, repairs in parallel:
// S0 (both up) -l p-> S2 (one up, one in repair), -l (1-p)-> S3 (both in repair);
// S2 -u-> S0, -l-> S3; S3 -2u-> S2. Balance: pi2 = (l/u) pi0,
// pi3 = (l (1-p) pi0 + l pi2) / (2u).
TEST(GroupChain, InstantSwitchoverBranches) {
  models::Component c = standby_pair(models::StandbyMode::kCold);
  c.standby.switch_success = 0.8;
  const double l = 1.0 / 300.0;
  const double u = 1.0 / 12.0;
  const double p0 = 1.0;
  const double p2 = l / u;
  const double p3 = (l * 0.2 * p0 + l * p2) / (2.0 * u);
  const double total = p0 + p2 + p3;
  const GroupChain chain(model_of({c}), {0});
  EXPECT_EQ(chain.states(), 3U);
  const GroupLaw law = chain.steady_state();
  EXPECT_NEAR(law.pattern_probability[1], (p0 + p2) / total, kTight);
  EXPECT_NEAR(law.down_rate_per_hour[0][1], (p0 * 0.2 + p2) * l / total, kTight);
}

// "a" has 2 hot units (min_up 1), "b" one; one repairer serves both first come, first served.
// A state is (in repair, queue): the order of the queue decides whose repair starts next.
//   s0 -,[]   s1 a,[]   s2 b,[]   s3 a,[a]   s4 a,[b]   s5 b,[a]   s6 a,[a,b]   s7 a,[b,a]
//   s8 b,[a,a]
Eigen::MatrixXd shared_crew_generator(double la, double ua, double lb, double ub) {
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(9, 9);
  q(0, 1) = 2.0 * la;
  q(0, 2) = lb;
  q(1, 3) = la;
  q(1, 4) = lb;
  q(1, 0) = ua;
  q(2, 5) = 2.0 * la;
  q(2, 0) = ub;
  q(3, 6) = lb;
  q(3, 1) = ua;
  q(4, 7) = la;
  q(4, 2) = ua;
  q(5, 8) = la;
  q(5, 1) = ub;
  q(6, 4) = ua;  // a done, b (first in line) starts
  q(7, 5) = ua;  // a done, a (first in line) starts
  q(8, 3) = ub;
  set_diagonal(q);
  return q;
}

constexpr std::uint32_t kPatternOfSharedCrewState[9] = {3, 3, 1, 2, 1, 1, 0, 0, 0};

models::Model shared_crew_model() {
  models::Component a = unit("a", 100.0, 5.0);
  a.instances = 2;
  a.crew = "oncall";
  models::Component b = unit("b", 150.0, 20.0);
  b.crew = "oncall";
  return model_of({a, b}, {models::Crew{"oncall", 1}});
}

TEST(GroupChain, SharedCrewServesInArrivalOrder) {
  const double la = 1.0 / 100.0;
  const double ua = 1.0 / 5.0;
  const double lb = 1.0 / 150.0;
  const double ub = 1.0 / 20.0;
  const Eigen::VectorXd pi = stationary(shared_crew_generator(la, ua, lb, ub));
  std::vector<double> expected(4, 0.0);
  for (int s = 0; s < 9; ++s) expected[kPatternOfSharedCrewState[s]] += pi[s];
  // Pool failures: a goes down from s1, s4, s5 (its second unit fails); b from s0, s1, s3.
  const double a_down_3 = la * pi[1];
  const double a_down_1 = la * (pi[4] + pi[5]);
  const double b_down_3 = lb * (pi[0] + pi[1]);
  const double b_down_2 = lb * pi[3];

  const GroupChain chain(shared_crew_model(), {0, 1});
  EXPECT_EQ(chain.states(), 9U);
  EXPECT_EQ(chain.transitions(), 16U);
  const GroupLaw law = chain.steady_state();
  EXPECT_NEAR(sum(law.pattern_probability), 1.0, kTight);
  for (std::size_t mask = 0; mask < 4; ++mask) {
    EXPECT_NEAR(law.pattern_probability[mask], expected[mask], kTight) << "pattern " << mask;
  }
  EXPECT_NEAR(law.down_rate_per_hour[0][3], a_down_3, kTight);
  EXPECT_NEAR(law.down_rate_per_hour[0][1], a_down_1, kTight);
  EXPECT_NEAR(law.down_rate_per_hour[1][3], b_down_3, kTight);
  EXPECT_NEAR(law.down_rate_per_hour[1][2], b_down_2, kTight);
  EXPECT_EQ(law.down_rate_per_hour[0][2], 0.0);
  EXPECT_EQ(law.down_rate_per_hour[1][1], 0.0);
}

// Group order sets the bits: listing b first swaps them.
TEST(GroupChain, PatternBitsFollowTheGroupOrder) {
  const GroupLaw ab = GroupChain(shared_crew_model(), {0, 1}).steady_state();
  const GroupLaw ba = GroupChain(shared_crew_model(), {1, 0}).steady_state();
  EXPECT_NEAR(ab.pattern_probability[1], ba.pattern_probability[2], kTight);
  EXPECT_NEAR(ab.pattern_probability[2], ba.pattern_probability[1], kTight);
  EXPECT_NEAR(ab.down_rate_per_hour[0][3], ba.down_rate_per_hour[1][3], kTight);
}

// The transient law against the matrix exponential of the same hand-built generator, with
// times that skip ahead by very different steps.
TEST(GroupChain, SharedCrewTransientMatchesMatrixExponential) {
  const Eigen::MatrixXd q = shared_crew_generator(1.0 / 100.0, 1.0 / 5.0, 1.0 / 150.0, 1.0 / 20.0);
  const GroupChain chain(shared_crew_model(), {0, 1});
  const std::vector<double> times{0.0, 0.0, 0.1, 3.0, 3.0, 50.0, 400.0, 8760.0};
  const std::vector<GroupLaw> laws = chain.transient(times);
  ASSERT_EQ(laws.size(), times.size());
  for (std::size_t k = 0; k < times.size(); ++k) {
    const Eigen::MatrixXd p = (q * times[k]).exp();
    std::vector<double> expected(4, 0.0);
    for (int s = 0; s < 9; ++s) expected[kPatternOfSharedCrewState[s]] += p(0, s);
    for (std::size_t mask = 0; mask < 4; ++mask) {
      EXPECT_NEAR(laws[k].pattern_probability[mask], expected[mask], 1e-11)
          << "t = " << times[k] << ", pattern " << mask;
    }
    EXPECT_NEAR(laws[k].down_rate_per_hour[0][3], p(0, 1) / 100.0, 1e-11) << "t = " << times[k];
  }
  const GroupLaw steady = chain.steady_state();
  EXPECT_NEAR(laws.back().pattern_probability[3], steady.pattern_probability[3], 1e-11);
}

// A stiff chain (2-minute switchover, 1-year horizon): the transient stops early once it has
// reached the steady state, and still agrees with it there.
TEST(GroupChain, StiffTransientReachesSteadyState) {
  models::Component c = standby_pair(models::StandbyMode::kWarm);
  c.instances = 4;
  c.min_up = 2;
  c.crew = "ops";
  c.standby.switchover = Exponential{2.0 / 60.0};
  c.standby.switch_success = 0.95;
  const GroupChain chain(model_of({c}, {models::Crew{"ops", 1}}), {0});
  std::vector<double> times;
  for (int k = 0; k <= 300; ++k) times.push_back(8760.0 * k / 300.0);
  const std::vector<GroupLaw> laws = chain.transient(times);
  EXPECT_EQ(laws.front().pattern_probability[1], 1.0);
  EXPECT_NEAR(laws.back().pattern_probability[1], chain.steady_state().pattern_probability[1],
              1e-11);
  for (const GroupLaw& law : laws) EXPECT_NEAR(sum(law.pattern_probability), 1.0, 1e-12);
}

TEST(GroupChain, RefusesANonExponentialLaw) {
  models::Component c = unit("api", 100.0, 1.0);
  c.repair = models::Lognormal{0.0, 1.0};
  try {
    const GroupChain chain(model_of({c}), {0});
    FAIL() << "expected NotAnalysableError";
  } catch (const NotAnalysableError& e) {
    EXPECT_NE(std::string(e.what()).find("component \"api\": its repair is lognormal"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("nines run"), std::string::npos) << e.what();
  }
}

TEST(GroupChain, RefusesANonExponentialSwitchoverByItsKey) {
  models::Component c = standby_pair(models::StandbyMode::kWarm);
  c.standby.switchover = models::Weibull{2.0, 0.1};
  try {
    const GroupChain chain(model_of({c}), {0});
    FAIL() << "expected NotAnalysableError";
  } catch (const NotAnalysableError& e) {
    EXPECT_NE(std::string(e.what()).find("component \"app\": its standby.switchover is weibull"),
              std::string::npos)
        << e.what();
  }
}

TEST(GroupChain, AcceptsZeroDetectionAndSwitchoverButNotAZeroFailure) {
  models::Component c = standby_pair(models::StandbyMode::kCold);
  c.detection = models::Fixed{0.0};
  c.standby.switchover = Exponential{0.0};  // a zero mean is the engine's inline zero too
  EXPECT_EQ(GroupChain(model_of({c}), {0}).states(), 3U);
  c.failure = models::Fixed{0.0};
  EXPECT_THROW(GroupChain(model_of({c}), {0}), NotAnalysableError);
}

TEST(GroupChain, RefusesAChainOverTheLimit) {
  models::Model model = shared_crew_model();
  model.components[0].instances = 40;
  model.components[1].instances = 5;
  try {
    const GroupChain chain(model, {0, 1}, 1000);
    FAIL() << "expected NotAnalysableError";
  } catch (const NotAnalysableError& e) {
    EXPECT_EQ(std::string(e.what()),
              "the Markov chain of components \"a\", \"b\" (crew \"oncall\") has more than 1,000 "
              "states (the limit, --max-states 1000); use 'nines run' for a simulation estimate, "
              "or raise the limit");
  }
}

TEST(GroupChain, RefusesACrewSharedOutsideTheGroup) {
  EXPECT_THROW(GroupChain(shared_crew_model(), {0}), std::invalid_argument);
}

}  // namespace
}  // namespace nines::analysis
