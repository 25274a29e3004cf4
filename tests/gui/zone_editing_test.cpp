// Tests of zone and region editing: ModelDocument's renames and deletes, the editor's Zones and
// Inject tabs, the component form's placement editor, each edit undone; saving keeps spelling.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

#include "gui_test_support.hpp"
#include "nines/gui/comparison_panel.hpp"
#include "nines/gui/component_form.hpp"
#include "nines/gui/distribution_editor.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/model_editor.hpp"
#include "nines/gui/scenario_panel.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

const QString kZones = QStringLiteral(NINES_TEST_DATA_DIR "/valid/zones.json");

models::Model zoned_with_scenario() {
  models::Model model = models::load_model(kZones.toStdString()).model;
  model.scenarios.push_back(
      {"one zone",
       {{"db.placement", R"({"eu-a":3})"}, {"eu-a.mttr", "\"8h\""}, {"web.zones", R"(["eu-a"])"}}});
  return model;
}

TEST(ZoneEditing, RenamingAZoneUpdatesPlacementsInjectionsAndScenariosAsOneStep) {
  ModelDocument document;
  const models::Model before = zoned_with_scenario();
  document.reset(before);
  ASSERT_TRUE(document.validation().ok()) << document.validation().error;
  ASSERT_EQ(document.rename_zone("eu-a", "fra-1"), QString());
  const models::Model& m = document.model();
  EXPECT_EQ(m.zones[0].id, "fra-1");
  EXPECT_EQ(m.find_component("web")->zones, (std::vector<std::string>{"fra-1", "eu-b"}));
  // Counts stay sorted by zone id, as the loader keeps them.
  const std::vector<std::pair<std::string, std::int64_t>> placement{{"eu-b", 1}, {"fra-1", 2}};
  EXPECT_EQ(m.find_component("db")->placement, placement);
  EXPECT_EQ(m.inject[0].id, "fra-1");
  const auto& set = m.scenarios[0].set;
  EXPECT_EQ(set[0].value_json, R"({"fra-1":3})");
  EXPECT_EQ(set[1].key, "fra-1.mttr");
  EXPECT_EQ(set[2].value_json, R"(["fra-1"])");
  EXPECT_TRUE(document.validation().ok()) << document.validation().error;
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), before);
}

TEST(ZoneEditing, RefusesAnEmptyOrTakenZoneId) {
  ModelDocument document;
  document.reset(zoned_with_scenario());
  EXPECT_EQ(document.rename_zone("eu-a", "eu-b"), "There is already a zone \"eu-b\".");
  EXPECT_EQ(document.rename_zone("eu-a", ""), "A zone needs an id.");
  EXPECT_EQ(document.rename_region("eu", ""), "A region needs an id.");
  EXPECT_EQ(document.undo_stack()->count(), 0);
}

TEST(ZoneEditing, RenamesAndDeletesRegionsWithTheirZonesAndInjections) {
  ModelDocument document;
  const models::Model before = zoned_with_scenario();
  document.reset(before);
  ASSERT_EQ(document.rename_region("eu", "europe"), QString());
  EXPECT_EQ(document.model().zones[1].region, "europe");
  EXPECT_EQ(document.model().inject[2].id, "europe");
  document.delete_region("europe");
  EXPECT_TRUE(document.model().regions.empty());
  EXPECT_EQ(document.model().zones[0].region, "");
  EXPECT_EQ(document.model().inject.size(), 2U);
  EXPECT_TRUE(document.validation().ok()) << document.validation().error;
  document.undo_stack()->undo();
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), before);
}

TEST(ZoneEditing, DeletingAZoneTakesItOutOfPlacementsAndValidationSaysWhatIsLeft) {
  ModelDocument document;
  document.reset(zoned_with_scenario());
  document.delete_zone("eu-b");
  const models::Model& m = document.model();
  EXPECT_EQ(m.zones.size(), 1U);
  EXPECT_EQ(m.find_component("web")->zones, std::vector<std::string>{"eu-a"});
  // db's counts now sum to 2 of its 3 instances: the loader says so (no instance is dropped
  // silently).
  EXPECT_NE(document.validation().error.find("/components/1/instances: must equal the sum"),
            std::string::npos)
      << document.validation().error;
  document.undo_stack()->undo();
  EXPECT_TRUE(document.validation().ok());
}

