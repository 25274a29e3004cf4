// `nines-gui --plot` as a process on sweeps the built `nines` writes: PNG and SVG charts of one
// and two keys, and exit 2 with one line for what has no chart.
#include "nines/gui/charts/sweep_chart.hpp"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <memory>

namespace {

struct Finished {
  int exit_code = -1;
  QString err;
};

Finished run(const QString& program, const QStringList& arguments) {
  QProcess process;
  // Qt warns on standard error when the session has no runtime directory (containers, CI): the
  // tests check that the error is one line, so give it one.
  static const QTemporaryDir runtime;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert("XDG_RUNTIME_DIR", runtime.path());
  process.setProcessEnvironment(environment);
  process.start(program, arguments);
  process.waitForFinished(120000);
  return {process.exitCode(), QString::fromLocal8Bit(process.readAllStandardError())};
}

QString sample(const char* name) { return QString(NINES_SOURCE_DIR) + "/samples/" + name; }

/// Distinct colours over a coarse grid: a blank or single-colour image has one or two.
int colours(const QImage& image) {
  QSet<QRgb> seen;
  for (int y = 0; y < image.height(); y += 5) {
    for (int x = 0; x < image.width(); x += 5) seen.insert(image.pixel(x, y));
  }
  return static_cast<int>(seen.size());
}

/// The root element's name, or empty when the file is not well-formed XML.
QString xml_root(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  QXmlStreamReader xml(&file);
  QString root;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement() && root.isEmpty()) root = xml.name().toString();
  }
  return xml.hasError() ? QString() : root;
}

/// Sweeps of the on-call shop written once by the built nines: one, two and three keys.
class PlotSweep : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<QTemporaryDir>();
    ASSERT_TRUE(dir_->isValid());
    const QString model = sample("web-shop-oncall.json");
    const QStringList common = {"-n", "200", "--quiet"};
    const QList<std::pair<QString, QStringList>> sweeps = {
        {"one.json", {"--vary", "api.instances=1..3"}},
        {"two.json", {"--vary", "oncall.size=1..2", "--vary", "api.instances=1..3"}},
        {"three.json",
         {"--vary", "oncall.size=1..2", "--vary", "api.instances=1..2", "--vary",
          "frontend.instances=2..3"}}};
    for (const auto& [name, vary] : sweeps) {
      const Finished done = run(NINES_BINARY, QStringList{"sweep", model} + vary + common +
                                                  QStringList{"--json", path(name)});
      ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
    }
    const Finished done =
        run(NINES_BINARY, {"run", model, "-n", "100", "--quiet", "--json", path("run.json")});
    ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
    const Finished planned =
        run(NINES_BINARY,
            {"plan", sample("web-shop.json"), "--vary", "api.instances=1..3", "--vary",
             "db.instances=1..2", "--pilot", "200", "--quiet", "--json", path("plan.json")});
    ASSERT_EQ(planned.exit_code, 0) << planned.err.toStdString();
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static QString path(const QString& name) { return dir_->filePath(name); }

  static std::unique_ptr<QTemporaryDir> dir_;
};

std::unique_ptr<QTemporaryDir> PlotSweep::dir_;

TEST_F(PlotSweep, OneAndTwoKeysGiveANonBlankPngOfTheAskedSize) {
  for (const char* sweep : {"one.json", "two.json"}) {
    const QString png = path(QString(sweep) + ".png");
    const Finished done =
        run(NINES_GUI_BINARY, {"--plot", path(sweep), "--out", png, "--size", "900x560"});
    ASSERT_EQ(done.exit_code, 0) << sweep << ": " << done.err.toStdString();
    const QImage image(png);
    ASSERT_FALSE(image.isNull()) << sweep;
    EXPECT_EQ(image.size(), QSize(900, 560)) << sweep;
    EXPECT_GT(colours(image), 20) << sweep << " looks blank";
  }
}

