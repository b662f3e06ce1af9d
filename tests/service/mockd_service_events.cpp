#include "EventClient.h"
#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <memory>

// The event stream GET /v1/events of a real vigil-mockd, spoken to with QWebSocket.
class TestServiceEvents final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens signIn(const QString& name)
    {
        return client().login(QString::fromLatin1(ServiceClient::demoEmail),
                              QString::fromLatin1(ServiceClient::demoPassword),
                              {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("phone")}});
    }

    ServiceReply reportStatus(const QString& token, const QByteArray& body)
    {
        return client().send("PUT",
                             QStringLiteral("/v1/devices/current/status"),
                             body,
                             {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(client().reset()); }

    void statusReportReachesAnotherSessionInOrder()
    {
        const auto watcher = signIn(QStringLiteral("Watcher"));
        const auto player = signIn(QStringLiteral("Player"));
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(watcher.access));
        const QJsonObject ready = events.waitFor(QStringLiteral("ready"));
        QVERIFY(ready.value(QStringLiteral("seq")).isDouble());

        QCOMPARE(
            reportStatus(player.access, "{\"status\":\"streaming\",\"profile\":\"Sam\",\"title\":\"Night Trains\"}")
                .status,
            204);
        QJsonObject first;
        // The watcher's own socket coming online is an update too; find the player's.
        for (int i = 0; i < 5 && first.value(QStringLiteral("device")).toObject().value(QStringLiteral("id")) !=
                                     QJsonValue(player.deviceId);
             ++i)
            first = events.waitFor(QStringLiteral("device.updated"));
        const QJsonObject device = first.value(QStringLiteral("device")).toObject();
        QCOMPARE(device.value(QStringLiteral("id")).toString(), player.deviceId);
        QCOMPARE(device.value(QStringLiteral("status")).toString(), QStringLiteral("streaming"));
        QCOMPARE(device.value(QStringLiteral("status_profile")).toString(), QStringLiteral("Sam"));
        QCOMPARE(device.value(QStringLiteral("status_title")).toString(), QStringLiteral("Night Trains"));

        QCOMPARE(reportStatus(player.access, "{\"status\":\"paused\",\"profile\":\"Sam\",\"title\":\"Night Trains\"}")
                     .status,
                 204);
        const QJsonObject second = events.waitFor(QStringLiteral("device.updated"));
        QCOMPARE(second.value(QStringLiteral("device")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("paused"));
        QVERIFY(second.value(QStringLiteral("seq")).toInteger() > first.value(QStringLiteral("seq")).toInteger());
        QVERIFY(first.value(QStringLiteral("seq")).toInteger() > ready.value(QStringLiteral("seq")).toInteger());

        // A rename and a new sign-in are events too.
        QCOMPARE(
            client()
                .send("PATCH",
                      QStringLiteral("/v1/devices/") + player.deviceId,
                      "{\"name\":\"Sam's Phone\"}",
                      {{"Authorization", "Bearer " + watcher.access.toLatin1()}, {"Content-Type", "application/json"}})
                .status,
            200);
        QCOMPARE(events.waitFor(QStringLiteral("device.updated"))
                     .value(QStringLiteral("device"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Sam's Phone"));
        const auto newcomer = signIn(QStringLiteral("Newcomer"));
        const QJsonObject signedIn = events.waitFor(QStringLiteral("device.signed_in"));
        QCOMPARE(signedIn.value(QStringLiteral("device")).toObject().value(QStringLiteral("id")).toString(),
                 newcomer.deviceId);
        // Signing out removes the device.
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, newcomer.access).status, 204);
        QCOMPARE(events.waitFor(QStringLiteral("device.removed")).value(QStringLiteral("device_id")).toString(),
                 newcomer.deviceId);
    }

    void aDeviceGoesOnlineAndOfflineWithItsSocket()
    {
        const auto watcher = signIn(QStringLiteral("Watcher"));
        const auto tv = signIn(QStringLiteral("TV"));
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(watcher.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        {
            EventClient tvSocket(m_mockd.baseUrl());
            QVERIFY(tvSocket.open(tv.access));
            QVERIFY(!tvSocket.waitFor(QStringLiteral("ready")).isEmpty());
            tvSocket.socket().close();
            tvSocket.waitForClose();
        }
        QJsonObject offline;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject update = events.waitFor(QStringLiteral("device.updated"));
            const QJsonObject device = update.value(QStringLiteral("device")).toObject();
            if (device.value(QStringLiteral("id")).toString() == tv.deviceId &&
                device.value(QStringLiteral("status")).toString() == QLatin1String("offline")) {
                offline = device;
                break;
            }
        }
        QVERIFY(!offline.isEmpty());
    }

    void resumeFromReplaysMissedEvents()
    {
        const auto watcher = signIn(QStringLiteral("Watcher"));
        const auto player = signIn(QStringLiteral("Player"));
        qint64 last = 0;
        {
            EventClient events(m_mockd.baseUrl());
            QVERIFY(events.open(watcher.access));
            last = events.waitFor(QStringLiteral("ready")).value(QStringLiteral("seq")).toInteger();
        }
        QCOMPARE(reportStatus(player.access, "{\"status\":\"idle\"}").status, 204);
        QCOMPARE(reportStatus(player.access, "{\"status\":\"streaming\",\"profile\":\"Mia\",\"title\":\"E1\"}").status,
                 204);

        // Header form.
        EventClient resumed(m_mockd.baseUrl());
        QVERIFY(resumed.open(watcher.access, last));
        QVERIFY(!resumed.waitFor(QStringLiteral("ready")).isEmpty());
        qint64 previous = last;
        bool sawStreaming = false;
        while (!sawStreaming) {
            const QJsonObject event = resumed.waitFor(QStringLiteral("device.updated"));
            QVERIFY(!event.isEmpty());
            const qint64 seq = event.value(QStringLiteral("seq")).toInteger();
            QVERIFY(seq > previous);
            previous = seq;
            const QJsonObject device = event.value(QStringLiteral("device")).toObject();
            sawStreaming = device.value(QStringLiteral("id")).toString() == player.deviceId &&
                           device.value(QStringLiteral("status")).toString() == QLatin1String("streaming");
        }
        for (const QJsonObject& frame : resumed.frames())
            QVERIFY(frame.value(QStringLiteral("type")).toString() != QLatin1String("resync"));

        // First-message form, and a sequence the service never had → resync.
        EventClient tooNew(m_mockd.baseUrl());
        QVERIFY(tooNew.open());
        tooNew.socket().sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("auth")},
                                                        {QStringLiteral("token"), watcher.access},
                                                        {QStringLiteral("resume_from"), 1000000}})
                                  .toJson(QJsonDocument::Compact)));
        QVERIFY(!tooNew.waitFor(QStringLiteral("ready")).isEmpty());
        QVERIFY(!tooNew.waitFor(QStringLiteral("resync")).isEmpty());
    }

    void aResumePointOlderThanTheBufferIsResync()
    {
        const auto watcher = signIn(QStringLiteral("Watcher"));
        const auto player = signIn(QStringLiteral("Player"));
        // Push more than the 1,000 kept events past the point the client saw.
        const QJsonObject ready = [&] {
            EventClient events(m_mockd.baseUrl());
            events.open(watcher.access);
            return events.waitFor(QStringLiteral("ready"));
        }();
        const qint64 seen = ready.value(QStringLiteral("seq")).toInteger();
        for (int i = 0; i < 1010; ++i)
            QCOMPARE(reportStatus(player.access, i % 2 ? "{\"status\":\"idle\"}" : "{\"status\":\"paused\"}").status,
                     204);
        EventClient resumed(m_mockd.baseUrl());
        QVERIFY(resumed.open(watcher.access, seen));
        const QJsonObject again = resumed.waitFor(QStringLiteral("ready"));
        QVERIFY(again.value(QStringLiteral("seq")).toInteger() >= seen + 1010);
        QVERIFY(!resumed.waitFor(QStringLiteral("resync")).isEmpty());
    }

    void tokenInTheFirstMessageWorks()
    {
        const auto tokens = signIn(QStringLiteral("Late"));
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open());
        events.socket().sendTextMessage(QStringLiteral("{\"type\":\"auth\",\"token\":\"%1\"}").arg(tokens.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        events.socket().sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QVERIFY(!events.waitFor(QStringLiteral("pong")).isEmpty());

        // A plain GET (no upgrade) tells where the stream is.
        const ServiceReply info = client().get(QStringLiteral("/v1/events"), tokens.access);
        QCOMPARE(info.status, 200);
        QVERIFY(info.json().value(QStringLiteral("seq")).toInteger() >= 1); // at least "Late" signing in
        QCOMPARE(info.json().value(QStringLiteral("replay_limit")).toInt(), 1000);
        QCOMPARE(client().get(QStringLiteral("/v1/events")).status, 401);
    }

    void badAuthIsRefused()
    {
        // Invalid token in the header: an error frame, then 4401.
        EventClient invalid(m_mockd.baseUrl());
        QVERIFY(invalid.open(QStringLiteral("vat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
        QCOMPARE(invalid.waitFor(QStringLiteral("error")).value(QStringLiteral("error")).toString(),
                 QStringLiteral("token_invalid"));
        QCOMPARE(invalid.waitForClose(), 4401);

        // Invalid token in the first message.
        EventClient wrong(m_mockd.baseUrl());
        QVERIFY(wrong.open());
        wrong.socket().sendTextMessage(QStringLiteral("{\"type\":\"auth\",\"token\":\"nonsense\"}"));
        QCOMPARE(wrong.waitForClose(), 4401);

        // A revoked session.
        const auto tokens = signIn(QStringLiteral("Gone"));
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, tokens.access).status, 204);
        EventClient revoked(m_mockd.baseUrl());
        QVERIFY(revoked.open(tokens.access));
        QCOMPARE(revoked.waitFor(QStringLiteral("error")).value(QStringLiteral("error")).toString(),
                 QStringLiteral("session_revoked"));
        QCOMPARE(revoked.waitForClose(), 4401);

        // Anything but auth before auth.
        EventClient early(m_mockd.baseUrl());
        QVERIFY(early.open());
        early.socket().sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QCOMPARE(early.waitForClose(), 1008);
        QVERIFY(early.frames().isEmpty());
    }

    void noAuthInTimeIsClosed()
    {
        EventClient silent(m_mockd.baseUrl());
        QVERIFY(silent.open());
        // The service gives 10 s for the auth message.
        QCOMPARE(silent.waitForClose(30000), 1008);
        QVERIFY(silent.frames().isEmpty());
    }

    void signingOutClosesTheDevicesSocket()
    {
        const auto tokens = signIn(QStringLiteral("Leaving"));
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(tokens.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, tokens.access).status, 204);
        QVERIFY(!events.waitFor(QStringLiteral("session.revoked")).isEmpty());
        QCOMPARE(events.waitForClose(), 4001);
    }

    void garbageAndOversizedFramesAreClosed()
    {
        const auto tokens = signIn(QStringLiteral("Noisy"));
        EventClient garbage(m_mockd.baseUrl());
        QVERIFY(garbage.open(tokens.access));
        QVERIFY(!garbage.waitFor(QStringLiteral("ready")).isEmpty());
        garbage.socket().sendTextMessage(QStringLiteral("{not json"));
        QCOMPARE(garbage.waitForClose(), 1008);

        EventClient binary(m_mockd.baseUrl());
        QVERIFY(binary.open(tokens.access));
        binary.socket().sendBinaryMessage(QByteArray(10, '\0'));
        QCOMPARE(binary.waitForClose(), 1008);

        EventClient unknown(m_mockd.baseUrl());
        QVERIFY(unknown.open(tokens.access));
        unknown.socket().sendTextMessage(QStringLiteral("{\"type\":\"launch_missiles\"}"));
        QCOMPARE(unknown.waitForClose(), 1008);

        EventClient big(m_mockd.baseUrl());
        QVERIFY(big.open(tokens.access));
        big.socket().sendTextMessage(QString(20 * 1024, QLatin1Char('x')));
        QCOMPARE(big.waitForClose(), 1009);

        EventClient elsewhere(m_mockd.baseUrl());
        QVERIFY(elsewhere.open(tokens.access, -1, QStringLiteral("/v1/other")) ? elsewhere.waitForClose() != 1000
                                                                               : true);

        // The service still answers HTTP and new sockets.
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).status, 200);
        EventClient after(m_mockd.baseUrl());
        QVERIFY(after.open(tokens.access));
        QVERIFY(!after.waitFor(QStringLiteral("ready")).isEmpty());
    }

    void theLogNeverShowsASecret()
    {
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY2(log.contains(" GET /v1/events 101 "), log.right(2000).constData());
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vat_") && !log.contains("vrt_"));
    }
};

QTEST_GUILESS_MAIN(TestServiceEvents)
#include "mockd_service_events.moc"
