// The Plan tab's worker: load the candidates, let the planner choose, build the report's
// document, as cli/src/plan_command.cpp does, on a thread of its own.
#include "nines/gui/plan_runner.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>
#include <utility>

#include "nines/engine/monte_carlo.hpp"
#include "nines/models/duration.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/planner/plan_judge.hpp"
#include "nines/report/result_json.hpp"

namespace nines::gui {
namespace {

/// The candidate without its model and per-replication figures: what views read.
planner::Candidate light(const planner::Candidate& c) {
  planner::Candidate copy;
  copy.point = c.point;
  copy.message = c.message;
  copy.cost_per_month = c.cost_per_month;
  copy.status = c.status;
  copy.screening = c.screening;
  copy.exact = c.exact;
  copy.result = c.result;
  copy.open = c.open;
  return copy;
}

}  // namespace

PlanRunner::PlanRunner(QObject* parent) : QObject(parent), jobs_(this) {}

void PlanRunner::start(const PlanModel& input, const PlanRequest& request) {
  live_.clear();
  grid_.reset();
  emit started();
  jobs_.start([this, input, request](const std::atomic<bool>& cancel, const JobReporter& reporter) {
    auto out = std::make_shared<PlanReport>();
    QString error;
    try {
      out->grid = std::make_unique<planner::PointGrid>(request.varies);
      const planner::PointGrid& grid = *out->grid;
      planner::PlanSettings settings = request.settings;
      const nlohmann::json document = models::to_json(input.model);
      const models::Model base = models::parse_model(document, input.file).model;
      // As `nines plan`: a --target other than the model's sets the model's target too.
      std::vector<std::string> overrides;
      if (request.target_given && base.target != settings.criteria.target) {
        overrides.push_back(planner::set_text("target", settings.criteria.target));
      }
      std::vector<planner::Candidate> candidates =
          planner::load_candidates(grid, [&](std::size_t point) {
            std::vector<std::string> keys = overrides;
            for (auto& o : grid.overrides(point)) keys.push_back(std::move(o));
            return models::parse_model(document, input.file, keys).model;
          });
      const models::Model* first = nullptr;
      for (const auto& c : candidates) {
        if (c.model) {
          first = &*c.model;
          break;
        }
      }
      if (first == nullptr)
        throw std::runtime_error("no candidate has a cost, so none is cheapest");
      if (!request.target_given) {
        if (!base.target) throw std::runtime_error("needs --target (the model has no `target`)");
        settings.criteria.target = *base.target;
      }
      if (request.window_hours > first->horizon_hours * (1.0 + 1e-9)) {
        throw std::runtime_error("--window: must not be longer than the horizon (" +
                                 models::format_duration(first->horizon_hours) + ")");
      }
      settings.window_hours = request.window_hours;
      if (!settings.criteria.constraints.empty()) {
        engine::RunOptions probe;
        probe.threads = 1;
        probe.replications = 1;
        probe.window_hours = settings.window_hours;
        const engine::RunResult one =
            engine::summarize_range(*first, engine::simulate_range(*first, probe));
        const std::string unknown =
            planner::unknown_constraint_message(settings.criteria, report::result_to_json(one));
        if (!unknown.empty()) throw std::runtime_error(unknown);
      }

      report::PlanDocument& doc = out->doc;
      doc.model_file = input.file;
      doc.model_name = first->name;
      doc.seed = first->seed;
      doc.currency = first->currency;
      doc.window_flag = request.window;
      doc.criteria = settings.criteria;
      doc.budget = settings.budget;
      doc.pilot = settings.pilot;
      doc.batch = settings.batch;
      doc.grid = &grid;
      doc.provenance.overrides = report::canonical_overrides(overrides);
      if (input.from_file) {
        try {
          doc.provenance = report::provenance_of(input.file, overrides);
        } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): no digest then
        }
      }

      std::vector<planner::Candidate> lights;
      lights.reserve(candidates.size());
      for (const auto& c : candidates) lights.push_back(light(c));
      auto g = std::make_shared<planner::PointGrid>(grid);
      reporter.post([this, lights = std::move(lights), g, overrides,
                     target = settings.criteria.target, currency = doc.currency]() mutable {
        live_ = std::move(lights);
        grid_ = std::make_unique<planner::PointGrid>(*g);
        base_overrides_ = overrides;
        target_ = target;
        currency_ = currency;
        emit loaded();
      });

      settings.cancel = &cancel;
      settings.progress = [&reporter, this](const engine::Progress& p) {
        const qint64 done = p.done;
        const qint64 total = p.total;
        reporter.post([this, done, total] { emit progress(done, total); });
      };
      settings.candidate_changed = [&reporter, this](const planner::Candidate& c) {
        reporter.post([this, c = light(c)] {
          if (c.point >= live_.size()) return;
          live_[c.point] = c;
          emit candidate_changed(static_cast<int>(c.point));
        });
      };
      const auto begin = std::chrono::steady_clock::now();
      const planner::DocumentFunction run_document = [&](const planner::Candidate& c,
                                                         const engine::RunResult& result) {
        return report::result_to_json(result, std::nullopt, std::nullopt, {},
                                      {c.cost_per_month, doc.currency});
      };
      doc.plan = planner::run_plan(std::move(candidates), settings, run_document);
      report::add_exact_checks(doc);
      const double wall =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
      const int threads = settings.threads > 0
                              ? settings.threads
                              : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
      doc.run_info = engine::measured_run_info(doc.plan.events, threads, wall);
      out->json = report::plan_to_json(doc);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    reporter.finish([this, out = std::shared_ptr<const PlanReport>(std::move(out)), error] {
      if (!error.isEmpty()) {
        emit failed(error);
        return;
      }
      report_ = out;
      // The final figures, as the document has them (every candidate, models stripped).
      live_.clear();
      for (const auto& c : out->doc.plan.candidates) live_.push_back(light(c));
      emit finished();
    });
  });
}

}  // namespace nines::gui
