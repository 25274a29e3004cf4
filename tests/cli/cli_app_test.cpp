// Tests of the `nines` command line as a process: version, help, command and flag errors.
#include "nines/cli/cli_app.hpp"

#include <gtest/gtest.h>

#include <array>
#include <sstream>

#include "cli_test_support.hpp"
#include "nines/models/version.hpp"

namespace nines::cli {
namespace {

using testing::line_count;
using testing::run_nines;

/// A bad command line: exit 2, nothing on stdout, exactly one line on stderr.
void expect_usage_error(const testing::ProcessResult& r, const std::string& fragment) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(line_count(r.err), 1U) << r.err;
  EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
}

TEST(CliApp, PrintsTheVersion) {
  const auto r = run_nines({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("nines ") + kVersion + "\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliApp, PrintsTheMainHelp) {
  for (const auto& arguments : {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
    const auto r = run_nines(arguments);
    EXPECT_EQ(r.exit_code, 0) << arguments.front();
    for (const char* command : {"run", "validate", "graph", "help", "--version"}) {
      EXPECT_NE(r.out.find(command), std::string::npos) << command << "\n" << r.out;
    }
  }
}

TEST(CliApp, PrintsTheHelpOfEachCommand) {
  for (const auto& arguments : {std::vector<std::string>{"help", "run"}, {"run", "--help"}}) {
    const auto r = run_nines(arguments);
    EXPECT_EQ(r.exit_code, 0);
    for (const char* option :
         {"MODEL", "--replications", "--horizon", "--seed", "--threads", "--set", "--json",
          "--quiet", "--precision", "--confidence", "--batch", "--max-replications", "--max-time",
          "--window", "--top", "--precision 0.05 --max-time 20s --window 30d"}) {
      EXPECT_NE(r.out.find(option), std::string::npos) << option << "\n" << r.out;
    }
  }
  for (const char* command : {"validate", "graph"}) {
    const auto from_help = run_nines({"help", command});
    const auto from_flag = run_nines({command, "--help"});
    EXPECT_EQ(from_help.exit_code, 0);
    EXPECT_EQ(from_flag.exit_code, 0);
    EXPECT_NE(from_help.out.find("MODEL"), std::string::npos) << from_help.out;
    EXPECT_EQ(from_help.out, from_flag.out);
  }
}

TEST(CliApp, RejectsHelpForAnUnknownCommand) {
  expect_usage_error(run_nines({"help", "frobnicate"}), "frobnicate");
}

TEST(CliApp, RejectsAMissingCommand) { expect_usage_error(run_nines({}), "missing command"); }

TEST(CliApp, RejectsAnUnknownCommand) {
  const auto r = run_nines({"frobnicate", "x.json"});
  expect_usage_error(r, "unknown command 'frobnicate'");
  EXPECT_NE(r.err.find("run, compare, sweep, plan, analyze, validate, graph, schema, help"),
            std::string::npos)
      << r.err;
}

TEST(CliApp, RejectsAnUnknownFlag) {
  const testing::TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_usage_error(run_nines({"run", model, "--bogus"}), "--bogus");
  expect_usage_error(run_nines({"--bogus"}), "--bogus");
}

TEST(CliApp, RejectsAMissingModelArgument) {
  for (const char* command : {"run", "validate", "graph"}) {
    const auto r = run_nines({command});
    expect_usage_error(r, "MODEL");
    EXPECT_NE(r.err.find(std::string("nines ") + command), std::string::npos) << r.err;
  }
}

TEST(CliApp, RejectsABadThreadCount) {
  const testing::TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_usage_error(run_nines({"run", model, "--threads", "-1"}), "--threads");
  expect_usage_error(run_nines({"run", model, "--threads", "two"}), "--threads");
}

TEST(CliApp, RejectsAFlagWithoutItsValue) {
  const testing::TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  expect_usage_error(run_nines({"run", model, "--json"}), "--json");
}

TEST(RunCli, ReturnsTwoForUsageErrorsInProcess) {
  std::ostringstream out;
  std::ostringstream err;
  const Console console{out, err, false};
  const std::array<const char*, 2> argv = {"nines", "run"};
  EXPECT_EQ(run_cli(2, argv.data(), console), kExitBadInput);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(testing::line_count(err.str()), 1U) << err.str();
}

/// A stream buffer that refuses every write, so that output fails like a full disk.
class FailingBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type /*c*/) override { return traits_type::eof(); }
};

TEST(RunCli, ReportsOtherExceptionsAsInternalErrors) {
  const testing::TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  FailingBuffer failing;
  std::ostream out(&failing);
  out.exceptions(std::ios::badbit);
  std::ostringstream err;
  const Console console{out, err, false};
  const std::array<const char*, 3> argv = {"nines", "validate", model.c_str()};
  EXPECT_EQ(run_cli(3, argv.data(), console), kExitInternalError);
  EXPECT_EQ(err.str().rfind("nines: internal error: ", 0), 0U) << err.str();
  EXPECT_EQ(testing::line_count(err.str()), 1U) << err.str();
}

}  // namespace
}  // namespace nines::cli
