#pragma once

#include <QtGlobal>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QString;
class QUrl;

namespace vigil {

class AppSettings;
class Authenticator;
class CredentialStore;
class DemoOutbox;
class HolderSession;
class Session;
class SignInFlow;
class SignInWindow;
class SupportSession;

// The client's composition root. It keeps what outlives a sign-in (session tokens, the API client,
// the sign-in flow and window, the demo inbox's reader) and, while someone is signed in, one
// HolderSession or SupportSession that owns everything of that sign-in, its window included.
// Signing out deletes that object. What differs between the real app, a tour of its pages and a
// test (network, where settings are kept, which keychain, demo or not) comes in from outside;
// options, QApplication and the demo service's lifecycle stay with the caller.
class Composition final
{
    Q_DISABLE_COPY_MOVE(Composition)

public:
    // network, settings and credentials must outlive the composition. In demo mode the sign-in is
    // not remembered and the main window offers the demo inbox.
    Composition(QNetworkAccessManager* network, AppSettings* settings, CredentialStore* credentials, bool demo);
    ~Composition();

    // The demo service is up: show its account on the sign-in window and sign in to it.
    void signInToDemo(const QUrl& url, const QString& adminKey);
    // What talks to security keys in the sign-ins to come (default: the platform's).
    void setAuthenticators(std::function<std::unique_ptr<Authenticator>()> authenticators);
    // Shows the window that fits the sign-in state.
    void show();
    // Start-up: shows the sign-in window at once, saying `loadingText` (when not empty), and runs
    // `begin` (start the demo service, read the keychain, sign in) only once that window's first
    // frame is on screen, so nothing slow or waiting comes before it.
    void showThen(const QString& loadingText, std::function<void()> begin);

    Session* session() const;
    SignInFlow* signInFlow() const;
    SignInWindow* signInWindow() const;
    DemoOutbox* demoOutbox() const;
    // The current sign-in: an account holder's, a support staff member's, or none.
    HolderSession* holder() const;
    SupportSession* support() const;

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace vigil
