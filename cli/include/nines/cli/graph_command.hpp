// `nines graph`: the dependency graph of a model as Graphviz DOT on stdout.
#pragma once

#include <string>
#include <vector>

#include "nines/cli/console.hpp"

namespace nines::cli {

/// Loads and validates `model_file` with `overrides`, prints warnings on `err` and the DOT
/// graph on `out`. Throws nines::ModelError / nines::UsageError on a bad model.
int graph_command(const std::string& model_file, const std::vector<std::string>& overrides,
                  const Console& console);

}  // namespace nines::cli
