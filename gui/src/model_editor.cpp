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
#include <cmath>

#include "nines/gui/component_form.hpp"
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
  connect(
      button(tr("Add"), dependencies_tab, dependency_buttons), &QPushButton::clicked, this, [this] {
        models::Model model = document_->model();
        const std::string first =
            model.components.empty() ? std::string() : model.components.front().id;
        model.dependencies.push_back({selected_.empty() ? first : selected_, {first}, 1, false});
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
  crews_->setRowCount(static_cast<int>(m.crews.size()));
  for (std::size_t i = 0; i < m.crews.size(); ++i) {
    crews_->setItem(static_cast<int>(i), 0,
                    new QTableWidgetItem(QString::fromStdString(m.crews[i].id)));
    crews_->setItem(static_cast<int>(i), 1, new QTableWidgetItem(QString::number(m.crews[i].size)));
  }
  updating_ = false;
  show_validation(document_->validation());
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
    d.to.clear();
    for (const QString& id : text(1).split(',', Qt::SkipEmptyParts)) {
      d.to.push_back(id.trimmed().toStdString());
    }
    const QString min_up = text(2);
    d.is_list = d.to.size() > 1 || !min_up.isEmpty();
    d.min_up = min_up.isEmpty() ? 1 : min_up.toLongLong();
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
