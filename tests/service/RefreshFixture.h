#pragma once
// What the refresh tests share beyond FaultFixture: a refresh, and one sent so that a fault rule
// can drop its answer on the way.
#include "FaultFixture.h"

#include <QHostAddress>
#include <QJsonObject>

class RefreshFixture : public FaultFixture
{
protected:
    // POST /v1/auth/refresh: the new refresh token (empty unless 200); the whole answer in `reply`.
    QString refresh(const QString& refreshToken, ServiceReply* reply = nullptr)
    {
        const ServiceReply answer =
            client().postJson(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refresh_token"), refreshToken}});
        if (reply)
            *reply = answer;
        return answer.status == 200 ? answer.json().value(QStringLiteral("refresh_token")).toString() : QString();
    }

    // A refresh sent on a connection of its own, so that a dropped answer stays dropped.
    ServiceReply lostRefresh(const QString& refreshToken)
    {
        return client().postJsonFrom(QHostAddress(QHostAddress::LocalHost),
                                     QStringLiteral("/v1/auth/refresh"),
                                     {{QStringLiteral("refresh_token"), refreshToken}});
    }
};
