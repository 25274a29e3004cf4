// Command-line overrides: what-if edits of a model file before it is validated.
#include "overrides.hpp"

#include <array>

#include "nines/models/error.hpp"

namespace nines::models::detail {
namespace {

using nlohmann::json;

/// Laws that may be written as a bare duration and so may need to become an object.
constexpr std::array<std::string_view, 5> kLawKeys{"failure", "repair", "detection", "switchover",
                                                   "dormant_failure"};

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

/// The element of `list` (components or crews) whose id is the longest prefix of `target`
/// followed by a dot; returns its index or -1.
std::ptrdiff_t longest_id_prefix(const json& list, std::string_view target, std::size_t& length) {
  std::ptrdiff_t best = -1;
  if (!list.is_array()) return best;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& item = list[i];
    if (!item.is_object()) continue;
    auto id = item.find("id");
    if (id == item.end() || !id->is_string()) continue;
    const auto& text = id->get_ref<const std::string&>();
    if (target.size() > text.size() && target.substr(0, text.size()) == text &&
        target[text.size()] == '.' && (best < 0 || text.size() > length)) {
      best = static_cast<std::ptrdiff_t>(i);
      length = text.size();
    }
  }
  return best;
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

bool is_law_key(std::string_view key) {
  for (auto law : kLawKeys) {
    if (law == key) return true;
  }
  return false;
}

/// Makes `object[key]` an object that can take a nested key: a shorthand (mtbf/mttr) or a bare
/// duration becomes {"type": "exponential", "mean": D}; a missing member becomes {}.
json& descend(json& object, std::string_view key, bool in_component) {
  const std::string name(key);
  if (!object.contains(name) && in_component) {
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

/// Sets `object[key] = value`, keeping a law and its shorthand exclusive.
void set_member(json& object, std::string_view key, json value, bool in_component) {
  if (in_component) {
    if (key == "mtbf") object.erase("failure");
    if (key == "failure") object.erase("mtbf");
    if (key == "mttr") object.erase("repair");
    if (key == "repair") object.erase("mttr");
  }
  object[std::string(key)] = std::move(value);
}

}  // namespace

std::string apply_setting(json& document, std::string_view path, json value) {
  if (path.find('.') == std::string_view::npos) {
    set_member(document, path, std::move(value), false);
    return "/" + pointer_token(path);
  }
  const char* list_key = "components";
  std::size_t length = 0;
  std::ptrdiff_t index = longest_id_prefix(document.value("components", json()), path, length);
  if (index < 0) {
    list_key = "crews";
    index = longest_id_prefix(document.value("crews", json()), path, length);
  }
  if (index < 0) {
    std::string id(path.substr(0, path.find('.')));
    std::vector<std::string> ids = ids_of(document.value("components", json()));
    std::string problem = unknown_name_problem("component id", id, ids);
    std::vector<std::string> crews = ids_of(document.value("crews", json()));
    if (!crews.empty()) problem += "; known crew ids: " + list_names(crews);
    fail(problem);
  }
  std::string pointer = std::string("/") + list_key + "/" + std::to_string(index);
  const std::vector<std::string_view> keys = split_keys(path.substr(length + 1));
  const bool component = std::string_view(list_key) == "components";
  json* object = &document[list_key][static_cast<std::size_t>(index)];
  for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
    object = &descend(*object, keys[k], component && k == 0);
    pointer += "/" + pointer_token(keys[k]);
  }
  set_member(*object, keys.back(), std::move(value), component && keys.size() == 1);
  return pointer + "/" + pointer_token(keys.back());
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
        "must look like KEY=VALUE, ID.KEY=VALUE or ID.KEY.SUBKEY=VALUE (e.g. web.instances=4)");
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
