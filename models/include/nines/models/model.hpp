// The system model as the user states it: components, crews, dependencies, run settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nines/models/distribution.hpp"

namespace nines::models {

enum class StandbyMode { kHot, kWarm, kCold };

/// How a pool with more instances than `min_up` uses the extra ones.
struct Standby {
  StandbyMode mode = StandbyMode::kHot;
  /// Time to bring an idle instance into service (warm/cold only).
  Distribution switchover = Fixed{0.0};
  /// Probability that one switchover attempt succeeds (warm/cold only).
  double switch_success = 1.0;
  /// Time to failure of an idle instance (warm only; cold idle instances never fail).
  std::optional<Distribution> dormant_failure;

  friend bool operator==(const Standby&, const Standby&) = default;
};

/// Periodic inspections of every instance, at every_hours, 2 every_hours, ...: a failure the
/// monitoring missed comes to light at the first inspection strictly after it.
struct Inspections {
  double every_hours = 24.0;
  friend bool operator==(const Inspections&, const Inspections&) = default;
};

/// How a deploy reaches a pool's instances.
enum class DeployStrategy : std::uint8_t { kAllAtOnce, kRolling, kCanary };

/// Scheduled deploys of a component (docs/model-format.md#deploys): deploy k is due at
/// first_at + k period; it restarts the instances it reaches and, when bad, breaks them until
/// its rollback ends. Maintenance windows are deploys that are never bad. Keys a strategy does
/// not use are kept (so switching `strategy` alone stays valid) and ignored.
struct Deploys {
  double period_hours = 168.0;
  /// Empty: not stated (the first deploy is due at `period`).
  std::optional<double> first_at_hours = std::nullopt;
  double bad_probability = 0.0;
  DeployStrategy strategy = DeployStrategy::kAllAtOnce;
  /// Instances per batch after the first (rolling, and canary after its bake).
  std::int64_t batch = 1;
  /// Rolling and canary: time between batches (fixed, > 0).
  std::optional<double> batch_interval_hours = std::nullopt;
  /// Canary: share of the instances in the first batch, in (0, 1].
  std::optional<double> canary_fraction = std::nullopt;
  /// Canary: time from the canary batch to the first batch of the rest (fixed, >= 0).
  std::optional<double> bake_hours = std::nullopt;
  /// From the due time to the verdict "bad" (required when bad_probability > 0; may be 0).
  std::optional<Distribution> detection = std::nullopt;
  /// From the verdict to the rollback's end (required when bad_probability > 0; may be 0).
  std::optional<Distribution> rollback = std::nullopt;
  /// How long each reached instance is out (good or bad deploy); default 0.
  Distribution restart = Fixed{0.0};

  double first_due_hours() const { return first_at_hours.value_or(period_hours); }

  friend bool operator==(const Deploys&, const Deploys&) = default;
};

/// Overload crashes (docs/traffic.md): while a component's demand exceeds its capacity, each
/// serving instance crashes after a draw of `crash_after` and restarts after a draw of `restart`.
/// Both laws have a positive mean.
struct Overload {
  Distribution crash_after = Exponential{1.0};
  Distribution restart = Exponential{1.0};

