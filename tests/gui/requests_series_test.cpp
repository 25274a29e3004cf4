// Tests of the Timeline's requests lane (requests_series.cpp, requests_lane.cpp) in a real
// offscreen view: offered and served rps worked by hand in flow mode (an injection, a scheduled
// spike, overload crashes) and in Boolean mode (the profile hour by hour, nothing while down).
#include <gtest/gtest.h>

#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <array>
#include <nlohmann/json.hpp>
#include <vector>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/timeline_view.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

using testing::wait_until;

models::Model model_of(const char* text) {
  return models::parse_model(nlohmann::json::parse(text), "m.json").model;
}

/// The value of plotted steps at `hours` (the last step at or before it).
double at(const QList<QPointF>& steps, double hours) {
  double value = -1.0;
  for (const QPointF& p : steps) {
    if (p.x() <= hours) value = p.y();
  }
  return value;
}

/// Three servers of 400 rps that never fail under 1000 rps; one injected out over [10, 12.5);
/// a spike of 1.5x over [40, 40.5).
const char* const kThreeServers = R"({
  "horizon": "100h", "replications": 1, "entry": "web",
  "components": [{"id": "web", "instances": 3, "min_up": 1, "failure": "never",
                  "capacity_rps": 400}],
  "load": {"rps": 1000, "spikes": [{"id": "promo", "at": ["40h"], "multiplier": 1.5,
                                    "duration": {"type": "fixed", "value": "30m"}}]},
  "inject": [{"at": "10h", "component": "web", "instances": 1, "for": "2.5h"}]})";

void show_traced(TimelineView& view, const models::Model& model) {
  view.resize(1100, 600);
  view.show();
  view.set_model(model);
  ASSERT_TRUE(wait_until([&] { return view.traced().has_value(); }));
}

TEST(RequestsLane, ShowsOfferedAndServedOfAFlowModeHistoryWorkedByHand) {
  TimelineView view;
  show_traced(view, model_of(kThreeServers));
  ASSERT_TRUE(view.has_requests());
  const QList<QPointF> offered = view.requests_offered();
  const QList<QPointF> served = view.requests_served();
  // Before the injection all of 1000 rps is served (the initial flow: no trace row gives it).
  EXPECT_DOUBLE_EQ(at(offered, 5.0), 1000.0);
  EXPECT_DOUBLE_EQ(at(served, 5.0), 1000.0);
  // One of three out over [10, 12.5): 800 of 1000.
  EXPECT_DOUBLE_EQ(at(offered, 11.0), 1000.0);
  EXPECT_DOUBLE_EQ(at(served, 10.0), 800.0);
  EXPECT_DOUBLE_EQ(at(served, 12.4), 800.0);
  EXPECT_DOUBLE_EQ(at(served, 12.5), 1000.0);
  // The spike over [40, 40.5): 1500 offered, the pool's 1200 served.
  EXPECT_DOUBLE_EQ(at(offered, 40.2), 1500.0);
  EXPECT_DOUBLE_EQ(at(served, 40.2), 1200.0);
  EXPECT_DOUBLE_EQ(at(offered, 40.5), 1000.0);
  EXPECT_DOUBLE_EQ(at(served, 99.0), 1000.0);
  // The trace's own figures agree at every row.
  for (const engine::TraceRow& row : view.traced()->trace.rows) {
    EXPECT_DOUBLE_EQ(at(offered, row.time_hours), row.offered_rps) << row.time_hours;
    EXPECT_DOUBLE_EQ(at(served, row.time_hours), row.served_rps) << row.time_hours;
  }
  EXPECT_NE(view.requests_text(11.0).indexOf("offered 1000 rps, served 800 rps (80.0 %)"), -1)
      << view.requests_text(11.0).toStdString();
  EXPECT_NE(view.requests_text(40.25).indexOf("spike promo (x1.5) from"), -1)
      << view.requests_text(40.25).toStdString();
  EXPECT_EQ(view.requests_text(41.0).indexOf("spike"), -1);
  ASSERT_EQ(view.requests_intervals().size(), 1);
  const QString spike = view.requests_intervals()[0];
  EXPECT_TRUE(spike.startsWith("spike promo (x1.5) from ") && spike.contains("(40.00 h) to ") &&
              spike.endsWith("(40.50 h)"))
      << spike.toStdString();
  // The lane is drawn above the bands, with its label pinned with theirs.
  EXPECT_EQ(view.lanes(), TimelineView::Lanes::kBoth);
  EXPECT_EQ(view.row_labels(), QStringList({"system", "web"}));
  bool labelled = false;
  for (QGraphicsItem* item : view.view()->scene()->items()) {
    const auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item);
    labelled = labelled || (text != nullptr && text->text() == "requests");
  }
  EXPECT_TRUE(labelled);
}

