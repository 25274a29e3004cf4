// The key tables of the model format: one row per key of each object kind. The order of the rows
// is the order of the "known keys" in messages.
#include "key_table.hpp"

#include <array>

#include "component_parser.hpp"
#include "model_parser.hpp"

namespace nines::models::detail {

const KeyRow* KeyTable::find(std::string_view key) const {
  for (const KeyRow& row : rows) {
    if (row.key == key) return &row;
  }
  return nullptr;
}

std::string_view KeyTable::key_also_called(std::string_view word) const {
  for (const KeyRow& row : rows) {
    for (std::string_view other : row.also_called) {
      if (other == word) return row.key;
    }
  }
  return {};
}

namespace {

using enum ValueType;

constexpr std::int64_t kMaxHorizon = static_cast<std::int64_t>(kMaxHorizonHours);

// ---- Top level ----------------------------------------------------------------------------

constexpr auto kModelRows = std::to_array<KeyRow>({
    {.key = "name", .type = kString, .meaning = "A title for reports.", .default_json = R"("")"},
    {.key = "description", .type = kString, .meaning = "Free text.", .default_json = R"("")"},
    {.key = "horizon",
     .type = kDuration,
     .meaning = "Length of one simulated history (at most 1000 years); every history starts with "
                "all instances new and up.",
     .default_json = R"("1y")",
     .max = kMaxHorizon},
    {.key = "replications",
     .type = kInteger,
     .meaning = "Number of independent histories.",
     .default_json = "1000",
     .min = 1,
     .max = kMaxReplications},
    {.key = "seed",
     .type = kSeed,
     .meaning = "Seed of the random streams; the same model and seed give the same figures.",
     .default_json = "1"},
    {.key = "target",
     .type = kTarget,
     .meaning =
         R"(Availability target: a fraction in (0, 1] like 0.9995 or a string like "99.95%".)"},
    {.key = "currency",
     .type = kNonEmptyString,
     .meaning = R"(The unit of every cost ("EUR", "USD").)",
     .default_json = R"("units")"},
    {.key = "entry",
     .type = kId,
     .meaning = "The component users reach; optional when exactly one component has nothing "
                "depending on it. An error beside load.journeys."},
    {.key = "crews",
     .type = kList,
     .meaning = "Limited repair teams.",
     .default_json = "[]",
     .table = &kCrewKeys},
    {.key = "regions",
     .type = kList,
     .meaning = "Failure domains holding zones.",
     .default_json = "[]",
     .table = &kRegionKeys},
    {.key = "zones",
     .type = kList,
     .meaning = "Failure domains (availability zones, racks) that instances are placed in.",
     .default_json = "[]",
     .table = &kZoneKeys},
    {.key = "components",
     .type = kList,
     .meaning = "The pools of identical instances.",
     .required = true,
     .table = &kComponentKeys,
     .non_empty = true},
    {.key = "dependencies",
     .type = kList,
     .meaning = "Who needs whom.",
     .default_json = "[]",
     .table = &kDependencyKeys},
    {.key = "inject",
     .type = kList,
     .meaning = "Scheduled faults (game days).",
     .default_json = "[]",
     .table = &kInjectionKeys},
    {.key = "load",
     .type = kObject,
     .meaning = "Traffic: requests per second and their profile; adds request availability "
                "(docs/traffic.md).",
     .table = &kLoadKeys},
    {.key = "scenarios",
     .type = kList,
     .meaning = "Named what-ifs, each a set of overrides; they never change the base model.",
     .default_json = "[]",
     .table = &kScenarioKeys},
    {.key = "$schema",
     .type = kUri,
     .meaning = "The JSON Schema of this file, for editors (`nines schema` writes it); kept on "
                "save, ignored by the simulation."},
});

// Journeys replace the single entry.
constexpr std::string_view kModelRules = R"({
  "if": {"required": ["load"], "properties": {"load": {"required": ["journeys"]}}},
  "then": {"not": {"required": ["entry"]}}
})";

// ---- Components, standby, crews ------------------------------------------------------------

