// A drawing written as a PNG or an SVG file, chosen by the file's suffix: what `nines-gui --plot`
// does for sweeps and plans alike.
#pragma once

#include <QPainter>
#include <QSize>
#include <QString>
#include <functional>

namespace nines::gui::charts {

/// Draws with `paint` (given a painter and the size) into `path`: an SVG for ".svg" (same
/// resolution as the PNG, so text has one size in both; `title` and `description` in its
/// metadata), else a PNG on white. False when the file cannot be written.
bool write_chart_file(const QString& path, QSize size, const QString& title,
                      const QString& description,
                      const std::function<void(QPainter&, QSize)>& paint);

}  // namespace nines::gui::charts