TEST_F(PlotSweep, OneAndTwoKeysGiveAValidSvg) {
  for (const char* sweep : {"one.json", "two.json"}) {
    const QString svg = path(QString(sweep) + ".svg");
    const Finished done = run(NINES_GUI_BINARY, {"--plot", path(sweep), "--out", svg});
    ASSERT_EQ(done.exit_code, 0) << sweep << ": " << done.err.toStdString();
    EXPECT_EQ(xml_root(svg), "svg") << sweep;
    QSvgRenderer renderer(svg);
    ASSERT_TRUE(renderer.isValid()) << sweep;
    // Drawn back, it is a chart, not an empty page (the default size: 1280 x 800).
    EXPECT_EQ(renderer.viewBox().size(), QSize(1280, 800)) << sweep;
    QImage image(640, 400, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    EXPECT_GT(colours(image), 20) << sweep << " looks blank";
  }
}

TEST_F(PlotSweep, APlanGivesANonBlankPngAndAValidSvg) {
  const QString png = path("plan.png");
  Finished done =
      run(NINES_GUI_BINARY, {"--plot", path("plan.json"), "--out", png, "--size", "900x560"});
  ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(900, 560));
  EXPECT_GT(colours(image), 20) << "looks blank";
  const QString svg = path("plan.svg");
  done = run(NINES_GUI_BINARY, {"--plot", path("plan.json"), "--out", svg});
  ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
  EXPECT_EQ(xml_root(svg), "svg");
  QSvgRenderer renderer(svg);
  ASSERT_TRUE(renderer.isValid());
  EXPECT_EQ(renderer.viewBox().size(), QSize(1280, 800));
}

TEST_F(PlotSweep, ThreeKeysExit2PointingToTheCsv) {
  const QString png = path("three.png");
  const Finished done = run(NINES_GUI_BINARY, {"--plot", path("three.json"), "--out", png});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_TRUE(done.err.startsWith(path("three.json") + ": ")) << done.err.toStdString();
  EXPECT_NE(done.err.indexOf("nines sweep --csv"), -1) << done.err.toStdString();
  EXPECT_EQ(done.err.trimmed().count('\n'), 0) << "one line: " << done.err.toStdString();
  EXPECT_FALSE(QFile::exists(png));
}

TEST_F(PlotSweep, ARunDocumentExit2NamingTheFile) {
  const QString png = path("run.png");
  const Finished done = run(NINES_GUI_BINARY, {"--plot", path("run.json"), "--out", png});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_TRUE(done.err.startsWith(path("run.json") + ": --plot of another document"))
      << done.err.toStdString();
  EXPECT_EQ(done.err.trimmed().count('\n'), 0) << "one line: " << done.err.toStdString();
  EXPECT_FALSE(QFile::exists(png));
}

TEST_F(PlotSweep, BadInputExit2) {
  // Not JSON (a model file is JSON, but the samples' README is not).
  Finished done = run(NINES_GUI_BINARY, {"--plot", QString(NINES_SOURCE_DIR) + "/samples/README.md",
                                         "--out", path("x.png")});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_NE(done.err.indexOf("README.md: not JSON: parse error at line 1"), -1)
      << done.err.toStdString();
  done = run(NINES_GUI_BINARY, {"--plot", path("absent.json"), "--out", path("x.png")});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_NE(done.err.indexOf("absent.json: cannot read: "), -1) << done.err.toStdString();
  done = run(NINES_GUI_BINARY, {"--plot", path("two.json"), "--out", path("x.jpg")});
  EXPECT_EQ(done.exit_code, 2);
  EXPECT_NE(done.err.indexOf("--out: expected a .png or .svg file"), -1) << done.err.toStdString();
  EXPECT_FALSE(QFile::exists(path("x.png")));
}

TEST_F(PlotSweep, AnUnwritableChartExit1) {
  const Finished done =
      run(NINES_GUI_BINARY, {"--plot", path("two.json"), "--out", path("no-such-dir/x.png")});
  EXPECT_EQ(done.exit_code, 1);
  EXPECT_NE(done.err.indexOf("cannot write"), -1) << done.err.toStdString();
}

}  // namespace
