// The load in Boolean mode: with no capacity, limit or partial success, the served share is 1
// while the system is up and 0 while it is down, so offered requests are the same closed-form
// integral in every history and failed requests are that integral over the outages. Nothing
// runs per event: only an outage's end (record_outage) and the end of a history read the load.
#include <algorithm>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::reset_requests() {
  failed_load_hours_ = 0.0;
  degraded_hours_ = 0.0;
  std::fill(window_failed_.begin(), window_failed_.end(), 0.0);
  std::fill(year_failed_.begin(), year_failed_.end(), 0.0);
}

void ReplicationSimulator::record_failed_requests(double start, double end) {
  failed_load_hours_ += load_->integral.integral(start, end);
  // A served share of 0 is below every degraded_below (> 0): down time is degraded time.
  degraded_hours_ += end - start;
  if (!window_failed_.empty()) add_window_requests(window_failed_, window_hours_, start, end);
  if (!year_failed_.empty()) {
    add_window_requests(year_failed_, models::kHoursPerYear, start, end);
  }
}

void ReplicationSimulator::add_window_requests(std::vector<double>& windows, double length,
                                               double start, double end) const {
  // As add_window_downtime: split at window boundaries, the partial window left out.
  auto k = static_cast<std::size_t>(start / length);
  for (; k < windows.size(); ++k) {
    const double window_start = static_cast<double>(k) * length;
    const double window_end = static_cast<double>(k + 1) * length;
    const double lo = start > window_start ? start : window_start;
    const double hi = end < window_end ? end : window_end;
    if (hi > lo) windows[k] += load_->integral.integral(lo, hi);
    if (end <= window_end) break;
  }
}

void ReplicationSimulator::finish_requests(RunTotals& totals, ReplicationOutcome& outcome) {
  if (flow_mode_) finish_flow(totals);
  outcome.journey_failed_load_hours = journey_failed_;
  if (crashes_) finish_cascades(totals, outcome);
  // Spikes make the offered load differ between histories: flow mode integrated it.
  const double offered =
      flow_mode_ && !load_->spikes.empty() ? offered_load_hours_ : load_->offered_load_hours;
  totals.offered_load_hours.add(offered);
  totals.failed_load_hours.add(failed_load_hours_);
  outcome.offered_load_hours = offered;
  outcome.failed_load_hours = failed_load_hours_;
  outcome.degraded_hours = degraded_hours_;
  outcome.window_failed_load_hours = window_failed_;
  outcome.window_offered_load_hours = window_offered_;
  if (year_failed_.empty()) return;
  // slo_basis "requests": a year meets the target by its share of requests served (1 when none
  // was offered).
  outcome.years_met = 0;
  for (std::size_t k = 0; k < year_failed_.size(); ++k) {
    const double served = year_offered_[k] > 0.0 ? 1.0 - year_failed_[k] / year_offered_[k] : 1.0;
    outcome.years_met += served >= *model_.target ? 1U : 0U;
  }
}

}  // namespace nines::engine
