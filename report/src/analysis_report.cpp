// The readable report of `nines analyze`.
#include "nines/report/analysis_report.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/provenance.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

using layout::pad_left;
using layout::pad_right;
using layout::row;

/// A table cell: below 1e-3 in magnitude "2.4e-5", else three significant digits ("1.60",
/// "503000"); "-" when absent.
std::string cell(double value) { return format_number(value, 3); }

std::string cell(const std::optional<double>& value) { return value ? cell(*value) : "-"; }

void write_system(const analysis::Analysis& r, std::ostream& out) {
  const int decimals = availability_decimals(r.availability);
  const std::string bdd =
      "BDD of " + format_count(static_cast<std::uint64_t>(r.bdd_nodes)) + " nodes";
  const std::string method = r.method == "markov"
                                 ? "Markov chains (" +
                                       format_count(static_cast<std::uint64_t>(r.markov_states)) +
                                       " states) + structure function (" + bdd + ")"
                                 : "structure function (" + bdd + ")";
  row(out, "Method", method);
  row(out, "Availability",
      format_percent(r.availability, decimals) + "   " + format_nines(r.availability) +
          "   (steady state)");
  if (r.horizon_availability) {
    row(out, "Over the horizon",
        format_percent(*r.horizon_availability, availability_decimals(*r.horizon_availability)) +
            "   (expected over " + format_duration(r.horizon_hours) + " from all-new)");
  } else if (!r.horizon_note.empty()) {
    row(out, "Over the horizon", "not exact: " + r.horizon_note);
  }
  row(out, "Downtime per year", format_hours_minutes(r.downtime_hours_per_year));
  row(out, "Outages per year", format_number(r.outages_per_year, 3));
  if (r.mean_outage_hours) row(out, "Mean outage", format_duration(*r.mean_outage_hours));
  out << '\n';
}

/// "+0.012": a gain in availability as signed percentage points with two significant digits.
std::string points(double gain) {
  const double pp = 100.0 * gain;
  return (pp > 0.0 ? "+" : "") + format_number(pp, 2);
}

void write_components(const analysis::Analysis& r, std::ostream& out, std::size_t top) {
  if (top == 0) return;
  std::vector<const analysis::ComponentAnalysis*> order;
  for (const auto& c : r.components) order.push_back(&c);
  // Most critical first: the share of system unavailability the component is responsible for.
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->criticality > b->criticality; });
  // A large model lists its most critical components; the JSON has them all.
  const std::size_t hidden = order.size() > top ? order.size() - top : 0;
  order.resize(order.size() - hidden);
  std::size_t id_width = std::string("component").size();
  for (const auto* c : order) id_width = std::max(id_width, c->id.size());
  int decimals = 2;
  for (const auto* c : order) decimals = std::max(decimals, availability_decimals(c->availability));
  const std::size_t avail_width = static_cast<std::size_t>(decimals) + 8;
  constexpr std::size_t kColumn = 11;

  out << "Components by criticality (per hour for dA/dMTBF and dA/dMTTR)\n";
  out << "  " << pad_right("component", id_width) << pad_left("pool", avail_width)
      << pad_left("service", avail_width) << pad_left("Birnbaum", kColumn)
      << pad_left("critical", kColumn) << pad_left("RAW", kColumn) << pad_left("RRW", kColumn)
      << pad_left("+1 inst", kColumn) << pad_left("dA/dMTBF", kColumn)
      << pad_left("dA/dMTTR", kColumn) << '\n';
  for (const auto* c : order) {
    out << "  " << pad_right(c->id, id_width)
        << pad_left(format_percent(c->availability, decimals), avail_width)
        << pad_left(format_percent(c->service_availability, decimals), avail_width)
        << pad_left(cell(c->birnbaum), kColumn)
        << pad_left(format_percent(c->criticality, 1), kColumn) << pad_left(cell(c->raw), kColumn)
        << pad_left(cell(c->rrw), kColumn) << pad_left(points(c->gain_one_more_instance), kColumn)
        << pad_left(cell(c->d_availability_d_mtbf), kColumn)
        << pad_left(cell(c->d_availability_d_mttr), kColumn) << '\n';
  }
  if (hidden > 0) {
    out << "  (" << format_count(static_cast<std::uint64_t>(hidden))
        << " less critical components left out; --top all or --json lists every one)\n";
  }
  out << "  pool: its own pool's availability; service: with everything it depends on;\n"
         "  Birnbaum: system availability lost when it is down (dA/dA_pool); critical:\n"
         "  criticality importance, the share of the system's unavailability it is critical to\n"
         "  (shares sum to more than 100 %, unlike nines run's share of downtime, which charges\n"
         "  each outage whole to its root cause); RAW/RRW: risk achievement/reduction worth\n"
         "  (unavailability if it is always down / never down, as a ratio); +1 inst: availability\n"
         "  gained with one more instance, in percentage points; dA/dMTBF, dA/dMTTR: change of\n"
         "  availability per hour of one instance's mean time between failures / to repair.\n";
}

