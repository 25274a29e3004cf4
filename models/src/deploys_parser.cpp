// Parses a component's deploy schedule: its keys, their ranges and the keys each strategy needs.
#include "deploys_parser.hpp"

#include <string>

#include "component_parser.hpp"
#include "distribution_parser.hpp"
#include "key_table.hpp"

namespace nines::models::detail {

std::string_view strategy_name(DeployStrategy strategy) {
  switch (strategy) {
    case DeployStrategy::kAllAtOnce:
      return "all-at-once";
    case DeployStrategy::kRolling:
      return "rolling";
    case DeployStrategy::kCanary:
      return "canary";
  }
  return "all-at-once";
}

std::string missing_deploy_key(const Deploys& deploys, std::string_view key) {
  const bool batches = deploys.strategy != DeployStrategy::kAllAtOnce;
  const bool canary = deploys.strategy == DeployStrategy::kCanary;
  const std::string needs =
      R"("strategy": ")" + std::string(strategy_name(deploys.strategy)) + R"(" needs it)";
  const std::string can_be_bad = R"(needed when "bad_probability" is above 0)";
  std::string why;
  if (key == "batch_interval" && batches && !deploys.batch_interval_hours) {
    why = "the time between batches; " + needs;
  } else if (key == "canary_fraction" && canary && !deploys.canary_fraction) {
    why = "the share of the instances in the canary batch; " + needs;
  } else if (key == "bake" && canary && !deploys.bake_hours) {
    why = "the time from the canary batch to the first batch of the rest; " + needs;
  } else if (key == "detection" && deploys.bad_probability > 0.0 && !deploys.detection) {
    why = "the time from a bad deploy's due time to the verdict \"bad\"; " + can_be_bad;
  } else if (key == "rollback" && deploys.bad_probability > 0.0 && !deploys.rollback) {
    why = "the time from the verdict to the rollback's end; " + can_be_bad;
  }
  if (why.empty()) return {};
  return "missing " + quote(key) + " (" + why + ")";
}

namespace {

DeployStrategy parse_strategy(const JsonNode& node) {
  if (node.value().is_string()) {
    const auto& text = node.value().get_ref<const std::string&>();
    for (auto strategy :
         {DeployStrategy::kAllAtOnce, DeployStrategy::kRolling, DeployStrategy::kCanary}) {
      if (text == strategy_name(strategy)) return strategy;
    }
    const std::string nearest = nearest_name(text, {"all-at-once", "rolling", "canary"});
    if (!nearest.empty()) {
      node.fail(std::string(kStrategyRule) + " (did you mean " + quote(nearest) + "?)");
    }
  }
  node.fail(kStrategyRule);
}

double parse_fraction(const JsonNode& node) {
  if (!node.value().is_number()) node.fail(kCanaryFractionRule);
  const double x = node.value().get<double>();
  if (!(x > 0.0 && x <= 1.0)) node.fail(kCanaryFractionRule);
  return x;
}

}  // namespace

Deploys parse_deploys(const JsonNode& node) {
  node.expect_object_with_keys(kDeploysKeys);
  Deploys deploys;
  // Every key given is checked, whether its strategy uses it or not, so that switching
  // `strategy` alone (a scenario, a what-if) never makes a file invalid.
  deploys.period_hours = node.require("period", R"(the time between deploys, like "1w")")
                             .as_duration(Zero::kForbidden);
  if (auto first_at = node.find("first_at")) {
    deploys.first_at_hours = first_at->as_duration(Zero::kAllowed);
  }
  deploys.bad_probability =
      node.require("bad_probability",
                   "the probability that a deploy is bad; 0 for maintenance windows")
          .as_probability();
  if (auto strategy = node.find("strategy")) deploys.strategy = parse_strategy(*strategy);
  if (auto batch = node.find("batch")) deploys.batch = batch->as_integer(1, kMaxInstances);
  if (auto interval = node.find("batch_interval")) {
    deploys.batch_interval_hours = interval->as_duration(Zero::kForbidden);
  }
  if (auto fraction = node.find("canary_fraction")) {
    deploys.canary_fraction = parse_fraction(*fraction);
  }
  if (auto bake = node.find("bake")) deploys.bake_hours = bake->as_duration(Zero::kAllowed);
  if (auto detection = node.find("detection")) {
    deploys.detection = parse_distribution(*detection, Zero::kAllowed);
  }
  if (auto rollback = node.find("rollback")) {
    deploys.rollback = parse_distribution(*rollback, Zero::kAllowed);
  }
  if (auto restart = node.find("restart")) {
    deploys.restart = parse_distribution(*restart, Zero::kAllowed);
  }
  for (std::string_view key :
       {"batch_interval", "canary_fraction", "bake", "detection", "rollback"}) {
    const std::string missing = missing_deploy_key(deploys, key);
    if (!missing.empty()) node.fail_without_value(missing);
  }
  return deploys;
}

}  // namespace nines::models::detail
