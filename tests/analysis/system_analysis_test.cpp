// Tests of the analysis of independent pools against hand-derived closed forms.
#include "nines/analysis/system_analysis.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <string>
#include <unsupported/Eigen/MatrixFunctions>

#include "analysis_models.hpp"
#include "nines/models/error.hpp"

namespace nines::analysis {
namespace {

using testing::model_from;

const ComponentAnalysis& component(const Analysis& a, const std::string& id) {
  for (const auto& c : a.components) {
    if (c.id == id) return c;
  }
  throw std::runtime_error("no component " + id);
}

TEST(Analyze, SeriesIsTheProductAndFailsAtTheSumOfRates) {
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "web", "mtbf": "1000h", "mttr": "10h"},
                   {"id": "db", "mtbf": "2000h", "mttr": "5h",
                    "detection": {"type": "exponential", "mean": "1h"}}],
    "dependencies": [{"from": "web", "to": "db"}]})"));
  const double a_web = 1000.0 / 1010.0;
  const double a_db = 2000.0 / 2006.0;
  EXPECT_EQ(a.method, "structure-function");
  EXPECT_NEAR(a.availability, a_web * a_db, 1e-15);
  EXPECT_NEAR(a.unavailability, 1 - a_web * a_db, 1e-15);
  EXPECT_NEAR(a.downtime_hours_per_year, (1 - a_web * a_db) * 8760, 1e-10);
  // Each pool fails at rate lambda while up; the series fails whenever either does.
  const double frequency = a_web * a_db * (1 / 1000.0 + 1 / 2000.0);
  EXPECT_NEAR(a.outages_per_year, frequency * 8760, 1e-12);
  EXPECT_NEAR(*a.mean_outage_hours, (1 - a_web * a_db) / frequency, 1e-9);
  EXPECT_NEAR(component(a, "web").availability, a_web, 1e-15);
  EXPECT_NEAR(component(a, "web").service_availability, a_web * a_db, 1e-15);
  EXPECT_NEAR(component(a, "db").service_availability, a_db, 1e-15);
}

TEST(Analyze, KOfNPoolIsTheBinomialTail) {
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "pool", "instances": 5, "min_up": 3, "mtbf": "100h", "mttr": "10h"}]})"));
  const double p = 100.0 / 110.0;
  const double q = 1 - p;
  const double expected = std::pow(p, 5) + 5 * std::pow(p, 4) * q + 10 * std::pow(p, 3) * q * q;
  EXPECT_NEAR(a.availability, expected, 1e-14);
  // Down when the third-last instance fails: P(exactly 3 up) * 3 * lambda.
  EXPECT_NEAR(a.outages_per_year, 10 * std::pow(p, 3) * q * q * 3 / 100.0 * 8760, 1e-9);
}

TEST(Analyze, ListDependencyIsParallelRedundancy) {
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "app", "mtbf": "1000h", "mttr": "1h"},
                   {"id": "a", "mtbf": "100h", "mttr": "10h"},
                   {"id": "b", "mtbf": "200h", "mttr": "10h"},
                   {"id": "c", "mtbf": "300h", "mttr": "10h"}],
    "dependencies": [{"from": "app", "to": ["a", "b", "c"], "min_up": 2}]})"));
  const double pa = 100.0 / 110.0;
  const double pb = 200.0 / 210.0;
  const double pc = 300.0 / 310.0;
  const double two_of_three = pa * pb + pa * pc + pb * pc - 2 * pa * pb * pc;
  EXPECT_NEAR(a.availability, 1000.0 / 1001.0 * two_of_three, 1e-15);
}

