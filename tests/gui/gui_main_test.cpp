// nines-gui as a process: headless screenshots of every view, and exit 2 for a bad model.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include "gui_test_support.hpp"

namespace {

struct Finished {
  int exit_code = -1;
  QString err;
};

Finished run_gui(const QStringList& arguments) {
  QProcess process;
  process.start(NINES_GUI_BINARY, arguments);
  process.waitForFinished(120000);
  return {process.exitCode(), QString::fromLocal8Bit(process.readAllStandardError())};
}

/// Distinct colours over a coarse grid: a blank or single-colour image has one or two.
int colours(const QImage& image) {
  QSet<QRgb> seen;
  for (int y = 0; y < image.height(); y += 7) {
    for (int x = 0; x < image.width(); x += 7) seen.insert(image.pixel(x, y));
  }
  return static_cast<int>(seen.size());
}

class Screenshot : public testing::TestWithParam<const char*> {};

TEST_P(Screenshot, IsANonBlankPngOfTheRequestedSize) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString png = dir.filePath("view.png");
  const QString model =
      QString::fromStdString((nines::gui::testing::samples_dir() / "web-shop.json").string());
  const Finished done =
      run_gui({model, "--run", "--view", GetParam(), "--screenshot", png, "--size", "900x600"});
  ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(900, 600));
  EXPECT_GT(colours(image), 20) << GetParam() << " looks blank";
}

INSTANTIATE_TEST_SUITE_P(EveryView, Screenshot,
                         testing::Values("graph", "convergence", "histogram", "outages", "pareto",
                                         "compare", "scenarios", "timeline"));

TEST(GuiMain, TimelineOfAZonedModelIsANonBlankPngOfTheRequestedSize) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString model = QString(NINES_TEST_DATA_DIR) + "/valid/zones.json";
  for (const QStringList& extra : {QStringList{"--run"}, QStringList{"--trace", "3"}}) {
    const QString png = dir.filePath("timeline.png");
    QStringList arguments = {model, "--view", "timeline", "--screenshot",
                             png,   "--size", "1000x640"};
    arguments << extra;
    const Finished done = run_gui(arguments);
    ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1000, 640));
    EXPECT_GT(colours(image), 20) << extra.join(' ').toStdString() << ": looks blank";
  }
}

TEST(GuiMain, RequestsViewOfAModelWithALoadAndExitTwoForOneWithout) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString png = dir.filePath("requests.png");
  const auto sample = [](const char* name) {
    return QString::fromStdString((nines::gui::testing::samples_dir() / name).string());
  };
  Finished done = run_gui({sample("n-plus-one.json"), "--view", "requests", "--trace", "2",
                           "--screenshot", png, "--size", "1000x640"});
  ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(1000, 640));
  EXPECT_GT(colours(image), 20) << "requests looks blank";
  const QString none = dir.filePath("none.png");
  done = run_gui({sample("web-shop-two-zones.json"), "--view", "requests", "--screenshot", none});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_NE(done.err.indexOf("--view requests: "), -1) << done.err.toStdString();
  EXPECT_NE(done.err.indexOf("web-shop-two-zones.json has no load (no requests to draw)"), -1)
      << done.err.toStdString();
  EXPECT_FALSE(QFile::exists(none));
}

TEST(GuiMain, ExitsWithTwoAndTheLoadersMessageForABadModel) {
  QTemporaryDir dir;
  const QString bad = QString(NINES_TEST_DATA_DIR) + "/invalid/bad_id.json";
  const Finished done = run_gui({bad, "--screenshot", dir.filePath("x.png")});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_NE(done.err.indexOf("bad_id.json: /components/0/id: must be a non-empty id"), -1)
      << done.err.toStdString();
}

TEST(GuiMain, ExitsWithTwoForABadCommandLine) {
  const Finished done = run_gui({"--view", "pie"});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_NE(done.err.indexOf("unknown view"), -1) << done.err.toStdString();
}

}  // namespace
