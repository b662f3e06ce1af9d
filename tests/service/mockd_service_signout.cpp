#include "EventClient.h"
#include "ServiceFixture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <memory>

// Signing devices out (POST /v1/devices/sign-out, /v1/devices/{id}/sign-out) behind step-up,
// against a real vigil-mockd: connected devices are told at once, offline ones are pending until
// they show up, tokens die, profiles stay.
class TestServiceSignOut final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens m_me;

    ServiceClient::Tokens signIn(const QString& name, const QString& type = QStringLiteral("tablet"))
    {
        return client().loginDemo(name, type);
    }

    // A step-up token for `access`, earned with the password.
    QString stepUp(const QString& access) { return client().passwordStepUp(access); }

    ServiceReply
    signOut(const QString& path, const QJsonObject& body, const QString& access, const QString& stepUpToken)
    {
        RawHeaders headers{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + access.toLatin1()}};
        if (!stepUpToken.isEmpty())
            headers.append({"X-Step-Up", stepUpToken.toLatin1()});
        return client().send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

    QStringList listedIds(const QString& access)
    {
        const ServiceReply reply = client().get(QStringLiteral("/v1/devices"), access);
        QStringList ids;
        const QJsonArray devices = reply.json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& device : devices)
            ids.append(device.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

    int profilesCount(const QString& access)
    {
        return client().get(QStringLiteral("/v1/me"), access).json().value(QStringLiteral("profiles_count")).toInt(-1);
    }

    QString refreshError(const QString& refreshToken)
    {
        return client()
            .postJson(QStringLiteral("/v1/auth/refresh"), {{QStringLiteral("refresh_token"), refreshToken}})
            .error();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(resetAndSignInEstablished(m_me)); }

    void signOutNeedsAStepUpToken()
    {
        const QJsonObject others{{QStringLiteral("scope"), QStringLiteral("others")}};
        const ServiceReply none = signOut(QStringLiteral("/v1/devices/sign-out"), others, m_me.access, {});
        QCOMPARE(none.status, 403);
        QCOMPARE(none.error(), QStringLiteral("step_up_required"));
        const ServiceReply forged = signOut(QStringLiteral("/v1/devices/sign-out"),
                                            others,
                                            m_me.access,
                                            QStringLiteral("vst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        QCOMPARE(forged.status, 403);
        // A step-up token belongs to the session that earned it.
        const ServiceClient::Tokens other = signIn(QStringLiteral("Second Laptop"));
        const QString otherStepUp = stepUp(other.access);
        QVERIFY(!otherStepUp.isEmpty());
        QCOMPARE(signOut(QStringLiteral("/v1/devices/sign-out"), others, m_me.access, otherStepUp).status, 403);
        // Nothing happened.
        QCOMPARE(client().get(QStringLiteral("/v1/me"), other.access).status, 200);
    }

    void connectedDeviceIsToldAtOnce()
    {
        const ServiceClient::Tokens tablet = signIn(QStringLiteral("Kitchen Tablet"));
        EventClient tabletEvents(m_mockd.baseUrl());
        QVERIFY(tabletEvents.open(tablet.access));
        QVERIFY(!tabletEvents.waitFor(QStringLiteral("ready")).isEmpty());
        const int profiles = profilesCount(m_me.access);
        QCOMPARE(profiles, 4);

        const ServiceReply reply = signOut(
            QStringLiteral("/v1/devices/%1/sign-out").arg(tablet.deviceId), {}, m_me.access, stepUp(m_me.access));
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.json().value(QStringLiteral("request_id")).toString().isEmpty());
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("device_id")).toString(), tablet.deviceId);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Kitchen Tablet"));
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("result")).toString(), QStringLiteral("signed_out"));

        const QJsonObject revoked = tabletEvents.waitFor(QStringLiteral("session.revoked"));
        QCOMPARE(revoked.value(QStringLiteral("reason")).toString(), QStringLiteral("signed_out"));
        QCOMPARE(tabletEvents.waitForClose(), 4001);

        const ServiceReply me = client().get(QStringLiteral("/v1/me"), tablet.access);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.error(), QStringLiteral("session_revoked"));
        QCOMPARE(refreshError(tablet.refresh), QStringLiteral("session_revoked"));
        QVERIFY(!listedIds(m_me.access).contains(tablet.deviceId));
        QCOMPARE(profilesCount(m_me.access), profiles);
    }

    void offlineDeviceIsPendingUntilItShowsUp()
    {
        EventClient myEvents(m_mockd.baseUrl());
        QVERIFY(myEvents.open(m_me.access));
        QVERIFY(!myEvents.waitFor(QStringLiteral("ready")).isEmpty());
        const ServiceClient::Tokens phone = signIn(QStringLiteral("Old Phone"), QStringLiteral("phone"));

        const ServiceReply reply =
            signOut(QStringLiteral("/v1/devices/sign-out"),
                    {{QStringLiteral("ids"), QJsonArray{phone.deviceId, QStringLiteral("dev_twostep_phone")}}},
                    m_me.access,
                    stepUp(m_me.access));
        QCOMPARE(reply.status, 200);
        const QString requestId = reply.json().value(QStringLiteral("request_id")).toString();
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("result")).toString(), QStringLiteral("pending"));
        // Another account's device looks like an unknown one, and is left alone.
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("not_found"));
        QVERIFY(results.at(1).toObject().value(QStringLiteral("name")).toString().isEmpty());

        const QJsonObject removed = myEvents.waitFor(QStringLiteral("device.removed"));
        QCOMPARE(removed.value(QStringLiteral("device_id")).toString(), phone.deviceId);
        QVERIFY(!listedIds(m_me.access).contains(phone.deviceId));

        const ServiceReply next = client().get(QStringLiteral("/v1/devices"), phone.access);
        QCOMPARE(next.status, 401);
        QCOMPARE(next.error(), QStringLiteral("session_revoked"));
        const QJsonObject progress = myEvents.waitFor(QStringLiteral("signout.progress"));
        QCOMPARE(progress.value(QStringLiteral("request_id")).toString(), requestId);
        QCOMPARE(progress.value(QStringLiteral("device_id")).toString(), phone.deviceId);
        QCOMPARE(progress.value(QStringLiteral("result")).toString(), QStringLiteral("signed_out"));
        QVERIFY(progress.value(QStringLiteral("seq")).toInteger() > 0);
    }

    void pendingDeviceRefreshingCountsAsContact()
    {
        EventClient myEvents(m_mockd.baseUrl());
        QVERIFY(myEvents.open(m_me.access));
        QVERIFY(!myEvents.waitFor(QStringLiteral("ready")).isEmpty());
        const ServiceClient::Tokens phone = signIn(QStringLiteral("Sleeping Phone"), QStringLiteral("phone"));
        const ServiceReply reply = signOut(
            QStringLiteral("/v1/devices/%1/sign-out").arg(phone.deviceId), {}, m_me.access, stepUp(m_me.access));
        QCOMPARE(reply.status, 200);
        QCOMPARE(refreshError(phone.refresh), QStringLiteral("session_revoked"));
        const QJsonObject progress = myEvents.waitFor(QStringLiteral("signout.progress"));
        QCOMPARE(progress.value(QStringLiteral("device_id")).toString(), phone.deviceId);
        QCOMPARE(progress.value(QStringLiteral("request_id")).toString(),
                 reply.json().value(QStringLiteral("request_id")).toString());
        // Told once: a second contact sends nothing new.
        QCOMPARE(client().get(QStringLiteral("/v1/me"), phone.access).status, 401);
        // A later event (a rename) arrives with no second progress before it.
        const qsizetype framesBefore = myEvents.frames().size();
        const ServiceReply renamed = client().send(
            "PATCH",
            QStringLiteral("/v1/devices/%1").arg(m_me.deviceId),
            QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Renamed Laptop")}})
                .toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_me.access.toLatin1()}});
        QCOMPARE(renamed.status, 200);
        QVERIFY(!myEvents.waitFor(QStringLiteral("device.updated")).isEmpty());
        for (qsizetype i = framesBefore; i < myEvents.frames().size(); ++i)
            QVERIFY(myEvents.frames().at(i).value(QStringLiteral("type")).toString() !=
                    QLatin1String("signout.progress"));
    }

    void offlineDeviceIsRefusedOnReconnect()
    {
        const ServiceClient::Tokens phone = signIn(QStringLiteral("Travel Phone"), QStringLiteral("phone"));
        QCOMPARE(
            signOut(QStringLiteral("/v1/devices/%1/sign-out").arg(phone.deviceId), {}, m_me.access, stepUp(m_me.access))
                .json()
                .value(QStringLiteral("results"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("result"))
                .toString(),
            QStringLiteral("pending"));
        EventClient phoneEvents(m_mockd.baseUrl());
        QVERIFY(phoneEvents.open(phone.access));
        QCOMPARE(phoneEvents.waitFor(QStringLiteral("error")).value(QStringLiteral("error")).toString(),
                 QStringLiteral("session_revoked"));
        QCOMPARE(phoneEvents.waitForClose(), 4401);
    }

    void scopeOthersKeepsTheCaller()
    {
        const ServiceClient::Tokens tablet = signIn(QStringLiteral("Kitchen Tablet"));
        const QStringList before = listedIds(m_me.access);
        QVERIFY(before.size() > 2);
        const ServiceReply reply = signOut(QStringLiteral("/v1/devices/sign-out"),
                                           {{QStringLiteral("scope"), QStringLiteral("others")}},
                                           m_me.access,
                                           stepUp(m_me.access));
        QCOMPARE(reply.status, 200);
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), before.size() - 1);
        for (const QJsonValue& result : results)
            QVERIFY(result.toObject().value(QStringLiteral("device_id")).toString() != m_me.deviceId);
        QCOMPARE(listedIds(m_me.access), QStringList{m_me.deviceId});
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tablet.access).error(), QStringLiteral("session_revoked"));
        QCOMPARE(profilesCount(m_me.access), 4);
    }

    void scopeAllSignsOutTheCallerToo()
    {
        const ServiceClient::Tokens tablet = signIn(QStringLiteral("Kitchen Tablet"));
        EventClient myEvents(m_mockd.baseUrl());
        QVERIFY(myEvents.open(m_me.access));
        QVERIFY(!myEvents.waitFor(QStringLiteral("ready")).isEmpty());
        const qsizetype listed = listedIds(m_me.access).size();
        const ServiceReply reply = signOut(QStringLiteral("/v1/devices/sign-out"),
                                           {{QStringLiteral("scope"), QStringLiteral("all")}},
                                           m_me.access,
                                           stepUp(m_me.access));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("results")).toArray().size(), listed);
        QVERIFY(!myEvents.waitFor(QStringLiteral("session.revoked")).isEmpty());
        QCOMPARE(myEvents.waitForClose(), 4001);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), m_me.access).error(), QStringLiteral("session_revoked"));
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tablet.access).error(), QStringLiteral("session_revoked"));
        QCOMPARE(refreshError(m_me.refresh), QStringLiteral("session_revoked"));
        // Signing in again works, and the household is as it was.
        const ServiceClient::Tokens again = signIn(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        QVERIFY(!again.access.isEmpty());
        QCOMPARE(profilesCount(again.access), 4);
        QCOMPARE(listedIds(again.access).size(), 1);
    }

    void scopeAllReportsEachDeviceAndLaterContact()
    {
        const ServiceClient::Tokens tablet = signIn(QStringLiteral("Kitchen Tablet"));
        EventClient tabletEvents(m_mockd.baseUrl());
        QVERIFY(tabletEvents.open(tablet.access));
        QVERIFY(!tabletEvents.waitFor(QStringLiteral("ready")).isEmpty());
        const ServiceClient::Tokens phone = signIn(QStringLiteral("Old Phone"), QStringLiteral("phone"));
        const ServiceReply reply = signOut(QStringLiteral("/v1/devices/sign-out"),
                                           {{QStringLiteral("scope"), QStringLiteral("all")}},
                                           m_me.access,
                                           stepUp(m_me.access));
        QCOMPARE(reply.status, 200);
        QHash<QString, QString> results;
        const QJsonArray list = reply.json().value(QStringLiteral("results")).toArray();
        for (const QJsonValue& result : list)
            results.insert(result.toObject().value(QStringLiteral("device_id")).toString(),
                           result.toObject().value(QStringLiteral("result")).toString());
        QCOMPARE(results.value(tablet.deviceId), QStringLiteral("signed_out"));
        QCOMPARE(results.value(phone.deviceId), QStringLiteral("pending"));
        QCOMPARE(results.value(QStringLiteral("dev_demo_living_tv")), QStringLiteral("pending")); // seeded
        QCOMPARE(tabletEvents.waitForClose(), 4001);

        // The holder signs in again and watches; the phone shows up with its old token.
        const ServiceClient::Tokens again = signIn(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        EventClient myEvents(m_mockd.baseUrl());
        QVERIFY(myEvents.open(again.access));
        QVERIFY(!myEvents.waitFor(QStringLiteral("ready")).isEmpty());
        QCOMPARE(client().get(QStringLiteral("/v1/me"), phone.access).error(), QStringLiteral("session_revoked"));
        const QJsonObject progress = myEvents.waitFor(QStringLiteral("signout.progress"));
        QCOMPARE(progress.value(QStringLiteral("device_id")).toString(), phone.deviceId);
        QCOMPARE(progress.value(QStringLiteral("request_id")).toString(),
                 reply.json().value(QStringLiteral("request_id")).toString());
    }

    void badBodiesAreRefused()
    {
        const QString token = stepUp(m_me.access);
        QCOMPARE(signOut(QStringLiteral("/v1/devices/sign-out"), {}, m_me.access, token).status, 422);
        QCOMPARE(signOut(QStringLiteral("/v1/devices/sign-out"),
                         {{QStringLiteral("scope"), QStringLiteral("everyone")}},
                         m_me.access,
                         token)
                     .status,
                 422);
        QCOMPARE(
            signOut(QStringLiteral("/v1/devices/sign-out"), {{QStringLiteral("ids"), QJsonArray{}}}, m_me.access, token)
                .status,
            422);
    }

    void theLogNeverShowsATokenOrCode()
    {
        QVERIFY(client().secretCount() >= 5);
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY2(log.contains(" POST /v1/devices/sign-out "), log.right(2000).constData());
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vst_") && !log.contains("vat_") && !log.contains("vrt_"));
    }
};

QTEST_GUILESS_MAIN(TestServiceSignOut)
#include "mockd_service_signout.moc"
