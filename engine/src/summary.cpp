// Statistics over replications.
#include "nines/engine/summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "nines/engine/downtime_histogram.hpp"
#include "nines/engine/quantiles.hpp"
#include "nines/engine/window_summary.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

namespace {

/// Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond.
double t_quantile_975(std::int64_t dof) {
  static constexpr std::array<double, 30> kTable = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (dof < 1) return 0.0;
  if (dof <= 30) return kTable[static_cast<std::size_t>(dof - 1)];
  return 1.959963984540054;
}

Estimate scaled(const Estimate& e, double factor, double offset = 0.0) {
  const double lo = offset + factor * e.ci95_lo;
  const double hi = offset + factor * e.ci95_hi;
  return {offset + factor * e.mean, std::fabs(factor) * e.stderr_, std::min(lo, hi),
          std::max(lo, hi)};
}

}  // namespace

Estimate estimate_mean(const std::vector<double>& values) {
  std::int64_t n = 0;
  double sum = 0.0;
  for (const double v : values) {
    if (std::isnan(v)) continue;
    sum += v;
    ++n;
  }
  Estimate e;
  if (n == 0) return e;
  e.mean = sum / static_cast<double>(n);
  double squares = 0.0;
  for (const double v : values) {
    if (!std::isnan(v)) squares += (v - e.mean) * (v - e.mean);
  }
  if (n > 1) {
    e.stderr_ = std::sqrt(squares / static_cast<double>(n - 1) / static_cast<double>(n));
  }
  const double half = t_quantile_975(n - 1) * e.stderr_;
  e.ci95_lo = e.mean - half;
  e.ci95_hi = e.mean + half;
  return e;
}

std::vector<Estimate> prefix_estimates(const std::vector<double>& values,
                                       const std::vector<std::int64_t>& prefix_lengths) {
  std::vector<Estimate> out;
  out.reserve(prefix_lengths.size());
  // Welford's running mean and sum of squared deviations: stable for long runs of tiny values.
  double mean = 0.0;
  double squares = 0.0;
  std::int64_t n = 0;
  for (const std::int64_t k : prefix_lengths) {
    if (k < n || k > static_cast<std::int64_t>(values.size())) {
      throw std::invalid_argument("prefix_estimates: lengths must increase within the values");
    }
    for (; n < k; ++n) {
      const double v = values[static_cast<std::size_t>(n)];
      const double delta = v - mean;
      mean += delta / static_cast<double>(n + 1);
      squares += delta * (v - mean);
    }
    Estimate e;
    e.mean = mean;
    if (n > 1) {
      e.stderr_ = std::sqrt(squares / static_cast<double>(n - 1) / static_cast<double>(n));
    }
    const double half = n > 1 ? t_quantile_975(n - 1) * e.stderr_ : 0.0;
    e.ci95_lo = e.mean - half;
    e.ci95_hi = e.mean + half;
    out.push_back(e);
  }
  return out;
}

SlaResult wilson_interval(double target, std::int64_t successes, std::int64_t trials) {
  SlaResult sla;
  sla.target = target;
  if (trials == 0) return sla;
  const auto n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z = 1.959963984540054;
  const double denom = 1.0 + z * z / n;
  const double centre = (p + z * z / (2.0 * n)) / denom;
  const double half = z * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / denom;
  sla.probability_met = p;
  // At the extremes the Wilson bound is exactly 0 or 1; rounding must not exclude the estimate.
  sla.ci95_lo = successes == 0 ? 0.0 : std::min(p, std::max(0.0, centre - half));
  sla.ci95_hi = successes == trials ? 1.0 : std::max(p, std::min(1.0, centre + half));
  // Computed from the failures so that a tiny miss probability keeps its digits.
  const std::int64_t failures = trials - successes;
  sla.probability_missed = static_cast<double>(failures) / n;
  sla.missed_ci95_lo = failures == 0 ? 0.0 : std::min(sla.probability_missed, 1.0 - sla.ci95_hi);
  sla.missed_ci95_hi =
      failures == trials ? 1.0 : std::max(sla.probability_missed, 1.0 - sla.ci95_lo);
  return sla;
}

