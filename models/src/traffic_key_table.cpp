// The key tables of the traffic objects (issue 11, docs/traffic.md): the load, its profile,
// spikes and journeys, a component's overload and a dependency's circuit breaker.
#include <array>

#include "key_table.hpp"

namespace nines::models::detail {
namespace {

using enum ValueType;

// ---- Load, spikes and journeys
// ---------------------------------------------------------------------------------

constexpr std::array<std::string_view, 2> kSloBases{"time", "requests"};
constexpr auto kLoadRows = std::to_array<KeyRow>({
    {.key = "rps",
     .type = kPositiveReal,
     .meaning = "Mean requests per second that the profile multiplies.",
     .required = true},
    {.key = "profile",
     .type = kObject,
     .meaning = "How the load varies by hour (time 0 is Monday 00:00).",
     .default_json = R"({"type": "constant"})",
     .table = &kLoadProfileKeys},
    {.key = "limit_rps",
     .type = kPositiveReal,
     .meaning = "Requests per second the entry admits; the rest is rejected (flow mode, not "
                "implemented yet: run refuses it)."},
    {.key = "outage_below",
     .type = kFraction,
     .meaning = "The system is down while its served share is below this.",
     .default_json = "0.5"},
    {.key = "degraded_below",
     .type = kFraction,
     .meaning = "Degraded while the served share is below this; at least outage_below; "
                "default 0.99, or outage_below if higher."},
    {.key = "slo_basis",
     .type = kEnum,
     .meaning = "What sla, --window and --precision judge: time-based or request availability.",
     .default_json = R"("time")",
     .choices = kSloBases},
    {.key = "metastable_after",
     .type = kDuration,
     .meaning = "An episode whose recovery lasts longer than this is metastable.",
     .default_json = R"("1h")",
     .zero = Zero::kAllowed},
    {.key = "spikes",
     .type = kList,
     .meaning = "Sources of load spikes (or dips) that multiply the offered load while they "
                "run (flow mode, not implemented yet: run refuses them).",
     .default_json = "[]",
     .table = &kSpikeKeys},
    {.key = "journeys",
     .type = kList,
     .meaning = "User journeys, each sending its share of the load to its own entry; they "
                "replace the top-level entry (flow mode, not implemented yet: run refuses them).",
     .table = &kJourneyKeys,
     .non_empty = true},
});

constexpr std::array<std::string_view, 4> kProfileTypes{"constant", "diurnal", "hourly", "weekly"};
constexpr std::array<std::string_view, 24> kWholeHours{
    "00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00",
    "08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00",
    "16:00", "17:00", "18:00", "19:00", "20:00", "21:00", "22:00", "23:00"};
constexpr auto kLoadProfileRows = std::to_array<KeyRow>({
    {.key = "type",
     .type = kEnum,
     .meaning = "constant; diurnal (a cosine over the day); hourly (24 values); weekly (168 "
                "values from Monday 00:00).",
     .required = true,
     .choices = kProfileTypes},
    {.key = "peak_to_mean",
     .type = kBoundedReal,
     .meaning = "Diurnal: the cosine's peak over its mean, in [1, 2]; the highest whole hour "
                "is 1 + (peak_to_mean - 1) cos(pi/24).",
     .min = 1,
     .max = 2},
    {.key = "peak_at",
     .type = kEnum,
     .meaning = "Diurnal: the whole hour at which the cosine peaks.",
     .default_json = R"("14:00")",
     .choices = kWholeHours},
    {.key = "values",
     .type = kMultiplierList,
     .meaning = "Hourly: 24 multipliers of rps by hour of day; weekly: 168 by hour of the week "
                "(finite, >= 0, at least one > 0, not normalised)."},
});

// Each type takes its own keys only: diurnal needs peak_to_mean, hourly 24 values, weekly 168.
constexpr std::string_view kLoadProfileRules = R"({
  "allOf": [
    {"if": {"properties": {"type": {"const": "diurnal"}}},
     "then": {"required": ["peak_to_mean"], "not": {"required": ["values"]}},
     "else": {"not": {"anyOf": [{"required": ["peak_to_mean"]}, {"required": ["peak_at"]}]}}},
    {"if": {"properties": {"type": {"const": "constant"}}},
     "then": {"not": {"required": ["values"]}}},
    {"if": {"properties": {"type": {"const": "hourly"}}},
     "then": {"required": ["values"], "properties": {"values": {"minItems": 24, "maxItems": 24}}}},
    {"if": {"properties": {"type": {"const": "weekly"}}},
     "then": {"required": ["values"],
              "properties": {"values": {"minItems": 168, "maxItems": 168}}}}
  ]
})";

