// A scenario's settings as the text lines the scenarios panel edits ("db.instances=3").
#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::gui {

/// The settings of `scenario` as `--set` overrides, one per line ("db.mttr=\"2h\"").
QStringList setting_lines(const models::Scenario& scenario);

/// Reads one KEY=VALUE line with the rules of `nines run --set`: VALUE is JSON when it parses as
/// JSON, else a string ("db.mttr=2h" sets the string "2h"). Returns nothing and sets `problem`
/// (the --set message) for a line that is not KEY=VALUE. Whether the key exists and the value
/// fits is the loader's business (ModelDocument validation), not this function's.
std::optional<models::ScenarioSetting> setting_from_line(const QString& line, QString& problem);

/// Every non-blank line of `text` (lines starting with '#' are comments). Returns nothing and sets
/// `problem` ("line 2: ...") at the first line that is not KEY=VALUE.
std::optional<std::vector<models::ScenarioSetting>> settings_from_text(const QString& text,
                                                                       QString& problem);

}  // namespace nines::gui
