// Tests of nines-gui's command line: flags, values and one-line errors.
#include "nines/gui/command_line.hpp"

#include <gtest/gtest.h>

namespace nines::gui {
namespace {

TEST(CommandLine, ReadsEveryFlag) {
  QString error;
  const auto line = parse_command_line(
      {"m.json", "--run", "--view", "pareto", "--screenshot", "out.png", "--size", "800x600"},
      error);
  ASSERT_TRUE(line) << error.toStdString();
  EXPECT_EQ(line->model, "m.json");
  EXPECT_TRUE(line->run);
  EXPECT_EQ(line->view, View::kPareto);
  EXPECT_EQ(line->screenshot, "out.png");
  EXPECT_EQ(line->size, QSize(800, 600));
}

TEST(CommandLine, NamesWhatIsWrong) {
  QString error;
  EXPECT_FALSE(parse_command_line({"--view", "pie"}, error));
  EXPECT_NE(error.indexOf("unknown view \"pie\"; known: graph|convergence"), -1)
      << error.toStdString();
  EXPECT_FALSE(parse_command_line({"--size", "big"}, error));
  EXPECT_NE(error.indexOf("--size"), -1);
  EXPECT_FALSE(parse_command_line({"--screenshot"}, error));
  EXPECT_NE(error.indexOf("needs a value"), -1);
  EXPECT_FALSE(parse_command_line({"--frobnicate"}, error));
  EXPECT_FALSE(parse_command_line({"a.json", "b.json"}, error));
}

TEST(CommandLine, RefusesWhatIfWithoutRun) {
  QString error;
  EXPECT_FALSE(parse_command_line({"m.json", "--what-if", "db.instances=3"}, error));
  EXPECT_NE(error.indexOf("--what-if requires --run"), -1) << error.toStdString();
  EXPECT_TRUE(parse_command_line({"m.json", "--run", "--what-if", "db.instances=3"}, error));
}

TEST(CommandLine, ReadsTheReplicationToTraceForTheTimeline) {
  QString error;
  const auto line = parse_command_line({"m.json", "--view", "timeline", "--trace", "7"}, error);
  ASSERT_TRUE(line) << error.toStdString();
  EXPECT_EQ(line->view, View::kTimeline);
  EXPECT_EQ(line->trace, 7U);
  EXPECT_FALSE(parse_command_line({"m.json", "--view", "timeline", "--trace", "-1"}, error));
  EXPECT_NE(error.indexOf("--trace: expected a replication number (0 or more); got \"-1\""), -1)
      << error.toStdString();
  EXPECT_FALSE(parse_command_line({"m.json", "--trace", "3"}, error));
  EXPECT_NE(error.indexOf("--trace R requires --view timeline"), -1) << error.toStdString();
}

TEST(CommandLine, NamesEveryViewBothWays) {
  for (View v : {View::kGraph, View::kConvergence, View::kHistogram, View::kOutages, View::kPareto,
                 View::kCompare, View::kScenarios, View::kTimeline}) {
    EXPECT_EQ(view_from_name(view_name(v)), v);
  }
}

}  // namespace
}  // namespace nines::gui
