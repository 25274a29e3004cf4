// Command-line overrides: what-if edits of a model file before it is validated. The resolution
// order of a key is documented in docs/model-format.md#overrides.
#include "overrides.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

#include "nines/models/error.hpp"

namespace nines::models::detail {
namespace {

using nlohmann::json;

/// Laws that may be written as a bare duration and so may need to become an object (a
/// component's, its standby's, its deploys' and its overload's laws).
constexpr std::array<std::string_view, 9> kLawKeys{"failure",    "repair",          "detection",
                                                   "switchover", "dormant_failure", "undetected",
                                                   "rollback",   "restart",         "crash_after"};

/// The keys of each dependency mode but `mode` itself (docs/model-format.md#dependency-modes).
constexpr std::array<std::string_view, 1> kSoftKeys{"impact"};
constexpr std::array<std::string_view, 4> kCacheKeys{"hit_ratio", "stale_if_error", "warmup",
                                                     "stale_below"};

/// A list target's own settings: `FROM->TO.KEY` on a list sets them on TO.
constexpr std::array<std::string_view, 3> kTargetKeys{"calls", "retries", "circuit_breaker"};

[[noreturn]] void fail(std::string_view problem) { throw OverrideProblem(std::string(problem)); }

json parse_value(std::string_view text) {
  json value = json::parse(std::string(text), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return json(std::string(text));
  return value;
}

std::vector<std::string_view> split_keys(std::string_view path) {
  std::vector<std::string_view> keys;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    std::string_view key = path.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (key.empty()) fail("has an empty key (two dots in a row or a dot at an end)");
    keys.push_back(key);
    if (dot == std::string_view::npos) return keys;
    start = dot + 1;
  }
}

/// The kinds of things an `ID.KEY` override can name, in the order they are tried.
struct Kind {
  const char* list;
  const char* what;
  /// Whether it has failure and repair laws with their shorthands (mtbf, mttr).
  bool has_laws;
};
constexpr std::array<Kind, 4> kKinds{{{"components", "component", true},
                                      {"crews", "crew", false},
                                      {"zones", "zone", true},
                                      {"regions", "region", true}}};

/// Whether `path` starts with `id` followed by a dot.
bool starts_with_id(std::string_view path, std::string_view id) {
  return path.size() > id.size() && path.substr(0, id.size()) == id && path[id.size()] == '.';
}

std::vector<std::string> ids_of(const json& list) {
  std::vector<std::string> ids;
  if (!list.is_array()) return ids;
  for (const auto& item : list) {
    if (item.is_object() && item.contains("id") && item["id"].is_string()) {
      ids.push_back(item["id"].get<std::string>());
    }
  }
  return ids;
}

/// `unknown component or zone id (did you mean "x"?); known component ids: ...; known zone ids:
/// ...`, naming the kinds the model has.
std::string unknown_id_problem(const json& document, std::string_view id) {
  std::vector<std::string> all;
  std::vector<std::string_view> kinds;
  std::string known;
  for (const Kind& kind : kKinds) {
    const std::vector<std::string> ids = ids_of(document.value(kind.list, json()));
    if (ids.empty()) continue;
    all.insert(all.end(), ids.begin(), ids.end());
    kinds.push_back(kind.what);
    known += "; known " + std::string(kind.what) + " ids: " + list_names(ids);
  }
  if (all.empty()) return "unknown id; the model defines no component, crew, zone or region";
  std::string problem = "unknown ";
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    if (k > 0) problem += k + 1 == kinds.size() ? " or " : ", ";
    problem += kinds[k];
  }
  problem += " id";
  const std::string nearest = nearest_name(id, all);
  if (!nearest.empty()) problem += " (did you mean " + quote(nearest) + "?)";
  return problem + known;
}

bool is_law_key(std::string_view key) {
  for (auto law : kLawKeys) {
    if (law == key) return true;
  }
  return false;
}

/// Makes `object[key]` an object that can take a nested key: a shorthand (mtbf/mttr) or a bare
/// duration becomes {"type": "exponential", "mean": D}; a missing member becomes {}.
json& descend(json& object, std::string_view key, bool has_laws) {
  const std::string name(key);
  if (!object.contains(name) && has_laws) {
    const char* shorthand = key == "failure" ? "mtbf" : key == "repair" ? "mttr" : nullptr;
    if (shorthand != nullptr && object.contains(shorthand)) {
      object[name] = json{{"type", "exponential"}, {"mean", object[shorthand]}};
      object.erase(shorthand);
    }
  }
  json& child = object[name];
  if (child.is_null()) child = json::object();
  if ((child.is_string() || child.is_number()) && is_law_key(key)) {
    child = json{{"type", "exponential"}, {"mean", child}};
  }
  if (!child.is_object()) fail(quote(key) + " is not an object, so it has no nested keys");
  return child;
}

/// The sum of a placement's counts when they are all integers.
std::optional<std::int64_t> placement_sum(const json& placement) {
  if (!placement.is_object()) return std::nullopt;
  std::int64_t sum = 0;
  for (const auto& [zone, count] : placement.items()) {
    if (!count.is_number_integer()) return std::nullopt;
    sum += count.get<std::int64_t>();
  }
  return sum;
}

/// Sets `object[key] = value`, keeping keys that exclude each other exclusive: a law and its
/// shorthand; a component's `zones` and `placement` (a placement also says how many instances
/// there are, so it removes `instances`, and `zones` over a placement keeps its count).
void set_member(json& object, std::string_view key, json value, const Kind* kind) {
  if (kind != nullptr && kind->has_laws) {
    if (key == "mtbf") object.erase("failure");
    if (key == "failure") object.erase("mtbf");
    if (key == "mttr") object.erase("repair");
    if (key == "repair") object.erase("mttr");
  }
  if (kind != nullptr && std::string_view(kind->list) == "components") {
    if (key == "failure" && value == "never") {
      // What a failing component has and one that never fails must not: `db.failure=never`
      // works whatever `db` had, as `db.mttr` does over a `repair` law.
      for (const char* failing :
           {"repair", "mttr", "detection", "coverage", "undetected", "standby", "crew"}) {
        object.erase(failing);
      }
    }
    if (key == "placement") {
      object.erase("zones");
      object.erase("instances");
    }
    if (key == "zones" && object.contains("placement")) {
      // An `instances` the overrides set stays; one the placement implied is written out.
      if (!object.contains("instances")) {
        if (auto sum = placement_sum(object["placement"])) object["instances"] = *sum;
      }
      object.erase("placement");
    }
  }
  object[std::string(key)] = std::move(value);
}

/// Sets `keys` inside `object` (descending through nested objects) and returns the pointer
/// written, below `pointer`.
std::string set_path(json& object, std::string pointer, const std::vector<std::string_view>& keys,
                     json value, const Kind* kind) {
  json* target = &object;
  for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
    target = &descend(*target, keys[k], kind != nullptr && kind->has_laws && k == 0);
    pointer += "/" + pointer_token(keys[k]);
  }
  set_member(*target, keys.back(), std::move(value), keys.size() == 1 ? kind : nullptr);
  return pointer + "/" + pointer_token(keys.back());
}

