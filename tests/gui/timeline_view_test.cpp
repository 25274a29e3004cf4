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

TEST(TimelineView, DrawsADeployLaneWithBatchesBrokenInstancesVerdictRollbackAndSkips) {
  // Four instances, three needed, never failing; every deploy bad. Rolling, one instance every
  // 10 min from the due time, verdict at 25 min (batches at 0, 10 and 20 min reach #0, #1, #2),
  // rollback 15 min: broken until 40 min. Deploys every 30 min from 24 h: the one due at 24.5 h
  // is skipped (the first still runs), 25 h runs, 25.5 h is skipped.
  const models::Model model = models::parse_model(nlohmann::json::parse(R"({
        "horizon": "26h", "replications": 1, "entry": "web",
        "components": [{"id": "web", "instances": 4, "min_up": 3, "failure": "never",
          "deploys": {"period": "30m", "first_at": "1d", "bad_probability": 1,
            "strategy": "rolling", "batch_interval": "10m",
            "detection": {"type": "fixed", "value": "25m"},
            "rollback": {"type": "fixed", "value": "15m"},
            "restart": {"type": "fixed", "value": "2m"}}}]})"),
                                                  "m.json")
                                  .model;
  TimelineView view;
  view.resize(1000, 400);
  view.show();
  view.set_model(model);
  ASSERT_TRUE(testing::wait_until([&] { return view.traced().has_value(); }));
  EXPECT_EQ(view.row_labels(), QStringList({"system", "web", "web deploys"}));
  // Instances out, each deploy: 1, 2, 3 from its batches, 0 at the rollback's end.
  const QList<QPointF> lane = view.row_steps("web deploys");
  ASSERT_EQ(lane.size(), 9);
  EXPECT_EQ(lane[0], QPointF(0.0, 0.0));
  for (int deploy = 0; deploy < 2; ++deploy) {
    const double due = 24.0 + deploy;
    for (int batch = 0; batch < 3; ++batch) {
      const QPointF step = lane[1 + 4 * deploy + batch];
      EXPECT_NEAR(step.x(), due + batch / 6.0, 1e-9) << deploy << " " << batch;
      EXPECT_EQ(step.y(), batch + 1);
    }
    EXPECT_NEAR(lane[4 + 4 * deploy].x(), due + 40.0 / 60.0, 1e-9);
    EXPECT_EQ(lane[4 + 4 * deploy].y(), 0.0);
  }
  // The component's row: two serving from the second batch to the rollback's end (restarts and
  // broken instances block), with no marker of its own for the deploy's blocks.
  const QList<QPointF> web = view.row_steps("web");
  ASSERT_GE(web.size(), 3);
  EXPECT_EQ(web[2].y(), 2.0);
  EXPECT_TRUE(view.row_markers("web").isEmpty()) << view.row_markers("web").join("|").toStdString();
  // Markers: per deploy three batch ticks naming the instances reached, the verdict and the
  // rollback's end; the two skipped deploys.
  const QStringList marks = view.row_markers("web deploys");
  ASSERT_EQ(marks.size(), 12) << marks.join("|").toStdString();
  EXPECT_NE(marks[0].indexOf("deploy #0 of web, batch 1 reaches:\n  #0 restarts, broken"), -1)
      << marks[0].toStdString();
  EXPECT_NE(marks[2].indexOf("batch 3 reaches:\n  #2 restarts"), -1) << marks[2].toStdString();
  EXPECT_NE(marks[3].indexOf("deploy #0 of web found bad"), -1) << marks[3].toStdString();
  // Due at 24.5 h, before the first one's rollback ends at 24 h 40 min: skipped.
  EXPECT_NE(marks[4].indexOf("deploy #1 of web skipped"), -1) << marks[4].toStdString();
  EXPECT_NE(marks[5].indexOf("the rollback ends"), -1) << marks[5].toStdString();
  EXPECT_NE(marks[6].indexOf("deploy #2 of web, batch 1"), -1) << marks[6].toStdString();
  EXPECT_NE(marks[10].indexOf("deploy #3 of web skipped"), -1) << marks[10].toStdString();
  EXPECT_NE(marks[11].indexOf("deploy #2 of web: the rollback ends"), -1)
      << marks[11].toStdString();
  // The system's row names the root cause as the causes chart does.
  const QStringList system = view.row_markers("system");
  ASSERT_EQ(system.size(), 2) << system.join("|").toStdString();
  EXPECT_NE(system[0].indexOf("root cause: web (deploys)"), -1) << system[0].toStdString();
  EXPECT_NEAR(view.traced()->trace.downtime_hours, 2 * 0.5, 1e-9);
}

TEST(TimelineView, DrawsTheDeployStrategiesSamplesWeeklyDeploysOnTheirLane) {
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1400, 900);
  ASSERT_EQ(window.open_file(QString::fromStdString(
                                 (testing::samples_dir() / "deploy-strategies.json").string()),
                             true),
            "");
  window.show_view(View::kTimeline);
  window.show();
  TimelineView* timeline = window.timeline();
  ASSERT_TRUE(testing::wait_until([&] { return timeline->traced().has_value(); }));
  EXPECT_EQ(timeline->row_labels(), QStringList({"system", "web", "web deploys"}));
  // Deploys due every week from the first week on, before the year ends: 52, each all at once
  // (one batch reaching all ten instances), none skipped.
  const QStringList marks = timeline->row_markers("web deploys");
  const auto batches = std::count_if(marks.begin(), marks.end(), [](const QString& m) {
    return m.contains("batch 1 reaches") && m.contains("#9 restarts");
  });
  EXPECT_EQ(batches, 52);
  EXPECT_FALSE(std::any_of(marks.begin(), marks.end(),
                           [](const QString& m) { return m.contains("skipped"); }));
  // Every deploy restarts all ten at once: ten out, below the eight needed.
  const QList<QPointF> lane = timeline->row_steps("web deploys");
  ASSERT_GE(lane.size(), 3);
  EXPECT_EQ(lane[1], QPointF(168.0, 10.0));
}

}  // namespace
}  // namespace nines::gui
