// Merging of run totals.
#include "nines/engine/range_result.hpp"

#include <cassert>

namespace nines::engine {

RunTotals::RunTotals(std::size_t components)
    : pool_up_fraction(components),
      service_up_fraction(components),
      charged_downtime_hours(components),
      outages_caused(components, 0) {}

void RunTotals::merge(const RunTotals& other) {
  assert(other.pool_up_fraction.size() == pool_up_fraction.size());
  for (std::size_t c = 0; c < pool_up_fraction.size(); ++c) {
    pool_up_fraction[c].merge(other.pool_up_fraction[c]);
    service_up_fraction[c].merge(other.service_up_fraction[c]);
    charged_downtime_hours[c].merge(other.charged_downtime_hours[c]);
    outages_caused[c] += other.outages_caused[c];
  }
  downtime_hours.merge(other.downtime_hours);
  outages += other.outages;
  outages_cut_at_horizon += other.outages_cut_at_horizon;
  events += other.events;
  outage_durations.merge(other.outage_durations);
}

}  // namespace nines::engine
