// Parses the top level of a model file: run settings, crews, zones, components, dependencies,
// fault injections.
#include "model_parser.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "component_parser.hpp"
#include "distribution_parser.hpp"
#include "injection_parser.hpp"
#include "key_table.hpp"
#include "load_parser.hpp"
#include "scenario_parser.hpp"
#include "zone_parser.hpp"

namespace nines::models::detail {
namespace {

Crew parse_crew(const JsonNode& node) {
  node.expect_object_with_keys(kCrewKeys);
  Crew crew;
  crew.id = node.require("id").as_id();
  if (auto size = node.find("size")) crew.size = size->as_integer(1, kMaxInstances);
  if (auto cost = node.find("cost")) crew.cost = cost->as_non_negative_number();
  return crew;
}

Failback parse_failback(const JsonNode& node) {
  const std::string mode = node.as_string();
  if (mode == "automatic") return Failback::kAutomatic;
  if (mode == "manual") return Failback::kManual;
  node.fail(R"(must be "automatic" or "manual")");
}

Failover parse_failover(const JsonNode& node) {
  node.expect_object_with_keys(kFailoverKeys);
  Failover failover;
  failover.time = parse_distribution(
      node.require("time", "the failover's duration (a law with a mean above 0)"),
      Zero::kForbidden);
  if (auto success = node.find("success")) failover.success = success->as_probability();
  if (auto failback = node.find("failback")) failover.failback = parse_failback(*failback);
  return failover;
}

Routing parse_routing(const JsonNode& node) {
  const std::string routing = node.as_string();
  if (routing == "failover") return Routing::kFailover;
  if (routing == "all") return Routing::kAll;
  node.fail(R"(must be "failover" or "all")");
}

DependencyMode parse_dependency_mode(const JsonNode& node) {
  const std::string mode = node.value().is_string() ? node.as_string() : std::string();
  if (mode == "hard") return DependencyMode::kHard;
  if (mode == "soft") return DependencyMode::kSoft;
  if (mode == "cache") return DependencyMode::kCache;
  node.fail(R"(must be "hard", "soft" or "cache")");
}

CircuitBreaker parse_circuit_breaker(const JsonNode& node) {
  node.expect_object_with_keys(kCircuitBreakerKeys);
  CircuitBreaker breaker;
  breaker.threshold =
      node.require("threshold", "the target success below which it opens, a number in (0, 1]")
          .as_fraction();
  breaker.open_for_hours =
      node.require("open_for", "how long it stays open, a fixed duration above 0")
          .as_duration(Zero::kForbidden);
  return breaker;
}

double parse_hit_ratio(const JsonNode& node) {
  constexpr std::string_view kRule = "must be a number in [0, 1)";
  if (!node.value().is_number()) node.fail(kRule);
  const double x = node.value().get<double>();
  if (!(x >= 0.0 && x < 1.0)) node.fail(kRule);
  return x;
}

/// `mode` and the keys of each mode; which keys go with which mode is validation's rule.
void parse_mode_keys(const JsonNode& node, Dependency& dependency) {
  if (auto mode = node.find("mode")) dependency.mode = parse_dependency_mode(*mode);
  if (auto impact = node.find("impact")) dependency.impact = impact->as_probability();
  if (auto hit_ratio = node.find("hit_ratio")) dependency.hit_ratio = parse_hit_ratio(*hit_ratio);
  if (auto stale = node.find("stale_if_error")) {
    dependency.stale_if_error_hours = stale->as_duration(Zero::kAllowed);
  }
  if (auto warmup = node.find("warmup")) {
    dependency.warmup_hours = warmup->as_duration(Zero::kAllowed);
  }
  if (auto below = node.find("stale_below")) dependency.stale_below = below->as_fraction();
  if (auto breaker = node.find("circuit_breaker")) {
    dependency.circuit_breaker = parse_circuit_breaker(*breaker);
  }
}

double parse_calls(const JsonNode& node) { return node.as_positive_number(); }
std::int64_t parse_retries(const JsonNode& node) { return node.as_integer(0, kMaxRetries); }

/// A list target: an id, or {"id", "calls", "retries", "circuit_breaker"} with its own traffic
/// settings.
std::string parse_target_id(const JsonNode& node, TargetTraffic& traffic) {
  if (!node.value().is_object()) return node.as_id();
  node.expect_object_with_keys(kDependencyTargetKeys);
  std::string id = node.require("id", "the id of the target component").as_id();
  if (auto calls = node.find("calls")) traffic.calls = parse_calls(*calls);
  if (auto retries = node.find("retries")) traffic.retries = parse_retries(*retries);
  if (auto breaker = node.find("circuit_breaker")) {
    traffic.circuit_breaker = parse_circuit_breaker(*breaker);
  }
  return id;
}

Dependency parse_dependency(const JsonNode& node) {
  node.expect_object_with_keys(kDependencyKeys);
  Dependency dependency;
  dependency.from = node.require("from", "the id of the component that depends").as_id();
  const JsonNode to = node.require("to", "a component id or a list of component ids");
  auto min_up = node.find("min_up");
  if (to.value().is_array()) {
    if (to.value().empty()) to.fail("must be a component id or a non-empty list of ids");
    dependency.is_list = true;
    std::vector<TargetTraffic> traffic(to.value().size());
    bool any = false;
    for (std::size_t i = 0; i < to.value().size(); ++i) {
      dependency.to.push_back(parse_target_id(to.at(i), traffic[i]));
      any = any || !traffic[i].empty();
    }
    if (any) dependency.target_traffic = std::move(traffic);
    if (!min_up) {
      node.fail_without_value(
          R"(missing "min_up": with a list in "to", say how many of the listed components )"
          R"(must be up)");
    }
    const auto count = static_cast<std::int64_t>(dependency.to.size());
    dependency.min_up = min_up->as_integer(1, count, list_min_up_rule(dependency.to.size()));
  } else {
    if (!to.value().is_string()) to.fail("must be a component id or a non-empty list of ids");
    dependency.to.push_back(to.as_id());
    if (min_up) {
      min_up->fail_without_value(R"(only allowed when "to" is a list of component ids)");
    }
  }
  if (auto failover = node.find("failover")) {
    if (!dependency.is_list || dependency.min_up != 1) {
      failover->fail_without_value(
          R"(only allowed on a list dependency with "min_up" 1 (it moves between alternatives))");
    }
    dependency.failover = parse_failover(*failover);
  }
  if (auto calls = node.find("calls")) dependency.calls = parse_calls(*calls);
  if (auto retries = node.find("retries")) dependency.retries = parse_retries(*retries);
  if (auto routing = node.find("routing")) dependency.routing = parse_routing(*routing);
  parse_mode_keys(node, dependency);
  return dependency;
}

template <typename Item, typename Parse>
std::vector<Item> parse_list(const JsonNode& node, Parse parse) {
  node.expect_array();
  std::vector<Item> items;
  items.reserve(node.value().size());
  for (std::size_t i = 0; i < node.value().size(); ++i) items.push_back(parse(node.at(i)));
  return items;
}

}  // namespace

double parse_target(const JsonNode& node) {
  double target = 0.0;
  if (node.value().is_number()) {
    target = node.value().get<double>();
  } else if (node.value().is_string()) {
    const auto& text = node.value().get_ref<const std::string&>();
    if (text.empty() || text.back() != '%') node.fail(kTargetRule);
    double percent = 0.0;
    const char* last = text.data() + text.size() - 1;
    auto [end, error] = std::from_chars(text.data(), last, percent);
    if (error != std::errc{} || end != last) node.fail(kTargetRule);
    target = percent / 100.0;
  } else {
    node.fail(kTargetRule);
  }
  if (!std::isfinite(target) || !(target > 0.0 && target <= 1.0)) node.fail(kTargetRule);
  return target;
}

Model build_model(const JsonNode& root) {
  root.expect_object_with_keys(kModelKeys);
  Model model;
  if (auto schema = root.find("$schema")) {
    if (!schema->value().is_string()) schema->fail(kSchemaRule);
    model.schema = schema->as_string();
  }
  if (auto name = root.find("name")) model.name = name->as_string();
  if (auto description = root.find("description")) model.description = description->as_string();
  if (auto horizon = root.find("horizon")) {
    model.horizon_hours = horizon->as_duration(Zero::kForbidden);
    if (model.horizon_hours > kMaxHorizonHours) horizon->fail(kHorizonRule);
  }
  if (auto replications = root.find("replications")) {
    model.replications = replications->as_integer(1, kMaxReplications);
  }
  if (auto seed = root.find("seed")) model.seed = seed->as_unsigned();
  if (auto target = root.find("target")) model.target = parse_target(*target);
  if (auto currency = root.find("currency")) {
    if (!currency->value().is_string() || currency->value().empty()) currency->fail(kCurrencyRule);
    model.currency = currency->as_string();
  }
  if (auto entry = root.find("entry")) model.entry = entry->as_id();
  if (auto crews = root.find("crews")) model.crews = parse_list<Crew>(*crews, parse_crew);
  if (auto regions = root.find("regions")) {
    model.regions = parse_list<Region>(*regions, parse_region);
  }
  if (auto zones = root.find("zones")) model.zones = parse_list<Zone>(*zones, parse_zone);
  const JsonNode components =
      root.require("components", "a non-empty list of components is required");
  if (!components.value().is_array() || components.value().empty()) {
    components.fail("must be a non-empty list of components");
  }
  model.components = parse_list<Component>(components, parse_component);
  if (auto dependencies = root.find("dependencies")) {
    model.dependencies = parse_list<Dependency>(*dependencies, parse_dependency);
  }
  if (auto inject = root.find("inject")) {
    model.inject = parse_list<Injection>(*inject, parse_injection);
  }
  if (auto load = root.find("load")) {
    model.load = parse_load(*load);
    auto entry = root.find("entry");
    if (entry && !model.load->journeys.empty()) {
      entry->fail(R"(not allowed beside "load.journeys" (each journey names its own entry); )"
                  R"(remove one of them)");
    }
  }
  if (auto scenarios = root.find("scenarios")) model.scenarios = parse_scenarios(*scenarios);
  return model;
}

}  // namespace nines::models::detail
