#include "Session.h"

#include "core/auth/AuthLogging.h"

namespace vigil {

Session::Session(QObject* parent) : QObject(parent) {}

Session::~Session() = default;

void Session::setTokens(const QUrl& serverUrl, const TokenPair& tokens)
{
    const bool wasSignedIn = isSignedIn();
    m_serverUrl = serverUrl;
    m_tokens = tokens;
    m_accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(tokens.expiresInSeconds);
    if (!wasSignedIn)
        qCInfo(lcAuth) << "session started for account" << tokens.account.id;
    Q_EMIT tokensChanged();
    if (!wasSignedIn)
        Q_EMIT signedIn();
}

void Session::clear()
{
    if (!isSignedIn())
        return;
    qCInfo(lcAuth) << "session ended for account" << m_tokens.account.id;
    m_tokens = TokenPair{};
    m_accessExpiresAt = {};
    Q_EMIT signedOut();
}

} // namespace vigil
