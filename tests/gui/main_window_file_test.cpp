// Tests of MainWindow's file handling as a user meets it: the unsaved-changes prompt on close
// (cancel, discard, save), opening a file dropped on the window, and the conventional shortcuts.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <memory>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

/// A copy of a sample in a temporary directory, so that saving never touches samples/.
class SampleCopy {
 public:
  explicit SampleCopy(const char* name) {
    path_ = dir_.filePath(name);
    const QString source = QString::fromStdString((testing::samples_dir() / name).string());
    EXPECT_TRUE(QFile::copy(source, path_));
  }
  const QString& path() const { return path_; }

 private:
  QTemporaryDir dir_;
  QString path_;
};

/// Answers the next message box with `button`, once it is shown (modal boxes run their own
/// event loop, so the answer has to come from a timer). The timer belongs to `owner`, so an
/// unanswered one never outlives its test.
void answer_next_box(QObject* owner, QMessageBox::StandardButton button) {
  auto* timer = new QTimer(owner);
  timer->setInterval(10);
  QObject::connect(timer, &QTimer::timeout, timer, [timer, button] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (box == nullptr) return;
    timer->stop();
    timer->deleteLater();
    box->button(button)->click();
  });
  timer->start();
}

/// A window with `file` open and db's instance count changed from the what-if panel.
std::unique_ptr<MainWindow> window_with_unsaved_change(const QString& file) {
  auto window = std::make_unique<MainWindow>();
  window->set_auto_run(false);
  EXPECT_EQ(window->open_file(file, true), QString());
  window->show();
  window->select_component("db");
  window->what_if()->instances()->setValue(3);
  EXPECT_TRUE(window->document()->modified());
  return window;
}

TEST(MainWindowFiles, CancelOnCloseKeepsTheWindowAndTheChange) {
  const SampleCopy copy("db-active-passive.json");
  const auto window = window_with_unsaved_change(copy.path());
  answer_next_box(window.get(), QMessageBox::Cancel);
  EXPECT_FALSE(window->close());
  EXPECT_TRUE(window->isVisible());
  EXPECT_TRUE(window->document()->modified());
  EXPECT_EQ(window->document()->model().find_component("db")->instances, 3);
}

TEST(MainWindowFiles, DiscardOnCloseLeavesTheFileAsItWas) {
  const SampleCopy copy("db-active-passive.json");
  const auto window = window_with_unsaved_change(copy.path());
  answer_next_box(window.get(), QMessageBox::Discard);
  EXPECT_TRUE(window->close());
  const models::Model on_disk = models::load_model(copy.path().toStdString()).model;
  EXPECT_EQ(on_disk.find_component("db")->instances, 2);
}

TEST(MainWindowFiles, SaveOnCloseWritesTheChange) {
  const SampleCopy copy("db-active-passive.json");
  const auto window = window_with_unsaved_change(copy.path());
  answer_next_box(window.get(), QMessageBox::Save);
  EXPECT_TRUE(window->close());
  const models::Model on_disk = models::load_model(copy.path().toStdString()).model;
  EXPECT_EQ(on_disk.find_component("db")->instances, 3);
}

TEST(MainWindowFiles, ClosesWithoutAskingWhenNothingChanged) {
  const SampleCopy copy("db-active-passive.json");
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(copy.path(), true), QString());
  window.show();
  answer_next_box(&window, QMessageBox::Cancel);  // a prompt would be cancelled: close fails
  EXPECT_TRUE(window.close());
}

TEST(MainWindowFiles, OpensAFileDroppedOnIt) {
  const SampleCopy copy("web-shop.json");
  MainWindow window;
  window.set_auto_run(false);
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(copy.path())});
  QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &drop);
  EXPECT_EQ(window.document()->file(), copy.path());
  EXPECT_EQ(window.document()->model().name, "Web shop, single zone");
}

TEST(MainWindowFiles, IgnoresADropWithoutFiles) {
  MainWindow window;
  window.set_auto_run(false);
  QMimeData mime;
  mime.setText("not a file");
  QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  enter.setAccepted(false);
  QApplication::sendEvent(&window, &enter);
  EXPECT_FALSE(enter.isAccepted());
}

TEST(MainWindowFiles, HasTheConventionalShortcuts) {
  MainWindow window;
  QList<QKeySequence> shortcuts;
  for (const QAction* action : window.findChildren<QAction*>()) shortcuts += action->shortcuts();
  for (const QKeySequence& wanted :
       {QKeySequence(QKeySequence::Open), QKeySequence(QKeySequence::Save),
        QKeySequence(QKeySequence::Undo), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
        QKeySequence(Qt::Key_F5), QKeySequence(Qt::Key_Escape)}) {
    EXPECT_TRUE(shortcuts.contains(wanted)) << wanted.toString().toStdString();
  }
}

}  // namespace
}  // namespace nines::gui
