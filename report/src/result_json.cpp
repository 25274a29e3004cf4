// The JSON result of a run (the `--json` contract, documented in docs/results-format.md).
#include "nines/report/result_json.hpp"

#include <cmath>
#include <optional>

#include "nines/models/model.hpp"
#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

using nlohmann::json;

/// A double, or null when it is not finite (JSON has no infinity or NaN).
using layout::number;
using layout::optional_number;

json interval(double lo, double hi) { return json::array({number(lo), number(hi)}); }

json estimate(const engine::Estimate& e) {
  return {{"mean", number(e.mean)},
          {"stderr", number(e.stderr_)},
          {"ci95", interval(e.ci95_lo, e.ci95_hi)}};
}

json outage_duration(const std::optional<engine::OutageDurations>& d) {
  if (!d) return nullptr;
  return {{"mean", number(d->mean_hours)},
          {"p50", number(d->p50_hours)},
          {"p90", number(d->p90_hours)},
          {"p99", number(d->p99_hours)},
          {"max", number(d->max_hours)}};
}

json sla(const std::optional<engine::SlaResult>& s) {
  if (!s) return nullptr;
  return {{"target", number(s->target)},
          {"probability_met", number(s->probability_met)},
          {"ci95", interval(s->ci95_lo, s->ci95_hi)},
          {"probability_missed", number(s->probability_missed)},
          {"probability_missed_ci95", interval(s->missed_ci95_lo, s->missed_ci95_hi)},
          {"per_year", s->per_year
                           ? json{{"probability_met", number(s->per_year->probability_met)},
                                  {"probability_missed", number(s->per_year->probability_missed)},
                                  {"ci95", interval(s->per_year->ci95_lo, s->per_year->ci95_hi)},
                                  {"years", s->per_year->years}}
                           : json(nullptr)}};
}

json quantiles(const std::optional<engine::AvailabilityQuantiles>& q) {
  if (!q) return nullptr;
  return {{"p1", number(q->p1)},
          {"p5", number(q->p5)},
          {"p50", number(q->p50)},
          {"p95", number(q->p95)},
          {"p99", number(q->p99)}};
}

json optional_estimate(const std::optional<engine::Estimate>& e) {
  return e ? estimate(*e) : json(nullptr);
}

json downtime_histogram(const engine::DowntimeHistogram& h) {
  json edges = json::array();
  for (const double edge : h.bin_edges_hours) edges.push_back(number(edge));
  return {{"zero_count", h.zero_count}, {"bin_edges_hours", edges}, {"counts", h.counts}};
}

json windows(const std::optional<engine::WindowResult>& w) {
  if (!w) return nullptr;
  return {{"length_hours", number(w->length_hours)},
          {"per_replication", w->per_replication},
          {"partial_window_hours", number(w->partial_window_hours)},
          {"count", w->count},
          {"mean_availability", w->count > 0 ? number(w->mean_availability) : json(nullptr)},
          {"availability_quantiles", quantiles(w->availability_quantiles)},
          {"probability_missed", optional_estimate(w->probability_missed)},
          {"expected_missed_per_year", optional_estimate(w->expected_missed_per_year)}};
}

