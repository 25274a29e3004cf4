// "Compare all": the base model and every scenario run on one worker thread, as the CLI does.
#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "nines/gui/worker_jobs.hpp"
#include "nines/models/model.hpp"
#include "nines/report/scenario_table.hpp"

namespace nines::gui {

/// Runs the base model and then each of its scenarios (models::apply_scenario) with the model's
/// seed, one after the other on a worker thread, exactly as `nines run --all-scenarios` does
/// (engine::run, then the exact check): the rows equal the CLI's. The GUI thread only receives
/// queued reports. A new comparison or stop() cancels the one going on through the engine's
/// cancel flag without waiting for it; reports of a superseded comparison are dropped.
class ScenarioComparison : public QObject {
  Q_OBJECT

 public:
  explicit ScenarioComparison(QObject* parent = nullptr);
  /// Cancels and joins the worker (it stops within one replication).
  ~ScenarioComparison() override = default;
  ScenarioComparison(const ScenarioComparison&) = delete;
  ScenarioComparison& operator=(const ScenarioComparison&) = delete;

  /// Starts comparing `base` (validated) with its scenarios; `file` names it in messages.
  void start(const models::Model& base, const QString& file);
  void stop();
  bool running() const { return jobs_.running(); }
  /// Engine worker threads per run (0: all cores).
  void set_threads(int threads) { threads_ = threads; }

 signals:
  /// Run `index` (0 is the base) of `total` begins; `label` is "base" or the scenario's name.
  void run_started(int index, int total, const QString& label);
  /// Every run made, base first. After stop() the last one is cancelled and later ones are
  /// missing, as in the CLI's table after Ctrl-C.
  void finished(const std::vector<nines::report::ScenarioRun>& runs);
  /// A scenario could not be applied (the loader's message) or the engine threw.
  void failed(const QString& message);

 private:
  int threads_ = 0;
  WorkerJobs jobs_;  // last: destroyed (cancelled and joined) first
};

}  // namespace nines::gui

Q_DECLARE_METATYPE(std::vector<nines::report::ScenarioRun>)
