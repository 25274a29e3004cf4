// Checks the traffic keys of components and dependency rows (docs/traffic.md): each needs a
// top-level load; list-only keys and routing rules; with a load, one row per pair of components.
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

/// The first traffic key of row `d` (its pointer and value), or an empty pointer.
std::pair<std::string, std::string> first_traffic_key(const Dependency& row, std::size_t d) {
  const std::string at = "/dependencies/" + std::to_string(d);
  if (row.calls) return {at + "/calls", number(*row.calls)};
  if (row.retries) return {at + "/retries", std::to_string(*row.retries)};
  if (row.routing) {
    return {at + "/routing", *row.routing == Routing::kFailover ? R"("failover")" : R"("all")"};
  }
  for (std::size_t i = 0; i < row.target_traffic.size(); ++i) {
    const TargetTraffic& t = row.target_traffic[i];
    const std::string target = at + "/to/" + std::to_string(i);
    if (t.calls) return {target + "/calls", number(*t.calls)};
    if (t.retries) return {target + "/retries", std::to_string(*t.retries)};
  }
  return {};
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
  }
}

}  // namespace

void check_traffic(const Model& model, const Reporter& reporter) {
  for (std::size_t c = 0; c < model.components.size(); ++c) {
    const auto& capacity = model.components[c].capacity_rps;
    if (!capacity) continue;
    const std::string pointer = "/components/" + std::to_string(c) + "/capacity_rps";
    if (!(std::isfinite(*capacity) && *capacity > 0.0)) {
      reporter.fail(pointer, "must be a positive number", number(*capacity));
    }
    if (!model.load) reporter.fail(pointer, kNeedsLoad);
  }
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> pairs;
  for (std::size_t d = 0; d < model.dependencies.size(); ++d) {
    const Dependency& row = model.dependencies[d];
    // A row without traffic keys builds no string: models without them pay a few loads per row.
    if (row.calls || row.retries || row.routing || !row.target_traffic.empty()) {
      check_row(row, d, reporter);
      const std::string pointer = first_traffic_key(row, d).first;
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
