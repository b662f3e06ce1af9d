#include "OverviewPage.h"

#include "core/account/AccountService.h"
#include "ui/pages/TwoStepText.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/LoadState.h"
#include "ui/widgets/PageHeader.h"
#include "ui/widgets/StatTile.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace vigil {

OverviewPage::OverviewPage(AccountService* account, QWidget* parent) : QWidget(parent), m_account(account)
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

    m_devices = new StatTile(tr("Signed-in devices"), QStringLiteral("monitor-smartphone"), content);
    m_devices->setLink(tr("Review Devices"));
    m_profiles = new StatTile(tr("Profiles"), QStringLiteral("users"), content);
    m_profiles->setLink(tr("See Profiles"));
    m_twoStep = new StatTile(tr("2-step verification"), QStringLiteral("shield-check"), content);
    m_twoStep->setLink(tr("Review Security"));
    connect(m_devices, &StatTile::linkActivated, this, [this] { Q_EMIT sectionRequested(Section::Devices); });
    connect(m_profiles, &StatTile::linkActivated, this, [this] { Q_EMIT sectionRequested(Section::Profiles); });
    connect(m_twoStep, &StatTile::linkActivated, this, [this] { Q_EMIT sectionRequested(Section::Security); });

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
    contentLayout->addStretch(1);

    m_state = new LoadState(content, this);
    connect(m_state, &LoadState::retryRequested, m_account, &AccountService::reload);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Overview"), tr("Your account at a glance."), this));
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
    m_devices->setValue(
        QString::number(overview->devicesCount),
        tr("%n device(s) signed in to your account, this computer included.", nullptr, overview->devicesCount));
    m_profiles->setValue(
        QString::number(overview->profilesCount),
        tr("%n profile(s). Signing devices out never removes a profile.", nullptr, overview->profilesCount));
    const bool on = overview->account.twoStep.any();
    m_twoStep->setValue(on ? tr("On") : tr("Off"), TwoStepText::summary(overview->account.twoStep));
    m_twoStep->setIcon(on ? QStringLiteral("shield-check") : QStringLiteral("shield-alert"));
}

} // namespace vigil
