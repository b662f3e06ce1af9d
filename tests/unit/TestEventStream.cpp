// EventStream against an in-process QWebSocketServer: ready, ordering, resume, resync, garbage,
// backoff, token refresh, revocation, state texts, and no token in any log line.
#include "core/events/EventStream.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>
#include <memory>

using namespace vigil;

namespace {

QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_logLines.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString frame(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A tiny event service: accepts every upgrade and remembers what each one carried.
class FakeEventServer final : public QObject
{
public:
    struct Upgrade
    {
        QByteArray authorization;
        QByteArray resumeFrom;
        QString path;
    };

    FakeEventServer() : m_server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
    {
        QObject::connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                const QNetworkRequest request = socket->request();
                upgrades.append(
                    {request.rawHeader("Authorization"), request.rawHeader("X-Resume-From"), request.url().path()});
                current = socket;
            }
        });
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void close() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }
    void send(const QJsonObject& object) { current->sendTextMessage(frame(object)); }
    void sendRaw(const QString& text) { current->sendTextMessage(text); }
    void dropClient() { current->close(QWebSocketProtocol::CloseCodeGoingAway); }

    QList<Upgrade> upgrades;
    QPointer<QWebSocket> current;

private:
    QWebSocketServer m_server;
};

QJsonObject eventFrame(qint64 seq, const QString& id)
{
    return {{QStringLiteral("type"), QStringLiteral("device.updated")},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), id}}}};
}

} // namespace

