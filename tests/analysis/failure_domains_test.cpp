// Zones and regions in `nines analyze`: pools conditioned on their zones by hand, steady state and
// over the horizon, the zones' own importance measures, and the models the solver refuses.
#include "nines/analysis/failure_domains.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "../support/two_state_unit.hpp"
#include "analysis_models.hpp"
#include "nines/analysis/system_analysis.hpp"
#include "nines/models/error.hpp"

namespace nines::analysis {
namespace {

using testing::model_from;

// Instances: mtbf 100 h, mttr 10 h; zones: mtbf 400 h, mttr 25 h; the region: 1500 h, 30 h.
constexpr double kLambda = 1.0 / 100.0;
constexpr double kMu = 1.0 / 10.0;
constexpr double kZoneLambda = 1.0 / 400.0;
constexpr double kZoneMu = 1.0 / 25.0;
constexpr double kRegionLambda = 1.0 / 1500.0;
constexpr double kRegionMu = 1.0 / 30.0;
constexpr double kHorizon = 2000.0;

using testing::horizon_average;
using testing::two_of_three;
using testing::up_at;

const DomainAnalysis& row(const std::vector<DomainAnalysis>& rows, const std::string& id) {
  for (const auto& r : rows) {
    if (r.id == id) return r;
  }
  throw std::runtime_error("no row " + id);
}

constexpr const char* kOneZone = R"({"horizon": "2000h",
  "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}],
  "components": [{"id": "web", "instances": 3, "min_up": 2, "mtbf": "100h", "mttr": "10h",
                  "zones": ["a"]}]})";

TEST(AnalyzeZones, TwoOfThreeInOneZoneIsTheZoneTimesTheBinomialTail) {
  const Analysis a = analyze(model_from(kOneZone));
  const double p = kMu / (kLambda + kMu);
  const double z = kZoneMu / (kZoneLambda + kZoneMu);
  const double expected = z * two_of_three(p);
  EXPECT_NEAR(a.availability, expected, 1e-15);
  EXPECT_NEAR(a.unavailability, 1.0 - expected, 1e-15);
  EXPECT_EQ(a.domain_patterns, 2U);
  // Down when the zone fails while the pool is up, or the pool's third-last instance fails
  // while the zone is up: P(exactly 2 up) x 2 lambda.
  const double frequency =
      z * kZoneLambda * two_of_three(p) + z * 3.0 * p * p * (1.0 - p) * 2.0 * kLambda;
  EXPECT_NEAR(a.outages_per_year, frequency * 8760.0, 1e-11);

  ASSERT_EQ(a.zones.size(), 1U);
  const DomainAnalysis& zone = a.zones[0];
  EXPECT_EQ(zone.id, "a");
  EXPECT_NEAR(zone.availability, z, 1e-15);
  const double u = 1.0 - expected;
  // A(zone up) = two_of_three(p), A(zone down) = 0.
  EXPECT_NEAR(zone.birnbaum, two_of_three(p), 1e-14);
  EXPECT_NEAR(zone.criticality, (1.0 - z) * two_of_three(p) / u, 1e-13);
  EXPECT_NEAR(*zone.raw, 1.0 / u, 1e-11);
  EXPECT_NEAR(*zone.rrw, u / (1.0 - two_of_three(p)), 1e-12);
  // z = mtbf / (mtbf + mttr): dz/dmtbf = mttr / cycle^2, dz/dmttr = -mtbf / cycle^2.
  EXPECT_NEAR(zone.d_availability_d_mtbf, two_of_three(p) * 25.0 / (425.0 * 425.0), 1e-15);
  EXPECT_NEAR(zone.d_availability_d_mttr, -two_of_three(p) * 400.0 / (425.0 * 425.0), 1e-15);
  // The pool's own availability counts the zone's blocking, as the simulator does.
  EXPECT_NEAR(a.components[0].availability, expected, 1e-15);
  EXPECT_NEAR(a.components[0].birnbaum, 1.0, 1e-15);

  const double horizon = horizon_average(
      [](double t) {
        return up_at(kZoneLambda, kZoneMu, t) * two_of_three(up_at(kLambda, kMu, t));
      },
      kHorizon);
  ASSERT_TRUE(a.horizon_availability.has_value());
  EXPECT_NEAR(*a.horizon_availability, horizon, 1e-11);
  EXPECT_NEAR(*a.horizon_unavailability, 1.0 - horizon, 1e-11);
  const double outages = horizon_average(
      [](double t) {
        const double zt = up_at(kZoneLambda, kZoneMu, t);
        const double pt = up_at(kLambda, kMu, t);
        return zt * kZoneLambda * two_of_three(pt) +
               zt * 3.0 * pt * pt * (1.0 - pt) * 2.0 * kLambda;
      },
      kHorizon);
  EXPECT_NEAR(*a.horizon_outages_per_year, outages * 8760.0, 1e-8);
}

