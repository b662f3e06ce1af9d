#pragma once

#include "core/api/ApiError.h"
#include "core/securitykeys/Authenticator.h"
#include "core/util/Expected.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace vigil {

// One registered security key as GET /v1/account/security-keys lists it.
struct SecurityKey
{
    QString id;
    QString name;
    QString algorithm; // "es256" or "eddsa"
    QDateTime createdAt;
    QDateTime lastUsedAt; // invalid: never used

    static Expected<SecurityKey, ApiError> fromJson(const QJsonObject& json);
};

// What POST /v1/account/security-keys/registrations answers: the options for the key.
struct SecurityKeyRegistration
{
    QString registrationId;
    QString challenge;         // base64url, as the service wrote it: it goes into the client data verbatim
    CredentialRequest request; // without the client data hash, which needs the client data

    static Expected<SecurityKeyRegistration, ApiError> fromJson(const QJsonObject& json);
};

// Credential ids as the service lists them (base64url text, or WebAuthn's {type, id}).
QList<QByteArray> credentialIdsFromJson(const QJsonArray& array);

} // namespace vigil