  friend bool operator==(const Overload&, const Overload&) = default;
};

/// A pool of identical instances.
struct Component {
  std::string id;
  std::int64_t instances = 1;
  std::int64_t min_up = 1;
  Distribution failure = Exponential{1000.0};
  Distribution detection = Fixed{0.0};
  Distribution repair = Exponential{1.0};
  /// Monitoring coverage: the probability that a failure is caught, then detected after a draw
  /// of `detection`. Empty: not stated (1, every failure caught). Below 1 needs `undetected` or
  /// `inspections`.
  std::optional<double> coverage = std::nullopt;
  /// Time from a missed failure to its detection (may be 0). At most one of `undetected` and
  /// `inspections`, and either only beside `coverage`.
  std::optional<Distribution> undetected = std::nullopt;
  /// Missed failures are found by inspections instead.
  std::optional<Inspections> inspections = std::nullopt;
  Standby standby;
  /// Id of the repair crew; empty means repairs start at once.
  std::string crew;
  /// Free text for people (optional; ignored by the simulation).
  std::string description;
  /// Round-robin placement: instance i lives in zones[i mod zones.size()] (distinct zone ids).
  std::vector<std::string> zones;
  /// Counted placement: (zone id, count), counts >= 0 summing to `instances`, sorted by zone id
  /// (a JSON object's order; validation sorts a placement built in code). Indices are handed
  /// out in the order of the model's top-level `zones` list.
  /// At most one of `zones` and `placement` is non-empty; with neither the component is
  /// outside every zone.
  std::vector<std::pair<std::string, std::int64_t>> placement;
  /// Cost per instance per month, in the model's currency; every instance counts, idle standby
  /// included unless `idle_cost` says otherwise. Empty: not stated (counts 0).
  std::optional<double> cost = std::nullopt;
  /// Cost per month of each instance a warm or cold pool keeps idle (`instances - min_up`),
  /// instead of `cost`; unused by hot pools.
  std::optional<double> idle_cost = std::nullopt;
  /// Scheduled deploys or maintenance windows; empty: none.
  std::optional<Deploys> deploys = std::nullopt;
  /// Requests per second one serving instance processes (> 0; needs a top-level load and flow
  /// mode, docs/traffic.md); empty: unlimited.
  std::optional<double> capacity_rps = std::nullopt;
  /// Crashes while overloaded (needs `capacity_rps`); empty: it saturates and never crashes.
  std::optional<Overload> overload = std::nullopt;
  /// Rejects the demand above its capacity instead of being overloaded (needs `capacity_rps`);
  /// empty: not stated (false).
  std::optional<bool> load_shedding = std::nullopt;

  friend bool operator==(const Component&, const Component&) = default;
};

/// A region: a failure domain holding zones. Fails and recovers on its own laws, independently
/// of everything else; while it is down every instance in its zones is blocked.
struct Region {
  std::string id;
  std::string description;
  Distribution failure = Exponential{43800.0};
  Distribution repair = Exponential{12.0};
  /// Cost per month, in the model's currency (empty: not stated).
  std::optional<double> cost = std::nullopt;

  friend bool operator==(const Region&, const Region&) = default;
};

/// A zone (availability zone, rack, data centre): a failure domain, optionally in a region.
struct Zone {
  std::string id;
  /// Id of its region; empty: in no region.
  std::string region;
  std::string description;
  Distribution failure = Exponential{8760.0};
  Distribution repair = Exponential{4.0};
  /// Cost per month, in the model's currency (empty: not stated).
  std::optional<double> cost = std::nullopt;

  friend bool operator==(const Zone&, const Zone&) = default;
};

/// A scheduled fault (game day): at `at_hours` take instances of a component, or a whole zone
/// or region, down; with `for_hours` held down (blocked) for that long, else failed as by its
/// own failure law.
struct Injection {
  enum class Target { kComponent, kZone, kRegion };
  double at_hours = 0.0;
  Target target = Target::kComponent;
  /// Id of the component, zone or region.
  std::string id;
  /// Instances taken (component injections only).
  std::int64_t instances = 1;
  std::optional<double> for_hours;

  friend bool operator==(const Injection&, const Injection&) = default;
};

/// How the offered load varies over time, as a multiplier of `Load::rps` held for whole hours;
/// time 0 is Monday 00:00 (docs/model-format.md#load).
struct LoadProfile {
  enum class Type : std::uint8_t { kConstant, kDiurnal, kHourly, kWeekly };
  Type type = Type::kConstant;
  /// Diurnal: hour of day h gets 1 + (peak_to_mean - 1) cos(2 pi (h + 0.5 - peak_at_hour) / 24);
  /// peak_to_mean in [1, 2], peak_at_hour in 0..23.
  double peak_to_mean = 1.0;
  std::int64_t peak_at_hour = 14;
  /// Hourly: 24 multipliers (hour of day); weekly: 168 (hour of week from Monday 00:00). Finite,
  /// >= 0, at least one > 0, not normalised.
  std::vector<double> values;

