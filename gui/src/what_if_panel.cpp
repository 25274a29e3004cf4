// What-if controls bound to the document: each move is an undoable edit that triggers a run.
#include "nines/gui/what_if_panel.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "nines/gui/component_form.hpp"
#include "nines/gui/deploys_editor.hpp"
#include "nines/gui/model_document.hpp"

namespace nines::gui {
namespace {

constexpr int kSliderSteps = 1000;
constexpr double kMinHours = 1.0 / 60.0;  // one minute
constexpr double kMaxHours = 87600.0;     // ten years
/// The bad_probability slider: 0 to 0.5 in steps of 0.001.
constexpr int kBadSteps = 500;
constexpr double kBadStep = 0.001;

/// The load.rps slider: logarithmic from 1 to 10^7 requests per second.
constexpr double kMinRps = 1.0;
constexpr double kMaxRps = 1e7;

int slider_of_rps(double rps) {
  if (!(rps > kMinRps)) return 0;
  const double t = std::log(rps / kMinRps) / std::log(kMaxRps / kMinRps);
  return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSliderSteps));
}

double rps_of_slider(int position) {
  const double t = static_cast<double>(position) / kSliderSteps;
  return kMinRps * std::pow(kMaxRps / kMinRps, t);
}

/// Retries: the box goes to the model's limit, the slider to what a what-if usually tries.
constexpr int kMaxRetries = 100;
constexpr int kRetriesSliderMax = 10;

/// The edges of a model as "FROM->TO", each target of a list an edge of its own.
std::vector<std::string> edges_of(const models::Model& model) {
  std::vector<std::string> edges;
  for (const auto& row : model.dependencies) {
    for (const auto& to : row.to) edges.push_back(row.from + "->" + to);
  }
  return edges;
}

/// The row and target index of edge "FROM->TO", or nothing.
std::optional<std::pair<std::size_t, std::size_t>> find_edge(const models::Model& model,
                                                             const std::string& edge) {
  for (std::size_t r = 0; r < model.dependencies.size(); ++r) {
    const auto& row = model.dependencies[r];
    for (std::size_t t = 0; t < row.to.size(); ++t) {
      if (row.from + "->" + row.to[t] == edge) return std::pair{r, t};
    }
  }
  return std::nullopt;
}

/// `FROM->TO.retries=n`: a list target's own retries (the target gains settings of its own),
/// else the row's. False when the model has no such edge.
bool set_edge_retries(models::Model& model, const std::string& edge, int n) {
  const auto at = find_edge(model, edge);
  if (!at) return false;
  models::Dependency& row = model.dependencies[at->first];
  if (row.is_list) {
    row.target_traffic.resize(row.to.size());
    row.target_traffic[at->second].retries = n;
  } else {
    row.retries = n;
  }
  return true;
}

int slider_of_hours(double hours) {
  if (!(hours > kMinHours)) return 0;
  const double t = std::log(hours / kMinHours) / std::log(kMaxHours / kMinHours);
  return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSliderSteps));
}

double hours_of_slider(int position) {
  const double t = static_cast<double>(position) / kSliderSteps;
  return kMinHours * std::pow(kMaxHours / kMinHours, t);
}

struct MeanSetter {
  double mean;
  models::Distribution operator()(const models::Exponential&) const {
    return models::Exponential{mean};
  }
  models::Distribution operator()(const models::Weibull& d) const {
    const double old = models::mean_hours(d);
    return models::Weibull{d.shape, d.scale_hours * mean / old};
  }
  models::Distribution operator()(const models::Lognormal& d) const {
    const double old = models::mean_hours(d);
    return models::Lognormal{d.mu_log_hours + std::log(mean / old), d.sigma};
  }
  models::Distribution operator()(const models::Normal& d) const {
    const double factor = mean / models::mean_hours(d);
    return models::Normal{d.mean_hours * factor, d.stddev_hours * factor};
  }
  models::Distribution operator()(const models::Gamma& d) const {
    return models::Gamma{d.shape, d.scale_hours * mean / models::mean_hours(d)};
  }
  models::Distribution operator()(const models::Uniform& d) const {
    const double factor = mean / models::mean_hours(d);
    return models::Uniform{d.min_hours * factor, d.max_hours * factor};
  }
  models::Distribution operator()(const models::Fixed&) const { return models::Fixed{mean}; }
  models::Distribution operator()(const models::Empirical& d) const {
    models::Empirical out = d;
    const double factor = mean / models::mean_hours(d);
    for (double& s : out.samples_hours) s *= factor;
    return out;
  }
  // A component that never fails given a finite mean fails at that mean.
  models::Distribution operator()(const models::Never&) const { return models::Exponential{mean}; }
};

