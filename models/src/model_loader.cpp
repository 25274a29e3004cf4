// load_model and parse_model: file reading, JSON syntax errors, overrides, building, validation.
#include "nines/models/model_loader.hpp"

#include <cerrno>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "duplicate_keys.hpp"
#include "model_parser.hpp"
#include "nines/models/error.hpp"
#include "nines/models/scenario.hpp"
#include "overrides.hpp"
#include "scenario_applier.hpp"
#include "validation.hpp"

namespace nines::models {
namespace {

using nlohmann::json;

/// Deeper nesting than this is no model; the limit also keeps recursive JSON code safe.
constexpr std::size_t kMaxDepth = 64;

std::string read_text(const std::filesystem::path& path, const std::string& file) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw ModelError(format_error(file, "", "cannot read the model: it is a directory"));
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason =
        errno != 0 ? std::generic_category().message(errno) : std::string("cannot open");
    throw ModelError(format_error(file, "", "cannot read the model: " + reason));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ModelError(format_error(file, "", "cannot read the model: read error"));
  return std::move(text).str();
}

/// The part of a nlohmann parse error after its "[json.exception...] ... column N: " prefix.
std::string describe_parse_error(const std::string& what) {
  std::string description = what;
  const auto column = description.find("column ");
  if (column != std::string::npos) {
    const auto colon = description.find(": ", column);
    if (colon != std::string::npos) description = description.substr(colon + 2);
  }
  const auto dash = description.find(" - ");
  if (description.starts_with("syntax error") && dash != std::string::npos) {
    description = description.substr(dash + 3);
  }
  return description;
}

json parse_text(const std::string& text, const std::string& file) {
  try {
    detail::KeyScan scan;
    json document = detail::parse_finding_duplicate_keys(text, scan);
    if (!scan.out_of_range_text.empty()) {
      throw ModelError(format_error(file, scan.out_of_range,
                                    "number out of range (beyond the 1.8e308 of a double)",
                                    scan.out_of_range_text));
    }
    if (!scan.duplicate.empty()) {
      throw ModelError(format_error(
          file, scan.duplicate,
          "given twice in one object (JSON would keep only the last); give each key once"));
    }
    return document;
  } catch (const json::parse_error& e) {
    // e.byte counts the characters read, the offending one included.
    const std::size_t offset = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    const std::size_t column = offset - line_start + 1;
    throw ModelError(
        format_error(file, "line " + std::to_string(line) + ", column " + std::to_string(column),
                     "not valid JSON: " + describe_parse_error(e.what())));
  }
}

/// Fails when `document` nests deeper than kMaxDepth (iteratively: no recursion on input).
void check_depth(const json& document, const detail::Reporter& reporter) {
  std::vector<std::pair<const json*, std::size_t>> stack{{&document, 1}};
  while (!stack.empty()) {
    auto [value, depth] = stack.back();
    stack.pop_back();
    if (!value->is_structured()) continue;
    if (depth > kMaxDepth) {
      reporter.fail("", "the document nests deeper than " + std::to_string(kMaxDepth) +
                            " levels; no model needs that");
    }
    for (const auto& child : *value) stack.emplace_back(&child, depth + 1);
  }
}

/// The model of `edited` (a document after its overrides), validated.
LoadedModel build_checked(const json& edited, const detail::Reporter& reporter) {
  check_depth(edited, reporter);
  LoadedModel loaded;
  loaded.model = detail::build_model(detail::JsonNode(reporter, edited, ""));
  loaded.warnings = detail::validate(loaded.model, reporter);
  return loaded;
}

/// The model of `document` with the scenario at `index` set, then `overrides` (so they win, as
/// `nines run --scenario S --set K=V` promises), validated.
LoadedModel build_scenario(const json& document, const std::vector<Scenario>& scenarios,
                           std::size_t index, const std::vector<std::string>& overrides,
                           const std::string& file) {
  json edited = document;
  auto scenario_origins = detail::apply_scenario_keys(edited, scenarios[index], index, file);
  auto origins = detail::apply_overrides(edited, overrides, file);
  // The overrides were set last, so they are the first to answer for a value.
  origins.insert(origins.end(), scenario_origins.begin(), scenario_origins.end());
  const detail::Reporter reporter(file, std::move(origins),
                                  detail::scenario_label(scenarios[index], index));
  return build_checked(edited, reporter);
}

}  // namespace

LoadedModel load_model(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                       std::string_view scenario) {
  const std::string name = file.string();
  return parse_model(parse_text(read_text(file, name), name), name, overrides, scenario);
}

LoadedModel parse_model(const json& document, std::string_view file,
                        const std::vector<std::string>& overrides, std::string_view scenario) {
  try {
    const detail::Reporter plain{std::string(file)};
    check_depth(document, plain);
    if (!document.is_object()) {
      plain.fail_showing("", "a model must be a JSON object with a \"components\" list", document);
    }
    // The base as asked: the file with the overrides (not built when a scenario is asked for).
    std::optional<LoadedModel> base;
    if (scenario.empty()) {
      json edited = document;
      auto origins = detail::apply_overrides(edited, overrides, file);
      base = build_checked(edited, detail::Reporter(std::string(file), std::move(origins)));
    }
    if (!document.contains("scenarios")) {
      if (base) return std::move(*base);
      throw UsageError(unknown_scenario_problem(Model{}, scenario, file));
    }
    // Scenarios belong to the file, so each is checked against the file as written (which must
    // then be valid itself) whatever the overrides: a bad one fails `nines validate`, and no
    // --set of a run can make an unrelated scenario fail it.
    const Model as_written =
        base && overrides.empty() ? base->model : build_checked(document, plain).model;
    const auto& scenarios = as_written.scenarios;
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      build_scenario(document, scenarios, i, {}, plain.file());
      if (scenarios[i].name == scenario) chosen = i;
    }
    if (base) return std::move(*base);
    if (!chosen) throw UsageError(unknown_scenario_problem(as_written, scenario, file));
    return build_scenario(document, scenarios, *chosen, overrides, plain.file());
  } catch (const json::exception& e) {
    // Our checks come first, so this is a bug; still, report it as a model error, not a crash.
    throw ModelError(format_error(file, "", std::string("unexpected JSON error: ") + e.what()));
  }
}

}  // namespace nines::models