  friend bool operator==(const LoadProfile&, const LoadProfile&) = default;
};

/// A source of load spikes (docs/traffic.md): spikes start after draws of `gap` (from time 0 and
/// from the end of each spike) or at the fixed times `at_hours`, last a draw of `duration` and
/// multiply the offered load by `multiplier` while they run.
struct Spike {
  /// [A-Za-z0-9_.-]+, unique among spikes; empty: not stated (the source is named #N).
  std::string id;
  /// Exactly one of `gap` (a law with a positive mean) and a non-empty `at_hours` (>= 0, any
  /// order, duplicates allowed).
  std::optional<Distribution> gap = std::nullopt;
  std::vector<double> at_hours;
  /// A law with a positive mean.
  Distribution duration = Exponential{1.0};
  /// > 0; below 1 a dip.
  double multiplier = 1.0;

  friend bool operator==(const Spike&, const Spike&) = default;
};

/// One user journey: its share of the admitted load goes to its entry component.
struct Journey {
  std::string entry;
  /// > 0; the shares of a model's journeys sum to 1 (within 1e-9).
  double share = 1.0;

  friend bool operator==(const Journey&, const Journey&) = default;
};

/// Which availability `sla`, `--window` and `--precision` use when the model has a load.
enum class SloBasis : std::uint8_t { kTime, kRequests };

/// The traffic users send (docs/traffic.md): requests per second times the profile. Without
/// capacity, rate limits and the like (Boolean mode) every request is served while the system is
/// up and fails while it is down.
struct Load {
  /// Mean requests per second (> 0) that the profile multiplies.
  double rps = 1.0;
  LoadProfile profile;
  /// Requests per second the entry admits (> 0); empty: no limit.
  std::optional<double> limit_rps = std::nullopt;
  /// The system is down while its served share is below this, in (0, 1].
  double outage_below = 0.5;
  /// Degraded while the served share is below this, in [outage_below, 1]; empty: not stated
  /// (max(0.99, outage_below)).
  std::optional<double> degraded_below = std::nullopt;
  SloBasis slo_basis = SloBasis::kTime;
  /// An episode whose recovery lasts longer than this (>= 0) is metastable.
  double metastable_after_hours = 1.0;
  /// Spike sources; empty: none.
  std::vector<Spike> spikes = {};
  /// User journeys, replacing the single `Model::entry` (which then holds the first journey's
  /// entry); empty: none.
  std::vector<Journey> journeys = {};

  double degraded_threshold() const {
    return degraded_below.value_or(outage_below > 0.99 ? outage_below : 0.99);
  }

  friend bool operator==(const Load&, const Load&) = default;
};

/// The multiplier of each hour of the profile's period (1 value for constant, 24 for diurnal
/// and hourly, 168 for weekly): rps times it is the offered load in that hour.
std::vector<double> profile_multipliers(const LoadProfile& profile);

/// A limited team of repairers serving repairs first come, first served.
struct Crew {
  std::string id;
  std::int64_t size = 1;
  /// Cost per member per month, in the model's currency (empty: not stated).
  std::optional<double> cost = std::nullopt;

  friend bool operator==(const Crew&, const Crew&) = default;
};

/// `from` can serve only while at least `min_up` of `to` are up.
/// A single-target dependency has `to.size() == 1`, `min_up == 1`, `is_list == false`.
/// How a list dependency with `min_up` 1 moves between its targets when it has `failover`.
enum class Failback : std::uint8_t { kAutomatic, kManual };

/// Timed failover between the targets of a list dependency (DNS or a global load balancer
/// moving traffic): the dependency uses one target at a time and is unsatisfied while it moves.
struct Failover {
  /// From the target in use going down (with another target up) to the end of the attempt.
  Distribution time = Fixed{0.0};
  /// Probability that an attempt succeeds; a failed one starts another at once.
  double success = 1.0;
  Failback failback = Failback::kAutomatic;