class TestEventStream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.core.events.debug=true"));
        g_previousHandler = qInstallMessageHandler(captureLog);
    }
    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        for (const QString& line : std::as_const(g_logLines))
            QVERIFY2(!line.contains(QLatin1String("vat_")), qPrintable(line));
    }

    void init()
    {
        m_server = std::make_unique<FakeEventServer>();
        QVERIFY(m_server->listen());
        m_stream = std::make_unique<EventStream>();
        m_stream->setServerUrl(m_server->url());
        m_stream->setTokenProvider([this] { return m_token; });
        m_stream->setRandom([] { return 1.0; });
        m_stream->setBackoff(10, 1000);
        m_token = QStringLiteral("vat_first-token");
    }
    void cleanup()
    {
        m_stream.reset();
        m_server.reset();
    }

    void swallowedUpgradeTimesOut()
    {
        // Like a plain HTTP proxy (Prism) in front of the service: the upgrade is accepted at TCP
        // level and never answered. The stream must give up, say "Reconnecting", and offer to retry.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        m_stream->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        m_stream->setReadyTimeout(100);
        m_stream->setBackoff(60000, 60000);
        m_stream->start();
        QCOMPARE(m_stream->state(), EventStream::State::Connecting);
        QTRY_COMPARE(m_stream->state(), EventStream::State::Reconnecting);
        QVERIFY(m_stream->reconnectInSeconds() > 0);
    }

    void socketUrlFromServerUrl()
    {
        EventStream stream;
        stream.setServerUrl(QUrl(QStringLiteral("https://vigil.example:8443/")));
        QCOMPARE(stream.socketUrl(), QUrl(QStringLiteral("wss://vigil.example:8443/v1/events")));
        stream.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9000")));
        QCOMPARE(stream.socketUrl(), QUrl(QStringLiteral("ws://127.0.0.1:9000/v1/events")));
    }

    void readyMakesItLive()
    {
        QSignalSpy ready(m_stream.get(), &EventStream::ready);
        m_stream->start();
        QCOMPARE(m_stream->state(), EventStream::State::Connecting);
        QTRY_VERIFY(m_server->current);
        QCOMPARE(m_server->upgrades.size(), 1);
        QCOMPARE(m_server->upgrades[0].authorization, QByteArray("Bearer vat_first-token"));
        QCOMPARE(m_server->upgrades[0].path, QStringLiteral("/v1/events"));
        QVERIFY(m_server->upgrades[0].resumeFrom.isEmpty());
        // Open is not live: only the service's "ready" says the token was accepted.
        QCOMPARE(m_stream->state(), EventStream::State::Connecting);
        m_server->send({{QStringLiteral("type"), QStringLiteral("ready")}, {QStringLiteral("seq"), 7}});
        QVERIFY(ready.wait());
        QCOMPARE(ready.first().first().toLongLong(), 7);
        QCOMPARE(m_stream->state(), EventStream::State::Live);
        QCOMPARE(m_stream->stateText(), QStringLiteral("Live"));
    }

    void eventsInOrderOnce()
    {
        goLive(0);
        QSignalSpy events(m_stream.get(), &EventStream::eventReceived);
        m_server->send(eventFrame(1, QStringLiteral("dev_a")));
        m_server->send(eventFrame(2, QStringLiteral("dev_b")));
        m_server->send(eventFrame(2, QStringLiteral("dev_b"))); // replayed twice
        m_server->send(eventFrame(3, QStringLiteral("dev_c")));
        QTRY_COMPARE(events.size(), 3);
        QCOMPARE(events[0][2].toLongLong(), 1);
        QCOMPARE(events[1][2].toLongLong(), 2);
        QCOMPARE(events[2][2].toLongLong(), 3);
        QCOMPARE(events[0][0].toString(), QStringLiteral("device.updated"));
        QCOMPARE(events[2][1].toJsonObject().value(QStringLiteral("device")).toObject().value(QStringLiteral("id")),
                 QStringLiteral("dev_c"));
        QCOMPARE(m_stream->lastSeq(), 3);
    }

    void aBatchIsItsEventsInOrder()
    {
        goLive(0);
        QSignalSpy events(m_stream.get(), &EventStream::eventReceived);
        m_server->send(eventFrame(1, QStringLiteral("dev_a")));
        // Seq 1 again (already seen), then 2 and 3; a nested batch inside is garbage, not an event.
        const QJsonObject nested{{QStringLiteral("type"), QStringLiteral("batch")},
                                 {QStringLiteral("seq"), 9},
                                 {QStringLiteral("events"), QJsonArray{eventFrame(9, QStringLiteral("dev_z"))}}};
        m_server->send({{QStringLiteral("type"), QStringLiteral("batch")},
                        {QStringLiteral("seq"), 3},
                        {QStringLiteral("events"),
                         QJsonArray{eventFrame(1, QStringLiteral("dev_a")),
                                    eventFrame(2, QStringLiteral("dev_b")),
                                    nested,
                                    eventFrame(3, QStringLiteral("dev_c"))}}});
        QTRY_COMPARE(events.size(), 3);
        QCOMPARE(events[1][2].toLongLong(), 2);
        QCOMPARE(events[1][0].toString(), QStringLiteral("device.updated"));
        QCOMPARE(events[1][1].toJsonObject().value(QStringLiteral("device")).toObject().value(QStringLiteral("id")),
                 QStringLiteral("dev_b"));
        QCOMPARE(events[2][2].toLongLong(), 3);
        QCOMPARE(m_stream->lastSeq(), 3);
        QCOMPARE(m_stream->garbageFrames(), 1);

        // A batch without an events array is garbage as a whole; the stream goes on.
        m_server->send({{QStringLiteral("type"), QStringLiteral("batch")}, {QStringLiteral("seq"), 4}});
        m_server->send(eventFrame(4, QStringLiteral("dev_d")));
        QTRY_COMPARE(events.size(), 4);
        QCOMPARE(m_stream->garbageFrames(), 2);

        // After a reconnect it resumes from the last batch's seq.
        m_server->send({{QStringLiteral("type"), QStringLiteral("batch")},
                        {QStringLiteral("seq"), 6},
                        {QStringLiteral("events"),
                         QJsonArray{eventFrame(5, QStringLiteral("dev_e")), eventFrame(6, QStringLiteral("dev_f"))}}});
        QTRY_COMPARE(events.size(), 6);
        m_server->dropClient();
        QTRY_COMPARE(m_server->upgrades.size(), 2);
        QCOMPARE(m_server->upgrades[1].resumeFrom, QByteArray("6"));
    }

    void resumesFromLastSeqAfterReconnect()
    {
        goLive(0);
        QSignalSpy events(m_stream.get(), &EventStream::eventReceived);
        m_server->send(eventFrame(1, QStringLiteral("dev_a")));
        m_server->send(eventFrame(2, QStringLiteral("dev_a")));
        QTRY_COMPARE(events.size(), 2);

        QSignalSpy states(m_stream.get(), &EventStream::stateChanged);
        m_server->dropClient();
        QTRY_COMPARE(m_server->upgrades.size(), 2);
        QVERIFY(states.contains(QVariantList{QVariant::fromValue(EventStream::State::Reconnecting)}));
        QCOMPARE(m_server->upgrades[1].resumeFrom, QByteArray("2"));
        QCOMPARE(m_server->upgrades[1].authorization, QByteArray("Bearer vat_first-token"));
        m_server->send({{QStringLiteral("type"), QStringLiteral("ready")}, {QStringLiteral("seq"), 5}});
        QTRY_COMPARE(m_stream->state(), EventStream::State::Live);
        m_server->send(eventFrame(3, QStringLiteral("dev_a")));
        QTRY_COMPARE(events.size(), 3);
    }

    void resyncAsksForRefetch()
    {
        goLive(0);
        QSignalSpy resync(m_stream.get(), &EventStream::resyncRequired);
        m_server->send({{QStringLiteral("type"), QStringLiteral("resync")}});
        QVERIFY(resync.wait());
        QCOMPARE(m_stream->state(), EventStream::State::Live);
    }

    void serverThatForgotOurSeqMeansResync()
    {
        goLive(0);
        m_server->send(eventFrame(40, QStringLiteral("dev_a")));
        QTRY_COMPARE(m_stream->lastSeq(), 40);
        QSignalSpy resync(m_stream.get(), &EventStream::resyncRequired);
        m_server->dropClient();
        QTRY_COMPARE(m_server->upgrades.size(), 2);
        m_server->send({{QStringLiteral("type"), QStringLiteral("ready")}, {QStringLiteral("seq"), 0}});
        QVERIFY(resync.wait());
        QCOMPARE(m_stream->lastSeq(), 0);
    }

    void garbageFramesAreIgnored()
    {
        goLive(0);
        QSignalSpy events(m_stream.get(), &EventStream::eventReceived);
        m_server->sendRaw(QStringLiteral("{not json"));
        m_server->sendRaw(QStringLiteral("[1,2,3]"));
        m_server->sendRaw(QStringLiteral("{\"seq\": 1}"));
        m_server->current->sendBinaryMessage(QByteArray("\x00\x01", 2));
        m_server->send(eventFrame(1, QStringLiteral("dev_a")));
        QVERIFY(events.wait());
        QCOMPARE(events.size(), 1);
        QCOMPARE(m_stream->garbageFrames(), 4);
        QCOMPARE(m_stream->state(), EventStream::State::Live);
        QCOMPARE(m_server->upgrades.size(), 1);
    }

    void backoffGrowsThenOffline()
    {
        m_stream->setOfflineAfter(3);
        goLive(0);
        QList<int> delays;
        connect(m_stream.get(), &EventStream::countdownChanged, this, [&] {
            if (delays.isEmpty() || m_stream->failures() != delays.size() - 1)
                delays.append(m_stream->lastDelayMs());
        });
        m_server->close(); // nobody listens any more: every attempt fails
        m_server->dropClient();
        QTRY_VERIFY(delays.size() >= 5);
        QCOMPARE(delays.mid(0, 5), (QList<int>{10, 20, 40, 80, 160}));
        QTRY_COMPARE(m_stream->state(), EventStream::State::Offline);
        QVERIFY(m_stream->stateText().startsWith(QStringLiteral("Offline — showing data from ")));

        // Back up: a retry goes live and the backoff starts over.
        QVERIFY(m_server->listen(m_server->port()) || m_server->listen());
        m_stream->setServerUrl(m_server->url());
        m_stream->retryNow();
        QTRY_VERIFY(m_server->current && m_server->upgrades.size() >= 2);
        m_server->send({{QStringLiteral("type"), QStringLiteral("ready")}, {QStringLiteral("seq"), 0}});
        QTRY_COMPARE(m_stream->state(), EventStream::State::Live);
        QCOMPARE(m_stream->failures(), 0);
    }

    void jitterStaysWithinHalfAndFullStep()
    {
        m_stream->setRandom([] { return 0.0; });
        goLive(0);
        m_server->close();
        m_server->dropClient();
        QTRY_VERIFY(m_stream->failures() >= 2);
        QVERIFY(m_stream->lastDelayMs() >= 5);
    }

    void tokenExpiredRefreshesAndReconnects()
    {
        int refreshes = 0;
        m_stream->setTokenRefresher([&] { ++refreshes; });
        goLive(0);
        m_server->send({{QStringLiteral("type"), QStringLiteral("error")},
                        {QStringLiteral("error"), QStringLiteral("token_expired")}});
        QTRY_COMPARE(refreshes, 1);
        m_token = QStringLiteral("vat_second-token");
        m_stream->tokenRefreshed();
        QTRY_COMPARE(m_server->upgrades.size(), 2);
        QCOMPARE(m_server->upgrades.last().authorization, QByteArray("Bearer vat_second-token"));
    }

    void revokedSessionStops()
    {
        goLive(0);
        QSignalSpy ended(m_stream.get(), &EventStream::sessionEnded);
        m_server->send({{QStringLiteral("type"), QStringLiteral("session.revoked")},
                        {QStringLiteral("reason"), QStringLiteral("signed_out")}});
        QVERIFY(ended.wait());
        QCOMPARE(ended.first().first().toString(), QStringLiteral("session_revoked"));
        QCOMPARE(m_stream->state(), EventStream::State::Offline);
        QVERIFY(!m_stream->isRunning());
    }

    void stateTexts()
    {
        QCOMPARE(EventStream::stateText(EventStream::State::Live, 0, {}), QStringLiteral("Live"));
        QCOMPARE(EventStream::stateText(EventStream::State::Reconnecting, 4, {}),
                 QStringLiteral("Reconnecting in 4 s…"));
        const QDateTime since(QDate(2026, 11, 25), QTime(12, 4));
        QCOMPARE(EventStream::stateText(EventStream::State::Offline, 0, since),
                 QStringLiteral("Offline — showing data from 12:04"));
        QCOMPARE(EventStream::stateText(EventStream::State::Connecting, 0, {}), QStringLiteral("Connecting…"));
    }

private:
    void goLive(qint64 seq)
    {
        m_stream->start();
        QTRY_VERIFY(m_server->current);
        m_server->send({{QStringLiteral("type"), QStringLiteral("ready")}, {QStringLiteral("seq"), seq}});
        QTRY_COMPARE(m_stream->state(), EventStream::State::Live);
    }

    std::unique_ptr<FakeEventServer> m_server;
    std::unique_ptr<EventStream> m_stream;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "TestEventStream.moc"
