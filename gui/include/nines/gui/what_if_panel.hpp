// The what-if panel: the selected component's main parameters as sliders and spin boxes.
#pragma once

#include <QWidget>
#include <string>

#include "nines/models/distribution.hpp"
#include "nines/models/model.hpp"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace nines::gui {

class ModelDocument;

/// `law` with its mean moved to `mean_hours`, keeping its shape: scale parameters are scaled,
/// a lognormal's mu shifted, a zero (no delay) becomes exponential. Precondition: mean_hours > 0.
models::Distribution with_mean(const models::Distribution& law, double mean_hours);

/// Edits the selected component through the document (so every move is undoable, a drag being
/// one step). Means are shown in hours with log-scale sliders (minutes to years).
class WhatIfPanel : public QWidget {
  Q_OBJECT

 public:
  explicit WhatIfPanel(ModelDocument* document, QWidget* parent = nullptr);

  void set_component(const std::string& id);
  const std::string& component() const { return id_; }

  /// The spin boxes, for tests and the timing script.
  QSpinBox* instances() { return instances_; }
  QDoubleSpinBox* mean_repair() { return repair_; }
  /// "Spread over N zones": sets the component's round-robin zones to the model's first N zones
  /// (0: outside every zone).
  QSpinBox* spread_zones() { return spread_; }
  /// A zone or region ("zone eu-a", "region eu") and its mean time to failure and to repair.
  QComboBox* domain_choice() { return domain_; }
  QDoubleSpinBox* domain_mtbf() { return domain_failure_; }
  QDoubleSpinBox* domain_mttr() { return domain_repair_; }
  /// Monitoring coverage in percent (every component that fails; below 100 % a component
  /// without `undetected` gets one, see with_coverage) and its slider (0 to 1000: tenths of a
  /// percent).
  QDoubleSpinBox* coverage() { return coverage_; }
  QSlider* coverage_slider() { return coverage_slider_; }
  /// A component with deploys: the strategy (keys it needs are stated when missing, see
  /// with_strategy) and bad_probability, its slider from 0 to 0.5 in steps of 0.001.
  QComboBox* deploy_strategy() { return strategy_; }
  QDoubleSpinBox* bad_probability() { return bad_probability_; }
  QSlider* bad_probability_slider() { return bad_slider_; }
  /// load.rps of the model's load (disabled without one).
  QDoubleSpinBox* load_rps() { return rps_; }
  QSlider* load_rps_slider() { return rps_slider_; }
  /// The selected component's capacity_rps (0, shown "unlimited": not stated); its slider is
  /// logarithmic from 1 to 10^7 rps, position 0 being unlimited. Off without a model load.
  QDoubleSpinBox* capacity() { return capacity_; }
  QSlider* capacity_slider() { return capacity_slider_; }
  /// The selected edge ("api->db"; one entry per target of a list) and its retries, set as
  /// `FROM->TO.retries=N` sets them: a list target's own, else the row's. Off without a load.
  QComboBox* edge_choice() { return edge_; }
  QSpinBox* retries() { return retries_; }
  QSlider* retries_slider() { return retries_slider_; }
  /// Selects edge "from->to" (when the model has it).
  void set_edge(const std::string& from, const std::string& to);

 private:
  void refresh();

  ModelDocument* document_;
  std::string id_;
  bool updating_ = false;
  QLabel* title_ = nullptr;
  QSpinBox* instances_ = nullptr;
  QSlider* instances_slider_ = nullptr;
  QSpinBox* min_up_ = nullptr;
  QSlider* min_up_slider_ = nullptr;
  QDoubleSpinBox* failure_ = nullptr;
  QSlider* failure_slider_ = nullptr;
  QDoubleSpinBox* detection_ = nullptr;
  QSlider* detection_slider_ = nullptr;
  QDoubleSpinBox* repair_ = nullptr;
  QSlider* repair_slider_ = nullptr;
  QComboBox* standby_ = nullptr;
  QDoubleSpinBox* switch_success_ = nullptr;
  QSlider* switch_slider_ = nullptr;
  QSpinBox* spread_ = nullptr;
  QSlider* spread_slider_ = nullptr;
  QComboBox* domain_ = nullptr;
  QDoubleSpinBox* domain_failure_ = nullptr;
  QSlider* domain_failure_slider_ = nullptr;
  QDoubleSpinBox* domain_repair_ = nullptr;
  QSlider* domain_repair_slider_ = nullptr;
  QDoubleSpinBox* coverage_ = nullptr;
  QSlider* coverage_slider_ = nullptr;
  QComboBox* strategy_ = nullptr;
  QDoubleSpinBox* bad_probability_ = nullptr;
  QSlider* bad_slider_ = nullptr;
  QDoubleSpinBox* rps_ = nullptr;
  QSlider* rps_slider_ = nullptr;
  QDoubleSpinBox* capacity_ = nullptr;
  QSlider* capacity_slider_ = nullptr;
  QComboBox* edge_ = nullptr;
  QSpinBox* retries_ = nullptr;
  QSlider* retries_slider_ = nullptr;

  void refresh_domain();
  void refresh_load();
  void refresh_edges();
  /// The law of the chosen zone or region (failure or repair), or nullptr.
  static models::Distribution* domain_law(models::Model& model, const QString& choice,
                                          bool failure);
};

}  // namespace nines::gui
