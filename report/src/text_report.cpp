// The readable report of a run: headline figures with confidence intervals and top causes.
#include "nines/report/text_report.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "nines/models/duration.hpp"
#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/provenance.hpp"
#include "nines/report/result_json.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

using layout::pad_left;
using layout::pad_right;
using layout::row;

constexpr int kSignificantDigits = 3;

std::string interval(const std::string& lo, const std::string& hi) {
  return "95% CI " + lo + " .. " + hi;
}

/// Up to `digits` significant digits, integers grouped, no trailing zeros: 8760 -> "8,760",
/// 1.930 -> "1.93".
std::string plain_number(double value, int digits) {
  constexpr double kLargest = 1e15;
  if (std::abs(value) < kLargest &&
      (value == std::floor(value) || std::abs(value) >= std::pow(10.0, digits - 1))) {
    return format_count(static_cast<std::int64_t>(std::llround(value)));
  }
  std::string text = format_significant(value, digits);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

/// Plural of a counted noun: "1 replication", "2 replications".
std::string counted(std::int64_t n, const std::string& noun) {
  return format_count(n) + " " + noun + (n == 1 ? "" : "s");
}

/// Decimals of a miss probability as a percentage with two significant digits (at least one
/// decimal, at most four), so a rare miss shows as "0.020 %" rather than "0.0 %"; its line and
/// the "met" line above share them.
int sla_decimals(double missed) {
  constexpr int kMaxDecimals = 4;
  return std::clamp(significant_decimals(100.0 * missed, 2), 1, kMaxDecimals);
}

/// Two rows of aligned cells: the names under `label`, the values under `sublabel`.
void cell_rows(std::ostream& out, const std::string& label, const std::string& sublabel,
               const std::vector<std::pair<std::string, std::string>>& cells) {
  std::size_t width = 0;
  for (const auto& [name, value] : cells) width = std::max(width, value.size());
  width += 3;
  std::string names;
  std::string values;
  for (const auto& [name, value] : cells) {
    names += pad_right(name, width);
    values += pad_right(value, width);
  }
  while (!names.empty() && names.back() == ' ') names.pop_back();
  while (!values.empty() && values.back() == ' ') values.pop_back();
  row(out, label, names);
  row(out, sublabel, values);
}

void write_quantiles(std::ostream& out, const std::string& sublabel,
                     const engine::AvailabilityQuantiles& q, double mean) {
  const int decimals = availability_decimals(std::min(q.p1, mean));
  cell_rows(out, "Availability quantiles", sublabel,
            {{"p1", format_percent(q.p1, decimals)},
             {"p5", format_percent(q.p5, decimals)},
             {"p50", format_percent(q.p50, decimals)},
             {"p95", format_percent(q.p95, decimals)},
             {"p99", format_percent(q.p99, decimals)}});
}

/// "+-4.99 %": a relative half-width with three significant digits.
std::string plus_minus(double fraction) {
  return "+-" + format_significant(100.0 * fraction, kSignificantDigits) + " %";
}

const char* stop_flag(engine::PrecisionStop stop) {
  switch (stop) {
    case engine::PrecisionStop::kMaxReplications:
      return "--max-replications";
    case engine::PrecisionStop::kMaxTime:
      return "--max-time";
    case engine::PrecisionStop::kCancelled:
      return "the interrupt";
    case engine::PrecisionStop::kPrecision:
      break;
  }
  return "";
}

void write_precision(const engine::PrecisionSummary& p, bool requests, std::ostream& out) {
  const std::string level = plain_number(100.0 * p.confidence, 6) + " %";
  const std::string done = counted(p.replications, "replication") + " (" + format_count(p.batches) +
                           (p.batches == 1 ? " batch" : " batches") + ")";
  if (std::isfinite(p.reached)) {
    out << "Precision " << plus_minus(p.reached)
        << (requests ? " of request unavailability at " : " of unavailability at ") << level
        << " after " << done;
  } else {
    out << "Precision unknown: no downtime seen in " << done;
  }
  if (p.stopped_by != engine::PrecisionStop::kPrecision) {
    out << "\n  target +-" << plain_number(100.0 * p.target, 6) << " % not reached: stopped by "
        << stop_flag(p.stopped_by);
  }
  out << "; reproduce with --replications " << p.replications << '\n';
}

void write_header(const engine::RunResult& r, const TextReportOptions& options, std::ostream& out) {
  out << "nines " << kVersion << " - " << (r.model_name.empty() ? "(unnamed model)" : r.model_name);
  if (!options.scenario.empty()) {
    // Quoted as JSON, as the --scenario value to type and with any control character escaped.
    out << ", scenario "
        << nlohmann::json(options.scenario)
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (!options.overrides.empty()) out << ", " << overrides_text(options.overrides);
  out << '\n';
  out << counted(r.replications, "replication") << " x " << format_duration(r.horizon_hours) << " ("
      << plain_number(r.horizon_hours, 6) << " h), seed " << r.seed;
  if (r.first_replication != 0) out << ", from replication " << format_count(r.first_replication);
  out << '\n';
  if (const std::string cost = cost_line(options.cost); !cost.empty()) out << cost << '\n';
  if (r.precision) write_precision(*r.precision, r.requests_basis, out);
  if (r.cancelled) out << "CANCELLED: figures cover the replications completed before the stop\n";
  out << '\n';
}

/// "z = -0.41", or "-" without a standard error.
std::string z_text(const std::optional<double>& z) {
  return z ? "z = " + format_fixed(*z, 2) : "z: -";
}

void write_exact(const ExactCheck& exact, const engine::RunResult& r, std::ostream& out) {
  const bool horizon = exact.kind == "horizon";
  row(out, horizon ? "Exact (horizon)" : "Exact (steady state)",
      format_percent(exact.availability, availability_decimals(exact.availability)),
      z_text(exact.z_availability) + " for the estimate   (" + exact.method + ")");
  row(out, "Exact outages per year", format_number(exact.outages_per_year, kSignificantDigits),
      z_text(exact.z_outages_per_year));
  out << "  (z: the estimate's distance from the exact value in standard errors; |z| above 3\n"
         "  happens by chance in about 1 run in 370; above 4, report it)\n";
  if (exact_check_alarming(exact)) {
    out << "  WARNING: the estimate is more than 4 standard errors from the exact value over the\n"
           "  same horizon: that is a bug in nines; please report it with the model.\n";
  } else if (!horizon) {
    // No direction: which way a finite horizon moves the average has not been computed here.
    out << "  (only the steady state is exact for this model: a "
        << format_duration(r.horizon_hours)
        << " history from all-new may average\n"
           "  differently, so a large z here need not be a bug)\n";
  }
}

/// "SLA 99.95 %": the target with the decimals it needs.
std::string sla_label(double target) {
  return "SLA " + format_percent(target, std::max(2, availability_decimals(target) - 2));
}

void write_estimates(const engine::RunResult& r, std::ostream& out);

/// A run that saw no outage has no interval: it says how long it watched and bounds the rate.
void write_no_outage(const engine::RunResult& r, std::ostream& out) {
  const double years = simulated_years(r);
  const std::string watched = no_outage_words(r);
  const auto& a = r.availability;
  row(out, "Availability", format_percent(a.mean, availability_decimals(a.mean)), watched);
  row(out, "Downtime per year", format_hours_minutes(r.downtime_hours_per_year.mean), watched);
  const auto bound = no_outage_upper_bound_95(r);
  row(out, "Outages per year", "0",
      bound ? "below " + format_number(*bound, 2) + " at 95 % (Poisson: -ln(0.05) / " +
                  plain_number(years, 4) + " years)"
            : watched);
  out << "  (for an interval, run to a precision with --precision 0.1, or more replications)\n";
}

/// An estimate of a count per year: "1.23   95% CI 0.9 .. 1.6".
void write_rate(std::ostream& out, const std::string& label, const engine::Estimate& e,
                const std::string& note) {
  const NumberStyle style = number_style(e.mean, kSignificantDigits);
  row(out, label, format_number_as(e.mean, style),
      interval(format_number_as(std::max(e.ci95_lo, 0.0), style),
               format_number_as(e.ci95_hi, style)) +
          note);
}

/// Flow mode: degraded time, rejected and shed requests, cascades, and each capacity's
/// utilisation with its crashes.
void write_flow(const engine::RunResult& r, std::ostream& out) {
  const engine::RequestResult& q = *r.requests;
  if (r.degraded_hours_per_year) {
    const auto& d = *r.degraded_hours_per_year;
    row(out, "Degraded per year", format_hours_minutes(d.mean),
        interval(format_hours_minutes(std::max(d.ci95_lo, 0.0)), format_hours_minutes(d.ci95_hi)) +
            "   (served share below degraded_below, down time included)");
  }
  if (q.rejected_per_year > 0.0) {
    row(out, "Rejected/year", format_si(q.rejected_per_year),
        "requests above limit_rps, refused at the entry (counted as failed)");
  }
  if (q.shed_per_year > 0.0) {
    row(out, "Shed calls/year", format_si(q.shed_per_year),
        "calls above a shedding component's capacity, retries included");
  }
  if (r.cascades) {
    const engine::CascadeResult& c = *r.cascades;
    std::string note;
    if (c.size_max > 0) {
      note = "   (mean size " + format_number(c.size_mean, 2) + " components, largest " +
             std::to_string(c.size_max);
      if (c.outage_share) note += "; " + format_percent(*c.outage_share, 1) + " of outages";
      note += ")";
    }
    write_rate(out, "Cascades per year", c.per_year, note);
  }
  std::string utilisation;
  for (const auto& component : r.components) {
    if (!component.utilisation) continue;
    if (!utilisation.empty()) utilisation += ", ";
    utilisation += component.id + " " + format_percent(*component.utilisation, 1);
    if (component.overload_crashes_per_year && *component.overload_crashes_per_year > 0.0) {
      utilisation += " (" + format_number(*component.overload_crashes_per_year, 3) + " crashes/y)";
    }
  }
  if (!utilisation.empty()) row(out, "Utilisation", utilisation);
  for (const auto& cache : r.caches) {
    // How often the cache's stale clock ran out, and how long the refill then took.
    row(out, "Cache",
        cache.id + ": expired " + format_number(cache.expiries_per_year, 3) + " times a year, " +
            format_duration(cache.expired_hours_per_year) + " a year in all");
  }
}

/// With a load: request availability beside the time-based one, failed requests, and what the
/// SLA judges.
void write_requests(const engine::RunResult& r, std::ostream& out) {
  const engine::RequestResult& q = *r.requests;
  const auto& a = q.availability;
  const int decimals = availability_decimals(std::min(a.mean, r.availability.mean));
  row(out, "Request availability", format_percent(a.mean, decimals),
      interval(format_percent(std::max(a.ci95_lo, 0.0), decimals),
               format_percent(std::min(a.ci95_hi, 1.0), decimals)) +
          "   (served / offered requests)");
  row(out, "Failed requests/year", format_si(q.failed_per_year),
      "of " + format_si(q.offered_per_year) + " offered");
  if (r.flow_evaluations > 0) write_flow(r, out);
  if (r.metastable_per_year) {
    // Recovery after trigger episodes (injections): how long the system stayed down after them.
    std::string recovery = "no episode ended before the horizon";
    if (r.recovery_hours) {
      const auto& h = *r.recovery_hours;
      recovery = "mean " + format_duration(h.mean_hours) + ", p90 " + format_duration(h.p90_hours) +
                 ", max " + format_duration(h.max_hours) + " (" + counted(h.count, "episode") +
                 ", " + format_count(h.cut_at_horizon) + " cut at the horizon)";
    }
    row(out, "Recovery", recovery);
    const auto& m = *r.metastable_per_year;
    const NumberStyle style = number_style(m.mean, kSignificantDigits);
    row(out, "Metastable per year", format_number_as(m.mean, style),
        interval(format_number_as(std::max(m.ci95_lo, 0.0), style),
                 format_number_as(m.ci95_hi, style)) +
            "   (recoveries longer than metastable_after)");
  }
  row(out, "SLA basis", r.requests_basis ? "requests" : "time",
      r.requests_basis ? "(sla, windows and precision judge request availability)"
                       : "(sla, windows and precision judge time-based availability)");
}

void write_availability(const engine::RunResult& r, std::ostream& out) {
  if (r.outages == 0) {
    write_no_outage(r, out);
  } else {
    write_estimates(r, out);
  }
  if (r.requests) write_requests(r, out);
  if (r.sla) {
    const auto& s = *r.sla;
    // Met and missed share their decimals: "99.950 %" above "0.050 %".
    // With no miss seen, the interval's upper end sets the decimals ("0.0 % .. 0.2 %" says little).
    const int d =
        sla_decimals(s.probability_missed > 0.0 ? s.probability_missed : s.missed_ci95_hi);
    row(out, sla_label(s.target) + " met", format_percent(s.probability_met, d),
        interval(format_percent(s.ci95_lo, d), format_percent(s.ci95_hi, d)) + "   (share of " +
            format_fixed(r.horizon_hours / models::kHoursPerYear, 2) + " y histories)");
    row(out, "SLA missed", format_percent(s.probability_missed, d),
        interval(format_percent(s.missed_ci95_lo, d), format_percent(s.missed_ci95_hi, d)) +
            "   (per " + format_fixed(r.horizon_hours / models::kHoursPerYear, 2) + " y history)");
    if (s.per_year) {
      const auto& y = *s.per_year;
      const int dy =
          sla_decimals(y.probability_missed > 0.0 ? y.probability_missed : 1.0 - y.ci95_lo);
      out << "  " << sla_label(s.target) << " missed in "
          << format_percent(y.probability_missed, dy) << " of years (95% CI "
          << format_percent(1.0 - y.ci95_hi, dy) << " .. " << format_percent(1.0 - y.ci95_lo, dy)
          << ", " << format_count(y.years) << " whole years)\n";
    }
  }
  if (r.availability_quantiles) {
    write_quantiles(out, "  of replications", *r.availability_quantiles, r.availability.mean);
  }
  out << '\n';
}

void write_estimates(const engine::RunResult& r, std::ostream& out) {
  const auto& a = r.availability;
  const int decimals = availability_decimals(a.mean);
  row(out, "Availability", format_percent(a.mean, decimals),
      interval(format_percent(std::max(a.ci95_lo, 0.0), decimals),
               format_percent(std::min(a.ci95_hi, 1.0), decimals)) +
          "   " + format_nines(a.mean));

  // The interval in its estimate's unit: "56 s  95% CI 27 s .. 84 s".
  const auto& d = r.downtime_hours_per_year;
  const DurationStyle unit = hours_minutes_style(d.mean);
  row(out, "Downtime per year", format_hours_minutes(d.mean),
      interval(format_duration_as(std::max(d.ci95_lo, 0.0), unit),
               format_duration_as(std::max(d.ci95_hi, 0.0), unit)));

  const auto& o = r.outages_per_year;
  const NumberStyle style = number_style(o.mean, kSignificantDigits);
  row(out, "Outages per year", format_number_as(o.mean, style),
      interval(format_number_as(std::max(o.ci95_lo, 0.0), style),
               format_number_as(o.ci95_hi, style)));
}

void write_windows(const engine::WindowResult& w, const engine::RunResult& r, std::ostream& out) {
  out << "SLA windows of " << models::format_duration(w.length_hours) << " ("
      << format_count(w.per_replication) << " per replication";
  if (w.partial_window_hours > 0.0) {
    out << "; the last " << models::format_duration(w.partial_window_hours)
        << " of each history left out";
  }
  out << ")\n";
  if (w.count == 0) {
    row(out, "Windows", "none");
    out << '\n';
    return;
  }
  row(out, "Mean availability",
      format_percent(w.mean_availability, availability_decimals(w.mean_availability)));
  if (w.availability_quantiles) {
    write_quantiles(out, "  of windows", *w.availability_quantiles, w.mean_availability);
  }
  if (w.probability_missed && r.target) {
    const auto& p = *w.probability_missed;
    const int d = sla_decimals(p.mean);
    row(out, sla_label(*r.target) + " missed", format_percent(p.mean, d),
        interval(format_percent(p.ci95_lo, d), format_percent(p.ci95_hi, d)) +
            "   (share of windows)");
  }
  if (w.expected_missed_per_year) {
    const auto& m = *w.expected_missed_per_year;
    const NumberStyle style = number_style(m.mean, kSignificantDigits);
    row(out, "Missed windows per year", format_number_as(m.mean, style),
        interval(format_number_as(std::max(m.ci95_lo, 0.0), style),
                 format_number_as(m.ci95_hi, style)));
  }
  out << '\n';
}

void write_outages(const engine::RunResult& r, std::ostream& out) {
  if (!r.outage_duration) {
    row(out, "Outages", "none seen");
    out << '\n';
    return;
  }
  const auto& d = *r.outage_duration;
  cell_rows(out, "Outage duration", "",
            {{"mean", format_duration(d.mean_hours)},
             {"p50", format_duration(d.p50_hours)},
             {"p90", format_duration(d.p90_hours)},
             {"p99", format_duration(d.p99_hours)},
             {"max", format_duration(d.max_hours)}});

  if (r.system_mtbf_hours) {
    row(out, "System MTBF", format_duration(*r.system_mtbf_hours),
        "(" + plain_number(*r.system_mtbf_hours, 4) + " h between outage starts)");
  }
  if (r.system_mttr_hours) {
    row(out, "System MTTR", format_duration(*r.system_mttr_hours),
        "(" + plain_number(*r.system_mttr_hours, 4) + " h mean outage)");
  }
  row(out, "Outages seen", format_count(r.outages),
      format_count(r.outages_cut_at_horizon) + " cut at the horizon");
  out << '\n';
}

/// "db", "zone eu-a", "region eu", "inject db", "load step", "other": how a cause reads.
std::string cause_label(const engine::CauseResult& c) {
  if (c.kind == "component") return c.id;
  if (c.kind == "other") return "other";
  if (c.kind == "load") return "load step";
  return c.kind + " " + c.id;
}

void write_components(const engine::RunResult& r, std::ostream& out, std::size_t top) {
  if (top == 0) return;
  // Causes arrive sorted (share, outages, kind, id): the list is reproducible.
  std::vector<const engine::CauseResult*> causes;
  for (const auto& c : r.causes) causes.push_back(&c);
  if (causes.size() > top) causes.resize(top);
  if (causes.empty()) return;
  const auto component_of = [&](const engine::CauseResult& c) -> const engine::ComponentResult* {
    if (c.kind != "component") return nullptr;
    for (const auto& component : r.components) {
      if (component.id == c.id) return &component;
    }
    return nullptr;
  };
  const auto domain_of = [&](const engine::CauseResult& c) -> const engine::DomainResult* {
    const auto& list = c.kind == "zone" ? r.zones : r.regions;
    if (c.kind != "zone" && c.kind != "region") return nullptr;
    for (const auto& d : list) {
      if (d.id == c.id) return &d;
    }
    return nullptr;
  };

  std::size_t id_width = std::string("cause").size();
  for (const auto* c : causes) id_width = std::max(id_width, cause_label(*c).size());
  int decimals = 2;
  for (const auto* c : causes) {
    if (const auto* component = component_of(*c)) {
      decimals = std::max({decimals, availability_decimals(component->availability),
                           availability_decimals(component->service_availability)});
    } else if (const auto* domain = domain_of(*c)) {
      decimals = std::max(decimals, availability_decimals(domain->availability));
    }
  }
  const std::size_t avail_width = std::max<std::size_t>(12, static_cast<std::size_t>(decimals) + 6);

  out << "Top causes of downtime\n";
  out << "  " << pad_right("cause", id_width) << pad_left("share", 9) << pad_left("outages", 11)
      << pad_left("availability", avail_width + 2) << pad_left("service", avail_width + 2) << '\n';
  for (const auto* c : causes) {
    std::string availability;
    std::string service;
    if (const auto* component = component_of(*c)) {
      availability = format_percent(component->availability, decimals);
      service = format_percent(component->service_availability, decimals);
    } else if (const auto* domain = domain_of(*c)) {
      availability = format_percent(domain->availability, decimals);
    }
    out << "  " << pad_right(cause_label(*c), id_width)
        << pad_left(format_percent(c->downtime_share, 1), 9)
        << pad_left(format_count(c->outages_caused), 11) << pad_left(availability, avail_width + 2)
        << pad_left(service, avail_width + 2) << '\n';
  }
  std::size_t silent = 0;
  for (const auto& c : r.components) silent += c.outages_caused > 0 ? 0 : 1;
  if (silent > 0 && silent < r.components.size() + 1) {
    out << "  (" << silent << " of " << r.components.size() << " components caused no outage)\n";
  }
  out << "  share: of the downtime, each outage charged whole to its root cause (shares sum to\n"
         "  100 %); outages: outages it caused; availability: its own pool; service: the pool and\n"
         "  everything it depends on. Not analyze's \"critical\" (criticality importance).\n";
  const bool other_charged = std::any_of(causes.begin(), causes.end(), [](const auto* c) {
    return c->kind == "other" && c->outages_caused > 0;
  });
  if (other_charged) {
    // "other" alone says little: name what begins an outage without a loss.
    out << "  other: outages begun by a batch with no loss in it (a cache expiry, a breaker\n"
           "  closing, a restart into overload); --trace R shows the batch that began one.\n";
  }
  out << '\n';
}

void write_domains(const engine::RunResult& r, std::ostream& out) {
  if (r.zones.empty() && r.regions.empty()) return;
  std::size_t id_width = std::string("region").size() + 1;
  for (const auto& d : r.zones) id_width = std::max(id_width, d.id.size() + 5);
  for (const auto& d : r.regions) id_width = std::max(id_width, d.id.size() + 7);
  int decimals = 2;
  for (const auto& d : r.zones)
    decimals = std::max(decimals, availability_decimals(d.availability));
  for (const auto& d : r.regions)
    decimals = std::max(decimals, availability_decimals(d.availability));
  const std::size_t avail_width = std::max<std::size_t>(12, static_cast<std::size_t>(decimals) + 6);
  out << "Failure domains\n";
  out << "  " << pad_right("domain", id_width) << pad_left("availability", avail_width + 2)
      << pad_left("share", 9) << pad_left("outages", 11) << '\n';
  const auto line = [&](const std::string& label, const engine::DomainResult& d) {
    out << "  " << pad_right(label, id_width)
        << pad_left(format_percent(d.availability, decimals), avail_width + 2)
        << pad_left(format_percent(d.downtime_share, 1), 9)
        << pad_left(format_count(d.outages_caused), 11) << '\n';
  };
  for (const auto& d : r.regions) line("region " + d.id, d);
  for (const auto& d : r.zones) line("zone " + d.id, d);
  const auto& cc = r.common_cause_outages_per_year;
  const NumberStyle style = number_style(cc.mean, kSignificantDigits);
  out << "  Common-cause outages (two or more pools down at once): "
      << format_number_as(cc.mean, style) << " per year (95% CI "
      << format_number_as(std::max(cc.ci95_lo, 0.0), style) << " .. "
      << format_number_as(cc.ci95_hi, style) << ")\n\n";
}

/// Components with scheduled deploys: how many were bad, skipped, how many restarts they cost,
/// and the share of the downtime they caused.
void write_deploys(const engine::RunResult& r, std::ostream& out) {
  std::vector<const engine::ComponentResult*> rows;
  for (const auto& c : r.components) {
    if (c.restarts_per_year) rows.push_back(&c);
  }
  if (rows.empty()) return;
  std::size_t id_width = std::string("component").size();
  for (const auto* c : rows) id_width = std::max(id_width, c->id.size());
  out << "Deploys\n";
  out << "  " << pad_right("component", id_width) << pad_left("bad/year", 11)
      << pad_left("skipped/year", 15) << pad_left("restarts/year", 16)
      << pad_left("downtime share", 17) << '\n';
  for (const auto* c : rows) {
    out << "  " << pad_right(c->id, id_width)
        << pad_left(format_significant(*c->bad_deploys_per_year, 3), 11)
        << pad_left(format_significant(*c->deploys_skipped_per_year, 3), 15)
        << pad_left(format_significant(*c->restarts_per_year, 3), 16)
        << pad_left(format_percent(*c->deploy_downtime_share, 1), 17) << '\n';
  }
  out << "  bad: bad deploys that ran; skipped: due while the previous one still ran; restarts:\n"
         "  instances reached; downtime share: system downtime whose root cause was a deploy\n"
         "  batch.\n\n";
}

/// Components whose monitoring misses failures (coverage below 1): how long failures go unseen,
/// how many are missed, how long repairs take once seen.
void write_detection(const engine::RunResult& r, std::ostream& out) {
  std::vector<const engine::ComponentResult*> rows;
  for (const auto& c : r.components) {
    if (c.undetected_failures_per_year) rows.push_back(&c);
  }
  if (rows.empty()) return;
  std::size_t id_width = std::string("component").size();
  for (const auto* c : rows) id_width = std::max(id_width, c->id.size());
  const auto duration = [](const std::optional<double>& hours) {
    return hours ? format_duration(*hours) : std::string("-");
  };
  out << "Detection (coverage below 1)\n";
  out << "  " << pad_right("component", id_width) << pad_left("MTTD", 12)
      << pad_left("undetected/year", 17) << pad_left("MTTR", 12) << '\n';
  for (const auto* c : rows) {
    out << "  " << pad_right(c->id, id_width)
        << pad_left(duration(c->mean_time_to_detect_hours), 12)
        << pad_left(format_significant(*c->undetected_failures_per_year, 3), 17)
        << pad_left(duration(c->mean_time_to_repair_hours), 12) << '\n';
  }
  out << "  MTTD: failure to detection; undetected: failures the monitoring missed (found later\n"
         "  by the undetected law or an inspection); MTTR: detection to repair end, crew wait\n"
         "  included.\n\n";
}

void write_run_info(const engine::RunResult& r, std::ostream& out) {
  const auto& info = r.run_info;
  row(out, "Events", format_count(r.events),
      "in " + format_significant(info.wall_seconds, 3) + " s, " +
          format_si(info.events_per_second) + " events/s, " + counted(info.threads, "thread"));
}

}  // namespace

std::string no_outage_words(const engine::RunResult& result) {
  return "no outage in " + plain_number(simulated_years(result), 4) + " replication-years";
}

void write_text_report(const engine::RunResult& result, std::ostream& out,
                       const TextReportOptions& options) {
  write_header(result, options, out);
  write_availability(result, out);
  if (options.exact != nullptr) {
    write_exact(*options.exact, result, out);
    out << '\n';
  }
  if (result.windows) write_windows(*result.windows, result, out);
  write_outages(result, out);
  write_components(result, out, options.top_components);
  write_domains(result, out);
  write_deploys(result, out);
  write_detection(result, out);
  if (options.show_run_info) write_run_info(result, out);
}

}  // namespace nines::report
