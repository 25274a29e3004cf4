// The JSON result of `nines analyze` (documented in docs/analysis.md and docs/results-format.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "nines/analysis/system_analysis.hpp"
#include "nines/report/design_cost.hpp"

namespace nines::report {

/// The analysis as JSON: sorted keys, absent figures as null, non-finite numbers as null.
/// `cost` gives "cost_per_month" and "currency".
nlohmann::json analysis_to_json(const analysis::Analysis& result, const std::string& model_name,
                                const DesignCost& cost = {});

/// `analysis_to_json` serialised with two-space indentation and a final newline.
std::string analysis_json_text(const analysis::Analysis& result, const std::string& model_name,
                               const DesignCost& cost = {});

}  // namespace nines::report
