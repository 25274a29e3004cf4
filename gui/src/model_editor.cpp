// The model editor's tabs and their two-way binding to the document.
#include "nines/gui/model_editor.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "nines/gui/component_form.hpp"
#include "nines/gui/dependency_traffic_editor.hpp"
#include "nines/gui/distribution_editor.hpp"
#include "nines/gui/load_editor.hpp"
#include "nines/models/duration.hpp"

namespace nines::gui {
namespace {

const QString kBad = QStringLiteral("background: #ffd6d6");

QPushButton* button(const QString& text, QWidget* parent, QLayout* row) {
  auto* b = new QPushButton(text, parent);
  row->addWidget(b);
  return b;
}

std::optional<double> parse_hours(const QString& text) {
  bool ok = false;
  const double hours = text.trimmed().toDouble(&ok);
  if (ok) return hours;
  return models::parse_duration_text(text.toStdString());
}

}  // namespace

ModelEditor::ModelEditor(ModelDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
  auto* layout = new QVBoxLayout(this);
  error_ = new QLabel(this);
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #b00020");
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(error_);
  tabs_ = new QTabWidget(this);
  layout->addWidget(tabs_, 1);

  // Settings.
  auto* settings = new QWidget(this);
  auto* form = new QFormLayout(settings);
  name_ = new QLineEdit(settings);
  description_ = new QLineEdit(settings);
  horizon_ = new QLineEdit(settings);
  horizon_->setToolTip(tr("A duration: hours, or a number with a unit (s, m, h, d, w, y)"));
  replications_ = new QSpinBox(settings);
  replications_->setRange(1, 1'000'000'000);
  replications_->setKeyboardTracking(false);
  seed_ = new QLineEdit(settings);
  target_ = new QLineEdit(settings);
  target_->setPlaceholderText(tr("none (e.g. 0.9995 or 99.95%)"));
  entry_ = new QComboBox(settings);
  form->addRow(tr("Name"), name_);
  form->addRow(tr("Description"), description_);
  form->addRow(tr("Horizon"), horizon_);
  form->addRow(tr("Replications"), replications_);
  form->addRow(tr("Seed"), seed_);
  form->addRow(tr("Target"), target_);
  form->addRow(tr("Entry"), entry_);
  name_->setProperty("pointer", "/name");
  horizon_->setProperty("pointer", "/horizon");
  replications_->setProperty("pointer", "/replications");
  seed_->setProperty("pointer", "/seed");
  target_->setProperty("pointer", "/target");
  entry_->setProperty("pointer", "/entry");
  tabs_->addTab(settings, tr("Settings"));
  connect(name_, &QLineEdit::editingFinished, this, [this] { edit_settings("name"); });
  connect(description_, &QLineEdit::editingFinished, this,
          [this] { edit_settings("description"); });
  connect(horizon_, &QLineEdit::editingFinished, this, [this] { edit_settings("horizon"); });
  connect(replications_, &QSpinBox::valueChanged, this, [this] { edit_settings("replications"); });
  connect(seed_, &QLineEdit::editingFinished, this, [this] { edit_settings("seed"); });
  connect(target_, &QLineEdit::editingFinished, this, [this] { edit_settings("target"); });
  connect(entry_, &QComboBox::currentIndexChanged, this, [this] { edit_settings("entry"); });

  // Components.
  auto* components_tab = new QWidget(this);
  auto* components_layout = new QVBoxLayout(components_tab);
  components_ = new QListWidget(components_tab);
  components_layout->addWidget(components_, 1);
  auto* buttons = new QHBoxLayout();
  components_layout->addLayout(buttons);
  connect(button(tr("Add"), components_tab, buttons), &QPushButton::clicked, this, [this] {
    const std::string id = document_->add_component();
    select_component(id);
    emit component_selected(QString::fromStdString(id));
  });
  connect(button(tr("Rename..."), components_tab, buttons), &QPushButton::clicked, this, [this] {
    if (selected_.empty()) return;
    bool ok = false;
    const QString to =
        QInputDialog::getText(this, tr("Rename component"), tr("New id:"), QLineEdit::Normal,
                              QString::fromStdString(selected_), &ok);
    if (!ok) return;
    const QString error = rename_selected(to);
    if (!error.isEmpty()) error_->setText(error);
  });
  connect(button(tr("Delete"), components_tab, buttons), &QPushButton::clicked, this, [this] {
    if (selected_.empty()) return;
    const std::string id = selected_;
    selected_.clear();
    document_->delete_component(id);
  });
  auto* scroll = new QScrollArea(components_tab);
  form_ = new ComponentForm(scroll);
  scroll->setWidget(form_);
  scroll->setWidgetResizable(true);
  components_layout->addWidget(scroll, 3);
  tabs_->addTab(components_tab, tr("Components"));
  connect(components_, &QListWidget::currentTextChanged, this, [this](const QString& id) {
    if (updating_ || id.isEmpty()) return;
    select_component(id.toStdString());
    emit component_selected(id);
  });
  connect(form_, &ComponentForm::edited, this,
          [this](const models::Component& component, const QString& key) {
            models::Model model = document_->model();
            models::Component* c = model.find_component(component.id);
            if (c == nullptr) return;
            *c = component;
            document_->edit(model,
                            tr("Change %1 of %2").arg(key, QString::fromStdString(component.id)),
                            component.id + "." + key.toStdString());
          });

  // Dependencies: "to" is one id, or several separated by commas (a list with min_up).
  auto* dependencies_tab = new QWidget(this);
  auto* dependencies_layout = new QVBoxLayout(dependencies_tab);
  dependencies_ = new QTableWidget(0, 3, dependencies_tab);
  dependencies_->setHorizontalHeaderLabels(
      {tr("from"), tr("to (ids, comma-separated)"), tr("min_up (lists)")});
  dependencies_->horizontalHeader()->setStretchLastSection(true);
  dependencies_layout->addWidget(dependencies_, 1);
  auto* dependency_buttons = new QHBoxLayout();
  dependencies_layout->addLayout(dependency_buttons);
  connect(button(tr("Add"), dependencies_tab, dependency_buttons), &QPushButton::clicked, this,
          [this] {
            models::Model model = document_->model();
            const std::string first =
                model.components.empty() ? std::string() : model.components.front().id;
            model.dependencies.push_back(
                {selected_.empty() ? first : selected_, {first}, 1, false, {}});
            document_->edit(model, tr("Add dependency"));
          });
  connect(button(tr("Delete"), dependencies_tab, dependency_buttons), &QPushButton::clicked, this,
          [this] {
            const int row = dependencies_->currentRow();
            models::Model model = document_->model();
            if (row < 0 || row >= static_cast<int>(model.dependencies.size())) return;
            model.dependencies.erase(model.dependencies.begin() + row);
            document_->edit(model, tr("Delete dependency"));
          });
  connect(dependencies_, &QTableWidget::cellChanged, this, [this] { edit_dependencies(); });
  // The selected row's traffic keys, below the table.
  auto* traffic_scroll = new QScrollArea(dependencies_tab);
  traffic_scroll->setWidgetResizable(true);
  traffic_scroll->setFrameShape(QFrame::NoFrame);
  dependency_traffic_ = new DependencyTrafficEditor(traffic_scroll);
  traffic_scroll->setWidget(dependency_traffic_);
  dependencies_layout->addWidget(traffic_scroll, 2);
  connect(dependencies_, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (updating_) return;
    selected_dependency_ = row;
    show_dependency_traffic();
  });
  connect(dependency_traffic_, &DependencyTrafficEditor::edited, this,
          [this](const models::Dependency& row, const QString& key) {
            models::Model model = document_->model();
            if (selected_dependency_ < 0 ||
                selected_dependency_ >= static_cast<int>(model.dependencies.size())) {
              return;
            }
            model.dependencies[static_cast<std::size_t>(selected_dependency_)] = row;
            // As an override names the row: FROM->TO.KEY.
            const std::string name =
                row.from + "->" + (row.to.empty() ? std::string() : row.to.front());
            document_->edit(model, tr("Change %1 of %2").arg(key, QString::fromStdString(name)),
                            name + "." + key.toStdString());
          });
  tabs_->addTab(dependencies_tab, tr("Dependencies"));

  // Crews.
  auto* crews_tab = new QWidget(this);
  auto* crews_layout = new QVBoxLayout(crews_tab);
  crews_ = new QTableWidget(0, 2, crews_tab);
  crews_->setHorizontalHeaderLabels({tr("id"), tr("size")});
  crews_->horizontalHeader()->setStretchLastSection(true);
  crews_layout->addWidget(crews_, 1);
  auto* crew_buttons = new QHBoxLayout();
  crews_layout->addLayout(crew_buttons);
  connect(button(tr("Add"), crews_tab, crew_buttons), &QPushButton::clicked, this, [this] {
    models::Model model = document_->model();
    model.crews.push_back({"crew-" + std::to_string(model.crews.size() + 1), 1});
    document_->edit(model, tr("Add crew"));
  });
  connect(button(tr("Delete"), crews_tab, crew_buttons), &QPushButton::clicked, this, [this] {
    const int row = crews_->currentRow();
    models::Model model = document_->model();
    if (row < 0 || row >= static_cast<int>(model.crews.size())) return;
    model.crews.erase(model.crews.begin() + row);
    document_->edit(model, tr("Delete crew"));
  });
  connect(crews_, &QTableWidget::cellChanged, this, [this] { edit_crews(); });
  tabs_->addTab(crews_tab, tr("Crews"));
  // Zones and regions: two tables and the laws of the selected row.
  // In a scroll area: two tables and two laws must not make the dock taller than a small screen.
  auto* zones_scroll = new QScrollArea(this);
  zones_scroll->setWidgetResizable(true);
  zones_scroll->setFrameShape(QFrame::NoFrame);
  auto* zones_tab = new QWidget(zones_scroll);
  zones_scroll->setWidget(zones_tab);
  auto* zones_layout = new QVBoxLayout(zones_tab);
  zones_layout->addWidget(new QLabel(tr("Regions"), zones_tab));
  regions_ = new QTableWidget(0, 2, zones_tab);
  regions_->setHorizontalHeaderLabels({tr("id"), tr("description")});
  regions_->horizontalHeader()->setStretchLastSection(true);
  regions_->setProperty("pointer", "/regions");
  zones_layout->addWidget(regions_, 1);
  auto* region_buttons = new QHBoxLayout();
  zones_layout->addLayout(region_buttons);
  connect(button(tr("Add region"), zones_tab, region_buttons), &QPushButton::clicked, this, [this] {
    domain_is_region_ = true;
    domain_id_ = document_->add_region();
    refresh();
  });
  connect(button(tr("Delete region"), zones_tab, region_buttons), &QPushButton::clicked, this,
          [this] {
            const int row = regions_->currentRow();
            const auto& regions = document_->model().regions;
            if (row < 0 || row >= static_cast<int>(regions.size())) return;
            document_->delete_region(regions[static_cast<std::size_t>(row)].id);
          });
  zones_layout->addWidget(new QLabel(tr("Zones"), zones_tab));
  zones_ = new QTableWidget(0, 3, zones_tab);
  zones_->setHorizontalHeaderLabels({tr("id"), tr("region"), tr("description")});
  zones_->horizontalHeaderItem(1)->setToolTip(tr("The id of its region, or empty: in no region"));
  zones_->horizontalHeader()->setStretchLastSection(true);
  zones_->setProperty("pointer", "/zones");
  zones_layout->addWidget(zones_, 1);
  auto* zone_buttons = new QHBoxLayout();
  zones_layout->addLayout(zone_buttons);
  connect(button(tr("Add zone"), zones_tab, zone_buttons), &QPushButton::clicked, this, [this] {
    domain_is_region_ = false;
    domain_id_ = document_->add_zone();
    refresh();
  });
  connect(button(tr("Delete zone"), zones_tab, zone_buttons), &QPushButton::clicked, this, [this] {
    const int row = zones_->currentRow();
    const auto& zones = document_->model().zones;
    if (row < 0 || row >= static_cast<int>(zones.size())) return;
    document_->delete_zone(zones[static_cast<std::size_t>(row)].id);
  });
  auto* laws = new QFormLayout();
  zones_layout->addLayout(laws);
  domain_title_ = new QLabel(zones_tab);
  domain_failure_ = new DistributionEditor(zones_tab);
  domain_repair_ = new DistributionEditor(zones_tab);
  laws->addRow(domain_title_);
  laws->addRow(tr("Failure"), domain_failure_);
  laws->addRow(tr("Repair"), domain_repair_);
  tabs_->addTab(zones_scroll, tr("Zones"));
  connect(regions_, &QTableWidget::cellChanged, this,
          [this](int row, int column) { edit_domain(true, row, column); });
  connect(zones_, &QTableWidget::cellChanged, this,
          [this](int row, int column) { edit_domain(false, row, column); });
  connect(regions_, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (!updating_) select_domain(true, row);
  });
  connect(zones_, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (!updating_) select_domain(false, row);
  });
  connect(domain_failure_, &DistributionEditor::edited, this,
          [this](const models::Distribution& law) { edit_domain_law(true, law); });
  connect(domain_repair_, &DistributionEditor::edited, this,
          [this](const models::Distribution& law) { edit_domain_law(false, law); });

  // Injections: scheduled faults (game days).
  auto* inject_tab = new QWidget(this);
  auto* inject_layout = new QVBoxLayout(inject_tab);
  inject_ = new QTableWidget(0, 5, inject_tab);
  inject_->setHorizontalHeaderLabels(
      {tr("at"), tr("target"), tr("id"), tr("instances"), tr("for")});
  inject_->horizontalHeaderItem(0)->setToolTip(tr("When: a duration from the start (\"30d\")"));
  inject_->horizontalHeaderItem(1)->setToolTip(tr("component, zone or region"));
  inject_->horizontalHeaderItem(3)->setToolTip(tr("Instances taken (component injections)"));
  inject_->horizontalHeaderItem(4)->setToolTip(
      tr("Held down this long; empty: failed, and repaired by its own laws"));
  inject_->horizontalHeader()->setStretchLastSection(true);
  inject_->setProperty("pointer", "/inject");
  inject_->setToolTip(
      tr("At a time, take instances of a component or a whole zone or region down; with 'for' "
         "held down that long, else failed and repaired by its own laws"));
  inject_layout->addWidget(inject_, 1);
  auto* inject_buttons = new QHBoxLayout();
  inject_layout->addLayout(inject_buttons);
  connect(button(tr("Add"), inject_tab, inject_buttons), &QPushButton::clicked, this, [this] {
    models::Model model = document_->model();
    models::Injection injection;
    injection.at_hours = model.horizon_hours / 2.0;
    if (!model.zones.empty()) {
      injection.target = models::Injection::Target::kZone;
      injection.id = model.zones.front().id;
    } else if (!model.components.empty()) {
      injection.id = selected_.empty() ? model.components.front().id : selected_;
    }
    injection.for_hours = 1.0;
    model.inject.push_back(injection);
    document_->edit(model, tr("Add injection"));
  });
  connect(button(tr("Delete"), inject_tab, inject_buttons), &QPushButton::clicked, this, [this] {
    const int row = inject_->currentRow();
    models::Model model = document_->model();
    if (row < 0 || row >= static_cast<int>(model.inject.size())) return;
    model.inject.erase(model.inject.begin() + row);
    document_->edit(model, tr("Delete injection"));
  });
  connect(inject_, &QTableWidget::cellChanged, this, [this] { edit_injections(); });
  tabs_->addTab(inject_tab, tr("Inject"));

  // Load: the traffic users send (docs/traffic.md).
  auto* load_scroll = new QScrollArea(this);
  load_scroll->setWidgetResizable(true);
  load_ = new LoadEditor(load_scroll);
  load_->setProperty("pointer", "/load");
  load_scroll->setWidget(load_);
  connect(load_, &LoadEditor::edited, this,
          [this](const std::optional<models::Load>& load, const QString& key) {
            models::Model model = document_->model();
            model.load = load;
            document_->edit(model, tr("Change %1").arg(key), key.toStdString());
          });
  tabs_->addTab(load_scroll, tr("Load"));

  // Scenarios are a view of the main window (ScenarioPanel), not a tab here: their comparison
  // table needs the width.

  connect(document_, &ModelDocument::changed, this, &ModelEditor::refresh);
  refresh();
}