TEST(Analyze, SharedDependencyIsCountedOnceWhereTheNaiveProductIsWrong) {
  // Two API replicas (one of two needed) share one database. The naive product multiplies the
  // database into both branches: 1 - (1 - a db)^2 instead of db (1 - (1 - a)^2).
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "frontend", "mtbf": "5000h", "mttr": "1h"},
                   {"id": "api-1", "mtbf": "500h", "mttr": "5h"},
                   {"id": "api-2", "mtbf": "500h", "mttr": "5h"},
                   {"id": "db", "mtbf": "1000h", "mttr": "10h"}],
    "dependencies": [{"from": "frontend", "to": ["api-1", "api-2"], "min_up": 1},
                     {"from": "api-1", "to": "db"}, {"from": "api-2", "to": "db"}]})"));
  const double f = 5000.0 / 5001.0;
  const double api = 500.0 / 505.0;
  const double db = 1000.0 / 1010.0;
  const double exact = f * db * (1 - (1 - api) * (1 - api));
  const double naive = f * (1 - (1 - api * db) * (1 - api * db));
  EXPECT_NEAR(a.availability, exact, 1e-15);
  EXPECT_GT(std::abs(a.availability - naive), 1e-5);
  EXPECT_NEAR(component(a, "api-1").service_availability, api * db, 1e-15);
}

TEST(Analyze, ImportanceMeasuresOfASeriesPairAreTheTextbookValues) {
  // Series of two: I_B(1) = p2, I_CR(1) = q1 p2 / Q, RAW(1) = 1 / Q, RRW(1) = Q / q2.
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "one", "mtbf": "90h", "mttr": "10h"},
                   {"id": "two", "mtbf": "95h", "mttr": "5h"}],
    "dependencies": [{"from": "one", "to": "two"}]})"));
  const double p1 = 0.9;
  const double p2 = 0.95;
  const double u = 1 - p1 * p2;
  const ComponentAnalysis& one = component(a, "one");
  EXPECT_NEAR(one.birnbaum, p2, 1e-14);
  EXPECT_NEAR(one.criticality, (1 - p1) * p2 / u, 1e-13);
  EXPECT_NEAR(*one.raw, 1 / u, 1e-12);
  EXPECT_NEAR(*one.rrw, u / (1 - p2), 1e-12);
  // One more instance (1 of 2): pool availability 1 - q1^2.
  EXPECT_NEAR(one.gain_one_more_instance, p2 * ((1 - p1) - (1 - p1) * (1 - p1)), 1e-14);
  // A = p2 * mtbf / (mtbf + mttr): dA/dmtbf = p2 * mttr / (mtbf + mttr)^2, dA/dmttr = -p2 mtbf/..
  EXPECT_NEAR(one.d_availability_d_mtbf, p2 * 10.0 / (100.0 * 100.0), 1e-15);
  EXPECT_NEAR(one.d_availability_d_mttr, -p2 * 90.0 / (100.0 * 100.0), 1e-15);
}

TEST(Analyze, ParallelPairHasNoRrwLimitWhenOneSidePerfectRemovesAllDowntime) {
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "app", "mtbf": "1000h", "mttr": "1h"},
                   {"id": "a", "mtbf": "100h", "mttr": "10h"},
                   {"id": "b", "mtbf": "100h", "mttr": "10h"}],
    "dependencies": [{"from": "app", "to": ["a", "b"], "min_up": 1}]})"));
  const ComponentAnalysis& app = component(a, "app");
  EXPECT_TRUE(app.rrw.has_value());
  const double q = 10.0 / 110.0;
  EXPECT_NEAR(component(a, "a").birnbaum, 1000.0 / 1001.0 * q, 1e-15);
}

TEST(Analyze, NonExponentialLawsGiveOnlyTheSteadyState) {
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "api", "failure": {"type": "weibull", "shape": 1.5, "scale": "1000h"},
                    "repair": {"type": "lognormal", "median": "2h", "sigma": 0.5}}]})"));
  const double up = 1000.0 * std::tgamma(1 + 1 / 1.5);
  const double repair = 2.0 * std::exp(0.125);
  EXPECT_NEAR(a.availability, up / (up + repair), 1e-13);
  EXPECT_FALSE(a.horizon_availability.has_value());
  EXPECT_NE(a.horizon_note.find("\"api\""), std::string::npos);
}

