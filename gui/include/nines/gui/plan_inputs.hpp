// The inputs of a plan as `nines plan` takes its flags: texts, read by the Plan tab and by
// nines-gui's command line alike.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include "nines/planner/plan.hpp"
#include "nines/planner/vary.hpp"

namespace nines::gui {

/// Each field is the text of the `nines plan` flag of that name; "" when not given.
struct PlanInputs {
  QStringList vary;
  QString target;
  QString confidence;
  QString objective;
  QString probability;
  QString budget;
  QStringList constraints;
  QString pilot;
  QString batch;
  QString max_replications;
  QString max_time;
  QString window;
};

/// Whether `flag` ("--vary", "--target", ...) is a flag of `nines plan` that nines-gui takes with
/// --view plan.
bool is_plan_flag(const QString& flag);
/// Stores the flag's value in `inputs` (repeatable flags append).
void set_plan_flag(PlanInputs& inputs, const QString& flag, const QString& value);
/// The inputs as `nines plan` flags, for messages and for the line that reproduces a plan.
QStringList plan_flags(const PlanInputs& inputs);

/// A plan ready to run: what `nines plan` has once its flags are read.
struct PlanRequest {
  std::vector<planner::Vary> varies;
  /// Criteria (target 0 when not given: the model's), budget, pilot, batch, ceilings.
  planner::PlanSettings settings;
  bool target_given = false;
  /// --window in hours (0: none) and as written.
  double window_hours = 0.0;
  std::optional<std::string> window;
};

/// Reads `inputs` with the rules of `nines plan`'s flags. Returns the request, or nothing and
/// `problem` set to the one-line message naming the flag ("--vary: empty range 3..1 ...").
std::optional<PlanRequest> plan_request_of(const PlanInputs& inputs, QString& problem);

}  // namespace nines::gui
