// The compare-all worker: base and scenarios on one std::thread, reports queued to the GUI thread.
#include "nines/gui/scenario_comparison.hpp"

#include <exception>
#include <optional>
#include <string>
#include <utility>

#include "nines/engine/monte_carlo.hpp"
#include "nines/models/scenario.hpp"
#include "nines/report/exact_check.hpp"

namespace nines::gui {

struct ScenarioComparison::Job {
  std::uint64_t generation = 0;
  std::atomic<bool> cancel{false};
  std::thread thread;
};

ScenarioComparison::ScenarioComparison(QObject* parent) : QObject(parent) {
  qRegisterMetaType<std::vector<nines::report::ScenarioRun>>();
}

ScenarioComparison::~ScenarioComparison() {
  for (auto& job : jobs_) job->cancel = true;
  for (auto& job : jobs_) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void ScenarioComparison::stop() {
  if (active_) active_->cancel = true;
}

void ScenarioComparison::start(const models::Model& base, const QString& file) {
  if (active_) active_->cancel = true;
  auto job = std::make_shared<Job>();
  job->generation = ++generation_;
  active_ = job;
  jobs_.push_back(job);
  Job* raw = job.get();
  const int threads = threads_;
  const std::string file_name = file.isEmpty() ? std::string("<model>") : file.toStdString();
  job->thread = std::thread([this, raw, base, file_name, threads] {
    const std::uint64_t generation = raw->generation;
    const auto post = [this, generation](auto report) {
      QMetaObject::invokeMethod(
          this,
          [this, generation, report = std::move(report)] {
            if (generation == generation_) report();
          },
          Qt::QueuedConnection);
    };
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
        post([this, i, total, label] { emit run_started(i, total, label); });
        engine::RunOptions options;
        options.threads = threads;
        options.cancel = &raw->cancel;
        report::ScenarioRun run{name, engine::run(model, options), std::nullopt};
        if (!run.result.cancelled) run.exact = report::exact_check(model, run.result);
        const bool cancelled = run.result.cancelled;
        runs.push_back(std::move(run));
        if (cancelled) break;
      }
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    // The last report: it joins this thread, so nothing may follow it here.
    QMetaObject::invokeMethod(
        this,
        [this, generation, runs = std::move(runs), error] {
          retire(generation);
          if (generation != generation_) return;
          if (error.isEmpty()) {
            emit finished(runs);
          } else {
            emit failed(error);
          }
        },
        Qt::QueuedConnection);
  });
}

void ScenarioComparison::retire(std::uint64_t generation) {
  for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
    if ((*it)->generation != generation) continue;
    if ((*it)->thread.joinable()) (*it)->thread.join();
    if (active_ == *it) active_.reset();
    jobs_.erase(it);
    return;
  }
}

}  // namespace nines::gui
