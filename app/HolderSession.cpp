#include "HolderSession.h"

#include "core/account/AccountService.h"
#include "core/account/AccountSettingsService.h"
#include "core/activity/ActivityService.h"
#include "core/alerts/ActivityLiveReload.h"
#include "core/alerts/SignInAlerts.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoOutbox.h"
#include "core/devices/DeviceConfirmService.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/profiles/ProfileDevices.h"
#include "core/profiles/ProfileService.h"
#include "core/report/ProblemReport.h"
#include "core/security/PasswordChangeFlow.h"
#include "core/security/SupportCodeService.h"
#include "core/security/TwoStepService.h"
#include "core/securitykeys/PlatformAuthenticator.h"
#include "core/securitykeys/SecurityKeyService.h"
#include "core/settings/AppSettings.h"
#include "core/stepup/StepUpService.h"
#include "core/tv/GuestEndings.h"
#include "core/tv/TvSignInService.h"
#include "ui/alerts/AlertsController.h"
#include "ui/alerts/DesktopNotifier.h"
#include "ui/demo/DemoInboxWindow.h"
#include "ui/devices/ConfirmActions.h"
#include "ui/devices/SignOutActions.h"
#include "ui/main/MainWindow.h"
#include "ui/main/SectionNavigator.h"
#include "ui/pages/ActivityPage.h"
#include "ui/pages/DevicesPage.h"
#include "ui/pages/HelpPage.h"
#include "ui/pages/OverviewPage.h"
#include "ui/pages/PreferencesPage.h"
#include "ui/pages/ProfilesPage.h"
#include "ui/pages/SecurityPage.h"
#include "ui/report/ReportProblemDialog.h"
#include "ui/security/ShortenWaitDialog.h"
#include "ui/signin/SignInWindow.h"
#include "ui/signout/PendingSignOutBanner.h"
#include "ui/signout/SignOutDialog.h" // SignOutDialogLauncher keeps a QPointer to it
#include "ui/signout/SignOutDialogLauncher.h"
#include "ui/tv/TvSignInActions.h"

#include <QAction>
#include <QCoreApplication>

namespace vigil {

// Declared in construction order (each object after the ones it is handed), so they are destroyed
// the other way round: the windows first, then the flows, then the services and models.
struct HolderSession::Parts
{
    explicit Parts(const SessionContext& c)
        : account(c.api, c.session), profiles(c.api, c.session), activity(c.api, c.session),
          devices(c.api, &deviceModel), stepUp(c.api),
          securityKeys(c.api, &stepUp, c.authenticators ? c.authenticators : createPlatformAuthenticator),
          signOut(c.api, &stepUp, c.session, &signOutSender), passwordChange(c.api, &stepUp), twoStep(c.api, &stepUp),
          supportCodes(c.api, &stepUp), confirmDevices(c.api, &stepUp, &deviceModel),
          signInAlerts([c] { return c.session->deviceId(); }, [c] { return c.api->serverClock().now(); }),
          activityLive(&activity), accountSettings(c.api, c.session, &stepUp), tvSignIn(c.api, &stepUp),
          guestEndings([c] { return c.api->serverClock().now(); })
    {}

