// The keys of each kind of object in a model file, one row per key: read by the loader's
// unknown-key check, by `model_schema` and by the docs test.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "json_node.hpp"

namespace nines::models::detail {

/// The most retries a dependency row or target may ask for.
inline constexpr std::int64_t kMaxRetries = 100;

struct KeyTable;

/// What a key's value is; the schema states it, the parser checks it (with its own messages).
enum class ValueType {
  kString,            // any string
  kNonEmptyString,    // a non-empty string without control characters
  kId,                // [A-Za-z0-9_.-]+
  kIdList,            // a non-empty list of distinct ids
  kIdOrIdList,        // an id or a non-empty list of ids or dependency_target objects
  kPlacement,         // a non-empty object {id: integer in [min, max]}
  kInteger,           // an integer in [min, max]; an integral floating value counts
  kSeed,              // an integer in [0, 2^64 - 1]
  kBoolean,           // true or false
  kNumber,            // a finite number
  kPositiveReal,      // a finite number > 0
  kNonNegativeReal,   // a finite number >= 0
  kUnitInterval,      // a number in [0, 1]
  kFraction,          // a number in (0, 1] (a canary's share of the instances)
  kHalfOpenUnit,      // a number in [0, 1) (a cache's hit ratio)
  kBoundedReal,       // a finite number in [min, max]
  kMultiplierList,    // a list of finite numbers >= 0, at least one > 0 (a load profile)
  kTarget,            // a fraction in (0, 1] or a string "P%"
  kDuration,          // a fixed duration (a number of hours or a string with a unit)
  kDurationList,      // a non-empty list of durations
  kLaw,               // a distribution: a bare duration or an object with "type"
  kLawOrNever,        // a distribution or "never"
  kLawOrInspections,  // a distribution or {"inspection_every": D} (a component's undetected)
  kLawType,           // the "type" of a law: the table's law_type
  kEnum,              // one of `choices`
  kObject,            // an object of the kind `table`
  kList,              // a list of objects of the kind `table`
  kOverrides,         // a non-empty object of override keys and JSON values
  kUri,               // a string naming a JSON Schema
};

/// One key of an object kind. Rows are aggregates written with designated initialisers, so a
/// new key is one row.
struct KeyRow {
  std::string_view key;
  ValueType type = ValueType::kString;
  /// What the key means, for people (the schema's "description", editor tooltips).
  std::string_view meaning;
  /// The default as JSON text ("1000", R"("1y")"); empty when there is none or it is inferred.
  std::string_view default_json = {};
  bool required = false;
  /// Durations and laws: whether zero is allowed. With `zero_from_law`, a law parameter takes
  /// the zero rule of the law it is in (exponential `mean`, fixed `value`, empirical samples).
  Zero zero = Zero::kForbidden;
  bool zero_from_law = false;
  /// kInteger, kBoundedReal and kPlacement: the range; kDuration: `max` hours when above 0;
  /// kMultiplierList: how many values when above 0.
  std::int64_t min = 0;
  std::int64_t max = 0;
  /// kObject and kList: the kind of the objects.
  const KeyTable* table = nullptr;
  /// kList, kIdList: whether the list must hold at least one item.
  bool non_empty = false;
  /// kEnum: the allowed strings.
  std::span<const std::string_view> choices = {};
  /// A key of failing, an error beside `"failure": "never"` (component only).
  bool failing_only = false;
  /// Only allowed when this other key is given (an injection's `instances` needs `component`).
  std::string_view only_with = {};
  /// Other words people write for this key, which did-you-mean suggests it for even when they
  /// are far from it in spelling (a deploy schedule's "every" means `period`).
  std::span<const std::string_view> also_called = {};
};

/// Keys of which exactly one (or at most one) must be given: `mtbf` / `failure`.
struct KeyGroup {
  std::span<const std::string_view> keys;
  bool exactly_one = true;
};

/// The keys of one kind of object.
struct KeyTable {
  /// Names the kind in the schema's `$defs` ("component", "weibull_law").
  std::string_view name;
  /// Names the kind in messages ("known keys of a weibull law: ...").
  std::string_view what;
  std::string_view meaning;
  std::span<const KeyRow> rows;
  std::span<const KeyGroup> groups = {};
  /// Law tables: the value of their "type" key ("weibull"); empty for the other kinds.
  std::string_view law_type = {};
  /// Rules across keys that the schema can state, as JSON Schema text merged into the kind's
  /// schema (standby modes, list dependencies); the loader checks them with its own messages.
  std::string_view rules_json = {};

  /// The row of `key`, or nullptr.
  const KeyRow* find(std::string_view key) const;
  /// The key that `word` is another name for (its row's `also_called`), or "".
  std::string_view key_also_called(std::string_view word) const;
};

extern const KeyTable kModelKeys;
extern const KeyTable kComponentKeys;
extern const KeyTable kStandbyKeys;
extern const KeyTable kDeploysKeys;
extern const KeyTable kCrewKeys;
extern const KeyTable kZoneKeys;
extern const KeyTable kRegionKeys;
extern const KeyTable kDependencyKeys;
extern const KeyTable kFailoverKeys;
extern const KeyTable kDependencyTargetKeys;
extern const KeyTable kInjectionKeys;
extern const KeyTable kLoadKeys;
extern const KeyTable kLoadProfileKeys;
extern const KeyTable kSpikeKeys;
extern const KeyTable kJourneyKeys;
extern const KeyTable kOverloadKeys;
extern const KeyTable kCircuitBreakerKeys;
extern const KeyTable kScenarioKeys;

extern const KeyTable kExponentialKeys;
extern const KeyTable kWeibullKeys;
extern const KeyTable kLognormalKeys;
extern const KeyTable kNormalKeys;
extern const KeyTable kGammaKeys;
extern const KeyTable kUniformKeys;
extern const KeyTable kFixedKeys;
extern const KeyTable kEmpiricalKeys;

/// Every object kind but the laws, the model first.
std::span<const KeyTable* const> object_tables();
/// The law kinds, in the order of docs/model-format.md#distributions.
std::span<const KeyTable* const> law_tables();

}  // namespace nines::models::detail