namespace {

/// Every source that caused an outage: by share descending, then outages descending, then kind
/// in batch order, then id bytewise.
std::vector<CauseResult> summarize_causes(const CompiledModel& model, const RunTotals& t,
                                          double downtime) {
  std::vector<std::size_t> rows;
  for (std::size_t k = 0; k < model.cause_kinds.size(); ++k) {
    if (t.outages_caused[k] > 0) rows.push_back(k);
  }
  const auto share = [&](std::size_t k) {
    return downtime > 0.0 ? t.charged_downtime_hours[k].value() / downtime : 0.0;
  };
  std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    const double sa = share(a);
    const double sb = share(b);
    if (sa != sb) return sa > sb;
    if (t.outages_caused[a] != t.outages_caused[b])
      return t.outages_caused[a] > t.outages_caused[b];
    if (model.cause_kinds[a] != model.cause_kinds[b])
      return model.cause_kinds[a] < model.cause_kinds[b];
    return model.cause_ids[a] < model.cause_ids[b];
  });
  std::vector<CauseResult> causes;
  for (const std::size_t k : rows) {
    causes.push_back(CauseResult{cause_kind_name(model.cause_kinds[k]), model.cause_ids[k],
                                 share(k), t.outages_caused[k]});
  }
  return causes;
}

}  // namespace

static std::optional<SlaPerYear> sla_per_year(double target, const RangeResult& range,
                                              double horizon_hours) {
  const std::int64_t per_history = whole_windows(horizon_hours, models::kHoursPerYear);
  if (per_history < 1 || range.years_met.size() != range.unavailability.size()) {
    return std::nullopt;
  }
  std::int64_t met = 0;
  std::int64_t histories = 0;
  std::vector<double> shares(range.years_met.size());
  for (std::size_t i = 0; i < shares.size(); ++i) {
    if (std::isnan(range.unavailability[i])) {
      shares[i] = range.unavailability[i];  // not simulated
      continue;
    }
    ++histories;
    met += range.years_met[i];
    shares[i] = static_cast<double>(range.years_met[i]) / static_cast<double>(per_history);
  }
  if (histories == 0) return std::nullopt;
  SlaPerYear y;
  y.years = histories * per_history;
  if (per_history == 1) {
    const SlaResult w = wilson_interval(target, met, y.years);
    y.probability_met = w.probability_met;
    y.probability_missed = w.probability_missed;
    y.ci95_lo = w.ci95_lo;
    y.ci95_hi = w.ci95_hi;
    return y;
  }
  const Estimate e = estimate_mean(shares);
  y.probability_met = static_cast<double>(met) / static_cast<double>(y.years);
  y.probability_missed = static_cast<double>(y.years - met) / static_cast<double>(y.years);
  y.ci95_lo = std::max(0.0, e.ci95_lo);
  y.ci95_hi = std::min(1.0, e.ci95_hi);
  return y;
}

std::vector<double> request_unavailability(const RangeResult& range) {
  std::vector<double> values(range.failed_load_hours.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double offered = range.offered_load_hours[i];
    const double failed = range.failed_load_hours[i];
    if (std::isnan(range.unavailability[i])) {
      values[i] = range.unavailability[i];  // not simulated
    } else {
      values[i] = offered > 0.0 ? failed / offered : 0.0;
    }
  }
  return values;
}

std::vector<double> slo_unavailability(const CompiledModel& model, const RangeResult& range) {
  if (model.load && model.load->requests_basis) return request_unavailability(range);
  return range.unavailability;
}

