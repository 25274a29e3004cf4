// Tests of the progress bar's rendering (the terminal drawing itself is not testable here).
#include "nines/cli/progress_bar.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace nines::cli {
namespace {

engine::Progress halfway() {
  engine::Progress p;
  p.done = 1000;
  p.total = 2000;
  p.availability = {0.99951, 1e-5, 0.99949, 0.99953};
  p.elapsed_seconds = 12.0;
  return p;
}

TEST(FormatEta, WritesMinutesAndSeconds) {
  EXPECT_EQ(format_eta(0.0), "0:00");
  EXPECT_EQ(format_eta(72.4), "1:12");
  EXPECT_EQ(format_eta(3 * 3600 + 5 * 60 + 9), "3:05:09");
  EXPECT_EQ(format_eta(-1.0), "--:--");
}

TEST(ProgressBar, ShowsCountsPercentageEstimateAndEta) {
  const auto line = ProgressBar::render(halfway(), 120);
  EXPECT_NE(line.find("1,000/2,000"), std::string::npos) << line;
  EXPECT_NE(line.find("50%"), std::string::npos) << line;
  EXPECT_NE(line.find("A 99.9510 % +- 0.0020"), std::string::npos) << line;
  EXPECT_NE(line.find("ETA 0:12"), std::string::npos) << line;
  EXPECT_EQ(line.front(), '[');
  EXPECT_NE(line.find('#'), std::string::npos) << line;
}

TEST(ProgressBar, FitsTheWidth) {
  for (const std::size_t width : {20U, 40U, 60U, 80U, 200U}) {
    EXPECT_LE(ProgressBar::render(halfway(), width).size(), width);
  }
}

TEST(ProgressBar, HasNoEstimateBeforeTheFirstReplication) {
  engine::Progress p;
  p.total = 10;
  const auto line = ProgressBar::render(p, 80);
  EXPECT_EQ(line.find(" A "), std::string::npos) << line;
  EXPECT_NE(line.find("ETA --:--"), std::string::npos) << line;
}

TEST(ProgressBar, ClearsItsLine) {
  std::ostringstream out;
  {
    ProgressBar bar(out, 80);
    bar.update(halfway());
  }
  const auto text = out.str();
  EXPECT_EQ(text.rfind("\r\x1b[K"), text.size() - 4);
}

TEST(ProgressBar, WritesNothingWhenNeverUpdated) {
  std::ostringstream out;
  { const ProgressBar bar(out, 80); }
  EXPECT_TRUE(out.str().empty());
}

TEST(TerminalWidth, FallsBackWhenNotATerminal) { EXPECT_EQ(terminal_width(-1, 77), 77U); }

}  // namespace
}  // namespace nines::cli
