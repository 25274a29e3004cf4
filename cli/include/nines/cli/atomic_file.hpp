// An output file that appears complete or not at all: a temporary file, then rename.
#pragma once

#include <filesystem>
#include <string_view>

namespace nines::cli {

/// Creates a temporary file next to `target` at construction, so an unwritable destination is
/// reported before a long run; `commit` writes, flushes to disk and renames it over `target`.
/// Without a commit the temporary file is removed and `target` is left untouched. A target that
/// exists and is no regular file (a device such as /dev/null, a FIFO) is written in place.
class AtomicFile {
 public:
  /// Throws nines::UsageError ("<target>: cannot write: <reason>") when the directory does not
  /// exist or is not writable.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Writes `content` and renames. Throws nines::UsageError on failure (the target is then
  /// unchanged). At most once.
  void commit(std::string_view content);

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temporary() const { return temporary_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  int fd_ = -1;
  bool committed_ = false;
  bool in_place_ = false;
};

}  // namespace nines::cli
