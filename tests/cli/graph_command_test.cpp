// Tests of `nines graph`: DOT on stdout, errors like every command.
#include "nines/cli/graph_command.hpp"

#include <gtest/gtest.h>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using testing::run_nines;
using testing::TempDir;

TEST(GraphCommand, PrintsDot) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r = run_nines({"graph", model});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("digraph"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("web"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("db"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 of 2"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(GraphCommand, RejectsAMissingFile) {
  const TempDir dir;
  const auto missing = (dir.path() / "nope.json").string();
  const auto r = run_nines({"graph", missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(testing::line_count(r.err), 1U) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

}  // namespace
}  // namespace nines::cli
