// The plan's JSON and CSV: every candidate with its status and, once simulated, its own `nines
// run --json` document and paired difference against the winner.
#include "nines/report/plan_document.hpp"

#include "nines/report/csv_fields.hpp"
#include "nines/report/paired_comparison.hpp"
#include "nines/report/result_json.hpp"

namespace nines::report {

namespace {

using planner::Candidate;

nlohmann::json number_or_null(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

/// The candidate against the winner, replication by replication; empty without a winner, for
/// the winner itself and for an unsimulated candidate.
std::optional<PairedComparison> difference(const PlanDocument& doc, std::size_t i) {
  const planner::PlanResult& plan = doc.plan;
  if (!plan.best || *plan.best == i || !plan.candidates[i].result) return std::nullopt;
  const Candidate& winner = plan.candidates[*plan.best];
  const Candidate& c = plan.candidates[i];
  PairedComparison d = paired_comparison(*winner.result, *winner.range, *c.result, *c.range);
  if (c.cost_per_month && winner.cost_per_month) {
    d.cost_per_month = *c.cost_per_month - *winner.cost_per_month;
  }
  return d;
}

/// As `nines run` computes it from the model, so the documents agree byte for byte.
DesignCost cost_of(const PlanDocument& doc, const Candidate& c) {
  return c.model ? design_cost(*c.model) : DesignCost{c.cost_per_month, doc.currency};
}

bool on_front(const PlanDocument& doc, std::size_t i) {
  const auto& f = doc.plan.front;
  return std::find(f.begin(), f.end(), i) != f.end();
}

}  // namespace

std::vector<std::string> candidate_overrides(const PlanDocument& doc, std::size_t candidate) {
  std::vector<std::string> out = doc.provenance.overrides;
  for (const auto& o :
       canonical_overrides(doc.grid->overrides(doc.plan.candidates[candidate].point))) {
    out.push_back(o);
  }
  return out;
}

nlohmann::json candidate_result_json(const PlanDocument& doc, std::size_t candidate,
                                     const engine::RunResult& result,
                                     const std::optional<ExactCheck>& exact) {
  Provenance own = doc.provenance;
  own.overrides = candidate_overrides(doc, candidate);
  return result_to_json(result, exact, doc.scenario, own,
                        cost_of(doc, doc.plan.candidates[candidate]));
}

void add_exact_checks(PlanDocument& doc) {
  doc.exact_checks.assign(doc.plan.candidates.size(), std::nullopt);
  for (std::size_t i = 0; i < doc.plan.candidates.size(); ++i) {
    const auto& c = doc.plan.candidates[i];
    if (c.result) doc.exact_checks[i] = exact_check(*c.model, *c.result);
  }
  doc.confirmation_exact.reset();
  if (doc.plan.best && doc.plan.confirmation) {
    models::Model again = *doc.plan.candidates[*doc.plan.best].model;
    again.seed += 1;
    doc.confirmation_exact = exact_check(again, *doc.plan.confirmation);
  }
}

nlohmann::json plan_to_json(const PlanDocument& doc) {
  const planner::PlanResult& plan = doc.plan;
  nlohmann::json candidates = nlohmann::json::array();
  for (std::size_t i = 0; i < plan.candidates.size(); ++i) {
    const Candidate& c = plan.candidates[i];
    const auto d = difference(doc, i);
    candidates.push_back(
        {{"values", doc.grid->values(c.point)},
         {"cost_per_month", number_or_null(c.cost_per_month)},
         {"status", planner::status_name(c.status)},
         {"screening", c.screening ? nlohmann::json(planner::screening_name(*c.screening))
                                   : nlohmann::json(nullptr)},
         {"exact", number_or_null(c.exact)},
         {"replications", c.result ? c.result->replications : 0},
         {"result", c.result ? candidate_result_json(doc, i, *c.result, doc.exact_checks[i])
                             : nlohmann::json(nullptr)},
         {"difference", d ? paired_comparison_to_json(*d) : nlohmann::json(nullptr)},
         {"message", c.message.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.message)}});
  }
  nlohmann::json best = nullptr;
  if (plan.best) {
    const std::size_t i = *plan.best;
    const Candidate& c = plan.candidates[i];
    best = {{"values", doc.grid->values(c.point)},
            {"overrides", candidate_overrides(doc, i)},
            {"cost_per_month", number_or_null(c.cost_per_month)},
            {"result", candidates[i]["result"]},
            {"confirmation", plan.confirmation ? candidate_result_json(doc, i, *plan.confirmation,
                                                                       doc.confirmation_exact)
                                               : nlohmann::json(nullptr)},
            {"confirmed", plan.confirmed}};
  }
  nlohmann::json constraints = nlohmann::json::array();
  for (const auto& c : doc.criteria.constraints) constraints.push_back(c.text);
  nlohmann::json vary = nlohmann::json::array();
  for (const auto& v : doc.grid->varies()) vary.push_back({{"key", v.key}, {"values", v.values}});
  nlohmann::json out = {{"format_version", kResultFormatVersion},
                        {"model", doc.model_name},
                        {"seed", doc.seed},
                        {"objective", planner::objective_name(doc.criteria.objective)},
                        {"target", doc.criteria.target},
                        {"probability", number_or_null(doc.criteria.probability)},
                        {"confidence", doc.criteria.confidence},
                        {"budget", number_or_null(doc.budget)},
                        {"constraints", std::move(constraints)},
                        {"currency", doc.currency},
                        {"vary", std::move(vary)},
                        {"pilot", doc.pilot},
                        {"batch", doc.batch},
                        {"replications", plan.replications},
                        {"outcome", planner::outcome_name(plan.outcome)},
                        {"best", std::move(best)},
                        {"front", plan.front},
                        {"candidates", std::move(candidates)},
                        {"cancelled", plan.cancelled},
                        {"run_info", run_info_json(doc.run_info)}};
  add_provenance(out, doc.provenance);
  return out;
}

std::string plan_json_text(const PlanDocument& doc) {
  return plan_to_json(doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void write_plan_csv(const PlanDocument& doc, std::ostream& out) {
  const planner::PlanResult& plan = doc.plan;
  std::vector<std::string> keys;
  for (const auto& vary : doc.grid->varies()) keys.push_back(vary.key);
  for (const auto& key : keys) out << csv_field(key) << ',';
  out << "status,availability,availability_ci95_lo,availability_ci95_hi,downtime_hours_per_year,"
         "outages_per_year,sla_probability_met,cost_per_month,replications,"
         "difference_availability,difference_ci95_lo,difference_ci95_hi,significant,message,"
         "front\r\n";
  for (std::size_t i = 0; i < plan.candidates.size(); ++i) {
    const Candidate& c = plan.candidates[i];
    const nlohmann::json values = doc.grid->values(c.point);
    for (const auto& key : keys) {
      out << csv_field(
                 values.at(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
          << ',';
    }
    out << planner::status_name(c.status) << ',';
    if (c.result) {
      const engine::RunResult& r = *c.result;
      std::optional<double> sla;
      if (r.sla) sla = r.sla->probability_met;
      out << csv_number(r.availability.mean) << ',' << csv_number(r.availability.ci95_lo) << ','
          << csv_number(r.availability.ci95_hi) << ',' << csv_number(r.downtime_hours_per_year.mean)
          << ',' << csv_number(r.outages_per_year.mean) << ',' << csv_number(sla) << ','
          << csv_number(c.cost_per_month) << ',' << r.replications << ',';
    } else {
      out << ",,,,," << ',' << csv_number(c.cost_per_month) << ",0,";
    }
    if (const auto d = difference(doc, i)) {
      out << csv_number(d->availability.mean) << ',' << csv_number(d->availability.ci95_lo) << ','
          << csv_number(d->availability.ci95_hi) << ',' << (d->significant ? "true" : "false");
    } else {
      out << ",,,";
    }
    out << ',' << csv_field(c.message) << ',' << (on_front(doc, i) ? 1 : 0) << "\r\n";
  }
}

}  // namespace nines::report
