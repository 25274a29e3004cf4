// The simulator's instance rules restated on counts: what one timed event does to a group, with
// everything the engine then does at the same instant (zero laws, switchover attempts).
#pragma once

#include <cstdint>
#include <vector>

#include "group_spec.hpp"

namespace nines::analysis::detail {

/// How many instances of one component are in each engine state (instances are exchangeable).
struct ComponentCounts {
  std::uint32_t active = 0;      // kActive: up and serving
  std::uint32_t idle = 0;        // kIdle: up in standby
  std::uint32_t undetected = 0;  // kFailedUndetected (active and dormant failures alike)
  std::uint32_t waiting = 0;     // kWaitingCrew
  std::uint32_t in_repair = 0;   // kInRepair: holds a crew member when the component has a crew
  std::uint32_t switching = 0;   // kSwitching
  std::uint32_t missed = 0;      // kFailedUndetected, missed by the monitoring (coverage < 1)

  friend bool operator==(const ComponentCounts&, const ComponentCounts&) = default;
};

/// A group state: counts per component, and per crew its FCFS queue of waiting repairs as the
/// sequence of their (group-local) components, since the next one served decides whose repair
/// starts.
struct GroupConfig {
  std::vector<ComponentCounts> counts;
  std::vector<std::vector<std::uint16_t>> queues;

  friend bool operator==(const GroupConfig&, const GroupConfig&) = default;
};

/// The timed (exponential) events; a zero law never makes one, the engine runs it inline.
enum class EventKind : std::uint8_t {
  kActiveFailure,
  kDormantFailure,
  kDetection,
  kRepairEnd,
  kSwitchEnd,
  /// The detection of a failure the monitoring missed (the `undetected` law).
  kMissedDetection,
};
inline constexpr int kEventKinds = 6;

/// The all-new start (ReplicationSimulator::reset): hot pools all active, others min_up active
/// and the rest idle; nothing failed, crews free.
GroupConfig initial_config(const GroupSpec& spec);

/// Rate per hour of `kind` events of `component` in `config` (instances x rate; 0 if none).
double event_rate(const GroupSpec& spec, const GroupConfig& config, EventKind kind,
                  std::uint32_t component);

/// True when the pool has at least min_up active instances (the engine's `active_up_ >= min_up`).
inline bool pool_up(const GroupSpec& spec, const GroupConfig& config, std::uint32_t component) {
  return config.counts[component].active >= spec.components[component].min_up;
}

struct Outcome {
  double probability = 0.0;
  GroupConfig config;
};

/// Appends to `out` the states the group can be in once the engine has finished with the event
/// and every zero-duration step it causes, with their probabilities (they branch only on
/// instant switchover attempts; the probabilities sum to 1). `out` is not cleared.
void apply_event(const GroupSpec& spec, const GroupConfig& from, EventKind kind,
                 std::uint32_t component, std::vector<Outcome>& out);

}  // namespace nines::analysis::detail