TEST(ZoneEditing, TheZonesTabRenamesEditsLawsAndUndoes) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kZones, true), "");
  window.show();
  ModelEditor* editor = window.editor();
  QTableWidget* zones = editor->zone_table();
  ASSERT_EQ(zones->rowCount(), 2);
  EXPECT_EQ(editor->region_table()->item(0, 0)->text(), "eu");
  zones->item(0, 0)->setText("fra-1");
  EXPECT_EQ(window.document()->model().zones[0].id, "fra-1");
  EXPECT_EQ(window.document()->model().find_component("web")->zones[0], "fra-1");
  zones->item(1, 2)->setText("second hall");
  EXPECT_EQ(window.document()->model().zones[1].description, "second hall");
  // The laws of the selected zone.
  zones->setCurrentCell(1, 0);
  emit editor->domain_repair()->edited(models::Exponential{9.0});
  EXPECT_EQ(window.document()->model().zones[1].repair,
            models::Distribution{models::Exponential{9.0}});
  const models::Model original = models::load_model(kZones.toStdString()).model;
  for (int i = 0; i < 3; ++i) window.document()->undo_stack()->undo();
  EXPECT_EQ(window.document()->model(), original);
  EXPECT_EQ(zones->item(0, 0)->text(), "eu-a");
}

TEST(ZoneEditing, TheInjectTableEditsEveryColumnAndUndoes) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kZones, true), "");
  QTableWidget* inject = window.editor()->inject_table();
  ASSERT_EQ(inject->rowCount(), 3);
  EXPECT_EQ(inject->item(0, 0)->text(), "30d");
  EXPECT_EQ(inject->item(0, 1)->text(), "zone");
  EXPECT_EQ(inject->item(0, 4)->text(), "2h");
  inject->item(0, 4)->setText("");  // no longer held: the zone fails
  EXPECT_FALSE(window.document()->model().inject[0].for_hours.has_value());
  inject->item(1, 3)->setText("1");
  EXPECT_EQ(window.document()->model().inject[1].instances, 1);
  inject->item(2, 0)->setText("soon");  // not a duration: marked, not applied
  EXPECT_DOUBLE_EQ(window.document()->model().inject[2].at_hours, 90 * 24.0);
  inject->item(2, 1)->setText("zone");
  inject->item(2, 2)->setText("eu-b");
  EXPECT_EQ(window.document()->model().inject[2].target, models::Injection::Target::kZone);
  EXPECT_TRUE(window.document()->validation().ok()) << window.document()->validation().error;
  const models::Model original = models::load_model(kZones.toStdString()).model;
  while (window.document()->undo_stack()->canUndo()) window.document()->undo_stack()->undo();
  EXPECT_EQ(window.document()->model(), original);
}

TEST(ZoneEditing, ThePlacementEditorSwitchesModesAndUndoes) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kZones, true), "");
  window.select_component("web");
  ComponentForm* form = window.editor()->component_form();
  QTableWidget* table = form->placement_table();
  ASSERT_EQ(form->placement_mode()->currentIndex(), 1);  // round-robin
  ASSERT_EQ(table->rowCount(), 2);
  EXPECT_EQ(table->item(0, 0)->checkState(), Qt::Checked);
  // Counts: the same instances per zone, counted (3 over two zones: 2 and 1).
  form->placement_mode()->setCurrentIndex(2);
  const models::Component* web = window.document()->model().find_component("web");
  const std::vector<std::pair<std::string, std::int64_t>> counts{{"eu-a", 2}, {"eu-b", 1}};
  EXPECT_EQ(web->placement, counts);
  EXPECT_TRUE(web->zones.empty());
  table->item(1, 1)->setText("0");
  table->item(0, 1)->setText("4");
  // Counts set the pool's size, as "placement" does in a model file.
  const std::vector<std::pair<std::string, std::int64_t>> all_in_a{{"eu-a", 4}};
  EXPECT_EQ(window.document()->model().find_component("web")->placement, all_in_a);
  EXPECT_EQ(window.document()->model().find_component("web")->instances, 4);
  EXPECT_TRUE(window.document()->validation().ok()) << window.document()->validation().error;
  form->placement_mode()->setCurrentIndex(0);
  web = window.document()->model().find_component("web");
  EXPECT_TRUE(web->placement.empty() && web->zones.empty());
  const models::Model original = models::load_model(kZones.toStdString()).model;
  while (window.document()->undo_stack()->canUndo()) window.document()->undo_stack()->undo();
  EXPECT_EQ(window.document()->model(), original);
}

