// A hand-made RunResult shared by the report tests: every optional figure present.
#pragma once

#include "nines/engine/run_result.hpp"

namespace nines::testing {

inline engine::RunResult sample_run_result() {
  engine::RunResult r;
  r.model_name = "Web shop";
  r.replications = 2000;
  r.horizon_hours = 8760.0;
  r.seed = 7;
  r.target = 0.9995;
  r.availability = {0.99951234567890123, 1.6e-5, 0.9994810, 0.9995437};
  r.downtime_hours_per_year = {4.27, 0.14, 4.0, 4.54};
  r.outages_per_year = {2.31, 0.03, 2.25, 2.37};
  r.outages = 4620;
  r.outages_cut_at_horizon = 3;
  r.outage_duration = engine::OutageDurations{1.93, 1.03, 4.17, 12.05, 27.5};
  r.system_mtbf_hours = 3792.2;
  r.system_mttr_hours = 1.93;
  r.sla = engine::SlaResult{0.9995, 0.623, 0.601, 0.644, 0.0, 0.0, 0.0, std::nullopt};
  r.components = {
      {"frontend", 0.9999, 0.9995, 0.05, 100, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
      {"db", 0.9985, 0.9985, 0.6, 2010, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}};
  r.causes = {{"component", "db", 0.6, 2010}, {"component", "frontend", 0.05, 100}};
  r.events = 123456789;
  r.run_info = {2, 10.5, 11757789.4};
  return r;
}

}  // namespace nines::testing
