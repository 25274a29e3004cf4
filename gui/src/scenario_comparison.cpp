// The compare-all worker: base and scenarios on one std::thread, reports queued to the GUI thread.
#include "nines/gui/scenario_comparison.hpp"

#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nines/engine/monte_carlo.hpp"
#include "nines/models/scenario.hpp"
#include "nines/report/checked_run.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/provenance.hpp"

namespace nines::gui {

namespace {

/// The scenario's settings as the CLI writes them beside its name ("db.instances=3").
std::vector<std::string> scenario_settings(const models::Model& base,
                                           const std::optional<std::string>& name) {
  std::vector<std::string> settings;
  if (!name) return settings;
  for (const auto& scenario : base.scenarios) {
    if (scenario.name != *name) continue;
    for (const auto& setting : scenario.set) {
      settings.push_back(report::canonical_override(setting.key + "=" + setting.value_json));
    }
  }
  return settings;
}

}  // namespace

ScenarioComparison::ScenarioComparison(QObject* parent) : QObject(parent), jobs_(this) {
  qRegisterMetaType<std::vector<nines::report::ScenarioRun>>();
}

void ScenarioComparison::stop() { jobs_.cancel_current(); }

void ScenarioComparison::start(const models::Model& base, const QString& file) {
  const int threads = threads_;
  const std::string file_name = file.isEmpty() ? std::string("<model>") : file.toStdString();
  jobs_.start([this, base, file_name, threads](const std::atomic<bool>& cancel,
                                               const JobReporter& reporter) {
    std::vector<report::ScenarioRun> runs;
    QString error;
    try {
      // Every variant is applied before anything runs, as the CLI does: a scenario that no
      // longer fits the model fails at once, not after the base run.
      std::vector<std::pair<std::optional<std::string>, models::Model>> variants;
      variants.emplace_back(std::nullopt, base);
      for (const auto& scenario : base.scenarios) {
        variants.emplace_back(scenario.name,
                              models::apply_scenario(base, scenario.name, file_name));
      }
      const int total = static_cast<int>(variants.size());
      for (int i = 0; i < total; ++i) {
        const auto& [name, model] = variants[static_cast<std::size_t>(i)];
        const QString label = name ? QString::fromStdString(*name) : tr("base");
        reporter.post([this, i, total, label] { emit run_started(i, total, label); });
        engine::RunOptions options;
        options.threads = threads;
        options.cancel = &cancel;
        // The checked run `nines run --all-scenarios` performs, per-replication figures kept
        // for the paired differences against the base.
        report::RunRequest request;
        request.keep_replications = true;
        request.who = "nines-gui";
        report::CheckedRun checked = report::checked_run(model, options, request);
        report::ScenarioRun run{name, scenario_settings(base, name), std::move(checked.result),
                                std::move(checked.exact)};
        run.cost = report::design_cost(model);
        run.range = std::move(checked.range);
        const bool cancelled = run.result.cancelled;
        runs.push_back(std::move(run));
        if (cancelled) break;
      }
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    reporter.finish([this, runs = std::move(runs), error] {
      if (error.isEmpty()) {
        emit finished(runs);
      } else {
        emit failed(error);
      }
    });
  });
}

}  // namespace nines::gui
