// nines-gui's flow: the command line, then either the interactive window or a headless job.
#include "nines/gui/gui_main.hpp"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <optional>

#include "nines/gui/charts/plan_chart.hpp"
#include "nines/gui/charts/plan_plot.hpp"
#include "nines/gui/charts/sweep_chart.hpp"
#include "nines/gui/charts/sweep_plot.hpp"
#include "nines/gui/command_line.hpp"
#include "nines/gui/graph_view.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/plan_view.hpp"
#include "nines/gui/timeline_view.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/error.hpp"

namespace nines::gui {
namespace {

void print_error(const QString& text) { std::fprintf(stderr, "%s\n", qPrintable(text)); }

/// Milliseconds from a what-if change (the repair time of the first component, as a user would
/// drag it) to the first estimate with a CI painted, debounce included. Three changes; each
/// waits for the previous run to end.
int time_first_estimate(MainWindow& window) {
  const models::Model& model = window.document()->model();
  if (model.components.empty()) return 2;
  window.select_component(model.components.front().id);
  window.set_auto_run(true);
  for (int trial = 0; trial < 3; ++trial) {
    QElapsedTimer clock;
    QEventLoop first;
    qint64 to_first = -1;
    auto mark = [&] {
      if (to_first >= 0) return;
      window.repaint();  // the estimate is on screen when this returns
      to_first = clock.elapsed();
      first.quit();
    };
    const auto c1 = QObject::connect(window.runs(), &RunController::progress, &first, mark);
    const auto c2 = QObject::connect(window.runs(), &RunController::finished, &first, mark);
    QDoubleSpinBox* repair = window.what_if()->mean_repair();
    clock.start();
    repair->setValue(repair->value() * (trial % 2 == 0 ? 1.5 : 1.0 / 1.5));
    first.exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    if (window.runs()->running()) {
      QEventLoop done;
      QObject::connect(window.runs(), &RunController::finished, &done, &QEventLoop::quit);
      done.exec();
    }
    std::printf("%s\tfirst estimate after %lld ms\n", qPrintable(window.document()->file()),
                static_cast<long long>(to_first));
  }
  std::fflush(stdout);
  return 0;
}

/// --plot: reads the sweep or plan document and writes its chart; no window. 0; 2 for a document
/// that cannot be drawn (one line naming the file); 1 when the chart cannot be written.
int plot(const CommandLine& line) {
  const std::string file = line.plot.toStdString();
  std::optional<charts::SweepPlot> sweep;
  std::optional<charts::PlanPlot> plan;
  try {
    const nlohmann::json document = charts::read_plot_document(file);
    if (charts::is_plan_document(document)) {
      plan = charts::plan_plot_of(document, file);
    } else {
      sweep = charts::sweep_plot_of(document, file);
      charts::check_plottable(*sweep, file);
    }
  } catch (const Error& e) {
    print_error(QString::fromStdString(e.what()));
    return 2;
  }
  const bool written = plan ? charts::write_plan_chart(*plan, line.out, line.size)
                            : charts::write_sweep_chart(*sweep, line.out, line.size);
  if (!written) {
    print_error("nines-gui: cannot write " + line.out);
    return 1;
  }
  return 0;
}

}  // namespace

int gui_main(int argc, char** argv) {
  QStringList arguments;
  for (int i = 1; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
  if (arguments.contains("--help") || arguments.contains("-h")) {
    std::printf("%s", qPrintable(usage()));
    return 0;
  }
  QString error;
  const std::optional<CommandLine> line = parse_command_line(arguments, error);
  if (!line) {
    print_error("nines-gui: " + error);
    print_error(usage());
    return 2;
  }
  // A plot draws into a file: no display needed, whatever the session has.
  if (!line->plot.isEmpty() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  QApplication::setOrganizationName("nines");
  QApplication::setApplicationName("nines-gui");
  if (!line->plot.isEmpty()) return plot(*line);
  const bool headless = !line->screenshot.isEmpty() || line->time_first_estimate;

  MainWindow window;
  window.resize(line->size);
  // Headless jobs run only when asked (--run); the interactive window runs on open and on edits.
  window.set_auto_run(!headless);
  if (!line->model.isEmpty()) {
    const QString message = window.open_file(line->model, headless);
    if (!message.isEmpty() && headless) {
      print_error(message);
      return 2;
    }
  }
  if (line->view == View::kRequests && headless && !window.document()->model().load) {
    // A picture of nothing would pass for one of a model that serves every request.
    print_error(QStringLiteral("nines-gui: --view requests: %1 has no load (no requests to draw)")
                    .arg(line->model.isEmpty() ? QStringLiteral("the model") : line->model));
    return 2;
  }
  if (line->view) window.show_view(*line->view);
  if (line->time_first_estimate) {
    window.show();
    return time_first_estimate(window);
  }
  const bool scenarios_view = line->view && *line->view == View::kScenarios;
  const bool plan_view = line->view && *line->view == View::kPlan;
  if (plan_view) window.plan()->set_inputs(line->plan);
  if (line->run && !window.document()->runnable() && headless) {
    print_error(QString::fromStdString(window.document()->validation().error));
    return 2;
  }
  if (line->run && plan_view) {
    // The Plan tab plans (as nines plan would); bad input is exit 2 as there.
    const QString problem = window.plan()->run_and_wait();
    if (!problem.isEmpty() && headless) {
      print_error("nines-gui: " + problem);
      return 2;
    }
  } else if (line->run && scenarios_view) {
    // The scenarios view shows the comparison; a model without scenarios shows why there is none.
    window.compare_scenarios_and_wait();
  } else if (line->run) {
    window.run_and_wait();
  }
  if (line->run && !line->what_if.isEmpty()) {
    window.pin_baseline();
    const QString message = window.apply_what_if(line->what_if);
    if (!message.isEmpty()) {
      print_error(message);
      return 2;
    }
    window.run_and_wait();
  }
  if (line->trace) window.timeline()->set_replication(*line->trace);
  if (!line->screenshot.isEmpty()) {
    window.show();
    // Let layouts, the graph's fit and the charts settle before grabbing.
    for (int i = 0; i < 5; ++i) {
      QApplication::processEvents();
      QEventLoop pause;
      QTimer::singleShot(20, &pause, &QEventLoop::quit);
      pause.exec();
    }
    // The graph is laid out on a worker: the picture waits for it.
    while (window.graph()->layout_pending()) {
      QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    if (line->view && *line->view == View::kGraph) window.graph()->fit();
    QApplication::processEvents();
    if (!window.grab().save(line->screenshot, "PNG")) {
      print_error("nines-gui: cannot write " + line->screenshot);
      return 1;
    }
    return 0;
  }
  window.show();
  return QApplication::exec();
}

}  // namespace nines::gui