QDoubleSpinBox* hours_box(QWidget* parent, double minimum) {
  auto* box = new QDoubleSpinBox(parent);
  box->setRange(minimum, 1e7);
  box->setDecimals(4);
  box->setSuffix(QObject::tr(" h"));
  box->setKeyboardTracking(false);
  return box;
}

QSlider* slider(QWidget* parent, int maximum) {
  auto* s = new QSlider(Qt::Horizontal, parent);
  s->setRange(0, maximum);
  return s;
}

QWidget* pair(QWidget* parent, QWidget* box, QSlider* s) {
  auto* row = new QWidget(parent);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(s, 2);
  layout->addWidget(box, 1);
  return row;
}

}  // namespace

models::Distribution with_mean(const models::Distribution& law, double mean_hours) {
  if (models::is_zero(law) || !(models::mean_hours(law) > 0.0)) {
    return models::Exponential{mean_hours};
  }
  return std::visit(MeanSetter{mean_hours}, law);
}

WhatIfPanel::WhatIfPanel(ModelDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
  auto* form = new QFormLayout(this);
  title_ = new QLabel(tr("Select a component in the graph or the model editor."), this);
  title_->setWordWrap(true);
  form->addRow(title_);

  instances_ = new QSpinBox(this);
  instances_->setRange(1, 1'000'000);
  instances_->setKeyboardTracking(false);
  instances_slider_ = slider(this, 10);
  form->addRow(tr("Instances"), pair(this, instances_, instances_slider_));
  min_up_ = new QSpinBox(this);
  min_up_->setRange(1, 1'000'000);
  min_up_->setKeyboardTracking(false);
  min_up_slider_ = slider(this, 10);
  form->addRow(tr("Needed up (min_up)"), pair(this, min_up_, min_up_slider_));
  failure_ = hours_box(this, 0.0001);
  failure_slider_ = slider(this, kSliderSteps);
  form->addRow(tr("Mean time to failure"), pair(this, failure_, failure_slider_));
  detection_ = hours_box(this, 0.0);
  detection_slider_ = slider(this, kSliderSteps);
  form->addRow(tr("Mean detection time"), pair(this, detection_, detection_slider_));
  repair_ = hours_box(this, 0.0001);
  repair_slider_ = slider(this, kSliderSteps);
  form->addRow(tr("Mean repair time"), pair(this, repair_, repair_slider_));
  standby_ = new QComboBox(this);
  standby_->addItems({"hot", "warm", "cold"});
  form->addRow(tr("Standby mode"), standby_);
  switch_success_ = new QDoubleSpinBox(this);
  switch_success_->setRange(0.0, 100.0);
  switch_success_->setDecimals(2);
  switch_success_->setSuffix(" %");
  switch_success_->setKeyboardTracking(false);
  switch_slider_ = slider(this, 1000);
  form->addRow(tr("Switchover success"), pair(this, switch_success_, switch_slider_));

  coverage_ = new QDoubleSpinBox(this);
  coverage_->setRange(0.0, 100.0);
  coverage_->setDecimals(2);
  coverage_->setSuffix(" %");
  coverage_->setKeyboardTracking(false);
  coverage_slider_ = slider(this, 1000);
  auto* coverage_label = new QLabel(tr("Monitoring coverage"), this);
  coverage_label->setToolTip(
      tr("Share of failures the monitoring catches; below 100 %, a component without an "
         "undetected law gets one of mean 1 d (edit it in the model editor)"));
  form->addRow(coverage_label, pair(this, coverage_, coverage_slider_));
  strategy_ = new QComboBox(this);
  strategy_->addItems({"all-at-once", "rolling", "canary"});
  strategy_->setToolTip(tr("How deploys reach the instances (components with deploys)"));
  form->addRow(tr("Deploy strategy"), strategy_);
  bad_probability_ = new QDoubleSpinBox(this);
  bad_probability_->setRange(0.0, 1.0);
  bad_probability_->setDecimals(3);
  bad_probability_->setSingleStep(kBadStep);
  bad_probability_->setKeyboardTracking(false);
  bad_slider_ = slider(this, kBadSteps);
  auto* bad_label = new QLabel(tr("Bad deploys"), this);
  bad_label->setToolTip(
      tr("bad_probability: the share of deploys that are bad (the slider "
         "goes to 0.5, the box to 1)"));
  form->addRow(bad_label, pair(this, bad_probability_, bad_slider_));

  spread_ = new QSpinBox(this);
  spread_->setRange(0, 0);
  spread_->setKeyboardTracking(false);
  spread_->setToolTip(tr("Round-robin over the model's first N zones (0: in no zone)"));
  spread_slider_ = slider(this, 0);
  form->addRow(tr("Spread over zones"), pair(this, spread_, spread_slider_));

  // A zone or a region of the model: its own mean time to failure and to repair.
  domain_ = new QComboBox(this);
  form->addRow(tr("Zone or region"), domain_);
  domain_failure_ = hours_box(this, 0.0001);
  domain_failure_slider_ = slider(this, kSliderSteps);
  form->addRow(tr("Its MTBF"), pair(this, domain_failure_, domain_failure_slider_));
  domain_repair_ = hours_box(this, 0.0001);
  domain_repair_slider_ = slider(this, kSliderSteps);
  form->addRow(tr("Its MTTR"), pair(this, domain_repair_, domain_repair_slider_));

  // The model's traffic: its mean requests per second (docs/traffic.md).
  rps_ = new QDoubleSpinBox(this);
  rps_->setRange(0.001, 1e12);
  rps_->setDecimals(1);
  rps_->setKeyboardTracking(false);
  rps_slider_ = slider(this, kSliderSteps);
  auto* rps_label = new QLabel(tr("Load (rps)"), this);
  rps_label->setToolTip(
      tr("load.rps: mean requests per second of the model's load (the Load tab); the slider "
         "runs from 1 to 10 million on a log scale"));
  form->addRow(rps_label, pair(this, rps_, rps_slider_));
  connect(rps_, &QDoubleSpinBox::valueChanged, this, [this](double rps) {
    if (updating_ || !document_->model().load || !(rps > 0.0)) return;
    models::Model model = document_->model();
    model.load->rps = rps;
    document_->edit(model, tr("Change load.rps"), "load.rps");
  });
  connect(rps_slider_, &QSlider::valueChanged, this, [this](int position) {
    if (!updating_) rps_->setValue(rps_of_slider(position));
  });

  // The selected component's capacity (unlimited at 0) and the selected edge's retries.
  capacity_ = new QDoubleSpinBox(this);
  capacity_->setRange(0.0, 1e12);
  capacity_->setDecimals(1);
  capacity_->setSpecialValueText(tr("unlimited"));
  capacity_->setKeyboardTracking(false);
  capacity_slider_ = slider(this, kSliderSteps);
  auto* capacity_label = new QLabel(tr("Capacity (rps)"), this);
  capacity_label->setToolTip(
      tr("capacity_rps of the selected component: requests per second one serving instance "
         "processes (0: unlimited); the slider runs from 1 to 10 million on a log scale, its "
         "left end is unlimited. Needs a load"));
  form->addRow(capacity_label, pair(this, capacity_, capacity_slider_));
  edge_ = new QComboBox(this);
  edge_->setToolTip(tr("A dependency edge FROM->TO (each target of a list is an edge)"));
  form->addRow(tr("Edge"), edge_);
  retries_ = new QSpinBox(this);
  retries_->setRange(0, kMaxRetries);
  retries_->setKeyboardTracking(false);
  retries_slider_ = slider(this, kRetriesSliderMax);
  auto* retries_label = new QLabel(tr("Its retries"), this);
  retries_label->setToolTip(
      tr("retries of the selected edge, as FROM->TO.retries sets them: a list target's own, "
         "else the row's (the slider goes to 10, the box to 100). Needs a load"));
  form->addRow(retries_label, pair(this, retries_, retries_slider_));
  connect(capacity_slider_, &QSlider::valueChanged, this, [this](int position) {
    if (!updating_) capacity_->setValue(position == 0 ? 0.0 : rps_of_slider(position));
  });
  connect(edge_, &QComboBox::currentIndexChanged, this, [this] {
    if (!updating_) refresh_edges();
  });
  connect(retries_, &QSpinBox::valueChanged, this, [this](int n) {
    if (updating_ || !document_->model().load || edge_->currentIndex() < 0) return;
    models::Model model = document_->model();
    const std::string edge = edge_->currentText().toStdString();
    if (!set_edge_retries(model, edge, n)) return;
    document_->edit(model, tr("Change retries of %1").arg(edge_->currentText()), edge + ".retries");
  });
  connect(retries_slider_, &QSlider::valueChanged, this, [this](int position) {
    if (!updating_) retries_->setValue(position);
  });

  auto edit_component = [this](const char* key, auto change) {
    if (updating_ || id_.empty()) return;
    models::Model model = document_->model();
    models::Component* c = model.find_component(id_);
    if (c == nullptr) return;
    change(*c);
    document_->edit(model, tr("Change %1 of %2").arg(key, QString::fromStdString(id_)),
                    id_ + "." + key);
  };
  connect(instances_, &QSpinBox::valueChanged, this, [=, this](int v) {
    edit_component("instances", [v](models::Component& c) { c.instances = v; });
  });
  connect(instances_slider_, &QSlider::valueChanged, instances_, &QSpinBox::setValue);
  connect(min_up_, &QSpinBox::valueChanged, this, [=, this](int v) {
    edit_component("min_up", [v](models::Component& c) { c.min_up = v; });
  });
  connect(min_up_slider_, &QSlider::valueChanged, min_up_, &QSpinBox::setValue);
  connect(capacity_, &QDoubleSpinBox::valueChanged, this, [=, this](double rps) {
    if (!document_->model().load) return;
    edit_component("capacity_rps", [rps](models::Component& c) {
      c.capacity_rps = rps > 0.0 ? std::optional<double>(rps) : std::nullopt;
    });
  });
  auto bind_mean = [&](QDoubleSpinBox* box, QSlider* s, const char* key,
                       models::Distribution models::Component::*law) {
    connect(box, &QDoubleSpinBox::valueChanged, this, [=, this](double v) {
      edit_component(key, [=](models::Component& c) {
        c.*law = v > 0.0 ? with_mean(c.*law, v) : models::Distribution{models::Fixed{0.0}};
      });
    });
    connect(s, &QSlider::valueChanged, this, [=, this](int position) {
      if (updating_) return;
      box->setValue(position == 0 && box->minimum() == 0.0 ? 0.0 : hours_of_slider(position));
    });
  };
  bind_mean(failure_, failure_slider_, "failure", &models::Component::failure);
  bind_mean(detection_, detection_slider_, "detection", &models::Component::detection);
  bind_mean(repair_, repair_slider_, "repair", &models::Component::repair);
  connect(standby_, &QComboBox::currentIndexChanged, this, [=, this](int index) {
    edit_component("standby", [index](models::Component& c) {
      c.standby.mode = static_cast<models::StandbyMode>(index);
      // Hot standby has no switchover or dormant law: the loader rejects them, so drop them.
      if (c.standby.mode == models::StandbyMode::kHot) c.standby = models::Standby{};
      if (c.standby.mode == models::StandbyMode::kCold) c.standby.dormant_failure.reset();
    });
  });
  connect(switch_success_, &QDoubleSpinBox::valueChanged, this, [=, this](double v) {
    edit_component("switch_success",
                   [v](models::Component& c) { c.standby.switch_success = v / 100.0; });
  });
  connect(switch_slider_, &QSlider::valueChanged, this, [this](int position) {
    if (!updating_) switch_success_->setValue(position / 10.0);
  });
  connect(spread_, &QSpinBox::valueChanged, this, [=, this](int n) {
    const std::vector<models::Zone>& zones = document_->model().zones;
    edit_component("zones", [&zones, n](models::Component& c) {
      c.placement.clear();
      c.zones.clear();
      for (int i = 0; i < n && i < static_cast<int>(zones.size()); ++i) {
        c.zones.push_back(zones[static_cast<std::size_t>(i)].id);
      }
    });
  });
  connect(spread_slider_, &QSlider::valueChanged, spread_, &QSpinBox::setValue);
  connect(coverage_, &QDoubleSpinBox::valueChanged, this, [=, this](double percent) {
    edit_component("coverage",
                   [percent](models::Component& c) { c = with_coverage(c, percent / 100.0); });
  });
  connect(coverage_slider_, &QSlider::valueChanged, this, [this](int position) {
    if (!updating_) coverage_->setValue(position / 10.0);
  });
  connect(strategy_, &QComboBox::currentIndexChanged, this, [=, this](int index) {
    if (index < 0) return;
    edit_component("deploys.strategy", [index](models::Component& c) {
      if (c.deploys) {
        c.deploys = with_strategy(*c.deploys, static_cast<models::DeployStrategy>(index));
      }
    });
  });
  connect(bad_probability_, &QDoubleSpinBox::valueChanged, this, [=, this](double p) {
    edit_component("deploys.bad_probability", [p](models::Component& c) {
      if (c.deploys) c.deploys = with_bad_probability(*c.deploys, p);
    });
  });
  connect(bad_slider_, &QSlider::valueChanged, this, [this](int position) {
    if (!updating_) bad_probability_->setValue(position * kBadStep);
  });
  auto bind_domain = [this](QDoubleSpinBox* box, QSlider* s, bool failure) {
    connect(box, &QDoubleSpinBox::valueChanged, this, [=, this](double v) {
      if (updating_ || !(v > 0.0)) return;
      models::Model model = document_->model();
      const QString choice = domain_->currentText();
      models::Distribution* law = domain_law(model, choice, failure);
      if (law == nullptr) return;
      *law = with_mean(*law, v);
      const QString key = failure ? QStringLiteral("failure") : QStringLiteral("repair");
      document_->edit(model, tr("Change %1 of %2").arg(key, choice),
                      choice.toStdString() + "." + key.toStdString());
    });
    connect(s, &QSlider::valueChanged, this, [=, this](int position) {
      if (!updating_) box->setValue(hours_of_slider(position));
    });
  };
  bind_domain(domain_failure_, domain_failure_slider_, true);
  bind_domain(domain_repair_, domain_repair_slider_, false);
  connect(domain_, &QComboBox::currentIndexChanged, this, [this] {
    if (!updating_) refresh_domain();
  });
  connect(document_, &ModelDocument::changed, this, &WhatIfPanel::refresh);
  refresh();
}

