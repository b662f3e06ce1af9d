#pragma once

#include "core/api/ApiError.h"
#include "core/auth/CredentialStore.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace vigil {

class ApiClient;
class AppSettings;
class Session;
struct TokenPair;

// Signing in and out of Vigil, as a state machine the sign-in window renders:
//   SignedOut → SigningIn → (NeedsCode → VerifyingCode →) SignedIn
//   SignedOut → Restoring (saved refresh token from the keychain) → SignedIn | SignedOut
// It decides what is remembered: with "Remember me" the refresh token goes to the keychain (and
// follows every rotation); server and email go to the settings. The service's device cookie goes
// to the keychain after every sign-in, remembered or not, stays there after signing out, and is
// sent with the next sign-in to that account (never in demo mode). No widget, no dialog.
class SignInFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInFlow)

public:
    enum class State
    {
        SignedOut,
        Restoring,
        SigningIn,
        NeedsCode,
        VerifyingCode,
        SignedIn,
    };
    Q_ENUM(State)

    // Which input a problem is about, so the UI can show it next to that field and focus it.
    enum class Field
    {
        None,
        Server,
        Email,
        Password,
        Code,
    };
    Q_ENUM(Field)

    struct Problem
    {
        Field field = Field::None;
        QString message;
        std::optional<ApiError> error; // absent for input checks made before any request
    };

    struct Credentials
    {
        QString server; // as typed
        QString email;
        QString password;
        bool remember = true;
    };

    SignInFlow(
        ApiClient* api, Session* session, CredentialStore* store, AppSettings* settings, QObject* parent = nullptr);
    ~SignInFlow() override;

    State state() const { return m_state; }
    bool isBusy() const;
    // Demo mode: nothing is written to the settings or the keychain.
    void setEphemeral(bool ephemeral) { m_ephemeral = ephemeral; }
    // Demo mode: the device cookie the demo scenario gives this computer, sent with each sign-in
    // so the service counts it as a device the owner has used for a long time (never stored).
    void setEphemeralDeviceCookie(const QString& cookie) { m_ephemeralDeviceCookie = cookie; }
    bool isEphemeral() const { return m_ephemeral; }
    // Whether the current sign-in is kept in the keychain.
    bool isRemembering() const { return m_remember; }
    QStringList codeMethods() const { return m_codeMethods; }

    // Signs in again with the refresh token saved in the keychain, if there is one.
    void restore();
    void signIn(const Credentials& credentials);
    void submitCode(const QString& code);
    // Leaves the code step and returns to the credentials.
    void cancelCode();
    // "Sign Out of Vigil": forgets the tokens and the keychain entry now, then tells the server.
    void signOut();
    // The Preferences switch: saves the current sign-in to the keychain or removes it.
    void setRemember(bool remember);

Q_SIGNALS:
    void stateChanged(vigil::SignInFlow::State state);
    void problemOccurred(const vigil::SignInFlow::Problem& problem);
    // Information that needs no action, e.g. that there is no keychain to remember the sign-in in.
    void notice(const QString& text);

private:
    void setState(State state);
    void report(Field field, const ApiError& error);
    void report(Field field, const QString& message);
    void sendLogin(const QJsonObject& body);
    void finishSignIn(const TokenPair& tokens);
    void saveDeviceCookie(const QString& cookie);
    void saveRefreshToken();
    void forgetRefreshToken(const QString& key);
    void onSessionEnded(const ApiError& reason);

    ApiClient* m_api;
    Session* m_session;
    CredentialStore* m_store;
    AppSettings* m_settings;
    State m_state = State::SignedOut;
    bool m_ephemeral = false;
    QString m_ephemeralDeviceCookie;

    // The sign-in in progress (never the password).
    QUrl m_server;
    QString m_email;
    bool m_rememberRequested = true;
    QString m_mfaToken;
    QStringList m_codeMethods;

    // The current sign-in's keychain entry.
    bool m_remember = false;
    QString m_rememberKey;
};

} // namespace vigil
