#include "StatTile.h"

#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace vigil {

StatTile::StatTile(const QString& name, const QString& iconName, QWidget* parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_value(new QLabel(this)), m_caption(new QLabel(this)),
      m_link(new QLabel(this))
{
    m_value->setTextFormat(Qt::PlainText);
    m_caption->setTextFormat(Qt::PlainText);
    setFrameShape(QFrame::StyledPanel);
    setObjectName(name);
    setIcon(iconName);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setAccessibleName(name);
    m_caption->setWordWrap(true);
    m_link->setVisible(false);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_link, &QLabel::linkActivated, this, &StatTile::linkActivated);

    auto* top = new QHBoxLayout;
    top->addWidget(m_value);
    top->addStretch(1);
    top->addWidget(m_icon, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_caption);
    layout->addWidget(m_link);
    layout->addStretch(1);
}

StatTile::~StatTile() = default;

void StatTile::setValue(const QString& value, const QString& caption)
{
    m_value->setText(value);
    m_caption->setText(caption);
    m_value->setAccessibleDescription(caption);
}

void StatTile::setIcon(const QString& iconName)
{
    m_icon->setPixmap(Icons::themed(iconName).pixmap(28, 28));
}

void StatTile::setLink(const QString& text)
{
    m_link->setText(QStringLiteral("<a href=\"#\">") + text.toHtmlEscaped() + QStringLiteral("</a>"));
    m_link->setAccessibleName(text);
    m_link->setVisible(!text.isEmpty());
}

} // namespace vigil
