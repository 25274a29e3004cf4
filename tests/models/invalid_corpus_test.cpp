// Loads every file of tests/data/invalid and checks its message against the .expected fragment.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::models {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> invalid_models() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(NINES_TEST_DATA_DIR) / "invalid")) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class InvalidModel : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidModel, FailsWithTheExpectedMessage) {
  const fs::path dir = fs::path(NINES_TEST_DATA_DIR) / "invalid";
  const fs::path file = dir / (GetParam() + ".json");
  std::ifstream expected_in(dir / (GetParam() + ".expected"));
  ASSERT_TRUE(expected_in) << "missing " << GetParam() << ".expected";
  std::string expected;
  std::getline(expected_in, expected);
  ASSERT_FALSE(expected.empty());
  try {
    load_model(file);
    FAIL() << file << " loaded without error";
  } catch (const ModelError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(file.string() + ": ", 0), 0u) << message;
    EXPECT_NE(message.find(expected), std::string::npos)
        << "message:  " << message << "\nexpected: " << expected;
    EXPECT_EQ(message.find('\n'), std::string::npos) << "not one line: " << message;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, InvalidModel, ::testing::ValuesIn(invalid_models()),
                         [](const auto& param_info) { return param_info.param; });

TEST(InvalidCorpus, IsNotEmptyAndEveryFileHasItsFragment) {
  const auto names = invalid_models();
  EXPECT_GE(names.size(), 90u);
  for (const auto& name : names) {
    EXPECT_TRUE(fs::exists(fs::path(NINES_TEST_DATA_DIR) / "invalid" / (name + ".expected")))
        << name;
  }
}

}  // namespace
}  // namespace nines::models
