// The readable report of a run: headline figures with confidence intervals and top causes.
#include "nines/report/text_report.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "nines/models/version.hpp"
#include "nines/report/human_format.hpp"

namespace nines::report {

namespace {

constexpr std::size_t kLabelWidth = 24;
constexpr std::size_t kValueWidth = 13;
constexpr int kSignificantDigits = 3;

std::string pad_right(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string pad_left(const std::string& text, std::size_t width) {
  if (text.size() >= width) return text;
  return std::string(width - text.size(), ' ') + text;
}

/// "  Label                   value           detail", without trailing blanks.
void row(std::ostream& out, const std::string& label, const std::string& value,
         const std::string& detail = {}) {
  std::string line = "  " + pad_right(label, kLabelWidth);
  line += detail.empty() ? value : pad_right(value, kValueWidth) + "  " + detail;
  out << line << '\n';
}

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

void write_header(const engine::RunResult& r, std::ostream& out) {
  out << "nines " << kVersion << " - " << (r.model_name.empty() ? "(unnamed model)" : r.model_name)
      << '\n';
  out << counted(r.replications, "replication") << " x " << format_duration(r.horizon_hours) << " ("
      << plain_number(r.horizon_hours, 6) << " h), seed " << r.seed;
  if (r.first_replication != 0) out << ", from replication " << format_count(r.first_replication);
  out << '\n';
  if (r.cancelled) out << "CANCELLED: figures cover the replications completed before the stop\n";
  out << '\n';
}

void write_availability(const engine::RunResult& r, std::ostream& out) {
  const auto& a = r.availability;
  const int decimals = availability_decimals(a.mean);
  row(out, "Availability", format_percent(a.mean, decimals),
      interval(format_percent(std::max(a.ci95_lo, 0.0), decimals),
               format_percent(std::min(a.ci95_hi, 1.0), decimals)) +
          "   " + format_nines(a.mean));

  const auto& d = r.downtime_hours_per_year;
  row(out, "Downtime per year", format_hours_minutes(d.mean),
      interval(format_hours_minutes(d.ci95_lo), format_hours_minutes(d.ci95_hi)));

  const auto& o = r.outages_per_year;
  const int decimals_o = significant_decimals(o.mean, kSignificantDigits);
  row(out, "Outages per year", format_fixed(o.mean, decimals_o),
      interval(format_fixed(std::max(o.ci95_lo, 0.0), decimals_o),
               format_fixed(o.ci95_hi, decimals_o)));

  if (r.sla) {
    const auto& s = *r.sla;
    const int target_decimals = std::max(2, availability_decimals(s.target) - 2);
    row(out, "SLA " + format_percent(s.target, target_decimals) + " met",
        format_percent(s.probability_met, 1),
        interval(format_percent(s.ci95_lo, 1), format_percent(s.ci95_hi, 1)) +
            "   (share of replications)");
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
  const std::vector<std::pair<std::string, double>> cells = {{"mean", d.mean_hours},
                                                             {"p50", d.p50_hours},
                                                             {"p90", d.p90_hours},
                                                             {"p99", d.p99_hours},
                                                             {"max", d.max_hours}};
  std::size_t width = 0;
  for (const auto& [name, hours] : cells) width = std::max(width, format_duration(hours).size());
  width += 3;
  std::string names;
  std::string values;
  for (const auto& [name, hours] : cells) {
    names += pad_right(name, width);
    values += pad_right(format_duration(hours), width);
  }
  while (!names.empty() && names.back() == ' ') names.pop_back();
  while (!values.empty() && values.back() == ' ') values.pop_back();
  row(out, "Outage duration", names);
  row(out, "", values);

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

void write_components(const engine::RunResult& r, std::ostream& out, std::size_t top) {
  std::vector<const engine::ComponentResult*> causes;
  for (const auto& c : r.components) {
    if (c.downtime_share > 0.0) causes.push_back(&c);
  }
  // Stable: equal shares keep model order, so the list is reproducible.
  std::stable_sort(causes.begin(), causes.end(), [](const auto* a, const auto* b) {
    return a->downtime_share > b->downtime_share;
  });
  if (causes.size() > top) causes.resize(top);
  if (causes.empty()) return;

  std::size_t id_width = std::string("component").size();
  for (const auto* c : causes) id_width = std::max(id_width, c->id.size());
  int decimals = 2;
  for (const auto* c : causes) {
    decimals = std::max({decimals, availability_decimals(c->availability),
                         availability_decimals(c->service_availability)});
  }
  const std::size_t avail_width = std::max<std::size_t>(12, static_cast<std::size_t>(decimals) + 6);

  out << "Top causes of downtime\n";
  out << "  " << pad_right("component", id_width) << pad_left("share", 9) << pad_left("outages", 11)
      << pad_left("availability", avail_width + 2) << pad_left("service", avail_width + 2) << '\n';
  for (const auto* c : causes) {
    out << "  " << pad_right(c->id, id_width) << pad_left(format_percent(c->downtime_share, 1), 9)
        << pad_left(format_count(c->outages_caused), 11)
        << pad_left(format_percent(c->availability, decimals), avail_width + 2)
        << pad_left(format_percent(c->service_availability, decimals), avail_width + 2) << '\n';
  }
  if (causes.size() < r.components.size()) {
    std::size_t silent = 0;
    for (const auto& c : r.components) silent += c.downtime_share > 0.0 ? 0 : 1;
    if (silent > 0) {
      out << "  (" << silent << " of " << r.components.size() << " components caused no outage)\n";
    }
  }
  out << '\n';
}

void write_run_info(const engine::RunResult& r, std::ostream& out) {
  const auto& info = r.run_info;
  row(out, "Events", format_count(r.events),
      "in " + format_significant(info.wall_seconds, 3) + " s, " +
          format_si(info.events_per_second) + " events/s, " + counted(info.threads, "thread"));
}

}  // namespace

void write_text_report(const engine::RunResult& result, std::ostream& out,
                       const TextReportOptions& options) {
  write_header(result, out);
  write_availability(result, out);
  write_outages(result, out);
  write_components(result, out, options.top_components);
  if (options.show_run_info) write_run_info(result, out);
}

}  // namespace nines::report
