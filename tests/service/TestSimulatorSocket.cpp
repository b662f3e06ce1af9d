#include "MockdProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

// A scripted stand-in for the service, so each way the event socket can end is produced exactly:
// plain HTTP for the REST calls (one request per connection) and, on the same port, the
// /v1/events upgrade handed to a QWebSocketServer.
class FakeService final : public QObject
{
    Q_OBJECT

public:
    FakeService() : m_webSockets(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
    {
        connect(&m_tcp, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_tcp.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        });
        connect(&m_webSockets, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket* socket = m_webSockets.nextPendingConnection()) {
                socket->setParent(this);
                sockets.append(socket);
                socket->sendTextMessage(QStringLiteral(R"({"type":"ready","seq":0})"));
            }
        });
        m_tcp.listen(QHostAddress::LocalHost);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp.serverPort())); }
    int count(const QByteArray& requestLine) const { return int(requests.count(requestLine)); }

    QList<QByteArray> requests;
    QList<QByteArray> upgrades;
    QList<QWebSocket*> sockets;

private:
    void onData(QTcpSocket* socket)
    {
        const QByteArray data = socket->peek(socket->bytesAvailable());
        const qsizetype headerEnd = data.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray requestLine = data.left(data.indexOf("\r\n"));
        const QList<QByteArray> parts = requestLine.split(' ');
        if (parts.value(1) == "/v1/events") {
            upgrades.append(data.left(headerEnd));
            socket->disconnect(this);
            m_webSockets.handleConnection(socket);
            return;
        }
        qsizetype length = 0;
        for (const QByteArray& line : data.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (data.size() < headerEnd + 4 + length)
            return;
        socket->readAll();
        const QByteArray key = parts.value(0) + ' ' + parts.value(1);
        requests.append(key);
        QByteArray body;
        int status = 204;
        if (key == "POST /v1/auth/login" || key == "POST /v1/auth/refresh") {
            status = 200;
            const int n = int(requests.size());
            body = QStringLiteral(R"({"access_token":"vat_fake%1","refresh_token":"vrt_fake%1","token_type":"Bearer",)"
                                  R"("expires_in":300,"device_id":"dev_sim"})")
                       .arg(n)
                       .toUtf8();
        } else if (key == "GET /v1/me") {
            status = 200;
            body = "{}";
        }
        socket->write("HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " No Content") +
                      "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_tcp;
    QWebSocketServer m_webSockets;
};

} // namespace

// How a simulated device reacts to each way its event socket can end (contract: session.revoked
// frame, close 4001/1008 = revoked, error frame + 4401 = auth failure, anything else = reconnect).
class TestSimulatorSocket final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void socketEnding_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<QString>("expected"); // "refused: <code>", "reconnect" or "refresh"
        QTest::newRow("session.revoked frame")
            << R"({"type":"session.revoked","reason":"signed_out"})" << 4001 << "refused: session_revoked";
        QTest::newRow("close 4001") << QString() << 4001 << "refused: session_revoked";
        QTest::newRow("close 1008") << QString() << 1008 << "refused: session_revoked";
        QTest::newRow("error session_revoked + 4401")
            << R"({"type":"error","error":"session_revoked"})" << 4401 << "refused: session_revoked";
        QTest::newRow("error token_invalid + 4401")
            << R"({"type":"error","error":"token_invalid"})" << 4401 << "refused: token_invalid";
        QTest::newRow("error token_expired + 4401")
            << R"({"type":"error","error":"token_expired"})" << 4401 << "refresh";
        QTest::newRow("going away") << QString() << 1001 << "reconnect";
    }

    void socketEnding()
    {
        QFETCH(QString, frame);
        QFETCH(int, closeCode);
        QFETCH(QString, expected);

        FakeService service;
        QProcess simulator;
        simulator.start(MockdProcess::executable(),
                        {QStringLiteral("simulate"),
                         QStringLiteral("--server"),
                         service.url().toString(),
                         QStringLiteral("--devices"),
                         QStringLiteral("1"),
                         QStringLiteral("--account"),
                         QStringLiteral("demo@vigil.test"),
                         QStringLiteral("--password"),
                         QStringLiteral("vigil-demo-2026"),
                         QStringLiteral("--tick-ms"),
                         QStringLiteral("0")});
        QByteArray output;
        const auto said = [&](const QByteArray& text) {
            output += simulator.readAllStandardOutput();
            return output.contains(text);
        };
        QVERIFY2(QTest::qWaitFor([&] { return said(" online\n"); }, 30000), output.constData());
        QCOMPARE(service.sockets.size(), 1);
        // The token travels in the Authorization header of the upgrade, never in the URL.
        const QByteArray upgrade = service.upgrades.constFirst();
        QVERIFY(upgrade.startsWith("GET /v1/events HTTP/1.1"));
        QVERIFY(upgrade.contains("Authorization: Bearer vat_fake"));

        QWebSocket* socket = service.sockets.constFirst();
        if (!frame.isEmpty())
            socket->sendTextMessage(frame);
        socket->close(QWebSocketProtocol::CloseCode(closeCode));

        if (expected.startsWith(QLatin1String("refused"))) {
            QVERIFY2(QTest::qWaitFor([&] { return said(" " + expected.toUtf8() + "\n"); }, 30000), output.constData());
            // Waiting with the event loop running: the fake service must keep answering meanwhile.
            QVERIFY(QTest::qWaitFor([&] { return simulator.state() == QProcess::NotRunning; }, 30000));
            QCOMPARE(simulator.exitCode(), 0);
            output += simulator.readAllStandardOutput();
            QCOMPARE(output.count("refused"), 1);
            // A refused device stops: no sign-out, no further requests.
            QCOMPARE(service.count("POST /v1/auth/logout"), 0);
            QCOMPARE(service.sockets.size(), 1);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(service.sockets.size(), 2, 30000);
            QCOMPARE(service.count("POST /v1/auth/refresh"), expected == QLatin1String("refresh") ? 1 : 0);
            QVERIFY(!said("refused"));
            simulator.terminate();
            // Waiting with the event loop running: the fake service must keep answering meanwhile.
            QVERIFY(QTest::qWaitFor([&] { return simulator.state() == QProcess::NotRunning; }, 30000));
            QCOMPARE(simulator.exitCode(), 0);
            QCOMPARE(service.count("POST /v1/auth/logout"), 1);
        }
        QVERIFY(!output.contains("vat_") && !output.contains("vrt_") && !output.contains("vigil-demo-2026"));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorSocket)
#include "TestSimulatorSocket.moc"
