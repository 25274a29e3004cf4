// The comparison of a pinned baseline and the current run, with paired and independent widths.
#include "nines/gui/comparison_panel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include "nines/engine/paired_difference.hpp"
#include "nines/gui/traffic_figures.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui {
namespace {

/// A replication's figure from its unavailability, outages and common-cause outages.
using Transform =
    std::function<double(double unavailability, std::uint32_t outages, std::uint32_t common)>;
/// A figure's value in every replication of a run (NaN where one was not simulated); empty when
/// the run does not have it.
using Values =
    std::function<std::vector<double>(const engine::RunResult&, const engine::RangeResult&)>;

/// A headline figure: how to print a value, and its per-replication values for pairing.
struct Figure {
  QString name;
  std::function<QString(double)> print;
  Values per_replication;
  std::function<engine::Estimate(const engine::RunResult&)> estimate;
  /// Whether the run has the figure at all (a load, cascades); rows of runs without it stay
  /// empty.
  std::function<bool(const engine::RunResult&)> has = [](const engine::RunResult&) { return true; };
  /// Whether the estimate has an interval (a total such as failed requests per year has none).
  bool interval = true;
};

QString percent(double fraction) {
  return QString::fromStdString(
      report::format_percent(fraction, report::availability_decimals(fraction)));
}

QString with_ci(const Figure& f, const engine::Estimate& e) {
  if (!f.interval) return f.print(e.mean);
  // The interval on a line of its own: the columns stay narrow enough for the difference to be
  // in sight beside the docks.
  return QStringLiteral("%1\n(%2 .. %3)")
      .arg(f.print(e.mean), f.print(e.ci95_lo), f.print(e.ci95_hi));
}

/// The per-replication values of a figure computed from unavailability and outage counts.
Values from_outages(Transform t) {
  return [t = std::move(t)](const engine::RunResult&, const engine::RangeResult& range) {
    std::vector<double> values(range.unavailability.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      values[i] = t(range.unavailability[i], range.outages[i],
                    i < range.common_cause_outages.size() ? range.common_cause_outages[i] : 0U);
    }
    return values;
  };
}

/// A cell showing `text` (formatted as the CLI formats it) that sorts by `value`.
class NumberItem : public QTableWidgetItem {
 public:
  NumberItem(double value, const QString& text) : QTableWidgetItem(text) {
    setData(Qt::UserRole, value);
    setFlags(flags() & ~Qt::ItemIsEditable);
  }
  bool operator<(const QTableWidgetItem& other) const override {
    const QVariant theirs = other.data(Qt::UserRole);
    if (!theirs.isValid()) return QTableWidgetItem::operator<(other);
    return data(Qt::UserRole).toDouble() < theirs.toDouble();
  }
};

/// `value` with `decimals` decimals; with `sign`, "+" before a positive one. A value that rounds
/// to zero is "0.0", never "-0.0" or "+0.0".
QTableWidgetItem* number(double value, int decimals, bool sign = false) {
  std::string text = report::format_fixed(value, decimals);
  const bool zero = text.find_first_not_of("-0.") == std::string::npos;
  if (zero && text.front() == '-') text.erase(0, 1);
  if (sign && !zero && value > 0.0) text.insert(0, "+");
  return new NumberItem(value, QString::fromStdString(text));
}

QTableWidgetItem* text_item(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(item->flags() & ~Qt::ItemIsEditable);
  return item;
}

}  // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  layout->addWidget(note_);
  figures_ = new QTableWidget(0, 6, this);
  // Headings on two lines, as the cells: narrow columns keep the difference in sight.
  figures_->setHorizontalHeaderLabels({tr("Figure"), tr("Baseline\n(95% CI)"),
                                       tr("Variant\n(95% CI)"), tr("Difference\n(paired 95% CI)"),
                                       tr("Paired\nCI +-"), tr("Independent\nCI +-")});
  figures_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  figures_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  figures_->verticalHeader()->hide();
  layout->addWidget(figures_, 1);
  components_ = new QTableWidget(0, 6, this);
  components_->setHorizontalHeaderLabels(
      {tr("Component, deploys, zone or region"), tr("Baseline availability (%)"),
       tr("Variant availability (%)"), tr("Baseline downtime share (%)"),
       tr("Variant downtime share (%)"), tr("Share change (points)")});
  components_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  components_->verticalHeader()->hide();
  components_->setSortingEnabled(true);
  layout->addWidget(components_, 2);
  set_outcomes(nullptr, nullptr);
}

