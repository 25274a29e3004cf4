// The documents of `nines sweep`: the JSON (docs/results-format.md, "Sweep") and the CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nines/engine/run_result.hpp"
#include "nines/report/provenance.hpp"
#include "nines/report/scenario_table.hpp"

namespace nines::report {

struct SweepDocument {
  std::string model_name;
  std::uint64_t seed = 0;
  /// [{"key", "values"}], in flag order.
  nlohmann::json vary = nlohmann::json::array();
  /// Every combination reached, in point order: its values, and either the index of its run in
  /// `runs` or the loader's message.
  struct Point {
    nlohmann::json values;
    std::optional<std::size_t> run;
    std::string message;
  };
  std::vector<Point> points;
  /// The valid points' runs, in point order; each `settings` holds the point's overrides, the
  /// first is the reference of every `difference`.
  std::vector<ScenarioRun> runs;
  /// The --set overrides (canonical) and the model file's digest; each point's result adds its
  /// own values after the --set ones.
  Provenance provenance;
  bool cancelled = false;
  engine::RunInfo run_info;
};

nlohmann::json sweep_to_json(const SweepDocument& sweep);
std::string sweep_json_text(const SweepDocument& sweep);

/// RFC 4180, a header, a row per point (docs/results-format.md lists the columns); numbers with
/// 17 significant digits so they read back exactly, null as an empty field.
void write_sweep_csv(const SweepDocument& sweep, std::ostream& out);

}  // namespace nines::report
