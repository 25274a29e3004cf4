// Runs the engine on a worker thread for the GUI: debounced starts, cancellation, progress.
#pragma once

#include <QObject>
#include <QTimer>
#include <cstdint>

#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/precision_run.hpp"
#include "nines/gui/run_outcome.hpp"
#include "nines/gui/worker_jobs.hpp"
#include "nines/models/model.hpp"

namespace nines::gui {

/// How far a run goes.
struct RunTarget {
  /// False: the model's replications; true: until the relative precision is reached
  /// (engine::run_to_precision).
  bool to_precision = false;
  double relative_precision = 0.05;
};

/// Starts runs on a worker thread and reports back on the GUI thread. A new run cancels the one
/// going on (through the engine's cancel flag) without waiting for it: the old worker finishes at
/// its next replication boundary and is joined when it reports, so the GUI thread never blocks on
/// the engine. Reports of a superseded run are dropped by generation number.
class RunController : public QObject {
  Q_OBJECT

 public:
  explicit RunController(QObject* parent = nullptr);
  /// Cancels every run and joins the workers (they stop within one replication).
  ~RunController() override = default;
  RunController(const RunController&) = delete;
  RunController& operator=(const RunController&) = delete;

  /// Starts a run of `model` (validated) after the debounce delay; a newer request within the
  /// delay replaces it. What-if edits come here.
  void request_run(const models::Model& model);
  /// Starts a run now, cancelling the current one. `scenario` names the model's scenario that
  /// `model` is (carried into the outcome), "" for the model itself.
  void run_now(const models::Model& model, const std::string& scenario = {});
  /// Stops the current run (its partial result is reported as cancelled).
  void stop();
  bool running() const { return jobs_.running(); }

  void set_target(const RunTarget& target) { target_ = target; }
  const RunTarget& target() const { return target_; }
  /// Debounce delay of request_run (default 200 ms).
  void set_debounce_ms(int ms) { debounce_.setInterval(ms); }
  /// Worker threads of the engine (0: all cores).
  void set_threads(int threads) { threads_ = threads; }

 signals:
  /// A run began (after the debounce).
  void started();
  /// The running estimate, with the events simulated so far (for the speed in the status line).
  void progress(const nines::gui::ConvergencePoint& point, std::int64_t total,
                double elapsed_seconds, std::uint64_t events);
  /// The run ended (completed or cancelled: see outcome.result.cancelled).
  void finished(const nines::gui::RunOutcome& outcome);
  /// The engine threw (should not happen for a validated model); the message.
  void failed(const QString& message);

 private:
  void start(const models::Model& model, const std::string& scenario);

  QTimer debounce_;
  models::Model pending_;
  RunTarget target_;
  int threads_ = 0;
  WorkerJobs jobs_;  // last: destroyed (cancelled and joined) first
};

}  // namespace nines::gui

Q_DECLARE_METATYPE(nines::gui::ConvergencePoint)
Q_DECLARE_METATYPE(nines::gui::RunOutcome)
