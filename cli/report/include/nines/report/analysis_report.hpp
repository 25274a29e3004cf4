// The readable report of `nines analyze`: exact figures and the importance table.
#pragma once

#include <ostream>
#include <string>

#include "nines/analysis/system_analysis.hpp"

namespace nines::report {

void write_analysis_report(const analysis::Analysis& result, const std::string& model_name,
                           std::ostream& out);

}  // namespace nines::report
