// Checks the traffic keys of components and dependency rows (docs/traffic.md): each needs a
// top-level load; overload and shedding need a capacity; list-only keys and routing rules; the
// keys of each dependency mode; with a load, one row per pair of components.
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "key_table.hpp"
#include "validation.hpp"

namespace nines::models::detail {
namespace {

constexpr std::string_view kNeedsLoad = "a traffic key, which needs a top-level load";

std::string number(double x) { return show(nlohmann::json(x)); }

void check_calls(const Reporter& reporter, const std::string& pointer,
                 const std::optional<double>& calls) {
  if (calls && !(std::isfinite(*calls) && *calls > 0.0)) {
    reporter.fail(pointer, "must be a positive number", number(*calls));
  }
}

void check_retries(const Reporter& reporter, const std::string& pointer,
                   const std::optional<std::int64_t>& retries) {
  if (retries && (*retries < 0 || *retries > kMaxRetries)) {
    reporter.fail(pointer, "must be an integer from 0 to " + std::to_string(kMaxRetries),
                  std::to_string(*retries));
  }
}

std::string mode_name(DependencyMode mode) {
  switch (mode) {
    case DependencyMode::kHard:
      return R"("hard")";
    case DependencyMode::kSoft:
      return R"("soft")";
    case DependencyMode::kCache:
      return R"("cache")";
  }
  return {};
}

bool has_traffic_keys(const Dependency& row) {
  return row.calls || row.retries || row.routing || !row.target_traffic.empty() || row.mode ||
         row.impact || row.hit_ratio || row.stale_if_error_hours || row.warmup_hours ||
         row.stale_below || row.circuit_breaker;
}

/// The pointer of the first traffic key of row `d`, or an empty one.
std::string first_traffic_key(const Dependency& row, std::size_t d) {
  const std::string at = "/dependencies/" + std::to_string(d);
  const std::pair<bool, const char*> keys[] = {
      {row.calls.has_value(), "calls"},
      {row.retries.has_value(), "retries"},
      {row.routing.has_value(), "routing"},
      {row.mode.has_value(), "mode"},
      {row.impact.has_value(), "impact"},
      {row.hit_ratio.has_value(), "hit_ratio"},
      {row.stale_if_error_hours.has_value(), "stale_if_error"},
      {row.warmup_hours.has_value(), "warmup"},
      {row.stale_below.has_value(), "stale_below"},
      {row.circuit_breaker.has_value(), "circuit_breaker"}};
  for (const auto& [given, key] : keys) {
    if (given) return at + "/" + key;
  }
  for (std::size_t i = 0; i < row.target_traffic.size(); ++i) {
    const TargetTraffic& t = row.target_traffic[i];
    const std::string target = at + "/to/" + std::to_string(i);
    if (t.calls) return target + "/calls";
    if (t.retries) return target + "/retries";
    if (t.circuit_breaker) return target + "/circuit_breaker";
  }
  return {};
}

void check_breaker(const Reporter& reporter, const std::string& pointer,
                   const std::optional<CircuitBreaker>& breaker) {
  if (!breaker) return;
  if (!(breaker->threshold > 0.0 && breaker->threshold <= 1.0)) {
    reporter.fail(pointer + "/threshold", kFractionRule, number(breaker->threshold));
  }
  if (!(std::isfinite(breaker->open_for_hours) && breaker->open_for_hours > 0.0)) {
    reporter.fail(pointer + "/open_for", kPositiveDuration, number(breaker->open_for_hours));
  }
}

/// `impact` only with soft (and required there), the cache keys only with cache (hit_ratio and
/// stale_if_error required there), each in its range.
void check_mode_keys(const Dependency& row, const std::string& at, const Reporter& reporter) {
  const DependencyMode mode = row.mode_or_default();
  const std::string other = " (this row's mode is " + mode_name(mode) + ")";
  if (mode == DependencyMode::kSoft && !row.impact) {
    reporter.fail(at, R"(missing "impact": "mode": "soft" needs the share of the row's failed )"
                      R"(calls that fail the caller, a number in [0, 1])");
  }
  if (row.impact && mode != DependencyMode::kSoft) {
    reporter.fail(at + "/impact", R"(only allowed with "mode": "soft")" + other);
  }
  if (row.impact && !(*row.impact >= 0.0 && *row.impact <= 1.0)) {
    reporter.fail(at + "/impact", kProbability, number(*row.impact));
  }
  if (mode == DependencyMode::kCache) {
    if (!row.hit_ratio) {
      reporter.fail(at, R"(missing "hit_ratio": "mode": "cache" needs the share of calls the )"
                        R"(cache answers while valid, a number in [0, 1))");
    }
    if (!row.stale_if_error_hours) {
      reporter.fail(at, R"(missing "stale_if_error": "mode": "cache" needs how long the cache )"
                        R"(outlives a failing target, a fixed duration >= 0)");
    }
  } else {
    const std::pair<bool, const char*> cache_keys[] = {
        {row.hit_ratio.has_value(), "hit_ratio"},
        {row.stale_if_error_hours.has_value(), "stale_if_error"},
        {row.warmup_hours.has_value(), "warmup"},
        {row.stale_below.has_value(), "stale_below"}};
    for (const auto& [given, key] : cache_keys) {
      if (given) reporter.fail(at + "/" + key, R"(only allowed with "mode": "cache")" + other);
    }
  }
  if (row.hit_ratio && !(*row.hit_ratio >= 0.0 && *row.hit_ratio < 1.0)) {
    reporter.fail(at + "/hit_ratio", "must be a number in [0, 1)", number(*row.hit_ratio));
  }
  for (const auto& [hours, key] :
       {std::pair{row.stale_if_error_hours, "stale_if_error"}, {row.warmup_hours, "warmup"}}) {
    if (hours && !(std::isfinite(*hours) && *hours >= 0.0)) {
      reporter.fail(at + "/" + key, kNonNegativeDuration, number(*hours));
    }
  }
  if (row.stale_below && !(*row.stale_below > 0.0 && *row.stale_below <= 1.0)) {
    reporter.fail(at + "/stale_below", kFractionRule, number(*row.stale_below));
  }
}

void check_row(const Dependency& row, std::size_t d, const Reporter& reporter) {
  const std::string at = "/dependencies/" + std::to_string(d);
  check_calls(reporter, at + "/calls", row.calls);
  check_retries(reporter, at + "/retries", row.retries);
  if (row.routing && !row.is_list) {
    reporter.fail(at + "/routing", R"(only allowed when "to" is a list of component ids)",
                  *row.routing == Routing::kFailover ? R"("failover")" : R"("all")");
  }
  if (row.routing == Routing::kFailover && row.min_up != 1) {
    reporter.fail(at + "/routing",
                  R"("failover" tries one target after another, so it needs "min_up" 1; )"
                  R"(use "all" for a quorum)",
                  std::string(R"("failover" with min_up )") + std::to_string(row.min_up));
  }
  if (row.routing == Routing::kAll && row.failover) {
    reporter.fail(at + "/routing",
                  R"("all" calls every target, which a timed "failover" (one target at a time) )"
                  R"(contradicts; remove one of them)",
                  R"("all")");
  }
  if (!row.target_traffic.empty() && row.target_traffic.size() != row.to.size()) {
    reporter.fail(at + "/to", "has settings for a different number of targets",
                  std::to_string(row.target_traffic.size()) + " settings for " +
                      std::to_string(row.to.size()) + " targets");
  }
  for (std::size_t i = 0; i < row.target_traffic.size(); ++i) {
    const std::string target = at + "/to/" + std::to_string(i);
    check_calls(reporter, target + "/calls", row.target_traffic[i].calls);
    check_retries(reporter, target + "/retries", row.target_traffic[i].retries);
    check_breaker(reporter, target + "/circuit_breaker", row.target_traffic[i].circuit_breaker);
  }
  check_mode_keys(row, at, reporter);
  check_breaker(reporter, at + "/circuit_breaker", row.circuit_breaker);
}

/// `capacity_rps`, `overload` and `load_shedding` of component `c`.
void check_component(const Model& model, std::size_t c, const Reporter& reporter) {
  const Component& component = model.components[c];
  const std::string at = "/components/" + std::to_string(c);
  if (const auto& capacity = component.capacity_rps) {
    if (!(std::isfinite(*capacity) && *capacity > 0.0)) {
      reporter.fail(at + "/capacity_rps", "must be a positive number", number(*capacity));
    }
    if (!model.load) reporter.fail(at + "/capacity_rps", kNeedsLoad);
  }
  if (component.overload) {
    if (!model.load) reporter.fail(at + "/overload", kNeedsLoad);
    check_law(reporter, at + "/overload/crash_after", component.overload->crash_after, false);
    check_law(reporter, at + "/overload/restart", component.overload->restart, false);
    if (!component.capacity_rps) {
      reporter.fail(at + "/overload",
                    R"(needs "capacity_rps" on the same component (an overload is demand above )"
                    R"(capacity))");
    }
  }
  if (component.load_shedding) {
    const std::string value = *component.load_shedding ? "true" : "false";
    if (!model.load) reporter.fail(at + "/load_shedding", kNeedsLoad, value);
    if (!component.capacity_rps) {
      reporter.fail(at + "/load_shedding",
                    R"(needs "capacity_rps" on the same component (it sheds the demand above )"
                    R"(capacity))",
                    value);
    }
  }
}

}  // namespace

void check_traffic(const Model& model, const Reporter& reporter) {
  for (std::size_t c = 0; c < model.components.size(); ++c) check_component(model, c, reporter);
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> pairs;
  for (std::size_t d = 0; d < model.dependencies.size(); ++d) {
    const Dependency& row = model.dependencies[d];
    // A row without traffic keys builds no string: models without them pay a few loads per row.
    if (has_traffic_keys(row)) {
      check_row(row, d, reporter);
      const std::string pointer = first_traffic_key(row, d);
      if (!model.load && !pointer.empty()) reporter.fail(pointer, kNeedsLoad);
    }
    if (!model.load) continue;
    // With a load the flow adds the demand of every row into a target: two rows between the
    // same components would count one edge twice (issue 11, section 2).
    for (std::size_t i = 0; i < row.to.size(); ++i) {
      const auto [it, fresh] =
          pairs.emplace(std::pair{std::string_view(row.from), std::string_view(row.to[i])}, d);
      if (fresh) continue;
      const std::string pointer =
          "/dependencies/" + std::to_string(d) + (row.is_list ? "/to/" + std::to_string(i) : "/to");
      reporter.fail(pointer,
                    "joins " + quote(row.from) + " to " + quote(row.to[i]) +
                        " again (/dependencies/" + std::to_string(it->second) +
                        " already does); with a load, two components are joined by at most one "
                        "row (use \"calls\")",
                    quote(row.to[i]));
    }
  }
}

}  // namespace nines::models::detail
