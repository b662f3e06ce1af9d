#include "SignInFlow.h"

#include "core/api/ApiClient.h"
#include "core/api/ServerAddress.h"
#include "core/auth/AuthLogging.h"
#include "core/auth/DeviceDescription.h"
#include "core/auth/ServerLogout.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/settings/AppSettings.h"

#include <QRegularExpression>

namespace vigil {
namespace {

SignInFlow::Field fieldFor(const ApiError& error)
{
    switch (error.code()) {
    case ApiError::Code::InvalidCredentials:
        return SignInFlow::Field::Password;
    case ApiError::Code::NoConnection:
    case ApiError::Code::Timeout:
    case ApiError::Code::Tls:
    case ApiError::Code::InvalidResponse:
    case ApiError::Code::NotFound:
        return SignInFlow::Field::Server;
    case ApiError::Code::InvalidField:
        if (error.field() == QLatin1String("email"))
            return SignInFlow::Field::Email;
        if (error.field() == QLatin1String("password"))
            return SignInFlow::Field::Password;
        return SignInFlow::Field::None;
    default:
        return SignInFlow::Field::None;
    }
}

} // namespace

SignInFlow::SignInFlow(ApiClient* api, Session* session, CredentialStore* store, AppSettings* settings, QObject* parent)
    : QObject(parent), m_api(api), m_session(session), m_store(store), m_settings(settings)
{
    connect(m_session, &Session::tokensChanged, this, [this] {
        if (m_remember)
            saveRefreshToken();
    });
    connect(m_session, &Session::signedOut, this, [this] { setState(State::SignedOut); });
    connect(m_api, &ApiClient::sessionEnded, this, &SignInFlow::onSessionEnded);
}

SignInFlow::~SignInFlow() = default;

bool SignInFlow::isBusy() const
{
    return m_state == State::Restoring || m_state == State::SigningIn || m_state == State::VerifyingCode;
}

void SignInFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SignInFlow::report(Field field, const ApiError& error)
{
    Q_EMIT problemOccurred(Problem{field, error.userText(), error});
}

void SignInFlow::report(Field field, const QString& message)
{
    Q_EMIT problemOccurred(Problem{field, message, std::nullopt});
}

void SignInFlow::restore()
{
    if (m_ephemeral || m_state != State::SignedOut || !m_settings->rememberSignIn())
        return;
    const QUrl saved = m_settings->serverUrl();
    const QString email = m_settings->lastEmail();
    if (saved.isEmpty() || email.isEmpty())
        return;
    // The settings file is only a file: the saved address passes the same checks as a typed one
    // before the refresh token goes anywhere (no plain http:// beyond this computer).
    const auto parsed = ServerAddress::parse(saved.toString());
    if (!parsed) {
        qCWarning(lcAuth) << "the saved server address was refused:" << int(parsed.error());
        report(Field::Server,
               tr("Vigil didn't use your saved sign-in: %1 Check the server address and sign in again.")
                   .arg(ServerAddress::describe(parsed.error())));
        return;
    }
    const QUrl server = parsed.value();

    setState(State::Restoring);
    const QString key = CredentialStore::refreshTokenKey(server, email);
    m_store->read(key, this, [this, server, email, key](const CredentialStore::ReadResult& stored) {
        if (m_state != State::Restoring)
            return;
        if (!stored) {
            if (stored.error().code() != CredentialError::Code::NotFound)
                Q_EMIT notice(stored.error().message());
            setState(State::SignedOut);
            return;
        }
        m_api->setBaseUrl(server);
        const QJsonObject body{{QStringLiteral("refresh_token"), stored.value()}};
        ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/auth/refresh"), body).withoutAuth());
        connect(reply, &ApiReply::finished, this, [this, reply, server, email, key] {
            if (m_state != State::Restoring)
                return;
            const ApiResult& result = reply->result();
            auto tokens = parseResult<TokenPair>(result);
            if (!tokens) {
                const ApiError& error = tokens.error();
                // A refused token will never work again; a network failure may pass.
                if (error.httpStatus() == 401 || error.httpStatus() == 403)
                    forgetRefreshToken(key);
                setState(State::SignedOut);
                report(fieldFor(error), error);
                return;
            }
            qCInfo(lcAuth) << "signed in again from the saved sign-in";
            m_server = server;
            m_email = email;
            m_rememberRequested = true;
            finishSignIn(tokens.value());
        });
    });
}

void SignInFlow::signIn(const Credentials& credentials)
{
    if (isBusy() || m_state == State::SignedIn)
        return;
    const auto server = ServerAddress::parse(credentials.server);
    if (!server) {
        report(Field::Server, ServerAddress::describe(server.error()));
        return;
    }
    const QString email = credentials.email.trimmed();
    static const QRegularExpression emailShape(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    if (email.isEmpty()) {
        report(Field::Email, tr("Enter the email address of your account."));
        return;
    }
    if (!emailShape.match(email).hasMatch()) {
        report(Field::Email, tr("That doesn't look like an email address. Check it and try again."));
        return;
    }
    if (credentials.password.isEmpty()) {
        report(Field::Password, tr("Enter your password."));
        return;
    }

    m_server = server.value();
    m_email = email;
    m_rememberRequested = credentials.remember;
    m_mfaToken.clear();
    setState(State::SigningIn);
    m_api->setBaseUrl(m_server);
    QJsonObject body{{QStringLiteral("email"), email},
                     {QStringLiteral("password"), credentials.password},
                     {QStringLiteral("device"), DeviceDescription::thisComputer()}};
    if (m_ephemeral) {
        if (!m_ephemeralDeviceCookie.isEmpty())
            body.insert(QStringLiteral("device_cookie"), m_ephemeralDeviceCookie);
        return sendLogin(body);
    }
    // This computer's device cookie, when it signed in to the account before: the service then
    // lets it in even while strangers are being throttled for the account.
    m_store->read(CredentialStore::deviceCookieKey(m_server, email),
                  this,
                  [this, body](const CredentialStore::ReadResult& cookie) mutable {
                      if (m_state != State::SigningIn)
                          return;
                      if (cookie && !cookie.value().isEmpty())
                          body.insert(QStringLiteral("device_cookie"), cookie.value());
                      sendLogin(body);
                  });
}

void SignInFlow::sendLogin(const QJsonObject& body)
{
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/auth/login"), body).withoutAuth());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (m_state != State::SigningIn)
            return;
        const ApiResult& result = reply->result();
        if (!result && result.error().code() == ApiError::Code::MfaRequired) {
            m_mfaToken = result.error().mfaToken();
            m_codeMethods = result.error().mfaMethods();
            setState(State::NeedsCode);
            return;
        }
        auto tokens = parseResult<TokenPair>(result);
        if (!tokens) {
            setState(State::SignedOut);
            report(fieldFor(tokens.error()), tokens.error());
            return;
        }
        finishSignIn(tokens.value());
    });
}