constexpr auto kSpikeRows = std::to_array<KeyRow>({
    {.key = "id",
     .type = kId,
     .meaning = "Names the source in traces and causes; unique among spikes (default #N, the "
                "N-th source from 0)."},
    {.key = "gap",
     .type = kLaw,
     .meaning = "Time from 0, and from the end of each spike, to the next spike (a bare "
                "duration is an exponential mean). Exactly one of gap and at."},
    {.key = "at",
     .type = kDurationList,
     .meaning = "Fixed start times of scheduled spikes (>= 0, any order, duplicates allowed; "
                "at or past the horizon ignored). Exactly one of gap and at.",
     .zero = Zero::kAllowed},
    {.key = "duration",
     .type = kLaw,
     .meaning = "How long a spike lasts (a law with a mean above 0).",
     .required = true},
    {.key = "multiplier",
     .type = kPositiveReal,
     .meaning = "Multiplies the offered load while the spike runs; below 1 a dip. Overlapping "
                "spikes multiply.",
     .required = true},
});

constexpr std::array<std::string_view, 2> kGapOrAt{"gap", "at"};
constexpr auto kSpikeGroups = std::to_array<KeyGroup>({{.keys = kGapOrAt}});

constexpr auto kJourneyRows = std::to_array<KeyRow>({
    {.key = "entry",
     .type = kId,
     .meaning = "The component this journey's requests reach.",
     .required = true},
    {.key = "share",
     .type = kFraction,
     .meaning = "Its share of the admitted load, above 0; the shares sum to 1.",
     .required = true},
});

// ---- A component's overload, a dependency's circuit breaker --------------------------------

constexpr auto kOverloadRows = std::to_array<KeyRow>({
    {.key = "crash_after",
     .type = kLaw,
     .meaning = "Time from the start of an overload (or of serving during one) to an "
                "instance's crash.",
     .required = true},
    {.key = "restart",
     .type = kLaw,
     .meaning = "Time from a crash to the instance serving again with a fresh life.",
     .required = true},
});

constexpr auto kCircuitBreakerRows = std::to_array<KeyRow>({
    {.key = "threshold",
     .type = kFraction,
     .meaning = "The breaker opens when its target's success falls below this, in (0, 1].",
     .required = true},
    {.key = "open_for",
     .type = kDuration,
     .meaning = "How long it stays open before it closes again (a fixed duration above 0).",
     .required = true},
});

}  // namespace

const KeyTable kLoadKeys{.name = "load",
                         .what = "load",
                         .meaning = "The traffic users send (docs/traffic.md).",
                         .rows = kLoadRows};
const KeyTable kLoadProfileKeys{.name = "load_profile",
                                .what = "load profile",
                                .meaning = "How the load varies by whole hour.",
                                .rows = kLoadProfileRows,
                                .rules_json = kLoadProfileRules};
const KeyTable kSpikeKeys{.name = "spike",
                          .what = "spike source",
                          .meaning = "A source of load spikes: random (gap) or scheduled (at).",
                          .rows = kSpikeRows,
                          .groups = kSpikeGroups};
const KeyTable kJourneyKeys{.name = "journey",
                            .what = "journey",
                            .meaning = "A user journey: a share of the load and its entry.",
                            .rows = kJourneyRows};
const KeyTable kOverloadKeys{.name = "overload",
                             .what = "component's overload",
                             .meaning = "Crashes of an overloaded component's instances.",
                             .rows = kOverloadRows};
const KeyTable kCircuitBreakerKeys{.name = "circuit_breaker",
                                   .what = "circuit breaker",
                                   .meaning = "Stops calling a failing target for a while.",
                                   .rows = kCircuitBreakerRows};

}  // namespace nines::models::detail
