// Parsing of nines-gui's few flags (QCommandLineParser would want a QCoreApplication first).
#include "nines/gui/command_line.hpp"

#include <QObject>
#include <array>
#include <limits>
#include <utility>

namespace nines::gui {
namespace {

constexpr std::array<std::pair<View, const char*>, 10> kViews{{{View::kGraph, "graph"},
                                                               {View::kConvergence, "convergence"},
                                                               {View::kHistogram, "histogram"},
                                                               {View::kOutages, "outages"},
                                                               {View::kPareto, "pareto"},
                                                               {View::kCompare, "compare"},
                                                               {View::kScenarios, "scenarios"},
                                                               {View::kTimeline, "timeline"},
                                                               {View::kRequests, "requests"},
                                                               {View::kPlan, "plan"}}};

}  // namespace

std::optional<View> view_from_name(const QString& name) {
  for (const auto& [view, text] : kViews) {
    if (name == QLatin1String(text)) return view;
  }
  return std::nullopt;
}

QString view_name(View view) {
  for (const auto& [v, text] : kViews) {
    if (v == view) return QString::fromLatin1(text);
  }
  return {};
}

QString view_names() {
  QStringList names;
  for (const auto& entry : kViews) names << QString::fromLatin1(entry.second);
  return names.join('|');
}

QString usage() {
  return QStringLiteral(
             "usage: nines-gui [MODEL] [--run] [--view %1]\n"
             "                 [--screenshot FILE.png] [--size WxH] [--what-if ID.KEY=VALUE ...]\n"
             "                 [--trace R] [--time-first-estimate]\n"
             "       nines-gui MODEL --view plan [--run] --vary KEY=SPEC ... [flags of nines "
             "plan]\n"
             "       nines-gui --plot SWEEP.json|PLAN.json --out FILE.png|FILE.svg [--size WxH]\n"
             "  --run                 run the model to completion before showing the view (with\n"
             "                        --view scenarios: compare base and every scenario)\n"
             "  --view V              the view to show\n"
             "  --screenshot FILE     write a PNG of the main window and exit (0; 2 for a bad "
             "model)\n"
             "  --size WxH            window size (default 1280x800)\n"
             "  --what-if ID.KEY=V    with --run: pin the run as baseline, apply the override\n"
             "                        (as nines run --set; repeatable) and run the variant\n"
             "  --trace R             with --view timeline or requests: replay replication R\n"
             "                        (default: the one with most downtime in the --run, else 0)\n"
             "  --view requests       the Timeline's requests lane alone (exit 2 headless for a\n"
             "                        model without a load)\n"
             "  --time-first-estimate print the time from a what-if change to the first "
             "estimate\n"
             "  --plot DOCUMENT       draw the document of nines sweep --json or nines plan "
             "--json\n"
             "                        to --out and exit (a sweep of one key: a line chart; two:\n"
             "                        a heat map; more: 2; a plan: cost against availability)\n"
             "  --out FILE            with --plot: the chart, a .png or .svg file\n"
             "  --vary, --target, --confidence, --objective, --probability, --budget,\n"
             "  --constraint, --window, --pilot, --batch, --max-replications, --max-time\n"
             "                        with --view plan: the Plan tab's inputs, as nines plan\n"
             "                        takes them (with --run: plan before showing it)\n")
      .arg(view_names());
}

std::optional<CommandLine> parse_command_line(const QStringList& arguments, QString& error) {
  CommandLine line;
  for (qsizetype i = 0; i < arguments.size(); ++i) {
    const QString& argument = arguments[i];
    auto value = [&]() -> std::optional<QString> {
      if (i + 1 >= arguments.size()) {
        error = QObject::tr("%1 needs a value").arg(argument);
        return std::nullopt;
      }
      return arguments[++i];
    };
    if (argument == "--run") {
      line.run = true;
    } else if (argument == "--time-first-estimate") {
      line.time_first_estimate = true;
    } else if (argument == "--what-if") {
      const auto set = value();
      if (!set) return std::nullopt;
      line.what_if << *set;
    } else if (argument == "--trace") {
      const auto text = value();
      if (!text) return std::nullopt;
      bool ok = false;
      const qulonglong replication = text->toULongLong(&ok);
      if (!ok || replication > static_cast<qulonglong>(std::numeric_limits<int>::max())) {
        error = QObject::tr("--trace: expected a replication number (0 or more); got \"%1\"")
                    .arg(*text);
        return std::nullopt;
      }
      line.trace = replication;
    } else if (argument == "--view") {
      const auto name = value();
      if (!name) return std::nullopt;
      line.view = view_from_name(*name);
      if (!line.view) {
        error = QObject::tr("--view: unknown view \"%1\"; known: %2").arg(*name, view_names());
        return std::nullopt;
      }
    } else if (argument == "--screenshot") {
      const auto file = value();
      if (!file) return std::nullopt;
      line.screenshot = *file;
    } else if (argument == "--plot") {
      const auto file = value();
      if (!file) return std::nullopt;
      line.plot = *file;
    } else if (argument == "--out") {
      const auto file = value();
      if (!file) return std::nullopt;
      const QString lower = file->toLower();
      if (!lower.endsWith(".png") && !lower.endsWith(".svg")) {
        error = QObject::tr("--out: expected a .png or .svg file; got \"%1\"").arg(*file);
        return std::nullopt;
      }
      line.out = *file;
    } else if (argument == "--size") {
      const auto text = value();
      if (!text) return std::nullopt;
      const QStringList parts = text->split('x');
      bool ok_w = false;
      bool ok_h = false;
      const int w = parts.size() == 2 ? parts[0].toInt(&ok_w) : 0;
      const int h = parts.size() == 2 ? parts[1].toInt(&ok_h) : 0;
      if (!ok_w || !ok_h || w < 200 || h < 150 || w > 8000 || h > 8000) {
        error = QObject::tr("--size: expected WxH between 200x150 and 8000x8000; got \"%1\"")
                    .arg(*text);
        return std::nullopt;
      }
      line.size = {w, h};
    } else if (is_plan_flag(argument)) {
      const auto text = value();
      if (!text) return std::nullopt;
      set_plan_flag(line.plan, argument, *text);
      line.has_plan_flags = true;
    } else if (argument.startsWith("--")) {
      error = QObject::tr("unknown option %1").arg(argument);
      return std::nullopt;
    } else if (line.model.isEmpty()) {
      line.model = argument;
    } else {
      error = QObject::tr("more than one model given: %1").arg(argument);
      return std::nullopt;
    }
  }
  if (!line.what_if.isEmpty() && !line.run) {
    // Ignored, it would leave the user believing the change was compared.
    error = QObject::tr("--what-if requires --run (the baseline run the change is compared with)");
    return std::nullopt;
  }
  if (!line.out.isEmpty() && line.plot.isEmpty()) {
    error = QObject::tr("--out requires --plot (the sweep or plan document to draw)");
    return std::nullopt;
  }
  if (!line.plot.isEmpty()) {
    if (line.out.isEmpty()) {
      error = QObject::tr("--plot requires --out FILE.png|FILE.svg (the chart to write)");
      return std::nullopt;
    }
    // A plot opens no window: a model or a flag of the window would be silently ignored.
    if (!line.model.isEmpty() || line.run || line.view || !line.screenshot.isEmpty() ||
        line.time_first_estimate) {
      error = QObject::tr(
          "--plot draws a sweep or plan document alone: no model, --run, --view, --screenshot or "
          "--time-first-estimate with it");
      return std::nullopt;
    }
  }
  if (line.has_plan_flags && line.view != View::kPlan) {
    error = QObject::tr("the flags of nines plan (--vary ...) require --view plan");
    return std::nullopt;
  }
  if (line.trace && line.view != View::kTimeline && line.view != View::kRequests) {
    error =
        QObject::tr("--trace R requires --view timeline or requests (the views that replay it)");
    return std::nullopt;
  }
  return line;
}

}  // namespace nines::gui
