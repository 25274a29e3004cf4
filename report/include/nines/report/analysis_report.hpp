// The readable report of `nines analyze`: exact figures and the importance table.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "nines/analysis/system_analysis.hpp"
#include "nines/report/design_cost.hpp"

namespace nines::report {

struct AnalysisReportOptions {
  /// Components to list, most critical first; kAllRows (text_report.hpp) for all of them.
  std::size_t top_components = 25;
  /// The --set overrides as `canonical_override` writes them, shown in the header.
  std::vector<std::string> overrides;
  /// The design's monthly cost, shown in the header when it has one.
  DesignCost cost;
};

void write_analysis_report(const analysis::Analysis& result, const std::string& model_name,
                           std::ostream& out, const AnalysisReportOptions& options = {});

}  // namespace nines::report
