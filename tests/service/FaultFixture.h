#pragma once
// What the fault-injection service tests share beyond ServiceFixture: helpers to add rules
// (POST /__admin/faults), list them, sign in and upgrade the event socket by hand.
#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSignalSpy>
#include <QTest>
#include <memory>

class FaultFixture : public ServiceFixture
{
protected:
    // No rules, the scenario as loaded.
    void clearFaultsAndReset()
    {
        QCOMPARE(client().admin("DELETE", QStringLiteral("/__admin/faults")).status, 204);
        QVERIFY(client().reset());
    }

    static QJsonObject rule(const QString& method, const QString& path, const QJsonObject& action)
    {
        QJsonObject match{{QStringLiteral("path"), path}};
        if (!method.isEmpty())
            match.insert(QStringLiteral("method"), method);
        return {{QStringLiteral("match"), match}, {QStringLiteral("action"), action}};
    }

    static QJsonObject status503()
    {
        return {{QStringLiteral("type"), QStringLiteral("status")}, {QStringLiteral("status"), 503}};
    }

    // Adds a rule; empty when the service refused it.
    QString addFault(const QJsonObject& body)
    {
        const ServiceReply reply = client().admin("POST", QStringLiteral("/__admin/faults"), body);
        if (reply.status != 201) {
            qWarning() << "fault refused:" << reply.status << reply.body;
            return {};
        }
        return reply.json().value(QStringLiteral("id")).toString();
    }

    QJsonArray faults()
    {
        return client()
            .admin("GET", QStringLiteral("/__admin/faults"))
            .json()
            .value(QStringLiteral("faults"))
            .toArray();
    }

    ServiceReply login() { return client().loginReply(demoEmail(), demoPassword()); }

    // A WebSocket upgrade on /v1/events written by hand, so the status of a refused one is visible.
    ServiceReply upgrade(const QString& token = {})
    {
        QByteArray request = "GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        return client().raw(request + "\r\n");
    }
};