constexpr auto kComponentRows = std::to_array<KeyRow>({
    {.key = "id", .type = kId, .meaning = "Unique among components.", .required = true},
    {.key = "description", .type = kString, .meaning = "Free text.", .default_json = R"("")"},
    {.key = "instances",
     .type = kInteger,
     .meaning = "Pool size; may be left out beside a placement (the counts' sum).",
     .default_json = "1",
     .min = 1,
     .max = kMaxInstances},
    {.key = "min_up",
     .type = kInteger,
     .meaning = "How many instances must be up (and active) for the pool to be up; at most "
                "instances.",
     .default_json = "1",
     .min = 1,
     .max = kMaxInstances},
    {.key = "failure",
     .type = kLawOrNever,
     .meaning = R"(Time to failure of a running instance (a law with a mean above 0), or "never". )"
                R"(Exactly one of "failure" and "mtbf".)"},
    {.key = "mtbf",
     .type = kDuration,
     .meaning = "Shorthand for an exponential failure law with this mean (of one instance)."},
    {.key = "repair",
     .type = kLaw,
     .meaning = R"(Time to repair once detected and a repairer is free. Exactly one of "repair" )"
                R"(and "mttr".)",
     .failing_only = true},
    {.key = "mttr",
     .type = kDuration,
     .meaning = "Shorthand for an exponential repair law with this mean.",
     .failing_only = true},
    {.key = "detection",
     .type = kLaw,
     .meaning = "Time from a failure to its detection; repair starts once detected.",
     .default_json = "0",
     .zero = Zero::kAllowed,
     .failing_only = true},
    {.key = "coverage",
     .type = kUnitInterval,
     .meaning = "Share of failures monitoring catches (found after a draw of detection); the "
                "rest are missed and wait for undetected.",
     .default_json = "1",
     .failing_only = true},
    {.key = "undetected",
     .type = kLawOrInspections,
     .meaning = R"(With coverage below 1: time from a missed failure to its detection (a law, )"
                R"(may be 0), or {"inspection_every": D}: found at the next periodic inspection.)",
     .zero = Zero::kAllowed,
     .failing_only = true,
     .only_with = "coverage"},
    {.key = "standby",
     .type = kObject,
     .meaning = "How instances beyond min_up are used (hot by default).",
     .table = &kStandbyKeys,
     .failing_only = true},
    {.key = "crew",
     .type = kId,
     .meaning = "Repairs wait for a member of this crew.",
     .failing_only = true},
    {.key = "capacity_rps",
     .type = kPositiveReal,
     .meaning = "Requests per second one serving instance processes; unlimited when absent. "
                "Needs a top-level load (flow mode, docs/traffic.md)."},
    {.key = "overload",
     .type = kObject,
     .meaning = "Instances crash while the component is overloaded (demand above capacity) and "
                "restart later; needs capacity_rps (flow mode, not implemented yet: run refuses "
                "it).",
     .table = &kOverloadKeys},
    {.key = "load_shedding",
     .type = kBoolean,
     .meaning = "Rejects the demand above capacity instead of being overloaded (wins over "
                "overload); needs capacity_rps (flow mode, not implemented yet: run refuses it).",
     .default_json = "false"},
    {.key = "deploys",
     .type = kObject,
     .meaning = "Scheduled deploys or maintenance windows: restarts and, when bad, broken "
                "instances until the rollback ends.",
     .table = &kDeploysKeys},
    {.key = "zones",
     .type = kIdList,
     .meaning = "Round-robin placement: instance i is in zone i mod n.",
     .non_empty = true},
    {.key = "placement",
     .type = kPlacement,
     .meaning = "Counted placement: zone ids and instance counts summing to instances.",
     .min = 0,
     .max = kMaxInstances},
    {.key = "cost",
     .type = kNonNegativeReal,
     .meaning = "Cost per instance per month, idle standby included."},
    {.key = "idle_cost",
     .type = kNonNegativeReal,
     .meaning = "Cost per month of each idle instance of a warm or cold pool, instead of cost."},
});

