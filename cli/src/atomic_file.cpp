// An output file that appears complete or not at all: a temporary file, then rename.
#include "nines/cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "nines/cli/ranks.hpp"
#include "nines/models/error.hpp"

namespace nines::cli {

namespace {

[[noreturn]] void fail(const std::filesystem::path& target, int error_number) {
  throw UsageError(format_error(target.string(), "",
                                std::string("cannot write: ") + std::strerror(error_number)));
}

/// The permissions a newly created file would get (0666 minus the umask); mkstemp uses 0600.
mode_t default_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666U & ~static_cast<unsigned>(mask));
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  if (!is_first_rank()) return;  // under MPI rank 0 alone writes; commit() does nothing here
  if (target_.empty() || !target_.has_filename()) fail(target_, EISDIR);
  std::error_code ec;
  const auto status = std::filesystem::status(target_, ec);
  if (std::filesystem::is_directory(status)) fail(target_, EISDIR);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // A device or a pipe (--json /dev/null, a FIFO): written in place, never renamed over
    // (as root a rename would replace /dev/null with a regular file).
    fd_ =
        ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);  // NOLINT(cppcoreguidelines-pro-type-vararg)
    if (fd_ < 0) fail(target_, errno);
    in_place_ = true;
    return;
  }
  const std::filesystem::path directory =
      target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
  std::string pattern = (directory / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  fd_ = ::mkstemp(buffer.data());
  if (fd_ < 0) fail(target_, errno);
  temporary_ = std::filesystem::path(buffer.data());
  ::fchmod(fd_, default_file_mode());
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !in_place_ && !temporary_.empty()) ::unlink(temporary_.c_str());
}

void AtomicFile::commit(std::string_view content) {
  if (!is_first_rank()) return;
  if (committed_ || fd_ < 0)
    throw UsageError(format_error(target_.string(), "", "already written"));
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd_, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(target_, errno);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  if (in_place_) {
    ::close(std::exchange(fd_, -1));
    committed_ = true;
    return;
  }
  if (::fsync(fd_) != 0) fail(target_, errno);
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) fail(target_, errno);
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(target_, errno);
  committed_ = true;
}

}  // namespace nines::cli
