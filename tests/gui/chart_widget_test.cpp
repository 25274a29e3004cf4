// Tests of ChartWidget in an offscreen main window: every linear axis of every chart on ticks of
// {1, 2, 5} x 10^k, and the causes chart of a run in which nothing caused downtime.
#include "nines/gui/charts/chart_widget.hpp"

#include <gtest/gtest.h>

#include <QAbstractAxis>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QTemporaryDir>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/plan_view.hpp"

namespace nines::gui::charts {
namespace {

void settle() {
  for (int i = 0; i < 5; ++i) {
    QApplication::processEvents();
    testing::wait_until([] { return false; }, 10);
  }
}

/// Shows every chart tab of `window` in turn so that each is laid out at the window's size.
void show_every_chart(MainWindow& window) {
  for (View v : {View::kConvergence, View::kHistogram, View::kOutages, View::kPareto}) {
    window.show_view(v);
    settle();
  }
}

/// Whether `step` is 1, 2 or 5 times a power of ten (to rounding).
bool one_two_five(double step) {
  if (!(step > 0.0)) return false;
  const double decade = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  const double mantissa = step / decade;
  return std::abs(mantissa - 1.0) < 1e-9 || std::abs(mantissa - 2.0) < 1e-9 ||
         std::abs(mantissa - 5.0) < 1e-9;
}

/// The text item on `scene` that reads `text` (titles and labels of axes are text items).
const QGraphicsTextItem* text_item(const QGraphicsScene* scene, const QString& text) {
  for (const QGraphicsItem* item : scene->items()) {
    const auto* t = dynamic_cast<const QGraphicsTextItem*>(item);
    if (t != nullptr && t->isVisible() && t->toPlainText() == text) return t;
  }
  return nullptr;
}

bool multiple_of(double value, double step) {
  return std::abs(value / step - std::round(value / step)) < 1e-6;
}

TEST(ChartWidget, PutsEveryLinearAxisOfEveryChartOnOneTwoFiveTicks) {
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1400, 900);
  window.show();
  ASSERT_EQ(window.open_file(
                QString::fromStdString((testing::samples_dir() / "web-shop.json").string()), true),
            QString());
  ASSERT_TRUE(window.run_and_wait());
  show_every_chart(window);
  QList<QChartView*> views = window.findChildren<QChartView*>();
  // The Plan tab's chart has its own axes (cost, nines): tests/gui/plan_view_test.cpp.
  views.removeIf([&](QChartView* v) { return window.plan()->isAncestorOf(v); });
  ASSERT_EQ(views.size(), 4);  // convergence, downtime, outages, causes
  int linear = 0;
  for (const QChartView* view : views) {
    const std::string chart = view->chart()->title().toStdString();
    for (const QAbstractAxis* a : view->chart()->axes()) {
      const auto* axis = qobject_cast<const QValueAxis*>(a);
      if (axis == nullptr) continue;  // log and category axes
      ++linear;
      const std::string name = chart + " / " + axis->titleText().toStdString();
      const double step = axis->tickInterval();
      EXPECT_EQ(axis->tickType(), QValueAxis::TicksDynamic) << name;
      EXPECT_TRUE(one_two_five(step)) << name << ": ticks every " << step;
      EXPECT_TRUE(multiple_of(axis->tickAnchor(), step))
          << name << ": anchored at " << axis->tickAnchor();
      EXPECT_TRUE(multiple_of(axis->min(), step)) << name << ": from " << axis->min();
      EXPECT_TRUE(multiple_of(axis->max(), step)) << name << ": to " << axis->max();
      EXPECT_LT(axis->min(), axis->max()) << name;
      // Labels show the ticks, no more and no fewer decimals than the step needs.
      const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
      EXPECT_EQ(axis->labelFormat().toStdString(), "%." + std::to_string(decimals) + "f") << name;
      // Both ends carry a tick and its label (rounding in the chart library drops neither).
      for (const double end : {axis->min(), axis->max()}) {
        const QString label = QString::number(end, 'f', decimals);
        EXPECT_NE(text_item(view->scene(), label), nullptr)
            << name << ": no label " << label.toStdString();
      }
    }
  }
  // Replications and availability, downtime share, outage share, share of downtime by cause.
  EXPECT_EQ(linear, 5);
}

TEST(ChartWidget, KeepsTheCausesChartsAxisTitlesBesideItsPlotWhenNothingCausedDowntime) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = dir.filePath("quiet.json");
  // One server that fails once in a million years, over one day: no run sees an outage.
  std::ofstream(path.toStdString())
      << nlohmann::json{{"name", "Nothing fails"},
                        {"horizon", "1d"},
                        {"replications", 200},
                        {"seed", 1},
                        {"components", {{{"id", "server"}, {"mtbf", "1000000y"}, {"mttr", "1h"}}}}}
             .dump();
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1400, 900);
  window.show();
  ASSERT_EQ(window.open_file(path, true), QString());
  ASSERT_TRUE(window.run_and_wait());
  ASSERT_EQ(window.last_outcome()->result.availability.mean, 1.0);
  show_every_chart(window);
  const QChartView* view = nullptr;
  for (const QChartView* v : window.findChildren<QChartView*>()) {
    if (v->chart()->title().startsWith("Share of system downtime")) view = v;
  }
  ASSERT_NE(view, nullptr);
  const QChart* chart = view->chart();
  EXPECT_EQ(chart->title(), "Share of system downtime: no downtime was seen");
  const QRectF plot = chart->plotArea();
  ASSERT_FALSE(plot.isEmpty());
  const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
  for (const QAbstractAxis* axis : chart->axes()) {
    const std::string name = axis->titleText().toStdString();
    const QGraphicsTextItem* title = text_item(view->scene(), axis->titleText());
    ASSERT_NE(title, nullptr) << name;
    const QRectF r = title->sceneBoundingRect();
    EXPECT_TRUE(shown.contains(r)) << name;
    // Beside the plot, along its side: under it for a horizontal axis, left of it for a
    // vertical one (not in the view's top-left corner).
    if (axis->orientation() == Qt::Horizontal) {
      EXPECT_GE(r.top(), plot.bottom()) << name;
      EXPECT_TRUE(r.center().x() > plot.left() && r.center().x() < plot.right()) << name;
    } else {
      EXPECT_LE(r.right(), plot.left()) << name;
      EXPECT_TRUE(r.center().y() > plot.top() && r.center().y() < plot.bottom()) << name;
    }
  }
}

