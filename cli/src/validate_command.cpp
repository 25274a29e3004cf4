// `nines validate`: check a model and print a one-line summary.
#include "nines/cli/validate_command.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <sstream>

#include "nines/models/model_loader.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"

namespace nines::cli {

namespace {

std::string counted(std::int64_t n, const char* singular, const char* plural) {
  return report::format_count(n) + " " + (n == 1 ? singular : plural);
}

/// ", 1 component never fails, 2 zones, 1 region, 2 placed components, 1 injection", each part
/// only when non-zero.
std::string failure_domains(const models::Model& model) {
  std::int64_t placed = 0;
  std::int64_t never_fail = 0;
  for (const auto& component : model.components) {
    if (!component.zones.empty() || !component.placement.empty()) ++placed;
    if (models::is_never(component.failure)) ++never_fail;
  }
  std::string text;
  auto part = [&text](std::size_t n, const char* singular, const char* plural) {
    if (n > 0) text += ", " + counted(static_cast<std::int64_t>(n), singular, plural);
  };
  part(static_cast<std::size_t>(never_fail), "component never fails", "components never fail");
  part(model.zones.size(), "zone", "zones");
  part(model.regions.size(), "region", "regions");
  part(static_cast<std::size_t>(placed), "placed component", "placed components");
  part(model.inject.size(), "injection", "injections");
  if (model.load) {
    static constexpr std::array<const char*, 4> kProfiles{"constant", "diurnal", "hourly",
                                                          "weekly"};
    std::ostringstream rps;
    rps << model.load->rps;
    text += std::string(", a ") + kProfiles[static_cast<std::size_t>(model.load->profile.type)] +
            " load of " + rps.str() + " rps";
  }
  return text;
}

}  // namespace

std::string model_summary(std::string_view file, const models::Model& model) {
  std::int64_t instances = 0;
  for (const auto& component : model.components) instances += component.instances;
  // The name is JSON-quoted so that quotes and control characters in it stay readable.
  const std::string name =
      nlohmann::json(model.name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return std::string(file) + ": ok: " + name + " - " +
         counted(static_cast<std::int64_t>(model.components.size()), "component", "components") +
         ", " + counted(instances, "instance", "instances") + ", " +
         counted(static_cast<std::int64_t>(model.dependencies.size()), "dependency",
                 "dependencies") +
         ", entry " + model.entry + failure_domains(model) +
         (model.scenarios.empty()
              ? std::string()
              : ", " + counted(static_cast<std::int64_t>(model.scenarios.size()), "scenario",
                               "scenarios"));
}

int validate_command(const std::string& model_file, const std::vector<std::string>& overrides,
                     const Console& console) {
  const auto loaded = models::load_model(model_file, overrides);
  for (const auto& warning : loaded.warnings) console.err << "warning: " << warning << '\n';
  console.out << model_summary(model_file, loaded.model) << '\n';
  if (const auto cost = report::cost_line(report::design_cost(loaded.model)); !cost.empty()) {
    console.out << cost << '\n';
  }
  return kExitSuccess;
}

}  // namespace nines::cli