constexpr std::array<std::string_view, 2> kFailurePair{"failure", "mtbf"};
constexpr std::array<std::string_view, 2> kRepairPair{"repair", "mttr"};
constexpr std::array<std::string_view, 2> kPlacementPair{"zones", "placement"};
constexpr auto kComponentGroups = std::to_array<KeyGroup>({
    {.keys = kFailurePair},
    {.keys = kRepairPair},
    {.keys = kPlacementPair, .exactly_one = false},
});

constexpr std::array<std::string_view, 3> kModes{"hot", "warm", "cold"};
constexpr auto kStandbyRows = std::to_array<KeyRow>({
    {.key = "mode",
     .type = kEnum,
     .meaning = "hot: every instance runs; warm: idle instances wait and can fail; cold: idle "
                "instances never fail.",
     .default_json = R"("hot")",
     .choices = kModes},
    {.key = "switchover",
     .type = kLaw,
     .meaning = "Time to bring an idle instance into service (warm and cold only).",
     .default_json = "0",
     .zero = Zero::kAllowed},
    {.key = "switch_success",
     .type = kUnitInterval,
     .meaning = "Probability that one switchover attempt succeeds (warm and cold only).",
     .default_json = "1"},
    {.key = "dormant_failure",
     .type = kLaw,
     .meaning = "Time to failure of an idle instance: required with warm, an error otherwise."},
});

// Hot pools have nothing to switch over to; warm ones need dormant_failure, cold ones refuse it.
constexpr std::string_view kStandbyRules = R"({
  "if": {"required": ["mode"], "properties": {"mode": {"enum": ["warm", "cold"]}}},
  "then": {
    "if": {"properties": {"mode": {"const": "warm"}}},
    "then": {"required": ["dormant_failure"]},
    "else": {"not": {"required": ["dormant_failure"]}}
  },
  "else": {"not": {"anyOf": [{"required": ["switchover"]}, {"required": ["switch_success"]},
                             {"required": ["dormant_failure"]}]}}
})";

// ---- Deploys ------------------------------------------------------------------------------

constexpr std::array<std::string_view, 3> kStrategies{"all-at-once", "rolling", "canary"};
constexpr std::array<std::string_view, 4> kPeriodAlso{"every", "interval", "frequency", "cadence"};
constexpr auto kDeploysRows = std::to_array<KeyRow>({
    {.key = "period",
     .type = kDuration,
     .meaning = "Time between deploys (fixed): deploy k is due at first_at + k period.",
     .required = true,
     .also_called = kPeriodAlso},
    {.key = "first_at",
     .type = kDuration,
     .meaning = "When the first deploy is due (fixed); period when left out.",
     .zero = Zero::kAllowed},
    {.key = "bad_probability",
     .type = kUnitInterval,
     .meaning = "Probability that a deploy is bad (breaks the instances it reaches until its "
                "rollback ends); 0 for maintenance windows.",
     .required = true},
    {.key = "strategy",
     .type = kEnum,
     .meaning = "all-at-once: every instance at the due time; rolling: batch instances every "
                "batch_interval; canary: canary_fraction of them, then after bake the rest "
                "rolling.",
     .default_json = R"("all-at-once")",
     .choices = kStrategies},
    {.key = "batch",
     .type = kInteger,
     .meaning = "Instances per batch (rolling, and canary after its bake).",
     .default_json = "1",
     .min = 1,
     .max = kMaxInstances},
    {.key = "batch_interval",
     .type = kDuration,
     .meaning = "Time between batches (fixed); required for rolling and canary."},
    {.key = "canary_fraction",
     .type = kFraction,
     .meaning = "Share of the instances in the canary batch, rounded up; required for canary."},
    {.key = "bake",
     .type = kDuration,
     .meaning = "Time from the canary batch to the first batch of the rest (fixed); required "
                "for canary.",
     .zero = Zero::kAllowed},
    {.key = "detection",
     .type = kLaw,
     .meaning = "Time from the due time of a bad deploy to the verdict \"bad\" (not the "
                "component's detection); required when bad_probability is above 0.",
     .zero = Zero::kAllowed},
    {.key = "rollback",
     .type = kLaw,
     .meaning = "Time from the verdict to the rollback's end, when every broken instance comes "
                "back; required when bad_probability is above 0.",
     .zero = Zero::kAllowed},
    {.key = "restart",
     .type = kLaw,
     .meaning = "How long each instance a deploy reaches, good or bad, is out.",
     .default_json = "0",
     .zero = Zero::kAllowed},
});

