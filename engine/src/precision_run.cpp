// The precision loop: fixed batches checked in order on the merged figures only, so when it stops
// depends on the seed and the precision, never on timing (except the explicit time budget).
#include "nines/engine/precision_run.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <utility>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/summary.hpp"
#include "range_simulation.hpp"

namespace nines::engine {

double two_sided_t_quantile(double confidence, std::int64_t dof) {
  const boost::math::students_t_distribution<double> t(static_cast<double>(dof));
  return boost::math::quantile(t, 0.5 + confidence / 2.0);
}

double relative_half_width(const std::vector<double>& unavailability, double confidence) {
  const auto n = std::count_if(unavailability.begin(), unavailability.end(),
                               [](double u) { return !std::isnan(u); });
  const Estimate e = estimate_mean(unavailability);
  if (n < 2 || !(e.mean > 0.0)) return std::numeric_limits<double>::infinity();
  return two_sided_t_quantile(confidence, n - 1) * e.stderr_ / e.mean;
}

namespace {

void check(const PrecisionOptions& p) {
  if (!(p.relative_precision > 0.0 && p.relative_precision < 1.0)) {
    throw std::invalid_argument("PrecisionOptions::relative_precision must be in (0, 1)");
  }
  if (!(p.confidence > 0.0 && p.confidence < 1.0)) {
    throw std::invalid_argument("PrecisionOptions::confidence must be in (0, 1)");
  }
  if (p.batch < 1 || p.max_replications < 1) {
    throw std::invalid_argument("PrecisionOptions::batch and max_replications must be positive");
  }
  if (std::isnan(p.max_seconds)) {
    throw std::invalid_argument("PrecisionOptions::max_seconds must not be NaN");
  }
}

/// Replications the rule will probably need: the relative half-width shrinks as 1 / sqrt(n).
std::int64_t projected_total(std::int64_t done, double reached, const PrecisionOptions& p) {
  if (done == 0 || !std::isfinite(reached)) return p.max_replications;
  const double ratio = reached / p.relative_precision;
  const double needed = std::ceil(static_cast<double>(done) * ratio * ratio);
  return std::clamp<std::int64_t>(needed < static_cast<double>(p.max_replications)
                                      ? static_cast<std::int64_t>(needed)
                                      : p.max_replications,
                                  done, p.max_replications);
}

/// Why the loop stops after a batch, if it does. Across processes every one reaches this with the
/// same merged figures; a Ctrl-C on any process and process 0's clock decide for all.
std::optional<PrecisionStop> stop_after_batch(double reached, std::int64_t done,
                                              const PrecisionOptions& precision,
                                              const RunOptions& options, Clock::time_point start) {
  const ProcessGroup* group = options.processes;
  bool interrupted = options.cancel != nullptr && options.cancel->load();
  if (group != nullptr) interrupted = group->any(interrupted);
  int stop = -1;
  if (reached <= precision.relative_precision) {
    stop = static_cast<int>(PrecisionStop::kPrecision);
  } else if (done >= precision.max_replications) {
    stop = static_cast<int>(PrecisionStop::kMaxReplications);
  } else if (interrupted) {
    stop = static_cast<int>(PrecisionStop::kCancelled);
  } else if (seconds_since(start) >= precision.max_seconds) {
    stop = static_cast<int>(PrecisionStop::kMaxTime);
  }
  if (group != nullptr) stop = group->first_decides(stop);
  if (stop < 0) return std::nullopt;
  return static_cast<PrecisionStop>(stop);
}

}  // namespace

RunResult run_to_precision(const models::Model& model, const RunOptions& options,
                           const PrecisionOptions& precision, RangeResult* range) {
  check(precision);
  if (options.first_replication < 0) {
    throw std::invalid_argument("RunOptions::first_replication must not be negative");
  }
  const auto start = Clock::now();
  const CompiledModel compiled = compile(model);

  RangeResult merged;
  merged.first_replication = options.first_replication;
  merged.totals = totals_for(compiled);
  merged.window_hours = options.window_hours > 0.0 ? options.window_hours : 0.0;
  merged.windows_per_replication = whole_windows(compiled.horizon_hours, merged.window_hours);

  PrecisionSummary summary;
  summary.target = precision.relative_precision;
  summary.confidence = precision.confidence;
  summary.batch = precision.batch;
  summary.reached = std::numeric_limits<double>::infinity();
  int threads_used = 1;
  bool cancelled = false;
  Estimate merged_availability;

  for (;;) {
    const auto done = static_cast<std::int64_t>(merged.unavailability.size());
    RunOptions batch = options;
    batch.first_replication = options.first_replication + done;
    batch.replications = std::min(precision.batch, precision.max_replications - done);
    if (options.progress) {
      // Progress counts the whole run; the running estimate is the merged one once there is one.
      const std::int64_t total = projected_total(done, summary.reached, precision);
      const std::uint64_t events_before = merged.totals.events;
      batch.progress = [&, done, total, events_before](const Progress& p) {
        Progress whole = p;
        whole.done = done + p.done;
        whole.events = events_before + p.events;
        whole.total = std::max(total, whole.done);
        if (done > 0) whole.availability = merged_availability;
        options.progress(whole);
      };
    }
    int threads = 1;
    const RangeResult part = simulate(compiled, model, batch, start, threads);
    threads_used = std::max(threads_used, threads);
    if (std::any_of(part.unavailability.begin(), part.unavailability.end(),
                    [](double u) { return std::isnan(u); })) {
      cancelled = true;  // the batch cut short is dropped: results end at a batch boundary
      summary.stopped_by = PrecisionStop::kCancelled;
      break;
    }
    append_range(merged, part);
    ++summary.batches;
    // slo_basis "requests": the precision of the mean request unavailability.
    summary.reached =
        relative_half_width(slo_unavailability(compiled, merged), precision.confidence);
    if (options.progress) {
      const Estimate u = estimate_mean(merged.unavailability);
      merged_availability = {1.0 - u.mean, u.stderr_, 1.0 - u.ci95_hi, 1.0 - u.ci95_lo};
    }
    const auto now_done = static_cast<std::int64_t>(merged.unavailability.size());
    const std::optional<PrecisionStop> stop =
        stop_after_batch(summary.reached, now_done, precision, options, start);
    if (stop) {
      summary.stopped_by = *stop;
      cancelled = *stop == PrecisionStop::kCancelled;
      break;
    }
  }

  RunResult result = summarize(compiled, merged, model.target);
  result.model_name = model.name;
  result.cancelled = cancelled;
  summary.replications = result.replications;
  result.precision = summary;
  result.run_info = measured_run_info(result.events, threads_used, seconds_since(start),
                                      ranks_of(options), result.flow_evaluations);
  if (range != nullptr) *range = std::move(merged);
  return result;
}

}  // namespace nines::engine
