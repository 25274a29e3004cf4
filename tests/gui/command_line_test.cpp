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

TEST(CommandLine, ReadsTheRequestsViewWithTheReplicationToTrace) {
  QString error;
  const auto line = parse_command_line({"m.json", "--view", "requests", "--trace", "4"}, error);
  ASSERT_TRUE(line) << error.toStdString();
  EXPECT_EQ(line->view, View::kRequests);
  EXPECT_EQ(line->trace, 4U);
  EXPECT_EQ(view_from_name("requests"), View::kRequests);
  EXPECT_EQ(view_name(View::kRequests), "requests");
  EXPECT_NE(view_names().indexOf("|requests|"), -1) << view_names().toStdString();
  EXPECT_NE(usage().indexOf("--view requests"), -1);
  EXPECT_FALSE(parse_command_line({"m.json", "--view", "graph", "--trace", "4"}, error));
  EXPECT_NE(error.indexOf("--trace R requires --view timeline or requests"), -1)
      << error.toStdString();
}

TEST(CommandLine, ReadsAPlotWithoutAModel) {
  QString error;
  const auto line =
      parse_command_line({"--plot", "s.json", "--out", "s.SVG", "--size", "900x560"}, error);
  ASSERT_TRUE(line) << error.toStdString();
  EXPECT_EQ(line->plot, "s.json");
  EXPECT_EQ(line->out, "s.SVG");
  EXPECT_EQ(line->size, QSize(900, 560));
  EXPECT_TRUE(line->model.isEmpty());
}

TEST(CommandLine, RefusesAPlotItCannotWrite) {
  QString error;
  EXPECT_FALSE(parse_command_line({"--plot", "s.json", "--out", "s.jpg"}, error));
  EXPECT_NE(error.indexOf("--out: expected a .png or .svg file; got \"s.jpg\""), -1)
      << error.toStdString();
  EXPECT_FALSE(parse_command_line({"--plot", "s.json"}, error));
  EXPECT_NE(error.indexOf("--plot requires --out"), -1) << error.toStdString();
  EXPECT_FALSE(parse_command_line({"--out", "s.png"}, error));
  EXPECT_NE(error.indexOf("--out requires --plot"), -1) << error.toStdString();
  EXPECT_FALSE(parse_command_line({"m.json", "--plot", "s.json", "--out", "s.png"}, error));
  EXPECT_NE(error.indexOf("--plot draws a sweep or plan document alone"), -1)
      << error.toStdString();
  EXPECT_FALSE(parse_command_line({"--plot", "s.json", "--out", "s.png", "--run"}, error));
  EXPECT_FALSE(parse_command_line({"--plot", "s.json", "--out", "s.png", "--size", "9x9"}, error));
  EXPECT_NE(error.indexOf("--size"), -1) << error.toStdString();
}

TEST(CommandLine, NamesEveryViewBothWays) {
  for (View v : {View::kGraph, View::kConvergence, View::kHistogram, View::kOutages, View::kPareto,
                 View::kCompare, View::kScenarios, View::kTimeline}) {
    EXPECT_EQ(view_from_name(view_name(v)), v);
  }
}

}  // namespace
}  // namespace nines::gui