// Rolling and canary need batch_interval, canary its fraction and bake, and a deploy that can
// be bad needs its detection and rollback. Keys of another strategy are allowed (kept, unused).
constexpr std::string_view kDeploysRules = R"({
  "allOf": [
    {"if": {"required": ["strategy"], "properties": {"strategy": {"enum": ["rolling", "canary"]}}},
     "then": {"required": ["batch_interval"]}},
    {"if": {"required": ["strategy"], "properties": {"strategy": {"const": "canary"}}},
     "then": {"required": ["canary_fraction", "bake"]}},
    {"if": {"required": ["bad_probability"],
            "properties": {"bad_probability": {"exclusiveMinimum": 0}}},
     "then": {"required": ["detection", "rollback"]}}
  ]
})";

constexpr auto kCrewRows = std::to_array<KeyRow>({
    {.key = "id",
     .type = kId,
     .meaning = "Unique among crews, and different from every other id.",
     .required = true},
    {.key = "size",
     .type = kInteger,
     .meaning = "Number of repairers.",
     .default_json = "1",
     .min = 1,
     .max = kMaxInstances},
    {.key = "cost", .type = kNonNegativeReal, .meaning = "Cost per member per month."},
});

// ---- Zones and regions ---------------------------------------------------------------------

constexpr auto kZoneRows = std::to_array<KeyRow>({
    {.key = "id",
     .type = kId,
     .meaning = "Unique among zones, different from every other id.",
     .required = true},
    {.key = "region", .type = kId, .meaning = "The region the zone is in."},
    {.key = "description", .type = kString, .meaning = "Free text.", .default_json = R"("")"},
    {.key = "failure",
     .type = kLaw,
     .meaning = R"(Time to failure of the zone. Exactly one of "failure" and "mtbf".)"},
    {.key = "mtbf", .type = kDuration, .meaning = "Shorthand for an exponential failure law."},
    {.key = "repair",
     .type = kLaw,
     .meaning = R"(Time to recover. Exactly one of "repair" and "mttr".)"},
    {.key = "mttr", .type = kDuration, .meaning = "Shorthand for an exponential repair law."},
    {.key = "cost", .type = kNonNegativeReal, .meaning = "Cost per month of the zone."},
});

constexpr auto kRegionRows = std::to_array<KeyRow>({
    {.key = "id",
     .type = kId,
     .meaning = "Unique among regions, different from every other id.",
     .required = true},
    {.key = "description", .type = kString, .meaning = "Free text.", .default_json = R"("")"},
    {.key = "failure",
     .type = kLaw,
     .meaning = R"(Time to failure of the region. Exactly one of "failure" and "mtbf".)"},
    {.key = "mtbf", .type = kDuration, .meaning = "Shorthand for an exponential failure law."},
    {.key = "repair",
     .type = kLaw,
     .meaning = R"(Time to recover. Exactly one of "repair" and "mttr".)"},
    {.key = "mttr", .type = kDuration, .meaning = "Shorthand for an exponential repair law."},
    {.key = "cost", .type = kNonNegativeReal, .meaning = "Cost per month of the region."},
});

constexpr auto kDomainGroups =
    std::to_array<KeyGroup>({{.keys = kFailurePair}, {.keys = kRepairPair}});

// ---- Dependencies and failover -------------------------------------------------------------