void ComparisonPanel::set_outcomes(const RunOutcome* baseline, const RunOutcome* current) {
  figures_->setRowCount(0);
  components_->setSortingEnabled(false);
  components_->setRowCount(0);
  if (current == nullptr) {
    note_->setText(
        tr("Run the model (F5), then Run > Pin as baseline (Ctrl+B): every later "
           "change is compared with it."));
    return;
  }
  note_->setText(
      baseline == nullptr
          ? tr("No baseline: Run > Pin as baseline (Ctrl+B) keeps this run to compare with.")
          : tr("Differences are variant minus baseline over paired replications (same seed and "
               "replication numbers, so both share every random draw the change did not touch); "
               "the last columns compare the paired interval with that of two independent runs."));
  const double horizon = current->result.horizon_hours;
  const double year = models::kHoursPerYear;
  // As the CLI: the figures of one row share the style of the variant's estimate ("1.7e-4"
  // below 1e-3, else three significant digits), never Qt's "0.000172" beside "1.72e-04".
  auto rate_printer = [](double first) {
    return [style = report::number_style(first, 3)](double v) {
      return QString::fromStdString(report::format_number_as(v, style));
    };
  };
  std::vector<Figure> figures{
      {tr("Availability"), percent,
       from_outages([](double u, std::uint32_t, std::uint32_t) { return 1.0 - u; }),
       [](const engine::RunResult& r) { return r.availability; }},
      {tr("Downtime per year"),
       [](double h) { return QString::fromStdString(report::format_hours_minutes(h)); },
       from_outages([year](double u, std::uint32_t, std::uint32_t) { return u * year; }),
       [](const engine::RunResult& r) { return r.downtime_hours_per_year; }},
      {tr("Outages per year"), rate_printer(current->result.outages_per_year.mean),
       from_outages([year, horizon](double, std::uint32_t n, std::uint32_t) {
         return static_cast<double>(n) * year / horizon;
       }),
       [](const engine::RunResult& r) { return r.outages_per_year; }},
      // Outages whose first batch took two or more pools down (a zone, a region, an injection).
      {tr("Common-cause outages per year"),
       rate_printer(current->result.common_cause_outages_per_year.mean),
       from_outages([year, horizon](double, std::uint32_t, std::uint32_t n) {
         return static_cast<double>(n) * year / horizon;
       }),
       [](const engine::RunResult& r) { return r.common_cause_outages_per_year; }}};
  const std::optional<double> target = current->result.target;
  if (target && current->result.sla) {
    figures.push_back({tr("SLA %1 met").arg(percent(*target)),
                       // Two significant digits of the rarer miss, as the CLI's "SLA met" line
                       // ("99.950 %", not "100.0 %"), for every figure of the row.
                       [decimals = std::clamp(
                            report::significant_decimals(
                                100.0 * std::min(1.0 - current->result.sla->probability_met,
                                                 baseline != nullptr && baseline->result.sla
                                                     ? 1.0 - baseline->result.sla->probability_met
                                                     : 1.0),
                                2),
                            1, 4)](double p) {
                         return QString::fromStdString(report::format_percent(p, decimals));
                       },
                       from_outages([t = *target](double u, std::uint32_t, std::uint32_t) {
                         return 1.0 - u >= t ? 1.0 : 0.0;
                       }),
                       [](const engine::RunResult& r) {
                         engine::Estimate e;
                         if (r.sla)
                           e = {r.sla->probability_met, 0.0, r.sla->ci95_lo, r.sla->ci95_hi};
                         return e;
                       }});
  }
  // Traffic (docs/traffic.md): request availability and failed requests with a load, cascades
  // with overload crashes.
  if (current->result.requests) {
    figures.push_back({tr("Request availability"), percent, request_availability,
                       [](const engine::RunResult& r) { return r.requests->availability; },
                       [](const engine::RunResult& r) { return r.requests.has_value(); }});
    const auto failed = [](const engine::RunResult& r) {
      const double f = r.requests->failed_per_year;
      return engine::Estimate{f, 0.0, f, f};
    };
    figures.push_back({tr("Failed requests per year"),
                       [](double v) { return QString::fromStdString(report::format_si(v)); },
                       failed_requests_per_year, failed,
                       [](const engine::RunResult& r) { return r.requests.has_value(); },
                       /*interval=*/false});
  }
  if (current->result.cascades) {
    figures.push_back({tr("Cascades per year"),
                       rate_printer(current->result.cascades->per_year.mean), cascades_per_year,
                       [](const engine::RunResult& r) { return r.cascades->per_year; },
                       [](const engine::RunResult& r) { return r.cascades.has_value(); }});
  }
  const bool paired = baseline != nullptr && baseline->range && current->range &&
                      baseline->result.seed == current->result.seed;
  if (paired && baseline->range->unavailability.size() != current->range->unavailability.size()) {
    // Runs to a precision stop at different counts: only the replications both have are paired.
    const auto common =
        std::min(baseline->range->unavailability.size(), current->range->unavailability.size());
    note_->setText(note_->text() + " " +
                   tr("The runs have %1 and %2 replications: the first %3 of each are paired.")
                       .arg(baseline->range->unavailability.size())
                       .arg(current->range->unavailability.size())
                       .arg(common));
  }
  for (const Figure& f : figures) {
    const int row = figures_->rowCount();
    figures_->insertRow(row);
    figures_->setItem(row, 0, text_item(f.name));
    const bool in_baseline = baseline != nullptr && f.has(baseline->result);
    if (in_baseline) {
      figures_->setItem(row, 1, text_item(with_ci(f, f.estimate(baseline->result))));
    }
    figures_->setItem(row, 2, text_item(with_ci(f, f.estimate(current->result))));
    const std::vector<double> before = paired && in_baseline
                                           ? f.per_replication(baseline->result, *baseline->range)
                                           : std::vector<double>{};
    const std::vector<double> after = paired && in_baseline
                                          ? f.per_replication(current->result, *current->range)
                                          : std::vector<double>{};
    if (!before.empty() && !after.empty()) {
      const engine::PairedDifference d = engine::paired_difference(before, after);
      const double half = d.paired.ci95_hi - d.paired.mean;
      // A difference of availabilities is small: significant digits, not the figure's decimals.
      auto magnitude = [&](double v) {
        return f.name == tr("Availability") || f.name == tr("Request availability")
                   ? QString::fromStdString(report::format_significant(100.0 * v, 3)) + " %"
                   : f.print(v);
      };
      auto signed_print = [&](double v) { return (v >= 0 ? "+" : "-") + magnitude(std::abs(v)); };
      figures_->setItem(
          row, 3,
          text_item(QStringLiteral("%1\n(%2 .. %3)")
                        .arg(signed_print(d.paired.mean), signed_print(d.paired.ci95_lo),
                             signed_print(d.paired.ci95_hi))));
      figures_->setItem(row, 4, text_item(magnitude(half)));
      figures_->setItem(row, 5, text_item(magnitude(d.independent_half_width)));
    }
  }
  {
    const int row = figures_->rowCount();
    figures_->insertRow(row);
    figures_->setItem(row, 0, text_item(tr("Nines")));
    auto nines = [](const engine::RunResult& r) {
      return QString::fromStdString(report::format_nines(r.availability.mean));
    };
    if (baseline != nullptr) figures_->setItem(row, 1, text_item(nines(baseline->result)));
    figures_->setItem(row, 2, text_item(nines(current->result)));
  }
  {
    // The design's cost per month, a property of the model: its difference is exact.
    const int row = figures_->rowCount();
    figures_->insertRow(row);
    figures_->setItem(row, 0, text_item(tr("Cost per month")));
    const report::DesignCost now = report::design_cost(current->model);
    figures_->setItem(row, 2, text_item(QString::fromStdString(report::cost_text(now))));
    if (baseline != nullptr) {
      const report::DesignCost before = report::design_cost(baseline->model);
      figures_->setItem(row, 1, text_item(QString::fromStdString(report::cost_text(before))));
      if (now.per_month && before.per_month) {
        figures_->setItem(
            row, 3,
            text_item(QString::fromStdString(
                report::format_amount(*now.per_month - *before.per_month, /*sign=*/true) + " " +
                now.currency)));
      }
    }
  }

  // Components, their deploys ("web (deploys)", a cause of their own without an availability),
  // then zones and regions ("zone eu-a"): each one's own availability and its share of system
  // downtime as root cause.
  struct Share {
    std::optional<double> availability;
    double downtime_share = 0.0;
  };
  const auto shares = [](const engine::RunResult& r) {
    std::vector<std::pair<std::string, Share>> out;
    for (const auto& c : r.components) {
      out.push_back({c.id, {c.availability, c.downtime_share}});
      if (c.deploy_downtime_share) {
        out.push_back({c.id + " (deploys)", {std::nullopt, *c.deploy_downtime_share}});
      }
    }
    for (const auto& z : r.zones) {
      out.push_back({"zone " + z.id, {z.availability, z.downtime_share}});
    }
    for (const auto& g : r.regions) {
      out.push_back({"region " + g.id, {g.availability, g.downtime_share}});
    }
    return out;
  };
  std::map<std::string, Share> before;
  if (baseline != nullptr) {
    for (const auto& [id, share] : shares(baseline->result)) before[id] = share;
  }
  // One number of decimals per column, as in the CLI's tables: availabilities with the digits the
  // least available one needs, shares of downtime with one.
  int decimals = 2;
  for (const auto& [id, c] : shares(current->result)) {
    if (c.availability) {
      decimals = std::max(decimals, report::availability_decimals(*c.availability));
    }
  }
  for (const auto& [id, c] : before) {
    if (c.availability) {
      decimals = std::max(decimals, report::availability_decimals(*c.availability));
    }
  }
  for (const auto& [id, c] : shares(current->result)) {
    const int row = components_->rowCount();
    components_->insertRow(row);
    components_->setItem(row, 0, text_item(QString::fromStdString(id)));
    const auto it = before.find(id);
    if (it != before.end()) {
      if (it->second.availability) {
        components_->setItem(row, 1, number(100.0 * *it->second.availability, decimals));
      }
      components_->setItem(row, 3, number(100.0 * it->second.downtime_share, 1));
      components_->setItem(row, 5,
                           number(100.0 * (c.downtime_share - it->second.downtime_share), 1, true));
    }
    if (c.availability) components_->setItem(row, 2, number(100.0 * *c.availability, decimals));
    components_->setItem(row, 4, number(100.0 * c.downtime_share, 1));
  }
  components_->setSortingEnabled(true);
  components_->sortByColumn(4, Qt::DescendingOrder);
}

}  // namespace nines::gui