/// Zones and regions, most critical first: the same measures as for components, the unit's own
/// availability in place of the pool's.
void write_domains(const analysis::Analysis& r, std::ostream& out, std::size_t top) {
  if (top == 0 || (r.zones.empty() && r.regions.empty())) return;
  struct Row {
    std::string name;
    const analysis::DomainAnalysis* figures;
  };
  std::vector<Row> order;
  for (const auto& z : r.zones) order.push_back({"zone " + z.id, &z});
  for (const auto& g : r.regions) order.push_back({"region " + g.id, &g});
  std::stable_sort(order.begin(), order.end(), [](const Row& a, const Row& b) {
    return a.figures->criticality > b.figures->criticality;
  });
  const std::size_t hidden = order.size() > top ? order.size() - top : 0;
  order.resize(order.size() - hidden);
  std::size_t id_width = std::string("zone or region").size();
  for (const auto& row : order) id_width = std::max(id_width, row.name.size());
  int decimals = 2;
  for (const auto& row : order) {
    decimals = std::max(decimals, availability_decimals(row.figures->availability));
  }
  const std::size_t avail_width = static_cast<std::size_t>(decimals) + 8;
  constexpr std::size_t kColumn = 11;

  out << '\n' << "Zones and regions by criticality (per hour for dA/dMTBF and dA/dMTTR)\n";
  out << "  " << pad_right("zone or region", id_width) << pad_left("own", avail_width)
      << pad_left("Birnbaum", kColumn) << pad_left("critical", kColumn) << pad_left("RAW", kColumn)
      << pad_left("RRW", kColumn) << pad_left("dA/dMTBF", kColumn) << pad_left("dA/dMTTR", kColumn)
      << '\n';
  for (const auto& row : order) {
    const analysis::DomainAnalysis& d = *row.figures;
    out << "  " << pad_right(row.name, id_width)
        << pad_left(format_percent(d.availability, decimals), avail_width)
        << pad_left(cell(d.birnbaum), kColumn)
        << pad_left(format_percent(d.criticality, 1), kColumn) << pad_left(cell(d.raw), kColumn)
        << pad_left(cell(d.rrw), kColumn) << pad_left(cell(d.d_availability_d_mtbf), kColumn)
        << pad_left(cell(d.d_availability_d_mttr), kColumn) << '\n';
  }
  if (hidden > 0) {
    out << "  (" << format_count(static_cast<std::uint64_t>(hidden))
        << " less critical zones and regions left out; --top all or --json lists every one)\n";
  }
  out << "  own: the unit's availability, mean up / (mean up + mean down); Birnbaum: system\n"
         "  availability with it always up minus always down; dA/dMTBF, dA/dMTTR: per hour of\n"
         "  its mean time between failures / to repair. An exact sum over the "
      << format_count(static_cast<std::uint64_t>(r.domain_patterns))
      << " joint up/down\n  patterns of the zones and regions that hold components.\n";
}

/// The approximation, in the report's first lines: what was replaced and what stays exact.
void write_approximation(const analysis::Analysis& r, std::ostream& out) {
  if (r.replaced_laws.empty()) {
    out << "Every law is already exponential or zero: nothing was approximated.\n";
    return;
  }
  out << "Replaced by exponentials of the same mean: ";
  for (std::size_t i = 0; i < r.replaced_laws.size(); ++i) {
    out << (i == 0 ? "" : ", ") << r.replaced_laws[i];
  }
  out << ".\n";
  if (r.approximated_components.empty()) {
    out << "Every pool is independent: the steady state is exact (it depends on the means only).\n";
    return;
  }
  out << "Independent pools keep an exact steady state (it depends on the means only); with a\n"
         "crew, standby or timed failover it is an approximation for: ";
  for (std::size_t i = 0; i < r.approximated_components.size(); ++i) {
    out << (i == 0 ? "\"" : ", \"") << r.approximated_components[i] << "\"";
  }
  out << ".\n";
}

}  // namespace

void write_analysis_report(const analysis::Analysis& result, const std::string& model_name,
                           std::ostream& out, const AnalysisReportOptions& options) {
  out << "nines " << kVersion << " - " << (model_name.empty() ? "(unnamed model)" : model_name)
      << (result.approximation.empty()
              ? " (exact analysis)"
              : " (analysis of the exponential approximation, --approximate " +
                    result.approximation + ")");
  if (!options.overrides.empty()) out << ", " << overrides_text(options.overrides);
  out << '\n';
  if (const std::string cost = cost_line(options.cost); !cost.empty()) out << cost << '\n';
  if (!result.approximation.empty()) write_approximation(result, out);
  out << '\n';
  write_system(result, out);
  write_components(result, out, options.top_components);
  write_domains(result, out, options.top_components);
}

}  // namespace nines::report
