// The sweep's JSON and CSV: each valid point's own `nines run --json` document, its paired
// difference against the first valid point, and the invalid points with the loader's message.
#include "nines/report/sweep_document.hpp"

#include "nines/report/csv_fields.hpp"
#include "nines/report/paired_comparison.hpp"
#include "nines/report/result_json.hpp"

namespace nines::report {

namespace {

Provenance point_provenance(const SweepDocument& sweep, const ScenarioRun& run) {
  Provenance own = sweep.provenance;
  for (const auto& setting : run.settings) own.overrides.push_back(setting);
  return own;
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
  for (const auto& key : keys) out << csv_field(key) << ',';
  out << "status,availability,availability_ci95_lo,availability_ci95_hi,downtime_hours_per_year,"
         "outages_per_year,sla_probability_met,cost_per_month,replications,"
         "difference_availability,difference_ci95_lo,difference_ci95_hi,significant,message\r\n";
  const std::vector<ScenarioRow> rows =
      sweep.runs.empty() ? std::vector<ScenarioRow>{} : scenario_rows(sweep.runs);
  for (const auto& point : sweep.points) {
    for (const auto& key : keys) {
      out << csv_field(point.values.at(key).dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace))
          << ',';
    }
    if (!point.run) {
      out << "invalid,,,,,,,,,,,,," << csv_field(point.message) << "\r\n";
      continue;
    }
    const ScenarioRun& run = sweep.runs[*point.run];
    const engine::RunResult& r = run.result;
    const auto& d = rows[*point.run].difference;
    std::optional<double> sla;
    if (r.sla) sla = r.sla->probability_met;
    out << "ok," << csv_number(r.availability.mean) << ',' << csv_number(r.availability.ci95_lo)
        << ',' << csv_number(r.availability.ci95_hi) << ','
        << csv_number(r.downtime_hours_per_year.mean) << ',' << csv_number(r.outages_per_year.mean)
        << ',' << csv_number(sla) << ',' << csv_number(run.cost.per_month) << ',' << r.replications
        << ',';
    if (d) {
      out << csv_number(d->availability.mean) << ',' << csv_number(d->availability.ci95_lo) << ','
          << csv_number(d->availability.ci95_hi) << ',' << (d->significant ? "true" : "false");
    } else {
      out << ",,,";
    }
    out << ",\r\n";
  }
}

}  // namespace nines::report
