// The comparison document: the runs' own result documents side by side under one header.
#include "nines/report/scenario_json.hpp"

#include "nines/report/result_json.hpp"

namespace nines::report {

nlohmann::json scenario_comparison_to_json(const std::vector<ScenarioRun>& runs,
                                           const Provenance& provenance) {
  nlohmann::json list = nlohmann::json::array();
  const std::vector<ScenarioRow> rows = scenario_rows(runs);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const ScenarioRun& run = runs[i];
    const auto& difference = rows[i].difference;
    Provenance own = provenance;
    if (run.is_file) own.model_sha256 = run.model_sha256;
    list.push_back(
        {{"name", run.name ? nlohmann::json(*run.name) : nlohmann::json(nullptr)},
         {"settings", run.settings},
         {"difference", difference ? paired_comparison_to_json(*difference) : nullptr},
         {"result", result_to_json(run.result, run.exact, run.is_file ? run.scenario : run.name,
                                   own, run.cost)}});
  }
  const engine::RunResult& base = runs.front().result;
  nlohmann::json doc = {{"format_version", kResultFormatVersion},
                        {"model", base.model_name},
                        {"seed", base.seed},
                        {"scenarios", std::move(list)}};
  add_provenance(doc, provenance);
  return doc;
}

std::string scenario_comparison_json_text(const std::vector<ScenarioRun>& runs,
                                          const Provenance& provenance) {
  return scenario_comparison_to_json(runs, provenance)
             .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace nines::report
