#pragma once

#include "securitykeys/KeyRegistrations.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace mockd {

struct ApiError;
class Clock;
class JsonWriter;
class Router;
class StepUp;
class Store;
struct RequestContext;
struct SecurityKey;

// /v1/account/security-keys: registering a FIDO2 security key (a challenge behind step-up, then the
// authenticator's data checked: client data, rp id hash, user presence, a COSE key Vigil can verify
// with, a credential nobody has), listing, renaming and removing keys. The attestation statement is
// not verified, only its format recorded (docs/security.md says why). Every change is audited.
class SecurityKeyRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeyRoutes)

public:
    SecurityKeyRoutes(Store& store, const Clock& clock, StepUp& stepUp, QString rpId, QObject* parent = nullptr);
    ~SecurityKeyRoutes() override;

    void registerRoutes(Router& router);
    void clear() { m_registrations.clear(); }

    // The key as the contract's SecurityKey.
    static void write(JsonWriter& json, const SecurityKey& key);

private:
    void list(const RequestContext& context);
    void startRegistration(const RequestContext& context);
    void finishRegistration(const RequestContext& context);
    void rename(const RequestContext& context);
    void remove(const RequestContext& context);

    // Audits the refusal and answers it.
    void refuseRegistration(const RequestContext& context, const ApiError& error, const QString& reason);
    void audit(const RequestContext& context, const QString& type, const QJsonObject& details);

    Store& m_store;
    const Clock& m_clock;
    StepUp& m_stepUp;
    QString m_rpId;
    KeyRegistrations m_registrations;
};

} // namespace mockd
