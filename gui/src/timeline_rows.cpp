// Replays a traced history's state changes into the Timeline's rows (timeline_rows.hpp).
#include "timeline_rows.hpp"

#include <QCoreApplication>
#include <array>
#include <cassert>
#include <optional>

#include "nines/models/duration.hpp"

namespace nines::gui::timeline {

namespace {

/// The view's translation context, so the texts read as before the split.
QString tr(const char* text) {
  return QCoreApplication::translate("nines::gui::TimelineView", text);
}

void push_step(std::vector<Step>& steps, double time_hours, double value) {
  if (!steps.empty() && steps.back().value == value) return;
  if (!steps.empty() && steps.back().time_hours == time_hours) {
    steps.back().value = value;
    // A change undone at the same instant (a restart of length 0) leaves no step.
    if (steps.size() >= 2 && steps[steps.size() - 2].value == value) steps.pop_back();
    return;
  }
  steps.push_back({time_hours, value});
}

void push_step(Row& row, double time_hours, double value) {
  push_step(row.steps, time_hours, value);
}

QColor event_colour(engine::TraceEvent event) {
  using E = engine::TraceEvent;
  switch (event) {
    case E::kFailure:
    case E::kDormantFailure:
    case E::kSwitchoverFailed:
    case E::kFailoverFailed:
    case E::kZoneDown:
    case E::kRegionDown:
      return kDown;
    case E::kRepairEnd:
    case E::kSwitchoverOk:
    case E::kFailoverOk:
    case E::kZoneUp:
    case E::kRegionUp:
      return QColor(40, 140, 60);
    case E::kBlock:
    case E::kUnblock:
    case E::kBlockDetection:
      return QColor(230, 150, 40);
    case E::kInjectStart:
    case E::kInjectEnd:
      return kInject;
    default:
      return QColor(110, 110, 120);
  }
}

}  // namespace

QString time_text(double hours) {
  return QStringLiteral("%1 (%2 h)")
      .arg(QString::fromStdString(models::format_duration(hours)))
      .arg(hours, 0, 'f', 2);
}

std::vector<Row> build_rows(const models::Model& model, const engine::CompiledModel& compiled,
                            const engine::Trace& trace) {
  // Rows: the system, components, zones and regions (model order).
  std::vector<Row> rows;
  Row system;
  system.label = tr("system");
  system.tooltip = tr("The system: up while the entry component serves");
  rows.push_back(system);
  assert(rows.size() == kFirstComponentRow);
  std::vector<std::size_t> component_row(compiled.components.size());
  // The deploy lane of each component with deploys (0: none).
  std::vector<std::size_t> deploy_row(compiled.components.size(), 0);
  for (std::size_t m = 0; m < model.components.size(); ++m) {
    const models::Component& c = model.components[m];
    const std::uint32_t k = compiled.component_of_model.at(m);
    component_row[k] = rows.size();
    Row row;
    row.label = QString::fromStdString(c.id);
    row.tooltip = tr("%1: instances serving (active, neither failed nor blocked; idle standby "
                     "instances do not count) of %2; the band is green while at least min_up = "
                     "%3 serve")
                      .arg(row.label)
                      .arg(c.instances)
                      .arg(c.min_up);
    row.threshold = static_cast<double>(c.min_up);
    row.full = static_cast<double>(c.instances);
    rows.push_back(row);
    if (c.deploys) {
      // Its deploys' lane, right under it.
      deploy_row[k] = rows.size();
      Row lane;
      lane.label = tr("%1 deploys").arg(row.label);
      lane.tooltip =
          tr("%1's deploys: instances restarting (orange) and broken by a bad deploy (red) of "
             "%2; ticks: batches; diamonds: a bad deploy's verdict (red) and its rollback's end "
             "(green); crosses: deploys skipped because the previous one still ran")
              .arg(row.label)
              .arg(c.instances);
      lane.full = static_cast<double>(c.instances);
      lane.threshold = 0.0;
      lane.deploy_lane = true;
      rows.push_back(lane);
    }
  }
  std::vector<std::size_t> zone_row(compiled.zones.size());
  for (std::size_t m = 0; m < model.zones.size(); ++m) {
    zone_row[compiled.zone_of_model.at(m)] = rows.size();
    Row row;
    row.label = tr("zone %1").arg(QString::fromStdString(model.zones[m].id));
    row.tooltip = tr("%1: down by its own failure or a held injection (its region's outage "
                     "shows on the region's row)")
                      .arg(row.label);
    row.up = kDomainUp;
    rows.push_back(row);
  }
  std::vector<std::size_t> region_row(compiled.regions.size());
  for (std::size_t m = 0; m < model.regions.size(); ++m) {
    region_row[compiled.region_of_model.at(m)] = rows.size();
    Row row;
    row.label = tr("region %1").arg(QString::fromStdString(model.regions[m].id));
    row.tooltip = row.label;
    row.up = kDomainUp;
    rows.push_back(row);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rows[r].steps.push_back({0.0, rows[r].deploy_lane ? 0.0 : rows[r].full});
    if (rows[r].deploy_lane) rows[r].broken.push_back({0.0, 0.0});
  }
  // A warm or cold pool starts with min_up instances active, the rest idle (not serving).
  std::vector<std::vector<std::uint8_t>> idle(compiled.components.size());
  std::vector<int> down_count(compiled.components.size(), 0);
  for (std::size_t k = 0; k < compiled.components.size(); ++k) {
    const engine::CompiledComponent& cc = compiled.components[k];
    idle[k].assign(cc.instance_count, 0);
    if (cc.standby == engine::Standby::kHot) continue;
    for (std::uint32_t i = cc.min_up; i < cc.instance_count; ++i) idle[k][i] = 1;
    down_count[k] = static_cast<int>(cc.instance_count - cc.min_up);
    rows[component_row[k]].steps.front().value = static_cast<double>(cc.min_up);
  }

  // Replay the rows' states from the state changes.
  std::vector<std::vector<std::uint8_t>> failed(compiled.components.size());
  std::vector<std::vector<std::uint8_t>> blocked(compiled.components.size());
  for (std::size_t k = 0; k < compiled.components.size(); ++k) {
    failed[k].assign(compiled.components[k].instance_count, 0);
    blocked[k].assign(compiled.components[k].instance_count, 0);
  }
  std::vector<int> zone_own(compiled.zones.size(), 0);
  std::vector<int> zone_held(compiled.zones.size(), 0);
  std::vector<int> region_own(compiled.regions.size(), 0);
  std::vector<int> region_held(compiled.regions.size(), 0);
  // Deploy lanes: per instance, restarting and broken; per component, the deploy number (skipped
  // deploys count, as in the engine's streams), whether it is bad, and its last batch's marker.
  std::vector<std::vector<std::uint8_t>> restarting(compiled.components.size());
  std::vector<std::vector<std::uint8_t>> broken(compiled.components.size());
  std::vector<int> deploy_number(compiled.components.size(), -1);  // the last one due
  std::vector<int> running_deploy(compiled.components.size(), 0);
  // Per lane: instances out (restarting or broken) and broken.
  std::vector<int> lane_out(compiled.components.size(), 0);
  std::vector<int> lane_broken(compiled.components.size(), 0);
  std::vector<int> deploy_batch(compiled.components.size(), 0);
  std::vector<std::int64_t> batch_marker(compiled.components.size(), -1);
  for (std::size_t k = 0; k < compiled.components.size(); ++k) {
    restarting[k].assign(compiled.components[k].instance_count, 0);
    broken[k].assign(compiled.components[k].instance_count, 0);
  }
  // The instance a deploy row just restarted, broke or brought back: the component's block or
  // unblock row that follows in the same batch is the deploy lane's to show, not a marker of
  // its own on the component's row.
  struct Touched {
    std::uint32_t source = 0;
    std::int64_t instance = -1;
    std::uint32_t batch = 0;
  };
  std::optional<Touched> touched;
  bool system_up = true;
  using E = engine::TraceEvent;
  for (const engine::TraceRow& t : trace.rows) {
    const QString what = QString::fromUtf8(engine::trace_event_name(t.event));
    const QString when = time_text(t.time_hours);
    std::size_t row_index = 0;
    QString text;
    bool mark = true;
    Marker::Shape shape = Marker::Shape::kDot;
    QColor colour = event_colour(t.event);
    switch (t.kind) {
      case engine::SourceKind::kComponent: {
        row_index = component_row.at(t.source);
        if ((t.event == E::kBlock || t.event == E::kUnblock) && touched &&
            touched->source == t.source && touched->instance == t.instance &&
            touched->batch == t.batch) {
          mark = false;
        }
        const auto i = static_cast<std::size_t>(t.instance);
        // Serving: active (not idle, not switching over), neither failed nor blocked.
        const auto not_serving = [&] {
          return static_cast<int>(failed[t.source][i] | blocked[t.source][i] | idle[t.source][i]);
        };
        const int was = not_serving();
        if (t.event == E::kFailure || t.event == E::kDormantFailure ||
            t.event == E::kSwitchoverFailed || t.event == E::kCrash) {
          failed[t.source][i] = 1;
          idle[t.source][i] = 0;
        } else if (t.event == E::kRepairEnd || t.event == E::kSwitchoverOk ||
                   t.event == E::kCrashRestart) {
          failed[t.source][i] = 0;  // active, unless a standby event follows
          idle[t.source][i] = 0;
        } else if (t.event == E::kSwitchoverStart || t.event == E::kStandby) {
          idle[t.source][i] = 1;  // switching over is not serving yet
        } else if (t.event == E::kBlock) {
          blocked[t.source][i] = 1;
        } else if (t.event == E::kUnblock) {
          blocked[t.source][i] = 0;
        }
        down_count[t.source] += not_serving() - was;
        Row& row = rows[row_index];
        push_step(row, t.time_hours, row.full - down_count[t.source]);
        text = tr("%1\n%2 #%3: %4\n%5 of %6 serving")
                   .arg(when, row.label)
                   .arg(t.instance)
                   .arg(what)
                   .arg(row.full - down_count[t.source])
                   .arg(row.full);
        break;
      }
      case engine::SourceKind::kZone: {
        row_index = zone_row.at(t.source);
        zone_own[t.source] = t.event == E::kZoneDown ? 1 : 0;
        push_step(rows[row_index], t.time_hours,
                  zone_own[t.source] + zone_held[t.source] > 0 ? 0.0 : 1.0);
        text = tr("%1\n%2: %3").arg(when, rows[row_index].label, what);
        break;
      }
      case engine::SourceKind::kRegion: {
        row_index = region_row.at(t.source);
        region_own[t.source] = t.event == E::kRegionDown ? 1 : 0;
        push_step(rows[row_index], t.time_hours,
                  region_own[t.source] + region_held[t.source] > 0 ? 0.0 : 1.0);
        text = tr("%1\n%2: %3").arg(when, rows[row_index].label, what);
        break;
      }
      case engine::SourceKind::kInject: {
        const engine::CompiledInjection& j = compiled.injections.at(t.source);
        const int delta = j.for_hours > 0.0 ? (t.event == E::kInjectStart ? 1 : -1) : 0;
        QString target;
        switch (j.target) {
          case engine::CompiledInjection::Target::kComponent:
            row_index = component_row.at(j.index);
            target = QString::fromStdString(compiled.component_ids.at(j.index));
            break;
          case engine::CompiledInjection::Target::kZone:
            row_index = zone_row.at(j.index);
            zone_held[j.index] += delta;
            push_step(rows[row_index], t.time_hours,
                      zone_own[j.index] + zone_held[j.index] > 0 ? 0.0 : 1.0);
            target = tr("zone %1").arg(QString::fromStdString(compiled.zone_ids.at(j.index)));
            break;
          case engine::CompiledInjection::Target::kRegion:
            row_index = region_row.at(j.index);
            region_held[j.index] += delta;
            push_step(rows[row_index], t.time_hours,
                      region_own[j.index] + region_held[j.index] > 0 ? 0.0 : 1.0);
            target = tr("region %1").arg(QString::fromStdString(compiled.region_ids.at(j.index)));
            break;
        }
        text = tr("%1\ninjection on %2: %3%4")
                   .arg(when, target, what,
                        j.for_hours > 0.0 && t.event == E::kInjectStart
                            ? tr(" (held for %1)")
                                  .arg(QString::fromStdString(models::format_duration(j.for_hours)))
                            : QString());
        break;
      }
      case engine::SourceKind::kLoad:
      case engine::SourceKind::kSpike:
      case engine::SourceKind::kBreaker:
      case engine::SourceKind::kCache:
        mark = false;  // the load is drawn by the requests view, not as a marker
        break;
      case engine::SourceKind::kFailover: {
        // Marked on the row of the component whose dependency is failing over.
        const engine::CompiledFailover& f = compiled.failovers.at(t.source);
        row_index = component_row.at(compiled.gates.at(f.gate).owner);
        text = tr("%1\nfailover %2: %3")
                   .arg(when, QString::fromStdString(compiled.failover_ids.at(t.source)), what);
        break;
      }
      case engine::SourceKind::kDeploy: {
        row_index = deploy_row.at(t.source);
        Row& lane = rows[row_index];
        const QString component = QString::fromStdString(compiled.component_ids.at(t.source));
        const auto i = static_cast<std::size_t>(std::max<std::int64_t>(t.instance, 0));
        // Sets instance i's restarting or broken flag and steps the lane's counts.
        const auto set = [&](std::vector<std::vector<std::uint8_t>>& flags, std::uint8_t value) {
          const int was_out = restarting[t.source][i] | broken[t.source][i];
          const int was_broken = broken[t.source][i];
          flags[t.source][i] = value;
          lane_out[t.source] += (restarting[t.source][i] | broken[t.source][i]) - was_out;
          lane_broken[t.source] += broken[t.source][i] - was_broken;
          push_step(lane.steps, t.time_hours, lane_out[t.source]);
          push_step(lane.broken, t.time_hours, lane_broken[t.source]);
        };
        if (t.event == E::kDeployStart) running_deploy[t.source] = deploy_number[t.source] + 1;
        const QString deploy = tr("deploy #%1 of %2").arg(running_deploy[t.source]).arg(component);
        mark = false;
        switch (t.event) {
          case E::kDeployStart:
            ++deploy_number[t.source];
            deploy_batch[t.source] = 0;
            batch_marker[t.source] = -1;
            break;
          case E::kDeploySkipped:
            ++deploy_number[t.source];
            mark = true;
            shape = Marker::Shape::kCross;
            colour = kSkipped;
            text = tr("%1\ndeploy #%2 of %3 skipped: the previous one still runs")
                       .arg(when)
                       .arg(deploy_number[t.source])
                       .arg(component);
            break;
          case E::kDeployBatch:
            ++deploy_batch[t.source];
            mark = true;
            shape = Marker::Shape::kTick;
            colour = kBatch;
            text = tr("%1\n%2, batch %3 reaches:").arg(when, deploy).arg(deploy_batch[t.source]);
            batch_marker[t.source] = static_cast<std::int64_t>(lane.markers.size());
            break;
          case E::kRestart:
          case E::kBroken: {
            set(t.event == E::kRestart ? restarting : broken, 1);
            // Named on its batch's tick ("#3 restarts, broken").
            const std::int64_t b = batch_marker[t.source];
            if (b >= 0) {
              lane.markers[static_cast<std::size_t>(b)].text +=
                  t.event == E::kRestart ? tr("\n  #%1 restarts").arg(t.instance)
                                         : tr(", broken (bad deploy)");
            }
            touched = Touched{t.source, t.instance, t.batch};
            break;
          }
          case E::kRestartEnd:
          case E::kUnbroken:
            set(t.event == E::kRestartEnd ? restarting : broken, 0);
            touched = Touched{t.source, t.instance, t.batch};
            break;
          case E::kDeployBad:
            mark = true;
            shape = Marker::Shape::kDiamond;
            colour = kBroken;
            text = tr("%1\n%2 found bad (the verdict): no batch follows; the rollback begins")
                       .arg(when, deploy);
            break;
          case E::kRollbackEnd:
            mark = true;
            shape = Marker::Shape::kDiamond;
            colour = QColor(40, 140, 60);
            text = tr("%1\n%2: the rollback ends; broken instances come back").arg(when, deploy);
            break;
          default:
            break;
        }
        break;
      }
    }
    if (mark) rows[row_index].markers.push_back({t.time_hours, colour, text, shape});
    if (t.system_up != system_up) {
      system_up = t.system_up;
      push_step(rows[0], t.time_hours, system_up ? 1.0 : 0.0);
    }
    if (t.cause >= 0) {
      const auto k = static_cast<std::size_t>(t.cause);
      const engine::CauseKind kind = compiled.cause_kinds.at(k);
      const bool other = !engine::cause_kind_has_id(kind);
      const QString id = QString::fromStdString(compiled.cause_ids.at(k));
      // A deploy cause reads as the causes chart names it: "web (deploys)".
      const QString cause =
          other ? QString::fromLatin1(engine::cause_kind_name(kind))
          : kind == engine::CauseKind::kDeploy
              ? tr("%1 (deploys)").arg(id)
              : QStringLiteral("%1 %2").arg(QString::fromLatin1(engine::cause_kind_name(kind)), id);
      rows[0].markers.push_back(
          {t.time_hours, kDown, tr("%1\noutage began; root cause: %2").arg(when, cause)});
    }
  }
  return rows;
}

}  // namespace nines::gui::timeline
