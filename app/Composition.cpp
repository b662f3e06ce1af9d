#include "Composition.h"

#include "app/FirstPaint.h"
#include "app/HolderSession.h"
#include "app/SupportSession.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoOutbox.h"
#include "core/demo/DemoService.h"
#include "core/securitykeys/Authenticator.h"
#include "core/settings/AppSettings.h"
#include "ui/main/MainWindow.h"
#include "ui/signin/SignInWindow.h"
#include "ui/support/SupportWindow.h"

#include <QPointer>

namespace vigil {

// Declared in construction order: each object is built after the ones it is handed.
struct Composition::Parts
{
    Parts(QNetworkAccessManager* network, AppSettings* settings, CredentialStore* credentials, bool demo)
        : settings(settings), demo(demo), api(network, &session), flow(&api, &session, credentials, settings),
          demoOutbox(network), signInWindow(&flow, settings)
    {}

    void begin();
    void end();
    QWidget* window() const;
    SessionContext context();

    AppSettings* settings;
    bool demo;
    std::function<std::unique_ptr<Authenticator>()> authenticators;
    Session session;
    ApiClient api;
    SignInFlow flow;
    DemoOutbox demoOutbox;
    SignInWindow signInWindow;
    // Parent of the signed-in session while it lives; a session ended (deleteLater) but not yet
    // deleted when the composition goes is deleted with it.
    QObject sessions;
    QPointer<HolderSession> holder;
    QPointer<SupportSession> support;
};

SessionContext Composition::Parts::context()
{
    return {&api, &session, &flow, settings, &signInWindow, demo ? &demoOutbox : nullptr, authenticators};
}

QWidget* Composition::Parts::window() const
{
    if (holder)
        return holder->window();
    if (support)
        return support->window();
    return nullptr;
}

void Composition::Parts::begin()
{
    if (holder || support)
        return;
    if (session.account().role == Account::Role::Support)
        support = new SupportSession(context(), &sessions);
    else
        holder = new HolderSession(context(), &sessions);
    QWidget* shown = window();
    shown->show();
    shown->raise();
    shown->activateWindow();
    signInWindow.hide();
}

void Composition::Parts::end()
{
    QWidget* shown = window();
    if (!shown)
        return;
    shown->hide();
    // Later, not now: the sign-out may have started inside that session (its menu, its flows).
    if (holder)
        std::exchange(holder, nullptr)->deleteLater();
    if (support)
        std::exchange(support, nullptr)->deleteLater();
    signInWindow.show();
    signInWindow.raise();
    signInWindow.activateWindow();
}

Composition::Composition(QNetworkAccessManager* network, AppSettings* settings, CredentialStore* credentials, bool demo)
    : m_parts(std::make_unique<Parts>(network, settings, credentials, demo))
{
    Parts& p = *m_parts;
    p.flow.setEphemeral(demo);
    if (demo)
        p.flow.setEphemeralDeviceCookie(DemoService::demoDeviceCookie);
    QObject::connect(&p.flow, &SignInFlow::stateChanged, &p.sessions, [&p](SignInFlow::State state) {
        if (state == SignInFlow::State::SignedIn)
            p.begin();
        else
            p.end();
    });
}

Composition::~Composition() = default;

void Composition::setAuthenticators(std::function<std::unique_ptr<Authenticator>()> authenticators)
{
    m_parts->authenticators = std::move(authenticators);
}

void Composition::show()
{
    Parts& p = *m_parts;
    if (QWidget* shown = p.window()) {
        shown->show();
        return;
    }
    p.signInWindow.show();
    p.signInWindow.raise();
    p.signInWindow.activateWindow();
}

void Composition::showThen(const QString& loadingText, std::function<void()> begin)
{
    Parts& p = *m_parts;
    if (!loadingText.isEmpty())
        p.signInWindow.showLoading(loadingText);
    show();
    FirstPaint::after(&p.signInWindow, &p.sessions, [&p, begin = std::move(begin)] {
        begin();
        // Nothing started (no saved sign-in after all): the form, not a spinner that never ends.
        if (p.flow.state() == SignInFlow::State::SignedOut && !p.demo)
            p.signInWindow.endLoading();
    });
}

void Composition::signInToDemo(const QUrl& url, const QString& adminKey)
{
    Parts& p = *m_parts;
    p.demoOutbox.setService(url, adminKey);
    p.signInWindow.showDemo(url.toString(), QString(DemoService::demoEmail), QString(DemoService::demoPassword));
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

SignInWindow* Composition::signInWindow() const
{
    return &m_parts->signInWindow;
}

DemoOutbox* Composition::demoOutbox() const
{
    return &m_parts->demoOutbox;
}

HolderSession* Composition::holder() const
{
    return m_parts->holder;
}

SupportSession* Composition::support() const
{
    return m_parts->support;
}

} // namespace vigil
