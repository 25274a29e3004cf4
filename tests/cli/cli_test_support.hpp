// Test support for the CLI: run `nines` as a process, temporary directories with model files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace nines::cli::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the built `nines` (NINES_BINARY) with `arguments`, stdin from /dev/null, and captures
/// stdout and stderr separately. `exit_code` is -1 when the process died from a signal.
ProcessResult run_nines(const std::vector<std::string>& arguments);

/// Runs `words` (a program, found on PATH when it has no slash, and its arguments) the same way.
/// `exit_code` is 127 when the program cannot be started.
ProcessResult run_program(std::vector<std::string> words);

/// A fresh directory under the system temp dir, removed with its content on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `name` in the directory and returns the full path as a string.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

/// Reads a whole file ("" when missing).
std::string read_file(const std::filesystem::path& file);

/// A small valid model: web (2 instances, 1 needed) depending on db, target 0.99,
/// `replications` histories of one year, seed 3.
std::string small_model(int replications = 40);

/// Number of lines in `text` (a final line without '\n' counts).
std::size_t line_count(const std::string& text);

}  // namespace nines::cli::testing