TEST(Analyze, HorizonAverageOfOneUnitIsTheIntegralOfItsTransient) {
  // A(t) = A + (1 - A) e^{-(l+m)t}: the mean over [0, T] adds (1 - A)(1 - e^{-(l+m)T}) / ((l+m)T).
  const Analysis a = analyze(model_from(R"({"horizon": "30d",
    "components": [{"id": "unit", "mtbf": "100h", "mttr": "10h"}]})"));
  const double l = 0.01;
  const double m = 0.1;
  const double t = 720.0;
  const double steady = m / (l + m);
  const double mean = steady + (1 - steady) * (1 - std::exp(-(l + m) * t)) / ((l + m) * t);
  ASSERT_TRUE(a.horizon_availability.has_value());
  EXPECT_NEAR(*a.horizon_availability, mean, 1e-13);
  EXPECT_NEAR(*a.horizon_unavailability, 1 - mean, 1e-13);
  // Failures happen at rate l A(t): the expected count over [0, T] is l T mean.
  EXPECT_NEAR(*a.horizon_outages_per_year, l * mean * 8760, 1e-10);
}

TEST(Analyze, CoverageEntersTheRenewalFormulaWithAnyLaws) {
  // A = E[up] / (E[up] + c E[detection] + (1 - c) E[undetected] + E[repair]): a missed failure
  // only lengthens the down phase of the alternating renewal process.
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "unit", "failure": {"type": "weibull", "shape": 2, "scale": "1000h"},
                    "repair": {"type": "fixed", "value": "4h"},
                    "detection": {"type": "uniform", "min": "0h", "max": "1h"},
                    "coverage": 0.8, "undetected": {"type": "gamma", "shape": 2, "scale": "10h"}}]})"));
  const double up = 1000.0 * std::tgamma(1.5);
  const double mttd = 0.8 * 0.5 + 0.2 * 20.0;
  EXPECT_NEAR(a.availability, up / (up + mttd + 4.0), 1e-14);
  EXPECT_FALSE(a.horizon_availability.has_value());  // non-exponential laws: steady state only
}

TEST(Analyze, CoverageOverTheHorizonIsTheFourStateCycle) {
  // up -> caught (c l) or missed ((1 - c) l) -> repair -> up, all exponential: the mean of
  // P(up at t) over [0, T] is read off exp([[Q, I], [0, 0]] T), solved here.
  const double l = 1.0 / 100.0;
  const double c = 0.7;
  const Analysis a = analyze(model_from(R"({"horizon": "30d",
    "components": [{"id": "unit", "mtbf": "100h", "mttr": "10h", "detection": "2h",
                    "coverage": 0.7, "undetected": "20h"}]})"));
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(4, 4);
  const auto rate = [&](int from, int to, double per_hour) {
    q(from, to) += per_hour;
    q(from, from) -= per_hour;
  };
  rate(0, 1, c * l);
  rate(0, 2, (1 - c) * l);
  rate(1, 3, 1.0 / 2.0);
  rate(2, 3, 1.0 / 20.0);
  rate(3, 0, 1.0 / 10.0);
  const double t = 720.0;
  Eigen::MatrixXd block = Eigen::MatrixXd::Zero(8, 8);
  block.topLeftCorner(4, 4) = q * t;
  block.topRightCorner(4, 4) = Eigen::MatrixXd::Identity(4, 4) * t;
  const Eigen::MatrixXd e = block.exp();
  const double mean = e(0, 4) / t;  // time up (state 0) over [0, T], from up
  ASSERT_TRUE(a.horizon_availability.has_value()) << a.horizon_note;
  EXPECT_NEAR(*a.horizon_availability, mean, 1e-10);
  EXPECT_NEAR(*a.horizon_outages_per_year, l * mean * 8760, 1e-8);
  EXPECT_NEAR(a.availability, 100.0 / (100.0 + c * 2.0 + (1 - c) * 20.0 + 10.0), 1e-14);
}

