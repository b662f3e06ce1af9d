#include "Composition.h"

#include "app/LivePages.h"
#include "core/account/AccountService.h"
#include "core/account/AccountSettingsService.h"
#include "core/activity/ActivityService.h"
#include "core/alerts/ActivityLiveReload.h"
#include "core/alerts/SignInAlerts.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoOutbox.h"
#include "core/demo/DemoService.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"
#include "core/flows/SignOutFlow.h"
#include "core/profiles/ProfileService.h"
#include "core/security/PasswordChangeFlow.h"
#include "core/security/SupportCodeService.h"
#include "core/security/TwoStepService.h"
#include "core/settings/AppSettings.h"
#include "core/stepup/StepUpService.h"
#include "core/support/SupportConsole.h"
#include "ui/main/WindowController.h"
#include "ui/signin/SignInWindow.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace vigil {

// Declared in construction order: each object is built after the ones it is handed.
struct Composition::Parts
{
    Parts(AppSettings* appSettings, CredentialStore* credentials, bool demo)
        : settings(*appSettings), flow(&api, &session, credentials, appSettings),
          windows(&flow, &session, &account, appSettings), pages({&windows,
                                                                  &account,
                                                                  &devices,
                                                                  &events,
                                                                  &signOut,
                                                                  demo ? &demoOutbox : nullptr,
                                                                  &profiles,
                                                                  &activity,
                                                                  &signInAlerts,
                                                                  appSettings,
                                                                  &accountSettings})
    {}

    AppSettings& settings;
    QNetworkAccessManager network;
    Session session;
    ApiClient api{&network, &session};
    SignInFlow flow;
    AccountService account{&api, &session};
    ProfileService profiles{&api, &session};
    ActivityService activity{&api, &session};
    DeviceListModel deviceModel;
    DeviceService devices{&api, &deviceModel};
    EventStream events;
    StepUpService stepUp{&api};
    SignOutFlow signOut{&api, &stepUp, &session};
    // The Security page: password change, 2-step settings, codes for support (issues 7 and 8).
    PasswordChangeFlow passwordChange{&api, &stepUp};
    TwoStepService twoStep{&api, &stepUp};
    SupportCodeService supportCodes{&api, &stepUp};
    // Issue 7: alerts about other devices signing in, the Activity page kept current, auto sign-out.
    SignInAlerts signInAlerts{[this] { return session.deviceId(); }, [this] { return api.serverClock().now(); }};
    ActivityLiveReload activityLive{&activity};
    AccountSettingsService accountSettings{&api, &session, &stepUp};
    DemoOutbox demoOutbox{&network};
    WindowController windows;
    // Issue 8: a support account opens support mode, with its own services and its own sign-out
    // flow (the customer's code instead of a step-up), never the holder's objects.
    SupportConsole supportConsole{&api, &session};
    SignOutFlow supportSignOut{&api, &stepUp, &session};
    LivePages pages;
};

Composition::Composition(AppSettings* settings, CredentialStore* credentials, bool demo)
    : m_parts(std::make_unique<Parts>(settings, credentials, demo))
{
    Parts& p = *m_parts;
    // "2 min ago", "inactive for 90+ days": by the service's clock (which QA can move).
    p.deviceModel.setRelativeTime(RelativeTime([&p] { return p.api.serverClock().now(); }));
    p.devices.setEventStream(&p.events);
    p.events.setTokenProvider([&p] { return p.session.accessToken(); });
    // Any authenticated call refreshes an expired token (or ends a revoked session) in ApiClient.
    const auto checkSession = [&p] { p.api.send(ApiRequest::get(QStringLiteral("/v1/me"))); };
    p.events.setTokenRefresher(checkSession);
    QObject::connect(&p.events, &EventStream::sessionEnded, &p.api, checkSession);
    QObject::connect(&p.session, &Session::tokensChanged, &p.events, &EventStream::tokenRefreshed);
    p.flow.setEphemeral(demo);

    QObject::connect(&p.session, &Session::signedOut, &p.stepUp, &StepUpService::clearToken);
    QObject::connect(&p.events, &EventStream::eventReceived, &p.signOut, &SignOutFlow::applyEvent);
    p.signInAlerts.setEnabledSwitch([&p] { return p.settings.signInAlerts(); });
    QObject::connect(&p.events, &EventStream::eventReceived, &p.signInAlerts, &SignInAlerts::applyEvent);
    QObject::connect(&p.session, &Session::signedOut, &p.signInAlerts, &SignInAlerts::clear);
    QObject::connect(&p.events, &EventStream::eventReceived, &p.activityLive, &ActivityLiveReload::applyEvent);

    p.windows.setSupportParts({&p.supportConsole, &p.supportSignOut, &p.flow, &p.session});
    // Every device was signed out, this one included: back to sign-in, keychain entry gone.
    QObject::connect(&p.signOut, &SignOutFlow::returnToSignInRequested, &p.flow, [&p] {
        p.flow.signOut();
        p.windows.signInWindow()->showNotice(QCoreApplication::translate(
            "main", "You signed out every device, this computer included. Sign in again to keep using Vigil."));
    });
    p.pages.setSecurityServices(&p.stepUp, &p.passwordChange, &p.twoStep, &p.supportCodes);
    // A password change that signed every device out, this one included: back to sign-in.
    QObject::connect(&p.passwordChange, &PasswordChangeFlow::returnToSignInRequested, &p.flow, [&p] {
        p.flow.signOut();
        p.windows.signInWindow()->showNotice(QCoreApplication::translate(
            "main", "Your password was changed and every device was signed out. Sign in with your new password."));
    });
    QObject::connect(&p.flow, &SignInFlow::stateChanged, &p.twoStep, [&p](SignInFlow::State state) {
        if (state == SignInFlow::State::SignedIn && !p.windows.isSupportSession())
            p.twoStep.reload();
        else if (state == SignInFlow::State::SignedOut)
            p.passwordChange.reset();
    });
    // Connected after WindowController's own handler, so the main window exists by now.
    QObject::connect(&p.flow, &SignInFlow::stateChanged, &p.devices, [&p](SignInFlow::State state) {
        if (state == SignInFlow::State::SignedOut) {
            p.events.stop();
            p.devices.clear();
            p.signOut.cancel();
            p.supportSignOut.cancel();
            return;
        }
        if (state != SignInFlow::State::SignedIn || p.windows.isSupportSession())
            return;
        p.pages.attach();
        p.events.setServerUrl(p.session.serverUrl());
        p.devices.reload();
        p.events.start();
    });
}

Composition::~Composition() = default;

void Composition::signInToDemo(const QUrl& url, const QString& adminKey)
{
    Parts& p = *m_parts;
    p.demoOutbox.setService(url, adminKey);
    p.windows.signInWindow()->showDemo(
        url.toString(), QString(DemoService::demoEmail), QString(DemoService::demoPassword));
    p.flow.signIn({url.toString(), QString(DemoService::demoEmail), QString(DemoService::demoPassword), false});
}

Session* Composition::session() const
{
    return &m_parts->session;
}

SignInFlow* Composition::signInFlow() const
{
    return &m_parts->flow;
}

WindowController* Composition::windows() const
{
    return &m_parts->windows;
}

DemoOutbox* Composition::demoOutbox() const
{
    return &m_parts->demoOutbox;
}

EventStream* Composition::events() const
{
    return &m_parts->events;
}

DeviceListModel* Composition::deviceModel() const
{
    return &m_parts->deviceModel;
}

ProfileService* Composition::profiles() const
{
    return &m_parts->profiles;
}

ActivityService* Composition::activity() const
{
    return &m_parts->activity;
}

} // namespace vigil
