// The readable report of a run: headline figures with confidence intervals and top causes.
#pragma once

#include <cstddef>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "nines/engine/run_result.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/exact_check.hpp"

namespace nines::report {

/// A --top value meaning every row.
inline constexpr std::size_t kAllRows = std::numeric_limits<std::size_t>::max();

struct TextReportOptions {
  /// How many components to list under "Top causes of downtime" (those with a share above 0);
  /// kAllRows for all of them.
  std::size_t top_components = 5;
  /// Whether to end with the events, wall time and thread count (these vary between runs).
  bool show_run_info = true;
  /// The exact answer to print beside the estimate (`nines run` computes it when it exists).
  const ExactCheck* exact = nullptr;
  /// The model's scenario that was run, named in the header; empty for the base model.
  std::string scenario;
  /// The --set overrides as `canonical_override` writes them, shown in the header.
  std::vector<std::string> overrides;
  /// The design's monthly cost, shown in the header when it has one.
  DesignCost cost;
};

/// "no outage in 1,000 replication-years": what a run that saw no outage says instead of an
/// interval (replications x horizon in years).
std::string no_outage_words(const engine::RunResult& result);

/// Writes the report as aligned plain text (no colour, no terminal control codes).
void write_text_report(const engine::RunResult& result, std::ostream& out,
                       const TextReportOptions& options = {});

}  // namespace nines::report