TEST(AnalyzeZones, TwoOfThreeOverThreeZonesIsTheTailOfInstanceZonePairs) {
  const Analysis a = analyze(model_from(R"({"horizon": "2000h",
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}, {"id": "b", "mtbf": "400h", "mttr": "25h"},
              {"id": "c", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "web", "instances": 3, "min_up": 2, "mtbf": "100h", "mttr": "10h",
                    "zones": ["a", "b", "c"]}]})"));
  const double p = kMu / (kLambda + kMu);
  const double z = kZoneMu / (kZoneLambda + kZoneMu);
  const double r = z * p;  // an instance and its zone, in series
  EXPECT_EQ(a.domain_patterns, 8U);
  EXPECT_NEAR(a.availability, two_of_three(r), 1e-15);
  // Each pair goes down at lambda + lambda_zone while up; the pool when one of two up pairs does.
  EXPECT_NEAR(a.outages_per_year, 3.0 * r * r * (1.0 - r) * 2.0 * (kLambda + kZoneLambda) * 8760.0,
              1e-11);
  // Zone a up: instance a (p) with two pairs (r); down: both other pairs needed.
  const double birnbaum = p * (1.0 - (1.0 - r) * (1.0 - r)) + (1.0 - p) * r * r - r * r;
  ASSERT_EQ(a.zones.size(), 3U);
  for (const auto& zone : a.zones) EXPECT_NEAR(zone.birnbaum, birnbaum, 1e-14) << zone.id;
  EXPECT_NEAR(*a.zones[1].raw, (1.0 - r * r) / (1.0 - two_of_three(r)), 1e-11);

  const double horizon = horizon_average(
      [](double t) {
        return two_of_three(up_at(kZoneLambda, kZoneMu, t) * up_at(kLambda, kMu, t));
      },
      kHorizon);
  ASSERT_TRUE(a.horizon_availability.has_value());
  EXPECT_NEAR(*a.horizon_availability, horizon, 1e-11);
  const double outages = horizon_average(
      [](double t) {
        const double rt = up_at(kZoneLambda, kZoneMu, t) * up_at(kLambda, kMu, t);
        return 3.0 * rt * rt * (1.0 - rt) * 2.0 * (kLambda + kZoneLambda);
      },
      kHorizon);
  EXPECT_NEAR(*a.horizon_outages_per_year, outages * 8760.0, 1e-8);
}

