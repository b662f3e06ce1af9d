#include "EventClient.h"
#include "ServiceFixture.h"

#include <QObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <memory>
#include <vector>

// The event stream under attack: more sockets than an account needs, a socket that outlives its
// session, and resume positions that do not fit in 64 bits.
class TestServiceEventLimits final : public ServiceFixture
{
    Q_OBJECT

private:
    static bool answersPing(EventClient& events)
    {
        events.socket().sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        return !events.waitFor(QStringLiteral("pong")).isEmpty();
    }

    // A socket that sent `resume_from` (in the X-Resume-From header or the auth message) must be
    // told why it is refused and closed with 1008.
    static void verifyRefusedResume(EventClient& events)
    {
        QCOMPARE(events.waitForClose(), 1008);
        QVERIFY2(events.socket().closeReason().contains(QLatin1String("resume_from")),
                 qPrintable(events.socket().closeReason()));
        QVERIFY(!events.frames().isEmpty());
        QCOMPARE(events.frames().constFirst().value(QStringLiteral("type")).toString(), QStringLiteral("error"));
        QCOMPARE(events.frames().constFirst().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_resume_from"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService({QStringLiteral("--max-event-sockets-per-account"), QStringLiteral("3")}));
    }

    void init() { QVERIFY(client().reset()); }

    void cleanupTestCase() { QCOMPARE(m_mockd.stop(), 0); }

    void beyondTheAccountCapTheOldestSocketIsClosed()
    {
        const auto device = client().loginDemo(QStringLiteral("Sockets"), QStringLiteral("phone"));
        std::vector<std::unique_ptr<EventClient>> sockets;
        for (int i = 0; i < 3; ++i) {
            sockets.push_back(std::make_unique<EventClient>(m_mockd.baseUrl()));
            QVERIFY(sockets.back()->open(device.access));
            QVERIFY(!sockets.back()->waitFor(QStringLiteral("ready")).isEmpty());
        }
        EventClient newest(m_mockd.baseUrl());
        QVERIFY(newest.open(device.access));
        QVERIFY(!newest.waitFor(QStringLiteral("ready")).isEmpty());
        QCOMPARE(sockets.front()->waitForClose(), 4429);
        QVERIFY2(sockets.front()->socket().closeReason().contains(QLatin1String("too many")),
                 qPrintable(sockets.front()->socket().closeReason()));
        QVERIFY(answersPing(*sockets.at(1)));
        QVERIFY(answersPing(*sockets.at(2)));
        QVERIFY(answersPing(newest));
    }

    void aSocketIsClosedWhenItsSessionEndedUntold()
    {
        const auto device = client().loginDemo(QStringLiteral("Long Lived"), QStringLiteral("phone"));
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(device.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        // Past the access token's life the session is looked at again; it is live, the socket stays.
        QVERIFY(client().advanceClock(6 * 60));
        QVERIFY(answersPing(events));
        // Past the session's own end (30 days) nothing announces it: the re-check closes the socket.
        QVERIFY(client().advanceClock(31 * 24 * 3600));
        QCOMPARE(events.waitForClose(), 4001);
        const auto revoked = std::find_if(events.frames().begin(), events.frames().end(), [](const QJsonObject& f) {
            return f.value(QStringLiteral("type")).toString() == QLatin1String("session.revoked");
        });
        QVERIFY(revoked != events.frames().end());
        QCOMPARE(revoked->value(QStringLiteral("reason")).toString(), QStringLiteral("session_expired"));
    }

    // A signed-out device whose client never answers the close frame (hung, or gone without a FIN)
    // must not keep its socket: the close that follows the session.revoked frame (after the
    // sign-out was answered) still comes, and the connection ends.
    void aPeerThatNeverAnswersTheCloseIsCutOff()
    {
        const auto device = client().loginDemo(QStringLiteral("Silent"), QStringLiteral("phone"));
        QTcpSocket raw;
        raw.connectToHost(m_mockd.baseUrl().host(), quint16(m_mockd.baseUrl().port()));
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                  "Authorization: Bearer " +
                  device.access.toLatin1() + "\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += raw.readAll()).contains("\"ready\""), 10000);
        QVERIFY(received.startsWith("HTTP/1.1 101"));
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, device.access).status, 204);
        // The close frame arrives (opcode 8 with code 4001); this client never answers it.
        QTRY_VERIFY_WITH_TIMEOUT((received += raw.readAll()).contains("\x88"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(raw.state(), QAbstractSocket::UnconnectedState, 15000);
    }

    void resumeFromBeyondAnySeqIsRefused_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("2^64-1") << QByteArray("18446744073709551615");
        QTest::newRow("2^63") << QByteArray("9223372036854775808");
        QTest::newRow("2^53") << QByteArray("9007199254740992");
        QTest::newRow("1e300") << QByteArray("1e300");
        QTest::newRow("negative") << QByteArray("-1");
        QTest::newRow("fraction") << QByteArray("1.5");
    }

    void resumeFromBeyondAnySeqIsRefused()
    {
        QFETCH(QByteArray, value);
        const auto device = client().loginDemo(QStringLiteral("Resumer"), QStringLiteral("phone"));

        EventClient byHeader(m_mockd.baseUrl());
        QUrl url = m_mockd.baseUrl();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/v1/events"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + device.access.toLatin1());
        request.setRawHeader("X-Resume-From", value);
        QSignalSpy connected(&byHeader.socket(), &QWebSocket::connected);
        byHeader.socket().open(request);
        QVERIFY(connected.wait(10000));
        verifyRefusedResume(byHeader);
        if (QTest::currentTestFailed())
            return;

        EventClient byMessage(m_mockd.baseUrl());
        QVERIFY(byMessage.open());
        byMessage.socket().sendTextMessage(QStringLiteral("{\"type\":\"auth\",\"token\":\"%1\",\"resume_from\":%2}")
                                               .arg(device.access, QString::fromLatin1(value)));
        verifyRefusedResume(byMessage);
    }

    void theLargestResumeFromIsAResync()
    {
        const auto device = client().loginDemo(QStringLiteral("Far Ahead"), QStringLiteral("phone"));
        EventClient byHeader(m_mockd.baseUrl());
        QVERIFY(byHeader.open(device.access, 9007199254740991LL));
        QVERIFY(!byHeader.waitFor(QStringLiteral("resync")).isEmpty());
        EventClient byMessage(m_mockd.baseUrl());
        QVERIFY(byMessage.open());
        byMessage.socket().sendTextMessage(
            QStringLiteral("{\"type\":\"auth\",\"token\":\"%1\",\"resume_from\":9007199254740991}").arg(device.access));
        QVERIFY(!byMessage.waitFor(QStringLiteral("resync")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServiceEventLimits)
#include "mockd_service_event_limits.moc"
