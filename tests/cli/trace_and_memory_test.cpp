// `nines run --trace` and `--trace-csv` on a hand-worked injection timeline, their flag errors,
// and the refusal of runs that cannot fit in memory - all through the real executable.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "cli_test_support.hpp"

namespace nines::cli::testing {
namespace {

/// web: 3 hot instances, 2 needed, never failing on their own; detection 30 min, repair 2 h.
/// Injections: two instances fail at 10 h; two held 11 h .. 12 h, of which only one qualifies
/// (the others are failed); three held 20 h .. 21 h; one at the horizon (100 h): nothing.
std::string injected_model() {
  return R"({
  "name": "game day", "horizon": "100h", "replications": 3, "seed": 1,
  "components": [{"id": "web", "instances": 3, "min_up": 2,
                  "failure": {"type": "fixed", "value": "1000000h"},
                  "detection": {"type": "fixed", "value": "30m"},
                  "repair": {"type": "fixed", "value": "2h"}}],
  "inject": [{"at": "10h", "component": "web", "instances": 2},
             {"at": "11h", "component": "web", "instances": 2, "for": "1h"},
             {"at": "20h", "component": "web", "instances": 3, "for": "1h"},
             {"at": "100h", "component": "web"}]
})";
}

TEST(TraceCsv, GivesTheHandWorkedTimelineRowByRow) {
  TempDir dir;
  const auto model = dir.write("m.json", injected_model());
  const auto result = run_nines({"run", model, "--trace", "1", "--trace-csv", "-"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string expected =
      "time_hours,batch,source_kind,source_id,instance,event,system_up,cause_kind,cause_id,"
      "offered_rps,served_rps,sigma\r\n"
      "10,0,inject,web,,inject-start,0,inject,web,,,\r\n"
      "10,0,component,web,0,failure,0,,,,,\r\n"
      "10,0,component,web,1,failure,0,,,,,\r\n"
      "10.5,1,component,web,0,detection,0,,,,,\r\n"
      "10.5,1,component,web,0,repair-start,0,,,,,\r\n"
      "10.5,1,component,web,1,detection,0,,,,,\r\n"
      "10.5,1,component,web,1,repair-start,0,,,,,\r\n"
      "11,2,inject,web,,inject-start,0,,,,,\r\n"
      "11,2,component,web,2,block,0,,,,,\r\n"
      "12,3,inject,web,,inject-end,0,,,,,\r\n"
      "12,3,component,web,2,unblock,0,,,,,\r\n"
      "12.5,4,component,web,0,repair-end,1,,,,,\r\n"
      "12.5,4,component,web,1,repair-end,1,,,,,\r\n"
      "20,5,inject,web,,inject-start,0,inject,web,,,\r\n"
      "20,5,component,web,0,block,0,,,,,\r\n"
      "20,5,component,web,1,block,0,,,,,\r\n"
      "20,5,component,web,2,block,0,,,,,\r\n"
      "21,6,inject,web,,inject-end,1,,,,,\r\n"
      "21,6,component,web,0,unblock,1,,,,,\r\n"
      "21,6,component,web,1,unblock,1,,,,,\r\n"
      "21,6,component,web,2,unblock,1,,,,,\r\n";
  EXPECT_EQ(result.out, expected);
  // The horizon injection warns.
  EXPECT_NE(result.err.find("warning:"), std::string::npos) << result.err;
}

TEST(TraceCsv, IsWrittenAtomicallyToAFile) {
  TempDir dir;
  const auto model = dir.write("m.json", injected_model());
  const auto csv = (dir.path() / "t.csv").string();
  const auto result = run_nines({"run", model, "--trace", "0", "--trace-csv", csv});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(line_count(read_file(csv)), 22U);
  EXPECT_TRUE(result.out.empty());
}

TEST(Trace, PrintsTheTimelineAndTheReplicationsFigures) {
  TempDir dir;
  const auto model = dir.write("m.json", injected_model());
  const auto result = run_nines({"run", model, "--trace", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Timeline of replication 2"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("outage begins: inject web"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("2 outages"), std::string::npos) << result.out;
}

TEST(Trace, RefusesBadFlagsWithExitTwo) {
  TempDir dir;
  const auto model = dir.write("m.json", injected_model());
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"run", model, "--trace", "3"}, "from 0 to 2"},
      {{"run", model, "--trace", "-1"}, "from 0 to 2"},
      {{"run", model, "--trace", "x"}, "from 0 to 2"},
      {{"run", model, "--trace", "0", "--json", "-"}, "--trace excludes --json"},
      {{"run", model, "--trace", "0", "--precision", "0.1"}, "--trace excludes --precision"},
      {{"run", model, "--trace", "0", "--window", "10h"}, "--trace excludes --window"},
      {{"run", model, "--trace", "0", "--all-scenarios"}, "--trace excludes --all-scenarios"},
      {{"run", model, "--trace-csv", "-"}, "--trace-csv requires --trace"},
      {{"run", model, "--trace", "0", "--trace-csv", "/nonexistent/dir/t.csv"}, "cannot write"},
  };
  for (const auto& [arguments, message] : cases) {
    const auto result = run_nines(arguments);
    EXPECT_EQ(result.exit_code, 2) << arguments.back();
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
    // One line of error (besides the model's own warning about the injection at the horizon).
    EXPECT_EQ(line_count(result.err) - (result.err.rfind("warning:", 0) == 0 ? 1U : 0U), 1U)
        << result.err;
  }
}

TEST(MemoryLimit, RefusesARunThatCannotFitNamingBothFigures) {
  TempDir dir;
  const auto model = dir.write("m.json", small_model());
  const auto result = run_nines({"run", model, "--replications", "1000000000", "--window", "1h"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("the run would hold about"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("of memory"), std::string::npos) << result.err;
  EXPECT_EQ(line_count(result.err), 1U) << result.err;
}

TEST(MemoryLimit, FollowsTheLimitTheEnvironmentSets) {
  TempDir dir;
  const auto model = dir.write("m.json", small_model());
  ::setenv("NINES_MEMORY_LIMIT_BYTES", "1000", 1);
  const auto refused = run_nines({"run", model});
  ::setenv("NINES_MEMORY_LIMIT_BYTES", "10000000000", 1);
  const auto allowed = run_nines({"run", model});
  ::unsetenv("NINES_MEMORY_LIMIT_BYTES");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("NINES_MEMORY_LIMIT_BYTES allows 1 kB"), std::string::npos)
      << refused.err;
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
}

}  // namespace
}  // namespace nines::cli::testing
