// The readable report of `nines analyze`.
#include "nines/report/analysis_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

using layout::pad_left;
using layout::pad_right;
using layout::row;

/// Scientific notation with three significant digits ("1.23e-05"), or "-" when absent.
std::string scientific(double value) {
  if (!std::isfinite(value)) return "-";
  if (value == 0.0) return "0";
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.3g", value);
  return buffer.data();
}

std::string scientific(const std::optional<double>& value) {
  return value ? scientific(*value) : "-";
}

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
  row(out, "Outages per year",
      format_fixed(r.outages_per_year, significant_decimals(r.outages_per_year, 3)));
  if (r.mean_outage_hours) row(out, "Mean outage", format_duration(*r.mean_outage_hours));
  out << '\n';
}

void write_components(const analysis::Analysis& r, std::ostream& out) {
  std::vector<const analysis::ComponentAnalysis*> order;
  for (const auto& c : r.components) order.push_back(&c);
  // Most critical first: the share of system unavailability the component is responsible for.
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->criticality > b->criticality; });
  // A large model lists its most critical components; the JSON has them all.
  constexpr std::size_t kMaxRows = 25;
  const std::size_t hidden = order.size() > kMaxRows ? order.size() - kMaxRows : 0;
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
        << pad_left(scientific(c->birnbaum), kColumn)
        << pad_left(format_percent(c->criticality, 1), kColumn)
        << pad_left(scientific(c->raw), kColumn) << pad_left(scientific(c->rrw), kColumn)
        << pad_left(scientific(c->gain_one_more_instance), kColumn)
        << pad_left(scientific(c->d_availability_d_mtbf), kColumn)
        << pad_left(scientific(c->d_availability_d_mttr), kColumn) << '\n';
  }
  if (hidden > 0) {
    out << "  (" << format_count(static_cast<std::uint64_t>(hidden))
        << " less critical components left out; --json lists every one)\n";
  }
}

}  // namespace

void write_analysis_report(const analysis::Analysis& result, const std::string& model_name,
                           std::ostream& out) {
  out << "nines " << kVersion << " - " << (model_name.empty() ? "(unnamed model)" : model_name)
      << " (exact analysis)\n\n";
  write_system(result, out);
  write_components(result, out);
}

}  // namespace nines::report
