// Parses the duration laws of model files: every type, every parameterisation, unknown keys.
#include "distribution_parser.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "key_table.hpp"

namespace nines::models::detail {
namespace {

constexpr std::string_view kTypes =
    "exponential, weibull, lognormal, normal, gamma, uniform, fixed or empirical";

/// Exactly one of two alternative keys (e.g. "scale" or "mean"); fails if both or neither.
JsonNode one_of(const JsonNode& node, std::string_view a, std::string_view b) {
  auto first = node.find(a);
  auto second = node.find(b);
  if (first && second) {
    second->fail_without_value("give either " + quote(a) + " or " + quote(b) + ", not both");
  }
  if (!first && !second) {
    node.fail_without_value("missing " + quote(a) + " or " + quote(b));
  }
  return first ? *first : *second;
}

/// Fails at `where` unless `value` is a finite positive number (a derived parameter).
void check_derived(const JsonNode& where, double value, std::string_view what) {
  if (!std::isfinite(value) || !(value > 0.0)) {
    where.fail("gives a " + std::string(what) + " that is not a finite positive number");
  }
}

Distribution parse_weibull(const JsonNode& node) {
  node.expect_object_with_keys(kWeibullKeys);
  const double shape = node.require("shape").as_positive_number();
  const JsonNode size = one_of(node, "scale", "mean");
  const double hours = size.as_duration(Zero::kForbidden);
  if (size.pointer() == node.pointer_of("scale")) return Weibull{shape, hours};
  const double scale = hours / std::tgamma(1.0 + 1.0 / shape);
  check_derived(size, scale, "scale");
  return Weibull{shape, scale};
}

Distribution parse_lognormal(const JsonNode& node) {
  node.expect_object_with_keys(kLognormalKeys);
  const double sigma = node.require("sigma", "of the underlying normal").as_positive_number();
  auto median = node.find("median");
  auto mean = node.find("mean");
  auto mu = node.find("mu");
  const int given = (median ? 1 : 0) + (mean ? 1 : 0) + (mu ? 1 : 0);
  if (given == 0) node.fail_without_value(R"(missing "median", "mean" or "mu")");
  if (given > 1) {
    (mu ? *mu : *mean).fail_without_value(R"(give only one of "median", "mean" and "mu")");
  }
  if (mu) return Lognormal{mu->as_number(), sigma};
  if (median) return Lognormal{std::log(median->as_duration(Zero::kForbidden)), sigma};
  const double location = std::log(mean->as_duration(Zero::kForbidden)) - 0.5 * sigma * sigma;
  check_derived(*mean, std::exp(location), "median");
  return Lognormal{location, sigma};
}

Distribution parse_object(const JsonNode& node, Zero zero) {
  const JsonNode type_node = node.require("type", std::string(kTypes).insert(0, "the law: "));
  if (!type_node.value().is_string()) type_node.fail("must be a string: " + std::string(kTypes));
  const std::string type = type_node.value().get<std::string>();
  if (type == "exponential") {
    node.expect_object_with_keys(kExponentialKeys);
    return Exponential{node.require("mean").as_duration(zero)};
  }
  if (type == "weibull") return parse_weibull(node);
  if (type == "lognormal") return parse_lognormal(node);
  if (type == "normal") {
    node.expect_object_with_keys(kNormalKeys);
    const double mean = node.require("mean").as_duration(Zero::kForbidden);
    return Normal{mean, node.require("stddev").as_duration(Zero::kForbidden)};
  }
  if (type == "gamma") {
    node.expect_object_with_keys(kGammaKeys);
    const double shape = node.require("shape").as_positive_number();
    const JsonNode size = one_of(node, "scale", "mean");
    const double hours = size.as_duration(Zero::kForbidden);
    if (size.pointer() == node.pointer_of("scale")) return Gamma{shape, hours};
    check_derived(size, hours / shape, "scale");
    return Gamma{shape, hours / shape};
  }
  if (type == "uniform") {
    node.expect_object_with_keys(kUniformKeys);
    const double min = node.require("min").as_duration(Zero::kAllowed);
    const JsonNode max_node = node.require("max");
    const double max = max_node.as_duration(Zero::kForbidden);
    if (max < min) max_node.fail(R"(must be at least "min")");
    return Uniform{min, max};
  }
  if (type == "fixed") {
    node.expect_object_with_keys(kFixedKeys);
    return Fixed{node.require("value").as_duration(zero)};
  }
  if (type == "empirical") {
    node.expect_object_with_keys(kEmpiricalKeys);
    const JsonNode samples = node.require("samples");
    if (!samples.value().is_array() || samples.value().empty()) {
      samples.fail("must be a non-empty list of durations");
    }
    Empirical law;
    law.samples_hours.reserve(samples.value().size());
    for (std::size_t i = 0; i < samples.value().size(); ++i) {
      law.samples_hours.push_back(samples.at(i).as_duration(Zero::kAllowed));
    }
    return law;
  }
  std::vector<std::string> names;
  for (const KeyTable* table : law_tables()) names.emplace_back(table->law_type);
  std::string problem = "unknown distribution type";
  std::string nearest = nearest_name(type, names);
  if (!nearest.empty()) problem += " (did you mean " + quote(nearest) + "?)";
  type_node.fail(problem + "; known types: " + list_names(names));
}

}  // namespace

Distribution parse_distribution(const JsonNode& node, Zero zero) {
  if (!node.value().is_object()) {
    if (!node.value().is_number() && !node.value().is_string()) {
      node.fail("must be a duration (the mean of an exponential law) or an object with \"type\"");
    }
    const double mean = node.as_duration(zero);
    if (mean == 0.0) return Fixed{0.0};
    return Exponential{mean};
  }
  Distribution law = parse_object(node, zero);
  if (zero == Zero::kForbidden && !(mean_hours(law) > 0.0)) {
    node.fail("must have a positive mean");
  }
  if (!std::isfinite(mean_hours(law))) node.fail("must have a finite mean");
  return law;
}

}  // namespace nines::models::detail