TEST(ZoneEditing, SavingKeepsTheUsersSpellingOfZonesAndInjections) {
  QTemporaryDir dir;
  ModelDocument document;
  ASSERT_EQ(document.open(kZones), QString());
  models::Model changed = document.model();
  changed.zones[1].description = "second hall";
  document.edit(changed, "describe");
  const QString path = dir.filePath("zones.json");
  ASSERT_EQ(document.save(path), QString());
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(file.readAll());
  EXPECT_NE(text.indexOf("\"mtbf\": \"1y\""), -1) << text.toStdString();
  EXPECT_NE(text.indexOf("\"at\": \"30d\""), -1) << text.toStdString();
  EXPECT_NE(text.indexOf("\"placement\""), -1) << text.toStdString();
  EXPECT_EQ(models::load_model(path.toStdString()).model, document.model());
}

TEST(ZoneEditing, WhatIfSpreadsAComponentOverTheFirstZonesAndMovesZoneAndRegionMeans) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kZones, true), "");
  window.select_component("web");
  WhatIfPanel* what_if = window.what_if();
  EXPECT_EQ(what_if->spread_zones()->value(), 2);
  EXPECT_EQ(what_if->spread_zones()->maximum(), 2);
  what_if->spread_zones()->setValue(1);
  EXPECT_EQ(window.document()->model().find_component("web")->zones,
            std::vector<std::string>{"eu-a"});
  // db is counted: spreading it makes it round-robin (counts and zones replace each other).
  window.select_component("db");
  what_if->spread_zones()->setValue(1);
  const models::Component* db = window.document()->model().find_component("db");
  EXPECT_TRUE(db->placement.empty());
  EXPECT_EQ(db->zones, std::vector<std::string>{"eu-a"});
  EXPECT_TRUE(window.document()->validation().ok()) << window.document()->validation().error;

  ASSERT_EQ(what_if->domain_choice()->count(), 3);  // zone eu-a, zone eu-b, region eu
  what_if->domain_choice()->setCurrentText("region eu");
  EXPECT_DOUBLE_EQ(what_if->domain_mttr()->value(), 12.0);
  what_if->domain_mttr()->setValue(24.0);
  EXPECT_DOUBLE_EQ(models::mean_hours(window.document()->model().regions[0].repair), 24.0);
  what_if->domain_choice()->setCurrentText("zone eu-b");
  what_if->domain_mtbf()->setValue(100.0);
  EXPECT_DOUBLE_EQ(models::mean_hours(window.document()->model().zones[1].failure), 100.0);
  EXPECT_EQ(window.document()->undo_stack()->count(), 4);
  const models::Model original = models::load_model(kZones.toStdString()).model;
  while (window.document()->undo_stack()->canUndo()) window.document()->undo_stack()->undo();
  EXPECT_EQ(window.document()->model(), original);
}

/// The row of `table` whose first cell reads `text`, or -1.
int row_of(const QTableWidget* table, const QString& text) {
  for (int row = 0; row < table->rowCount(); ++row) {
    if (table->item(row, 0) != nullptr && table->item(row, 0)->text() == text) return row;
  }
  return -1;
}

TEST(ZoneEditing, TheComparisonShowsCommonCauseOutagesAndZoneAndRegionShares) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kZones, true), "");
  ASSERT_TRUE(window.run_and_wait());
  window.pin_baseline();
  window.select_component("web");
  window.what_if()->spread_zones()->setValue(1);
  ASSERT_TRUE(window.run_and_wait());
  ComparisonPanel* comparison = window.comparison();
  const int common = row_of(comparison->figures(), "Common-cause outages per year");
  ASSERT_GE(common, 0);
  EXPECT_FALSE(comparison->figures()->item(common, 3)->text().isEmpty());  // paired difference
  for (const char* id : {"web", "db", "zone eu-a", "zone eu-b", "region eu"}) {
    EXPECT_GE(row_of(comparison->components(), id), 0) << id;
  }
}

TEST(ZoneEditing, CompareAllShowsTheCommonCauseRateAndTheZoneAndRegionShare) {
  MainWindow window;
  window.set_auto_run(false);
  ModelDocument* document = window.document();
  document->reset(zoned_with_scenario());
  ASSERT_TRUE(window.compare_scenarios_and_wait());
  QTableWidget* table = window.scenarios()->table();
  ASSERT_EQ(table->rowCount(), 2);
  EXPECT_EQ(table->horizontalHeaderItem(11)->text(), "common-cause/year");
  EXPECT_EQ(table->horizontalHeaderItem(12)->text(), "zone+region share");
  const QString each = table->item(0, 12)->toolTip();
  EXPECT_NE(each.indexOf("zone eu-a: "), -1) << each.toStdString();
  EXPECT_NE(each.indexOf("region eu: "), -1) << each.toStdString();
  EXPECT_NE(table->item(0, 11)->text(), "");
}

}  // namespace
}  // namespace nines::gui
