#pragma once

#include "core/api/ApiError.h"
#include "core/securitykeys/Authenticator.h"
#include "core/securitykeys/ClientData.h"
#include "core/securitykeys/SecurityKey.h"
#include "core/util/Expected.h"

#include <QList>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace vigil {

class ApiClient;
class StepUpService;

// The account's security keys on the service (/v1/account/security-keys*) and the door to the
// authenticators: every flow that talks to a key gets one from createAuthenticator(), so tests and
// platforms swap the implementation in one place. Registering and removing need a step-up token
// and answer StepUpRequired at once without one.
class SecurityKeyService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeyService)

public:
    using AuthenticatorFactory = std::function<std::unique_ptr<Authenticator>()>;
    template <typename T>
    using Callback = std::function<void(const Expected<T, ApiError>&)>;

    SecurityKeyService(ApiClient* api, StepUpService* stepUp, AuthenticatorFactory factory, QObject* parent = nullptr);
    ~SecurityKeyService() override;

    std::unique_ptr<Authenticator> createAuthenticator() const;
    QDateTime now() const;

    const QList<SecurityKey>& keys() const { return m_keys; }
    bool hasKeys() const { return !m_keys.isEmpty(); }
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_loading; }
    const std::optional<ApiError>& loadError() const { return m_loadError; }

    void reload();
    // Each callback runs once, unless `context` is gone by then.
    void beginRegistration(QObject* context, Callback<SecurityKeyRegistration> done);
    void finishRegistration(const QString& registrationId,
                            const QString& name,
                            const ClientData& clientData,
                            const MadeCredential& credential,
                            QObject* context,
                            Callback<SecurityKey> done);
    void rename(const QString& id, const QString& name, QObject* context, Callback<SecurityKey> done);
    void remove(const QString& id, QObject* context, Callback<bool> done);

Q_SIGNALS:
    // The list, its loading state or its load error changed.
    void keysChanged();

private:
    std::optional<QByteArray> stepUpToken() const;
    void replaceKey(const SecurityKey& key);

    ApiClient* m_api;
    StepUpService* m_stepUp;
    AuthenticatorFactory m_factory;
    QList<SecurityKey> m_keys;
    bool m_loaded = false;
    bool m_loading = false;
    std::optional<ApiError> m_loadError;
};

} // namespace vigil
