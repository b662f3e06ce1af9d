#pragma once

#include "core/auth/TokenPair.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

namespace vigil {

// The signed-in state of this app: the tokens (in memory only), the account and the server they
// belong to. Persisting the refresh token is the CredentialStore's job, not this class's.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    bool isSignedIn() const { return !m_tokens.accessToken.isEmpty(); }
    QUrl serverUrl() const { return m_serverUrl; }
    QString accessToken() const { return m_tokens.accessToken; }
    QString refreshToken() const { return m_tokens.refreshToken; }
    QString sessionId() const { return m_tokens.sessionId; }
    QString deviceId() const { return m_tokens.deviceId; }
    const Account& account() const { return m_tokens.account; }
    // When the access token stops working, by this machine's clock (a hint; the server decides).
    QDateTime accessExpiresAt() const { return m_accessExpiresAt; }
    // When this sign-in ends for good (the password is needed again); invalid when unknown.
    QDateTime refreshExpiresAt() const { return m_tokens.refreshExpiresAt; }

    // Starts a session, or replaces its tokens after a refresh (same server).
    void setTokens(const QUrl& serverUrl, const TokenPair& tokens);
    // Forgets every token. Emits signedOut() when there was a session.
    void clear();

Q_SIGNALS:
    void signedIn();
    // New tokens: after sign-in and after every refresh (the refresh token rotates each time).
    void tokensChanged();
    void signedOut();

private:
    QUrl m_serverUrl;
    TokenPair m_tokens;
    QDateTime m_accessExpiresAt;
};

} // namespace vigil
