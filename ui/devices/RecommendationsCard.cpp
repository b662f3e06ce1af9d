#include "RecommendationsCard.h"

#include "core/devices/DeviceListModel.h"
#include "ui/devices/NewDevicesNotice.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace vigil {
namespace {

QString link(const QString& text)
{
    return QStringLiteral("<a href=\"#\">") + text.toHtmlEscaped() + QStringLiteral("</a>");
}

} // namespace

RecommendationsCard::RecommendationsCard(QWidget* parent)
    : QFrame(parent), m_new(new QLabel(this)), m_inactive(new QLabel(this)), m_unfamiliar(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Recommendations"));
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::themed(QStringLiteral("shield-alert")).pixmap(24, 24));
    auto* title = new QLabel(tr("Recommendations"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    for (QLabel* label : {m_new, m_inactive, m_unfamiliar}) {
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        label->setTextFormat(Qt::RichText);
    }
    connect(m_new, &QLabel::linkActivated, this, [this] { Q_EMIT filterRequested(DeviceFilterPreset::New); });
    connect(m_inactive, &QLabel::linkActivated, this, [this] { Q_EMIT filterRequested(DeviceFilterPreset::Inactive); });
    connect(
        m_unfamiliar, &QLabel::linkActivated, this, [this] { Q_EMIT filterRequested(DeviceFilterPreset::Unfamiliar); });
    auto* lines = new QVBoxLayout;
    lines->setSpacing(2);
    lines->addWidget(title);
    lines->addWidget(m_new);
    lines->addWidget(m_inactive);
    lines->addWidget(m_unfamiliar);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(lines, 1);
    setVisible(false);
}

RecommendationsCard::~RecommendationsCard() = default;

void RecommendationsCard::update(const DeviceListModel& model)
{
    const qint64 nowMs = model.relativeTime().now().toMSecsSinceEpoch();
    const QSet<QString> usual = model.usualCountries();
    m_inactiveCount = 0;
    m_unfamiliarCount = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.factsAt(row).isCurrent)
            continue;
        m_inactiveCount += model.isInactiveAt(row, nowMs) ? 1 : 0;
        m_unfamiliarCount += model.isFamiliarAt(row, usual) ? 0 : 1;
    }
    const QString inactive = tr("%n device(s) inactive for 90+ days", nullptr, m_inactiveCount);
    const QString unfamiliar = tr("%n device(s) in countries you haven't used before", nullptr, m_unfamiliarCount);
    m_inactive->setText(link(inactive));
    m_inactive->setAccessibleName(inactive);
    m_inactive->setVisible(m_inactiveCount > 0);
    m_unfamiliar->setText(link(unfamiliar));
    m_unfamiliar->setAccessibleName(unfamiliar);
    m_unfamiliar->setVisible(m_unfamiliarCount > 0);
    // A new Vigil can confirm nothing: it is not asked to.
    m_newCount = model.isCurrentNew() ? 0 : model.newOthersCount();
    const QString newDevices = NewDevicesNotice::text(m_newCount);
    m_new->setText(link(newDevices));
    m_new->setAccessibleName(newDevices);
    m_new->setVisible(m_newCount > 0);
    setVisible(m_newCount > 0 || m_inactiveCount > 0 || m_unfamiliarCount > 0);
}

} // namespace vigil