TEST(AnalyzeZones, ARegionOverTwoZonesTakesBothAtOnce) {
  const Analysis a = analyze(model_from(R"({"horizon": "2000h",
    "regions": [{"id": "eu", "mtbf": "1500h", "mttr": "30h"}],
    "zones": [{"id": "eu-a", "region": "eu", "mtbf": "400h", "mttr": "25h"},
              {"id": "eu-b", "region": "eu", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "db", "instances": 2, "min_up": 1, "mtbf": "100h", "mttr": "10h",
                    "placement": {"eu-a": 1, "eu-b": 1}}]})"));
  const double p = kMu / (kLambda + kMu);
  const double z = kZoneMu / (kZoneLambda + kZoneMu);
  const double g = kRegionMu / (kRegionLambda + kRegionMu);
  const double r = z * p;
  const double pair = 1.0 - (1.0 - r) * (1.0 - r);
  EXPECT_EQ(a.domain_patterns, 8U);
  EXPECT_NEAR(a.availability, g * pair, 1e-15);
  // The region's failures while the pair is up, and the last pair's failures while it is up.
  const double frequency =
      g * kRegionLambda * pair + g * 2.0 * r * (1.0 - r) * (kLambda + kZoneLambda);
  EXPECT_NEAR(a.outages_per_year, frequency * 8760.0, 1e-11);
  ASSERT_EQ(a.regions.size(), 1U);
  EXPECT_NEAR(a.regions[0].birnbaum, pair, 1e-14);
  EXPECT_NEAR(a.regions[0].availability, g, 1e-15);
  EXPECT_NEAR(*a.regions[0].raw, 1.0 / (1.0 - g * pair), 1e-10);
  // Zone eu-a up: the other pair or its own instance; down: the other pair alone.
  EXPECT_NEAR(row(a.zones, "eu-a").birnbaum, g * (1.0 - (1.0 - p) * (1.0 - r)) - g * r, 1e-14);

  const double horizon = horizon_average(
      [](double t) {
        const double rt = up_at(kZoneLambda, kZoneMu, t) * up_at(kLambda, kMu, t);
        return up_at(kRegionLambda, kRegionMu, t) * (1.0 - (1.0 - rt) * (1.0 - rt));
      },
      kHorizon);
  ASSERT_TRUE(a.horizon_availability.has_value());
  EXPECT_NEAR(*a.horizon_availability, horizon, 1e-11);
}

TEST(AnalyzeZones, ACrewPoolInOneZoneIsItsChainTimesTheZone) {
  // 1 of 2 with one repairer: A = 5100/5101 (mtbf 1000 h, mttr 10 h), times the zone's 400/425.
  const Analysis a = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "pair", "instances": 2, "min_up": 1, "mtbf": "1000h", "mttr": "10h",
                    "crew": "crew", "zones": ["a"]}]})"));
  EXPECT_EQ(a.method, "markov");
  EXPECT_NEAR(a.availability, 5100.0 / 5101.0 * 400.0 / 425.0, 1e-12);
  EXPECT_NEAR(a.zones[0].birnbaum, 5100.0 / 5101.0, 1e-12);
  // The chain's own failures count only while the zone is up.
  const double r = 0.01;  // lambda / mu
  const double pi2 = 1.0 / (1.0 + 2 * r + 2 * r * r);
  const double chain_frequency = 2 * r * pi2 / 1000.0;
  const double z = 400.0 / 425.0;
  EXPECT_NEAR(a.outages_per_year, (z * chain_frequency + z / 400.0 * 5100.0 / 5101.0) * 8760.0,
              1e-9);
}

TEST(AnalyzeZones, TwoCrewPoolsInDifferentZonesAreBlockedSeparately) {
  // Two single-instance pools share a crew (one chain) and live in different zones, in series.
  // Given a pattern of the zones, the system is up when both zones and both pools are up.
  const Analysis a = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}, {"id": "b", "mtbf": "800h", "mttr": "5h"}],
    "components": [{"id": "web", "mtbf": "100h", "mttr": "10h", "crew": "crew", "zones": ["a"]},
                   {"id": "db", "mtbf": "200h", "mttr": "5h", "crew": "crew", "zones": ["b"]}],
    "dependencies": [{"from": "web", "to": "db"}]})"));
  const Analysis without = analyze(model_from(R"({"crews": [{"id": "crew"}],
    "components": [{"id": "web", "mtbf": "100h", "mttr": "10h", "crew": "crew"},
                   {"id": "db", "mtbf": "200h", "mttr": "5h", "crew": "crew"}],
    "dependencies": [{"from": "web", "to": "db"}]})"));
  EXPECT_NEAR(a.availability, without.availability * 400.0 / 425.0 * 800.0 / 805.0, 1e-13);
}