/// A list target's id: the string itself, or an object's "id" (null when there is none).
const json& target_id(const json& item) {
  static const json kNone;
  if (item.is_object()) {
    auto it = item.find("id");
    return it == item.end() ? kNone : *it;
  }
  return item;
}

/// After `FROM->TO.mode=M`: the row keeps only M's keys, as `mttr` replaces `repair` (a soft
/// row's `impact` means nothing to a cache).
void keep_mode_keys(json& row) {
  const json mode = row["mode"];
  if (mode != "soft") {
    for (auto key : kSoftKeys) row.erase(std::string(key));
  }
  if (mode != "cache") {
    for (auto key : kCacheKeys) row.erase(std::string(key));
  }
}

bool is_target_key(std::string_view key) {
  return std::find(kTargetKeys.begin(), kTargetKeys.end(), key) != kTargetKeys.end();
}

/// `FROM->TO.KEY...`: a key of the dependency row from FROM whose `to` is or lists TO.
/// On a list row TO's own `calls`, `retries` and `circuit_breaker` (and the breaker's keys) are
/// set on TO (a string target becomes an object; a breaker key starts from the row's breaker);
/// every other key is the row's. Setting `mode` removes the other modes' keys.
std::string set_dependency_key(json& document, std::string_view path, json value) {
  const std::size_t arrow = path.find("->");
  if (arrow == std::string_view::npos || arrow == 0 || path.find('>') != path.rfind('>')) {
    fail("must name a dependency as FROM->TO.KEY, with one \"->\" (e.g. web->db.min_up)");
  }
  const std::string from(path.substr(0, arrow));
  const std::string_view rest = path.substr(arrow + 2);
  const std::vector<std::string> components = ids_of(document.value("components", json()));
  if (std::find(components.begin(), components.end(), from) == components.end()) {
    fail("FROM " + quote(from) + ": " + unknown_name_problem("component id", from, components));
  }
  const json& rows = document.value("dependencies", json());
  // Every target of a row from FROM, and the longest one that starts the rest.
  std::vector<std::string> targets;
  std::string to;
  if (rows.is_array()) {
    for (const auto& row : rows) {
      if (!row.is_object() || row.value("from", json()) != json(from)) continue;
      const json& row_to = row.value("to", json());
      for (const auto& item : row_to.is_array() ? row_to : json::array({row_to})) {
        const json& id = target_id(item);
        if (!id.is_string()) continue;
        const auto& text = id.get_ref<const std::string&>();
        if (std::find(targets.begin(), targets.end(), text) == targets.end()) {
          targets.push_back(text);
        }
        if (starts_with_id(rest, text) && text.size() > to.size()) to = text;
      }
    }
  }
  if (to.empty()) {
    const std::string asked(rest.substr(0, rest.find('.')));
    if (rest.find('.') == std::string_view::npos) {
      fail("names no key after the target (e.g. " + from + "->" + asked + ".min_up)");
    }
    std::string problem = "no dependency from " + quote(from) + " to " + quote(asked);
    if (targets.empty()) fail(problem + "; " + quote(from) + " depends on nothing");
    const std::string nearest = nearest_name(asked, targets);
    if (!nearest.empty()) problem += " (did you mean " + quote(nearest) + "?)";
    fail(problem + "; " + quote(from) + " depends on: " + list_names(targets));
  }
  std::vector<std::size_t> matches;
  for (std::size_t j = 0; j < rows.size(); ++j) {
    const json& row = rows[j];
    if (!row.is_object() || row.value("from", json()) != json(from)) continue;
    const json& row_to = row.value("to", json());
    bool listed = row_to == json(to);
    if (row_to.is_array()) {
      for (const auto& item : row_to) listed = listed || target_id(item) == json(to);
    }
    if (listed) matches.push_back(j);
  }
  if (matches.size() > 1) {
    fail("names " + std::to_string(matches.size()) + " dependency rows (/dependencies/" +
         std::to_string(matches[0]) + " and /dependencies/" + std::to_string(matches[1]) +
         " both go from " + quote(from) + " to " + quote(to) + "); merge them into one row");
  }
  const std::size_t j = matches.at(0);
  const std::vector<std::string_view> keys = split_keys(rest.substr(to.size() + 1));
  json& row = document["dependencies"][j];
  const std::string pointer = "/dependencies/" + std::to_string(j);
  // On a list, TO's own traffic settings: a string target becomes {"id": TO, KEY: VALUE}.
  const bool own = keys.size() == 1 || (keys.size() == 2 && keys[0] == "circuit_breaker");
  if (row["to"].is_array() && own && is_target_key(keys[0])) {
    json& list = row["to"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (target_id(list[i]) != json(to)) continue;
      if (!list[i].is_object()) list[i] = json{{"id", to}};
      // `TO.circuit_breaker.threshold` changes the breaker TO has: its own, else the row's.
      if (keys.size() == 2 && !list[i].contains("circuit_breaker") &&
          row.contains("circuit_breaker")) {
        list[i]["circuit_breaker"] = row["circuit_breaker"];
      }
      return set_path(list[i], pointer + "/to/" + std::to_string(i), keys, std::move(value),
                      nullptr);
    }
  }
  std::string written = set_path(row, pointer, keys, std::move(value), nullptr);
  if (keys.size() == 1 && keys[0] == "mode") keep_mode_keys(row);
  return written;
}

