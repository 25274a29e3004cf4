// Conversion between a scenario's settings and the KEY=VALUE lines of `nines run --set`.
#include "nines/gui/scenario_settings.hpp"

#include <QObject>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "nines/models/scenario.hpp"

namespace nines::gui {

QStringList setting_lines(const models::Scenario& scenario) {
  QStringList lines;
  for (const std::string& line : models::scenario_overrides(scenario)) {
    lines << QString::fromStdString(line);
  }
  return lines;
}

std::optional<models::ScenarioSetting> setting_from_line(const QString& line, QString& problem) {
  const std::string text = line.trimmed().toStdString();
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    // The words of `nines run --set` for the same mistake.
    problem = QObject::tr(
                  "override \"%1\": must look like KEY=VALUE, ID.KEY=VALUE or ID.KEY.SUBKEY=VALUE "
                  "(e.g. web.instances=4)")
                  .arg(QString::fromStdString(text));
    return std::nullopt;
  }
  models::ScenarioSetting setting;
  // Spaces around '=' are a typing habit, not part of a key; --set gets them split off by the
  // shell, so trimming gives the same key.
  setting.key = QString::fromStdString(text.substr(0, equals)).trimmed().toStdString();
  const std::string value = QString::fromStdString(text.substr(equals + 1)).trimmed().toStdString();
  // As --set: JSON when it parses, else the text as a string; stored as compact JSON like the
  // loader stores a file's values, so a scenario typed here equals the same one read from a file.
  nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) parsed = nlohmann::json(value);
  setting.value_json = parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return setting;
}

std::optional<std::vector<models::ScenarioSetting>> settings_from_text(const QString& text,
                                                                       QString& problem) {
  std::vector<models::ScenarioSetting> settings;
  const QStringList lines = text.split('\n');
  for (qsizetype i = 0; i < lines.size(); ++i) {
    const QString line = lines[i].trimmed();
    if (line.isEmpty() || line.startsWith('#')) continue;
    QString line_problem;
    auto setting = setting_from_line(line, line_problem);
    if (!setting) {
      problem = QObject::tr("line %1: %2").arg(i + 1).arg(line_problem);
      return std::nullopt;
    }
    settings.push_back(std::move(*setting));
  }
  // A file's "set" is a JSON object, which the loader reads in key order: kept the same way, a
  // scenario made here equals itself saved and loaded back.
  std::stable_sort(settings.begin(), settings.end(),
                   [](const auto& a, const auto& b) { return a.key < b.key; });
  return settings;
}

}  // namespace nines::gui
