// Tests of TimelineView: a zoned model's history drawn with a row per component, zone and region.
#include "nines/gui/timeline_view.hpp"

#include <gtest/gtest.h>

#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QScrollBar>
#include <QSpinBox>
#include <algorithm>
#include <nlohmann/json.hpp>

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

TEST(TimelineView, CountsOnlyServingInstancesOfAStandbyPool) {
  // A cold pair (1 of 2) with fixed laws: the idle instance does not serve. db#0 fails at 100 h,
  // db#1 takes over at 100.1 h, db#0's repair ends at 110 h and it goes idle: the row never
  // shows 2, as counting idle instances as up would.
  const models::Model model = models::parse_model(nlohmann::json::parse(R"({
        "horizon": "300h", "replications": 1, "entry": "db",
        "components": [{"id": "db", "instances": 2, "min_up": 1,
          "failure": {"type": "fixed", "value": "100h"}, "repair": {"type": "fixed", "value": "10h"},
          "standby": {"mode": "cold", "switchover": {"type": "fixed", "value": "6m"}}}]})"),
                                                  "m.json")
                                  .model;
  TimelineView view;
  view.resize(1000, 400);
  view.show();
  view.set_model(model);
  ASSERT_TRUE(testing::wait_until([&] { return view.traced().has_value(); }));
  const QList<QPointF> steps = view.row_steps(QStringLiteral("db"));
  ASSERT_GE(steps.size(), 3);
  EXPECT_EQ(steps[0], QPointF(0.0, 1.0));
  EXPECT_EQ(steps[1], QPointF(100.0, 0.0));
  EXPECT_NEAR(steps[2].x(), 100.1, 1e-9);
  EXPECT_EQ(steps[2].y(), 1.0);
  for (const QPointF& step : steps) EXPECT_LE(step.y(), 1.0) << step.x();
  const auto& rows = view.traced()->trace.rows;
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const auto& r) {
    return r.event == engine::TraceEvent::kStandby && r.time_hours == 110.0;
  }));
}

}  // namespace
}  // namespace nines::gui
