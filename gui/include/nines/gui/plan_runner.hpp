// Runs a plan on a worker thread for the Plan tab: the planner library, assembled as `nines plan`
// assembles it, with every candidate's change reported back live.
#pragma once

#include <QObject>
#include <QString>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nines/gui/plan_inputs.hpp"
#include "nines/gui/worker_jobs.hpp"
#include "nines/models/model.hpp"
#include "nines/planner/plan.hpp"
#include "nines/planner/point_grid.hpp"
#include "nines/report/plan_document.hpp"

namespace nines::gui {

/// A finished (or stopped) plan: the planner's result in the report library's document, and that
/// document as `nines plan --json` writes it.
struct PlanReport {
  std::unique_ptr<planner::PointGrid> grid;
  /// doc.grid points into `grid`; doc.plan's candidates keep their models.
  report::PlanDocument doc;
  nlohmann::json json;
};

/// What the model to plan is: the open model (validated) and where it came from.
struct PlanModel {
  models::Model model;
  /// For messages and the plan document ("<model>" when the model has no file).
  std::string file = "<model>";
  /// The model is the file as it is on disk: the documents carry its digest.
  bool from_file = false;
};

/// Starts plans on a worker thread (WorkerJobs, as RunController's runs) and reports on the GUI
/// thread. Every candidate is loaded as `nines plan` loads it: the model with the --target
/// override (when it differs from the model's) and the point's values, as `--set` applies them.
class PlanRunner : public QObject {
  Q_OBJECT

 public:
  explicit PlanRunner(QObject* parent = nullptr);

  /// Cancels a plan going on and starts this one.
  void start(const PlanModel& model, const PlanRequest& request);
  /// Stops the plan at the next replication (it reports as cancelled: no winner).
  void stop() { jobs_.cancel_current(); }
  bool running() const { return jobs_.running(); }

  /// The candidates as the plan knows them so far (point order; no models or per-replication
  /// figures): what the live views draw.
  const std::vector<planner::Candidate>& candidates() const { return live_; }
  const planner::PointGrid* grid() const { return grid_.get(); }
  /// The overrides every candidate gets before its values (the --target one, or none).
  const std::vector<std::string>& base_overrides() const { return base_overrides_; }
  /// The plan's target and currency (known once the candidates are loaded).
  double target() const { return target_; }
  const std::string& currency() const { return currency_; }
  /// The last finished plan, if any.
  std::shared_ptr<const PlanReport> report() const { return report_; }

 signals:
  void started();
  /// The candidates are loaded: candidates() has them all (costs, invalid ones).
  void loaded();
  /// Candidate `index` changed (status, replications, figures).
  void candidate_changed(int index);
  void progress(qint64 done, qint64 total);
  /// The plan ended (report() has it; report()->doc.plan.cancelled when stopped).
  void finished();
  /// Bad input found once the model is known (an invalid grid, an unknown constraint key...).
  void failed(const QString& message);

 private:
  std::vector<planner::Candidate> live_;
  std::unique_ptr<planner::PointGrid> grid_;
  std::vector<std::string> base_overrides_;
  double target_ = 0.0;
  std::string currency_;
  std::shared_ptr<const PlanReport> report_;
  WorkerJobs jobs_;  // last: destroyed (cancelled and joined) first
};

}  // namespace nines::gui
