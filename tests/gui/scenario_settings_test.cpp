// Tests of the KEY=VALUE lines of the scenarios panel: the meaning of `nines run --set`.
#include "nines/gui/scenario_settings.hpp"

#include <gtest/gtest.h>

namespace nines::gui {
namespace {

TEST(ScenarioSettings, ReadsValuesAsSetDoes) {
  QString problem;
  const auto settings = settings_from_text(
      "db.mttr=2h\n# a comment\n\n  db.instances = 3\ndb.standby={\"mode\": \"cold\"}", problem);
  ASSERT_TRUE(settings) << problem.toStdString();
  ASSERT_EQ(settings->size(), 3U);
  // Sorted by key, as the loader keeps a file's "set" object.
  EXPECT_EQ((*settings)[0], (models::ScenarioSetting{"db.instances", "3"}));
  EXPECT_EQ((*settings)[1], (models::ScenarioSetting{"db.mttr", "\"2h\""}));
  EXPECT_EQ((*settings)[2], (models::ScenarioSetting{"db.standby", "{\"mode\":\"cold\"}"}));
}

TEST(ScenarioSettings, WritesLinesThatReadBack) {
  const models::Scenario scenario{"s", {{"db.instances", "3"}, {"db.mttr", "\"2h\""}}};
  const QStringList lines = setting_lines(scenario);
  EXPECT_EQ(lines, QStringList({"db.instances=3", "db.mttr=\"2h\""}));
  QString problem;
  EXPECT_EQ(settings_from_text(lines.join('\n'), problem), scenario.set);
}

TEST(ScenarioSettings, NamesTheLineThatIsNotKeyEqualsValue) {
  QString problem;
  EXPECT_FALSE(settings_from_text("db.instances=3\ndb.instances\n", problem));
  EXPECT_EQ(problem.toStdString(),
            "line 2: override \"db.instances\": must look like KEY=VALUE, ID.KEY=VALUE or "
            "ID.KEY.SUBKEY=VALUE (e.g. web.instances=4)");
  EXPECT_FALSE(settings_from_text("=3", problem));
  EXPECT_NE(problem.indexOf("line 1: override \"=3\""), -1) << problem.toStdString();
}

}  // namespace
}  // namespace nines::gui
