#include "EventClient.h"
#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QJsonArray>
#include <QObject>
#include <QTest>
#include <memory>

// Account events are coalesced per socket (--event-batch-ms): many changes inside one interval
// reach a socket as one `batch` frame; revocations are never held back; resuming after a batch
// replays only what came after it. Two services: one with a short interval, one whose interval is
// longer than any wait here, so "not delayed" needs no clock.
class TestServiceEventBatches final : public QObject
{
    Q_OBJECT

private:
    static constexpr int statusReports = 8;

    MockdProcess m_mockd;
    MockdProcess m_slowMockd;
    std::unique_ptr<ServiceClient> m_client;
    std::unique_ptr<ServiceClient> m_slowClient;

    static ServiceClient::Tokens signIn(ServiceClient& client, const QString& name)
    {
        return client.login(QString::fromLatin1(ServiceClient::demoEmail),
                            QString::fromLatin1(ServiceClient::demoPassword),
                            {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("tv")}});
    }

    int reportStatus(const QString& token, int i)
    {
        const QByteArray body =
            QByteArray(R"({"status":"streaming","profile":"Sam","title":"Episode )") + QByteArray::number(i) + "\"}";
        return m_client
            ->send("PUT",
                   QStringLiteral("/v1/devices/current/status"),
                   body,
                   {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}})
            .status;
    }

    static QString deviceIdOf(const QJsonObject& event)
    {
        return event.value(QStringLiteral("device")).toObject().value(QStringLiteral("id")).toString();
    }

    // Waits for the device.updated of `deviceId` whose title is `title`.
    static QJsonObject waitForTitle(EventClient& events, const QString& deviceId, const QString& title)
    {
        for (;;) {
            const QJsonObject event = events.waitFor(QStringLiteral("device.updated"));
            const QJsonObject device = event.value(QStringLiteral("device")).toObject();
            if (event.isEmpty() ||
                (deviceIdOf(event) == deviceId && device.value(QStringLiteral("status_title")).toString() == title))
                return event;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_mockd.start({QStringLiteral("--event-batch-ms"), QStringLiteral("3000")}),
                 qPrintable(m_mockd.errorString()));
        QVERIFY2(m_slowMockd.start({QStringLiteral("--event-batch-ms"), QStringLiteral("60000")}),
                 qPrintable(m_slowMockd.errorString()));
        m_client = std::make_unique<ServiceClient>(m_mockd.baseUrl());
        m_slowClient = std::make_unique<ServiceClient>(m_slowMockd.baseUrl());
    }

    void init()
    {
        QVERIFY(m_client->reset());
        QVERIFY(m_slowClient->reset());
    }

    void manyChangesInOneIntervalComeAsOneFrame()
    {
        const auto watcher = signIn(*m_client, QStringLiteral("Watcher"));
        const auto player = signIn(*m_client, QStringLiteral("Player"));
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(watcher.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        // The player's own socket asks for its session's news only.
        EventClient own(m_mockd.baseUrl());
        QVERIFY(own.open(player.access, -1, {}, "session"));
        QVERIFY(!own.waitFor(QStringLiteral("ready")).isEmpty());

        for (int i = 1; i <= statusReports; ++i)
            QCOMPARE(reportStatus(player.access, i), 204);
        const QString lastTitle = QStringLiteral("Episode %1").arg(statusReports);
        QVERIFY(!waitForTitle(events, player.deviceId, lastTitle).isEmpty());

        // Every report is in one frame, in order, each with its own seq; the batch's seq is the last.
        QJsonObject batch;
        for (const QJsonObject& frame : events.rawFrames()) {
            const QJsonArray inner = frame.value(QStringLiteral("events")).toArray();
            for (const QJsonValue& event : inner) {
                if (deviceIdOf(event.toObject()) == player.deviceId)
                    batch = frame;
            }
        }
        QCOMPARE(batch.value(QStringLiteral("type")).toString(), QStringLiteral("batch"));
        QJsonArray reports;
        for (const QJsonValue& event : batch.value(QStringLiteral("events")).toArray()) {
            if (deviceIdOf(event.toObject()) == player.deviceId &&
                event.toObject().value(QStringLiteral("device")).toObject().value(QStringLiteral("status")) ==
                    QLatin1String("streaming"))
                reports.append(event);
        }
        QCOMPARE(reports.size(), statusReports);
        qint64 previous = 0;
        for (int i = 0; i < statusReports; ++i) {
            const QJsonObject event = reports.at(i).toObject();
            QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("device.updated"));
            QCOMPARE(event.value(QStringLiteral("device")).toObject().value(QStringLiteral("status_title")).toString(),
                     QStringLiteral("Episode %1").arg(i + 1));
            const qint64 seq = event.value(QStringLiteral("seq")).toInteger();
            QVERIFY(seq > previous);
            previous = seq;
        }
        const QJsonArray all = batch.value(QStringLiteral("events")).toArray();
        QCOMPARE(batch.value(QStringLiteral("seq")).toInteger(),
                 all.last().toObject().value(QStringLiteral("seq")).toInteger());

        // The session-scoped socket heard none of it, only its own sign-out.
        QCOMPARE(m_client->postJson(QStringLiteral("/v1/auth/logout"), {}, player.access).status, 204);
        QVERIFY(!own.waitFor(QStringLiteral("session.revoked")).isEmpty());
        QStringList types;
        for (const QJsonObject& frame : own.rawFrames())
            types.append(frame.value(QStringLiteral("type")).toString());
        QCOMPARE(types, QStringList({QStringLiteral("ready"), QStringLiteral("session.revoked")}));
    }

    void anUnknownScopeIsRefused()
    {
        const auto tokens = signIn(*m_client, QStringLiteral("Odd"));
        EventClient byHeader(m_mockd.baseUrl());
        QVERIFY(byHeader.open(tokens.access, -1, {}, "everything"));
        QCOMPARE(byHeader.waitForClose(), 1008);
        EventClient byMessage(m_mockd.baseUrl());
        QVERIFY(byMessage.open());
        byMessage.socket().sendTextMessage(
            QStringLiteral(R"({"type":"auth","token":"%1","scope":"everything"})").arg(tokens.access));
        QCOMPARE(byMessage.waitForClose(), 1008);
        QVERIFY(byMessage.frames().isEmpty());
    }

    void resumingAfterABatchReplaysOnlyWhatCameAfter()
    {
        const auto watcher = signIn(*m_client, QStringLiteral("Watcher"));
        const auto player = signIn(*m_client, QStringLiteral("Player"));
        qint64 resumeFrom = 0;
        {
            EventClient events(m_mockd.baseUrl());
            QVERIFY(events.open(watcher.access));
            QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
            for (int i = 1; i <= 3; ++i)
                QCOMPARE(reportStatus(player.access, i), 204);
            QVERIFY(!waitForTitle(events, player.deviceId, QStringLiteral("Episode 3")).isEmpty());
            // The client keeps the seq of the last frame it applied: the batch's.
            resumeFrom = events.rawFrames().constLast().value(QStringLiteral("seq")).toInteger();
            QVERIFY(resumeFrom > 0);
        }
        for (int i = 4; i <= 6; ++i)
            QCOMPARE(reportStatus(player.access, i), 204);

        EventClient resumed(m_mockd.baseUrl());
        QVERIFY(resumed.open(watcher.access, resumeFrom));
        QVERIFY(!resumed.waitFor(QStringLiteral("ready")).isEmpty());
        QVERIFY(!waitForTitle(resumed, player.deviceId, QStringLiteral("Episode 6")).isEmpty());
        QStringList titles;
        for (const QJsonObject& event : resumed.frames()) {
            QVERIFY(event.value(QStringLiteral("type")).toString() != QLatin1String("resync"));
            if (event.value(QStringLiteral("type")).toString() == QLatin1String("ready"))
                continue;
            QVERIFY(event.value(QStringLiteral("seq")).toInteger() > resumeFrom);
            if (deviceIdOf(event) == player.deviceId)
                titles.append(
                    event.value(QStringLiteral("device")).toObject().value(QStringLiteral("status_title")).toString());
        }
        QCOMPARE(titles,
                 QStringList({QStringLiteral("Episode 4"), QStringLiteral("Episode 5"), QStringLiteral("Episode 6")}));
    }

    void aSignedOutDeviceIsToldAtOnceWhileAccountEventsWait()
    {
        // Here account events wait a minute for their batch; the revocation must not.
        const auto watcher = signIn(*m_slowClient, QStringLiteral("Watcher"));
        const auto leaving = signIn(*m_slowClient, QStringLiteral("Leaving"));
        EventClient events(m_slowMockd.baseUrl());
        QVERIFY(events.open(watcher.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        EventClient device(m_slowMockd.baseUrl());
        QVERIFY(device.open(leaving.access));
        QVERIFY(!device.waitFor(QStringLiteral("ready")).isEmpty());

        QCOMPARE(m_slowClient->postJson(QStringLiteral("/v1/auth/logout"), {}, leaving.access).status, 204);
        QVERIFY(!device.waitFor(QStringLiteral("session.revoked")).isEmpty());
        QCOMPARE(device.waitForClose(), 4001);
        // The device.removed for the watcher is still in its batch: only ready so far.
        QCOMPARE(events.rawFrames().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServiceEventBatches)
#include "mockd_service_event_batches.moc"
