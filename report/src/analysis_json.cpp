// The `nines analyze --json` document.
#include "nines/report/analysis_json.hpp"

#include <cmath>
#include <optional>
#include <vector>

#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/result_json.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

using nlohmann::json;

using layout::number;
using layout::optional_number;

json component_json(const analysis::ComponentAnalysis& c) {
  return {{"id", c.id},
          {"availability", number(c.availability)},
          {"service_availability", number(c.service_availability)},
          {"birnbaum", number(c.birnbaum)},
          {"criticality", number(c.criticality)},
          {"raw", optional_number(c.raw)},
          {"rrw", optional_number(c.rrw)},
          {"gain_one_more_instance", number(c.gain_one_more_instance)},
          {"d_availability_d_mtbf", number(c.d_availability_d_mtbf)},
          {"d_availability_d_mttr", number(c.d_availability_d_mttr)}};
}

json domain_json(const analysis::DomainAnalysis& d) {
  return {{"id", d.id},
          {"availability", number(d.availability)},
          {"birnbaum", number(d.birnbaum)},
          {"criticality", number(d.criticality)},
          {"raw", optional_number(d.raw)},
          {"rrw", optional_number(d.rrw)},
          {"d_availability_d_mtbf", number(d.d_availability_d_mtbf)},
          {"d_availability_d_mttr", number(d.d_availability_d_mttr)}};
}

json domains_json(const std::vector<analysis::DomainAnalysis>& domains) {
  json rows = json::array();
  for (const auto& d : domains) rows.push_back(domain_json(d));
  return rows;
}

}  // namespace

json analysis_to_json(const analysis::Analysis& result, const std::string& model_name,
                      const DesignCost& cost) {
  json doc;
  add_cost(doc, cost);
  doc["format_version"] = kResultFormatVersion;
  doc["model"] = model_name;
  doc["method"] = result.method;
  doc["approximation"] = result.approximation.empty() ? json(nullptr) : json(result.approximation);
  doc["steady_state"] = true;
  doc["availability"] = number(result.availability);
  doc["unavailability"] = number(result.unavailability);
  doc["nines"] = optional_number(nines_of(result.availability));
  doc["downtime_hours_per_year"] = number(result.downtime_hours_per_year);
  doc["outages_per_year"] = number(result.outages_per_year);
  doc["mean_outage_hours"] = optional_number(result.mean_outage_hours);
  doc["horizon_hours"] = number(result.horizon_hours);
  doc["horizon_availability"] = optional_number(result.horizon_availability);
  doc["horizon_unavailability"] = optional_number(result.horizon_unavailability);
  doc["horizon_outages_per_year"] = optional_number(result.horizon_outages_per_year);
  doc["horizon_note"] = result.horizon_note.empty() ? json(nullptr) : json(result.horizon_note);
  doc["markov_states"] = result.markov_states;
  doc["bdd_nodes"] = result.bdd_nodes;
  json components = json::array();
  for (const auto& c : result.components) components.push_back(component_json(c));
  doc["components"] = std::move(components);
  doc["zones"] = domains_json(result.zones);
  doc["regions"] = domains_json(result.regions);
  doc["zone_region_patterns"] = result.domain_patterns;
  doc["version"] = kVersion;
  return doc;
}

std::string analysis_json_text(const analysis::Analysis& result, const std::string& model_name,
                               const DesignCost& cost) {
  return analysis_to_json(result, model_name, cost)
             .dump(2, ' ', false, json::error_handler_t::replace) +
         "\n";
}

}  // namespace nines::report