constexpr std::array<std::string_view, 2> kRoutings{"failover", "all"};
constexpr std::array<std::string_view, 3> kDependencyModes{"hard", "soft", "cache"};
constexpr auto kDependencyRows = std::to_array<KeyRow>({
    {.key = "from", .type = kId, .meaning = "The component that depends.", .required = true},
    {.key = "to",
     .type = kIdOrIdList,
     .meaning = "What it depends on: a component id or a non-empty list of ids; a list item "
                R"(may be an object {"id", "calls", "retries", "circuit_breaker"} with its own )"
                "traffic settings.",
     .required = true},
    {.key = "min_up",
     .type = kInteger,
     .meaning = "Required with a list, an error with a single id: how many of the listed "
                "components must be up.",
     .min = 1,
     .max = kMaxInstances},
    {.key = "failover",
     .type = kObject,
     .meaning = R"(Only on a list with "min_up" 1: moving between the alternatives takes time.)",
     .table = &kFailoverKeys},
    {.key = "calls",
     .type = kPositiveReal,
     .meaning = "Calls to each target per request the caller processes (scales demand only). "
                "Needs a top-level load.",
     .default_json = "1"},
    {.key = "retries",
     .type = kInteger,
     .meaning = "Retries of a failed call, 0 to 100. Needs a top-level load.",
     .default_json = "0",
     .min = 0,
     .max = kMaxRetries},
    {.key = "routing",
     .type = kEnum,
     .meaning = R"(Lists only: "failover" tries the targets in list order (needs "min_up" 1), )"
                R"("all" calls every one and needs "min_up" successes; default "failover" when )"
                R"("min_up" is 1, else "all". Needs a top-level load.)",
     .choices = kRoutings},
    {.key = "mode",
     .type = kEnum,
     .meaning = R"("hard": the caller fails with the row; "soft": a share impact of the row's )"
                R"(failures fails it; "cache": a cache answers hit_ratio of the calls while )"
                R"(valid. A key of another mode is an error. Needs a top-level load.)",
     .default_json = R"("hard")",
     .choices = kDependencyModes},
    {.key = "impact",
     .type = kUnitInterval,
     .meaning = R"(Soft (required): the share of the row's failed calls that fail the caller.)"},
    {.key = "hit_ratio",
     .type = kHalfOpenUnit,
     .meaning = "Cache (required): the share of calls the cache answers while valid, in [0, 1)."},
    {.key = "stale_if_error",
     .type = kDuration,
     .meaning = "Cache (required): how long the cache outlives a failing target before it "
                "expires (fixed, >= 0).",
     .zero = Zero::kAllowed},
    {.key = "warmup",
     .type = kDuration,
     .meaning = "Cache: how long the target must stay healthy to refill an expired cache "
                "(fixed, >= 0).",
     .default_json = R"("10m")",
     .zero = Zero::kAllowed},
    {.key = "stale_below",
     .type = kFraction,
     .meaning = "Cache: the stale clock runs while the target's success is below this, in "
                "(0, 1]; default load.outage_below."},
    {.key = "circuit_breaker",
     .type = kObject,
     .meaning = "Stops calling a target whose success falls below a threshold, for a while "
                "(flow mode, not implemented yet: run refuses it).",
     .table = &kCircuitBreakerKeys},
});

// min_up comes with a list and only with one; failover only with min_up 1, and so does
// routing "failover"; routing only with a list.
constexpr std::string_view kDependencyRules = R"({
  "allOf": [
    {"if": {"required": ["to"], "properties": {"to": {"type": "array"}}},
     "then": {"required": ["min_up"]},
     "else": {"not": {"anyOf": [{"required": ["min_up"]}, {"required": ["failover"]},
                                {"required": ["routing"]}]}}},
    {"if": {"required": ["failover"]},
     "then": {"required": ["min_up"], "properties": {"min_up": {"const": 1}}}},
    {"if": {"required": ["routing"], "properties": {"routing": {"const": "failover"}}},
     "then": {"required": ["min_up"], "properties": {"min_up": {"const": 1}}}},
    {"if": {"required": ["routing"], "properties": {"routing": {"const": "all"}}},
     "then": {"not": {"required": ["failover"]}}},
    {"if": {"required": ["mode"], "properties": {"mode": {"const": "soft"}}},
     "then": {"required": ["impact"]},
     "else": {"not": {"required": ["impact"]}}},
    {"if": {"required": ["mode"], "properties": {"mode": {"const": "cache"}}},
     "then": {"required": ["hit_ratio", "stale_if_error"]},
     "else": {"not": {"anyOf": [{"required": ["hit_ratio"]}, {"required": ["stale_if_error"]},
                                {"required": ["warmup"]}, {"required": ["stale_below"]}]}}}
  ]
})";

