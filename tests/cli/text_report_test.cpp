// Tests of the readable text report.
#include "nines/report/text_report.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"
#include "sample_run_result.hpp"

namespace nines::report {
namespace {

/// The shared sample with rounder figures and a component that caused no outage.
engine::RunResult sample_result() {
  engine::RunResult r = testing::sample_run_result();
  r.availability = {0.99949, 1.6e-5, 0.99946, 0.99952};
  r.downtime_hours_per_year = {4.45, 0.14, 4.0, 4.9};
  r.components = {
      {"frontend", 0.9999, 0.9995, 0.05, 100, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
      {"quiet", 0.99999, 0.99999, 0.0, 0, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
      {"db", 0.9985, 0.9985, 0.6, 2010, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
      {"api", 0.9990, 0.9990, 0.35, 1400, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}};
  r.causes = {{"component", "db", 0.6, 2010},
              {"component", "api", 0.35, 1400},
              {"component", "frontend", 0.05, 100}};
  return r;
}

std::string report_of(const engine::RunResult& r, const TextReportOptions& options = {}) {
  std::ostringstream out;
  write_text_report(r, out, options);
  return out.str();
}

TEST(TextReport, ShowsTheHeadlineFigures) {
  const auto text = report_of(sample_result());
  EXPECT_NE(text.find("Web shop"), std::string::npos);
  EXPECT_NE(text.find("2,000 replications x 1.00 y (8,760 h), seed 7"), std::string::npos) << text;
  EXPECT_NE(text.find("99.9490 %"), std::string::npos) << text;
  EXPECT_NE(text.find("95% CI 99.9460 % .. 99.9520 %"), std::string::npos) << text;
  EXPECT_NE(text.find("3.29 nines"), std::string::npos) << text;
  EXPECT_NE(text.find("4 h 27 min"), std::string::npos) << text;
  EXPECT_NE(text.find("2.31"), std::string::npos) << text;
  EXPECT_NE(text.find("SLA 99.95 % met"), std::string::npos) << text;
  EXPECT_NE(text.find("62.3 %"), std::string::npos) << text;
  EXPECT_NE(text.find("System MTBF"), std::string::npos) << text;
  EXPECT_NE(text.find("System MTTR"), std::string::npos) << text;
  EXPECT_NE(text.find("3 cut at the horizon"), std::string::npos) << text;
  EXPECT_NE(text.find("123,456,789"), std::string::npos) << text;
  EXPECT_NE(text.find("11.8 M events/s"), std::string::npos) << text;
}

TEST(TextReport, ShowsDetectionOnlyForComponentsWithCoverageBelowOne) {
  engine::RunResult r = sample_result();
  r.components[0].mean_time_to_detect_hours = 0.25;
  r.components[0].mean_time_to_repair_hours = 1.0;
  EXPECT_EQ(report_of(r).find("Detection"), std::string::npos);  // coverage 1 everywhere
  r.components[2].mean_time_to_detect_hours = 2.5;
  r.components[2].undetected_failures_per_year = 0.75;
  r.components[2].mean_time_to_repair_hours = 4.0;
  const std::string text = report_of(r);
  const std::size_t block = text.find("Detection (coverage below 1)");
  ASSERT_NE(block, std::string::npos) << text;
  const std::string rows = text.substr(block);
  EXPECT_NE(rows.find("MTTD"), std::string::npos) << rows;
  EXPECT_NE(rows.find("undetected/year"), std::string::npos) << rows;
  EXPECT_NE(rows.find("db"), std::string::npos) << rows;
  EXPECT_NE(rows.find("2 h 30 min"), std::string::npos) << rows;
  EXPECT_NE(rows.find("0.750"), std::string::npos) << rows;
  EXPECT_EQ(rows.find("frontend "), std::string::npos) << rows;  // coverage 1: not listed
}

TEST(TextReport, NamesTheScenarioInTheHeader) {
  TextReportOptions options;
  options.scenario = "third replica";
  EXPECT_EQ(
      report_of(sample_result(), options)
          .rfind(std::string("nines ") + kVersion + " - Web shop, scenario \"third replica\"\n", 0),
      0U);
  EXPECT_EQ(report_of(sample_result()).find("scenario"), std::string::npos);
}

TEST(TextReport, ListsCausesOfEveryKindAndTheFailureDomains) {
  engine::RunResult r = sample_result();
  r.causes = {{"zone", "eu-a", 0.5, 300},
              {"component", "db", 0.3, 2010},
              {"inject", "db", 0.15, 10},
              {"other", "", 0.05, 1}};
  r.zones = {{"eu-a", 0.9995, 0.5, 300}};
  r.regions = {{"eu", 0.99999, 0.0, 0}};
  r.common_cause_outages_per_year = {0.25, 0.01, 0.23, 0.27};
  const auto text = report_of(r);
  const auto zone = text.find("  zone eu-a ");
  const auto db = text.find("  db ");
  const auto inject = text.find("  inject db ");
  const auto other = text.find("  other ");
  ASSERT_NE(zone, std::string::npos) << text;
  ASSERT_NE(inject, std::string::npos) << text;
  ASSERT_NE(other, std::string::npos) << text;
  EXPECT_LT(zone, db);
  EXPECT_LT(db, inject);
  EXPECT_LT(inject, other);
  EXPECT_NE(text.find("Failure domains"), std::string::npos) << text;
  EXPECT_NE(text.find("  region eu "), std::string::npos) << text;
  EXPECT_NE(text.find("Common-cause outages"), std::string::npos) << text;
  EXPECT_NE(text.find("0.250 per year (95% CI 0.230 .. 0.270)"), std::string::npos) << text;
}

TEST(TextReport, ShowsOutageDurationPercentiles) {
  const auto text = report_of(sample_result());
  for (const char* cell :
       {"mean", "p50", "p90", "p99", "max", "1 h 56 min", "12 h 03 min", "1 d 4 h"}) {
    EXPECT_NE(text.find(cell), std::string::npos) << cell << "\n" << text;
  }
}

TEST(TextReport, ListsTopCausesByDowntimeShare) {
  TextReportOptions options;
  options.top_components = 2;
  const auto text = report_of(sample_result(), options);
  const auto db = text.find("  db ");
  const auto api = text.find("  api ");
  ASSERT_NE(db, std::string::npos) << text;
  ASSERT_NE(api, std::string::npos) << text;
  EXPECT_LT(db, api);
  EXPECT_EQ(text.find("  frontend "), std::string::npos) << text;
  EXPECT_EQ(text.find("  quiet "), std::string::npos) << text;
  EXPECT_NE(text.find("60.0 %"), std::string::npos) << text;
}

TEST(TextReport, AlignsTheValueColumn) {
  const auto text = report_of(sample_result());
  std::istringstream lines(text);
  std::string line;
  std::size_t column = std::string::npos;
  for (const char* label : {"  Availability ", "  Downtime per year ", "  Outages per year "}) {
    lines.clear();
    lines.seekg(0);
    while (std::getline(lines, line)) {
      if (line.rfind(label, 0) != 0) continue;
      const auto value = line.find_first_not_of(' ', std::string(label).size());
      if (column == std::string::npos) column = value;
      EXPECT_EQ(value, column) << line;
    }
  }
  EXPECT_NE(column, std::string::npos);
}

/// A run of 1,000 one-year histories that saw no outage.
engine::RunResult no_outage_result() {
  auto r = sample_result();
  r.replications = 1000;
  r.outage_duration.reset();
  r.system_mtbf_hours.reset();
  r.system_mttr_hours.reset();
  r.outages = 0;
  r.outages_cut_at_horizon = 0;
  r.availability = {1.0, 0.0, 1.0, 1.0};
  r.downtime_hours_per_year = {0.0, 0.0, 0.0, 0.0};
  r.outages_per_year = {0.0, 0.0, 0.0, 0.0};
  for (auto& c : r.components) c.downtime_share = 0.0;
  r.causes.clear();
  return r;
}

TEST(TextReport, SaysWhenNoOutageWasSeen) {
  const auto text = report_of(no_outage_result());
  EXPECT_NE(text.find("none seen"), std::string::npos) << text;
  EXPECT_EQ(text.find("Top causes"), std::string::npos) << text;
}

TEST(TextReport, NoOutageIsNotCertainty) {
  const auto text = report_of(no_outage_result());
  // No zero-width interval for availability, downtime or outages.
  EXPECT_EQ(text.find("95% CI 100.0000 % .. 100.0000 %"), std::string::npos) << text;
  EXPECT_EQ(text.find("95% CI 0 s .. 0 s"), std::string::npos) << text;
  for (const char* label : {"  Availability ", "  Downtime per year "}) {
    const auto at = text.find(label);
    ASSERT_NE(at, std::string::npos) << label;
    const auto line = text.substr(at, text.find('\n', at) - at);
    EXPECT_NE(line.find("no outage in 1,000 replication-years"), std::string::npos) << line;
  }
  // Poisson: with no event in T years, the 95 % upper bound of the rate is -ln(0.05) / T.
  const double bound = -std::log(0.05) / 1000.0;
  EXPECT_NEAR(bound, 0.0029957, 1e-7);
  EXPECT_NE(text.find("below " + format_number(bound, 2) + " at 95 %"), std::string::npos) << text;
  EXPECT_NE(text.find("below 0.0030 at 95 %"), std::string::npos) << text;
  EXPECT_NE(text.find("--precision"), std::string::npos) << text;
  EXPECT_NE(text.find("more replications"), std::string::npos) << text;
}

TEST(TextReport, SlaMetAndMissedShareTheirDecimals) {
  auto r = sample_result();
  // 1 history in 2,000 missed the SLA.
  r.sla = engine::SlaResult{0.9995, 0.9995, 0.9985, 0.9999, 0.0005, 0.0001, 0.0015, std::nullopt};
  const auto text = report_of(r);
  EXPECT_NE(text.find("SLA 99.95 % met         99.950 %"), std::string::npos) << text;
  EXPECT_NE(text.find("SLA missed              0.050 %"), std::string::npos) << text;
  EXPECT_EQ(text.find("100.0 %"), std::string::npos) << text;
}

TEST(TextReport, WritesAnIntervalInItsEstimatesUnit) {
  auto r = sample_result();
  r.downtime_hours_per_year = {56.0 / 3600.0, 0.001, 27.0 / 3600.0, 84.0 / 3600.0};
  r.outages_per_year = {1.7e-4, 1e-4, 0.0, 5.2e-4};
  const auto text = report_of(r);
  EXPECT_NE(text.find("56 s           95% CI 27 s .. 84 s"), std::string::npos) << text;
  EXPECT_NE(text.find("1.7e-4         95% CI 0 .. 5.2e-4"), std::string::npos) << text;
}

TEST(TextReport, ShowsTheOverridesInTheHeader) {
  TextReportOptions options;
  options.overrides = {"db.instances=3", "api.mttr=30m"};
  const auto text = report_of(sample_result(), options);
  EXPECT_EQ(
      text.rfind(
          std::string("nines ") + kVersion + " - Web shop, with db.instances=3, api.mttr=30m\n", 0),
      0U)
      << text;
}

TEST(TextReport, ExplainsZAndClaimsNoBiasDirection) {
  ExactCheck exact{0.9995, 2.3, "structure-function", "steady-state", 0.5, -0.2};
  TextReportOptions options;
  options.exact = &exact;
  auto text = report_of(sample_result(), options);
  EXPECT_NE(text.find("1 run in 370"), std::string::npos) << text;
  EXPECT_NE(text.find("only the steady state is exact"), std::string::npos) << text;
  for (const char* direction : {"optimistic", "pessimistic", "biases", "higher", "lower"}) {
    EXPECT_EQ(text.find(direction), std::string::npos) << direction << "\n" << text;
  }
  exact.kind = "horizon";
  text = report_of(sample_result(), options);
  EXPECT_NE(text.find("Exact (horizon)"), std::string::npos) << text;
  EXPECT_EQ(text.find("only the steady state"), std::string::npos) << text;
}

TEST(TextReport, ExplainsEveryColumnOfTheCauses) {
  const auto text = report_of(sample_result());
  for (const char* legend : {"share:", "outages:", "availability:", "service:", "\"critical\""}) {
    EXPECT_NE(text.find(legend), std::string::npos) << legend << "\n" << text;
  }
}

TEST(TextReport, LeavesOutSlaWithoutTarget) {
  auto r = sample_result();
  r.target.reset();
  r.sla.reset();
  EXPECT_EQ(report_of(r).find("SLA"), std::string::npos);
}

TEST(TextReport, FlagsACancelledRun) {
  auto r = sample_result();
  r.cancelled = true;
  EXPECT_NE(report_of(r).find("CANCELLED"), std::string::npos);
}

TEST(TextReport, CanLeaveOutRunInfo) {
  TextReportOptions options;
  options.show_run_info = false;
  EXPECT_EQ(report_of(sample_result(), options).find("events/s"), std::string::npos);
}

TEST(TextReport, HasNoTrailingBlanks) {
  std::istringstream lines(report_of(sample_result()));
  std::string line;
  while (std::getline(lines, line)) {
    EXPECT_TRUE(line.empty() || line.back() != ' ') << '"' << line << '"';
  }
}

TEST(TextReport, SaysWhichPrecisionWasReachedAndHowToReproduceIt) {
  auto r = testing::sample_run_result();
  r.precision = engine::PrecisionSummary{
      0.05, 0.0491, 0.95, 1000, 38, 38000, engine::PrecisionStop::kPrecision};
  auto text = report_of(r);
  EXPECT_NE(text.find("Precision +-4.91 % of unavailability at 95 % after 38,000 replications "
                      "(38 batches); reproduce with --replications 38000"),
            std::string::npos)
      << text;
  r.precision->stopped_by = engine::PrecisionStop::kMaxTime;
  r.precision->reached = 0.071;
  text = report_of(r);
  EXPECT_NE(text.find("target +-5 % not reached: stopped by --max-time"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace nines::report
