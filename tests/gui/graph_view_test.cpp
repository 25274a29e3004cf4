// Tests of GraphView: layout on a worker (the event loop turns meanwhile, at 1,000 components),
// and the scene rebuilt only when what it draws changed.
#include "nines/gui/graph_view.hpp"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/models/graph_layout.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui {
namespace {

using testing::wait_until;

/// A valid model file of `n` components in tiers: each component needs three of the next tier,
/// every fifth through a "2 of 3" list dependency (a junction in the drawing).
nlohmann::json estate(int n) {
  nlohmann::json components = nlohmann::json::array();
  nlohmann::json dependencies = nlohmann::json::array();
  for (int i = 0; i < n; ++i) {
    components.push_back({{"id", "c" + std::to_string(i)},
                          {"instances", 2},
                          {"min_up", 1},
                          {"mtbf", "2000h"},
                          {"mttr", "2h"}});
    const int first = 3 * i + 1;
    if (first + 2 >= n) continue;
    const std::string from = "c" + std::to_string(i);
    nlohmann::json to = {"c" + std::to_string(first), "c" + std::to_string(first + 1),
                         "c" + std::to_string(first + 2)};
    if (i % 5 == 0) {
      dependencies.push_back({{"from", from}, {"to", to}, {"min_up", 2}});
    } else {
      for (const auto& id : to) dependencies.push_back({{"from", from}, {"to", id}});
    }
  }
  return {{"name", "estate of " + std::to_string(n)},
          {"replications", 10},
          {"entry", "c0"},
          {"components", components},
          {"dependencies", dependencies}};
}

TEST(GraphView, KeepsTheEventLoopTurningWhileAThousandComponentsAreLaidOut) {
  const models::Model model = models::parse_model(estate(1000), "estate.json").model;
  GraphView view;
  view.resize(800, 600);
  // The real layout, held back until the GUI thread has shown it keeps turning.
  std::atomic<bool> release{false};
  std::atomic<bool> computed{false};
  view.set_layout_function([&](const models::Model& m) {
    models::GraphLayout layout = models::layered_layout(m);
    computed = true;
    while (!release) std::this_thread::yield();
    return layout;
  });
  int ticks_while_pending = 0;
  QTimer ticker;
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    if (view.layout_pending()) ++ticks_while_pending;
    if (computed && ticks_while_pending >= 5) release = true;
  });
  ticker.start(1);
  view.set_model(model);
  EXPECT_TRUE(view.layout_pending());  // set_model returned before the layout was done
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_GE(ticks_while_pending, 5);
  EXPECT_EQ(view.component_count(), 1000U);
}

TEST(GraphView, RebuildsTheSceneOnlyWhenTheDrawingChanges) {
  models::Model model = models::load_model((testing::samples_dir() / "web-shop.json")).model;
  GraphView view;
  view.set_model(model);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_EQ(view.rebuilds(), 1);
  // A parameter edit (repair time, crew, standby) draws the same picture.
  model.find_component("db")->repair = model.find_component("frontend")->repair;
  model.horizon_hours *= 2.0;
  view.set_model(model);
  EXPECT_FALSE(view.layout_pending());
  EXPECT_EQ(view.rebuilds(), 1);
  // "k of n" labels, ids and dependencies are drawn: each change rebuilds.
  model.find_component("db")->instances = 3;
  view.set_model(model);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_EQ(view.rebuilds(), 2);
  model.dependencies.pop_back();
  view.set_model(model);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_EQ(view.rebuilds(), 3);
}

TEST(GraphView, DrawsOnlyTheLatestOfQuickSuccessiveModels) {
  GraphView view;
  const models::Model big = models::parse_model(estate(300), "a.json").model;
  const models::Model small = models::parse_model(estate(30), "b.json").model;
  view.set_model(big);
  view.set_model(small);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_EQ(view.component_count(), 30U);
  EXPECT_EQ(view.rebuilds(), 1);
}