constexpr auto kDependencyTargetRows = std::to_array<KeyRow>({
    {.key = "id", .type = kId, .meaning = "The target component.", .required = true},
    {.key = "calls",
     .type = kPositiveReal,
     .meaning = "This target's own calls per request (else the row's). Needs a top-level load."},
    {.key = "retries",
     .type = kInteger,
     .meaning = "This target's own retries, 0 to 100 (else the row's). Needs a top-level load.",
     .min = 0,
     .max = kMaxRetries},
    {.key = "circuit_breaker",
     .type = kObject,
     .meaning = "This target's own circuit breaker (else the row's). Needs a top-level load.",
     .table = &kCircuitBreakerKeys},
});

constexpr std::array<std::string_view, 2> kFailbacks{"automatic", "manual"};
constexpr auto kFailoverRows = std::to_array<KeyRow>({
    {.key = "time",
     .type = kLaw,
     .meaning = "How long one failover attempt takes.",
     .required = true},
    {.key = "success",
     .type = kUnitInterval,
     .meaning = "Probability that an attempt succeeds; a failed one is followed by another.",
     .default_json = "1"},
    {.key = "failback",
     .type = kEnum,
     .meaning = "Whether the dependency moves back to an earlier target once it is up again.",
     .default_json = R"("automatic")",
     .choices = kFailbacks},
});

// ---- Fault injection and scenarios ---------------------------------------------------------

constexpr auto kInjectionRows = std::to_array<KeyRow>({
    {.key = "at",
     .type = kDuration,
     .meaning = "When the fault happens (a fixed time, not a law).",
     .required = true,
     .zero = Zero::kAllowed},
    {.key = "component", .type = kId, .meaning = "The component that fails."},
    {.key = "zone", .type = kId, .meaning = "The zone that fails."},
    {.key = "region", .type = kId, .meaning = "The region that fails."},
    {.key = "instances",
     .type = kInteger,
     .meaning = "How many instances of the component fail (at most its instances).",
     .default_json = "1",
     .min = 1,
     .max = kMaxInstances,
     .only_with = "component"},
    {.key = "for",
     .type = kDuration,
     .meaning = "Hold the target down (blocked) for this long; without it, it fails and is "
                "repaired as usual."},
});

constexpr std::array<std::string_view, 3> kTargets{"component", "zone", "region"};
constexpr auto kInjectionGroups = std::to_array<KeyGroup>({{.keys = kTargets}});

constexpr auto kScenarioRows = std::to_array<KeyRow>({
    {.key = "name",
     .type = kNonEmptyString,
     .meaning = "Unique among the scenarios; names it on the command line and in reports.",
     .required = true},
    {.key = "set",
     .type = kOverrides,
     .meaning = R"(Override keys as --set takes them ("db.instances", "db.repair.median") and )"
                "their JSON values.",
     .required = true},
});

// ---- Distributions -------------------------------------------------------------------------

constexpr KeyRow type_row(std::string_view meaning) {
  return {.key = "type", .type = kLawType, .meaning = meaning, .required = true};
}

constexpr auto kExponentialRows = std::to_array<KeyRow>({
    type_row("Memoryless: f(t) = e^(-t/mean) / mean."),
    {.key = "mean",
     .type = kDuration,
     .meaning = "The mean.",
     .required = true,
     .zero_from_law = true},
});

constexpr auto kWeibullRows = std::to_array<KeyRow>({
    type_row("F(t) = 1 - exp(-(t/scale)^shape); mean = scale * Gamma(1 + 1/shape)."),
    {.key = "shape",
     .type = kPositiveReal,
     .meaning = "k: below 1 infant mortality, 1 exponential, above 1 wear-out.",
     .required = true},
    {.key = "scale", .type = kDuration, .meaning = "lambda. Exactly one of scale and mean."},
    {.key = "mean", .type = kDuration, .meaning = "The mean; scale = mean / Gamma(1 + 1/shape)."},
});

