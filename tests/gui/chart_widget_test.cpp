// Tests of ChartWidget in an offscreen main window: every linear axis of every chart on ticks of
// {1, 2, 5} x 10^k.
#include "nines/gui/charts/chart_widget.hpp"

#include <gtest/gtest.h>

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <string>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"

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
  const QList<QChartView*> views = window.findChildren<QChartView*>();
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

}  // namespace
}  // namespace nines::gui::charts
