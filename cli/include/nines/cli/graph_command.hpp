// `nines graph`: the dependency graph of a model as Graphviz DOT on stdout.
#pragma once

#include <string>
#include <vector>

#include "nines/cli/console.hpp"
#include "nines/models/dependency_graph.hpp"
#include "nines/models/model.hpp"

namespace nines::cli {

/// The figures of `model`'s components in `results_file` (a `nines run --json` result): each
/// component's share of the downtime, and a caption with its availability and that share.
/// Throws nines::UsageError (one line naming `results_file`) when the file cannot be read, is not
/// such a result, or its components are not exactly the model's (a result of another model;
/// `model_file` names the model in the message).
std::vector<models::NodeFigures> read_node_figures(const std::string& results_file,
                                                   const models::Model& model,
                                                   const std::string& model_file);

/// Loads and validates `model_file` with `overrides`, prints warnings on `err` and the DOT
/// graph on `out`, coloured and labelled with `results_file` when it is not empty.
/// Throws nines::ModelError / nines::UsageError on a bad model or results file.
int graph_command(const std::string& model_file, const std::vector<std::string>& overrides,
                  const std::string& results_file, const Console& console);

}  // namespace nines::cli
