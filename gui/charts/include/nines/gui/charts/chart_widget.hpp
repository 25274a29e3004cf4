// The one chart widget of the GUI: our interface in front of the chart library (Qt Charts today).
#pragma once

#include <QString>
#include <QWidget>
#include <memory>

#include "nines/gui/charts/chart_data.hpp"

namespace nines::gui::charts {

/// Shows one chart at a time from plain input. Qt Charts is deprecated from Qt 6.10 in favour of
/// Qt Graphs: only chart_widget.cpp knows it, so moving means rewriting that one file. Every
/// chart has axis titles with units, linear axes ticked on round values ({1, 2, 5} x 10^k, see
/// nice_ticks), tooltips with values on hover, and exports to PNG.
class ChartWidget : public QWidget {
  Q_OBJECT

 public:
  explicit ChartWidget(QWidget* parent = nullptr);
  ~ChartWidget() override;
  ChartWidget(const ChartWidget&) = delete;
  ChartWidget& operator=(const ChartWidget&) = delete;

  /// Running availability with its 95% band against replications; the baseline's behind it and
  /// the exact value as a horizontal line. Cheap to call again as points arrive.
  void show_convergence(const ConvergenceData& input);
  /// Downtime per replication (hours per year, log axis) with the target marked.
  void show_histogram(const HistogramData& input);
  /// Outage-duration CDF on a logarithmic time axis.
  void show_outages(const OutageData& input);
  /// Downtime share by component, largest first, with the cumulative share. Without a cause
  /// (nothing caused downtime) the share axis alone, under a title that says so.
  void show_pareto(const ParetoData& input);
  /// An empty chart with a message ("Run the model to see ...").
  void show_message(const QString& text);

  /// Writes the chart as a PNG; returns false when the file cannot be written.
  bool save_png(const QString& path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nines::gui::charts
