// The monthly cost of a design in text and JSON.
#include "nines/report/design_cost.hpp"

#include <cmath>
#include <cstdint>

#include "nines/report/human_format.hpp"
#include "report_layout.hpp"

namespace nines::report {

DesignCost design_cost(const models::Model& model) {
  return {model.cost_per_month(), model.currency};
}

std::string format_amount(double amount, bool sign) {
  if (!std::isfinite(amount)) return "-";
  const double cents = std::round(std::abs(amount) * 100.0);
  const auto whole = static_cast<std::uint64_t>(cents / 100.0);
  const auto rest = static_cast<int>(cents - static_cast<double>(whole) * 100.0);
  std::string text = format_count(whole);
  if (rest != 0) text += (rest < 10 ? ".0" : ".") + std::to_string(rest);
  if (cents == 0.0) return sign ? "0" : text;
  if (amount < 0.0) return "-" + text;
  return sign ? "+" + text : text;
}

std::string cost_text(const DesignCost& cost) {
  if (!cost.per_month) return "-";
  return format_amount(*cost.per_month) + " " + cost.currency;
}

std::string cost_line(const DesignCost& cost) {
  if (!cost.per_month) return "";
  return "Cost " + cost_text(cost) + " per month";
}

void add_cost(nlohmann::json& document, const DesignCost& cost) {
  document["cost_per_month"] = layout::optional_number(cost.per_month);
  document["currency"] = cost.currency;
}

}  // namespace nines::report