/// Measured, not asserted: the time to open a 1,000-component file in the main window (loader,
/// validation, editor) and until its graph is drawn.
TEST(GraphView, MeasuresOpeningAThousandComponentModel) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = dir.filePath("estate-1000.json");
  std::ofstream(path.toStdString()) << estate(1000).dump(1);
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1280, 800);
  QElapsedTimer clock;
  clock.start();
  ASSERT_EQ(window.open_file(path, true), QString());
  const qint64 opened = clock.elapsed();
  ASSERT_TRUE(wait_until([&] { return !window.graph()->layout_pending(); }));
  const qint64 drawn = clock.elapsed();
  EXPECT_EQ(window.graph()->component_count(), 1000U);
  QElapsedTimer layout_clock;
  layout_clock.start();
  const models::GraphLayout layout = models::layered_layout(window.document()->model());
  const qint64 layout_only = layout_clock.elapsed();
  EXPECT_EQ(layout.nodes.size(), 1000U + 333U / 5U + 1U);  // components and junctions
  std::printf(
      "1,000 components: open %lld ms (GUI thread), graph drawn after %lld ms, "
      "layered_layout alone %lld ms\n",
      static_cast<long long>(opened), static_cast<long long>(drawn),
      static_cast<long long>(layout_only));
  RecordProperty("open_ms", static_cast<int>(opened));
  RecordProperty("drawn_ms", static_cast<int>(drawn));
  RecordProperty("layout_ms", static_cast<int>(layout_only));
}

TEST(GraphView, HangsAZoneChipUnderEveryPlacedComponent) {
  models::Model model =
      models::load_model(std::string(NINES_TEST_DATA_DIR) + "/valid/zones.json").model;
  GraphView view;
  view.resize(800, 600);
  view.set_model(model);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_EQ(view.zone_chip("web"), "eu-a:2 eu-b:1");  // round-robin over two zones
  EXPECT_EQ(view.zone_chip("db"), "eu-a:2 eu-b:1");   // counted
  // A placement edit redraws the chip; a component outside every zone has none.
  model.components[0].zones = {"eu-b"};
  model.components[1].placement.clear();
  view.set_model(model);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_EQ(view.zone_chip("web"), "eu-b:3");
  EXPECT_EQ(view.zone_chip("db"), "");
}

TEST(GraphView, LabelsEachBoxWithItsShareOfDowntimeAfterARun) {
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1400, 900);
  window.show();
  ASSERT_EQ(window.open_file(
                QString::fromStdString((testing::samples_dir() / "web-shop.json").string()), true),
            QString());
  ASSERT_TRUE(window.run_and_wait());
  window.show_view(View::kGraph);
  ASSERT_TRUE(wait_until([&] { return !window.graph()->layout_pending(); }));
  // "99.9668 % | 47.5 % of downtime": availability, then the share of system downtime the
  // component caused, never "47.5 % down" (read as down 47.5 % of the time).
  const QRegularExpression figures(R"(^\d+\.\d+ % \| \d+\.\d % of downtime$)");
  QStringList labels;
  for (const QGraphicsItem* item : window.graph()->scene()->items()) {
    const auto* text = dynamic_cast<const QGraphicsSimpleTextItem*>(item);
    if (text == nullptr) continue;
    EXPECT_FALSE(text->text().contains("% down")) << text->text().toStdString();
    if (text->text().contains("% of downtime")) labels << text->text();
  }
  ASSERT_EQ(labels.size(), 4) << labels.join(" / ").toStdString();  // one per component
  for (const QString& label : labels) {
    EXPECT_TRUE(figures.match(label).hasMatch()) << label.toStdString();
  }
  // The api's label carries its share as the run reports it.
  const auto& components = window.last_outcome()->result.components;
  const auto api = std::find_if(components.begin(), components.end(),
                                [](const auto& c) { return c.id == "api"; });
  ASSERT_NE(api, components.end());
  const QString share =
      QString::fromStdString(report::format_percent(api->downtime_share, 1)) + " of downtime";
  EXPECT_GE(labels.filter(share).size(), 1) << share.toStdString();
}

TEST(GraphView, NamesTheDowntimeShareOfAComponentsDeploysInItsTooltip) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(NINES_TEST_DATA_DIR "/valid/deploys.json", true), "");
  window.show();
  ASSERT_TRUE(wait_until([&] { return !window.graph()->layout_pending(); }));
  ASSERT_TRUE(window.run_and_wait());
  const auto& components = window.last_outcome()->result.components;
  const auto api = std::find_if(components.begin(), components.end(),
                                [](const auto& c) { return c.id == "api"; });
  ASSERT_NE(api, components.end());
  ASSERT_TRUE(api->deploy_downtime_share);
  QString tip;
  for (const QGraphicsItem* item : window.graph()->scene()->items()) {
    if (item->toolTip().startsWith("api\n")) tip = item->toolTip();
  }
  EXPECT_NE(tip.indexOf(QStringLiteral("share of downtime by its deploys %1")
                            .arg(QString::fromStdString(
                                report::format_percent(*api->deploy_downtime_share, 2)))),
            -1)
      << tip.toStdString();
}

