// Helpers of the GUI tests: sample paths, waiting on signals, results without run_info.
#pragma once

#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nines/engine/run_result.hpp"
#include "nines/report/result_json.hpp"

namespace nines::gui::testing {

inline std::filesystem::path samples_dir() {
  return std::filesystem::path(NINES_SOURCE_DIR) / "samples";
}

inline std::vector<std::string> sample_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(samples_dir())) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// The result document of `result` without what may differ between runs of one seed.
inline nlohmann::json figures_of(const engine::RunResult& result) {
  nlohmann::json document = report::result_to_json(result);
  document.erase("run_info");
  return document;
}

/// Runs the event loop until `done()` or `timeout_ms` pass; returns done().
template <typename Predicate>
bool wait_until(Predicate done, int timeout_ms = 60000) {
  QTimer deadline;
  deadline.setSingleShot(true);
  deadline.start(timeout_ms);
  while (!done() && deadline.isActive()) {
    QEventLoop loop;
    QTimer::singleShot(5, &loop, &QEventLoop::quit);
    loop.exec();
  }
  return done();
}

}  // namespace nines::gui::testing
