// Tests of the JSON result document (the --json contract).
#include "nines/report/result_json.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "nines/models/version.hpp"
#include "sample_run_result.hpp"

namespace nines::report {
namespace {

engine::RunResult sample_result() { return testing::sample_run_result(); }

void expect_estimate(const nlohmann::json& value) {
  ASSERT_TRUE(value.is_object());
  EXPECT_TRUE(value.at("mean").is_number());
  EXPECT_TRUE(value.at("stderr").is_number());
  ASSERT_TRUE(value.at("ci95").is_array());
  EXPECT_EQ(value.at("ci95").size(), 2U);
}

TEST(ResultToJson, BoundsTheOutageRateWhenNoneWasSeen) {
  auto r = sample_result();
  r.replications = 500;
  r.horizon_hours = 2.0 * 8760.0;
  r.outages = 0;
  r.outages_per_year = {0.0, 0.0, 0.0, 0.0};
  const auto doc = result_to_json(r);
  // Poisson: -ln(0.05) / (500 x 2 years).
  EXPECT_NEAR(doc.at("outages_per_year").at("upper_bound_95").get<double>(),
              -std::log(0.05) / 1000.0, 1e-15);
  for (const char* key : {"mean", "stderr", "ci95"}) {
    EXPECT_TRUE(doc.at("outages_per_year").contains(key)) << key;
  }
}

TEST(ResultToJson, CarriesTheOverridesAndTheModelDigest) {
  const Provenance provenance{{"db.instances=3", "api.mttr=30m"}, std::string(64, 'a')};
  const auto doc = result_to_json(sample_result(), std::nullopt, std::nullopt, provenance);
  EXPECT_EQ(doc.at("overrides"), (nlohmann::json{"db.instances=3", "api.mttr=30m"}));
  EXPECT_EQ(doc.at("model_sha256"), std::string(64, 'a'));
}

TEST(ResultToJson, HasEveryContractKey) {
  const auto doc = result_to_json(sample_result());
  for (const char* key :
       {"model", "scenario", "replications", "horizon_hours", "seed", "target", "availability",
        "downtime_hours_per_year", "outages_per_year", "outage_duration_hours", "system_mtbf_hours",
        "system_mttr_hours", "sla", "outages_cut_at_horizon", "components", "events", "run_info",
        "overrides", "model_sha256"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc.at("overrides"), nlohmann::json::array());
  EXPECT_TRUE(doc.at("model_sha256").is_null());
  EXPECT_TRUE(doc.at("outages_per_year").at("upper_bound_95").is_null()) << "outages were seen";
  expect_estimate(doc.at("availability"));
  expect_estimate(doc.at("downtime_hours_per_year"));
  expect_estimate(doc.at("outages_per_year"));
  for (const char* key : {"mean", "p50", "p90", "p99", "max"}) {
    EXPECT_TRUE(doc.at("outage_duration_hours").at(key).is_number()) << key;
  }
  for (const char* key : {"target", "probability_met", "ci95"}) {
    EXPECT_TRUE(doc.at("sla").contains(key)) << key;
  }
  for (const auto& component : doc.at("components")) {
    for (const char* key : {"id", "availability", "service_availability", "downtime_share",
                            "mean_time_to_detect_hours", "undetected_failures_per_year",
                            "mean_time_to_repair_hours"}) {
      EXPECT_TRUE(component.contains(key)) << key;
    }
  }
  for (const char* key : {"threads", "wall_seconds", "events_per_second", "version"}) {
    EXPECT_TRUE(doc.at("run_info").contains(key)) << key;
  }
}

TEST(ResultToJson, WritesTheTrafficKeysNullWithoutALoad) {
  const auto doc = result_to_json(sample_result());
  EXPECT_EQ(doc.at("slo_basis"), "time");
  for (const char* key : {"requests", "degraded_hours_per_year", "cascades", "recovery_hours",
                          "metastable_per_year"}) {
    EXPECT_TRUE(doc.at(key).is_null()) << key;
  }
  EXPECT_EQ(doc.at("flow_evaluations"), 0);
  EXPECT_EQ(doc.at("flow_not_converged"), 0);
  EXPECT_EQ(doc.at("run_info").at("flow_evaluations_per_second"), 0.0);
  for (const auto& component : doc.at("components")) {
    for (const char* key : {"utilisation", "overload_crashes_per_year", "cascades_started_per_year",
                            "blast_radius"}) {
      EXPECT_TRUE(component.at(key).is_null()) << key;
    }
  }
}

TEST(ResultToJson, WritesTheRequestsOfALoad) {
  engine::RunResult r = sample_result();
  r.requests_basis = true;
  engine::RequestResult q;
  q.availability = {0.9991, 0.0002, 0.9987, 0.9995};
  q.availability_quantiles = engine::AvailabilityQuantiles{0.99, 0.995, 1.0, 1.0, 1.0};
  q.offered_per_year = 3.78e10;
  q.failed_per_year = 3.4e7;
  r.requests = q;
  r.degraded_hours_per_year = engine::Estimate{7.9, 0.5, 6.9, 8.9};
  const auto doc = result_to_json(r);
  EXPECT_EQ(doc.at("slo_basis"), "requests");
  const auto& requests = doc.at("requests");
  expect_estimate(requests.at("availability"));
  EXPECT_EQ(requests.at("availability").at("mean"), 0.9991);
  EXPECT_EQ(requests.at("availability_quantiles").at("p1"), 0.99);
  EXPECT_EQ(requests.at("offered_per_year"), 3.78e10);
  EXPECT_EQ(requests.at("failed_per_year"), 3.4e7);
  EXPECT_EQ(requests.at("rejected_per_year"), 0.0);
  EXPECT_EQ(requests.at("shed_per_year"), 0.0);
  EXPECT_TRUE(requests.at("journeys").is_null());
  expect_estimate(doc.at("degraded_hours_per_year"));
  EXPECT_EQ(doc.at("degraded_hours_per_year").at("mean"), 7.9);
  EXPECT_TRUE(doc.at("recovery_hours").is_null());
  EXPECT_TRUE(doc.at("metastable_per_year").is_null());
  r.recovery_hours = engine::RecoveryHours{0.5, 1.25, 3.0, 40, 2};
  r.metastable_per_year = engine::Estimate{0.3, 0.1, 0.1, 0.5};
  const auto with_episodes = result_to_json(r);
  EXPECT_EQ(with_episodes.at("recovery_hours"),
            (nlohmann::json{
                {"mean", 0.5}, {"p90", 1.25}, {"max", 3.0}, {"count", 40}, {"cut_at_horizon", 2}}));
  expect_estimate(with_episodes.at("metastable_per_year"));
}

TEST(ResultToJson, WritesTheDetectionFiguresOrNull) {
  auto r = sample_result();
  r.components[1].mean_time_to_detect_hours = 2.5;
  r.components[1].undetected_failures_per_year = 0.75;
  r.components[1].mean_time_to_repair_hours = 4.0;
  const auto doc = result_to_json(r);
  const auto& db = doc.at("components").at(1);
  EXPECT_EQ(db.at("mean_time_to_detect_hours"), 2.5);
  EXPECT_EQ(db.at("undetected_failures_per_year"), 0.75);
  EXPECT_EQ(db.at("mean_time_to_repair_hours"), 4.0);
  const auto& frontend = doc.at("components").at(0);
  EXPECT_TRUE(frontend.at("mean_time_to_detect_hours").is_null());
  EXPECT_TRUE(frontend.at("undetected_failures_per_year").is_null());
  EXPECT_TRUE(frontend.at("mean_time_to_repair_hours").is_null());
}

TEST(ResultToJson, NamesTheScenarioOrNull) {
  EXPECT_TRUE(result_to_json(sample_result()).at("scenario").is_null());
  EXPECT_EQ(result_to_json(sample_result(), std::nullopt, "third replica").at("scenario"),
            "third replica");
}

TEST(ResultToJson, CopiesTheFigures) {
  const auto doc = result_to_json(sample_result());
  EXPECT_EQ(doc.at("model"), "Web shop");
  EXPECT_EQ(doc.at("replications"), 2000);
  EXPECT_EQ(doc.at("horizon_hours"), 8760.0);
  EXPECT_EQ(doc.at("seed"), 7U);
  EXPECT_EQ(doc.at("target"), 0.9995);
  EXPECT_EQ(doc.at("availability").at("ci95").at(0), 0.9994810);
  EXPECT_EQ(doc.at("availability").at("ci95").at(1), 0.9995437);
  EXPECT_EQ(doc.at("outage_duration_hours").at("p99"), 12.05);
  EXPECT_EQ(doc.at("system_mtbf_hours"), 3792.2);
  EXPECT_EQ(doc.at("sla").at("probability_met"), 0.623);
  EXPECT_EQ(doc.at("components").at(1).at("id"), "db");
  EXPECT_EQ(doc.at("components").at(1).at("outages_caused"), 2010);
  EXPECT_EQ(doc.at("events"), 123456789U);
  EXPECT_EQ(doc.at("outages"), 4620);
  EXPECT_EQ(doc.at("outages_cut_at_horizon"), 3);
  EXPECT_EQ(doc.at("run_info").at("threads"), 2);
  EXPECT_EQ(doc.at("run_info").at("version"), kVersion);
  EXPECT_EQ(doc.at("format_version"), kResultFormatVersion);
  EXPECT_NEAR(doc.at("nines").get<double>(), 3.3119, 1e-4);
}

TEST(ResultToJson, WritesNullWhenThereIsNoTargetAndNoOutage) {
  auto r = sample_result();
  r.target.reset();
  r.sla.reset();
  r.outage_duration.reset();
  r.system_mtbf_hours.reset();
  r.system_mttr_hours.reset();
  r.outages = 0;
  r.availability = {1.0, 0.0, 1.0, 1.0};
  const auto doc = result_to_json(r);
  EXPECT_TRUE(doc.at("target").is_null());
  EXPECT_TRUE(doc.at("sla").is_null());
  EXPECT_TRUE(doc.at("outage_duration_hours").is_null());
  EXPECT_TRUE(doc.at("system_mtbf_hours").is_null());
  EXPECT_TRUE(doc.at("system_mttr_hours").is_null());
  EXPECT_TRUE(doc.at("nines").is_null());
}

TEST(ResultToJson, WritesNonFiniteNumbersAsNull) {
  auto r = sample_result();
  r.availability.stderr_ = std::numeric_limits<double>::quiet_NaN();
  r.run_info.events_per_second = std::numeric_limits<double>::infinity();
  const auto doc = result_to_json(r);
  EXPECT_TRUE(doc.at("availability").at("stderr").is_null());
  EXPECT_TRUE(doc.at("run_info").at("events_per_second").is_null());
}

TEST(ResultJsonText, RoundTripsDoublesExactly) {
  const auto r = sample_result();
  const auto text = result_json_text(r);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const auto doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc.at("availability").at("mean").get<double>(), r.availability.mean);
  EXPECT_EQ(doc.at("seed").get<std::uint64_t>(), r.seed);
}

TEST(ResultJsonText, KeepsLargeSeedsExact) {
  auto r = sample_result();
  r.seed = std::numeric_limits<std::uint64_t>::max();
  const auto doc = nlohmann::json::parse(result_json_text(r));
  EXPECT_EQ(doc.at("seed").get<std::uint64_t>(), std::numeric_limits<std::uint64_t>::max());
}

TEST(ResultJsonText, ReplacesInvalidUtf8InTheModelName) {
  auto r = sample_result();
  r.model_name = "caf\xe9";
  const auto doc = nlohmann::json::parse(result_json_text(r));
  EXPECT_EQ(doc.at("model").get<std::string>(), "caf\xef\xbf\xbd");
}

TEST(ResultToJson, WritesPrecisionAndWindowsOnlyWhenAsked) {
  auto r = sample_result();
  auto doc = result_to_json(r);
  EXPECT_TRUE(doc.at("precision").is_null());
  EXPECT_TRUE(doc.at("windows").is_null());
  EXPECT_TRUE(doc.at("availability_quantiles").is_null());

  r.precision = engine::PrecisionSummary{
      0.05, 0.0491, 0.95, 1000, 38, 38000, engine::PrecisionStop::kMaxTime};
  engine::WindowResult w;
  w.length_hours = 720.0;
  w.per_replication = 12;
  w.partial_window_hours = 120.0;
  r.windows = w;  // no windows counted: the figures that need one are null
  doc = result_to_json(r);
  const auto& p = doc.at("precision");
  EXPECT_EQ(p.at("target"), 0.05);
  EXPECT_EQ(p.at("reached"), 0.0491);
  EXPECT_EQ(p.at("batch"), 1000);
  EXPECT_EQ(p.at("batches"), 38);
  EXPECT_EQ(p.at("replications"), 38000);
  EXPECT_EQ(p.at("stopped_by"), "max-time");
  EXPECT_EQ(doc.at("windows").at("count"), 0);
  EXPECT_TRUE(doc.at("windows").at("mean_availability").is_null());
  EXPECT_TRUE(doc.at("windows").at("probability_missed").is_null());

  r.precision->reached = std::numeric_limits<double>::infinity();  // no downtime seen
  EXPECT_TRUE(result_to_json(r).at("precision").at("reached").is_null());
}

}  // namespace
}  // namespace nines::report
