// `nines graph`: the dependency graph of a model as Graphviz DOT on stdout.
#include "nines/cli/graph_command.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nines/models/dependency_graph.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/human_format.hpp"

namespace nines::cli {
namespace {

using nlohmann::json;

/// The JSON text of `value` for an error message ("got ...").
std::string shown(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// A number at `key` of `object`, or a UsageError naming `file` and the pointer.
double number_at(const std::string& file, const json& object, const std::string& pointer,
                 const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number()) {
    throw UsageError(format_error(file, pointer + "/" + key, "must be a number",
                                  it == object.end() ? "nothing" : shown(*it)));
  }
  return it->get<double>();
}

}  // namespace

std::vector<models::NodeFigures> read_node_figures(const std::string& results_file,
                                                   const models::Model& model,
                                                   const std::string& model_file) {
  std::ifstream in(results_file, std::ios::binary);
  if (!in) throw UsageError(format_error(results_file, "", "cannot read the results file"));
  std::ostringstream text;
  text << in.rdbuf();
  const json results = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (results.is_discarded()) {
    throw UsageError(
        format_error(results_file, "", "not valid JSON; give the output of nines run --json"));
  }
  const auto components = results.is_object() ? results.find("components") : results.end();
  if (!results.is_object() || components == results.end() || !components->is_array()) {
    throw UsageError(format_error(results_file, "/components",
                                  "must be an array; give the output of nines run --json"));
  }
  std::vector<models::NodeFigures> figures(model.components.size());
  std::vector<bool> found(model.components.size(), false);
  for (std::size_t i = 0; i < components->size(); ++i) {
    const json& row = (*components)[i];
    const std::string pointer = "/components/" + std::to_string(i);
    const auto id = row.is_object() ? row.find("id") : row.end();
    if (!row.is_object() || id == row.end() || !id->is_string()) {
      throw UsageError(format_error(results_file, pointer + "/id", "must be a component id"));
    }
    const std::int64_t c = model.component_index(id->get<std::string>());
    if (c < 0) {
      throw UsageError(
          format_error(results_file, pointer + "/id",
                       "is not a component of " + model_file + ": the results are of another model",
                       shown(*id)));
    }
    const auto index = static_cast<std::size_t>(c);
    found[index] = true;
    const double availability = number_at(results_file, row, pointer, "availability");
    const double share = number_at(results_file, row, pointer, "downtime_share");
    figures[index].downtime_share = share;
    figures[index].caption =
        report::format_percent(availability, report::availability_decimals(availability)) +
        " available";
    if (share > 0.0)
      figures[index].caption += "\n" + report::format_percent(share, 1) + " of downtime";
  }
  for (std::size_t c = 0; c < found.size(); ++c) {
    if (found[c]) continue;
    throw UsageError(format_error(results_file, "/components",
                                  "has no row for component " + shown(model.components[c].id) +
                                      " of " + model_file + ": the results are of another model"));
  }
  return figures;
}

int graph_command(const std::string& model_file, const std::vector<std::string>& overrides,
                  const std::string& results_file, const Console& console) {
  const auto loaded = models::load_model(model_file, overrides);
  for (const auto& warning : loaded.warnings) console.err << "warning: " << warning << '\n';
  const std::vector<models::NodeFigures> figures =
      results_file.empty() ? std::vector<models::NodeFigures>{}
                           : read_node_figures(results_file, loaded.model, model_file);
  models::write_dot(loaded.model, console.out, figures);
  console.out.flush();
  return kExitSuccess;
}

}  // namespace nines::cli
