// The scenarios view: the model's named scenarios to create, rename, delete and run, and a
// comparison of all of them against the base model.
#pragma once

#include <QString>
#include <QWidget>
#include <optional>
#include <string>
#include <vector>

#include "nines/gui/model_document.hpp"
#include "nines/gui/scenario_comparison.hpp"
#include "nines/report/scenario_table.hpp"

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace nines::gui {

/// Lists the document's scenarios; the selected one's name and settings (KEY=VALUE lines with the
/// meaning of `nines run --set`) are edited beside the list. Every change is one ModelDocument
/// edit (undoable). An edit that would break a valid model is refused with the loader's message
/// and the model stays as it was: a typo in one scenario must not stop the base model from
/// running. "Run" hands the scenario's model to the main run; "Compare all" runs base and every
/// scenario on a worker (ScenarioComparison) and fills a sortable table with the figures of
/// `nines run --all-scenarios` (report::scenario_rows).
class ScenarioPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ScenarioPanel(ModelDocument* document, QWidget* parent = nullptr);

  /// Adds a scenario; `settings` holds KEY=VALUE lines. Returns "" or why not (the loader's
  /// message, or the --set message for a line that is not KEY=VALUE), also shown in message().
  QString create_scenario(const QString& name, const QString& settings);
  /// Renames and/or replaces the settings of scenario `name` as one edit. Returns "" or why not.
  QString change_scenario(const QString& name, const QString& new_name, const QString& settings);
  QString rename_scenario(const QString& from, const QString& to);
  void delete_scenario(const QString& name);
  /// Asks for a run of the scenario's model (run_requested). Returns "" or why not.
  QString run_scenario(const QString& name);
  /// Starts comparing base and every scenario; false when the model cannot run or has none.
  bool compare_all();
  void stop_comparison();
  /// The scenario shown in the editor ("" for a new one).
  void select_scenario(const QString& name);

  /// The runs of the last finished comparison, base first.
  const std::vector<report::ScenarioRun>& compared() const { return compared_; }
  ScenarioComparison* comparison() { return &comparison_; }
  QListWidget* list() { return list_; }
  QTableWidget* table() { return table_; }
  QLabel* message() { return message_; }
  QLineEdit* name_edit() { return name_; }
  QPlainTextEdit* settings_edit() { return settings_; }

 signals:
  /// The user asked to run a scenario: `variant` is models::apply_scenario of the document's
  /// model, validated.
  void run_requested(const nines::models::Model& variant, const QString& name);

 private:
  void refresh();
  void show_editor(const models::Scenario* scenario);
  void show_comparison();
  /// Fills the traffic columns (request availability, failed requests and cascades per year,
  /// each with its paired difference from the base); returns whether a row has a load.
  bool show_traffic(const std::vector<report::ScenarioRow>& rows);
  void refresh_note();
  void apply_editor();
  /// Pushes `changed` as one edit, or refuses it when it would break a valid model.
  QString commit(const models::Model& changed, const QString& text);
  QString show_problem(const QString& problem);

  ModelDocument* document_;
  ScenarioComparison comparison_;
  QListWidget* list_ = nullptr;
  QLineEdit* name_ = nullptr;
  QPlainTextEdit* settings_ = nullptr;
  QLabel* message_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* delete_ = nullptr;
  QPushButton* compare_ = nullptr;
  QPushButton* stop_ = nullptr;
  QLabel* status_ = nullptr;
  QTableWidget* table_ = nullptr;
  QLabel* note_ = nullptr;
  QString selected_;
  bool refreshing_ = false;
  /// The scenario the editor was last filled with (nothing: the form for a new one).
  std::optional<models::Scenario> shown_;
  bool editor_filled_ = false;
  std::vector<report::ScenarioRun> compared_;
  /// The model the comparison ran, to say when the table no longer describes the document.
  std::optional<models::Model> compared_model_;
};

}  // namespace nines::gui