TEST(AnalyzeZones, OneMoreInstanceGoesWhereTheSimulatorWouldPutIt) {
  // Round-robin over a, b, c: a fourth instance lands in zone a.
  const std::string base = R"({"zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"},
      {"id": "b", "mtbf": "400h", "mttr": "25h"}, {"id": "c", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "web", "instances": N, "min_up": 2, "mtbf": "100h", "mttr": "10h",
                    "zones": ["a", "b", "c"]}]})";
  auto with = [&](const char* n) {
    std::string text = base;
    text.replace(text.find('N'), 1, n);
    return analyze(model_from(text));
  };
  const Analysis three = with("3");
  const Analysis four = with("4");
  EXPECT_NEAR(three.components[0].gain_one_more_instance, four.availability - three.availability,
              1e-14);
}

TEST(AnalyzeZones, SensitivitiesMatchDifferencesOfTheModel) {
  const std::string text = R"({"regions": [{"id": "eu", "mtbf": "1500h", "mttr": "30h"}],
    "zones": [{"id": "a", "region": "eu", "mtbf": "ZMTBFh", "mttr": "25h"},
              {"id": "b", "region": "eu", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "web", "instances": 3, "min_up": 2, "mtbf": "100h", "mttr": "MTTRh",
                    "zones": ["a", "b"]}]})";
  auto availability = [&](double zone_mtbf, double mttr) {
    std::string s = text;
    s.replace(s.find("ZMTBF"), 5, std::to_string(zone_mtbf));
    s.replace(s.find("MTTR"), 4, std::to_string(mttr));
    return analyze(model_from(s)).availability;
  };
  std::string s = text;
  s.replace(s.find("ZMTBF"), 5, "400");
  s.replace(s.find("MTTR"), 4, "10");
  const Analysis a = analyze(model_from(s));
  const double zone_numeric = (availability(400.01, 10) - availability(399.99, 10)) / 0.02;
  EXPECT_NEAR(row(a.zones, "a").d_availability_d_mtbf / zone_numeric, 1.0, 1e-5);
  const double mttr_numeric = (availability(400, 10.001) - availability(400, 9.999)) / 0.002;
  EXPECT_NEAR(a.components[0].d_availability_d_mttr / mttr_numeric, 1.0, 1e-5);
}

TEST(AnalyzeZones, ZonesNoComponentNamesChangeNothing) {
  const Analysis plain = analyze(model_from(R"({
    "components": [{"id": "web", "instances": 3, "min_up": 2, "mtbf": "100h", "mttr": "10h"}]})"));
  const Analysis zoned = analyze(model_from(R"({
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "web", "instances": 3, "min_up": 2, "mtbf": "100h", "mttr": "10h"}]})"));
  EXPECT_EQ(plain.availability, zoned.availability);
  EXPECT_EQ(plain.outages_per_year, zoned.outages_per_year);
  EXPECT_EQ(zoned.domain_patterns, 1U);
  ASSERT_EQ(zoned.zones.size(), 1U);
  EXPECT_EQ(zoned.zones[0].birnbaum, 0.0);
  EXPECT_TRUE(plain.zones.empty());
}

TEST(AnalyzeZones, NonExponentialZoneGivesTheSteadyStateOnly) {
  const Analysis a = analyze(model_from(R"({
    "zones": [{"id": "a", "failure": {"type": "weibull", "shape": 2, "scale": "400h"},
               "mttr": "25h"}],
    "components": [{"id": "web", "mtbf": "100h", "mttr": "10h", "zones": ["a"]}]})"));
  const double up = 400.0 * std::tgamma(1.5);
  EXPECT_NEAR(a.availability, up / (up + 25.0) * 100.0 / 110.0, 1e-14);
  EXPECT_FALSE(a.horizon_availability.has_value());
  EXPECT_NE(a.horizon_note.find("zone \"a\""), std::string::npos) << a.horizon_note;
}

