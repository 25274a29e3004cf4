// The timeline of one history: event names, source ids, and the simulator's recording hooks.
#include "nines/engine/trace.hpp"

#include <stdexcept>
#include <string>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

std::string_view trace_event_name(TraceEvent event) {
  switch (event) {
    case TraceEvent::kFailure:
      return "failure";
    case TraceEvent::kDormantFailure:
      return "dormant-failure";
    case TraceEvent::kDetection:
      return "detection";
    case TraceEvent::kBlockDetection:
      return "block-detection";
    case TraceEvent::kRepairStart:
      return "repair-start";
    case TraceEvent::kRepairEnd:
      return "repair-end";
    case TraceEvent::kSwitchoverStart:
      return "switchover-start";
    case TraceEvent::kSwitchoverOk:
      return "switchover-ok";
    case TraceEvent::kSwitchoverFailed:
      return "switchover-failed";
    case TraceEvent::kBlock:
      return "block";
    case TraceEvent::kUnblock:
      return "unblock";
    case TraceEvent::kZoneDown:
      return "zone-down";
    case TraceEvent::kZoneUp:
      return "zone-up";
    case TraceEvent::kRegionDown:
      return "region-down";
    case TraceEvent::kRegionUp:
      return "region-up";
    case TraceEvent::kInjectStart:
      return "inject-start";
    case TraceEvent::kInjectEnd:
      return "inject-end";
    case TraceEvent::kFailoverStart:
      return "failover-start";
    case TraceEvent::kFailoverOk:
      return "failover-ok";
    case TraceEvent::kFailoverFailed:
      return "failover-failed";
    case TraceEvent::kFailoverAbandoned:
      return "failover-abandoned";
    case TraceEvent::kStandby:
      return "standby";
    case TraceEvent::kDeployStart:
      return "deploy-start";
    case TraceEvent::kDeploySkipped:
      return "deploy-skipped";
    case TraceEvent::kDeployBatch:
      return "deploy-batch";
    case TraceEvent::kRestart:
      return "restart";
    case TraceEvent::kRestartEnd:
      return "restart-end";
    case TraceEvent::kBroken:
      return "broken";
    case TraceEvent::kUnbroken:
      return "unbroken";
    case TraceEvent::kDeployBad:
      return "deploy-bad";
    case TraceEvent::kRollbackEnd:
      return "rollback-end";
    case TraceEvent::kDeployEnd:
      return "deploy-end";
    case TraceEvent::kCrash:
      return "crash";
    case TraceEvent::kCrashRestart:
      return "crash-restart";
    case TraceEvent::kLoadStep:
      return "load-step";
    case TraceEvent::kSpikeStart:
      return "spike-start";
    case TraceEvent::kSpikeEnd:
      return "spike-end";
    case TraceEvent::kBreakerOpen:
      return "breaker-open";
    case TraceEvent::kBreakerClose:
      return "breaker-close";
    case TraceEvent::kCacheExpiry:
      return "cache-expiry";
    case TraceEvent::kCacheWarmupEnd:
      return "cache-warmup-end";
  }
  return "?";
}

const std::string& trace_source_id(const CompiledModel& model, const TraceRow& row) {
  switch (row.kind) {
    case SourceKind::kComponent:
      return model.component_ids.at(row.source);
    case SourceKind::kZone:
      return model.zone_ids.at(row.source);
    case SourceKind::kRegion:
      return model.region_ids.at(row.source);
    case SourceKind::kInject:
      return model.cause_ids.at(model.injections.at(row.source).cause);
    case SourceKind::kFailover:
      return model.failover_ids.at(row.source);
    case SourceKind::kDeploy:
      return model.component_ids.at(row.source);
    case SourceKind::kLoad: {
      static const std::string kNoId;
      return kNoId;
    }
    case SourceKind::kSpike:
      return model.load->spike_ids.at(row.source);
    case SourceKind::kBreaker:
      return model.load->breaker_ids.at(row.source);
    case SourceKind::kCache:
      return model.load->cache_ids.at(row.source);
  }
  throw std::logic_error("internal error: a trace row of unknown kind");
}

void ReplicationSimulator::trace_note(TraceEvent event, SourceKind kind, std::uint32_t source,
                                      std::uint32_t instance) {
  TraceRow row;
  row.time_hours = now_;
  row.batch = batch_number_;
  row.kind = kind;
  row.source = source;
  row.instance =
      instance == kNone
          ? -1
          : static_cast<std::int64_t>(instance - model_.components[source].first_instance);
  row.event = event;
  row.system_up = system_up_;
  trace_->rows.push_back(row);
}

std::int64_t ReplicationSimulator::trace_source_cause(const TraceRow& row) const {
  switch (row.kind) {
    case SourceKind::kComponent:
      if (row.event == TraceEvent::kCrash) return load_->overload[row.source].cause;
      return row.source;
    case SourceKind::kZone:
      return model_.first_zone_cause + row.source;
    case SourceKind::kRegion:
      return model_.first_region_cause + row.source;
    case SourceKind::kInject:
      return model_.injections[row.source].cause;
    case SourceKind::kDeploy:
      return model_.deploys[static_cast<std::size_t>(model_.components[row.source].deploys)].cause;
    case SourceKind::kLoad:
      return load_->cause;
    case SourceKind::kSpike:
      return load_->spikes[row.source].cause;
    case SourceKind::kBreaker:
      break;  // a breaker's closing is no loss: a batch of them alone is charged to other
    case SourceKind::kCache:
      break;  // nor a cache's expiry (what it exposes was lost earlier) or warm-up end
    case SourceKind::kFailover:
      break;  // not causes: a failover only delays the end of what a target's loss began
  }
  return -1;
}

}  // namespace nines::engine
