#pragma once

#include <QColor>
#include <QString>

class QPalette;

class QLabel;
class QPushButton;
class QWidget;

namespace vigil::SignOutStyle {

// A page heading inside the sign-out dialog: larger, bold, word-wrapped.
QLabel* heading(const QString& text, QWidget* parent);
// A sentence that wraps instead of being cut off.
QLabel* sentence(const QString& text, QWidget* parent);
// The red of destructive words and icons, readable on `palette`.
QColor destructiveColor(const QPalette& palette);
// A button that signs devices out: red, with the log-out icon, never the default button.
void makeDestructive(QPushButton* button);
// "4:59".
QString clockText(int seconds);

} // namespace vigil::SignOutStyle
