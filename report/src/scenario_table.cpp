// The comparison table of `nines run --all-scenarios`: one aligned row per run, base first.
#include "nines/report/scenario_table.hpp"

#include <algorithm>
#include <cmath>

#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/provenance.hpp"
#include "nines/report/text_report.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

constexpr int kSignificantDigits = 3;

/// `value` with `decimals` decimals and its sign ("+0.0071", "-1.20"); "0" (unsigned) when it
/// rounds to zero.
std::string signed_fixed(double value, int decimals) {
  const std::string text = format_fixed(std::abs(value), decimals);
  if (text.find_first_not_of("0.") == std::string::npos) return "0";
  return (value < 0.0 ? "-" : "+") + text;
}

/// A signed yearly downtime: "+1 h 02 min", "-45 min", "0".
std::string signed_hours_minutes(double hours) {
  if (!std::isfinite(hours)) return "-";
  const std::string text = format_hours_minutes(std::abs(hours));
  if (hours == 0.0 || text == "0 s") return "0";
  return (hours < 0.0 ? "-" : "+") + text;
}

/// Characters on screen of UTF-8 text (the column titles hold a "Δ").
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return width;
}

std::string pad_to(std::string text, std::size_t width) {
  const std::size_t shown = display_width(text);
  if (shown < width) text.append(width - shown, ' ');
  return text;
}

/// The SLA column's title: "SLA 99.95 % met", as in the run report.
std::string sla_title(double target) {
  return "SLA " + format_percent(target, std::max(2, availability_decimals(target) - 2)) + " met";
}

struct Column {
  std::string title;
  std::vector<std::string> cells;
};

