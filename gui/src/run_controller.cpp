// The worker-thread runs behind the GUI: one std::thread per run, reports queued to the GUI thread.
#include "nines/gui/run_controller.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>
#include <utility>

#include "nines/report/checked_run.hpp"

namespace nines::gui {

namespace {
constexpr int kDebounceMs = 200;
/// Often enough for a smooth chart and a first estimate well under half a second.
constexpr double kProgressIntervalSeconds = 0.04;
}  // namespace

RunController::RunController(QObject* parent) : QObject(parent), jobs_(this) {
  qRegisterMetaType<nines::gui::ConvergencePoint>();
  qRegisterMetaType<nines::gui::RunOutcome>();
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, [this] { start(pending_, {}); });
}

void RunController::request_run(const models::Model& model) {
  pending_ = model;
  debounce_.start();
}

void RunController::run_now(const models::Model& model, const std::string& scenario) {
  debounce_.stop();
  start(model, scenario);
}

void RunController::stop() {
  debounce_.stop();
  jobs_.cancel_current();
}

void RunController::start(const models::Model& model, const std::string& scenario) {
  emit started();
  const RunTarget target = target_;
  const int threads = threads_;
  // The worker owns a copy of the model; it talks back only through the reporter, whose queued
  // calls run on the GUI thread.
  jobs_.start([this, model, scenario, target, threads](const std::atomic<bool>& cancel,
                                                       const JobReporter& reporter) {
    engine::RunOptions options;
    options.threads = threads;
    options.cancel = &cancel;
    options.progress_interval_seconds = kProgressIntervalSeconds;
    options.progress = [this, &reporter](const engine::Progress& p) {
      if (p.done < 2) return;  // one replication has no interval yet
      const ConvergencePoint point{static_cast<double>(p.done), p.availability.mean,
                                   p.availability.ci95_lo, p.availability.ci95_hi};
      const std::int64_t total = p.total;
      const double elapsed = p.elapsed_seconds;
      const std::uint64_t events = p.events;
      reporter.post(
          [this, point, total, elapsed, events] { emit progress(point, total, elapsed, events); });
    };
    RunOutcome outcome;
    outcome.model = model;
    outcome.scenario = scenario;
    QString error;
    try {
      // The checked run `nines run` performs: the memory refusal, the per-replication figures
      // paired differences need, the exact answer.
      report::RunRequest request;
      if (target.to_precision) {
        engine::PrecisionOptions precision;
        precision.relative_precision = target.relative_precision;
        request.precision = precision;
      }
      request.keep_replications = true;
      request.who = "nines-gui";
      report::CheckedRun run = report::checked_run(model, options, request);
      outcome.result = std::move(run.result);
      outcome.exact = std::move(run.exact);
      outcome.range = std::move(run.range);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    reporter.finish([this, outcome = std::move(outcome), error] {
      if (error.isEmpty()) {
        emit finished(outcome);
      } else {
        emit failed(error);
      }
    });
  });
}

}  // namespace nines::gui