const char* stop_name(engine::PrecisionStop stop) {
  switch (stop) {
    case engine::PrecisionStop::kPrecision:
      return "precision";
    case engine::PrecisionStop::kMaxReplications:
      return "max-replications";
    case engine::PrecisionStop::kMaxTime:
      return "max-time";
    case engine::PrecisionStop::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

json precision(const std::optional<engine::PrecisionSummary>& p) {
  if (!p) return nullptr;
  return {{"target", number(p->target)},
          {"reached", number(p->reached)},
          {"confidence", number(p->confidence)},
          {"batch", p->batch},
          {"batches", p->batches},
          {"replications", p->replications},
          {"stopped_by", stop_name(p->stopped_by)}};
}

json components(const std::vector<engine::ComponentResult>& list) {
  json out = json::array();
  for (const auto& c : list) {
    out.push_back(
        {{"id", c.id},
         {"availability", number(c.availability)},
         {"service_availability", number(c.service_availability)},
         {"downtime_share", number(c.downtime_share)},
         {"outages_caused", c.outages_caused},
         {"mean_time_to_detect_hours", optional_number(c.mean_time_to_detect_hours)},
         {"undetected_failures_per_year", optional_number(c.undetected_failures_per_year)},
         {"mean_time_to_repair_hours", optional_number(c.mean_time_to_repair_hours)},
         {"bad_deploys_per_year", optional_number(c.bad_deploys_per_year)},
         {"deploy_downtime_share", optional_number(c.deploy_downtime_share)},
         {"deploys_skipped_per_year", optional_number(c.deploys_skipped_per_year)},
         {"restarts_per_year", optional_number(c.restarts_per_year)},
         {"utilisation", optional_number(c.utilisation)},
         {"overload_crashes_per_year", optional_number(c.overload_crashes_per_year)},
         {"cascades_started_per_year", optional_number(c.cascades_started_per_year)},
         {"blast_radius", optional_number(c.blast_radius)}});
  }
  return out;
}

json cascades(const std::optional<engine::CascadeResult>& c) {
  if (!c) return nullptr;
  json histogram = json::object();
  for (const auto& [size, count] : c->size_histogram) histogram[std::to_string(size)] = count;
  return {
      {"per_year", estimate(c->per_year)},
      {"size", {{"mean", number(c->size_mean)}, {"max", c->size_max}, {"histogram", histogram}}},
      {"outage_share", optional_number(c->outage_share)},
      {"downtime_share", optional_number(c->downtime_share)},
      {"cut_at_horizon", c->cut_at_horizon}};
}

/// Null without a cache row (so every key stays present).
json caches(const std::vector<engine::CacheResult>& list) {
  if (list.empty()) return nullptr;
  json out = json::array();
  for (const auto& c : list) {
    out.push_back({{"id", c.id},
                   {"expiries_per_year", number(c.expiries_per_year)},
                   {"expired_hours_per_year", number(c.expired_hours_per_year)}});
  }
  return out;
}

json causes(const std::vector<engine::CauseResult>& list) {
  json out = json::array();
  for (const auto& c : list) {
    out.push_back({{"kind", c.kind},
                   {"id", c.id.empty() ? json(nullptr) : json(c.id)},
                   {"downtime_share", number(c.downtime_share)},
                   {"outages_caused", c.outages_caused}});
  }
  return out;
}

json domains(const std::vector<engine::DomainResult>& list) {
  json out = json::array();
  for (const auto& d : list) {
    out.push_back({{"id", d.id},
                   {"availability", number(d.availability)},
                   {"downtime_share", number(d.downtime_share)},
                   {"outages_caused", d.outages_caused}});
  }
  return out;
}

json journeys_json(const std::optional<std::vector<engine::RequestResult::Journey>>& journeys) {
  if (!journeys) return nullptr;
  json out = json::array();
  for (const auto& j : *journeys) {
    out.push_back({{"entry", j.entry}, {"availability", estimate(j.availability)}});
  }
  return out;
}

/// `requests`: null without a load; journeys null without `load.journeys`.
json requests(const std::optional<engine::RequestResult>& q) {
  if (!q) return nullptr;
  return {{"availability", estimate(q->availability)},
          {"availability_quantiles", quantiles(q->availability_quantiles)},
          {"offered_per_year", number(q->offered_per_year)},
          {"failed_per_year", number(q->failed_per_year)},
          {"rejected_per_year", number(q->rejected_per_year)},
          {"shed_per_year", number(q->shed_per_year)},
          {"journeys", journeys_json(q->journeys)}};
}

json recovery(const std::optional<engine::RecoveryHours>& r) {
  if (!r) return nullptr;
  return {{"mean", number(r->mean_hours)},
          {"p90", number(r->p90_hours)},
          {"max", number(r->max_hours)},
          {"count", r->count},
          {"cut_at_horizon", r->cut_at_horizon}};
}

}  // namespace

double simulated_years(const engine::RunResult& result) {
  return static_cast<double>(result.replications) * result.horizon_hours / models::kHoursPerYear;
}

std::optional<double> no_outage_upper_bound_95(const engine::RunResult& result) {
  const double years = simulated_years(result);
  if (result.outages > 0 || !(years > 0.0)) return std::nullopt;
  return -std::log(0.05) / years;
}

nlohmann::json result_to_json(const engine::RunResult& result,
                              const std::optional<ExactCheck>& exact,
                              const std::optional<std::string>& scenario,
                              const Provenance& provenance, const DesignCost& cost) {
  // nlohmann's default object type keeps keys sorted, so the document is byte-for-byte
  // reproducible whatever order the keys are inserted in.
  json doc;
  doc["format_version"] = kResultFormatVersion;
  doc["model"] = result.model_name;
  doc["scenario"] = scenario ? json(*scenario) : json(nullptr);
  doc["replications"] = result.replications;
  doc["first_replication"] = result.first_replication;
  doc["horizon_hours"] = number(result.horizon_hours);
  doc["seed"] = result.seed;
  doc["target"] = optional_number(result.target);
  doc["cancelled"] = result.cancelled;
  doc["availability"] = estimate(result.availability);
  doc["nines"] = optional_number(nines_of(result.availability.mean));
  doc["downtime_hours_per_year"] = estimate(result.downtime_hours_per_year);
  doc["outages_per_year"] = estimate(result.outages_per_year);
  doc["outages_per_year"]["upper_bound_95"] = optional_number(no_outage_upper_bound_95(result));
  add_provenance(doc, provenance);
  add_cost(doc, cost);
  doc["outages"] = result.outages;
  doc["outages_cut_at_horizon"] = result.outages_cut_at_horizon;
  doc["outage_duration_hours"] = outage_duration(result.outage_duration);
  doc["system_mtbf_hours"] = optional_number(result.system_mtbf_hours);
  doc["system_mttr_hours"] = optional_number(result.system_mttr_hours);
  doc["sla"] = sla(result.sla);
  doc["exact"] = exact_check_json(exact);
  doc["availability_quantiles"] = quantiles(result.availability_quantiles);
  doc["downtime_histogram"] = downtime_histogram(result.downtime_histogram);
  doc["windows"] = windows(result.windows);
  doc["precision"] = precision(result.precision);
  doc["components"] = components(result.components);
  doc["causes"] = causes(result.causes);
  doc["zones"] = domains(result.zones);
  doc["regions"] = domains(result.regions);
  doc["common_cause_outages_per_year"] = estimate(result.common_cause_outages_per_year);
  doc["events"] = result.events;
  // Traffic (docs/traffic.md): null or 0 without a load; cascades null without `overload`.
  doc["slo_basis"] = result.requests_basis ? "requests" : "time";
  doc["requests"] = requests(result.requests);
  doc["degraded_hours_per_year"] = optional_estimate(result.degraded_hours_per_year);
  doc["flow_evaluations"] = result.flow_evaluations;
  doc["flow_not_converged"] = result.flow_not_converged;
  doc["cascades"] = cascades(result.cascades);
  doc["caches"] = caches(result.caches);
  doc["recovery_hours"] = recovery(result.recovery_hours);
  doc["metastable_per_year"] = optional_estimate(result.metastable_per_year);
  doc["run_info"] = run_info_json(result.run_info);
  return doc;
}

std::string result_json_text(const engine::RunResult& result,
                             const std::optional<ExactCheck>& exact,
                             const std::optional<std::string>& scenario,
                             const Provenance& provenance, const DesignCost& cost) {
  // Replace invalid UTF-8 (a model name from a Latin-1 file) rather than fail at the end of a run.
  return result_to_json(result, exact, scenario, provenance, cost)
             .dump(2, ' ', false, json::error_handler_t::replace) +
         "\n";
}

json run_info_json(const engine::RunInfo& info) {
  return {{"threads", info.threads},
          {"ranks", info.ranks},
          {"wall_seconds", number(info.wall_seconds)},
          {"events_per_second", number(info.events_per_second)},
          {"flow_evaluations_per_second", number(info.flow_evaluations_per_second)},
          {"version", kVersion}};
}

}  // namespace nines::report
