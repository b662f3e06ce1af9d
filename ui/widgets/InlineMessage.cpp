#include "InlineMessage.h"

#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>

namespace vigil {

InlineMessage::InlineMessage(QWidget* parent) : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this))
{
    m_text->setWordWrap(true);
    // Messages can quote the service (a device's name, an error's detail): shown as written.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_icon->setAlignment(Qt::AlignTop);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    setAutoFillBackground(true);
    setVisible(false);
}

InlineMessage::~InlineMessage() = default;

void InlineMessage::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    QColor accent;
    QString icon;
    QString prefix;
    switch (kind) {
    case Kind::Error:
        accent = QColor(0xc0, 0x1c, 0x28);
        icon = QStringLiteral("circle-alert");
        prefix = tr("Error");
        break;
    case Kind::Warning:
        accent = QColor(0x9c, 0x6a, 0x00);
        icon = QStringLiteral("shield-alert");
        prefix = tr("Warning");
        break;
    case Kind::Info:
        accent = palette().color(QPalette::Highlight);
        icon = QStringLiteral("info");
        prefix = tr("Note");
        break;
    }
    m_icon->setPixmap(Icons::themed(icon, accent).pixmap(20, 20));
    m_text->setText(text);
    QPalette tinted = palette();
    QColor background = accent;
    background.setAlpha(28);
    tinted.setColor(QPalette::Window, background);
    setPalette(tinted);
    // Screen readers hear the kind first, then the text.
    setAccessibleName(prefix);
    m_text->setAccessibleName(prefix + QStringLiteral(": ") + text);
    setVisible(true);
}

void InlineMessage::clear()
{
    m_text->clear();
    setVisible(false);
}

QString InlineMessage::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace vigil
