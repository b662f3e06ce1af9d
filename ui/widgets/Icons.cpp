#include "Icons.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initVigilResources()
{
    Q_INIT_RESOURCE(vigil);
}

namespace vigil {
namespace {

QPixmap render(const QByteArray& svg, int size, qreal ratio)
{
    QSvgRenderer renderer(svg);
    QPixmap pixmap(int(size * ratio), int(size * ratio));
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(ratio);
    return pixmap;
}

} // namespace

void Icons::initResources()
{
    initVigilResources();
}

QIcon Icons::themed(const QString& name)
{
    return themed(name, QApplication::palette().color(QPalette::Active, QPalette::WindowText));
}

QIcon Icons::themed(const QString& name, const QColor& color)
{
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("missing icon %s", qPrintable(name));
        return {};
    }
    const QByteArray source = file.readAll();
    const QColor disabledColor = QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
    const QByteArray normal = QByteArray(source).replace("currentColor", color.name().toLatin1());
    const QByteArray disabled = QByteArray(source).replace("currentColor", disabledColor.name().toLatin1());
    const QColor selectedColor = QApplication::palette().color(QPalette::Active, QPalette::HighlightedText);
    const QByteArray selected = QByteArray(source).replace("currentColor", selectedColor.name().toLatin1());
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QIcon icon;
    for (int size : {16, 20, 24, 32, 48, 64}) {
        icon.addPixmap(render(normal, size, ratio), QIcon::Normal);
        icon.addPixmap(render(disabled, size, ratio), QIcon::Disabled);
        icon.addPixmap(render(selected, size, ratio), QIcon::Selected);
    }
    return icon;
}

QIcon Icons::app()
{
    return QIcon(QStringLiteral(":/vigil.svg"));
}

} // namespace vigil