void SignInFlow::submitCode(const QString& code)
{
    if (m_state != State::NeedsCode)
        return;
    QString cleaned = code;
    cleaned.remove(QLatin1Char(' '));
    cleaned.remove(QLatin1Char('-'));
    if (cleaned.isEmpty()) {
        report(Field::Code, tr("Enter the 6-digit code from your authenticator app."));
        return;
    }
    // An authenticator code when the account has one; otherwise whatever the service offered first.
    QString method = QStringLiteral("totp");
    if (!m_codeMethods.isEmpty() && !m_codeMethods.contains(method))
        method = m_codeMethods.constFirst();
    setState(State::VerifyingCode);
    const QJsonObject body{{QStringLiteral("mfa_token"), m_mfaToken},
                           {QStringLiteral("method"), method},
                           {QStringLiteral("code"), cleaned}};
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/auth/mfa"), body).withoutAuth());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (m_state != State::VerifyingCode)
            return;
        const ApiResult& result = reply->result();
        auto tokens = parseResult<TokenPair>(result);
        if (tokens) {
            m_mfaToken.clear();
            finishSignIn(tokens.value());
            return;
        }
        const ApiError& error = tokens.error();
        const bool challengeDead = error.code() == ApiError::Code::InvalidCode && error.attemptsLeft() == 0;
        const bool staysOnCode = (error.code() == ApiError::Code::InvalidCode && !challengeDead) || error.isTransient();
        if (staysOnCode) {
            setState(State::NeedsCode);
            report(Field::Code, error);
            return;
        }
        // The 2-step sign-in itself is over (expired, refused): start again from the password.
        m_mfaToken.clear();
        setState(State::SignedOut);
        if (challengeDead)
            report(Field::Password, tr("Too many wrong codes. Enter your password again to get a new try."));
        else if (error.httpStatus() == 401)
            report(Field::Password, tr("The sign-in took too long to finish. Enter your password again."));
        else
            report(Field::None, error);
    });
}

