// The requests of one traced history: offered and served rps as step functions, with the
// intervals (spikes, open breakers, outages) and events (crashes, cache clocks) to mark. The
// Timeline's requests lane draws it (requests_lane.cpp); this part knows the trace, not Qt's scene.
#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/trace.hpp"
#include "timeline_rows.hpp"

namespace nines::gui::timeline {

/// A stretch of the history to shade: [from_hours, to_hours).
struct Interval {
  enum class Kind { kSpike, kBreaker, kOutage };
  Kind kind = Kind::kSpike;
  double from_hours = 0.0;
  double to_hours = 0.0;
  QString text;
};

struct RequestSeries {
  /// Flow mode (load steps, spikes, breakers are trace rows); false: Boolean mode, where the
  /// offered load follows the profile hour by hour and all of it is served while the system is up.
  bool flow = false;
  std::vector<Step> offered;
  std::vector<Step> served;
  /// The largest offered rps of the history (the lane's full height).
  double peak_rps = 0.0;
  double horizon_hours = 0.0;
  std::vector<Interval> intervals;
  /// Crashes (red dots) and cache expiries and warm-ups (diamonds).
  std::vector<Marker> markers;
};

/// Nothing for a model without a load. Flow mode: each batch's offered and served rps as the
/// trace records them; before the first batch, the initial flow (all instances that start
/// active serving, breakers the trace opens at time 0 open). Boolean mode: rps x the profile's
/// multiplier of hour floor(t), served while the system is up.
std::optional<RequestSeries> build_requests(const engine::CompiledModel& compiled,
                                            const engine::Trace& trace);

/// The value of a step function at `hours` (the last step at or before it; 0 before the first).
double step_value(const std::vector<Step>& steps, double hours);

/// What the lane's tooltip says at `hours`: the time, offered and served rps (and the share),
/// and the spikes, open breakers and outage it falls in.
QString requests_text_at(const RequestSeries& series, double hours);

}  // namespace nines::gui::timeline
