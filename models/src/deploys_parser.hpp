// Reads a component's `deploys` (scheduled deploys or maintenance windows) from a model file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// The most deploys a component may have due before the horizon: the engine keys deploy k into
/// 20 bits of its streams' draw numbers.
inline constexpr std::int64_t kMaxDeploys = std::int64_t{1} << 20;

inline constexpr std::string_view kStrategyRule = R"(must be "all-at-once", "rolling" or "canary")";
inline constexpr std::string_view kCanaryFractionRule = "must be a fraction in (0, 1]";

/// How a strategy is spelled in files: "all-at-once", "rolling", "canary".
std::string_view strategy_name(DeployStrategy strategy);

/// Whether `deploys` needs `key` (a key of its strategy, or detection and rollback when it can
/// be bad) and does not have it: the problem "missing "key" (why)", else "". The loader and
/// validate_model give the same message.
std::string missing_deploy_key(const Deploys& deploys, std::string_view key);

/// The deploy schedule at `node` (a component's "deploys"): every key checked, those of other
/// strategies too (and kept); the keys of its strategy, and detection and rollback when
/// `bad_probability` > 0, required. The count of deploys over the horizon is validate_model's.
/// Throws ModelError.
Deploys parse_deploys(const JsonNode& node);

}  // namespace nines::models::detail
