// One QApplication for every GUI test, on the offscreen platform, with settings kept apart.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>
#include <memory>

namespace {

class QtEnvironment : public testing::Environment {
 public:
  void SetUp() override {
    // CTest sets it; this keeps a test binary run by hand off the user's display too.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Recent files go to a test location, never the user's settings.
    QStandardPaths::setTestModeEnabled(true);
    app_ = std::make_unique<QApplication>(argc_, argv_);
    QApplication::setOrganizationName("nines-test");
    QApplication::setApplicationName("nines-gui-test");
  }
  void TearDown() override { app_.reset(); }

 private:
  int argc_ = 1;
  char name_[16] = "nines_gui_test";
  char* argv_[2] = {name_, nullptr};
  std::unique_ptr<QApplication> app_;
};

// Registered before main() runs the tests (gtest_main), never during --gtest_list_tests' use.
const testing::Environment* const kEnvironment =
    testing::AddGlobalTestEnvironment(new QtEnvironment);

}  // namespace
