// Names of the objectives and the `KEY OP VALUE` grammar of --constraint.
#include "nines/planner/plan_criteria.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace nines::planner {

namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::string_view objective_name(Objective objective) {
  switch (objective) {
    case Objective::kAvailability:
      return "availability";
    case Objective::kSla:
      return "sla";
    case Objective::kWindow:
      return "window";
  }
  return "availability";
}

Objective parse_objective(std::string_view name) {
  for (const Objective o : {Objective::kAvailability, Objective::kSla, Objective::kWindow}) {
    if (objective_name(o) == name) return o;
  }
  throw std::invalid_argument("must be availability, sla or window; got \"" + std::string(name) +
                              "\"");
}

Constraint parse_constraint(std::string_view text) {
  // Two-character operators first, so "<=" is not read as "<" followed by "=4".
  static constexpr std::array<std::pair<std::string_view, Comparison>, 4> kOperators = {{
      {"<=", Comparison::kLessOrEqual},
      {">=", Comparison::kGreaterOrEqual},
      {"<", Comparison::kLess},
      {">", Comparison::kGreater},
  }};
  Constraint c;
  c.text = trimmed(text);
  std::size_t at = std::string_view::npos;
  std::size_t length = 0;
  for (const auto& [op, comparison] : kOperators) {
    const auto found = text.find(op);
    if (found != std::string_view::npos && (at == std::string_view::npos || found < at)) {
      at = found;
      length = op.size();
      c.comparison = comparison;
    }
  }
  if (at == std::string_view::npos) {
    throw std::invalid_argument("must be 'KEY OP VALUE' with OP one of <=, <, >=, >; got \"" +
                                std::string(text) + "\"");
  }
  const std::string key = trimmed(text.substr(0, at));
  const std::string value = trimmed(text.substr(at + length));
  if (key.empty()) {
    throw std::invalid_argument("names no KEY before the operator; got \"" + std::string(text) +
                                "\"");
  }
  if (value.empty() || value.find_first_of("<>=") != std::string::npos) {
    throw std::invalid_argument("must be 'KEY OP VALUE' with OP one of <=, <, >=, >; got \"" +
                                std::string(text) + "\"");
  }
  std::size_t used = 0;
  double number = 0.0;
  try {
    number = std::stod(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != value.size() || !std::isfinite(number)) {
    throw std::invalid_argument("VALUE must be a finite number; got \"" + value + "\"");
  }
  c.value = number;
  std::size_t start = 0;
  while (true) {
    const auto dot = key.find('.', start);
    const std::string segment = key.substr(start, dot == std::string::npos ? dot : dot - start);
    if (segment.empty()) {
      throw std::invalid_argument("KEY has an empty segment; got \"" + key + "\"");
    }
    c.path.push_back(segment);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return c;
}

std::optional<double> parse_level(const std::string& text) {
  std::string number = text;
  double scale = 1.0;
  if (!number.empty() && number.back() == '%') {
    number.pop_back();
    // "99.999e-2" reads as the decimal 0.99999 rounded once; 99.999 * 0.01 would round twice.
    if (number.find_first_of("eE") == std::string::npos) {
      number += "e-2";
    } else {
      scale = 0.01;
    }
  }
  if (number.empty() || number.front() == 'e') return std::nullopt;
  std::size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(number, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != number.size()) return std::nullopt;
  value *= scale;
  if (!(value > 0.0 && value < 1.0)) return std::nullopt;
  return value;
}

}  // namespace nines::planner
