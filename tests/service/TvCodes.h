#pragma once

#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QJsonDocument>

// The TV sign-in (RFC 8628) as the service tests speak it: a TV asks for a code and polls, the
// holder looks the code up and decides.
namespace TvCodes {

inline const QString grantType = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

// POST /v1/auth/device for "Hotel Room TV"; with `address`, as if asked from there (admin key).
inline ServiceReply request(ServiceClient& client, const QString& address = {})
{
    RawHeaders headers{{"Content-Type", "application/json"}};
    if (!address.isEmpty()) {
        headers.append(qMakePair(QByteArray("X-Admin-Key"), QByteArray(MockdProcess::adminKey)));
        headers.append(qMakePair(QByteArray("X-Simulated-Address"), address.toLatin1()));
    }
    const QJsonObject body{{QStringLiteral("client_id"), QStringLiteral("tests")},
                           {QStringLiteral("device"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("Hotel Room TV")},
                                        {QStringLiteral("type"), QStringLiteral("tv")},
                                        {QStringLiteral("app"), QStringLiteral("Vigil TV")}}}};
    const ServiceReply reply = client.send(
        "POST", QStringLiteral("/v1/auth/device"), QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    client.rememberSecret(reply.json().value(QStringLiteral("device_code")).toString());
    return reply;
}

inline ServiceReply poll(ServiceClient& client, const QString& deviceCode)
{
    const ServiceReply reply =
        client.postJson(QStringLiteral("/v1/auth/device/token"),
                        {{QStringLiteral("grant_type"), grantType}, {QStringLiteral("device_code"), deviceCode}});
    client.rememberSecret(reply.json().value(QStringLiteral("access_token")).toString());
    client.rememberSecret(reply.json().value(QStringLiteral("refresh_token")).toString());
    return reply;
}

inline ServiceReply lookup(ServiceClient& client, const QString& access, const QString& userCode)
{
    return client.postJson(
        QStringLiteral("/v1/device-authorizations/lookup"), {{QStringLiteral("user_code"), userCode}}, access);
}

inline ServiceReply
approve(ServiceClient& client, const QString& access, const QString& stepUp, const QString& id, const QJsonObject& body)
{
    RawHeaders headers{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + access.toLatin1()}};
    if (!stepUp.isEmpty())
        headers.append(qMakePair(QByteArray("X-Step-Up"), stepUp.toLatin1()));
    return client.send("POST",
                       QStringLiteral("/v1/device-authorizations/%1/approve").arg(id),
                       QJsonDocument(body).toJson(QJsonDocument::Compact),
                       headers);
}

inline ServiceReply deny(ServiceClient& client, const QString& access, const QString& id)
{
    return client.send("POST",
                       QStringLiteral("/v1/device-authorizations/%1/deny").arg(id),
                       QByteArray(""),
                       {{"Authorization", "Bearer " + access.toLatin1()}});
}

// The service time `seconds` from now, as RFC 3339.
inline QString inSeconds(ServiceClient& client, qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(client.serverTimeSeconds() + seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace TvCodes
