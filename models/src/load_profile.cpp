// The hourly multipliers of a load profile: what the engine integrates and the docs state.
#include <cmath>
#include <numbers>

#include "nines/models/model.hpp"

namespace nines::models {

std::vector<double> profile_multipliers(const LoadProfile& profile) {
  switch (profile.type) {
    case LoadProfile::Type::kConstant:
      return {1.0};
    case LoadProfile::Type::kDiurnal: {
      // Held for the whole hour at its middle (h + 0.5): the mean over a day is exactly 1 and
      // the highest hour, next to the peak, is 1 + (peak_to_mean - 1) cos(pi / 24).
      std::vector<double> hours(24);
      for (std::size_t h = 0; h < hours.size(); ++h) {
        const double phase =
            2.0 * std::numbers::pi *
            (static_cast<double>(h) + 0.5 - static_cast<double>(profile.peak_at_hour)) / 24.0;
        hours[h] = 1.0 + (profile.peak_to_mean - 1.0) * std::cos(phase);
      }
      return hours;
    }
    case LoadProfile::Type::kHourly:
    case LoadProfile::Type::kWeekly:
      break;
  }
  return profile.values;
}

}  // namespace nines::models