std::string what(const std::string& text) {
  try {
    (void)analyze(model_from(text));
  } catch (const NotAnalysableError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(AnalyzeZones, MoreThanSixteenZonesAndRegionsAreRefusedWithTheCountAndLimit) {
  std::string zones;
  std::string names;
  for (int i = 0; i < 17; ++i) {
    const std::string id = "z" + std::to_string(i);
    zones +=
        (i == 0 ? "" : ",") + std::string(R"({"id": ")") + id + R"(", "mtbf": "1y", "mttr": "1h"})";
    names += (i == 0 ? "\"" : ",\"") + id + "\"";
  }
  const std::string message = what(R"({"zones": [)" + zones + R"(],
    "components": [{"id": "web", "instances": 17, "min_up": 1, "mtbf": "100h", "mttr": "1h", "zones": [)" +
                                   names + "]}]}");
  EXPECT_NE(message.find("17 zones and regions"), std::string::npos) << message;
  EXPECT_NE(message.find("more than the 16"), std::string::npos) << message;
  EXPECT_NE(message.find("nines run"), std::string::npos) << message;
}

TEST(AnalyzeZones, ACoupledPoolOverTwoZonesIsRefusedNamingIt) {
  const std::string message = what(R"({"crews": [{"id": "crew"}],
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}, {"id": "b", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "db", "instances": 2, "min_up": 1, "crew": "crew", "mtbf": "100h", "mttr": "1h",
                    "zones": ["a", "b"]}]})");
  EXPECT_NE(message.find("component \"db\""), std::string::npos) << message;
  EXPECT_NE(message.find("2 zones (\"a\", \"b\")"), std::string::npos) << message;
  const std::string standby = what(R"({
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}, {"id": "b", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "db", "instances": 2, "min_up": 1, "standby": {"mode": "cold"}, "mtbf": "100h", "mttr": "1h",
                    "placement": {"a": 1, "b": 1}}]})");
  EXPECT_NE(standby.find("component \"db\" has a warm/cold standby"), std::string::npos) << standby;
}

TEST(AnalyzeZones, ScheduledFaultsAreRefusedNamingInject) {
  const std::string message = what(R"({
    "zones": [{"id": "a", "mtbf": "400h", "mttr": "25h"}],
    "components": [{"id": "web", "mtbf": "100h", "mttr": "1h", "zones": ["a"]}],
    "inject": [{"at": "30d", "zone": "a", "for": "2h"}]})");
  EXPECT_NE(message.find("'inject'"), std::string::npos) << message;
}

TEST(FailureDomains, MasksFollowThePlacementAndTheRegions) {
  const FailureDomains d = find_failure_domains(model_from(R"({"entry": "web",
    "regions": [{"id": "eu", "mtbf": "1y", "mttr": "1h"}, {"id": "us", "mtbf": "1y", "mttr": "1h"}],
    "zones": [{"id": "unused", "region": "us", "mtbf": "1y", "mttr": "1h"},
              {"id": "eu-a", "region": "eu", "mtbf": "1y", "mttr": "1h"},
              {"id": "lone", "mtbf": "1y", "mttr": "1h"}],
    "components": [{"id": "db", "instances": 3, "placement": {"eu-a": 2, "lone": 1}, "mtbf": "100h",
                    "mttr": "1h"},
                   {"id": "web", "mtbf": "100h", "mttr": "1h"}]})"));
  ASSERT_EQ(d.units.size(), 3U);  // eu-a, lone, eu; "unused" and "us" hold nothing
  EXPECT_EQ(d.units[0].id, "eu-a");
  EXPECT_EQ(d.units[1].id, "lone");
  EXPECT_EQ(d.units[2].id, "eu");
  EXPECT_EQ(d.unit_of_zone[0], -1);
  EXPECT_EQ(d.unit_of_region[1], -1);
  ASSERT_EQ(d.instance_needs[0].size(), 2U);
  EXPECT_EQ(d.instance_needs[0][0], std::make_pair(std::uint32_t{0b101}, std::int64_t{2}));
  EXPECT_EQ(d.instance_needs[0][1], std::make_pair(std::uint32_t{0b010}, std::int64_t{1}));
  EXPECT_EQ(d.extra_instance_need[0], 0b010U);  // the placed zone with the fewest
  EXPECT_EQ(d.instance_needs[1].front(), std::make_pair(std::uint32_t{0}, std::int64_t{1}));
}

}  // namespace
}  // namespace nines::analysis