/// A model with traffic: web (capacity 400 rps, 3 instances) needs db through a soft row with
/// 3 retries, and a list [a, b] whose b has 2 retries and a breaker of its own; with `cache`,
/// the web->db row is a cache with a breaker instead (the run refuses those for now).
nlohmann::json traffic_model(bool cache) {
  nlohmann::json db_row = {{"from", "web"}, {"to", "db"}, {"retries", 3}};
  if (cache) {
    db_row["mode"] = "cache";
    db_row["hit_ratio"] = 0.9;
    db_row["stale_if_error"] = "1h";
    db_row["circuit_breaker"] = {{"threshold", 0.5}, {"open_for", "30s"}};
  } else {
    db_row["mode"] = "soft";
    db_row["impact"] = 0.5;
  }
  nlohmann::json list_row = {{"from", "web"},
                             {"to", nlohmann::json::array({"a", {{"id", "b"}, {"retries", 2}}})},
                             {"min_up", 1}};
  if (cache) list_row["to"][1]["circuit_breaker"] = {{"threshold", 0.4}, {"open_for", "1m"}};
  return {
      {"name", "traffic"},
      {"horizon", "30d"},
      {"replications", 20},
      {"entry", "web"},
      {"load", {{"rps", 1000}}},
      {"components",
       {{{"id", "web"}, {"instances", 3}, {"mtbf", "500h"}, {"mttr", "2h"}, {"capacity_rps", 400}},
        {{"id", "db"}, {"mtbf", "500h"}, {"mttr", "2h"}},
        {{"id", "a"}, {"mtbf", "500h"}, {"mttr", "2h"}},
        {{"id", "b"}, {"mtbf", "500h"}, {"mttr", "2h"}}}},
      {"dependencies", {db_row, list_row}}};
}

QString write_json(const QTemporaryDir& dir, const nlohmann::json& document) {
  const QString path = dir.filePath("traffic.json");
  std::ofstream(path.toStdString()) << document.dump(2);
  return path;
}

TEST(GraphView, DrawsSoftEdgesDashedAndMarksRetriesCachesAndBreakers) {
  QTemporaryDir dir;
  GraphView view;
  view.set_model(models::load_model(write_json(dir, traffic_model(false)).toStdString()).model);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  const QGraphicsPathItem* soft = view.edge_item("web->db");
  ASSERT_NE(soft, nullptr);
  EXPECT_EQ(soft->pen().style(), Qt::DashLine);
  EXPECT_EQ(view.edge_marks_of("web->db"), "x3");
  ASSERT_NE(view.edge_item("web->a"), nullptr);
  EXPECT_EQ(view.edge_item("web->a")->pen().style(), Qt::SolidLine);
  EXPECT_EQ(view.edge_marks_of("web->a"), "");
  EXPECT_EQ(view.edge_marks_of("web->b"), "x2");  // b's own retries
  EXPECT_EQ(view.pool_label("web"), "1 of 3 | 400 rps");
  EXPECT_EQ(view.pool_label("db"), "1 of 1");
  // The marks are on the scene as text.
  QStringList texts;
  for (const QGraphicsItem* item : view.scene()->items()) {
    if (const auto* text = dynamic_cast<const QGraphicsSimpleTextItem*>(item)) {
      texts << text->text();
    }
  }
  EXPECT_TRUE(texts.contains("x3")) << texts.join(" / ").toStdString();

  view.set_model(models::load_model(write_json(dir, traffic_model(true)).toStdString()).model);
  ASSERT_TRUE(wait_until([&] { return !view.layout_pending(); }));
  EXPECT_EQ(view.edge_item("web->db")->pen().style(), Qt::SolidLine);
  EXPECT_EQ(view.edge_marks_of("web->db"), "x3 cache breaker");
  EXPECT_EQ(view.edge_marks_of("web->b"), "x2 breaker");
}

TEST(GraphView, ColoursByUtilisationWithALegendAfterARunWithCapacity) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  window.show();
  ASSERT_EQ(window.open_file(write_json(dir, traffic_model(false)), true), QString());
  ASSERT_TRUE(wait_until([&] { return !window.graph()->layout_pending(); }));
  EXPECT_EQ(window.graph()->legend_text(), "");
  ASSERT_TRUE(window.run_and_wait());
  const auto& components = window.last_outcome()->result.components;
  ASSERT_TRUE(components.front().utilisation.has_value());
  GraphView* graph = window.graph();
  EXPECT_EQ(graph->colouring(), GraphView::Colouring::kUtilisation);
  EXPECT_NE(graph->legend_text().indexOf("utilisation"), -1);
  bool legend_drawn = false;
  for (const QGraphicsItem* item : graph->scene()->items()) {
    legend_drawn = legend_drawn || item->toolTip() == graph->legend_text();
  }
  EXPECT_TRUE(legend_drawn);
  // web carries 1000 of 1200 rps: busy, so warmer than the idle green; db has no capacity.
  const QColor web = graph->box_colour("web");
  EXPECT_LT(web.hueF(), 0.2F) << web.name().toStdString();
  EXPECT_EQ(graph->box_colour("db"), QColor(236, 240, 245));
  QString tip;
  for (const QGraphicsItem* item : graph->scene()->items()) {
    if (item->toolTip().startsWith("web\n")) tip = item->toolTip();
  }
  EXPECT_NE(tip.indexOf("utilisation"), -1) << tip.toStdString();
}

