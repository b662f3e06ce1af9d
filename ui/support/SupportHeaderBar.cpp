#include "SupportHeaderBar.h"

#include "ui/widgets/Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace vigil {

SupportHeaderBar::SupportHeaderBar(QWidget* parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("supportHeaderBar"));
    setAccessibleName(tr("Support mode"));
    m_text->setObjectName(QStringLiteral("supportHeaderText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // names the customer
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    setAutoFillBackground(true);
    recolour();
    render();
}

SupportHeaderBar::~SupportHeaderBar() = default;

void SupportHeaderBar::setStaffName(const QString& name)
{
    m_staffName = name;
    render();
}

void SupportHeaderBar::setViewingCustomer(bool viewing)
{
    m_viewing = viewing;
    render();
}

QString SupportHeaderBar::text() const
{
    return m_text->text();
}

void SupportHeaderBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_recolouring)
        recolour();
}

void SupportHeaderBar::render()
{
    QStringList parts{tr("Support mode")};
    if (!m_staffName.isEmpty())
        parts << tr("signed in as %1").arg(m_staffName);
    parts << (m_viewing ? tr("you are viewing a customer's account") : tr("no customer open"));
    m_text->setText(parts.join(QStringLiteral(" · ")));
    m_text->setAccessibleName(m_text->text());
}

void SupportHeaderBar::recolour()
{
    // The application's palette, not our own tinted copy, decides the colours.
    const QPalette source = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor background = source.color(QPalette::Active, QPalette::Highlight);
    const QColor foreground = source.color(QPalette::Active, QPalette::HighlightedText);
    QPalette tinted = palette();
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        tinted.setColor(group, QPalette::Window, background);
        tinted.setColor(group, QPalette::WindowText, foreground);
    }
    m_recolouring = true;
    setPalette(tinted);
    m_recolouring = false;
    m_icon->setPixmap(Icons::themed(QStringLiteral("shield-alert"), foreground).pixmap(20, 20));
}

} // namespace vigil