namespace {

/// Cascades of a range with `overload` somewhere: `to_year` turns a per-history count into a
/// rate per year.
CascadeResult summarize_cascades(const RangeResult& range, double to_year) {
  const RunTotals& t = range.totals;
  CascadeResult c;
  std::vector<double> per_year(range.cascades.size());
  for (std::size_t i = 0; i < per_year.size(); ++i) {
    per_year[i] = std::isnan(range.unavailability[i])
                      ? range.unavailability[i]
                      : static_cast<double>(range.cascades[i]) * to_year;
  }
  c.per_year = estimate_mean(per_year);
  c.per_year.ci95_lo = std::max(0.0, c.per_year.ci95_lo);
  std::int64_t size_sum = 0;
  for (std::size_t k = 1; k < t.cascade_sizes.size(); ++k) {
    if (t.cascade_sizes[k] == 0) continue;
    const auto size = static_cast<std::int64_t>(k);
    c.size_histogram.emplace_back(size, t.cascade_sizes[k]);
    size_sum += size * t.cascade_sizes[k];
    c.size_max = size;
  }
  if (t.cascades > 0) c.size_mean = static_cast<double>(size_sum) / static_cast<double>(t.cascades);
  if (t.outages > 0) {
    c.outage_share = static_cast<double>(t.outages_in_cascades) / static_cast<double>(t.outages);
  }
  if (t.downtime_hours.value() > 0.0) {
    c.downtime_share = t.downtime_in_cascades.value() / t.downtime_hours.value();
  }
  c.cut_at_horizon = t.cascades_cut_at_horizon;
  return c;
}

/// Request availability, requests per year and degraded hours of a range with a load.
void summarize_requests(const CompiledModel& model, const RangeResult& range,
                        const std::vector<double>& request_u, RunResult& r) {
  const CompiledLoad& load = *model.load;
  std::vector<double> served;
  served.reserve(request_u.size());
  for (const double u : request_u) {
    if (!std::isnan(u)) served.push_back(1.0 - u);
  }
  RequestResult q;
  const Estimate u = estimate_mean(request_u);
  q.availability = scaled(u, -1.0, 1.0);
  q.availability.ci95_lo = std::max(0.0, q.availability.ci95_lo);
  q.availability.ci95_hi = std::min(1.0, q.availability.ci95_hi);
  q.availability_quantiles = availability_quantiles(std::move(served));
  const double years =
      static_cast<double>(r.replications) * model.horizon_hours / models::kHoursPerYear;
  if (years > 0.0) {
    const double per_year = load.requests_per_load_hour / years;
    q.offered_per_year = range.totals.offered_load_hours.value() * per_year;
    q.failed_per_year = range.totals.failed_load_hours.value() * per_year;
    q.rejected_per_year = range.totals.rejected_load_hours.value() * per_year;
    q.shed_per_year = range.totals.shed_load_hours.value() * per_year;
  }
  r.flow_evaluations = range.totals.flow_evaluations;
  r.flow_not_converged = range.totals.flow_not_converged;
  if (load.journeys && range.journeys > 0) {
    // Journey j of replication i: 1 - failed / (share x offered).
    std::vector<RequestResult::Journey> journeys;
    const auto count = static_cast<std::size_t>(range.journeys);
    for (std::size_t j = 0; j < count; ++j) {
      std::vector<double> availability(range.offered_load_hours.size());
      for (std::size_t i = 0; i < availability.size(); ++i) {
        const double offered = range.offered_load_hours[i] * load.graph.entry_shares[j];
        const double failed = range.journey_failed_load_hours[i * count + j];
        availability[i] = std::isnan(failed) ? failed
                          : offered > 0.0    ? 1.0 - failed / offered
                                             : 1.0;
      }
      Estimate e = estimate_mean(availability);
      e.ci95_lo = std::max(0.0, e.ci95_lo);
      e.ci95_hi = std::min(1.0, e.ci95_hi);
      journeys.push_back({load.journey_entries[j], e});
    }
    q.journeys = std::move(journeys);
  }
  r.requests = q;
  std::vector<double> degraded(range.degraded_hours.size());
  const double to_year = models::kHoursPerYear / model.horizon_hours;
  for (std::size_t i = 0; i < degraded.size(); ++i) degraded[i] = range.degraded_hours[i] * to_year;
  Estimate d = estimate_mean(degraded);
  d.ci95_lo = std::max(0.0, d.ci95_lo);
  r.degraded_hours_per_year = d;
  if (load.crashes) r.cascades = summarize_cascades(range, to_year);
  if (!load.episodes) return;
  const RunTotals& t = range.totals;
  if (t.recoveries > 0) {
    r.recovery_hours =
        RecoveryHours{t.recovery_sum_hours.value() / static_cast<double>(t.recoveries),
                      t.recovery_hours.quantile(0.9), t.recovery_hours.max_hours(), t.recoveries,
                      t.recoveries_cut_at_horizon};
  }
  std::vector<double> metastable(range.metastable_episodes.size());
  for (std::size_t i = 0; i < metastable.size(); ++i) {
    metastable[i] = std::isnan(range.unavailability[i])
                        ? range.unavailability[i]
                        : static_cast<double>(range.metastable_episodes[i]) * to_year;
  }
  Estimate m = estimate_mean(metastable);
  m.ci95_lo = std::max(0.0, m.ci95_lo);
  r.metastable_per_year = m;
}

}  // namespace

