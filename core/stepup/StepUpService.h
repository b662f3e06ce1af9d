#pragma once

#include "core/api/ApiError.h"
#include "core/stepup/StepUpChallenge.h"
#include "core/util/Expected.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace vigil {

class ApiClient;
class SecurityKeyService;
struct ClientData;
struct MadeAssertion;

// Step-up verification against the service (POST /v1/step-up, /resend, /verify). It keeps the
// step-up token in memory only, with its expiry by the injected clock, so a sensitive action
// inside the token's 5 minutes reuses it instead of asking the user again.
class StepUpService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepUpService)

public:
    using Clock = std::function<QDateTime()>;
    using ChallengeCallback = std::function<void(const Expected<StepUpChallenge, ApiError>&)>;
    using VerifyCallback = std::function<void(const Expected<void, ApiError>&)>;

    // The header sensitive routes read the token from.
    static QByteArray headerName() { return QByteArrayLiteral("X-Step-Up"); }

    // `clock` defaults to the system's UTC time.
    explicit StepUpService(ApiClient* api, Clock clock = {}, QObject* parent = nullptr);
    ~StepUpService() override;

    QDateTime now() const { return m_clock(); }

    // Each callback runs once, unless `context` is gone by then.
    void begin(const QString& method, QObject* context, ChallengeCallback done);
    void resend(const QString& challenge, QObject* context, ChallengeCallback done);
    // On success the token is kept (validToken()).
    void verify(const QString& challenge, const QString& secret, QObject* context, VerifyCallback done);

    // Method security_key: the key's signature over the client data (POST /v1/step-up/verify with an
    // assertion); on success the token is kept, as for a code.
    void verifyAssertion(const QString& challenge,
                         const ClientData& clientData,
                         const MadeAssertion& assertion,
                         QObject* context,
                         VerifyCallback done);

    // The account's keys and the authenticators, when the app offers security keys (nullptr: not).
    void setSecurityKeys(SecurityKeyService* keys);
    SecurityKeyService* securityKeys() const { return m_keys; }

    // The token while it still has a few seconds to live, so it does not expire on the way.
    std::optional<QString> validToken() const;
    QDateTime tokenExpiresAt() const { return m_expiresAt; }
    // The service refused the token (403 step_up_required), or the session ended.
    void clearToken();

Q_SIGNALS:
    void tokenChanged();
    // The account got or lost its (last) security key, or the list was read: the methods to offer
    // may have changed.
    void securityKeysChanged();

private:
    void verifyCall(const QJsonObject& body, QObject* context, VerifyCallback done);
    void challengeCall(const QString& path, const QJsonObject& body, QObject* context, ChallengeCallback done);

    ApiClient* m_api;
    SecurityKeyService* m_keys = nullptr;
    Clock m_clock;
    QString m_token;
    QDateTime m_expiresAt;
};

} // namespace vigil