constexpr std::array<std::string_view, 2> kScaleOrMean{"scale", "mean"};
constexpr auto kScaleGroups = std::to_array<KeyGroup>({{.keys = kScaleOrMean}});

constexpr auto kLognormalRows = std::to_array<KeyRow>({
    type_row("ln T ~ Normal(mu, sigma^2), T in hours; typical for repair times."),
    {.key = "median",
     .type = kDuration,
     .meaning = "The median: mu = ln median. Exactly one of median, mean and mu."},
    {.key = "mean", .type = kDuration, .meaning = "The mean: mu = ln mean - sigma^2 / 2."},
    {.key = "mu", .type = kNumber, .meaning = "mu directly (log-hours)."},
    {.key = "sigma",
     .type = kPositiveReal,
     .meaning = "sigma of the underlying normal.",
     .required = true},
});

constexpr std::array<std::string_view, 3> kLocations{"median", "mean", "mu"};
constexpr auto kLognormalGroups = std::to_array<KeyGroup>({{.keys = kLocations}});

constexpr auto kNormalRows = std::to_array<KeyRow>({
    type_row("Normal(mean, stddev^2) truncated at 0 by drawing again."),
    {.key = "mean", .type = kDuration, .meaning = "m, above 0.", .required = true},
    {.key = "stddev", .type = kDuration, .meaning = "s, above 0.", .required = true},
});

constexpr auto kGammaRows = std::to_array<KeyRow>({
    type_row("Gamma(shape, scale); mean = shape * scale."),
    {.key = "shape", .type = kPositiveReal, .meaning = "k.", .required = true},
    {.key = "scale", .type = kDuration, .meaning = "theta. Exactly one of scale and mean."},
    {.key = "mean", .type = kDuration, .meaning = "The mean: scale = mean / shape."},
});

constexpr auto kUniformRows = std::to_array<KeyRow>({
    type_row("Uniform on [min, max]."),
    {.key = "min",
     .type = kDuration,
     .meaning = "The lower end (at most max).",
     .required = true,
     .zero = Zero::kAllowed},
    {.key = "max", .type = kDuration, .meaning = "The upper end.", .required = true},
});

constexpr auto kFixedRows = std::to_array<KeyRow>({
    type_row("Always the same duration."),
    {.key = "value",
     .type = kDuration,
     .meaning = "The duration (above 0 for failure and repair).",
     .required = true,
     .zero_from_law = true},
});

constexpr auto kEmpiricalRows = std::to_array<KeyRow>({
    type_row("Each draw picks one of the samples with equal probability."),
    {.key = "samples",
     .type = kDurationList,
     .meaning = "Durations, e.g. repair times from an incident log.",
     .required = true,
     .zero_from_law = true},
});

constexpr auto kObjectTables = std::to_array<const KeyTable*>(
    {&kModelKeys, &kComponentKeys, &kOverloadKeys, &kStandbyKeys, &kDeploysKeys, &kCrewKeys,
     &kZoneKeys, &kRegionKeys, &kDependencyKeys, &kFailoverKeys, &kDependencyTargetKeys,
     &kCircuitBreakerKeys, &kInjectionKeys, &kLoadKeys, &kLoadProfileKeys, &kSpikeKeys,
     &kJourneyKeys, &kScenarioKeys});

constexpr auto kLawTables =
    std::to_array<const KeyTable*>({&kExponentialKeys, &kWeibullKeys, &kLognormalKeys, &kNormalKeys,
                                    &kGammaKeys, &kUniformKeys, &kFixedKeys, &kEmpiricalKeys});

}  // namespace

const KeyTable kModelKeys{.name = "model",
                          .what = "model",
                          .meaning = "A nines availability model (docs/model-format.md).",
                          .rows = kModelRows,
                          .rules_json = kModelRules};
const KeyTable kComponentKeys{.name = "component",
                              .what = "component",
                              .meaning = "A pool of identical instances.",
                              .rows = kComponentRows,
                              .groups = kComponentGroups};
