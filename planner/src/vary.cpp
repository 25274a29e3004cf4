// The --vary grammar: integer ranges, JSON arrays, comma lists.
#include "nines/planner/vary.hpp"

#include <charconv>
#include <stdexcept>

namespace nines::planner {

namespace {

nlohmann::json parse_or_null(std::string_view text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

/// A whole decimal integer (optional minus sign), or false.
bool parse_integer(std::string_view text, long long& out) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, out);
  return error == std::errc() && ptr == end;
}

std::vector<nlohmann::json> integer_range(std::string_view spec) {
  const auto first_dots = spec.find("..");
  const std::string_view from = spec.substr(0, first_dots);
  std::string_view rest = spec.substr(first_dots + 2);
  std::string_view to = rest;
  std::string_view step_text;
  if (const auto second = rest.find(".."); second != std::string_view::npos) {
    to = rest.substr(0, second);
    step_text = rest.substr(second + 2);
  }
  long long a = 0;
  long long b = 0;
  long long step = 1;
  const bool has_step = !step_text.empty() || rest.find("..") != std::string_view::npos;
  if (!parse_integer(from, a) || !parse_integer(to, b) ||
      (has_step && (!parse_integer(step_text, step) || step <= 0))) {
    throw std::invalid_argument(
        "SPEC \"" + std::string(spec) +
        "\" is no range: A..B or A..B..STEP takes integers, with STEP above 0 (or give a JSON "
        "array or v1,v2,...)");
  }
  if (a > b) {
    throw std::invalid_argument("empty range " + std::string(spec) +
                                " (the first bound is above the second)");
  }
  std::vector<nlohmann::json> values;
  for (long long v = a; v <= b; v += step) {
    values.emplace_back(v);
    if (values.size() > 1'000'000)
      throw std::invalid_argument("range " + std::string(spec) + " is too long");
  }
  return values;
}

}  // namespace

Vary parse_vary(std::string_view flag) {
  const auto equals = flag.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw std::invalid_argument(
        "must be KEY=SPEC, e.g. db.instances=1..3 or db.mttr=1h,2h,4h; got \"" + std::string(flag) +
        "\"");
  }
  Vary vary;
  vary.key = std::string(flag.substr(0, equals));
  const std::string_view spec = flag.substr(equals + 1);
  if (spec.empty()) {
    throw std::invalid_argument("\"" + vary.key + "=\" has no SPEC (e.g. " + vary.key + "=1..3)");
  }
  const nlohmann::json parsed = parse_or_null(spec);
  if (!parsed.is_discarded()) {
    if (parsed.is_array()) {
      if (parsed.empty()) throw std::invalid_argument("SPEC [] lists no value");
      vary.values.assign(parsed.begin(), parsed.end());
    } else {
      vary.values.push_back(parsed);
    }
    return vary;
  }
  if (spec.find("..") != std::string_view::npos) {
    vary.values = integer_range(spec);
    return vary;
  }
  std::size_t start = 0;
  while (start <= spec.size()) {
    const auto comma = spec.find(',', start);
    const std::string_view piece = spec.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (piece.empty()) {
      throw std::invalid_argument("SPEC \"" + std::string(spec) +
                                  "\" has an empty value between commas");
    }
    const nlohmann::json value = parse_or_null(piece);
    vary.values.push_back(value.is_discarded() ? nlohmann::json(std::string(piece)) : value);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return vary;
}

std::string value_text(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>()
                           : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string set_text(const std::string& key, const nlohmann::json& value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    // Bare when the loader would read it back as this string; quoted when it would read other
    // JSON ("3", "true") or nothing ("").
    if (!text.empty() && parse_or_null(text).is_discarded()) return key + "=" + text;
  }
  return key + "=" + value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace nines::planner
