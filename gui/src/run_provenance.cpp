// A GUI run's provenance: the model file's digest and the --set overrides between it and the run.
#include "nines/gui/run_provenance.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <fstream>
#include <iterator>
#include <sstream>

#include "nines/models/model_loader.hpp"
#include "nines/report/sha256.hpp"

namespace nines::gui {
namespace {

using nlohmann::json;

/// Lists whose items are named by `ID.KEY` overrides.
constexpr std::array<const char*, 4> kNamedLists{"components", "crews", "zones", "regions"};

/// The value the model writer leaves out because it is the default (to_json omits "min_up": 1),
/// so a key that an edit set to its default can still be written as an override.
std::optional<json> written_default(const std::string& key, bool top_level) {
  if (top_level) {
    if (key == "name" || key == "description") return json("");
    if (key == "currency") return json(std::string(models::kDefaultCurrency));
    return std::nullopt;
  }
  if (key == "instances" || key == "min_up") return json(1);
  if (key == "detection") return json(0);
  if (key == "description") return json("");
  if (key == "zones") return json::array();
  if (key == "calls") return json(1);  // dependency rows
  if (key == "retries") return json(0);
  return std::nullopt;
}

/// `to` with the keys `from` has and `to` lacks set to their written default; nothing when one
/// has no default (an optional figure such as a cost removed).
std::optional<json> with_defaults(const json& from, json to, bool top_level) {
  for (const auto& [key, value] : from.items()) {
    if (to.contains(key)) continue;
    auto fallback = written_default(key, top_level);
    if (!fallback) return std::nullopt;
    to[key] = std::move(*fallback);
  }
  return to;
}

std::string compact(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// Appends the overrides that turn `from` into `to` at `path`: one per changed leaf, the whole
/// value where an object loses a key (a setting replaces, it cannot remove).
void diff_value(const json& from, const json& to, const std::string& path,
                std::vector<std::string>& out) {
  if (from == to) return;
  if (from.is_object() && to.is_object()) {
    const bool loses_a_key =
        std::any_of(from.items().begin(), from.items().end(),
                    [&](const auto& item) { return !to.contains(item.key()); });
    if (!loses_a_key) {
      for (const auto& [key, value] : to.items()) {
        const std::string sub = path + "." + key;
        if (from.contains(key)) {
          diff_value(from[key], value, sub, out);
        } else {
          out.push_back(sub + "=" + compact(value));
        }
      }
      return;
    }
  }
  out.push_back(path + "=" + compact(to));
}

/// The items of a list of objects with "id", by id, in order; nothing when one has no id.
std::optional<std::vector<std::pair<std::string, const json*>>> items_by_id(const json& list) {
  std::vector<std::pair<std::string, const json*>> items;
  if (list.is_null()) return items;
  if (!list.is_array()) return std::nullopt;
  for (const json& item : list) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) return std::nullopt;
    items.emplace_back(item["id"].get<std::string>(), &item);
  }
  return items;
}

/// The target ids of a dependency row's "to" (a string, or a list of strings and objects).
std::optional<std::vector<std::string>> target_ids(const json& to) {
  if (to.is_string()) return std::vector<std::string>{to.get<std::string>()};
  if (!to.is_array()) return std::nullopt;
  std::vector<std::string> ids;
  for (const json& target : to) {
    if (target.is_string()) {
      ids.push_back(target.get<std::string>());
    } else if (target.is_object() && target.contains("id") && target["id"].is_string()) {
      ids.push_back(target["id"].get<std::string>());
    } else {
      return std::nullopt;
    }
  }
  return ids;
}

/// Appends the overrides that turn dependency rows `before` into `after`, named FROM->TO.KEY
/// (a list by its first target; a list target's own settings by that target). Nothing when a
/// row was added, removed, moved or rewired: no override adds or removes a row. What a list's
/// row-level `calls` or `retries` edit would need (FROM->TO.KEY sets TO's own) is left to the
/// caller's check, which refuses it.
bool diff_dependencies(const json& before, const json& after, std::vector<std::string>& out) {
  if (!before.is_array() || !after.is_array() || before.size() != after.size()) return false;
  for (std::size_t i = 0; i < after.size(); ++i) {
    const json& old_row = before[i];
    const json& new_row = after[i];
    if (!old_row.is_object() || !new_row.is_object() || !old_row.contains("from") ||
        !new_row.contains("from") || old_row["from"] != new_row["from"]) {
      return false;
    }
    const auto old_targets = target_ids(old_row.value("to", json()));
    const auto new_targets = target_ids(new_row.value("to", json()));
    if (!old_targets || !new_targets || *old_targets != *new_targets || new_targets->empty()) {
      return false;
    }
    const std::string from = new_row["from"].get<std::string>();
    const auto fields = with_defaults(old_row, new_row, false);
    if (!fields) return false;
    for (const auto& [field, value] : fields->items()) {
      if (field == "from") continue;
      if (field == "to") {
        // A list target's own settings: FROM->TARGET.KEY for each key that changed.
        const json& old_to = old_row["to"];
        for (std::size_t t = 0; t < new_targets->size() && value.is_array(); ++t) {
          const json own = value[t].is_object() ? value[t] : json::object();
          const json was = old_to.is_array() && old_to[t].is_object() ? old_to[t] : json::object();
          const std::string path = from + "->" + (*new_targets)[t];
          for (const auto& [key, setting] : own.items()) {
            if (key == "id") continue;
            if (was.contains(key)) {
              diff_value(was[key], setting, path + "." + key, out);
            } else {
              out.push_back(path + "." + key + "=" + compact(setting));
            }
          }
          for (const auto& item : was.items()) {
            if (!own.contains(item.key())) return false;  // no override removes a setting
          }
        }
        continue;
      }
      const std::string path = from + "->" + new_targets->front() + "." + field;
      if (old_row.contains(field)) {
        diff_value(old_row[field], value, path, out);
      } else {
        out.push_back(path + "=" + compact(value));
      }
    }
  }
  return true;
}

models::Model without_scenarios(models::Model model) {
  model.scenarios.clear();
  return model;
}

}  // namespace