RunResult summarize(const CompiledModel& model, const RangeResult& range,
                    std::optional<double> target) {
  RunResult r;
  r.first_replication = range.first_replication;
  r.horizon_hours = model.horizon_hours;
  r.seed = model.seed;
  r.target = target;

  const RunTotals& t = range.totals;
  const std::vector<double> request_u = request_unavailability(range);
  r.requests_basis = model.load && model.load->requests_basis;
  // What the SLA judges per replication: time, or requests with slo_basis "requests".
  const std::vector<double>& slo_u = r.requests_basis ? request_u : range.unavailability;
  std::vector<double> outages_per_year(range.outages.size());
  std::vector<double> availability_values;
  availability_values.reserve(range.unavailability.size());
  std::vector<double> downtime_hours(range.unavailability.size());
  std::int64_t done = 0;
  std::int64_t met = 0;
  const double years = model.horizon_hours / models::kHoursPerYear;
  for (std::size_t i = 0; i < range.unavailability.size(); ++i) {
    const double u = range.unavailability[i];
    downtime_hours[i] = u * model.horizon_hours;
    if (std::isnan(u)) {
      outages_per_year[i] = u;
      continue;
    }
    availability_values.push_back(1.0 - u);
    ++done;
    outages_per_year[i] = static_cast<double>(range.outages[i]) / years;
    if (target && 1.0 - slo_u[i] >= *target) ++met;
  }
  r.replications = done;
  const Estimate unavailability = estimate_mean(range.unavailability);
  Estimate availability = scaled(unavailability, -1.0, 1.0);
  availability.ci95_lo = std::max(0.0, availability.ci95_lo);
  availability.ci95_hi = std::min(1.0, availability.ci95_hi);
  r.availability = availability;
  r.downtime_hours_per_year = scaled(unavailability, models::kHoursPerYear);
  r.downtime_hours_per_year.ci95_lo = std::max(0.0, r.downtime_hours_per_year.ci95_lo);
  r.outages_per_year = estimate_mean(outages_per_year);
  r.outages_per_year.ci95_lo = std::max(0.0, r.outages_per_year.ci95_lo);
  r.outages = t.outages;
  r.outages_cut_at_horizon = t.outages_cut_at_horizon;
  r.events = t.events;

  const double downtime = t.downtime_hours.value();
  if (t.outages > 0) {
    const auto outages = static_cast<double>(t.outages);
    r.outage_duration = OutageDurations{
        downtime / outages, t.outage_durations.quantile(0.5), t.outage_durations.quantile(0.9),
        t.outage_durations.quantile(0.99), t.outage_durations.max_hours()};
    r.system_mtbf_hours = static_cast<double>(done) * model.horizon_hours / outages;
    r.system_mttr_hours = downtime / outages;
  }
  if (target) {
    r.sla = wilson_interval(*target, met, done);
    r.sla->per_year = sla_per_year(*target, range, model.horizon_hours);
  }
  r.availability_quantiles = availability_quantiles(std::move(availability_values));
  r.downtime_histogram = make_downtime_histogram(downtime_hours);
  if (range.window_hours > 0.0) {
    r.windows = summarize_windows(range, model.horizon_hours, target,
                                  r.requests_basis ? &model.load->integral : nullptr);
  }
  if (model.load) summarize_requests(model, range, request_u, r);

  const double n = done > 0 ? static_cast<double>(done) : 1.0;
  const auto share = [&](std::size_t cause) {
    return downtime > 0.0 ? t.charged_downtime_hours[cause].value() / downtime : 0.0;
  };
  for (const std::uint32_t c : model.component_of_model) {
    ComponentResult cr;
    cr.id = model.component_ids[c];
    cr.availability = t.pool_up_fraction[c].value() / n;
    cr.service_availability = t.service_up_fraction[c].value() / n;
    cr.downtime_share = share(c);
    cr.outages_caused = t.outages_caused[c];
    if (t.detections[c] > 0) {
      cr.mean_time_to_detect_hours =
          t.detect_hours[c].value() / static_cast<double>(t.detections[c]);
    }
    if (model.components[c].coverage < 1.0) {
      cr.undetected_failures_per_year = static_cast<double>(t.undetected_failures[c]) *
                                        models::kHoursPerYear / (n * model.horizon_hours);
    }
    if (t.repairs[c] > 0) {
      cr.mean_time_to_repair_hours = t.repair_hours[c].value() / static_cast<double>(t.repairs[c]);
    }
    if (model.components[c].deploys >= 0) {
      const CompiledDeploys& d =
          model.deploys[static_cast<std::size_t>(model.components[c].deploys)];
      const double per_year = models::kHoursPerYear / (n * model.horizon_hours);
      cr.bad_deploys_per_year = static_cast<double>(t.bad_deploys[c]) * per_year;
      cr.deploy_downtime_share = share(d.cause);
      cr.deploys_skipped_per_year = static_cast<double>(t.deploys_skipped[c]) * per_year;
      cr.restarts_per_year = static_cast<double>(t.restarts[c]) * per_year;
    }
    // Utilisation: the time average of min(1, D / C) while the component has a serving
    // instance, over every replication (a ratio of sums); without a capacity, none.
    if (model.load && model.load->flow &&
        std::isfinite(model.load->graph.capacity_per_instance[c]) &&
        t.serving_hours[c].value() > 0.0) {
      cr.utilisation = t.utilisation_hours[c].value() / t.serving_hours[c].value();
    }
    if (model.load && model.load->flow && model.load->overload[c].crashes) {
      const double per_year = models::kHoursPerYear / (n * model.horizon_hours);
      cr.overload_crashes_per_year = static_cast<double>(t.overload_crashes[c]) * per_year;
      cr.cascades_started_per_year = static_cast<double>(t.cascades_started[c]) * per_year;
      if (t.cascades_started[c] > 0) {
        cr.blast_radius = static_cast<double>(t.started_cascade_sizes[c]) /
                          static_cast<double>(t.cascades_started[c]);
      }
    }
    r.components.push_back(std::move(cr));
  }
  for (const std::uint32_t z : model.zone_of_model) {
    const std::size_t cause = model.first_zone_cause + z;
    r.zones.push_back(DomainResult{model.zone_ids[z], t.zone_up_fraction[z].value() / n,
                                   share(cause), t.outages_caused[cause]});
  }
  for (const std::uint32_t k : model.region_of_model) {
    const std::size_t cause = model.first_region_cause + k;
    r.regions.push_back(DomainResult{model.region_ids[k], t.region_up_fraction[k].value() / n,
                                     share(cause), t.outages_caused[cause]});
  }
  r.causes = summarize_causes(model, t, downtime);
  if (model.load) {
    const double per_year = models::kHoursPerYear / (n * model.horizon_hours);
    for (std::size_t k = 0; k < model.load->caches.size(); ++k) {
      r.caches.push_back(CacheResult{model.load->cache_ids[k],
                                     static_cast<double>(t.cache_expiries[k]) * per_year,
                                     t.cache_expired_hours[k].value() * per_year});
    }
  }
  std::vector<double> common_per_year(range.common_cause_outages.size());
  for (std::size_t i = 0; i < common_per_year.size(); ++i) {
    common_per_year[i] = std::isnan(range.unavailability[i])
                             ? range.unavailability[i]
                             : static_cast<double>(range.common_cause_outages[i]) / years;
  }
  r.common_cause_outages_per_year = estimate_mean(common_per_year);
  r.common_cause_outages_per_year.ci95_lo = std::max(0.0, r.common_cause_outages_per_year.ci95_lo);
  return r;
}

}  // namespace nines::engine
