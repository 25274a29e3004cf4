// `nines graph`: the dependency graph of a model as Graphviz DOT on stdout.
#include "nines/cli/graph_command.hpp"

#include "nines/models/dependency_graph.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::cli {

int graph_command(const std::string& model_file, const std::vector<std::string>& overrides,
                  const Console& console) {
  const auto loaded = models::load_model(model_file, overrides);
  for (const auto& warning : loaded.warnings) console.err << "warning: " << warning << '\n';
  models::write_dot(loaded.model, console.out);
  console.out.flush();
  return kExitSuccess;
}

}  // namespace nines::cli