void ModelEditor::select_component(const std::string& id) {
  selected_ = id;
  refresh();
}

QString ModelEditor::rename_selected(const QString& to) {
  const std::string from = selected_;
  const QString error = document_->rename_component(from, to.trimmed().toStdString());
  if (error.isEmpty()) select_component(to.trimmed().toStdString());
  return error;
}

void ModelEditor::show_validation(const Validation& validation) {
  error_->setText(QString::fromStdString(validation.error));
  error_->setVisible(!validation.ok());
  const QString pointer = QString::fromStdString(validation.error_pointer);
  QWidget* best = nullptr;
  qsizetype best_length = 0;
  for (QWidget* w : findChildren<QWidget*>()) {
    const QString p = w->property("pointer").toString();
    if (!p.isEmpty()) {
      w->setStyleSheet({});
      w->setToolTip({});
      if (!pointer.isEmpty() && (pointer == p || pointer.startsWith(p + "/")) &&
          p.size() > best_length) {
        best = w;
        best_length = p.size();
      }
    }
  }
  if (best != nullptr) {
    best->setStyleSheet(kBad);
    best->setToolTip(QString::fromStdString(validation.error));
  }
}

void ModelEditor::refresh() {
  updating_ = true;
  const models::Model& m = document_->model();
  name_->setText(QString::fromStdString(m.name));
  description_->setText(QString::fromStdString(m.description));
  horizon_->setText(QString::fromStdString(models::format_duration(m.horizon_hours)));
  replications_->setValue(static_cast<int>(std::min<std::int64_t>(m.replications, 1'000'000'000)));
  seed_->setText(QString::number(m.seed));
  target_->setText(m.target ? QString::number(*m.target, 'g', 12) : QString());
  load_->set_load(m.load);
  entry_->clear();
  entry_->addItem(tr("(inferred)"));
  for (const auto& c : m.components) entry_->addItem(QString::fromStdString(c.id));
  const int entry_index = entry_->findText(QString::fromStdString(m.entry));
  entry_->setCurrentIndex(m.entry.empty() || entry_index < 0 ? 0 : entry_index);

  components_->clear();
  int selected_row = -1;
  for (std::size_t i = 0; i < m.components.size(); ++i) {
    components_->addItem(QString::fromStdString(m.components[i].id));
    if (m.components[i].id == selected_) selected_row = static_cast<int>(i);
  }
  components_->setCurrentRow(selected_row);
  form_->setEnabled(selected_row >= 0);
  if (selected_row >= 0) form_->set_component(m, static_cast<std::size_t>(selected_row));

  dependencies_->setRowCount(static_cast<int>(m.dependencies.size()));
  for (std::size_t i = 0; i < m.dependencies.size(); ++i) {
    const auto& d = m.dependencies[i];
    QStringList to;
    for (const auto& id : d.to) to << QString::fromStdString(id);
    const int row = static_cast<int>(i);
    dependencies_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(d.from)));
    dependencies_->setItem(row, 1, new QTableWidgetItem(to.join(", ")));
    dependencies_->setItem(row, 2,
                           new QTableWidgetItem(d.is_list ? QString::number(d.min_up) : QString()));
  }
  if (selected_dependency_ >= static_cast<int>(m.dependencies.size())) selected_dependency_ = -1;
  dependencies_->setCurrentCell(selected_dependency_, std::max(0, dependencies_->currentColumn()));
  show_dependency_traffic();
  crews_->setRowCount(static_cast<int>(m.crews.size()));
  for (std::size_t i = 0; i < m.crews.size(); ++i) {
    crews_->setItem(static_cast<int>(i), 0,
                    new QTableWidgetItem(QString::fromStdString(m.crews[i].id)));
    crews_->setItem(static_cast<int>(i), 1, new QTableWidgetItem(QString::number(m.crews[i].size)));
  }

  const auto text_item = [](const std::string& text) {
    return new QTableWidgetItem(QString::fromStdString(text));
  };
  regions_->setRowCount(static_cast<int>(m.regions.size()));
  for (std::size_t i = 0; i < m.regions.size(); ++i) {
    regions_->setItem(static_cast<int>(i), 0, text_item(m.regions[i].id));
    regions_->setItem(static_cast<int>(i), 1, text_item(m.regions[i].description));
  }
  zones_->setRowCount(static_cast<int>(m.zones.size()));
  for (std::size_t i = 0; i < m.zones.size(); ++i) {
    zones_->setItem(static_cast<int>(i), 0, text_item(m.zones[i].id));
    zones_->setItem(static_cast<int>(i), 1, text_item(m.zones[i].region));
    zones_->setItem(static_cast<int>(i), 2, text_item(m.zones[i].description));
  }
  // The laws of the selected zone or region (the first zone, else region, by default).
  const std::int64_t region_index = domain_is_region_ ? m.region_index(domain_id_) : -1;
  const std::int64_t zone_index = domain_is_region_ ? -1 : m.zone_index(domain_id_);
  if (region_index < 0 && zone_index < 0) {
    domain_is_region_ = m.zones.empty() && !m.regions.empty();
    domain_id_ = !m.zones.empty()     ? m.zones.front().id
                 : !m.regions.empty() ? m.regions.front().id
                                      : std::string();
  }
  domain_failure_->setEnabled(!domain_id_.empty());
  domain_repair_->setEnabled(!domain_id_.empty());
  if (domain_id_.empty()) {
    domain_title_->setText(tr("Add a zone or a region to give it failure and repair laws."));
  } else {
    const auto i = static_cast<std::size_t>(domain_is_region_ ? m.region_index(domain_id_)
                                                              : m.zone_index(domain_id_));
    const QString pointer =
        QStringLiteral("/%1/%2/").arg(domain_is_region_ ? "regions" : "zones").arg(i);
    domain_failure_->setProperty("pointer", pointer + "failure");
    domain_repair_->setProperty("pointer", pointer + "repair");
    domain_title_->setText((domain_is_region_ ? tr("Laws of region %1") : tr("Laws of zone %1"))
                               .arg(QString::fromStdString(domain_id_)));
    domain_failure_->set_distribution(domain_is_region_ ? m.regions[i].failure
                                                        : m.zones[i].failure);
    domain_repair_->set_distribution(domain_is_region_ ? m.regions[i].repair : m.zones[i].repair);
    (domain_is_region_ ? regions_ : zones_)->setCurrentCell(static_cast<int>(i), 0);
  }

  inject_->setRowCount(static_cast<int>(m.inject.size()));
  for (std::size_t i = 0; i < m.inject.size(); ++i) {
    const models::Injection& j = m.inject[i];
    const int row = static_cast<int>(i);
    static const char* const kTargets[] = {"component", "zone", "region"};
    inject_->setItem(row, 0, text_item(models::format_duration(j.at_hours)));
    inject_->setItem(row, 1, text_item(kTargets[static_cast<int>(j.target)]));
    inject_->setItem(row, 2, text_item(j.id));
    inject_->setItem(row, 3,
                     j.target == models::Injection::Target::kComponent
                         ? new QTableWidgetItem(QString::number(j.instances))
                         : text_item({}));
    inject_->setItem(row, 4, text_item(j.for_hours ? models::format_duration(*j.for_hours) : ""));
  }
  updating_ = false;
  show_validation(document_->validation());
}

void ModelEditor::show_dependency_traffic() {
  const models::Model& m = document_->model();
  dependency_traffic_->set_row(
      m, selected_dependency_ >= 0 && selected_dependency_ < static_cast<int>(m.dependencies.size())
             ? std::optional(static_cast<std::size_t>(selected_dependency_))
             : std::nullopt);
}

void ModelEditor::select_domain(bool region, int row) {
  const models::Model& m = document_->model();
  const std::size_t size = region ? m.regions.size() : m.zones.size();
  if (row < 0 || row >= static_cast<int>(size)) return;
  domain_is_region_ = region;
  domain_id_ = region ? m.regions[static_cast<std::size_t>(row)].id
                      : m.zones[static_cast<std::size_t>(row)].id;
  refresh();
}

void ModelEditor::edit_domain(bool region, int row, int column) {
  if (updating_) return;
  models::Model m = document_->model();
  QTableWidget* table = region ? regions_ : zones_;
  const std::size_t size = region ? m.regions.size() : m.zones.size();
  if (row < 0 || row >= static_cast<int>(size)) return;
  const QTableWidgetItem* item = table->item(row, column);
  const std::string text = item == nullptr ? std::string() : item->text().trimmed().toStdString();
  const auto r = static_cast<std::size_t>(row);
  if (column == 0) {
    // A new id renames: placements, injections and scenario keys follow.
    const std::string from = region ? m.regions[r].id : m.zones[r].id;
    const QString error =
        region ? document_->rename_region(from, text) : document_->rename_zone(from, text);
    if (!error.isEmpty()) {
      refresh();  // the old id back
      error_->setText(error);
      error_->setVisible(true);
      return;
    }
    if (domain_id_ == from && domain_is_region_ == region) {
      domain_id_ = text;
      refresh();
    }
    return;
  }
  if (region) {
    m.regions[r].description = text;
  } else if (column == 1) {
    m.zones[r].region = text;
  } else {
    m.zones[r].description = text;
  }
  document_->edit(m, region ? tr("Change regions") : tr("Change zones"));
}

void ModelEditor::edit_domain_law(bool failure, const models::Distribution& law) {
  if (updating_ || domain_id_.empty()) return;
  models::Model m = document_->model();
  models::Distribution* target = nullptr;
  if (domain_is_region_) {
    const std::int64_t i = m.region_index(domain_id_);
    if (i < 0) return;
    auto& r = m.regions[static_cast<std::size_t>(i)];
    target = failure ? &r.failure : &r.repair;
  } else {
    const std::int64_t i = m.zone_index(domain_id_);
    if (i < 0) return;
    auto& z = m.zones[static_cast<std::size_t>(i)];
    target = failure ? &z.failure : &z.repair;
  }
  *target = law;
  const QString key = failure ? QStringLiteral("failure") : QStringLiteral("repair");
  document_->edit(m, tr("Change %1 of %2").arg(key, QString::fromStdString(domain_id_)),
                  domain_id_ + "." + key.toStdString());
}

void ModelEditor::edit_injections() {
  if (updating_) return;
  models::Model m = document_->model();
  for (int row = 0; row < inject_->rowCount() && row < static_cast<int>(m.inject.size()); ++row) {
    auto cell = [&](int column) -> QTableWidgetItem* { return inject_->item(row, column); };
    auto text = [&](int column) {
      return cell(column) == nullptr ? QString() : cell(column)->text().trimmed();
    };
    models::Injection& j = m.inject[static_cast<std::size_t>(row)];
    // A cell that does not read is marked and left as it was; the others apply.
    auto mark = [&](int column, bool ok) {
      if (cell(column) != nullptr) {
        cell(column)->setBackground(ok ? QBrush() : QBrush(QColor(255, 214, 214)));
      }
      return ok;
    };
    if (const auto at = parse_hours(text(0)); mark(0, at.has_value())) j.at_hours = *at;
    const QString target = text(1).toLower();
    if (mark(1, target == "component" || target == "zone" || target == "region")) {
      j.target = target == "zone"     ? models::Injection::Target::kZone
                 : target == "region" ? models::Injection::Target::kRegion
                                      : models::Injection::Target::kComponent;
    }
    j.id = text(2).toStdString();
    bool ok = true;
    const qlonglong instances = text(3).isEmpty() ? 1 : text(3).toLongLong(&ok);
    if (mark(3, ok)) j.instances = instances;
    if (text(4).isEmpty()) {
      j.for_hours.reset();
    } else if (const auto hours = parse_hours(text(4)); mark(4, hours.has_value())) {
      j.for_hours = *hours;
    }
  }
  document_->edit(m, tr("Change injections"));
}

void ModelEditor::edit_settings(const char* key) {
  if (updating_) return;
  models::Model m = document_->model();
  const QString k = QString::fromLatin1(key);
  if (k == "name") m.name = name_->text().toStdString();
  if (k == "description") m.description = description_->text().toStdString();
  if (k == "horizon") {
    const auto hours = parse_hours(horizon_->text());
    horizon_->setStyleSheet(hours ? QString() : kBad);
    if (!hours) return;
    m.horizon_hours = *hours;
  }
  if (k == "replications") m.replications = replications_->value();
  if (k == "seed") {
    bool ok = false;
    const qulonglong seed = seed_->text().trimmed().toULongLong(&ok);
    seed_->setStyleSheet(ok ? QString() : kBad);
    if (!ok) return;
    m.seed = seed;
  }
  if (k == "target") {
    QString text = target_->text().trimmed();
    if (text.isEmpty()) {
      m.target.reset();
    } else {
      // As in model files: a fraction, or "P%".
      const bool is_percent = text.endsWith('%');
      if (is_percent) text.chop(1);
      bool ok = false;
      const double value = text.toDouble(&ok);
      target_->setStyleSheet(ok ? QString() : kBad);
      if (!ok) return;
      m.target = is_percent ? value / 100.0 : value;
    }
  }
  if (k == "entry") {
    m.entry = entry_->currentIndex() <= 0 ? std::string() : entry_->currentText().toStdString();
  }
  document_->edit(m, tr("Change %1").arg(k), std::string("model.") + key);
}

void ModelEditor::edit_dependencies() {
  if (updating_) return;
  models::Model m = document_->model();
  for (int row = 0;
       row < dependencies_->rowCount() && row < static_cast<int>(m.dependencies.size()); ++row) {
    auto text = [&](int column) {
      const QTableWidgetItem* item = dependencies_->item(row, column);
      return item == nullptr ? QString() : item->text().trimmed();
    };
    models::Dependency& d = m.dependencies[static_cast<std::size_t>(row)];
    d.from = text(0).toStdString();
    const std::vector<std::string> old_to = std::move(d.to);
    d.to.clear();
    for (const QString& id : text(1).split(',', Qt::SkipEmptyParts)) {
      d.to.push_back(id.trimmed().toStdString());
    }
    // A list's per-target traffic settings follow their target by id; a new target has none.
    if (!d.target_traffic.empty()) {
      std::vector<models::TargetTraffic> kept(d.to.size());
      bool any = false;
      for (std::size_t i = 0; i < d.to.size(); ++i) {
        const auto at = std::find(old_to.begin(), old_to.end(), d.to[i]);
        const auto k = static_cast<std::size_t>(at - old_to.begin());
        if (at != old_to.end() && k < d.target_traffic.size()) {
          kept[i] = d.target_traffic[k];
          any = any || !kept[i].empty();
        }
      }
      d.target_traffic = any ? std::move(kept) : std::vector<models::TargetTraffic>{};
    }
    const QString min_up = text(2);
    d.is_list = d.to.size() > 1 || !min_up.isEmpty();
    d.min_up = min_up.isEmpty() ? 1 : min_up.toLongLong();
    if (!d.is_list) d.target_traffic.clear();  // a single target takes the row's settings
  }
  document_->edit(m, tr("Change dependencies"));
}

void ModelEditor::edit_crews() {
  if (updating_) return;
  models::Model m = document_->model();
  for (int row = 0; row < crews_->rowCount() && row < static_cast<int>(m.crews.size()); ++row) {
    const QTableWidgetItem* id = crews_->item(row, 0);
    const QTableWidgetItem* size = crews_->item(row, 1);
    auto& crew = m.crews[static_cast<std::size_t>(row)];
    const std::string old_id = crew.id;
    if (id != nullptr) crew.id = id->text().trimmed().toStdString();
    if (size != nullptr) crew.size = size->text().toLongLong();
    // Components follow a renamed crew, as dependencies follow a renamed component.
    for (auto& c : m.components) {
      if (c.crew == old_id && !old_id.empty()) c.crew = crew.id;
    }
  }
  document_->edit(m, tr("Change crews"));
}

}  // namespace nines::gui
