// What a design costs per month, as the run, analyze and comparison reports show it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "nines/models/model.hpp"

namespace nines::report {

/// The monthly cost of a model and its currency (docs/model-format.md#cost).
struct DesignCost {
  /// Model::cost_per_month(): empty when nothing in the model has a cost.
  std::optional<double> per_month;
  std::string currency = std::string(models::kDefaultCurrency);

  friend bool operator==(const DesignCost&, const DesignCost&) = default;
};

DesignCost design_cost(const models::Model& model);

/// An amount with thousands separators, whole when it is whole to the cent ("2,150",
/// "1,234.50"), signed when `sign` ("+120", "-35.25"); "-" when not finite.
std::string format_amount(double amount, bool sign = false);

/// "2,150 EUR", or "-" without a cost.
std::string cost_text(const DesignCost& cost);

/// "Cost 2,150 EUR per month", or "" without a cost.
std::string cost_line(const DesignCost& cost);

/// Sets "cost_per_month" (a number or null) and "currency" in a result document.
void add_cost(nlohmann::json& document, const DesignCost& cost);

}  // namespace nines::report
