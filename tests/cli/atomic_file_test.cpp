// Tests of AtomicFile: complete output or none, temporary files cleaned up, early errors.
#include "nines/cli/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <thread>

#include "cli_test_support.hpp"
#include "nines/models/error.hpp"

namespace nines::cli {
namespace {

using testing::read_file;
using testing::TempDir;

std::size_t entries(const std::filesystem::path& directory) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory)) ++n;
  return n;
}

TEST(AtomicFile, WritesTheContentOnCommit) {
  const TempDir dir;
  const auto target = dir.path() / "result.json";
  AtomicFile file(target);
  EXPECT_FALSE(std::filesystem::exists(target));
  EXPECT_EQ(file.temporary().parent_path(), target.parent_path());
  file.commit("{\"a\": 1}\n");
  EXPECT_EQ(read_file(target), "{\"a\": 1}\n");
  EXPECT_EQ(entries(dir.path()), 1U);
}

TEST(AtomicFile, ReplacesAnExistingFile) {
  const TempDir dir;
  const auto target = dir.write("result.json", "old");
  AtomicFile file(target);
  EXPECT_EQ(read_file(target), "old");
  file.commit("new");
  EXPECT_EQ(read_file(target), "new");
}

TEST(AtomicFile, LeavesTheTargetUntouchedWithoutCommit) {
  const TempDir dir;
  const auto target = dir.write("result.json", "old");
  { const AtomicFile file(target); }
  EXPECT_EQ(read_file(target), "old");
  EXPECT_EQ(entries(dir.path()), 1U);
}

TEST(AtomicFile, GetsTheUsualPermissions) {
  const TempDir dir;
  const auto target = dir.path() / "result.json";
  AtomicFile(target).commit("x");
  const auto permissions = std::filesystem::status(target).permissions();
  EXPECT_NE(permissions & std::filesystem::perms::owner_read, std::filesystem::perms::none);
  EXPECT_NE(permissions & std::filesystem::perms::owner_write, std::filesystem::perms::none);
}

TEST(AtomicFile, FailsEarlyWhenTheDirectoryIsMissing) {
  const TempDir dir;
  const auto target = dir.path() / "no-such-dir" / "result.json";
  try {
    const AtomicFile file(target);
    FAIL() << "no exception";
  } catch (const UsageError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(target.string()), std::string::npos) << message;
    EXPECT_NE(message.find("cannot write"), std::string::npos) << message;
    EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
  }
}

TEST(AtomicFile, WritesAPipeOrDeviceInPlaceInsteadOfReplacingIt) {
  // Like `--json /dev/null` (as root a rename would replace the device with a regular file).
  const TempDir dir;
  const auto pipe = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read_file(pipe); });
  {
    AtomicFile file(pipe);
    file.commit("through the pipe");
  }
  reader.join();
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(std::filesystem::is_fifo(pipe));
  EXPECT_EQ(entries(dir.path()), 1U);  // no temporary file left beside it
}

TEST(AtomicFile, RefusesADirectoryAsTarget) {
  const TempDir dir;
  EXPECT_THROW(AtomicFile{dir.path()}, UsageError);
}

}  // namespace
}  // namespace nines::cli
