// Every example in `nines help` and the --help of every command runs as written: in a copy of the
// repository's samples with the built `nines` first on PATH, exit 0 within 60 s.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

namespace fs = std::filesystem;
using testing::run_nines;
using testing::TempDir;

/// The command lines shown as examples: "nines ..." lines under an "Example(s):" heading.
std::vector<std::string> examples_in(const std::string& help) {
  std::vector<std::string> examples;
  std::istringstream lines(help);
  std::string line;
  bool in_examples = false;
  while (std::getline(lines, line)) {
    const auto start = line.find_first_not_of(' ');
    const std::string text = start == std::string::npos ? "" : line.substr(start);
    if (text.rfind("Example:", 0) == 0) {
      const auto command = text.find("nines ");
      if (command != std::string::npos) examples.push_back(text.substr(command));
      continue;
    }
    if (text.rfind("Examples:", 0) == 0) {
      in_examples = true;
      continue;
    }
    if (text.empty()) in_examples = false;
    if (in_examples && text.rfind("nines ", 0) == 0) examples.push_back(text);
  }
  return examples;
}

std::set<std::string> every_example() {
  std::set<std::string> all;
  for (const std::vector<std::string>& arguments :
       std::vector<std::vector<std::string>>{{"help"},
                                             {"--help"},
                                             {"help", "run"},
                                             {"run", "--help"},
                                             {"help", "analyze"},
                                             {"analyze", "--help"},
                                             {"help", "validate"},
                                             {"validate", "--help"},
                                             {"help", "compare"},
                                             {"compare", "--help"},
                                             {"help", "plan"},
                                             {"plan", "--help"},
                                             {"help", "graph"},
                                             {"graph", "--help"},
                                             {"help", "schema"},
                                             {"schema", "--help"},
                                             {"help", "help"}}) {
    const auto r = run_nines(arguments);
    EXPECT_EQ(r.exit_code, 0) << arguments.front() << ": " << r.err;
    for (auto& example : examples_in(r.out)) all.insert(example);
  }
  return all;
}

TEST(HelpExamples, EveryExampleRunsAsWritten) {
  const std::set<std::string> examples = every_example();
  ASSERT_GE(examples.size(), 9U) << "the help lost its examples";

  // A copy of the repository's files the examples may name, and `nines` first on PATH.
  const TempDir copy;
  for (const char* directory : {"samples", "docs"}) {
    fs::copy(fs::path(NINES_SOURCE_DIR) / directory, copy.path() / directory,
             fs::copy_options::recursive);
  }
  fs::create_directories(copy.path() / "bin");
  fs::create_symlink(NINES_BINARY, copy.path() / "bin" / "nines");

  for (const std::string& example : examples) {
    const std::string shell = "cd '" + copy.path().string() + "' && PATH='" +
                              (copy.path() / "bin").string() + "':\"$PATH\" timeout 60 sh -c '" +
                              example + "' > out.txt 2> err.txt";
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(shell.c_str());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(WIFEXITED(status)) << example;
    EXPECT_EQ(WEXITSTATUS(status), 0) << example << "\n"
                                      << testing::read_file(copy.path() / "err.txt");
    EXPECT_LT(seconds, 60.0) << example;
  }
}

TEST(HelpExamples, ExtractsTheCommandLines) {
  EXPECT_EQ(examples_in("Examples:\n  nines run a.json\n  nines run b.json --quiet\n\nOther\n"
                        "  nines not-an-example\nExample: nines graph a.json > a.dot\n"),
            (std::vector<std::string>{"nines run a.json", "nines run b.json --quiet",
                                      "nines graph a.json > a.dot"}));
}

}  // namespace
}  // namespace nines::cli
