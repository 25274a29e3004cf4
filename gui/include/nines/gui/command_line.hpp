// The command line of nines-gui: a model, and what to do with it headless (docs, tests).
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

#include "nines/gui/plan_inputs.hpp"

namespace nines::gui {

/// The views the window can show, as named on the command line. kRequests is the Timeline tab
/// showing its requests lane alone (last, so that the others keep their tab's index).
enum class View {
  kGraph,
  kConvergence,
  kHistogram,
  kOutages,
  kPareto,
  kCompare,
  kScenarios,
  kTimeline,
  kPlan,
  kRequests
};

/// "graph" -> kGraph ...; nothing for an unknown name.
std::optional<View> view_from_name(const QString& name);
QString view_name(View view);
/// "graph|convergence|..." for messages.
QString view_names();

struct CommandLine {
  QString model;
  bool run = false;
  std::optional<View> view;
  /// Write a PNG of the main window to this file and exit.
  QString screenshot;
  QSize size{1280, 800};
  /// With --run: pin the run as the baseline, apply these overrides (as `nines run --set`) as one
  /// edit and run again, so the views show baseline against variant.
  QStringList what_if;
  /// With --view timeline or requests: the replication to replay (default: the one with most
  /// downtime in the --run, else 0).
  std::optional<std::uint64_t> trace;
  /// Print the time from a what-if change to the first estimate, then exit (timing script).
  bool time_first_estimate = false;
  /// Draw this `nines sweep --json` document to `out` (at `size`) and exit; no model, no window.
  QString plot;
  /// With --plot: the chart file, ending in .png or .svg.
  QString out;
  /// With --view plan: the flags of `nines plan` (--vary, --target, ...) for the Plan tab.
  PlanInputs plan;
  bool has_plan_flags = false;
};

/// Parses the arguments after the program name. Returns the error message on a bad command line
/// (unknown flag, missing value, bad size or view; --plot without --out, with a model or with a
/// flag of the window; --out without --plot or not ending in .png or .svg).
std::optional<CommandLine> parse_command_line(const QStringList& arguments, QString& error);

/// The usage text for --help.
QString usage();

}  // namespace nines::gui