TEST(Analyze, CoverageInACrewPairSplitsTheUndetectedStateIntoCaughtAndMissed) {
  // Two instances, one needed, one repairer (first come, first served). Per instance: up,
  // caught (rate c l, then detection at 1/2 h), missed (rate (1 - c) l, then 1/20 h), in repair
  // (1/10 h) or waiting for the repairer; the chain of the pair is built here on 5 x 5 states.
  const double l = 1.0 / 100.0;
  const double c = 0.7;
  const Analysis a = analyze(model_from(R"({"horizon": "30d", "crews": [{"id": "k"}],
    "components": [{"id": "db", "instances": 2, "mtbf": "100h", "mttr": "10h", "crew": "k",
                    "detection": "2h", "coverage": 0.7, "undetected": "20h"}]})"));
  enum { kUp, kCaught, kMissed, kRepair, kWaiting };
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(25, 25);
  for (int x = 0; x < 5; ++x) {
    for (int y = 0; y < 5; ++y) {
      const int phase[2] = {x, y};
      for (int i = 0; i < 2; ++i) {
        const int other = phase[1 - i];
        const auto to = [&](int mine, int theirs) {
          return i == 0 ? 5 * mine + theirs : 5 * theirs + mine;
        };
        const auto rate = [&](int target, double per_hour) {
          q(5 * x + y, target) += per_hour;
          q(5 * x + y, 5 * x + y) -= per_hour;
        };
        if (phase[i] == kUp) {
          rate(to(kCaught, other), c * l);
          rate(to(kMissed, other), (1 - c) * l);
        } else if (phase[i] == kCaught || phase[i] == kMissed) {
          rate(to(other == kRepair ? kWaiting : kRepair, other),
               phase[i] == kCaught ? 1.0 / 2.0 : 1.0 / 20.0);
        } else if (phase[i] == kRepair) {
          rate(to(kUp, other == kWaiting ? kRepair : other), 1.0 / 10.0);
        }
      }
    }
  }
  Eigen::VectorXd up(25);
  for (int s = 0; s < 25; ++s) up(s) = (s / 5 == kUp || s % 5 == kUp) ? 1.0 : 0.0;
  // Both waiting (state 24) is never reached and has no exit: a way out to both up makes it
  // transient, so the reachable states form the one closed class of the chain.
  q(24, 0) = 1.0;
  q(24, 24) = -1.0;
  Eigen::MatrixXd lhs = q.transpose();
  lhs.row(24).setOnes();
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(25);
  rhs(24) = 1.0;
  const Eigen::VectorXd pi = lhs.fullPivLu().solve(rhs);
  EXPECT_NEAR(a.availability, pi.dot(up), 1e-12);
  const double t = 720.0;
  Eigen::MatrixXd block = Eigen::MatrixXd::Zero(50, 50);
  block.topLeftCorner(25, 25) = q * t;
  block.topRightCorner(25, 25) = Eigen::MatrixXd::Identity(25, 25) * t;
  const Eigen::MatrixXd e = block.exp();
  const Eigen::VectorXd occupied = e.topRightCorner(25, 25).row(0).transpose();
  ASSERT_TRUE(a.horizon_availability.has_value()) << a.horizon_note;
  EXPECT_NEAR(*a.horizon_availability, occupied.dot(up) / t, 1e-9);
}

TEST(Analyze, InspectionsAreRefusedNamingTheComponent) {
  try {
    (void)analyze(model_from(R"({"components": [{"id": "web", "mtbf": "100h", "mttr": "1h",
      "coverage": 0.5, "undetected": {"inspection_every": "1d"}}]})"));
    FAIL() << "inspections were analysed";
  } catch (const NotAnalysableError& e) {
    EXPECT_NE(std::string(e.what()).find(R"(component "web": periodic inspections (every 1d))"),
              std::string::npos)
        << e.what();
  }
}