const KeyTable kStandbyKeys{.name = "standby",
                            .what = "standby",
                            .meaning = "How the instances beyond min_up are used.",
                            .rows = kStandbyRows,
                            .rules_json = kStandbyRules};
const KeyTable kDeploysKeys{.name = "deploys",
                            .what = "deploy schedule",
                            .meaning =
                                "Scheduled deploys of a component, or maintenance "
                                "windows (deploys that are never bad).",
                            .rows = kDeploysRows,
                            .rules_json = kDeploysRules};
const KeyTable kCrewKeys{
    .name = "crew", .what = "crew", .meaning = "A limited repair team.", .rows = kCrewRows};
const KeyTable kZoneKeys{.name = "zone",
                         .what = "zone",
                         .meaning = "A failure domain (availability zone, rack).",
                         .rows = kZoneRows,
                         .groups = kDomainGroups};
const KeyTable kRegionKeys{.name = "region",
                           .what = "region",
                           .meaning = "A failure domain holding zones.",
                           .rows = kRegionRows,
                           .groups = kDomainGroups};
const KeyTable kDependencyKeys{.name = "dependency",
                               .what = "dependency",
                               .meaning = "A component needs another, or k of a list.",
                               .rows = kDependencyRows,
                               .rules_json = kDependencyRules};
const KeyTable kFailoverKeys{.name = "failover",
                             .what = "failover",
                             .meaning = "Timed failover between the alternatives of a list.",
                             .rows = kFailoverRows};
const KeyTable kDependencyTargetKeys{.name = "dependency_target",
                                     .what = "dependency target",
                                     .meaning = "A list target with its own traffic settings.",
                                     .rows = kDependencyTargetRows};
const KeyTable kInjectionKeys{.name = "injection",
                              .what = "fault injection",
                              .meaning = "A scheduled fault of a component, zone or region.",
                              .rows = kInjectionRows,
                              .groups = kInjectionGroups};
const KeyTable kScenarioKeys{.name = "scenario",
                             .what = "scenario",
                             .meaning = "A named what-if: overrides of the base model.",
                             .rows = kScenarioRows};

const KeyTable kExponentialKeys{.name = "exponential_law",
                                .what = "exponential law",
                                .meaning = "An exponential law.",
                                .rows = kExponentialRows,
                                .law_type = "exponential"};
const KeyTable kWeibullKeys{.name = "weibull_law",
                            .what = "weibull law",
                            .meaning = "A Weibull law.",
                            .rows = kWeibullRows,
                            .groups = kScaleGroups,
                            .law_type = "weibull"};
const KeyTable kLognormalKeys{.name = "lognormal_law",
                              .what = "lognormal law",
                              .meaning = "A lognormal law.",
                              .rows = kLognormalRows,
                              .groups = kLognormalGroups,
                              .law_type = "lognormal"};
const KeyTable kNormalKeys{.name = "normal_law",
                           .what = "normal law",
                           .meaning = "A normal law truncated at 0.",
                           .rows = kNormalRows,
                           .law_type = "normal"};
const KeyTable kGammaKeys{.name = "gamma_law",
                          .what = "gamma law",
                          .meaning = "A gamma law.",
                          .rows = kGammaRows,
                          .groups = kScaleGroups,
                          .law_type = "gamma"};
const KeyTable kUniformKeys{.name = "uniform_law",
                            .what = "uniform law",
                            .meaning = "A uniform law.",
                            .rows = kUniformRows,
                            .law_type = "uniform"};
const KeyTable kFixedKeys{.name = "fixed_law",
                          .what = "fixed law",
                          .meaning = "A fixed duration.",
                          .rows = kFixedRows,
                          .law_type = "fixed"};
const KeyTable kEmpiricalKeys{.name = "empirical_law",
                              .what = "empirical law",
                              .meaning = "An empirical law: one of the samples at random.",
                              .rows = kEmpiricalRows,
                              .law_type = "empirical"};

std::span<const KeyTable* const> object_tables() { return kObjectTables; }
std::span<const KeyTable* const> law_tables() { return kLawTables; }

}  // namespace nines::models::detail
