#include "PageHeader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace vigil {

PageHeader::PageHeader(const QString& title, const QString& summary, QWidget* parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_summary(new QLabel(summary, this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(title);
    m_title->setTextInteractionFlags(Qt::NoTextInteraction);
    m_summary->setWordWrap(true);
    m_summary->setVisible(!summary.isEmpty());
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
}

PageHeader::~PageHeader() = default;

QString PageHeader::title() const
{
    return m_title->text();
}

} // namespace vigil
