#include "GuestAccessBar.h"

#include "core/devices/DeviceListModel.h"
#include "core/tv/GuestEnd.h"
#include "ui/tv/TvSignInActions.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

GuestAccessBar::GuestAccessBar(const DeviceListModel* devices, TvSignInActions* actions, QWidget* parent)
    : QWidget(parent), m_devices(devices), m_actions(actions)
{
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::themed(QStringLiteral("clock")).pixmap(18, 18));
    m_label = new QLabel(this);
    m_label->setAccessibleName(tr("Guest access"));
    m_label->setWordWrap(true);
    m_extend = new QPushButton(tr("Extend…"), this);
    m_extend->setAccessibleName(tr("Extend Guest Access"));
    m_extend->setToolTip(tr("Choose another end for this guest's access, later or sooner"));
    m_endNow = new QPushButton(tr("End Now"), this);
    m_endNow->setAccessibleName(tr("End Guest Access Now"));
    m_endNow->setToolTip(tr("Sign this guest out now"));
    // The sentence on a line of its own: the details pane is narrow, and a wrapped "signs out in"
    // squeezed between buttons is hard to read.
    auto* text = new QHBoxLayout;
    text->addWidget(icon, 0, Qt::AlignTop);
    text->addWidget(m_label, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_extend);
    buttons->addWidget(m_endNow);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(text);
    layout->addLayout(buttons);
    connect(m_extend, &QPushButton::clicked, this, [this] { m_actions->extendGuest(m_id, this); });
    connect(m_endNow, &QPushButton::clicked, this, [this] { m_actions->endGuestNow(m_id); });
    // A new end, and the clock tick that moves "signs out in …" on, arrive as changed rows.
    connect(m_devices, &QAbstractItemModel::dataChanged, this, &GuestAccessBar::render);
    connect(m_devices, &QAbstractItemModel::rowsRemoved, this, &GuestAccessBar::render);
    connect(m_devices, &QAbstractItemModel::modelReset, this, &GuestAccessBar::render);
    render();
}

GuestAccessBar::~GuestAccessBar() = default;

void GuestAccessBar::setDeviceId(const QString& id)
{
    m_id = id;
    render();
}

void GuestAccessBar::render()
{
    const int row = m_id.isEmpty() ? -1 : m_devices->rowOf(m_id);
    const bool guest = row >= 0 && m_devices->deviceAt(row).isGuest();
    setVisible(guest);
    if (!guest)
        return;
    const QDateTime end = m_devices->deviceAt(row).guestUntil;
    const QDateTime now = m_devices->relativeTime().now();
    m_label->setText(GuestEnd::detailText(end, now));
    m_label->setAccessibleDescription(m_label->text());
    m_endNow->setEnabled(m_actions->canEndNow());
}

} // namespace vigil
