#include "nines/gui/charts/chart_file.hpp"

#include <QFileInfo>
#include <QImage>
#include <QSvgGenerator>

namespace nines::gui::charts {

bool write_chart_file(const QString& path, QSize size, const QString& title,
                      const QString& description,
                      const std::function<void(QPainter&, QSize)>& paint) {
  if (QFileInfo(path).suffix().toLower() == "svg") {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    // The PNG's resolution, so that text in points has one size in both.
    svg.setResolution(QImage(1, 1, QImage::Format_RGB32).logicalDpiX());
    svg.setTitle(title);
    svg.setDescription(description);
    QPainter painter;
    if (!painter.begin(&svg)) return false;
    paint(painter, size);
    return painter.end();
  }
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  {
    QPainter painter(&image);
    paint(painter, size);
  }
  return image.save(path, "PNG");
}

}  // namespace nines::gui::charts
