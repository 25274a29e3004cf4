// The progress bar of `nines run` on a terminal: done/total, percentage, running estimate, ETA.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "nines/engine/monte_carlo.hpp"

namespace nines::cli {

class ProgressBar {
 public:
  /// Draws on `out` (a terminal), using at most `width` columns.
  ProgressBar(std::ostream& out, std::size_t width);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Redraws the line in place.
  void update(const engine::Progress& progress);
  /// Erases the line (also done by the destructor), leaving the cursor at column 0.
  void clear();

  /// One line without control codes and at most `width` characters, e.g.
  /// `[#######.....]  1,200/2,000  60%  A 99.9512 % +- 0.0031  ETA 0:12`.
  static std::string render(const engine::Progress& progress, std::size_t width);

 private:
  std::ostream& out_;
  std::size_t width_;
  bool drawn_ = false;
};

/// The column count of the terminal on `fd`, or `fallback` when it is not a terminal.
std::size_t terminal_width(int fd, std::size_t fallback = 80);

/// Whole seconds as "m:ss" or "h:mm:ss"; "--:--" when unknown (negative or not finite).
std::string format_eta(double seconds);

}  // namespace nines::cli
