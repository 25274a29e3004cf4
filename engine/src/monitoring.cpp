// Monitoring coverage: at a failure of a component with coverage below 1, a coin says whether the
// monitoring caught it (detected after a draw of `detection`) or missed it (detected after a draw
// of `undetected`, or at the first inspection strictly after the failure).
#include <cmath>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::detect_with_coverage(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const CompiledComponent& cc = model_.components[c];
  // The k-th failure reads the k-th value of the coin, detection and undetected streams, used or
  // not, so a higher coverage only turns missed failures into caught ones.
  const bool caught = draw_coin(instance, Purpose::kCoverage, cc.coverage);
  const bool detection_zero = cc.detection.kind == LawKind::kZero;
  const double detection = detection_zero ? 0.0 : draw(cc.detection, instance, Purpose::kDetection);
  const bool undetected_zero =
      cc.inspection_every_hours > 0.0 || cc.undetected.kind == LawKind::kZero;
  const double undetected =
      undetected_zero ? 0.0 : draw(cc.undetected, instance, Purpose::kUndetected);
  if (caught) {
    if (detection_zero) {
      on_detected(instance);
    } else {
      schedule_instance(instance, now_ + detection, kDetection);
    }
    return;
  }
  ++monitoring_[c].undetected;
  if (cc.inspection_every_hours > 0.0) {
    // Inspections at k x D (a product, so every instance's inspections fall at the same times).
    const double every = cc.inspection_every_hours;
    double k = std::floor(now_ / every) + 1.0;
    if (k * every <= now_) k += 1.0;
    schedule_instance(instance, k * every, kDetection);
    return;
  }
  if (undetected_zero) {
    on_detected(instance);
  } else {
    schedule_instance(instance, now_ + undetected, kDetection);
  }
}

}  // namespace nines::engine
