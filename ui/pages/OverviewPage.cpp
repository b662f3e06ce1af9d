#include "OverviewPage.h"

#include "core/account/AccountService.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "ui/devices/NewDevicesNotice.h"
#include "ui/devices/SignOutActions.h"
#include "ui/main/SectionNavigator.h"
#include "ui/pages/TwoStepText.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/LoadState.h"
#include "ui/widgets/PageHeader.h"
#include "ui/widgets/ScrollArea.h"
#include "ui/widgets/StatTile.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

OverviewPage::OverviewPage(AccountService* account, SectionNavigator* navigator, QWidget* parent)
    : QWidget(parent), m_account(account)
{
    auto* content = new QWidget(this);
    m_name = new QLabel(content);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setAccessibleName(tr("Account name"));
    m_email = new QLabel(content);
    m_email->setAccessibleName(tr("Account email"));
    m_email->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The account's name and email as the service has them, never markup.
    m_name->setTextFormat(Qt::PlainText);
    m_email->setTextFormat(Qt::PlainText);

    m_devices = new StatTile(tr("Signed-in devices"), QStringLiteral("monitor-smartphone"), content);
    m_devices->setLink(tr("Review Devices"));
    m_profiles = new StatTile(tr("Profiles"), QStringLiteral("users"), content);
    m_profiles->setLink(tr("See Profiles"));
    m_twoStep = new StatTile(tr("2-step verification"), QStringLiteral("shield-check"), content);
    m_twoStep->setLink(tr("Review Security"));
    connect(m_devices, &StatTile::linkActivated, navigator, [navigator] { navigator->request(Section::Devices); });
    connect(m_profiles, &StatTile::linkActivated, navigator, [navigator] { navigator->request(Section::Profiles); });
    connect(m_twoStep, &StatTile::linkActivated, navigator, [navigator] { navigator->request(Section::Security); });

    auto* tiles = new QGridLayout;
    tiles->setSpacing(12);
    tiles->addWidget(m_devices, 0, 0);
    tiles->addWidget(m_profiles, 0, 1);
    tiles->addWidget(m_twoStep, 0, 2);

    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(6);
    contentLayout->addWidget(m_name);
    contentLayout->addWidget(m_email);
    contentLayout->addSpacing(12);
    contentLayout->addLayout(tiles);
    m_deviceTiles = new QWidget(content);
    m_deviceTiles->setVisible(false);
    contentLayout->addWidget(m_deviceTiles);
    contentLayout->addStretch(1);

    // With a large font the wrapped tile texts need more height than the window has: scroll rather
    // than squeeze them (a grid of word-wrapped labels cannot ask for height by width).
    auto* scroll = new ScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_state = new LoadState(scroll, this);
    connect(m_state, &LoadState::retryRequested, m_account, &AccountService::reload);

    auto* layout = new QVBoxLayout(this);
    m_headerActions = new QHBoxLayout;
    m_headerActions->addWidget(new PageHeader(tr("Overview"), tr("Your account at a glance."), this), 1);
    layout->addLayout(m_headerActions);
    layout->addWidget(m_state, 1);

    connect(m_account, &AccountService::changed, this, &OverviewPage::render);
    render();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::render()
{
    const auto& overview = m_account->overview();
    if (!overview) {
        if (m_account->state() == AccountService::State::Failed && m_account->error())
            m_state->showError(m_account->error()->userText());
        else
            m_state->showLoading(tr("Loading your account…"));
        return;
    }
    m_state->showContent();
    m_name->setText(overview->account.displayName);
    m_email->setText(overview->account.email);
    renderDeviceCount();
    m_profiles->setValue(
        QString::number(overview->profilesCount),
        tr("%n profile(s). Signing devices out never removes a profile.", nullptr, overview->profilesCount));
    const bool on = overview->account.twoStep.any();
    m_twoStep->setValue(on ? tr("On") : tr("Off"), TwoStepText::summary(overview->account.twoStep));
    m_twoStep->setIcon(on ? QStringLiteral("shield-check") : QStringLiteral("shield-alert"));
}

} // namespace vigil

