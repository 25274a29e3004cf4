// Replays a traced history's load into the requests lane's series (requests_series.hpp).
#include "requests_series.hpp"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <deque>
#include <iterator>
#include <limits>
#include <map>

#include "nines/models/duration.hpp"

namespace nines::gui::timeline {
namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("nines::gui::TimelineView", text);
}

void push(std::vector<Step>& steps, double time_hours, double value) {
  if (!steps.empty() && steps.back().time_hours == time_hours) {
    steps.back().value = value;
    if (steps.size() >= 2 && steps[steps.size() - 2].value == value) steps.pop_back();
    return;
  }
  if (!steps.empty() && steps.back().value == value) return;
  steps.push_back({time_hours, value});
}

QString rps_text(double rps) { return QString::number(rps, 'f', rps < 10.0 ? 2 : 0); }

/// Boolean mode: the profile's rate, hour by hour (a step only where the multiplier changes;
/// next_change is compiled for flow mode only, and a walk over the hours takes a millisecond
/// for a decade).
std::vector<Step> profile_steps(const engine::CompiledLoad& load, double horizon) {
  std::vector<Step> steps;
  const std::size_t period = load.multipliers.size();
  for (std::size_t hour = 0; static_cast<double>(hour) < horizon; ++hour) {
    push(steps, static_cast<double>(hour), load.rps * load.multipliers[hour % period]);
  }
  return steps;
}

/// Served in Boolean mode: the offered rate while the system is up, 0 while it is down.
std::vector<Step> served_while_up(const std::vector<Step>& offered,
                                  const std::vector<Step>& system_up) {
  constexpr double kNever = std::numeric_limits<double>::infinity();
  std::vector<Step> served;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < offered.size() || j < system_up.size()) {
    const double t = std::min(i < offered.size() ? offered[i].time_hours : kNever,
                              j < system_up.size() ? system_up[j].time_hours : kNever);
    while (i < offered.size() && offered[i].time_hours == t) ++i;
    while (j < system_up.size() && system_up[j].time_hours == t) ++j;
    const double rate = i > 0 ? offered[i - 1].value : 0.0;
    const double up = j > 0 ? system_up[j - 1].value : 1.0;
    push(served, t, rate * up);
  }
  return served;
}

}  // namespace

double step_value(const std::vector<Step>& steps, double hours) {
  const auto after = std::upper_bound(steps.begin(), steps.end(), hours,
                                      [](double t, const Step& s) { return t < s.time_hours; });
  return after == steps.begin() ? 0.0 : std::prev(after)->value;
}

std::optional<RequestSeries> build_requests(const engine::CompiledModel& compiled,
                                            const engine::Trace& trace) {
  if (!compiled.load) return std::nullopt;
  const engine::CompiledLoad& load = *compiled.load;
  RequestSeries series;
  series.flow = load.flow;
  series.horizon_hours = compiled.horizon_hours;
  if (load.flow) {
    // The engine's initial evaluation (before any row of the trace).
    push(series.offered, 0.0, trace.initial_offered_rps);
    push(series.served, 0.0, trace.initial_served_rps);
  } else {
    series.offered = profile_steps(load, compiled.horizon_hours);
  }
  std::vector<Step> system_up{{0.0, 1.0}};
  // Open spikes per source (several `at` spikes of one source may overlap) and breakers.
  std::map<std::uint32_t, std::deque<double>> spikes;
  std::map<std::uint32_t, double> breakers;
  using E = engine::TraceEvent;
  for (const engine::TraceRow& row : trace.rows) {
    const double t = row.time_hours;
    push(system_up, t, row.system_up ? 1.0 : 0.0);
    if (load.flow && std::isfinite(row.offered_rps)) {
      push(series.offered, t, row.offered_rps);
      push(series.served, t, row.served_rps);
    }
    const QString id = QString::fromStdString(engine::trace_source_id(compiled, row));
    const QString when = time_text(t);
    switch (row.event) {
      case E::kSpikeStart:
        spikes[row.source].push_back(t);
        break;
      case E::kSpikeEnd:
        if (!spikes[row.source].empty()) {
          series.intervals.push_back(
              {Interval::Kind::kSpike, spikes[row.source].front(), t,
               tr("spike %1 (x%2)").arg(id).arg(load.spikes.at(row.source).multiplier)});
          spikes[row.source].pop_front();
        }
        break;
      case E::kBreakerOpen:
        breakers.emplace(row.source, t);
        break;
      case E::kBreakerClose:
        if (const auto it = breakers.find(row.source); it != breakers.end()) {
          series.intervals.push_back(
              {Interval::Kind::kBreaker, it->second, t, tr("breaker %1 open").arg(id)});
          breakers.erase(it);
        }
        break;
      case E::kCrash:
        series.markers.push_back(
            {t, kDown, tr("%1\n%2 #%3 crashed (overload)").arg(when, id).arg(row.instance)});
        break;
      case E::kCacheExpiry:
        series.markers.push_back({t, kRestarting,
                                  tr("%1\ncache %2 expired: its targets stayed below stale_below "
                                     "for stale_if_error")
                                      .arg(when, id),
                                  Marker::Shape::kDiamond});
        break;
      case E::kCacheWarmupEnd:
        series.markers.push_back({t, QColor(40, 140, 60),
                                  tr("%1\ncache %2 valid again (warm-up over)").arg(when, id),
                                  Marker::Shape::kDiamond});
        break;
      default:
        break;
    }
  }
  // What is still open at the horizon is shaded to it.
  const double end = compiled.horizon_hours;
  for (const auto& [source, starts] : spikes) {
    for (const double from : starts) {
      series.intervals.push_back({Interval::Kind::kSpike, from, end,
                                  tr("spike %1 (x%2)")
                                      .arg(QString::fromStdString(load.spike_ids.at(source)))
                                      .arg(load.spikes.at(source).multiplier)});
    }
  }
  for (const auto& [breaker, from] : breakers) {
    series.intervals.push_back(
        {Interval::Kind::kBreaker, from, end,
         tr("breaker %1 open").arg(QString::fromStdString(load.breaker_ids.at(breaker)))});
  }
  for (std::size_t s = 0; s < system_up.size(); ++s) {
    if (system_up[s].value > 0.0) continue;
    const double to = s + 1 < system_up.size() ? system_up[s + 1].time_hours : end;
    series.intervals.push_back(
        {Interval::Kind::kOutage, system_up[s].time_hours, to, tr("the system is down")});
  }
  if (!load.flow) series.served = served_while_up(series.offered, system_up);
  for (const Step& step : series.offered) series.peak_rps = std::max(series.peak_rps, step.value);
  return series;
}

QString requests_text_at(const RequestSeries& series, double hours) {
  const double offered = step_value(series.offered, hours);
  const double served = step_value(series.served, hours);
  QString text = tr("%1\noffered %2 rps, served %3 rps (%4 %)")
                     .arg(time_text(hours), rps_text(offered), rps_text(served))
                     .arg(offered > 0.0 ? 100.0 * served / offered : 100.0, 0, 'f', 1);
  for (const Interval& i : series.intervals) {
    if (hours >= i.from_hours && hours < i.to_hours) {
      text += tr("\n%1 from %2 to %3").arg(i.text, time_text(i.from_hours), time_text(i.to_hours));
    }
  }
  if (!series.flow)
    text += tr("\n(Boolean mode: all served while the system is up, none while down)");
  return text;
}

}  // namespace nines::gui::timeline