models::Distribution* WhatIfPanel::domain_law(models::Model& model, const QString& choice,
                                              bool failure) {
  if (choice.startsWith("zone ")) {
    const std::int64_t i = model.zone_index(choice.mid(5).toStdString());
    if (i < 0) return nullptr;
    auto& zone = model.zones[static_cast<std::size_t>(i)];
    return failure ? &zone.failure : &zone.repair;
  }
  if (choice.startsWith("region ")) {
    const std::int64_t i = model.region_index(choice.mid(7).toStdString());
    if (i < 0) return nullptr;
    auto& region = model.regions[static_cast<std::size_t>(i)];
    return failure ? &region.failure : &region.repair;
  }
  return nullptr;
}

void WhatIfPanel::refresh_domain() {
  const bool was_updating = updating_;
  updating_ = true;
  // The choice survives edits (and renames only lose it to the first entry).
  const QString chosen = domain_->currentText();
  domain_->clear();
  const models::Model& m = document_->model();
  for (const auto& zone : m.zones) domain_->addItem("zone " + QString::fromStdString(zone.id));
  for (const auto& region : m.regions) {
    domain_->addItem("region " + QString::fromStdString(region.id));
  }
  domain_->setCurrentIndex(std::max(0, domain_->findText(chosen)));
  models::Model copy = m;
  const models::Distribution* failure = domain_law(copy, domain_->currentText(), true);
  const models::Distribution* repair = domain_law(copy, domain_->currentText(), false);
  const bool any = failure != nullptr;
  for (QWidget* w :
       std::initializer_list<QWidget*>{domain_, domain_failure_, domain_failure_slider_,
                                       domain_repair_, domain_repair_slider_}) {
    w->setEnabled(any);
  }
  const QString blank = any ? QString() : QStringLiteral(" ");
  for (QDoubleSpinBox* box : {domain_failure_, domain_repair_}) box->setSpecialValueText(blank);
  if (any) {
    const double f = models::mean_hours(*failure);
    const double r = models::mean_hours(*repair);
    domain_failure_->setValue(f);
    domain_failure_slider_->setValue(slider_of_hours(f));
    domain_repair_->setValue(r);
    domain_repair_slider_->setValue(slider_of_hours(r));
  } else {
    domain_failure_->setValue(domain_failure_->minimum());
    domain_repair_->setValue(domain_repair_->minimum());
  }
  updating_ = was_updating;
}

