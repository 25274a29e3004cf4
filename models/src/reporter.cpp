// Message building for the loader and the validator: one format, abbreviated values, suggestions.
#include "reporter.hpp"

#include <algorithm>
#include <utility>

#include "nines/models/error.hpp"

namespace nines::models::detail {
namespace {

constexpr std::size_t kMaxShown = 60;

bool under(std::string_view pointer, std::string_view prefix) {
  if (pointer == prefix) return true;
  return pointer.size() > prefix.size() && pointer.substr(0, prefix.size()) == prefix &&
         pointer[prefix.size()] == '/';
}

std::string dump_scalar(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Appends `value` to `out` without recursing deeper than `depth` levels.
void show_into(const nlohmann::json& value, int depth, std::string& out) {
  if (out.size() > kMaxShown) return;
  if (value.is_array()) {
    if (value.empty()) {
      out += "[]";
    } else if (depth == 0) {
      out += "[...]";
    } else {
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        show_into(item, depth - 1, out);
        if (out.size() > kMaxShown) return;
      }
      out += ']';
    }
  } else if (value.is_object()) {
    if (value.empty()) {
      out += "{}";
    } else if (depth == 0) {
      out += "{...}";
    } else {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out += ',';
        first = false;
        out += dump_scalar(nlohmann::json(key));
        out += ':';
        show_into(item, depth - 1, out);
        if (out.size() > kMaxShown) return;
      }
      out += '}';
    }
  } else {
    out += dump_scalar(value);
  }
}

/// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
/// neighbours ("wbe" -> "web") each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * width] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                                   d[(i - 1) * width + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, d[(i - 2) * width + j - 2] + 1);
      }
      d[i * width + j] = best;
    }
  }
  return d[a.size() * width + b.size()];
}

}  // namespace

Reporter::Reporter(std::string file, std::vector<OverrideOrigin> origins,
                   std::optional<ScenarioLabel> scenario)
    : file_(std::move(file)), origins_(std::move(origins)), scenario_(std::move(scenario)) {}

void Reporter::fail(std::string_view pointer, std::string_view problem,
                    std::string_view got) const {
  const OverrideOrigin* origin = nullptr;
  for (const auto& candidate : origins_) {
    if (under(pointer, candidate.pointer)) {
      origin = &candidate;
      break;
    }
  }
  std::string at(pointer);
  std::string source;
  if (origin != nullptr && !origin->scenario_pointer.empty()) {
    // The user wrote this value under the scenario, not in the component: point there.
    at = origin->scenario_pointer + std::string(pointer.substr(origin->pointer.size()));
    source = "scenario " + quote(scenario_ ? scenario_->name : std::string());
  } else if (origin != nullptr) {
    source = "from override " + quote(origin->text);
    if (scenario_) source += ", scenario " + quote(scenario_->name);
  } else if (scenario_ && under(pointer, scenario_->pointer)) {
    source = "scenario " + quote(scenario_->name);
  } else if (scenario_) {
    // A cross-check the scenario broke (min_up against its new instances): the value is in the
    // base model, so say which scenario and where it is.
    source = "scenario " + quote(scenario_->name) + " at " + scenario_->pointer;
  }
  std::string message = format_error(file_, at, problem, got);
  if (!source.empty()) message += " (" + source + ")";
  throw ModelError(message);
}

void Reporter::fail_showing(std::string_view pointer, std::string_view problem,
                            const nlohmann::json& got) const {
  fail(pointer, problem, std::string_view(show(got)));
}

std::string Reporter::warning(std::string_view pointer, std::string_view problem) const {
  return format_error(file_, pointer, problem);
}

std::string show(const nlohmann::json& value) {
  std::string out;
  show_into(value, 2, out);
  if (out.size() > kMaxShown) {
    out.resize(kMaxShown);
    out += "...";
  }
  return out;
}

std::string quote(std::string_view text) { return dump_scalar(nlohmann::json(std::string(text))); }

std::string pointer_token(std::string_view key) {
  std::string token;
  for (char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

std::string nearest_name(std::string_view name, const std::vector<std::string>& known) {
  // Close enough to be a typo: a third of the letters wrong at most, and never all of them.
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, name.size() / 3) + 1;
  for (const auto& candidate : known) {
    const std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance && distance < name.size()) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (!best.empty() || name.size() < 3) return best;
  // Otherwise a known name that starts with this one ("min" -> "min_up").
  for (const auto& candidate : known) {
    if (candidate.starts_with(name)) return candidate;
  }
  return best;
}

std::string list_names(const std::vector<std::string>& names, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  if (names.size() > limit) out += " and " + std::to_string(names.size() - limit) + " more";
  return out;
}

std::string unknown_name_problem(std::string_view what, std::string_view name,
                                 const std::vector<std::string>& known) {
  std::string problem = "unknown " + std::string(what);
  if (known.empty()) return problem + "; the model defines no " + std::string(what) + "s";
  std::string nearest = nearest_name(name, known);
  if (!nearest.empty()) problem += " (did you mean " + quote(nearest) + "?)";
  problem += "; known " + std::string(what) + "s: " + list_names(known);
  return problem;
}

}  // namespace nines::models::detail
