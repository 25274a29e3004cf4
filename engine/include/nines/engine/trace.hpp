// The timeline of one history, as plain structs for the command line and the GUI.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "nines/engine/random_stream.hpp"

namespace nines::engine {

struct CompiledModel;

/// What changed. Names (trace_event_name) are the `event` column of `nines run --trace-csv`.
enum class TraceEvent : std::uint8_t {
  kFailure,
  kDormantFailure,
  kDetection,
  kBlockDetection,
  kRepairStart,
  kRepairEnd,
  kSwitchoverStart,
  kSwitchoverOk,
  kSwitchoverFailed,
  kBlock,
  kUnblock,
  kZoneDown,
  kZoneUp,
  kRegionDown,
  kRegionUp,
  kInjectStart,
  kInjectEnd,
  kFailoverStart,
  kFailoverOk,
  kFailoverFailed,
  kFailoverAbandoned,
  /// An instance of a warm or cold pool goes idle (after its repair, a switchover not needed
  /// any more, or the end of a block): it no longer serves.
  kStandby,
  // Deploys (kind deploy, source: the component's deploy schedule). Instance rows of deploys
  // carry the instance; the others -1.
  kDeployStart,    // "deploy-start": deploy due and started
  kDeploySkipped,  // "deploy-skipped": due while the previous one still runs
  kDeployBatch,    // "deploy-batch": a batch reaches instances (rows per instance follow)
  kRestart,        // "restart": an instance reached, out for its restart
  kRestartEnd,     // "restart-end"
  kBroken,         // "broken": an instance reached by a bad deploy
  kUnbroken,       // "unbroken": back at the rollback's end or from its own repair
  kDeployBad,      // "deploy-bad": the verdict; no batch follows
  kRollbackEnd,    // "rollback-end"
  kDeployEnd,      // "deploy-end": its last batch, restart and rollback are over
  // Overload (kind component, with the instance).
  kCrash,         // "crash": an overload crash; crash-down until its restart ends
  kCrashRestart,  // "crash-restart": back from a crash with a fresh life
  // Load (kind load, source 0, no instance; flow mode only).
  kLoadStep,  // "load-step": the offered load changes at a whole hour
  // Spikes (kind spike, source: the spike source; flow mode only).
  kSpikeStart,  // "spike-start"
  kSpikeEnd,    // "spike-end"
  // Circuit breakers (kind breaker, source: the breaker in scan order; flow mode only).
  kBreakerOpen,   // "breaker-open": the scan after an evaluation opened it (no event)
  kBreakerClose,  // "breaker-close": its open_for is over
  // Caches (kind cache, source: the cache in row order; flow mode only).
  kCacheExpiry,     // "cache-expiry": its targets stayed below stale_below for stale_if_error
  kCacheWarmupEnd,  // "cache-warmup-end": they stayed at or above it for warmup: valid again
};

std::string_view trace_event_name(TraceEvent event);

/// One state change of an instance, zone, region or injection.
struct TraceRow {
  double time_hours = 0.0;
  /// Same-instant batch number, from 0 in each history.
  std::uint32_t batch = 0;
  SourceKind kind = SourceKind::kComponent;
  /// Compiled index of the component, zone, region or injection.
  std::uint32_t source = 0;
  /// Instance index within its component, or -1.
  std::int64_t instance = -1;
  TraceEvent event = TraceEvent::kFailure;
  /// The system's state after the batch.
  bool system_up = true;
  /// On the row that began an outage: its root cause (an index into the compiled cause
  /// registry); -1 elsewhere.
  std::int64_t cause = -1;
  /// With a load: the offered and served requests per second and the served share sigma after
  /// the batch (NaN without a load).
  double offered_rps = std::numeric_limits<double>::quiet_NaN();
  double served_rps = std::numeric_limits<double>::quiet_NaN();
  double sigma = std::numeric_limits<double>::quiet_NaN();
};

struct Trace {
  std::vector<TraceRow> rows;
  /// With a load: the offered and served requests per second when the history starts (the
  /// initial evaluation, before any row; NaN without a load).
  double initial_offered_rps = std::numeric_limits<double>::quiet_NaN();
  double initial_served_rps = std::numeric_limits<double>::quiet_NaN();
  /// The replication's figures.
  double downtime_hours = 0.0;
  std::uint32_t outages = 0;
};

/// The id of a row's source (for an injection: its target's id).
const std::string& trace_source_id(const CompiledModel& model, const TraceRow& row);

}  // namespace nines::engine