void WhatIfPanel::set_component(const std::string& id) {
  id_ = id;
  // The edge follows: the first one leaving the component, unless the chosen one does.
  const QString from = QString::fromStdString(id) + "->";
  if (!edge_->currentText().startsWith(from)) {
    for (int i = 0; i < edge_->count(); ++i) {
      if (edge_->itemText(i).startsWith(from)) {
        const bool was_updating = updating_;
        updating_ = true;
        edge_->setCurrentIndex(i);
        updating_ = was_updating;
        break;
      }
    }
  }
  refresh();
}

void WhatIfPanel::set_edge(const std::string& from, const std::string& to) {
  const int index = edge_->findText(QString::fromStdString(from + "->" + to));
  if (index >= 0) edge_->setCurrentIndex(index);
}

void WhatIfPanel::refresh_edges() {
  const bool was_updating = updating_;
  updating_ = true;
  const models::Model& m = document_->model();
  const QString chosen = edge_->currentText();
  edge_->clear();
  for (const auto& edge : edges_of(m)) edge_->addItem(QString::fromStdString(edge));
  edge_->setCurrentIndex(edge_->count() == 0 ? -1 : std::max(0, edge_->findText(chosen)));
  const auto at = find_edge(m, edge_->currentText().toStdString());
  const bool on = m.load.has_value() && at.has_value();
  edge_->setEnabled(m.load.has_value() && edge_->count() > 0);
  retries_->setEnabled(on);
  retries_slider_->setEnabled(on);
  retries_->setSpecialValueText(on ? QString() : QStringLiteral(" "));
  const int n = on ? static_cast<int>(m.dependencies[at->first].retries_of(at->second)) : 0;
  retries_->setValue(n);
  retries_slider_->setValue(std::min(n, kRetriesSliderMax));
  updating_ = was_updating;
}

