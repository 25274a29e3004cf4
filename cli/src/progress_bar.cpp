// The progress bar of `nines run` on a terminal: done/total, percentage, running estimate, ETA.
#include "nines/cli/progress_bar.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "nines/report/human_format.hpp"

namespace nines::cli {

namespace {

constexpr std::size_t kMinBarWidth = 10;
constexpr std::size_t kMaxBarWidth = 40;

std::string two_digits(long long value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::string format_eta(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0.0) return "--:--";
  const long long total = std::llround(seconds);
  const long long hours = total / 3600;
  const long long minutes = (total / 60) % 60;
  const long long secs = total % 60;
  if (hours > 0) return std::to_string(hours) + ":" + two_digits(minutes) + ":" + two_digits(secs);
  return std::to_string(minutes) + ":" + two_digits(secs);
}

std::string ProgressBar::render(const engine::Progress& progress, std::size_t width) {
  using report::format_count;
  const double fraction =
      progress.total > 0
          ? std::clamp(static_cast<double>(progress.done) / static_cast<double>(progress.total),
                       0.0, 1.0)
          : 0.0;
  std::string text = format_count(progress.done) + "/" + format_count(progress.total) + "  " +
                     report::format_fixed(100.0 * fraction, 0) + "%";
  if (progress.done > 0) {
    const auto& a = progress.availability;
    const int decimals = report::availability_decimals(a.mean);
    text += "  A " + report::format_percent(a.mean, decimals) + " +- " +
            report::format_fixed(100.0 * (a.ci95_hi - a.ci95_lo) / 2.0, decimals);
  }
  double eta = -1.0;
  if (progress.done > 0 && progress.done <= progress.total) {
    eta = progress.elapsed_seconds * static_cast<double>(progress.total - progress.done) /
          static_cast<double>(progress.done);
  }
  text += "  ETA " + format_eta(eta);

  // The bar takes what is left of the line, within limits; dropped when the line is too narrow.
  if (width >= text.size() + kMinBarWidth + 4) {
    const std::size_t bar = std::min(kMaxBarWidth, width - text.size() - 4);
    const auto filled = static_cast<std::size_t>(std::floor(fraction * static_cast<double>(bar)));
    text = "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "]  " + text;
  }
  if (text.size() > width) text.resize(width);
  return text;
}

ProgressBar::ProgressBar(std::ostream& out, std::size_t width) : out_(out), width_(width) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(const engine::Progress& progress) {
  // Keep the last column free: writing into it makes some terminals wrap.
  out_ << '\r' << render(progress, width_ > 1 ? width_ - 1 : width_) << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

std::size_t terminal_width(int fd, std::size_t fallback) {
  winsize size{};
  if (::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return fallback;
}

}  // namespace nines::cli