namespace vigil {

namespace {

// Tab follows the reading order. The device tiles and the header's action are added after the
// page was built (and moved into LoadState's stack), so Qt's creation-order chain is not it.
void chainTabOrder(const QList<QWidget*>& widgets)
{
    QWidget* previous = nullptr;
    const auto link = [&previous](QWidget* widget) {
        if (previous)
            QWidget::setTabOrder(previous, widget);
        previous = widget;
    };
    // A tile takes no focus itself: its link inside does.
    for (QWidget* widget : widgets) {
        if (!widget)
            continue;
        if (widget->focusPolicy() & Qt::TabFocus)
            link(widget);
        const auto children = widget->findChildren<QWidget*>();
        for (QWidget* child : children) {
            if (child->focusPolicy() & Qt::TabFocus)
                link(child);
        }
    }
}

} // namespace

void OverviewPage::setDevices(DeviceService* devices)
{
    m_deviceService = devices;
    m_active = new StatTile(tr("Active now"), QStringLiteral("activity"), m_deviceTiles);
    m_active->setLink(tr("See Active Devices"));
    m_streaming = new StatTile(tr("Streaming now"), QStringLiteral("circle-play"), m_deviceTiles);
    m_streaming->setLink(tr("See Who's Watching"));
    m_new = new StatTile(tr("New in the last 7 days"), QStringLiteral("clock"), m_deviceTiles);
    m_new->setLink(tr("See Newest Devices"));
    m_unfamiliar = new StatTile(tr("In unfamiliar countries"), QStringLiteral("map-pin"), m_deviceTiles);
    m_unfamiliar->setLink(tr("Review These Devices"));
    connect(m_active, &StatTile::linkActivated, this, [this] { Q_EMIT devicesRequested(DeviceFilterPreset::Active); });
    connect(m_streaming, &StatTile::linkActivated, this, [this] {
        Q_EMIT devicesRequested(DeviceFilterPreset::Streaming);
    });
    connect(m_new, &StatTile::linkActivated, this, &OverviewPage::newestDevicesRequested);
    connect(m_unfamiliar, &StatTile::linkActivated, this, [this] {
        Q_EMIT devicesRequested(DeviceFilterPreset::Unfamiliar);
    });
    // The recommendation goes above the figures, under the account's name: it asks for a decision.
    m_newDevices = new NewDevicesNotice(m_deviceTiles->parentWidget());
    if (auto* column = qobject_cast<QVBoxLayout*>(m_deviceTiles->parentWidget()->layout()))
        column->insertWidget(2, m_newDevices);
    connect(m_newDevices, &NewDevicesNotice::reviewRequested, this, [this] {
        Q_EMIT devicesRequested(DeviceFilterPreset::New);
    });
    auto* grid = new QGridLayout(m_deviceTiles);
    grid->setContentsMargins(0, 12, 0, 0);
    grid->setSpacing(12);
    grid->addWidget(m_active, 0, 0);
    grid->addWidget(m_streaming, 0, 1);
    grid->addWidget(m_new, 1, 0);
    grid->addWidget(m_unfamiliar, 1, 1);

    // Recounted once per burst of changes, not once per event.
    auto* recount = new QTimer(this);
    recount->setSingleShot(true);
    recount->setInterval(0);
    connect(recount, &QTimer::timeout, this, &OverviewPage::renderDevices);
    const auto schedule = [recount] { recount->start(); };
    DeviceListModel* model = devices->model();
    connect(model, &QAbstractItemModel::modelReset, recount, schedule);
    connect(model, &QAbstractItemModel::rowsInserted, recount, schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, recount, schedule);
    connect(model, &QAbstractItemModel::dataChanged, recount, schedule);
    connect(devices, &DeviceService::stateChanged, recount, schedule);
    renderDevices();
    chainTabOrder(
        {m_signOutAll, m_newDevices, m_devices, m_profiles, m_twoStep, m_active, m_streaming, m_new, m_unfamiliar});
}

void OverviewPage::addHeaderButton(QPushButton* button)
{
    m_headerActions->insertWidget(1, button, 0, Qt::AlignBottom); // after the title
    chainTabOrder({button, m_signOutAll, m_devices, m_profiles, m_twoStep, m_active, m_streaming, m_new, m_unfamiliar});
}

void OverviewPage::setSignOutActions(SignOutActions* actions)
{
    if (m_signOutAll)
        return;
    m_signOutAll = new QPushButton(tr("Sign Out of All Devices…"), this);
    m_signOutAll->setToolTip(tr("Throw every other device out of your account at once, or every device."));
    m_signOutAll->setMenu(actions->createAllDevicesMenu(m_signOutAll));
    m_headerActions->addWidget(m_signOutAll, 0, Qt::AlignBottom);
    const auto update = [this, actions] { m_signOutAll->setEnabled(actions->canStart()); };
    connect(actions, &SignOutActions::availabilityChanged, this, update);
    update();
    chainTabOrder(
        {m_signOutAll, m_newDevices, m_devices, m_profiles, m_twoStep, m_active, m_streaming, m_new, m_unfamiliar});
}

void OverviewPage::renderDeviceCount()
{
    // The live list once it is there: the account's figure is only as new as the last reload, and
    // devices sign in and out between reloads.
    const bool live = m_deviceService && m_deviceService->hasData();
    const int count = live ? m_deviceService->model()->rowCount() : m_account->overview()->devicesCount;
    m_devices->setValue(QString::number(count),
                        tr("%n device(s) signed in to your account, this computer included.", nullptr, count));
}

void OverviewPage::renderDevices()
{
    if (!m_deviceService)
        return;
    if (m_account->overview())
        renderDeviceCount();
    const DeviceListModel& model = *m_deviceService->model();
    m_deviceTiles->setVisible(m_deviceService->hasData());
    m_newDevices->update(model);
    const QDateTime now = model.relativeTime().now();
    const qint64 weekAgoMs = now.addDays(-7).toMSecsSinceEpoch();
    const QSet<QString> usual = model.usualCountries();
    int active = 0;
    int newCount = 0;
    int unfamiliar = 0;
    int streaming = 0;
    QStringList watching;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto facts = model.factsAt(row);
        if (facts.status == Device::Status::Streaming || facts.status == Device::Status::Paused ||
            facts.status == Device::Status::Idle)
            ++active;
        if (facts.status == Device::Status::Streaming) {
            ++streaming;
            const QString& profile = model.deviceAt(row).statusProfile;
            watching.append(profile.isEmpty() ? tr("unknown profile") : profile);
        }
        if (model.firstSignInMsAt(row) != DeviceListModel::noTime && model.firstSignInMsAt(row) >= weekAgoMs)
            ++newCount;
        if (!facts.isCurrent && !model.isFamiliarAt(row, usual))
            ++unfamiliar;
    }
    watching.removeDuplicates();
    m_active->setValue(QString::number(active),
                       tr("%n device(s) connected right now: streaming, paused or idle.", nullptr, active));
    m_streaming->setValue(QString::number(streaming),
                          watching.isEmpty() ? tr("Nothing is playing right now.")
                                             : tr("Watching now: %1.").arg(watching.join(QStringLiteral(", "))));
    m_new->setValue(QString::number(newCount),
                    tr("%n device(s) signed in for the first time this week.", nullptr, newCount));
    m_unfamiliar->setValue(
        QString::number(unfamiliar),
        unfamiliar == 0 ? tr("Every device is in a country your account usually uses.")
                        : tr("%n device(s) in countries your account doesn't usually use.", nullptr, unfamiliar));
    m_unfamiliar->setIcon(unfamiliar == 0 ? QStringLiteral("map-pin") : QStringLiteral("shield-alert"));
}

} // namespace vigil
