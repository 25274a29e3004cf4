// Tests of TimelineView: a zoned model's history drawn with a row per component, zone and region.
#include "nines/gui/timeline_view.hpp"

#include <gtest/gtest.h>

#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QScrollBar>
#include <QSpinBox>
#include <algorithm>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

const QString kZones = QStringLiteral(NINES_TEST_DATA_DIR "/valid/zones.json");

TEST(TimelineView, DrawsARowPerComponentZoneAndRegionOfAZonedModel) {
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1200, 800);
  ASSERT_EQ(window.open_file(kZones, true), "");
  window.show_view(View::kTimeline);
  window.show();
  TimelineView* timeline = window.timeline();
  ASSERT_TRUE(testing::wait_until([&] { return timeline->traced().has_value(); }));
  EXPECT_EQ(timeline->row_labels(),
            QStringList({"system", "web", "db", "zone eu-a", "zone eu-b", "region eu"}));
  // Three injections, each marked where it starts (and the held ones where they end).
  ASSERT_GT(timeline->marker_count(), 5);
  const auto& rows = timeline->traced()->trace.rows;
  EXPECT_EQ(
      std::count_if(rows.begin(), rows.end(),
                    [](const auto& r) { return r.event == engine::TraceEvent::kInjectStart; }),
      3);
}

TEST(TimelineView, ReplaysTheChosenReplicationAndFollowsTheRunsWorstOne) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kZones, true), "");
  window.show_view(View::kTimeline);
  window.show();
  TimelineView* timeline = window.timeline();
  ASSERT_TRUE(window.run_and_wait());
  // The run's history with most downtime is suggested and shown.
  const auto& u = window.last_outcome()->range->unavailability;
  const auto worst = static_cast<std::uint64_t>(std::max_element(u.begin(), u.end()) - u.begin());
  EXPECT_EQ(timeline->replication(), worst);
  ASSERT_TRUE(timeline->traced());
  EXPECT_NEAR(
      timeline->traced()->trace.downtime_hours / window.last_outcome()->result.horizon_hours,
      u[worst], 1e-12);
  // A replication the user picks stays picked.
  timeline->replication_box()->setValue(static_cast<int>(worst + 1));
  EXPECT_EQ(timeline->replication(), worst + 1);
  timeline->suggest_replication(worst);
  EXPECT_EQ(timeline->replication(), worst + 1);
}

TEST(TimelineView, ZoomsTheTimeAxisWithTheLabelsKeptInView) {
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1200, 800);
  ASSERT_EQ(window.open_file(kZones, true), "");
  window.show_view(View::kTimeline);
  window.show();
  TimelineView* timeline = window.timeline();
  ASSERT_TRUE(testing::wait_until([&] { return timeline->traced().has_value(); }));
  QGraphicsView* view = timeline->view();
  const double fitted = view->sceneRect().width();
  EXPECT_LE(fitted, view->viewport()->width() + 8);
  timeline->set_zoom(10.0);
  EXPECT_GT(view->sceneRect().width(), 5.0 * fitted);  // the label column does not grow
  // Scrolled to the end of the horizon, the labels stay where they were in the view.
  const QGraphicsSimpleTextItem* label = nullptr;
  for (QGraphicsItem* item : view->scene()->items()) {
    const auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item);
    if (text != nullptr && text->text() == "zone eu-a") label = text;
  }
  ASSERT_NE(label, nullptr);
  const int before = view->mapFromScene(label->scenePos()).x();
  EXPECT_LT(before, 30);
  view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
  ASSERT_GT(view->horizontalScrollBar()->maximum(), 1000);
  EXPECT_EQ(view->mapFromScene(label->scenePos()).x(), before);
  timeline->set_zoom(0.1);  // never less than the whole horizon
  EXPECT_DOUBLE_EQ(timeline->zoom(), 1.0);
}

TEST(TimelineView, SaysWhyThereIsNoHistoryForAModelWithAnError) {
  TimelineView view;
  view.show();
  view.set_model(std::nullopt);
  EXPECT_FALSE(view.traced());
  EXPECT_TRUE(view.row_labels().isEmpty());
}

}  // namespace
}  // namespace nines::gui
