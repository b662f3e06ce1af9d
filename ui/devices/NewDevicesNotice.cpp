#include "NewDevicesNotice.h"

#include "core/devices/DeviceListModel.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace vigil {

NewDevicesNotice::NewDevicesNotice(QWidget* parent)
    : QFrame(parent), m_text(new QLabel(this)), m_review(new QPushButton(tr("Review New Devices"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("New devices"));
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::themed(QStringLiteral("shield-alert")).pixmap(24, 24));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_review->setAccessibleName(tr("Review New Devices"));
    m_review->setToolTip(tr("Show the new devices: confirm the ones that are yours, sign out the others."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(icon, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_review, 0, Qt::AlignVCenter);
    connect(m_review, &QPushButton::clicked, this, &NewDevicesNotice::reviewRequested);
    setVisible(false);
}

NewDevicesNotice::~NewDevicesNotice() = default;

QString NewDevicesNotice::text(int count)
{
    return tr("%n new device(s) waiting for you to confirm", nullptr, count);
}

void NewDevicesNotice::update(const DeviceListModel& model)
{
    m_count = model.isCurrentNew() ? 0 : model.newOthersCount();
    m_text->setText(text(m_count));
    m_text->setAccessibleName(m_text->text());
    setVisible(m_count > 0);
}

} // namespace vigil