TEST(Analyze, OneYearReferenceOfTheFoundationIssue) {
  // The exponential instance (mtbf 1000 h, mttr 10 h) whose one-year expected availability the
  // foundation issue gives as 0.990110200495.
  const Analysis a = analyze(model_from(R"({"horizon": "1y",
    "components": [{"id": "unit", "mtbf": "1000h", "mttr": "10h"}]})"));
  EXPECT_NEAR(*a.horizon_availability, 0.990110200495, 1e-12);
}

TEST(Analyze, TwoOfThreeReferenceOfTheFoundationIssue) {
  // A = 1030000/1030301 and a system MTBF (time between outage starts) of 17171.683 h.
  const Analysis a = analyze(model_from(R"({
    "components": [{"id": "pool", "instances": 3, "min_up": 2, "mtbf": "1000h", "mttr": "10h"}]})"));
  EXPECT_NEAR(a.availability, 1030000.0 / 1030301.0, 1e-15);
  EXPECT_NEAR(8760.0 / a.outages_per_year, 17171.683, 1e-3);
}

TEST(Analyze, SensitivitiesMatchDifferencesOfTheModel) {
  const char* text = R"({
    "components": [{"id": "web", "instances": 3, "min_up": 2, "mtbf": "300h", "mttr": "%MTTR%h",
                    "detection": "0.5h"},
                   {"id": "db", "mtbf": "2000h", "mttr": "5h"}],
    "dependencies": [{"from": "web", "to": "db"}]})";
  auto with_mttr = [&](double mttr) {
    std::string s = text;
    s.replace(s.find("%MTTR%"), 6, std::to_string(mttr));
    return analyze(model_from(s)).availability;
  };
  std::string base = text;
  base.replace(base.find("%MTTR%"), 6, "4");
  const Analysis a = analyze(model_from(base));
  const double numeric = (with_mttr(4.001) - with_mttr(3.999)) / 0.002;
  EXPECT_NEAR(component(a, "web").d_availability_d_mttr / numeric, 1.0, 1e-5);
}

TEST(Analyze, CrewSharedByTwoPoolsIsOneChainWithItsTransient) {
  // Two units sharing one repairer (the foundation issue's reference: 1 of 2 hot, one crew,
  // mtbf 1000 h, mttr 10 h: A = 5100/5101), with a second independent pool in series.
  const Analysis a = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "components": [{"id": "pair", "instances": 2, "min_up": 1, "mtbf": "1000h", "mttr": "10h",
                    "crew": "crew"},
                   {"id": "web", "mtbf": "1000h", "mttr": "10h"}],
    "dependencies": [{"from": "web", "to": "pair"}]})"));
  EXPECT_EQ(a.method, "markov");
  EXPECT_NEAR(component(a, "pair").availability, 5100.0 / 5101.0, 1e-12);
  EXPECT_NEAR(a.availability, 5100.0 / 5101.0 * 1000.0 / 1010.0, 1e-12);
  ASSERT_TRUE(a.horizon_availability.has_value());
  EXPECT_GT(*a.horizon_availability, a.availability);  // starting all-up helps a short horizon
}

TEST(Analyze, CrewedUnitOverTheHorizonMatchesTheClosedForm) {
  // One instance with its own crew never queues: the chain's transient must give the closed
  // form's one-year average (0.990110200495) and failure count.
  const Analysis a = analyze(model_from(R"({"horizon": "1y", "crews": [{"id": "crew"}],
    "components": [{"id": "unit", "mtbf": "1000h", "mttr": "10h", "crew": "crew"}]})"));
  EXPECT_EQ(a.method, "markov");
  EXPECT_NEAR(*a.horizon_availability, 0.990110200495, 1e-10);
  EXPECT_NEAR(*a.horizon_outages_per_year, 0.990110200495 * 8760 / 1000.0, 1e-8);
}