TEST(GraphView, ColoursByOverloadCrashesPerYearWhenChosenWithALegendInTheScene) {
  // web crashes six times a day (the engine's hand-worked spike: 1500 on 1200 rps over half an
  // hour, crash and restart after 7.5 min), api has room to spare (overload, no crash), db has
  // no overload. A chain of one box per layer: narrower than the legend.
  const nlohmann::json model = nlohmann::json::parse(R"({
    "name": "crashes", "horizon": "24h", "replications": 4, "entry": "web",
    "components": [
      {"id": "web", "instances": 3, "min_up": 1, "failure": "never", "capacity_rps": 400,
       "overload": {"crash_after": {"type": "fixed", "value": "7.5m"},
                    "restart": {"type": "fixed", "value": "7.5m"}}},
      {"id": "api", "instances": 2, "min_up": 1, "failure": "never", "capacity_rps": 5000,
       "overload": {"crash_after": {"type": "fixed", "value": "7.5m"},
                    "restart": {"type": "fixed", "value": "7.5m"}}},
      {"id": "db", "failure": "never"}],
    "dependencies": [{"from": "web", "to": "api"}, {"from": "api", "to": "db"}],
    "load": {"rps": 1000, "spikes": [{"id": "promo", "at": ["10h"], "multiplier": 1.5,
                                      "duration": {"type": "fixed", "value": "30m"}}]}})");
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  window.resize(900, 600);
  window.show();
  ASSERT_EQ(window.open_file(write_json(dir, model), true), QString());
  GraphView* graph = window.graph();
  ASSERT_TRUE(wait_until([&] { return !graph->layout_pending(); }));
  EXPECT_FALSE(graph->colouring_box()->isVisibleTo(graph));
  ASSERT_TRUE(window.run_and_wait());
  const auto& components = window.last_outcome()->result.components;
  ASSERT_TRUE(components.front().overload_crashes_per_year.has_value());
  EXPECT_NEAR(*components.front().overload_crashes_per_year, 6.0 * models::kHoursPerYear / 24.0,
              1e-6);
  // Utilisation first, as before; the box offers the three colourings.
  EXPECT_EQ(graph->colouring(), GraphView::Colouring::kUtilisation);
  QComboBox* box = graph->colouring_box();
  EXPECT_TRUE(box->isVisibleTo(graph));
  ASSERT_EQ(box->count(), 3);
  graph->set_colouring(GraphView::Colouring::kCrashes);
  EXPECT_EQ(graph->colouring(), GraphView::Colouring::kCrashes);
  EXPECT_EQ(box->currentText(), "overload crashes per year");
  EXPECT_TRUE(graph->legend_text().startsWith("overload crashes per year: 0 (green) to "))
      << graph->legend_text().toStdString();
  // web, the most crashing, red; api, none, green; db, no overload, pale.
  EXPECT_LT(graph->box_colour("web").hueF(), 0.02F)
      << graph->box_colour("web").name().toStdString();
  EXPECT_NEAR(graph->box_colour("api").hueF(), 0.33F, 0.01F);
  EXPECT_EQ(graph->box_colour("db"), QColor(236, 240, 245));
  // The legend is inside the scene (a small graph used to clip it).
  const QGraphicsItem* legend = nullptr;
  for (const QGraphicsItem* item : graph->scene()->items()) {
    if (item->toolTip() == graph->legend_text()) legend = item;
  }
  ASSERT_NE(legend, nullptr);
  EXPECT_TRUE(graph->sceneRect().contains(legend->sceneBoundingRect()))
      << legend->sceneBoundingRect().width() << " wide in " << graph->sceneRect().width();
  // The choice holds for the next run, and back to the share of downtime on request.
  ASSERT_TRUE(window.run_and_wait());
  EXPECT_EQ(graph->colouring(), GraphView::Colouring::kCrashes);
  graph->set_colouring(GraphView::Colouring::kDowntimeShare);
  EXPECT_EQ(graph->legend_text(), "");
}

}  // namespace
}  // namespace nines::gui
