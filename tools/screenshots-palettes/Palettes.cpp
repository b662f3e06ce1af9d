#include "Palettes.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace Palettes {

QStringList names()
{
    return {QStringLiteral("default"),
            QStringLiteral("dark"),
            QStringLiteral("high-contrast"),
            QStringLiteral("large-font")};
}

QPalette dark()
{
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Light, QColor(0x55, 0x55, 0x58));
    palette.setColor(QPalette::Midlight, QColor(0x45, 0x45, 0x48));
    palette.setColor(QPalette::Mid, QColor(0x3a, 0x3a, 0x3d));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

QPalette highContrast()
{
    QPalette palette;
    for (const auto role : {QPalette::Window,
                            QPalette::Base,
                            QPalette::AlternateBase,
                            QPalette::Button,
                            QPalette::ToolTipBase,
                            QPalette::Dark,
                            QPalette::Shadow})
        palette.setColor(role, Qt::black);
    for (const auto role : {QPalette::WindowText,
                            QPalette::Text,
                            QPalette::ButtonText,
                            QPalette::ToolTipText,
                            QPalette::BrightText,
                            QPalette::Light,
                            QPalette::Midlight,
                            QPalette::Mid})
        palette.setColor(role, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0xc8, 0xc8, 0xc8));
    palette.setColor(QPalette::Highlight, Qt::yellow);
    palette.setColor(QPalette::HighlightedText, Qt::black);
    palette.setColor(QPalette::Link, Qt::yellow);
    palette.setColor(QPalette::LinkVisited, Qt::yellow);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa0, 0xa0));
    return palette;
}

void apply(const QString& name)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = QApplication::style()->standardPalette();
    QFont font = QApplication::font();
    if (name == QLatin1String("dark"))
        palette = dark();
    else if (name == QLatin1String("high-contrast"))
        palette = highContrast();
    else if (name == QLatin1String("large-font"))
        font.setPointSize(largePointSize);
    QApplication::setPalette(palette);
    QApplication::setFont(font);
}

} // namespace Palettes