std::optional<ModelFileReference> read_file_reference(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return std::nullopt;
  ModelFileReference reference;
  reference.file = file;
  reference.document = json::parse(bytes.str(), nullptr, /*allow_exceptions=*/false);
  if (reference.document.is_discarded()) return std::nullopt;
  // The digest of the very bytes parsed, as `nines run` takes it of the file it loaded.
  reference.sha256 = report::sha256_hex(bytes.str());
  return reference;
}

std::optional<std::vector<std::string>> overrides_between(const models::Model& from,
                                                          const models::Model& to) {
  const json a = models::to_json(without_scenarios(from));
  const auto b = with_defaults(a, models::to_json(without_scenarios(to)), true);
  if (!b) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& [key, value] : b->items()) {
    const json& before = a.contains(key) ? a[key] : json();
    if (before == value) continue;
    const bool named_list =
        std::find(kNamedLists.begin(), kNamedLists.end(), key) != kNamedLists.end();
    if (named_list) {
      const auto old_items = items_by_id(before);
      const auto new_items = items_by_id(value);
      if (!old_items || !new_items || old_items->size() != new_items->size()) return std::nullopt;
      for (std::size_t i = 0; i < new_items->size(); ++i) {
        const auto& [id, item] = (*new_items)[i];
        if ((*old_items)[i].first != id) return std::nullopt;  // added, removed, renamed, moved
        const json& old_item = *(*old_items)[i].second;
        const auto new_item = with_defaults(old_item, *item, false);
        if (!new_item) return std::nullopt;
        for (const auto& [field, field_value] : new_item->items()) {
          const std::string path = id + "." + field;
          if (old_item.contains(field)) {
            diff_value(old_item[field], field_value, path, out);
          } else {
            out.push_back(path + "=" + compact(field_value));
          }
        }
      }
    } else if (key == "dependencies") {
      if (!diff_dependencies(before, value, out)) return std::nullopt;
    } else if (key == "inject") {
      return std::nullopt;  // entries without ids: no KEY=VALUE names them one by one
    } else if (before.is_null()) {
      out.push_back(key + "=" + compact(value));
    } else {
      diff_value(before, value, key, out);
    }
  }
  return out;
}

std::optional<report::Provenance> run_provenance(const std::optional<ModelFileReference>& reference,
                                                 const models::Model& run_model,
                                                 std::string& scenario) {
  if (!reference) return report::Provenance{};
  try {
    const models::Model file_model =
        models::parse_model(reference->document, reference->file).model;
    // A scenario the GUI made or changed is not the file's: its settings become overrides.
    if (!scenario.empty()) {
      const models::Scenario* in_file = file_model.find_scenario(scenario);
      const models::Scenario* in_run = run_model.find_scenario(scenario);
      if (in_file == nullptr || in_run == nullptr || !(*in_file == *in_run)) scenario.clear();
    }
    const models::Model base =
        models::parse_model(reference->document, reference->file, reference->overrides, scenario)
            .model;
    const auto edits = overrides_between(base, run_model);
    if (!edits) return std::nullopt;
    // An edit of a key an earlier override set replaces that override's value in place
    // ("db.instances=3" moved to 4 reads "db.instances=4", not both); the check below holds it.
    std::vector<std::string> overrides = reference->overrides;
    for (const std::string& edit : *edits) {
      const std::string key = edit.substr(0, edit.find('='));
      const auto same_key = std::find_if(overrides.begin(), overrides.end(), [&](const auto& o) {
        return o.substr(0, o.find('=')) == key;
      });
      if (same_key != overrides.end()) {
        *same_key = edit;
      } else {
        overrides.push_back(edit);
      }
    }
    // The claim is checked, not trusted: these overrides must give exactly the model run.
    const models::Model again =
        models::parse_model(reference->document, reference->file, overrides, scenario).model;
    if (!(without_scenarios(again) == without_scenarios(run_model))) return std::nullopt;
    return report::Provenance{report::canonical_overrides(overrides), reference->sha256};
  } catch (const std::exception&) {
    return std::nullopt;  // the file no longer loads with them: nothing traces the run to it
  }
}

}  // namespace nines::gui
