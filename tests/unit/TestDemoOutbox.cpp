// The demo inbox's reader against a real vigil-mockd: it shows a code the service "sent", refuses
// a wrong key and a dead service with an error, and never takes an odd answer for an empty inbox.
#include "MockdProcess.h"
#include "core/demo/DemoOutbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace vigil;

class TestDemoOutbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAcceptsTheContractShape()
    {
        const auto parsed = DemoOutbox::parse(
            R"({"messages":[{"to":"d***@vigil.test","channel":"email","code":"123456","purpose":"step_up",)"
            R"("sent_at":"2026-11-25T12:00:00Z"}]})");
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 1);
        QCOMPARE(parsed->first().code, QStringLiteral("123456"));
        QCOMPARE(parsed->first().sentAt, QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC));
    }

    void parseRefusesOddAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("garbage") << QByteArray("\x89PNG\r\n");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no messages") << QByteArray(R"({"mail":[]})");
        QTest::newRow("messages not a list") << QByteArray(R"({"messages":{}})");
        QTest::newRow("entry not an object") << QByteArray(R"({"messages":[42]})");
        QTest::newRow("no code") << QByteArray(R"({"messages":[{"to":"a","sent_at":"2026-11-25T12:00:00Z"}]})");
        QTest::newRow("bad time") << QByteArray(R"({"messages":[{"to":"a","code":"1","sent_at":"yesterday"}]})");
    }

    void parseRefusesOddAnswers()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!DemoOutbox::parse(body));
    }

    void showsACodeTheServiceSent()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start(), qPrintable(mockd.errorString()));
        QNetworkAccessManager network;
        DemoOutbox outbox(&network);
        outbox.setService(mockd.baseUrl(), QString::fromLatin1(MockdProcess::adminKey));
        QSignalSpy changed(&outbox, &DemoOutbox::messagesChanged);
        QSignalSpy arrived(&outbox, &DemoOutbox::messageArrived);
        QSignalSpy errors(&outbox, &DemoOutbox::errorChanged);
        outbox.setPolling(true, 100);
        QVERIFY(outbox.isPolling());

        // Sign in and ask for an emailed step-up code, as the verification dialog would.
        const QJsonObject login = post(network,
                                       mockd.baseUrl(),
                                       QStringLiteral("/v1/auth/login"),
                                       {{QStringLiteral("email"), QStringLiteral("demo@vigil.test")},
                                        {QStringLiteral("password"), QStringLiteral("vigil-demo-2026")}});
        const QString token = login.value(QStringLiteral("access_token")).toString();
        QVERIFY(!token.isEmpty());
        const QJsonObject challenge = post(network,
                                           mockd.baseUrl(),
                                           QStringLiteral("/v1/step-up"),
                                           {{QStringLiteral("method"), QStringLiteral("email")}},
                                           token);
        QVERIFY(!challenge.value(QStringLiteral("challenge")).toString().isEmpty());

        QVERIFY(arrived.wait(10000));
        const auto message = arrived.first().first().value<DemoOutbox::Message>();
        QCOMPARE(message.channel, QStringLiteral("email"));
        QCOMPARE(message.to, QStringLiteral("demo@vigil.test"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{6}$")).match(message.code).hasMatch());
        QCOMPARE(outbox.messages().size(), 1);
        QVERIFY(changed.size() >= 1);
        QVERIFY(outbox.errorString().isEmpty());
        QCOMPARE(errors.size(), 0);
        outbox.setPolling(false);
        QVERIFY(!outbox.isPolling());
    }

    void wrongKeyIsAnError()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start(), qPrintable(mockd.errorString()));
        QNetworkAccessManager network;
        DemoOutbox outbox(&network);
        outbox.setService(mockd.baseUrl(), QStringLiteral("not-the-key-0123456789"));
        QSignalSpy errors(&outbox, &DemoOutbox::errorChanged);
        outbox.refresh();
        QVERIFY(errors.wait(10000));
        QVERIFY(outbox.errorString().startsWith(QLatin1String("Couldn't read the demo inbox")));
        QVERIFY(outbox.messages().isEmpty());
    }

    void deadServiceIsAnError()
    {
        QTcpServer reserve; // a port nothing answers on once closed
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        const quint16 port = reserve.serverPort();
        reserve.close();
        QNetworkAccessManager network;
        DemoOutbox outbox(&network);
        outbox.setService(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("key"));
        QSignalSpy errors(&outbox, &DemoOutbox::errorChanged);
        outbox.refresh();
        QVERIFY(errors.wait(10000));
        QVERIFY(!outbox.errorString().isEmpty());
    }

private:
    static QJsonObject post(QNetworkAccessManager& network,
                            const QUrl& base,
                            const QString& path,
                            const QJsonObject& body,
                            const QString& token = {})
    {
        QUrl url = base;
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        std::unique_ptr<QNetworkReply> reply(network.post(request, QJsonDocument(body).toJson()));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(15000))
            return {};
        return QJsonDocument::fromJson(reply->readAll()).object();
    }
};

QTEST_GUILESS_MAIN(TestDemoOutbox)
#include "TestDemoOutbox.moc"