  friend bool operator==(const Failover&, const Failover&) = default;
};

/// How a list row spreads its calls (docs/traffic.md): `failover` tries the targets in list
/// order (min_up 1 only), `all` calls every target and needs `min_up` successes (a quorum).
enum class Routing : std::uint8_t { kFailover, kAll };

/// How a dependency row's success enters its caller's (docs/traffic.md).
enum class DependencyMode : std::uint8_t { kHard, kSoft, kCache };

/// A circuit breaker on a row or a list target: it opens when the target's success falls below
/// `threshold` (in (0, 1]) and closes after `open_for_hours` (fixed, > 0).
struct CircuitBreaker {
  double threshold = 0.5;
  double open_for_hours = 0.5 / 60.0;

  friend bool operator==(const CircuitBreaker&, const CircuitBreaker&) = default;
};

/// The default `warmup` of a cache row: 10 minutes.
inline constexpr double kDefaultCacheWarmupHours = 10.0 / 60.0;

/// A list target's own traffic settings (`"to": ["a", {"id": "b", "retries": 2}]`); empty
/// members take the row's values.
struct TargetTraffic {
  std::optional<double> calls = std::nullopt;
  std::optional<std::int64_t> retries = std::nullopt;
  std::optional<CircuitBreaker> circuit_breaker = std::nullopt;

  bool empty() const { return !calls && !retries && !circuit_breaker; }
  friend bool operator==(const TargetTraffic&, const TargetTraffic&) = default;
};

struct Dependency {
  std::string from;
  std::vector<std::string> to;
  std::int64_t min_up = 1;
  bool is_list = false;
  /// Lists with `min_up` 1 only.
  std::optional<Failover> failover;
  /// Traffic keys (need a top-level load). Calls to each target per request the caller
  /// processes (> 0); empty: not stated (1).
  std::optional<double> calls = std::nullopt;
  /// Retries of a failed call (0..100); empty: not stated (0).
  std::optional<std::int64_t> retries = std::nullopt;
  /// Lists only; empty: not stated (failover when min_up is 1, else all).
  std::optional<Routing> routing = std::nullopt;
  /// Lists only: empty, or one entry per target of `to` (at least one not empty).
  std::vector<TargetTraffic> target_traffic = {};
  /// Empty: not stated (hard). A key of another mode is an error.
  std::optional<DependencyMode> mode = std::nullopt;
  /// Soft (required): the share of the row's failures that fail the caller, in [0, 1].
  std::optional<double> impact = std::nullopt;
  /// Cache (required): the share of calls the cache answers while valid, in [0, 1).
  std::optional<double> hit_ratio = std::nullopt;
  /// Cache (required): how long the cache outlives a failing target (fixed, >= 0).
  std::optional<double> stale_if_error_hours = std::nullopt;
  /// Cache: how long the target must stay healthy to refill an expired cache (fixed, >= 0);
  /// empty: not stated (kDefaultCacheWarmupHours).
  std::optional<double> warmup_hours = std::nullopt;
  /// Cache: the target success below which the stale clock runs, in (0, 1]; empty: not stated
  /// (the load's `outage_below`).
  std::optional<double> stale_below = std::nullopt;
  /// The row's breaker; a list target's own one wins.
  std::optional<CircuitBreaker> circuit_breaker = std::nullopt;

  DependencyMode mode_or_default() const { return mode.value_or(DependencyMode::kHard); }
  Routing routing_or_default() const {
    return routing.value_or(min_up == 1 ? Routing::kFailover : Routing::kAll);
  }
  /// Target i's calls and retries, its own or the row's.
  double calls_of(std::size_t i) const {
    if (i < target_traffic.size() && target_traffic[i].calls) return *target_traffic[i].calls;
    return calls.value_or(1.0);
  }
  std::int64_t retries_of(std::size_t i) const {
    if (i < target_traffic.size() && target_traffic[i].retries) {
      return *target_traffic[i].retries;
    }
    return retries.value_or(0);
  }
  /// Target i's breaker, its own or the row's (empty: none).
  std::optional<CircuitBreaker> circuit_breaker_of(std::size_t i) const {
    if (i < target_traffic.size() && target_traffic[i].circuit_breaker) {
      return target_traffic[i].circuit_breaker;
    }
    return circuit_breaker;
  }