    AccountService account;
    ProfileService profiles;
    ActivityService activity;
    DeviceListModel deviceModel;
    DeviceService devices;
    EventStream events;
    StepUpService stepUp;
    SecurityKeyService securityKeys;
    HolderSignOutSender signOutSender;
    SignOutFlow signOut;
    PasswordChangeFlow passwordChange;
    TwoStepService twoStep;
    SupportCodeService supportCodes;
    DeviceConfirmService confirmDevices;
    SignInAlerts signInAlerts;
    ActivityLiveReload activityLive;
    AccountSettingsService accountSettings;
    TvSignInService tvSignIn;
    GuestEndings guestEndings;
    SectionNavigator navigator;
    std::unique_ptr<SignOutActions> actions;
    std::unique_ptr<ProfileDevices> people;
    std::unique_ptr<ConfirmActions> confirmActions;
    std::unique_ptr<TvSignInActions> tvActions;
    std::unique_ptr<MainWindow> window;
    MainWindow::Pages pages; // owned by the window
    std::unique_ptr<AlertsController> alerts;
    std::unique_ptr<DemoInboxWindow> inbox; // a window of its own, not a child of the main window
};

HolderSession::HolderSession(const SessionContext& context, QObject* parent)
    : QObject(parent), m_context(context), m_parts(std::make_unique<Parts>(context))
{
    Parts& p = *m_parts;
    ApiClient* api = context.api;
    Session* session = context.session;
    SignInFlow* flow = context.flow;
    // "2 min ago", "inactive for 90+ days": by the service's clock (which QA can move).
    p.deviceModel.setRelativeTime(RelativeTime([api] { return api->serverClock().now(); }));
    p.devices.setEventStream(&p.events);
    p.events.setTokenProvider([session] { return session->accessToken(); });
    // Any authenticated call refreshes an expired token (or ends a revoked session) in ApiClient.
    const auto checkSession = [api] { api->send(ApiRequest::get(QStringLiteral("/v1/me"))); };
    p.events.setTokenRefresher(checkSession);
    connect(&p.events, &EventStream::sessionEnded, this, checkSession);
    connect(session, &Session::tokensChanged, &p.events, &EventStream::tokenRefreshed);
    connect(&p.events, &EventStream::eventReceived, &p.signOut, &SignOutFlow::applyEvent);
    connect(&p.events, &EventStream::eventReceived, &p.signInAlerts, &SignInAlerts::applyEvent);
    connect(&p.events, &EventStream::eventReceived, &p.activityLive, &ActivityLiveReload::applyEvent);
    connect(&p.events, &EventStream::eventReceived, &p.guestEndings, &GuestEndings::applyEvent);
    // A TV just approved (or a guest's new end) shows at once, before its event arrives.
    DeviceListModel* deviceModel = &p.deviceModel;
    connect(&p.tvSignIn, &TvSignInService::deviceChanged, deviceModel, [deviceModel](const Device& device) {
        deviceModel->upsert(device);
    });
    AppSettings* settings = context.settings;
    p.signInAlerts.setEnabledSwitch([settings] { return settings->signInAlerts(); });
    DeviceListModel* model = &p.deviceModel;
    p.signInAlerts.setThisDeviceNewSwitch([model] { return model->isCurrentNew(); });

    // Every device was signed out, this one included: back to sign-in, keychain entry gone.
    SignInWindow* signInWindow = context.signInWindow;
    connect(&p.signOut, &SignOutFlow::returnToSignInRequested, flow, [flow, signInWindow] {
        flow->signOut();
        signInWindow->showNotice(QCoreApplication::translate(
            "main", "You signed out every device, this computer included. Sign in again to keep using Vigil."));
    });
    // A password change that signed every device out, this one included: back to sign-in.
    connect(&p.passwordChange, &PasswordChangeFlow::returnToSignInRequested, flow, [flow, signInWindow] {
        flow->signOut();
        signInWindow->showNotice(QCoreApplication::translate(
            "main", "Your password was changed and every device was signed out. Sign in with your new password."));
    });

    // The session is built once the sign-in is complete: load what the pages will show, before
    // they are built (a page finding nothing loading would load it again).
    p.account.reload();
    p.accountSettings.reload();
    p.twoStep.reload();
    // Every "Confirm It's You" offers the account's security keys first.
    p.stepUp.setSecurityKeys(&p.securityKeys);
    p.securityKeys.reload();
    p.events.setServerUrl(session->serverUrl());
    p.devices.reload();
    p.events.start();

    buildWindow();
    connect(&p.account, &AccountService::changed, this, &HolderSession::updateVerificationMethods);
    updateVerificationMethods();
}

HolderSession::~HolderSession()
{
    // Before the services it reads from go: no frame may arrive into half a session.
    m_parts->events.stop();
}

void HolderSession::buildWindow()
{
    Parts& p = *m_parts;
    p.actions = std::make_unique<SignOutActions>(&p.signOut, &p.deviceModel);
    p.people = std::make_unique<ProfileDevices>(&p.deviceModel);
    p.confirmActions = std::make_unique<ConfirmActions>(&p.confirmDevices, &p.deviceModel);
    MainWindow::Pages& pages = p.pages;
    pages.navigator = &p.navigator;
    pages.overview = new OverviewPage(&p.account, &p.navigator);
    pages.devices = new DevicesPage(&p.devices, &p.events, &p.navigator);
    pages.security = new SecurityPage(
        &p.account, {&p.stepUp, &p.passwordChange, &p.twoStep, &p.supportCodes, &p.securityKeys}, &p.navigator);
    pages.profiles = new ProfilesPage(&p.profiles);
    pages.activity = new ActivityPage(&p.activity);
    pages.preferences = new PreferencesPage(m_context.settings, m_context.flow, m_context.session);
    pages.help = new HelpPage(&p.navigator);
    p.window = std::make_unique<MainWindow>(pages, &p.account, m_context.flow, m_context.session);
    MainWindow* window = p.window.get();
    window->setSettings(m_context.settings); // where it keeps its geometry

    p.confirmActions->setWindow(window);
    // Before the sign-out entry points: the details pane reads "Confirm…", then "Sign Out This Device…".
    pages.devices->setConfirmActions(p.confirmActions.get());
    auto* launcher = new SignOutDialogLauncher(&p.signOut, window);
    auto* banner = new PendingSignOutBanner(p.signOut.results(), pages.devices);
    connect(banner, &PendingSignOutBanner::resultsRequested, launcher, &SignOutDialogLauncher::showResults);
    connect(launcher, &SignOutDialogLauncher::shortenWaitRequested, window, [launcher, api = m_context.api] {
        ShortenWaitDialog::open(api, launcher->dialog());
    });
    pages.devices->setSignOutActions(p.actions.get(), banner);
    pages.profiles->setSignOutActions(p.actions.get(), p.people.get());
    pages.devices->setProfileDevices(p.people.get());

    pages.overview->setDevices(&p.devices);
    pages.overview->setSignOutActions(p.actions.get());
    p.tvActions = std::make_unique<TvSignInActions>(&p.tvSignIn, &p.profiles, &p.deviceModel, p.actions.get());
    pages.devices->setTvSignIn(p.tvActions.get(), &p.guestEndings);
    pages.overview->addHeaderButton(p.tvActions->createSignInButton(pages.overview));
    DevicesPage* devices = pages.devices;
    connect(pages.overview, &OverviewPage::devicesRequested, devices, [window, devices](auto kind) {
        devices->applyPreset(kind);
        window->showSection(Section::Devices);
    });
    const auto newestDevices = [window, devices] {
        devices->showNewestFirst();
        window->showSection(Section::Devices);
    };
    connect(pages.overview, &OverviewPage::newestDevicesRequested, devices, newestDevices);
    pages.preferences->setAccountSettings(&p.accountSettings);

    p.alerts = std::make_unique<AlertsController>(&p.signInAlerts, m_context.settings, window, p.actions.get());
    connect(p.alerts.get(), &AlertsController::devicesRequested, window, newestDevices);
    p.alerts->setConfirmActions(p.confirmActions.get());
    connect(p.alerts.get(), &AlertsController::deviceRequested, devices, [window, devices](const QString& id) {
        window->showSection(Section::Devices);
        devices->showDevice(id);
    });
    // A guest's access ended by itself: told on the desktop like a new sign-in, by the same switch.
    DesktopNotifier* notifier = p.alerts->notifier();
    AppSettings* settings = m_context.settings;
    connect(&p.guestEndings, &GuestEndings::ended, notifier, [notifier, settings](const QString&, const QString& name) {
        if (settings->signInAlerts())
            notifier->show(SignInAlert{{}, GuestEndings::title(), GuestEndings::text(name)});
    });
    connect(pages.help, &HelpPage::reportProblemRequested, window, [this] { openProblemReport(); });
    if (m_context.demoOutbox)
        attachDemoInbox();
}

void HolderSession::openProblemReport()
{
    DemoOutbox* demo = m_context.demoOutbox;
    auto* report = new ProblemReport(demo ? demo->network() : nullptr);
    if (demo)
        report->setDemoService(demo->serviceUrl(), demo->adminKey());
    auto* dialog = new ReportProblemDialog(report, m_parts->window.get());
    report->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HolderSession::attachDemoInbox()
{
    Parts& p = *m_parts;
    MainWindow* window = p.window.get();
    p.inbox = std::make_unique<DemoInboxWindow>(m_context.demoOutbox);
    DemoInboxWindow* inbox = p.inbox.get();
    auto* show = new QAction(tr("Show Demo Inbox"), window);
    show->setToolTip(tr("The codes the demo service sent by email or text message"));
    connect(show, &QAction::triggered, inbox, [inbox, window] { inbox->showBeside(window); });
    window->addAccountMenuAction(show);
    // A code was "sent": show where it went, as a mail notification would.
    connect(m_context.demoOutbox, &DemoOutbox::messageArrived, inbox, [inbox, window] { inbox->showBeside(window); });
    m_context.demoOutbox->setPolling(true);
}

void HolderSession::updateVerificationMethods()
{
    // The service has the last word (it answers 422 for a method an account lacks); offering only
    // what the account has saves the user that detour. Password and email always work.
    Parts& p = *m_parts;
    QStringList methods{QStringLiteral("password"), QStringLiteral("email")};
    if (const auto& overview = p.account.overview()) {
        const TwoStepMethods& twoStep = overview->account.twoStep;
        if (twoStep.sms)
            methods.append(QStringLiteral("sms"));
        if (twoStep.totp)
            methods.append({QStringLiteral("totp"), QStringLiteral("recovery")});
    }
    p.signOut.stepUpFlow()->setAvailableMethods(methods);
    p.confirmActions->setStepUpMethods(methods);
    p.tvActions->setStepUpMethods(methods);
    // The Preferences page asks the same before changing the auto sign-out of unused devices.
    p.pages.preferences->setStepUpMethods(methods);
}

MainWindow* HolderSession::window() const
{
    return m_parts->window.get();
}

AccountService* HolderSession::account() const
{
    return &m_parts->account;
}

DeviceListModel* HolderSession::deviceModel() const
{
    return &m_parts->deviceModel;
}

DeviceService* HolderSession::devices() const
{
    return &m_parts->devices;
}

EventStream* HolderSession::events() const
{
    return &m_parts->events;
}

SignOutFlow* HolderSession::signOut() const
{
    return &m_parts->signOut;
}

ProfileService* HolderSession::profiles() const
{
    return &m_parts->profiles;
}

ActivityService* HolderSession::activity() const
{
    return &m_parts->activity;
}

} // namespace vigil
