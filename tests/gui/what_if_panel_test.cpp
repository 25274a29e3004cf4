// Tests of the what-if panel's traffic sliders: the selected component's capacity_rps and the
// selected edge's retries give the model `--set` would give, as one undoable step per drag.
#include "nines/gui/what_if_panel.hpp"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>

#include "gui_test_support.hpp"
#include "nines/gui/load_editor.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/model_editor.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

QString write_model(const QTemporaryDir& dir) {
  const QString path = dir.filePath("traffic.json");
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "traffic", "horizon": "30d", "replications": 10,
    "components": [{"id": "web", "mtbf": "500h", "mttr": "2h"},
                   {"id": "db", "mtbf": "500h", "mttr": "2h"},
                   {"id": "a", "mtbf": "500h", "mttr": "2h"},
                   {"id": "b", "mtbf": "500h", "mttr": "2h"}],
    "dependencies": [{"from": "web", "to": "db"},
                     {"from": "db", "to": ["a", "b"], "min_up": 1}],
    "entry": "web", "load": {"rps": 100}})");
  return path;
}

/// What `nines run --set` makes of the document's original model with `overrides`.
models::Model overridden(const models::Model& original, const std::vector<std::string>& overrides) {
  return models::parse_model(models::to_json(original), "<model>", overrides).model;
}

TEST(WhatIfTraffic, TheCapacitySliderSetsWhatTheOverrideSets) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(write_model(dir), true), "");
  ModelDocument* document = window.document();
  const models::Model original = document->model();
  WhatIfPanel* what_if = window.what_if();
  what_if->set_component("web");
  ASSERT_TRUE(what_if->capacity()->isEnabled());
  EXPECT_EQ(what_if->capacity()->value(), 0.0);  // unlimited
  what_if->capacity_slider()->setValue(what_if->capacity_slider()->maximum() / 2);
  EXPECT_NEAR(*document->model().find_component("web")->capacity_rps, std::sqrt(1e7), 1.0);
  what_if->capacity()->setValue(300.0);
  ASSERT_TRUE(document->runnable().has_value()) << document->validation().error;
  EXPECT_EQ(*document->runnable(), overridden(original, {"web.capacity_rps=300"}));
  document->undo_stack()->undo();  // the drag and the box merge into one step
  EXPECT_EQ(document->model(), original);
  // Back to unlimited removes the key.
  what_if->capacity()->setValue(300.0);
  what_if->capacity()->setValue(0.0);
  EXPECT_FALSE(document->model().find_component("web")->capacity_rps.has_value());
}

TEST(WhatIfTraffic, TheRetriesSliderSetsTheRowsOrTheListTargetsRetries) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(write_model(dir), true), "");
  ModelDocument* document = window.document();
  const models::Model original = document->model();
  WhatIfPanel* what_if = window.what_if();
  what_if->set_component("web");
  EXPECT_EQ(what_if->edge_choice()->currentText(), "web->db");  // follows the component
  what_if->retries_slider()->setValue(3);
  ASSERT_TRUE(document->runnable().has_value()) << document->validation().error;
  EXPECT_EQ(*document->runnable(), overridden(original, {"web->db.retries=3"}));
  document->undo_stack()->undo();
  EXPECT_EQ(document->model(), original);
  // On a list the target gets retries of its own, as `db->b.retries=2` gives it.
  what_if->set_edge("db", "b");
  what_if->retries()->setValue(2);
  ASSERT_TRUE(document->runnable().has_value()) << document->validation().error;
  EXPECT_EQ(*document->runnable(), overridden(original, {"db->b.retries=2"}));
  EXPECT_EQ(document->model().dependencies[1].retries_of(0), 0);
  EXPECT_EQ(document->model().dependencies[1].retries_of(1), 2);
}

TEST(WhatIfTraffic, TrafficSlidersAreOffWithoutALoad) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(write_model(dir), true), "");
  window.editor()->load_editor()->setChecked(false);
  WhatIfPanel* what_if = window.what_if();
  what_if->set_component("web");
  EXPECT_FALSE(what_if->capacity()->isEnabled());
  EXPECT_FALSE(what_if->retries()->isEnabled());
  EXPECT_FALSE(what_if->retries_slider()->isEnabled());
}

}  // namespace
}  // namespace nines::gui