  friend bool operator==(const Dependency&, const Dependency&) = default;
};

/// One key of a scenario: an override with exactly the meaning of `nines run --set KEY=VALUE`.
struct ScenarioSetting {
  /// The override key: "horizon", "db.instances", "db.repair.median".
  std::string key;
  /// The value as compact JSON text ("3", "\"2h\"", "{\"mode\":\"cold\"}"), so that
  /// `key + "=" + value_json` is the `--set` override with the same effect.
  std::string value_json;

  friend bool operator==(const ScenarioSetting&, const ScenarioSetting&) = default;
};

/// A named what-if kept in the model file ("third database replica"): overrides of the base
/// model, compared with it on the same random streams.
struct Scenario {
  std::string name;
  /// Applied in this order (the loader keeps the file's keys sorted; keys never conflict).
  std::vector<ScenarioSetting> set;

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

inline constexpr double kHoursPerYear = 8760.0;

/// The currency of a model that names none.
inline constexpr std::string_view kDefaultCurrency = "units";

struct Model {
  std::string name;
  std::string description;
  double horizon_hours = kHoursPerYear;
  std::int64_t replications = 1000;
  std::uint64_t seed = 1;
  /// Availability target as a fraction in (0, 1].
  std::optional<double> target;
  /// The unit of every `cost` (a free name: "EUR", "USD", "units").
  std::string currency = std::string(kDefaultCurrency);
  /// The component users reach; always set in a validated model (inferred when not given; with
  /// `load.journeys`, which replace it in a file, the first journey's entry).
  std::string entry;
  std::vector<Crew> crews;
  std::vector<Component> components;
  std::vector<Dependency> dependencies;
  std::vector<Region> regions;
  std::vector<Zone> zones;
  std::vector<Injection> inject;
  /// Traffic (docs/traffic.md); empty: none, every figure is time-based.
  std::optional<Load> load;
  /// Named what-ifs; none of them changes the model itself (see apply_scenario).
  std::vector<Scenario> scenarios;
  /// The file's `$schema`: where editors find the JSON Schema of the format (`nines schema`
  /// writes it). Kept on save; the simulation ignores it.
  std::optional<std::string> schema;

  /// The component with this id, or nullptr.
  const Component* find_component(std::string_view id) const;
  Component* find_component(std::string_view id);
  /// Its index in `components`, or -1.
  std::int64_t component_index(std::string_view id) const;
  /// The zone with this id, or nullptr.
  const Zone* find_zone(std::string_view id) const;
  /// Its index in `zones` / `regions`, or -1.
  std::int64_t zone_index(std::string_view id) const;
  std::int64_t region_index(std::string_view id) const;
  /// For each instance of `component`, the index in `zones` of its zone, or -1 when the
  /// component is outside every zone (see Component::zones and Component::placement).
  std::vector<std::int64_t> instance_zones(const Component& component) const;
  /// The scenario with this name, or nullptr.
  const Scenario* find_scenario(std::string_view scenario_name) const;
  /// What the design costs per month, in `currency`: each component's instances at `cost`
  /// (the idle `instances - min_up` of a warm or cold pool at `idle_cost` when given), each
  /// crew's members at its `cost`, each zone's and region's `cost`. A missing cost counts 0;
  /// empty when no component, crew, zone or region states a `cost` or `idle_cost`.
  std::optional<double> cost_per_month() const;

  friend bool operator==(const Model&, const Model&) = default;
};

/// A copy with components, crews, zones and regions sorted by id and dependency rows by (from,
/// to): the same system, so solvers that sum in list order give bit-identical answers whatever
/// the file's order.
Model canonical_order(Model model);

}  // namespace nines::models