void write_columns(const std::vector<Column>& columns, std::ostream& out) {
  std::vector<std::size_t> widths;
  for (const auto& column : columns) {
    std::size_t width = display_width(column.title);
    for (const auto& cell : column.cells) width = std::max(width, display_width(cell));
    widths.push_back(width + 2);
  }
  const auto line = [&](auto cell_of) {
    std::string text = "  ";
    for (std::size_t c = 0; c < columns.size(); ++c) text += pad_to(cell_of(c), widths[c]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line([&](std::size_t c) { return columns[c].title; });
  for (std::size_t r = 0; r < columns.front().cells.size(); ++r) {
    line([&](std::size_t c) { return columns[c].cells[r]; });
  }
}

template <typename Value>
bool all_equal(const std::vector<ScenarioRun>& runs, Value value) {
  return std::all_of(runs.begin(), runs.end(),
                     [&](const ScenarioRun& run) { return value(run) == value(runs.front()); });
}

void write_header(const std::vector<ScenarioRun>& runs, const std::vector<std::string>& overrides,
                  const std::string& what, std::ostream& out, bool same_replications,
                  bool same_horizon) {
  const engine::RunResult& base = runs.front().result;
  // No count of scenarios: after a Ctrl-C the table holds only the runs that were made.
  out << "nines " << kVersion << " - "
      << (base.model_name.empty() ? "(unnamed model)" : base.model_name) << ": " << what;
  if (!overrides.empty()) out << ", " << overrides_text(overrides);
  out << '\n';
  if (same_replications) {
    out << format_count(base.replications)
        << (base.replications == 1 ? " replication" : " replications");
    if (same_horizon) out << " x " << format_duration(base.horizon_hours);
    out << " per row, ";
  } else if (same_horizon) {
    out << format_duration(base.horizon_hours) << " per history, ";
  }
  out << "seed " << base.seed << '\n' << '\n';
}

}  // namespace

std::string availability_difference_text(const engine::Estimate& e) {
  const double mean = 100.0 * e.mean;
  const double half = 100.0 * (e.ci95_hi - e.ci95_lo) / 2.0;
  const int decimals =
      std::min(12, std::max({significant_decimals(mean, 2), significant_decimals(half, 2)}));
  return signed_fixed(mean, decimals) + " pp (" + signed_fixed(100.0 * e.ci95_lo, decimals) +
         " .. " + signed_fixed(100.0 * e.ci95_hi, decimals) + ")";
}

std::string downtime_difference_text(const engine::Estimate& e) {
  return signed_hours_minutes(e.mean) + " (" + signed_hours_minutes(e.ci95_lo) + " .. " +
         signed_hours_minutes(e.ci95_hi) + ")";
}

std::string pairing_text(const std::optional<double>& variance_ratio) {
  if (!variance_ratio || !std::isfinite(*variance_ratio)) return "-";
  return "x" + format_significant(*variance_ratio, 2);
}

std::vector<ScenarioRow> scenario_rows(const std::vector<ScenarioRun>& runs) {
  std::vector<ScenarioRow> rows;
  if (runs.empty()) return rows;
  const engine::RunResult& base = runs.front().result;
  for (const auto& run : runs) {
    const engine::RunResult& r = run.result;
    ScenarioRow row;
    row.label = run.name ? *run.name : "base";
    row.availability = r.availability;
    row.nines = nines_of(r.availability.mean);
    row.downtime_hours_per_year = r.downtime_hours_per_year;
    row.outages_per_year = r.outages_per_year;
    if (r.sla) row.sla_met = r.sla->probability_met;
    row.cost = run.cost;
    if (&run != &runs.front() && run.range && runs.front().range) {
      row.difference = paired_comparison(base, *runs.front().range, r, *run.range);
      if (run.cost.per_month && runs.front().cost.per_month) {
        row.difference->cost_per_month = *run.cost.per_month - *runs.front().cost.per_month;
      }
    }
    row.availability_change = r.availability.mean - base.availability.mean;
    if (base.downtime_hours_per_year.mean > 0.0) {
      row.downtime_ratio = r.downtime_hours_per_year.mean / base.downtime_hours_per_year.mean;
    }
    row.replications = r.replications;
    row.cancelled = r.cancelled;
    if (r.outages == 0 && r.replications > 0) row.no_outage = no_outage_words(r);
    rows.push_back(std::move(row));
  }
  return rows;
}

void write_scenario_table(const std::vector<ScenarioRun>& runs, std::ostream& out,
                          const std::vector<std::string>& overrides, const std::string& what,
                          const std::string& label_title) {
  const auto rows = scenario_rows(runs);
  const bool same_replications =
      all_equal(runs, [](const ScenarioRun& run) { return run.result.replications; });
  const bool same_horizon =
      all_equal(runs, [](const ScenarioRun& run) { return run.result.horizon_hours; });
  write_header(runs, overrides, what, out, same_replications, same_horizon);

  // One number of decimals for every row, so that the availabilities line up and compare.
  int decimals = 2;
  for (const auto& row : rows) {
    decimals = std::max(decimals, availability_decimals(row.availability.mean));
  }
  for (const auto& run : runs) {
    if (run.result.requests) {
      decimals = std::max(decimals, availability_decimals(run.result.requests->availability.mean));
    }
  }
  Column name{label_title, {}};
  Column availability{"availability", {}};
  Column interval{"95% CI", {}};
  Column nines{"nines", {}};
  Column downtime{"downtime/year", {}};
  Column outages{"outages/year", {}};
  Column sla{runs.front().result.target ? sla_title(*runs.front().result.target) : "", {}};
  Column replications{"replications", {}};
  Column horizon{"horizon", {}};
  Column cost{"cost/month", {}};
  Column delta_availability{"Δ availability (paired 95% CI)", {}};
  Column delta_downtime{"Δ downtime/year (paired 95% CI)", {}};
  Column pairing{"pairing", {}};
  // Outages that took two or more pools down at once, shown when a row has zones or regions.
  Column common_cause{"common-cause/y", {}};
  // Failures the monitoring missed, summed over components, shown when a row has coverage < 1.
  Column undetected{"undetected/year", {}};
  // Downtime whose root cause was a deploy batch, summed over components with deploys.
  Column deploy_share{"deploy share", {}};
  // Request availability and failed requests, shown when a row has a load.
  Column requests{"requests", {}};
  Column failed{"failed req/year", {}};
  // Metastable episodes per year, shown when a row has a load and injections.
  Column metastable{"metastable/y", {}};
  // Overload cascades per year, shown when a row has `overload`.
  Column cascades{"cascades/y", {}};
  bool any_cascades = false;
  bool any_load = false;
  bool any_metastable = false;
  bool any_undetected = false;
  bool any_deploys = false;
  bool any_domains = false;
  bool any_cost = false;
  bool any_significant = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ScenarioRow& row = rows[i];
    const auto& a = row.availability;
    const bool significant = row.difference && row.difference->significant;
    any_significant = any_significant || significant;
    name.cells.push_back(row.label + (row.cancelled ? " (cancelled)" : "") +
                         (significant ? " *" : ""));
    availability.cells.push_back(format_percent(a.mean, decimals));
    interval.cells.push_back(!row.no_outage.empty()
                                 ? row.no_outage
                                 : format_fixed(100.0 * std::max(a.ci95_lo, 0.0), decimals) +
                                       " .. " + format_percent(std::min(a.ci95_hi, 1.0), decimals));
    nines.cells.push_back(row.nines ? format_fixed(*row.nines, 2) : "no downtime");
    downtime.cells.push_back(format_hours_minutes(row.downtime_hours_per_year.mean));
    const double o = row.outages_per_year.mean;
    outages.cells.push_back(format_number(o, kSignificantDigits));
    sla.cells.push_back(row.sla_met ? format_percent(*row.sla_met, 1) : "-");
    replications.cells.push_back(format_count(row.replications));
    horizon.cells.push_back(format_duration(runs[i].result.horizon_hours));
    any_cost = any_cost || row.cost.per_month.has_value();
    cost.cells.push_back(cost_text(row.cost));
    const engine::RunResult& result = runs[i].result;
    any_domains = any_domains || !result.zones.empty() || !result.regions.empty();
    common_cause.cells.push_back(
        format_number(result.common_cause_outages_per_year.mean, kSignificantDigits));
    std::optional<double> missed;
    for (const auto& c : result.components) {
      if (c.undetected_failures_per_year)
        missed = missed.value_or(0.0) + *c.undetected_failures_per_year;
    }
    any_undetected = any_undetected || missed.has_value();
    undetected.cells.push_back(missed ? format_number(*missed, kSignificantDigits) : "-");
    std::optional<double> deployed;
    for (const auto& c : result.components) {
      if (c.deploy_downtime_share) deployed = deployed.value_or(0.0) + *c.deploy_downtime_share;
    }
    any_deploys = any_deploys || deployed.has_value();
    deploy_share.cells.push_back(deployed ? format_percent(*deployed, 1) : "-");
    any_load = any_load || result.requests.has_value();
    requests.cells.push_back(
        result.requests ? format_percent(result.requests->availability.mean, decimals) : "-");
    failed.cells.push_back(result.requests ? format_si(result.requests->failed_per_year) : "-");
    any_cascades = any_cascades || result.cascades.has_value();
    cascades.cells.push_back(
        result.cascades ? format_number(result.cascades->per_year.mean, kSignificantDigits) : "-");
    any_metastable = any_metastable || result.metastable_per_year.has_value();
    metastable.cells.push_back(
        result.metastable_per_year
            ? format_number(result.metastable_per_year->mean, kSignificantDigits)
            : "-");
    if (row.difference) {
      delta_availability.cells.push_back(
          availability_difference_text(row.difference->availability));
      delta_downtime.cells.push_back(
          downtime_difference_text(row.difference->downtime_hours_per_year));
      pairing.cells.push_back(pairing_text(row.difference->variance_ratio));
    } else {
      delta_availability.cells.push_back("-");
      delta_downtime.cells.push_back("-");
      pairing.cells.push_back("-");
    }
  }
  std::vector<Column> columns{name, availability, interval, nines, downtime, outages};
  if (runs.front().result.target) columns.push_back(sla);
  if (!same_replications) columns.push_back(replications);
  if (!same_horizon) columns.push_back(horizon);
  if (any_cost) columns.push_back(cost);
  if (any_domains) columns.push_back(common_cause);
  if (any_deploys) columns.push_back(deploy_share);
  if (any_undetected) columns.push_back(undetected);
  if (any_load) {
    columns.push_back(requests);
    columns.push_back(failed);
  }
  if (any_cascades) columns.push_back(cascades);
  if (any_metastable) columns.push_back(metastable);
  columns.push_back(delta_availability);
  columns.push_back(delta_downtime);
  columns.push_back(pairing);
  write_columns(columns, out);
  out << '\n'
      << "Every row ran on the same random streams (seed " << runs.front().result.seed
      << ", one stream per component instance), so each\n"
         "difference from the first row is taken replication by replication; \"pairing\" is how "
         "many times\nthe replications two independent runs would need for the same interval.\n";
  if (any_significant) {
    out << "* the paired 95% interval of the availability difference excludes 0 (no correction "
           "for\n  multiple comparisons: see docs/planner.md).\n";
  }
}

}  // namespace nines::report
