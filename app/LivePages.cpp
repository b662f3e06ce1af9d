#include "LivePages.h"

#include "core/account/AccountService.h"
#include "core/demo/DemoOutbox.h"
#include "core/devices/DeviceService.h"
#include "core/flows/SignOutFlow.h"
#include "ui/alerts/AlertsController.h"
#include "ui/demo/DemoInboxWindow.h"
#include "ui/devices/SignOutActions.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WindowController.h"
#include "ui/pages/ActivityPage.h"
#include "ui/pages/DevicesPage.h"
#include "ui/pages/OverviewPage.h"
#include "ui/pages/PreferencesPage.h"
#include "ui/pages/ProfilesPage.h"
#include "ui/pages/SecurityPage.h"
#include "ui/signout/PendingSignOutBanner.h"
#include "ui/signout/SignOutDialog.h" // SignOutDialogLauncher keeps a QPointer to it
#include "ui/signout/SignOutDialogLauncher.h"

#include <QAction>

namespace vigil {

LivePages::LivePages(const Parts& parts, QObject* parent) : QObject(parent), m_parts(parts)
{
    connect(m_parts.account, &AccountService::changed, this, &LivePages::updateVerificationMethods);
    updateVerificationMethods();
}

LivePages::~LivePages()
{
    delete m_inbox; // a window of its own, not a child of the main window
}

void LivePages::attach()
{
    MainWindow* window = m_parts.windows->mainWindow();
    if (!window || m_actions)
        return;
    auto* page = new DevicesPage(m_parts.devices, m_parts.events);
    window->replacePage(Section::Devices, page);
    if (m_parts.profiles)
        window->replacePage(Section::Profiles, new ProfilesPage(m_parts.profiles));
    if (m_parts.activity)
        window->replacePage(Section::Activity, new ActivityPage(m_parts.activity));
    if (m_stepUp) {
        window->replacePage(Section::Security,
                            new SecurityPage(m_parts.account, {m_stepUp, m_password, m_twoStep, m_supportCodes}));
    }

    m_actions = new SignOutActions(m_parts.signOut, m_parts.devices->model(), this);
    m_launcher = new SignOutDialogLauncher(m_parts.signOut, window);
    auto* banner = new PendingSignOutBanner(m_parts.signOut->results(), page);
    connect(banner, &PendingSignOutBanner::resultsRequested, m_launcher, &SignOutDialogLauncher::showResults);
    page->setSignOutActions(m_actions, banner);

    if (auto* overview = qobject_cast<OverviewPage*>(window->page(Section::Overview))) {
        overview->setDevices(m_parts.devices);
        overview->setSignOutActions(m_actions);
        connect(overview, &OverviewPage::devicesRequested, page, [window, page](auto kind) {
            page->applyPreset(kind);
            window->showSection(Section::Devices);
        });
        connect(overview, &OverviewPage::newestDevicesRequested, page, [window, page] {
            page->showNewestFirst();
            window->showSection(Section::Devices);
        });
    }
    if (m_parts.demoOutbox)
        attachDemoInbox();
    attachAlerts();
}

void LivePages::attachAlerts()
{
    MainWindow* window = m_parts.windows->mainWindow();
    auto* preferences = qobject_cast<PreferencesPage*>(window->page(Section::Preferences));
    if (preferences && m_parts.accountSettings)
        preferences->setAccountSettings(m_parts.accountSettings);
    updateVerificationMethods();
    if (!m_parts.signInAlerts || !m_parts.settings)
        return;
    auto* alerts = new AlertsController(m_parts.signInAlerts, m_parts.settings, window, m_actions, this);
    auto* page = qobject_cast<DevicesPage*>(window->page(Section::Devices));
    connect(alerts, &AlertsController::devicesRequested, window, [window, page] {
        if (page)
            page->showNewestFirst();
        window->showSection(Section::Devices);
    });
}

void LivePages::setSecurityServices(StepUpService* stepUp,
                                    PasswordChangeFlow* password,
                                    TwoStepService* twoStep,
                                    SupportCodeService* supportCodes)
{
    m_stepUp = stepUp;
    m_password = password;
    m_twoStep = twoStep;
    m_supportCodes = supportCodes;
}

void LivePages::attachDemoInbox()
{
    MainWindow* window = m_parts.windows->mainWindow();
    m_inbox = new DemoInboxWindow(m_parts.demoOutbox);
    auto* show = new QAction(tr("Show Demo Inbox"), window);
    show->setToolTip(tr("The codes the demo service sent by email or text message"));
    connect(show, &QAction::triggered, m_inbox, [this, window] { m_inbox->showBeside(window); });
    window->addAccountMenuAction(show);
    // A code was "sent": show where it went, as a mail notification would.
    connect(m_parts.demoOutbox, &DemoOutbox::messageArrived, m_inbox, [this, window] { m_inbox->showBeside(window); });
    m_parts.demoOutbox->setPolling(true);
}

void LivePages::updateVerificationMethods()
{
    // The service has the last word (it answers 422 for a method an account lacks); offering only
    // what the account has saves the user that detour. Password and email always work.
    QStringList methods{QStringLiteral("password"), QStringLiteral("email")};
    if (const auto& overview = m_parts.account->overview()) {
        const TwoStepMethods& twoStep = overview->account.twoStep;
        if (twoStep.sms)
            methods.append(QStringLiteral("sms"));
        if (twoStep.totp)
            methods.append({QStringLiteral("totp"), QStringLiteral("recovery")});
    }
    m_parts.signOut->setAvailableMethods(methods);
    // The Preferences page asks the same before changing the auto sign-out of unused devices.
    MainWindow* window = m_parts.windows ? m_parts.windows->mainWindow() : nullptr;
    if (auto* preferences = window ? qobject_cast<PreferencesPage*>(window->page(Section::Preferences)) : nullptr)
        preferences->setStepUpMethods(methods);
}

} // namespace vigil
