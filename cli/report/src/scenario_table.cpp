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

using layout::pad_right;

constexpr int kSignificantDigits = 3;

/// "+0.000071 pp" (percentage points, with the table's decimals); "-" for the base row.
std::string change_text(const ScenarioRow& row, bool is_base, int decimals) {
  if (is_base) return "-";
  const double points = 100.0 * row.availability_change;
  // Two significant digits at least: a small change must not print as "+0.000000".
  const int change_decimals = std::min(12, std::max(decimals, significant_decimals(points, 2)));
  std::string text = (points >= 0.0 ? "+" : "") + format_fixed(points, change_decimals) + " pp";
  if (row.downtime_ratio && std::isfinite(*row.downtime_ratio)) {
    // The downtime change is what an architect weighs; the points alone look tiny at five nines.
    const double percent = 100.0 * (*row.downtime_ratio - 1.0);
    const int percent_decimals = std::min(1, significant_decimals(percent, 2));
    text += ", downtime " + std::string(percent >= 0.0 ? "+" : "") +
            format_fixed(percent, percent_decimals) + " %";
  }
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
    std::size_t width = column.title.size();
    for (const auto& cell : column.cells) width = std::max(width, cell.size());
    widths.push_back(width + 2);
  }
  const auto line = [&](auto cell_of) {
    std::string text = "  ";
    for (std::size_t c = 0; c < columns.size(); ++c) text += pad_right(cell_of(c), widths[c]);
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
                  std::ostream& out, bool same_replications, bool same_horizon) {
  const engine::RunResult& base = runs.front().result;
  // No count of scenarios: after a Ctrl-C the table holds only the runs that were made.
  out << "nines " << kVersion << " - "
      << (base.model_name.empty() ? "(unnamed model)" : base.model_name)
      << ": base and scenarios compared";
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
                          const std::vector<std::string>& overrides) {
  const auto rows = scenario_rows(runs);
  const bool same_replications =
      all_equal(runs, [](const ScenarioRun& run) { return run.result.replications; });
  const bool same_horizon =
      all_equal(runs, [](const ScenarioRun& run) { return run.result.horizon_hours; });
  write_header(runs, overrides, out, same_replications, same_horizon);

  // One number of decimals for every row, so that the availabilities line up and compare.
  int decimals = 2;
  for (const auto& row : rows) {
    decimals = std::max(decimals, availability_decimals(row.availability.mean));
  }
  Column name{"scenario", {}};
  Column availability{"availability", {}};
  Column interval{"95% CI", {}};
  Column nines{"nines", {}};
  Column downtime{"downtime/year", {}};
  Column outages{"outages/year", {}};
  Column sla{runs.front().result.target ? sla_title(*runs.front().result.target) : "", {}};
  Column replications{"replications", {}};
  Column horizon{"horizon", {}};
  Column change{"change vs base", {}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ScenarioRow& row = rows[i];
    const auto& a = row.availability;
    name.cells.push_back(row.label + (row.cancelled ? " (cancelled)" : ""));
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
    change.cells.push_back(change_text(row, i == 0, decimals));
  }
  std::vector<Column> columns{name, availability, interval, nines, downtime, outages};
  if (runs.front().result.target) columns.push_back(sla);
  if (!same_replications) columns.push_back(replications);
  if (!same_horizon) columns.push_back(horizon);
  columns.push_back(change);
  write_columns(columns, out);
  out << '\n'
      << "Every row ran on the same random streams (seed " << runs.front().result.seed
      << ", one stream per component instance), so the\n"
         "differences between rows are less noisy than each row's own interval suggests.\n";
}

}  // namespace nines::report