TEST(Analyze, OneOfTwoWithOneCrewFailsAtTheBirthDeathRate) {
  // States 2, 1, 0 up: pi1 = (2 l / m) pi2, pi0 = (l / m) pi1; the pool fails from 1 up at l.
  const Analysis a = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "components": [{"id": "pair", "instances": 2, "min_up": 1, "mtbf": "1000h", "mttr": "10h",
                    "crew": "crew"}]})"));
  const double r = 0.01;  // l / m
  const double pi2 = 1.0 / (1.0 + 2 * r + 2 * r * r);
  const double pi1 = 2 * r * pi2;
  EXPECT_NEAR(a.unavailability, r * pi1, 1e-14);
  EXPECT_NEAR(a.outages_per_year, pi1 / 1000.0 * 8760, 1e-12);
  EXPECT_NEAR(*a.mean_outage_hours, 10.0 / 1.0, 1e-9);  // the one repair in progress
}

TEST(Analyze, TwoOfThreeWithOneCrewReferenceOfTheFoundationIssue) {
  const Analysis a = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "components": [{"id": "pool", "instances": 3, "min_up": 2, "mtbf": "1000h", "mttr": "10h",
                    "crew": "crew"}]})"));
  EXPECT_NEAR(a.availability, 0.999411996437048, 1e-13);
}

TEST(Analyze, CoupledPoolsImportanceFollowsFromTheChain) {
  // Two pools sharing a crew in series: the Birnbaum importance of one is the availability of
  // the other given the first's state, so it must lie between 0 and 1 and the sensitivities
  // must have the signs of more failures and longer repairs.
  const Analysis a = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "components": [{"id": "a", "mtbf": "100h", "mttr": "10h", "crew": "crew"},
                   {"id": "b", "mtbf": "200h", "mttr": "5h", "crew": "crew"}],
    "dependencies": [{"from": "a", "to": "b"}]})"));
  for (const auto& c : a.components) {
    EXPECT_GT(c.birnbaum, 0.0);
    EXPECT_LE(c.birnbaum, 1.0);
    EXPECT_GT(c.d_availability_d_mtbf, 0.0);
    EXPECT_LT(c.d_availability_d_mttr, 0.0);
    EXPECT_GT(c.gain_one_more_instance, 0.0);
  }
}

TEST(Analyze, LargeChainsGetNoTransientAndSayWhy) {
  AnalyzeOptions options;
  options.max_transient_states = 2;
  const Analysis a = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "components": [{"id": "pool", "instances": 3, "min_up": 2, "mtbf": "1000h", "mttr": "10h",
                    "crew": "crew"}]})"),
                             options);
  EXPECT_FALSE(a.horizon_availability.has_value());
  EXPECT_NE(a.horizon_note.find("states"), std::string::npos);
}

/// Every figure of an analysis is a number (no inf / inf, no 0 x inf).
void expect_no_nan(const Analysis& a) {
  EXPECT_FALSE(std::isnan(a.availability));
  EXPECT_FALSE(std::isnan(a.outages_per_year));
  for (const auto& c : a.components) {
    for (double x : {c.availability, c.service_availability, c.birnbaum, c.criticality,
                     c.gain_one_more_instance, c.d_availability_d_mtbf, c.d_availability_d_mttr}) {
      EXPECT_FALSE(std::isnan(x)) << c.id;
    }
  }
}

