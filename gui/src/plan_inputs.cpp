// Reading a plan's inputs with the rules of `nines plan`'s flags (cli/src/plan_command.cpp).
#include "nines/gui/plan_inputs.hpp"

#include <QObject>
#include <array>
#include <cmath>
#include <stdexcept>

#include "nines/models/duration.hpp"
#include "nines/planner/plan_criteria.hpp"
#include "nines/planner/point_grid.hpp"

namespace nines::gui {
namespace {

constexpr std::array<const char*, 12> kFlags{
    "--vary",  "--target", "--confidence",       "--objective", "--probability", "--budget",
    "--pilot", "--batch",  "--max-replications", "--max-time",  "--window",      "--constraint"};

/// A whole count of replications ("1000", "1e3"), or nothing.
std::optional<std::int64_t> parse_count(const QString& text) {
  bool ok = false;
  const qlonglong whole = text.trimmed().toLongLong(&ok);
  if (ok) return whole;
  const double value = text.trimmed().toDouble(&ok);
  if (!ok || !std::isfinite(value) || value != std::floor(value) || value > 9e15) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(value);
}

/// A positive duration with a unit ("30d", "90s"), in hours.
std::optional<double> positive_hours(const QString& text) {
  const auto hours = models::parse_duration_text(text.trimmed().toStdString());
  if (!hours || !std::isfinite(*hours) || !(*hours > 0.0)) return std::nullopt;
  bool plain = false;
  text.trimmed().toDouble(&plain);  // a bare number has no unit: refused as by the CLI
  if (plain) return std::nullopt;
  return hours;
}

}  // namespace

bool is_plan_flag(const QString& flag) {
  for (const char* f : kFlags) {
    if (flag == QLatin1String(f)) return true;
  }
  return false;
}

void set_plan_flag(PlanInputs& inputs, const QString& flag, const QString& value) {
  if (flag == "--vary") inputs.vary << value;
  if (flag == "--constraint") inputs.constraints << value;
  if (flag == "--target") inputs.target = value;
  if (flag == "--confidence") inputs.confidence = value;
  if (flag == "--objective") inputs.objective = value;
  if (flag == "--probability") inputs.probability = value;
  if (flag == "--budget") inputs.budget = value;
  if (flag == "--pilot") inputs.pilot = value;
  if (flag == "--batch") inputs.batch = value;
  if (flag == "--max-replications") inputs.max_replications = value;
  if (flag == "--max-time") inputs.max_time = value;
  if (flag == "--window") inputs.window = value;
}

QStringList plan_flags(const PlanInputs& inputs) {
  QStringList flags;
  for (const QString& v : inputs.vary) flags << "--vary" << v;
  const auto add = [&](const char* flag, const QString& value) {
    if (!value.trimmed().isEmpty()) flags << flag << value.trimmed();
  };
  add("--target", inputs.target);
  add("--confidence", inputs.confidence);
  add("--objective", inputs.objective);
  add("--probability", inputs.probability);
  add("--budget", inputs.budget);
  for (const QString& c : inputs.constraints) flags << "--constraint" << c;
  add("--window", inputs.window);
  add("--pilot", inputs.pilot);
  add("--batch", inputs.batch);
  add("--max-replications", inputs.max_replications);
  add("--max-time", inputs.max_time);
  return flags;
}

std::optional<PlanRequest> plan_request_of(const PlanInputs& in, QString& problem) {
  PlanRequest request;
  planner::PlanSettings& s = request.settings;
  planner::PlanCriteria& k = s.criteria;
  const auto fail = [&](const QString& text) {
    problem = text;
    return std::nullopt;
  };
  const auto level = [&](const char* flag, const QString& text, double& out) {
    const auto value = planner::parse_level(text.trimmed().toStdString());
    if (!value) {
      problem = QObject::tr(
                    "%1: must be a fraction or a percentage between 0 and 1 (exclusive), e.g. "
                    "0.9995 or 99.95%; got \"%2\"")
                    .arg(flag, text);
      return false;
    }
    out = *value;
    return true;
  };
  for (const QString& flag : in.vary) {
    try {
      request.varies.push_back(planner::parse_vary(flag.toStdString()));
    } catch (const std::invalid_argument& e) {
      return fail("--vary: " + QString::fromStdString(e.what()));
    }
  }
  try {
    const planner::PointGrid grid(request.varies);  // no vary, a key twice, too many points
  } catch (const std::invalid_argument& e) {
    return fail(QString::fromStdString(e.what()));
  }
  if (!in.objective.trimmed().isEmpty()) {
    try {
      k.objective = planner::parse_objective(in.objective.trimmed().toStdString());
    } catch (const std::invalid_argument& e) {
      return fail("--objective: " + QString::fromStdString(e.what()));
    }
  }
  if (!in.target.trimmed().isEmpty()) {
    if (!level("--target", in.target, k.target)) return std::nullopt;
    request.target_given = true;
  }
  if (!in.confidence.trimmed().isEmpty() && !level("--confidence", in.confidence, k.confidence)) {
    return std::nullopt;
  }
  if (!in.probability.trimmed().isEmpty()) {
    double p = 0.0;
    if (!level("--probability", in.probability, p)) return std::nullopt;
    k.probability = p;
  }
  if (k.objective == planner::Objective::kAvailability && k.probability) {
    return fail(QObject::tr("--probability goes with --objective sla or window, not availability"));
  }
  if (k.objective != planner::Objective::kAvailability && !k.probability) {
    return fail(
        QObject::tr("--objective %1 needs --probability P (the share of years or windows "
                    "to meet)")
            .arg(QString::fromStdString(std::string(planner::objective_name(k.objective)))));
  }
  if (!in.window.trimmed().isEmpty()) {
    const auto hours = positive_hours(in.window);
    if (!hours) {
      return fail(QObject::tr("--window: must be a positive duration with a unit, e.g. 30d; "
                              "got \"%1\"")
                      .arg(in.window));
    }
    request.window_hours = *hours;
    request.window = in.window.trimmed().toStdString();
  }
  if (k.objective == planner::Objective::kWindow && !request.window) {
    return fail(QObject::tr("--objective window needs --window D (the SLA window, e.g. 30d)"));
  }
  for (const QString& text : in.constraints) {
    if (text.trimmed().isEmpty()) continue;
    try {
      k.constraints.push_back(planner::parse_constraint(text.trimmed().toStdString()));
    } catch (const std::invalid_argument& e) {
      return fail("--constraint: " + QString::fromStdString(e.what()));
    }
  }
  if (!in.budget.trimmed().isEmpty()) {
    bool ok = false;
    const double value = in.budget.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0.0) {
      return fail(QObject::tr("--budget: must be a non-negative number (a monthly cost); got "
                              "\"%1\"")
                      .arg(in.budget));
    }
    s.budget = value;
  }
  const auto count = [&](const char* flag, const QString& text, std::int64_t least,
                         std::int64_t& out) {
    if (text.trimmed().isEmpty()) return true;
    const auto value = parse_count(text);
    if (!value || *value < least) {
      problem = QObject::tr(
                    "%1: must be a whole number of replications of at least %2; got "
                    "\"%3\"")
                    .arg(flag)
                    .arg(least)
                    .arg(text);
      return false;
    }
    out = *value;
    return true;
  };
  if (!count("--pilot", in.pilot, 2, s.pilot) || !count("--batch", in.batch, 1, s.batch) ||
      !count("--max-replications", in.max_replications, 1, s.max_replications)) {
    return std::nullopt;
  }
  if (s.max_replications < s.pilot) {
    return fail(QObject::tr("--max-replications: must be at least the pilot (%1 replications); "
                            "got %2")
                    .arg(s.pilot)
                    .arg(s.max_replications));
  }
  if (!in.max_time.trimmed().isEmpty()) {
    const auto hours = positive_hours(in.max_time);
    if (!hours) {
      return fail(QObject::tr("--max-time: must be a positive duration with a unit, e.g. 10m; "
                              "got \"%1\"")
                      .arg(in.max_time));
    }
    s.max_seconds = *hours * 3600.0;
  }
  return request;
}

}  // namespace nines::gui