TEST(ChartWidget, DrawsDeployCausesInAColourOfTheirOwnWithALegendEntry) {
  ChartWidget widget;
  widget.resize(800, 500);
  widget.show();
  ParetoData data;
  data.has_baseline = true;
  data.bars = {{"web (deploys)", 0.6, 0.5, "deploy"},
               {"db", 0.3, 0.4, "component"},
               {"zone eu-a", 0.1, 0.1, "zone"}};
  widget.show_pareto(data);
  settle();
  const auto* view = widget.findChild<QChartView*>();
  ASSERT_NE(view, nullptr);
  const QHorizontalBarSeries* bars = nullptr;
  QStringList legend;
  for (QAbstractSeries* series : view->chart()->series()) {
    if (auto* b = qobject_cast<QHorizontalBarSeries*>(series)) bars = b;
  }
  for (QLegendMarker* marker : view->chart()->legend()->markers()) {
    if (marker->isVisible()) legend << marker->label();
  }
  EXPECT_TRUE(legend.contains("deploys (root cause)")) << legend.join(", ").toStdString();
  ASSERT_NE(bars, nullptr);
  ASSERT_EQ(bars->count(), 2);  // baseline and current
  for (QBarSet* set : bars->barSets()) {
    // Categories run bottom to top: the deploy bar, largest, is the last one.
    EXPECT_EQ(set->selectedBars(), QList<int>{2}) << set->label().toStdString();
    EXPECT_NE(set->selectedColor(), set->color());
  }
  // Without a deploy cause: no such entry.
  data.bars.erase(data.bars.begin());
  widget.show_pareto(data);
  for (QLegendMarker* marker : view->chart()->legend()->markers()) {
    EXPECT_NE(marker->label(), "deploys (root cause)");
  }
}

}  // namespace
}  // namespace nines::gui::charts