void WhatIfPanel::refresh_load() {
  const bool was_updating = updating_;
  updating_ = true;
  const std::optional<models::Load>& load = document_->model().load;
  rps_->setEnabled(load.has_value());
  rps_slider_->setEnabled(load.has_value());
  rps_->setSpecialValueText(load ? QString() : QStringLiteral(" "));
  rps_->setValue(load ? load->rps : rps_->minimum());
  rps_slider_->setValue(load ? slider_of_rps(load->rps) : 0);
  updating_ = was_updating;
}

void WhatIfPanel::refresh() {
  refresh_domain();
  refresh_load();
  refresh_edges();
  const models::Component* c = document_->model().find_component(id_);
  for (QWidget* w : std::initializer_list<QWidget*>{
           instances_, instances_slider_, min_up_, min_up_slider_, failure_, failure_slider_,
           detection_, detection_slider_, repair_, repair_slider_, standby_, switch_success_,
           switch_slider_, coverage_, coverage_slider_}) {
    w->setEnabled(c != nullptr);
  }
  const bool traffic = c != nullptr && document_->model().load.has_value();
  capacity_->setEnabled(traffic);
  capacity_slider_->setEnabled(traffic);
  {
    const bool was_updating = updating_;
    updating_ = true;
    // Without a component or a load the box shows nothing, not "unlimited" as if it were stated.
    capacity_->setSpecialValueText(traffic ? tr("unlimited") : QStringLiteral(" "));
    const double capacity = traffic ? c->capacity_rps.value_or(0.0) : 0.0;
    capacity_->setValue(capacity);
    capacity_slider_->setValue(capacity > 0.0 ? std::max(1, slider_of_rps(capacity)) : 0);
    updating_ = was_updating;
  }
  const bool deploys = c != nullptr && c->deploys.has_value();
  for (QWidget* w : std::initializer_list<QWidget*>{strategy_, bad_probability_, bad_slider_}) {
    w->setEnabled(deploys);
  }
  const auto zone_count = static_cast<int>(document_->model().zones.size());
  spread_->setEnabled(c != nullptr && zone_count > 0);
  spread_slider_->setEnabled(c != nullptr && zone_count > 0);
  // With nothing selected the boxes show nothing, not their minimum as if it were a figure.
  const QString blank = c == nullptr ? QStringLiteral(" ") : QString();
  updating_ = true;
  for (QSpinBox* box : {instances_, min_up_}) {
    box->setSpecialValueText(blank);
    if (c == nullptr) box->setValue(box->minimum());
  }
  for (QDoubleSpinBox* box : {failure_, detection_, repair_, switch_success_, coverage_}) {
    box->setSpecialValueText(blank);
    if (c == nullptr) box->setValue(box->minimum());
  }
  if (c == nullptr) standby_->setCurrentIndex(-1);
  // Without deploys the deploy keys show nothing.
  bad_probability_->setSpecialValueText(deploys ? QString() : QStringLiteral(" "));
  if (!deploys) {
    bad_probability_->setValue(0.0);
    bad_slider_->setValue(0);
    strategy_->setCurrentIndex(-1);
  }
  updating_ = false;
  if (c == nullptr) {
    title_->setText(tr("Select a component in the graph or the model editor."));
    return;
  }
  updating_ = true;
  title_->setText(tr("<b>%1</b>: %2")
                      .arg(QString::fromStdString(c->id),
                           QString::fromStdString(models::type_name(c->failure))) +
                  tr(" failures"));
  const auto n = static_cast<int>(std::min<std::int64_t>(c->instances, 1'000'000));
  instances_->setValue(n);
  instances_slider_->setRange(1, std::max(10, 2 * n));
  instances_slider_->setValue(n);
  min_up_->setValue(static_cast<int>(c->min_up));
  min_up_slider_->setRange(1, std::max(1, n));
  min_up_slider_->setValue(static_cast<int>(c->min_up));
  const double failure = models::mean_hours(c->failure);
  const double detection = models::mean_hours(c->detection);
  const double repair = models::mean_hours(c->repair);
  failure_->setValue(failure);
  failure_slider_->setValue(slider_of_hours(failure));
  detection_->setValue(detection);
  detection_slider_->setValue(slider_of_hours(detection));
  repair_->setValue(repair);
  repair_slider_->setValue(slider_of_hours(repair));
  // A component that never fails has no detection or repair to vary (its failure mean can be
  // given: it then fails at that mean).
  const bool fails = !models::is_never(c->failure);
  for (QWidget* w : std::initializer_list<QWidget*>{detection_, detection_slider_, repair_,
                                                    repair_slider_, coverage_, coverage_slider_}) {
    w->setEnabled(fails);
  }
  const double coverage = c->coverage.value_or(1.0);
  coverage_->setValue(100.0 * coverage);
  coverage_slider_->setValue(static_cast<int>(std::lround(1000.0 * coverage)));
  if (c->deploys) {
    strategy_->setCurrentIndex(static_cast<int>(c->deploys->strategy));
    bad_probability_->setValue(c->deploys->bad_probability);
    bad_slider_->setValue(
        static_cast<int>(std::lround(std::min(c->deploys->bad_probability, 0.5) / kBadStep)));
  }
  standby_->setCurrentIndex(static_cast<int>(c->standby.mode));
  const bool standby = c->standby.mode != models::StandbyMode::kHot;
  switch_success_->setEnabled(standby);
  switch_slider_->setEnabled(standby);
  switch_success_->setValue(100.0 * c->standby.switch_success);
  switch_slider_->setValue(static_cast<int>(std::lround(1000.0 * c->standby.switch_success)));
  // Zones the component uses (round-robin or counted).
  spread_->setRange(0, zone_count);
  spread_slider_->setRange(0, zone_count);
  const auto used = static_cast<int>(!c->placement.empty() ? c->placement.size() : c->zones.size());
  spread_->setValue(std::min(used, zone_count));
  spread_slider_->setValue(std::min(used, zone_count));
  updating_ = false;
}

}  // namespace nines::gui
