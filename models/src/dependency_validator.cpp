// Checks dependencies (ids, lists, cycles), the entry (or the journeys' entries), and what the
// entry does not reach.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "json_node.hpp"
#include "nines/models/dependency_graph.hpp"
#include "validation.hpp"

namespace nines::models::detail {
namespace {

using IdIndex = std::unordered_map<std::string_view, std::size_t>;

void check_target(const Reporter& reporter, const std::string& pointer, const std::string& id,
                  const Dependency& dependency, const IdIndex& index,
                  const std::vector<std::string>& ids) {
  if (!index.contains(id)) {
    reporter.fail(pointer, unknown_name_problem("component id", id, ids), quote(id));
  }
  if (id == dependency.from) {
    reporter.fail(pointer, "a component cannot depend on itself", quote(id));
  }
}

void check_dependency(const Dependency& dependency, std::size_t j, const Reporter& reporter,
                      const IdIndex& index, const std::vector<std::string>& ids) {
  const std::string at = "/dependencies/" + std::to_string(j);
  if (!index.contains(dependency.from)) {
    reporter.fail(at + "/from", unknown_name_problem("component id", dependency.from, ids),
                  quote(dependency.from));
  }
  if (!dependency.is_list) {
    if (dependency.to.size() != 1) {
      reporter.fail(at + "/to", "must name exactly one component (or be a list with \"min_up\")",
                    std::to_string(dependency.to.size()) + " ids");
    }
    check_target(reporter, at + "/to", dependency.to[0], dependency, index, ids);
    if (dependency.min_up != 1) {
      reporter.fail(at + "/min_up", R"(only allowed when "to" is a list of component ids)",
                    std::to_string(dependency.min_up));
    }
    return;
  }
  if (dependency.to.empty()) {
    reporter.fail(at + "/to", "must be a component id or a non-empty list of ids", "[]");
  }
  std::unordered_set<std::string_view> seen;
  for (std::size_t k = 0; k < dependency.to.size(); ++k) {
    const std::string& id = dependency.to[k];
    const std::string pointer = at + "/to/" + std::to_string(k);
    check_target(reporter, pointer, id, dependency, index, ids);
    if (!seen.insert(id).second) reporter.fail(pointer, "lists this component twice", quote(id));
  }
  const auto count = static_cast<std::int64_t>(dependency.to.size());
  if (dependency.min_up < 1 || dependency.min_up > count) {
    reporter.fail(at + "/min_up", list_min_up_rule(dependency.to.size()),
                  std::to_string(dependency.min_up));
  }
}

/// A failover's random stream is named FROM->FIRST_TARGET, so no other row may share that pair.
void check_failover_names(const Model& model, const Reporter& reporter) {
  for (std::size_t j = 0; j < model.dependencies.size(); ++j) {
    const Dependency& d = model.dependencies[j];
    if (!d.failover || d.to.empty()) continue;
    for (std::size_t k = 0; k < model.dependencies.size(); ++k) {
      const Dependency& other = model.dependencies[k];
      if (k == j || other.from != d.from || other.to.empty() || other.to[0] != d.to[0]) continue;
      reporter.fail("/dependencies/" + std::to_string(j) + "/failover",
                    "another row from " + quote(d.from) + " also lists " + quote(d.to[0]) +
                        " first (/dependencies/" + std::to_string(k) + "); a failover is named " +
                        d.from + "->" + d.to[0] + ", so merge the rows or reorder one",
                    quote(d.from + "->" + d.to[0]));
    }
  }
}

void check_cycles(const Model& model, const Reporter& reporter) {
  auto cycle = find_cycle(model);
  if (!cycle) return;
  std::string text;
  for (std::int64_t v : *cycle) {
    if (!text.empty()) text += " -> ";
    text += model.components[static_cast<std::size_t>(v)].id;
  }
  // Point at the dependency that makes the first step of the cycle.
  const auto& from = model.components[static_cast<std::size_t>((*cycle)[0])].id;
  const auto& to = model.components[static_cast<std::size_t>((*cycle)[1])].id;
  std::string pointer = "/dependencies";
  for (std::size_t j = 0; j < model.dependencies.size(); ++j) {
    const Dependency& d = model.dependencies[j];
    bool match = d.from == from;
    bool listed = false;
    for (const auto& id : d.to) listed = listed || id == to;
    if (match && listed) {
      pointer += "/" + std::to_string(j);
      break;
    }
  }
  reporter.fail(pointer, "dependency cycle: " + text + " (dependencies must not form a loop)");
}

void check_entry(Model& model, const Reporter& reporter, const IdIndex& index,
                 const std::vector<std::string>& ids) {
  if (model.load && !model.load->journeys.empty()) {
    // Journeys replace the entry; code that needs one entry gets the first journey's.
    const auto& journeys = model.load->journeys;
    for (std::size_t j = 0; j < journeys.size(); ++j) {
      if (!index.contains(journeys[j].entry)) {
        reporter.fail("/load/journeys/" + std::to_string(j) + "/entry",
                      unknown_name_problem("component id", journeys[j].entry, ids),
                      quote(journeys[j].entry));
      }
    }
    model.entry = journeys.front().entry;
    return;
  }
  if (!model.entry.empty()) {
    if (!index.contains(model.entry)) {
      reporter.fail("/entry", unknown_name_problem("component id", model.entry, ids),
                    quote(model.entry));
    }
    return;
  }
  const auto candidates = roots(model);
  if (candidates.size() == 1) {
    model.entry = model.components[static_cast<std::size_t>(candidates[0])].id;
    return;
  }
  std::vector<std::string> names;
  for (std::int64_t v : candidates)
    names.push_back(model.components[static_cast<std::size_t>(v)].id);
  reporter.fail("/entry", "missing, and " + std::to_string(names.size()) +
                              " components have nothing depending on them (" + list_names(names) +
                              "): set \"entry\" to the component users reach");
}

}  // namespace

void check_dependencies_and_entry(Model& model, const Reporter& reporter,
                                  std::vector<std::string>& warnings) {
  IdIndex index;
  std::vector<std::string> ids;
  ids.reserve(model.components.size());
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    index.emplace(model.components[i].id, i);
    ids.push_back(model.components[i].id);
  }
  for (std::size_t j = 0; j < model.dependencies.size(); ++j) {
    check_dependency(model.dependencies[j], j, reporter, index, ids);
  }
  check_failover_names(model, reporter);
  check_cycles(model, reporter);
  check_entry(model, reporter, index, ids);
  const auto reached = reachable_from_entry(model);
  const bool journeys = model.load && !model.load->journeys.empty();
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    if (reached[i]) continue;
    warnings.push_back(reporter.warning(
        "/components/" + std::to_string(i),
        "component " + quote(model.components[i].id) + " is not reached from " +
            (journeys ? std::string("any journey's entry") : "the entry " + quote(model.entry)) +
            " through dependencies, so it cannot affect the system"));
  }
}

}  // namespace nines::models::detail
