#include "auth/TokenAuthenticator.h"

#include "auth/Tokens.h"
#include "auth/YoungSessions.h"
#include "base/Clock.h"
#include "store/Store.h"

namespace mockd {

namespace {

ApiError bearerError(const QString& code, const QString& message, bool invalidToken)
{
    ApiError error = ApiError::unauthorized(code, message);
    error.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                          invalidToken ? QByteArrayLiteral("Bearer realm=\"vigil\", error=\"invalid_token\"")
                                       : QByteArrayLiteral("Bearer realm=\"vigil\"")});
    return error;
}

} // namespace

TokenAuthenticator::TokenAuthenticator(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

ApiError TokenAuthenticator::tokenMissing()
{
    return bearerError(
        QStringLiteral("token_missing"), QStringLiteral("Sign in first: no access token was sent."), false);
}

ApiError TokenAuthenticator::tokenInvalid()
{
    return bearerError(QStringLiteral("token_invalid"), QStringLiteral("The access token is not valid."), true);
}

ApiError TokenAuthenticator::tokenExpired()
{
    return bearerError(QStringLiteral("token_expired"),
                       QStringLiteral("The access token has expired; refresh it and try again."),
                       true);
}

ApiError TokenAuthenticator::sessionRevoked()
{
    return bearerError(
        QStringLiteral("session_revoked"), QStringLiteral("This device was signed out. Sign in again."), true);
}

ApiError TokenAuthenticator::sessionExpired()
{
    return bearerError(
        QStringLiteral("session_expired"), QStringLiteral("This sign-in has expired. Sign in again."), true);
}

std::optional<ApiError> TokenAuthenticator::sessionEnded(const QString& sessionId) const
{
    const Session* session = m_store.sessions().session(sessionId);
    const Account* account = session ? m_store.accounts().byId(session->accountId) : nullptr;
    if (!session || !account || session->isRevoked() || session->issuedAtMs < account->notBeforeMs)
        return sessionRevoked();
    if (session->expiresAtMs <= m_clock.nowMs())
        return sessionExpired();
    return std::nullopt;
}

Expected<Principal, ApiError> TokenAuthenticator::authenticate(const HttpRequest& request)
{
    const QByteArray header = request.header("authorization");
    if (header.trimmed().isEmpty())
        return unexpected(tokenMissing());
    static constexpr QByteArrayView scheme("bearer ");
    if (header.size() <= scheme.size() ||
        QByteArrayView(header).first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return unexpected(tokenInvalid());
    const QString token = QString::fromLatin1(QByteArrayView(header).sliced(scheme.size()).trimmed());
    if (!Tokens::hasShape(Tokens::Kind::Access, token))
        return unexpected(tokenInvalid());

    const QByteArray hash = Tokens::hash(token);
    const AccessToken* access = m_store.currentAccess(hash);
    if (!access || !Tokens::sameHash(access->hash, hash))
        return unexpected(tokenInvalid());
    const Session* session = m_store.sessions().session(access->sessionId);
    const Account* account = session ? m_store.accounts().byId(session->accountId) : nullptr;
    if (!session || !account)
        return unexpected(tokenInvalid());
    if (session->isRevoked() || session->issuedAtMs < account->notBeforeMs) {
        if (m_revokedSeen)
            m_revokedSeen(session->id);
        return unexpected(sessionRevoked());
    }
    const qint64 now = m_clock.nowMs();
    if (access->expiresAtMs <= now)
        return unexpected(tokenExpired());
    Principal principal{account->id, session->id, session->deviceId, account->role, access->expiresAtMs};
    principal.authenticatedAtMs = now;
    principal.guest = m_store.guests().isGuest(session->id);
    if (m_young && account->role == Role::Holder)
        principal.newUntilMs = m_young->newUntilMs(*session);
    // Only for new sessions: established ones never pay for the account-wide look.
    if (principal.newUntilMs > 0)
        principal.mayShortenWait = m_young->mayShortenWait(*account, principal.newUntilMs);
    return principal;
}

} // namespace mockd
