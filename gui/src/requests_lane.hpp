// The Timeline's requests lane: offered and served rps over one history, drawn into the
// Timeline's scene on its time axis (so zoom and scrolling apply to it as to the bands).
#pragma once

#include <QGraphicsScene>
#include <QRectF>
#include <functional>

#include "requests_series.hpp"

namespace nines::gui::timeline {

/// Where the lane goes: `plot` is its rectangle in the scene (time 0 at its left edge, the
/// horizon at its right), `x_of` maps hours to scene x.
struct LaneGeometry {
  QRectF plot;
  std::function<double(double)> x_of;
};

/// Draws the shaded intervals, the offered rps (a dark line over a pale red area: what is not
/// served) and the served rps (green), and the markers when `markers` is set. Lines are paths
/// thinned to a vertical stroke per pixel column, so years of hourly steps draw as fast as a
/// day's. Hovering anywhere in the lane tells the values at that instant (requests_text_at).
/// Returns the markers drawn.
int draw_requests_lane(QGraphicsScene& scene, const RequestSeries& series, const LaneGeometry& lane,
                       bool markers);

}  // namespace nines::gui::timeline
