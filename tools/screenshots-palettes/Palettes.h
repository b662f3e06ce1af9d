#pragma once

#include <QFont>
#include <QPalette>
#include <QString>
#include <QStringList>

// The looks Vigil is checked under, so it stays readable for people who change them: the default,
// a dark palette, a high-contrast palette (black, white, yellow) and a 16 pt application font.
namespace Palettes {

QStringList names(); // default, dark, high-contrast, large-font
// Applies one look to the running QApplication: Fusion style, the palette and the font.
void apply(const QString& name);
QPalette dark();
QPalette highContrast();
inline constexpr int largePointSize = 16;

} // namespace Palettes
