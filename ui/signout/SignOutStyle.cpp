#include "SignOutStyle.h"

#include "ui/widgets/Icons.h"

#include <QLabel>
#include <QPushButton>

namespace vigil::SignOutStyle {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.25);
    label->setFont(font);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* sentence(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QColor destructiveColor(const QPalette& palette)
{
    // A darker red on light backgrounds, a lighter one on dark palettes.
    return palette.color(QPalette::Button).lightness() > 128 ? QColor(0xb0, 0x1a, 0x24) : QColor(0xff, 0x7b, 0x72);
}

void makeDestructive(QPushButton* button)
{
    // Enter must never sign anything out: only a deliberate click or Space on the focused button.
    button->setAutoDefault(false);
    button->setDefault(false);
    // Red words and icon on the normal button face: readable on light, dark and high-contrast
    // palettes, and destructive by its words first, not by colour alone.
    const QColor red = destructiveColor(button->palette());
    button->setIcon(Icons::themed(QStringLiteral("log-out"), red));
    QPalette palette = button->palette();
    palette.setColor(QPalette::Active, QPalette::ButtonText, red);
    palette.setColor(QPalette::Inactive, QPalette::ButtonText, red);
    button->setPalette(palette);
}

QString clockText(int seconds)
{
    seconds = qMax(0, seconds);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace vigil::SignOutStyle
