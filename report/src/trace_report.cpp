// The timeline of one history as a readable table and as CSV.
#include "nines/report/trace_report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "nines/report/csv_fields.hpp"
#include "nines/report/human_format.hpp"

namespace nines::report {

namespace {

const char* kind_name(engine::SourceKind kind) {
  switch (kind) {
    case engine::SourceKind::kComponent:
      return "component";
    case engine::SourceKind::kZone:
      return "zone";
    case engine::SourceKind::kRegion:
      return "region";
    case engine::SourceKind::kInject:
      return "inject";
    case engine::SourceKind::kDeploy:
      return "deploy";
    case engine::SourceKind::kFailover:
      return "failover";
    case engine::SourceKind::kLoad:
      return "load";
    case engine::SourceKind::kSpike:
      return "spike";
    case engine::SourceKind::kBreaker:
      return "breaker";
    case engine::SourceKind::kCache:
      return "cache";
  }
  return "?";
}

/// The shortest text that reads back as the same double.
std::string round_trip(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return {buffer, result.ptr};
}

std::string source_label(const engine::TracedReplication& t, const engine::TraceRow& row) {
  std::string label =
      std::string(kind_name(row.kind)) + " " + engine::trace_source_id(t.compiled, row);
  if (row.instance >= 0) label += " #" + std::to_string(row.instance);
  return label;
}

std::string cause_label(const engine::TracedReplication& t, std::int64_t cause) {
  const auto k = static_cast<std::size_t>(cause);
  const engine::CauseKind kind = t.compiled.cause_kinds.at(k);
  if (!engine::cause_kind_has_id(kind)) return engine::cause_kind_name(kind);
  return std::string(engine::cause_kind_name(kind)) + " " + t.compiled.cause_ids.at(k);
}

}  // namespace

std::string trace_csv(const engine::TracedReplication& traced) {
  std::string out =
      "time_hours,batch,source_kind,source_id,instance,event,system_up,cause_kind,cause_id,"
      "offered_rps,served_rps,sigma\r\n";
  for (const engine::TraceRow& row : traced.trace.rows) {
    out += round_trip(row.time_hours) + "," + std::to_string(row.batch) + "," +
           kind_name(row.kind) + "," + csv_field(engine::trace_source_id(traced.compiled, row)) +
           "," + (row.instance >= 0 ? std::to_string(row.instance) : std::string()) + "," +
           std::string(engine::trace_event_name(row.event)) + "," + (row.system_up ? "1" : "0") +
           ",";
    if (row.cause >= 0) {
      const auto k = static_cast<std::size_t>(row.cause);
      const engine::CauseKind kind = traced.compiled.cause_kinds.at(k);
      out += std::string(engine::cause_kind_name(kind)) + "," +
             (engine::cause_kind_has_id(kind) ? csv_field(traced.compiled.cause_ids.at(k))
                                              : std::string());
    } else {
      out += ",";
    }
    // With a load: the flow after the batch (empty without one).
    for (const double value : {row.offered_rps, row.served_rps, row.sigma}) {
      out += ",";
      if (!std::isnan(value)) out += round_trip(value);
    }
    out += "\r\n";
  }
  return out;
}

void write_trace_report(const engine::TracedReplication& traced, std::uint64_t replication,
                        std::ostream& out) {
  const engine::Trace& trace = traced.trace;
  out << "Timeline of replication " << replication << " ("
      << format_count(static_cast<std::int64_t>(trace.rows.size())) << " state changes)\n";
  std::size_t source_width = std::string("source").size();
  for (const auto& row : trace.rows)
    source_width = std::max(source_width, source_label(traced, row).size());
  const bool load = !trace.rows.empty() && !std::isnan(trace.rows.front().sigma);
  out << "  " << std::string(14 - std::string("hours").size(), ' ') << "hours  batch  "
      << "source" << std::string(source_width - 6, ' ') << "  event              system"
      << (load ? " served" : "") << "\n";
  for (const auto& row : trace.rows) {
    std::string time = format_fixed(row.time_hours, 4);
    std::string batch = std::to_string(row.batch);
    std::string source = source_label(traced, row);
    std::string event(engine::trace_event_name(row.event));
    out << "  " << std::string(time.size() < 14 ? 14 - time.size() : 0, ' ') << time << "  "
        << std::string(batch.size() < 5 ? 5 - batch.size() : 0, ' ') << batch << "  " << source
        << std::string(source_width - source.size(), ' ') << "  " << event
        << std::string(event.size() < 19 ? 19 - event.size() : 0, ' ')
        << (row.system_up ? "up" : "DOWN");
    if (load) {
      // The served share sigma after the batch, as a percentage of the offered load.
      const std::string served = format_percent(row.sigma, 1);
      out << std::string(row.system_up ? 4 : 2, ' ')
          << std::string(served.size() < 7 ? 7 - served.size() : 0, ' ') << served;
    }
    if (row.cause >= 0) out << "   outage begins: " << cause_label(traced, row.cause);
    out << '\n';
  }
  const engine::RunResult& r = traced.result;
  out << "\nReplication " << replication << ": availability "
      << format_percent(r.availability.mean, 6) << ", downtime "
      << format_duration(trace.downtime_hours) << ", " << trace.outages
      << (trace.outages == 1 ? " outage" : " outages") << '\n';
}

}  // namespace nines::report