/// After `load.profile.type=T`: the profile keeps only T's keys, as `mttr` replaces `repair`
/// (a diurnal's `peak_to_mean` means nothing to an hourly profile).
void keep_profile_type_keys(json& load, const std::vector<std::string_view>& keys) {
  if (keys.size() != 2 || keys[0] != "profile" || keys[1] != "type") return;
  json& profile = load["profile"];
  const json type = profile["type"];
  const auto keep = [&type](std::string_view key) {
    if (key == "type") return true;
    if (key == "peak_to_mean" || key == "peak_at") return type == "diurnal";
    if (key == "values") return type == "hourly" || type == "weekly";
    return true;  // an unknown key stays, for the loader to name
  };
  for (auto it = profile.begin(); it != profile.end();) {
    it = keep(it.key()) ? std::next(it) : profile.erase(it);
  }
}

}  // namespace

std::string apply_setting(json& document, std::string_view path, json value) {
  if (path.find('>') != std::string_view::npos) {
    return set_dependency_key(document, path, std::move(value));
  }
  const std::size_t dot = path.find('.');
  if (dot == std::string_view::npos) {
    if (path.empty()) fail("has an empty key");
    // An entry replaces the journeys, as journeys replace the entry.
    if (path == "entry" && document.contains("load") && document["load"].is_object()) {
      document["load"].erase("journeys");
    }
    set_member(document, path, std::move(value), nullptr);
    return "/" + pointer_token(path);
  }
  // (1) TOP.SUB: inside a top-level key whose value is an object (ids never take those names).
  // `load` is such a key even where the model has none yet: `load.rps=2000` adds traffic.
  const std::string top(path.substr(0, dot));
  if (top == "load" && !document.contains("load")) document["load"] = json::object();
  if (auto it = document.find(top); it != document.end() && it->is_object()) {
    const std::vector<std::string_view> keys = split_keys(path.substr(dot + 1));
    std::string written = set_path(*it, "/" + pointer_token(top), keys, std::move(value), nullptr);
    if (top == "load") keep_profile_type_keys(*it, keys);
    if (top == "load" && keys.front() == "journeys") document.erase("entry");
    return written;
  }
  // (2)-(5) ID.KEY: the longest id followed by a dot; on a tie the earlier kind.
  const Kind* kind = nullptr;
  std::size_t index = 0;
  std::size_t length = 0;
  for (const Kind& candidate : kKinds) {
    const json& list = document.value(candidate.list, json());
    if (!list.is_array()) continue;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& item = list[i];
      if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) continue;
      const auto& id = item["id"].get_ref<const std::string&>();
      if (starts_with_id(path, id) && (kind == nullptr || id.size() > length)) {
        kind = &candidate;
        index = i;
        length = id.size();
      }
    }
  }
  if (kind == nullptr) fail(unknown_id_problem(document, top));
  return set_path(document[kind->list][index],
                  "/" + std::string(kind->list) + "/" + std::to_string(index),
                  split_keys(path.substr(length + 1)), std::move(value), kind);
}

namespace {

[[noreturn]] void fail_override(std::string_view text, std::string_view file,
                                std::string_view problem) {
  throw UsageError(format_error(file, "override " + quote(text), problem));
}

OverrideOrigin apply_one(json& document, std::string_view text, std::string_view file) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    fail_override(
        text, file,
        "must look like KEY=VALUE, ID.KEY=VALUE, ID.KEY.SUBKEY=VALUE or FROM->TO.KEY=VALUE (e.g. "
        "web.instances=4)");
  }
  try {
    return {apply_setting(document, text.substr(0, equals), parse_value(text.substr(equals + 1))),
            std::string(text),
            {}};
  } catch (const OverrideProblem& e) {
    fail_override(text, file, e.what());
  }
}

}  // namespace

std::vector<OverrideOrigin> apply_overrides(json& document,
                                            const std::vector<std::string>& overrides,
                                            std::string_view file) {
  std::vector<OverrideOrigin> origins;
  origins.reserve(overrides.size());
  for (const auto& text : overrides) origins.push_back(apply_one(document, text, file));
  // Later overrides win, so the latest origin of a pointer is the one to name.
  return {origins.rbegin(), origins.rend()};
}

}  // namespace nines::models::detail