void SignInFlow::cancelCode()
{
    if (m_state != State::NeedsCode)
        return;
    m_mfaToken.clear();
    setState(State::SignedOut);
}

void SignInFlow::finishSignIn(const TokenPair& tokens)
{
    m_remember = !m_ephemeral && m_rememberRequested;
    m_rememberKey = CredentialStore::refreshTokenKey(m_server, m_email);
    if (!m_ephemeral) {
        m_settings->setServerUrl(m_server);
        m_settings->setLastEmail(m_email);
        m_settings->setRememberSignIn(m_rememberRequested);
        if (!m_remember)
            forgetRefreshToken(m_rememberKey);
    }
    if (!m_ephemeral && !tokens.deviceCookie.isEmpty())
        saveDeviceCookie(tokens.deviceCookie);
    // The demo computer's cookie was replaced by this one: the next demo sign-in needs it (memory only).
    if (m_ephemeral && !m_ephemeralDeviceCookie.isEmpty() && !tokens.deviceCookie.isEmpty())
        m_ephemeralDeviceCookie = tokens.deviceCookie;
    TokenPair sessionTokens = tokens;
    sessionTokens.deviceCookie.clear();            // the session has no use for it
    m_session->setTokens(m_server, sessionTokens); // saves the refresh token through tokensChanged
    setState(State::SignedIn);
}

void SignInFlow::saveDeviceCookie(const QString& cookie)
{
    // Kept whether or not the sign-in is remembered, and across "Sign Out of Vigil": it proves the
    // computer, not a session, and signs nobody in. A new one replaces the old one.
    m_store->write(CredentialStore::deviceCookieKey(m_server, m_email),
                   cookie,
                   this,
                   [](const CredentialStore::WriteResult& written) {
                       if (!written)
                           qCWarning(lcAuth) << "could not keep the device cookie in the keychain";
                   });
}

void SignInFlow::saveRefreshToken()
{
    if (m_rememberKey.isEmpty() || !m_session->isSignedIn())
        return;
    m_store->write(m_rememberKey, m_session->refreshToken(), this, [this](const CredentialStore::WriteResult& written) {
        if (written)
            return;
        // No keychain: carry on, but stop trying and say once why Vigil won't remember.
        m_remember = false;
        Q_EMIT notice(written.error().message());
    });
}

void SignInFlow::forgetRefreshToken(const QString& key)
{
    m_store->remove(key, this, [](const CredentialStore::WriteResult& removed) {
        if (!removed)
            qCWarning(lcAuth) << "could not remove the saved sign-in from the keychain";
    });
}

void SignInFlow::setRemember(bool remember)
{
    if (m_ephemeral)
        return;
    m_settings->setRememberSignIn(remember);
    m_rememberRequested = remember;
    if (m_state != State::SignedIn || m_remember == remember)
        return;
    m_remember = remember;
    if (remember)
        saveRefreshToken();
    else
        forgetRefreshToken(m_rememberKey);
}

void SignInFlow::signOut()
{
    if (m_state != State::SignedIn)
        return;
    qCInfo(lcAuth) << "signing out of Vigil";
    if (!m_rememberKey.isEmpty() && !m_ephemeral)
        forgetRefreshToken(m_rememberKey);
    m_remember = false;
    if (m_session->isSignedIn())
        (new ServerLogout(m_api, m_session->accessToken(), m_session->refreshToken()))->start();
    m_session->clear(); // → SignedOut
    setState(State::SignedOut);
}

void SignInFlow::onSessionEnded(const ApiError& reason)
{
    if (!m_rememberKey.isEmpty() && !m_ephemeral)
        forgetRefreshToken(m_rememberKey);
    m_remember = false;
    setState(State::SignedOut);
    report(Field::None, reason);
}

} // namespace vigil
