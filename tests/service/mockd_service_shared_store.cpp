#include "Establish.h"
#include "MockdProcess.h"
#include "ServiceClient.h"
#include "TvCodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

// Two vigil-mockd on one database (a SQLite file here; one PostgreSQL database under the label
// "postgres"): what decides security is read from the database, not from one process's memory, and
// what one instance changes the other shows (the change feed keeps their memory in step).
class TestServiceSharedStore final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MockdProcess m_first;
    MockdProcess m_second;

    QStringList m_db;

    static QString demoEmail() { return QString::fromLatin1(ServiceClient::demoEmail); }

    static QJsonObject deviceIn(const ServiceReply& list, const QString& deviceId)
    {
        for (const QJsonValue& device : list.json().value(QStringLiteral("devices")).toArray()) {
            if (device.toObject().value(QStringLiteral("id")).toString() == deviceId)
                return device.toObject();
        }
        return {};
    }

    static RawHeaders jsonWith(const QString& bearer)
    {
        return {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + bearer.toLatin1()}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = QStringList{QStringLiteral("--db"), m_dir.filePath(QStringLiteral("shared.sqlite"))};
        QVERIFY2(m_first.start(m_db), qPrintable(m_first.errorString()));
        // The second finds the database seeded and migrated by the first.
        QVERIFY2(m_second.start(m_db), qPrintable(m_second.errorString()));
    }

    // Behind a load balancer the next request may reach the other instance: it knows the token.
    void aSignInOnOneInstanceWorksOnTheOtherAtOnce()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        const ServiceClient::Tokens tokens = first.loginDemo(QStringLiteral("Hall tablet"));
        QVERIFY(!tokens.access.isEmpty());
        QCOMPARE(second.get(QStringLiteral("/v1/me"), tokens.access).status, 200);
        const ServiceReply list = second.get(QStringLiteral("/v1/devices"), tokens.access);
        QCOMPARE(list.status, 200);
        QCOMPARE(deviceIn(list, tokens.deviceId).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Hall tablet"));
    }

    void aRefreshTokenIssuedOnOneInstanceRefreshesOnTheOther()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        ServiceClient::Tokens tokens = first.loginDemo(QStringLiteral("Loft tablet"));
        QVERIFY(second.refreshTokens(tokens.access, tokens.refresh));
        // The pair issued by the second works on the first, and the used token is spent on both.
        QCOMPARE(first.get(QStringLiteral("/v1/me"), tokens.access).status, 200);
        QString access = tokens.access;
        QString refresh = tokens.refresh;
        QVERIFY(first.refreshTokens(access, refresh));
    }

    // A rename or a new status on one instance shows in the other's list (its cached list too).
    void aDeviceChangedOnOneInstanceShowsOnTheOther()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        const ServiceClient::Tokens tokens = first.loginDemo(QStringLiteral("Den tablet"));
        // The second has listed (and cached) the devices before the change.
        QCOMPARE(deviceIn(second.get(QStringLiteral("/v1/devices"), tokens.access), tokens.deviceId)
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Den tablet"));
        const QByteArray rename = QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Study tablet")}})
                                      .toJson(QJsonDocument::Compact);
        QCOMPARE(first.send("PATCH", QStringLiteral("/v1/devices/") + tokens.deviceId, rename, jsonWith(tokens.access))
                     .status,
                 200);
        QTRY_COMPARE(deviceIn(second.get(QStringLiteral("/v1/devices"), tokens.access), tokens.deviceId)
                         .value(QStringLiteral("name"))
                         .toString(),
                     QStringLiteral("Study tablet"));
        const QByteArray status = QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("streaming")},
                                                            {QStringLiteral("title"), QStringLiteral("Night Train")}})
                                      .toJson(QJsonDocument::Compact);
        QCOMPARE(
            first.send("PUT", QStringLiteral("/v1/devices/current/status"), status, jsonWith(tokens.access)).status,
            204);
        QTRY_COMPARE(deviceIn(second.get(QStringLiteral("/v1/devices"), tokens.access), tokens.deviceId)
                         .value(QStringLiteral("status"))
                         .toString(),
                     QStringLiteral("streaming"));
    }

    // A device signed out through one instance is refused by the other on the very next request,
    // and stays refused when both start again.
    void aSessionRevokedOnOneInstanceIsRefusedByTheOtherAtOnce()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        const ServiceClient::Tokens tokens = first.loginDemo(QStringLiteral("Attic tablet"));
        QCOMPARE(first.get(QStringLiteral("/v1/me"), tokens.access).status, 200);
        QCOMPARE(second.postJson(QStringLiteral("/v1/auth/logout"), {}, tokens.access).status, 204);
        const ServiceReply refused = first.get(QStringLiteral("/v1/me"), tokens.access);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.error(), QStringLiteral("session_revoked"));
        QString access = tokens.access;
        QString refresh = tokens.refresh;
        QVERIFY(!first.refreshTokens(access, refresh));

        QCOMPARE(m_second.stop(), 0);
        QCOMPARE(m_first.stop(), 0);
        QVERIFY2(m_first.start(m_db), qPrintable(m_first.errorString()));
        QVERIFY2(m_second.start(m_db), qPrintable(m_second.errorString()));
        for (MockdProcess* instance : {&m_first, &m_second}) {
            ServiceClient client(instance->baseUrl());
            QCOMPARE(client.get(QStringLiteral("/v1/me"), tokens.access).status, 401);
            QString again = tokens.refresh;
            QVERIFY(!client.refreshTokens(access, again));
        }
    }

    // A device confirmed through one instance is established on the other too: it is no longer
    // "new" in the other's list (cached before), and its guarded actions pass there. Seen failing
    // before: the other instance kept the device new until it restarted.
    void aDeviceConfirmedOnOneInstanceIsEstablishedOnTheOther()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        const ServiceClient::Tokens tokens = first.loginDemo(QStringLiteral("Porch tablet"));
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("auto_sign_out_days"), 30}}).toJson(QJsonDocument::Compact);
        const auto guarded = [&] {
            return second.send("PUT", QStringLiteral("/v1/account/settings"), body, jsonWith(tokens.access)).error();
        };
        QVERIFY(deviceIn(second.get(QStringLiteral("/v1/devices"), tokens.access), tokens.deviceId)
                    .value(QStringLiteral("new_until"))
                    .isString());
        QCOMPARE(guarded(), QStringLiteral("session_too_new"));
        QVERIFY(establish(first, tokens));
        QVERIFY(deviceIn(second.get(QStringLiteral("/v1/devices"), tokens.access), tokens.deviceId)
                    .value(QStringLiteral("new_until"))
                    .isNull());
        // Past the guard: what is missing now is only the step-up.
        QCOMPARE(guarded(), QStringLiteral("step_up_required"));
    }

    // A TV let in as a guest through one instance is a guest on the other too: it may not sign the
    // owner's devices out there. Seen failing before: the other instance took it for an owner's
    // device (403 step_up_required, not guest_session).
    void aGuestLetInOnOneInstanceIsAGuestOnTheOther()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        const ServiceClient::Tokens owner = first.loginDemo(QStringLiteral("Keys laptop"));
        QVERIFY(establish(first, owner));
        const ServiceReply code = TvCodes::request(first);
        QCOMPARE(code.status, 200);
        const QString id =
            TvCodes::lookup(first, owner.access, code.json().value(QStringLiteral("user_code")).toString())
                .json()
                .value(QStringLiteral("id"))
                .toString();
        const QJsonObject guest{{QStringLiteral("profile"), QStringLiteral("prf_demo_sam")},
                                {QStringLiteral("access"), QStringLiteral("guest")},
                                {QStringLiteral("guest_until"), TvCodes::inSeconds(first, 2 * 3600)}};
        const QString stepUp = first.passwordStepUp(owner.access, QString::fromLatin1(ServiceClient::demoPassword));
        QCOMPARE(TvCodes::approve(first, owner.access, stepUp, id, guest).status, 200);
        const ServiceReply tv = TvCodes::poll(first, code.json().value(QStringLiteral("device_code")).toString());
        QCOMPARE(tv.status, 200);
        const QString tvId = tv.json().value(QStringLiteral("device_id")).toString();
        QCOMPARE(first.admin("POST", QStringLiteral("/__admin/devices/%1/confirm").arg(tvId)).status, 200);

        const ServiceReply refused = second.postJson(QStringLiteral("/v1/devices/%1/sign-out").arg(owner.deviceId),
                                                     {},
                                                     tv.json().value(QStringLiteral("access_token")).toString());
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("guest_session"));
    }

    // Guessing on one instance and then trying the other must not reset the count.
    void signInFailuresOnOneInstanceThrottleTheOther()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(first.loginReply(demoEmail(), QStringLiteral("guess-%1").arg(i)).status, 401);
        const ServiceReply blocked = second.loginReply(demoEmail(), QString::fromLatin1(ServiceClient::demoPassword));
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.error(), QStringLiteral("too_many_attempts"));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_second.stop(), 0);
        QCOMPARE(m_first.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceSharedStore)
#include "mockd_service_shared_store.moc"