TEST(RequestsLane, MarksOverloadCrashesAndShadesTheOutagesTheyCause) {
  // The engine's hand-worked spike (tests/engine/flow_mode_test.cpp): 1500 on 1200 over
  // [10, 10.5); crash after 7.5 min, restart after 7.5 min: all three down over
  // [10.125, 10.25) and [10.375, 10.5), serving 1200 between.
  models::Model model = model_of(R"({
    "horizon": "24h", "replications": 1, "entry": "web",
    "components": [{"id": "web", "instances": 3, "min_up": 1, "failure": "never",
                    "capacity_rps": 400,
                    "overload": {"crash_after": {"type": "fixed", "value": "7.5m"},
                                 "restart": {"type": "fixed", "value": "7.5m"}}}],
    "load": {"rps": 1000, "spikes": [{"id": "promo", "at": ["10h"], "multiplier": 1.5,
                                      "duration": {"type": "fixed", "value": "30m"}}]}})");
  TimelineView view;
  show_traced(view, model);
  const QList<QPointF> served = view.requests_served();
  EXPECT_DOUBLE_EQ(at(served, 10.1), 1200.0);
  EXPECT_DOUBLE_EQ(at(served, 10.2), 0.0);
  EXPECT_DOUBLE_EQ(at(served, 10.3), 1200.0);
  EXPECT_DOUBLE_EQ(at(served, 10.4), 0.0);
  EXPECT_DOUBLE_EQ(at(served, 10.6), 1000.0);
  const QStringList markers = view.requests_markers();
  ASSERT_EQ(markers.size(), 6);
  EXPECT_NE(markers[0].indexOf("web #0 crashed (overload)"), -1) << markers[0].toStdString();
  EXPECT_EQ(view.row_markers("requests"), markers);
  // Two outages and the spike shaded.
  int outages = 0;
  for (const QString& text : view.requests_intervals()) {
    outages += text.startsWith("the system is down") ? 1 : 0;
  }
  EXPECT_EQ(outages, 2);
  EXPECT_NE(view.requests_text(10.2).indexOf("the system is down"), -1);
}

TEST(RequestsLane, FollowsTheProfileHourByHourInBooleanModeAndServesNothingWhileDown) {
  // No capacity: Boolean mode. 100 rps with hour 5 at 2x and hour 6 at 0.5x; the only server
  // injected out over [5.5, 6.5).
  nlohmann::json document = nlohmann::json::parse(R"({
    "horizon": "48h", "replications": 1, "entry": "web",
    "components": [{"id": "web", "instances": 1, "min_up": 1, "failure": "never"}],
    "load": {"rps": 100, "profile": {"type": "hourly"}},
    "inject": [{"at": "5.5h", "component": "web", "instances": 1, "for": "1h"}]})");
  std::vector<double> hours(24, 1.0);
  hours[5] = 2.0;
  hours[6] = 0.5;
  document["load"]["profile"]["values"] = hours;
  TimelineView view;
  show_traced(view, models::parse_model(document, "m.json").model);
  ASSERT_TRUE(view.has_requests());
  const QList<QPointF> offered = view.requests_offered();
  const QList<QPointF> served = view.requests_served();
  const std::vector<std::array<double, 3>> expected{
      // time, offered, served
      {4.9, 100.0, 100.0},  {5.2, 200.0, 200.0}, {5.7, 200.0, 0.0},
      {6.2, 50.0, 0.0},     {6.7, 50.0, 50.0},   {7.1, 100.0, 100.0},
      {29.5, 200.0, 200.0}, {30.5, 50.0, 50.0},  {47.9, 100.0, 100.0}};
  for (const auto& [t, o, s] : expected) {
    EXPECT_DOUBLE_EQ(at(offered, t), o) << t;
    EXPECT_DOUBLE_EQ(at(served, t), s) << t;
  }
  // Steps only where the multiplier changes: three a day, and the outage's two on served.
  EXPECT_EQ(offered.size(), 1 + 3 + 3);
  for (const engine::TraceRow& row : view.traced()->trace.rows) {
    EXPECT_DOUBLE_EQ(at(offered, row.time_hours), row.offered_rps) << row.time_hours;
    EXPECT_DOUBLE_EQ(at(served, row.time_hours), row.served_rps) << row.time_hours;
  }
  EXPECT_NE(view.requests_text(5.7).indexOf("Boolean mode"), -1);
}

TEST(RequestsLane, AloneForTheRequestsViewAndSaysSoForAModelWithoutALoad) {
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1200, 800);
  window.show();
  window.show_view(View::kRequests);
  TimelineView* timeline = window.timeline();
  EXPECT_EQ(timeline->lanes(), TimelineView::Lanes::kRequests);
  ASSERT_TRUE(timeline->isVisible());
  timeline->set_model(model_of(kThreeServers));
  ASSERT_TRUE(wait_until([&] { return timeline->traced().has_value(); }));
  // The lane alone: no band rows, the lane as tall as the view allows.
  EXPECT_TRUE(timeline->row_labels().isEmpty());
  EXPECT_GT(timeline->view()->scene()->sceneRect().height(), 400.0);
  // Without a load there is nothing to draw: the bands, and the summary says why.
  timeline->set_model(model_of(R"({"horizon": "100h", "replications": 1, "entry": "web",
      "components": [{"id": "web", "instances": 2, "min_up": 1, "failure": "never"}]})"));
  ASSERT_TRUE(wait_until([&] { return timeline->traced().has_value(); }));
  EXPECT_FALSE(timeline->has_requests());
  EXPECT_EQ(timeline->row_labels(), QStringList({"system", "web"}));
  bool said = false;
  for (const QLabel* label : timeline->findChildren<QLabel*>()) {
    said = said || label->text().contains("the model has no load: no requests to draw");
  }
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace nines::gui
