#include "auth/TokenRoutes.h"

#include "auth/SessionIssuer.h"
#include "auth/TokenAuthenticator.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "http/FieldReader.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"

namespace mockd {

namespace {

ApiError invalidRefresh(const QString& message)
{
    return ApiError::unauthorized(QStringLiteral("invalid_refresh"), message);
}

} // namespace

TokenRoutes::TokenRoutes(Store& store, const Clock& clock, SessionIssuer& issuer, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_issuer(issuer), m_retryGrace(store.database())
{}

TokenRoutes::~TokenRoutes() = default;

void TokenRoutes::registerRoutes(Router& router)
{
    router.add("POST",
               QStringLiteral("/v1/auth/refresh"),
               {Access::publicRoute(), true},
               [this](const RequestContext& c) { refresh(c); });
    router.add("POST",
               QStringLiteral("/v1/auth/logout"),
               {Access::roles({Role::Holder, Role::Support}), false},
               [this](const RequestContext& c) { logout(c); });
}

void TokenRoutes::revokeSession(const QString& sessionId,
                                const QString& reason,
                                const QString& ip,
                                const QString& actor)
{
    const Session* session = m_store.sessions().session(sessionId);
    if (!session)
        return;
    AuditEntry entry;
    entry.accountId = session->accountId;
    entry.deviceId = session->deviceId;
    entry.atMs = m_clock.nowMs();
    entry.type = reason == QLatin1String("refresh_token_reuse") ? QStringLiteral("refresh_token_reuse")
                                                                : QStringLiteral("sign_out");
    entry.actor = actor;
    entry.ip = ip;
    entry.details = {{QStringLiteral("session_id"), sessionId}, {QStringLiteral("reason"), reason}};
    Transaction transaction(m_store.database());
    if (auto ok = m_store.sessions().revoke(sessionId, entry.atMs, reason); !ok)
        qCCritical(lcAuth) << "cannot revoke a session:" << ok.error();
    if (auto ok = m_store.audit().append(entry); !ok)
        qCWarning(lcAuth) << "cannot write an audit entry:" << ok.error();
    if (!transaction.commit()) {
        (void)m_store.reload();
        return;
    }
    Q_EMIT sessionRevoked(sessionId, entry.accountId, entry.deviceId, reason);
}

void TokenRoutes::refresh(const RequestContext& context)
{
    FieldReader body(context.body);
    const QString token = body.string(QStringLiteral("refresh_token"), {.maxLength = 128});
    if (!body.ok())
        return context.fail(*body.error());
    if (!Tokens::hasShape(Tokens::Kind::Refresh, token))
        return context.fail(invalidRefresh(QStringLiteral("The refresh token is not valid. Sign in again.")));

    const QByteArray hash = Tokens::hash(token);
    const RefreshToken* used = m_store.currentRefresh(hash);
    if (!used || !Tokens::sameHash(used->hash, hash))
        return context.fail(invalidRefresh(QStringLiteral("The refresh token is not valid. Sign in again.")));
    const Session* session = m_store.sessions().session(used->sessionId);
    const Account* account = session ? m_store.accounts().byId(session->accountId) : nullptr;
    if (!session || !account)
        return context.fail(invalidRefresh(QStringLiteral("The refresh token is not valid. Sign in again.")));
    if (session->isRevoked() || session->issuedAtMs < account->notBeforeMs) {
        if (m_revokedSeen)
            m_revokedSeen(session->id);
        return context.fail(TokenAuthenticator::sessionRevoked());
    }

    const QString ip = context.request.peerText();
    if (used->rotatedAtMs != 0) {
        // The client may never have seen the answer of the exchange: while the pair it was given was
        // not refreshed, the same address asking again within seconds gets that same pair, nothing new.
        if (const auto answer = m_retryGrace.retry(token, ip, m_clock.nowMs())) {
            const RefreshToken* next = m_store.sessions().refresh(answer->nextRefreshHash);
            if (next && next->rotatedAtMs == 0 && next->sessionId == session->id) {
                qCInfo(lcAuth) << "refresh retried within its grace; the same pair again for session" << session->id;
                return context.respond(HttpResponse::jsonBody(answer->body));
            }
        }
        // Someone presents a token that was already exchanged: either the client or a thief holds
        // a stale copy. RFC 9700 §4.14.2: end the whole family.
        qCWarning(lcAuth) << "refresh token reuse; revoking session" << session->id;
        revokeSession(session->id, QStringLiteral("refresh_token_reuse"), ip, QStringLiteral("system"));
        ApiError revoked = TokenAuthenticator::sessionRevoked();
        revoked.message = QStringLiteral("This refresh token was already used, so the session was signed out to be "
                                         "safe. Sign in again.");
        return context.fail(revoked);
    }
    if (used->expiresAtMs <= m_clock.nowMs())
        return context.fail(invalidRefresh(QStringLiteral("The sign-in has expired. Sign in again.")));

    const RefreshToken usedCopy = *used;
    const Session sessionCopy = *session;
    const auto issued = m_issuer.rotate(usedCopy, sessionCopy);
    if (!issued)
        return context.fail(issued.error());
    const QByteArray pair = SessionIssuer::tokenPairJson(*issued, *m_store.accounts().byId(sessionCopy.accountId));
    m_retryGrace.remember(token, {Tokens::hash(issued->refreshToken), ip, m_clock.nowMs(), pair});
    context.respond(HttpResponse::jsonBody(pair));
}

void TokenRoutes::logout(const RequestContext& context)
{
    revokeSession(context.principal->sessionId,
                  QStringLiteral("sign_out"),
                  context.request.peerText(),
                  roleName(context.principal->role));
    context.respond(HttpResponse::noContent());
}

} // namespace mockd
