// The sweep's JSON and CSV: each valid point's own `nines run --json` document, its paired
// difference against the first valid point, and the invalid points with the loader's message.
#include "nines/report/sweep_document.hpp"

#include <cstdio>

#include "nines/report/paired_comparison.hpp"
#include "nines/report/result_json.hpp"

namespace nines::report {

namespace {

Provenance point_provenance(const SweepDocument& sweep, const ScenarioRun& run) {
  Provenance own = sweep.provenance;
  for (const auto& setting : run.settings) own.overrides.push_back(setting);
  return own;
}

std::string number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

std::string number(const std::optional<double>& x) { return x ? number(*x) : std::string(); }

/// A field quoted when it holds a comma, quote or line break (RFC 4180).
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

nlohmann::json sweep_to_json(const SweepDocument& sweep) {
  const std::vector<ScenarioRow> rows =
      sweep.runs.empty() ? std::vector<ScenarioRow>{} : scenario_rows(sweep.runs);
  nlohmann::json points = nlohmann::json::array();
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& point : sweep.points) {
    if (!point.run) {
      skipped.push_back({{"values", point.values}, {"message", point.message}});
      continue;
    }
    const ScenarioRun& run = sweep.runs[*point.run];
    const auto& difference = rows[*point.run].difference;
    points.push_back(
        {{"values", point.values},
         {"result", result_to_json(run.result, run.exact, run.scenario,
                                   point_provenance(sweep, run), run.cost)},
         {"difference", difference ? paired_comparison_to_json(*difference) : nullptr}});
  }
  nlohmann::json doc = {{"format_version", kResultFormatVersion},
                        {"model", sweep.model_name},
                        {"seed", sweep.seed},
                        {"vary", sweep.vary},
                        {"points", std::move(points)},
                        {"skipped", std::move(skipped)},
                        {"cancelled", sweep.cancelled},
                        {"run_info", run_info_json(sweep.run_info)}};
  add_provenance(doc, sweep.provenance);
  return doc;
}

std::string sweep_json_text(const SweepDocument& sweep) {
  return sweep_to_json(sweep).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void write_sweep_csv(const SweepDocument& sweep, std::ostream& out) {
  std::vector<std::string> keys;
  for (const auto& vary : sweep.vary) keys.push_back(vary.at("key").get<std::string>());
  for (const auto& key : keys) out << field(key) << ',';
  out << "status,availability,availability_ci95_lo,availability_ci95_hi,downtime_hours_per_year,"
         "outages_per_year,sla_probability_met,cost_per_month,replications,"
         "difference_availability,difference_ci95_lo,difference_ci95_hi,significant,message\r\n";
  const std::vector<ScenarioRow> rows =
      sweep.runs.empty() ? std::vector<ScenarioRow>{} : scenario_rows(sweep.runs);
  for (const auto& point : sweep.points) {
    for (const auto& key : keys) {
      out << field(point.values.at(key).dump(-1, ' ', false,
                                             nlohmann::json::error_handler_t::replace))
          << ',';
    }
    if (!point.run) {
      out << "invalid,,,,,,,,,,,,," << field(point.message) << "\r\n";
      continue;
    }
    const ScenarioRun& run = sweep.runs[*point.run];
    const engine::RunResult& r = run.result;
    const auto& d = rows[*point.run].difference;
    std::optional<double> sla;
    if (r.sla) sla = r.sla->probability_met;
    out << "ok," << number(r.availability.mean) << ',' << number(r.availability.ci95_lo) << ','
        << number(r.availability.ci95_hi) << ',' << number(r.downtime_hours_per_year.mean) << ','
        << number(r.outages_per_year.mean) << ',' << number(sla) << ','
        << number(run.cost.per_month) << ',' << r.replications << ',';
    if (d) {
      out << number(d->availability.mean) << ',' << number(d->availability.ci95_lo) << ','
          << number(d->availability.ci95_hi) << ',' << (d->significant ? "true" : "false");
    } else {
      out << ",,,";
    }
    out << ",\r\n";
  }
}

}  // namespace nines::report