TEST(Analyze, AComponentThatNeverFailsIsUpWithProbabilityExactlyOne) {
  const char* const kWeb = R"({"id": "web", "instances": 2, "mtbf": "300h", "mttr": "20h"})";
  const Analysis alone = analyze(model_from(std::string(R"({"components": [)") + kWeb + "]}"));
  const Analysis a = analyze(model_from(std::string(R"({"components": [
    {"id": "users", "failure": "never"}, {"id": "gate", "instances": 3, "failure": "never"},
    )") + kWeb + R"(],
    "dependencies": [{"from": "users", "to": "gate"}, {"from": "gate", "to": "web"}]})"));
  EXPECT_EQ(a.method, "structure-function");
  EXPECT_EQ(component(a, "users").availability, 1.0);
  EXPECT_EQ(component(a, "gate").availability, 1.0);
  EXPECT_EQ(a.availability, alone.availability);
  EXPECT_EQ(a.outages_per_year, alone.outages_per_year);
  ASSERT_TRUE(a.horizon_availability && alone.horizon_availability) << a.horizon_note;
  EXPECT_EQ(*a.horizon_availability, *alone.horizon_availability);
  EXPECT_EQ(component(a, "users").criticality, 0.0);
  EXPECT_EQ(component(a, "users").d_availability_d_mtbf, 0.0);
  EXPECT_EQ(component(a, "users").d_availability_d_mttr, 0.0);
  expect_no_nan(a);
}

TEST(Analyze, AComponentThatNeverFailsAloneOrInAZone) {
  const Analysis alone = analyze(model_from(R"({"components": [
    {"id": "users", "failure": "never"}]})"));
  EXPECT_EQ(alone.availability, 1.0);
  EXPECT_EQ(alone.unavailability, 0.0);
  EXPECT_EQ(alone.outages_per_year, 0.0);
  EXPECT_FALSE(alone.mean_outage_hours);
  EXPECT_EQ(*alone.horizon_availability, 1.0);
  expect_no_nan(alone);
  // In a zone it is up exactly while the zone is.
  const Analysis zoned = analyze(model_from(R"({
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "gate", "failure": "never", "zones": ["a"]}]})"));
  EXPECT_NEAR(zoned.availability, 400.0 / 425.0, 1e-15);
  expect_no_nan(zoned);
}

TEST(Analyze, ApproximateExponentialKeepsNever) {
  AnalyzeOptions options;
  options.approximate_exponential = true;
  const Analysis a = analyze(model_from(R"({"components": [
    {"id": "users", "failure": "never"},
    {"id": "web", "failure": {"type": "weibull", "shape": 2, "mean": "300h"}, "mttr": "20h"}],
    "dependencies": [{"from": "users", "to": "web"}]})"),
                             options);
  ASSERT_EQ(a.replaced_laws.size(), 1u);
  EXPECT_EQ(a.replaced_laws[0], "web.failure (weibull)");
  EXPECT_EQ(component(a, "users").availability, 1.0);
  EXPECT_NEAR(a.availability, 300.0 / 320.0, 1e-15);
  expect_no_nan(a);
}
TEST(Analyze, AComponentThatNeverFailsBesideAMarkovChain) {
  // A crew couples db's instances (a chain); users stays an independent pool up for ever.
  const char* const kDb = R"({"id": "db", "instances": 2, "mtbf": "500h", "mttr": "10h",
    "crew": "oncall"})";
  const Analysis alone = analyze(model_from(std::string(R"({"crews": [{"id": "oncall"}],
    "components": [)") + kDb + "]}"));
  const Analysis a = analyze(model_from(std::string(R"({"crews": [{"id": "oncall"}],
    "components": [{"id": "users", "failure": "never"}, )") +
                                        kDb + R"(],
    "dependencies": [{"from": "users", "to": "db"}]})"));
  EXPECT_EQ(a.method, "markov");
  EXPECT_EQ(component(a, "users").availability, 1.0);
  EXPECT_NEAR(a.availability, alone.availability, 1e-15);
  ASSERT_TRUE(a.horizon_availability && alone.horizon_availability) << a.horizon_note;
  EXPECT_NEAR(*a.horizon_availability, *alone.horizon_availability, 1e-15);
  expect_no_nan(a);
}
}  // namespace
}  // namespace nines::analysis
