#include "ServiceFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

// The admin API (key, reset, clock) and the process life cycle (signals, clean exit, persistence).
class TestServiceAdmin final : public ServiceFixture
{
    Q_OBJECT

private:
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService());
        client().rememberSecret(QString::fromLatin1(MockdProcess::adminKey));
    }

    void init() { QVERIFY(client().reset()); }

    void theAdminApiNeedsTheKey_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("clock") << QByteArray("GET") << QStringLiteral("/__admin/clock");
        QTest::newRow("reset") << QByteArray("POST") << QStringLiteral("/__admin/reset");
        QTest::newRow("unknown admin route") << QByteArray("GET") << QStringLiteral("/__admin/secrets");
    }

    void theAdminApiNeedsTheKey()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const QByteArray body = method == "GET" ? QByteArray() : QByteArray("");
        const QByteArray key(MockdProcess::adminKey);
        QByteArray sameLength = key;
        sameLength[sameLength.size() - 1] = sameLength.back() == 'x' ? 'y' : 'x';
        for (const RawHeaders& headers : {RawHeaders{},
                                          RawHeaders{{"X-Admin-Key", ""}},
                                          RawHeaders{{"X-Admin-Key", "wrong"}},
                                          RawHeaders{{"X-Admin-Key", sameLength}},
                                          RawHeaders{{"X-Admin-Key", key + "0"}},
                                          RawHeaders{{"Authorization", "Bearer " + key}}}) {
            const ServiceReply reply = client().send(method, path, body, headers);
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.error(), QStringLiteral("admin_key_required"));
        }
        const ServiceReply allowed = client().send(method, path, body, {{"X-Admin-Key", key}});
        QVERIFY(allowed.status != 403);
        QCOMPARE(allowed.status, path.endsWith(QLatin1String("secrets")) ? 404 : method == "GET" ? 200 : 204);
    }

    void resetGoesBackToTheScenario()
    {
        const auto tokens = client().login(demoEmail(), demoPassword());
        QVERIFY(!tokens.access.isEmpty());
        QCOMPARE(
            client().get(QStringLiteral("/v1/me"), tokens.access).json().value(QStringLiteral("devices_count")).toInt(),
            13);
        for (int i = 0; i < 5; ++i)
            client().loginReply(demoEmail(), QStringLiteral("guess-%1").arg(i));
        QCOMPARE(client().loginReply(demoEmail(), demoPassword()).status, 429);
        QVERIFY(client().advanceClock(7200));

        QVERIFY(client().reset());
        // Sessions made after the scenario are gone, the throttle forgot, the clock is real again.
        QCOMPARE(client().get(QStringLiteral("/v1/me"), tokens.access).error(), QStringLiteral("token_invalid"));
        const auto fresh = client().login(demoEmail(), demoPassword());
        QVERIFY(!fresh.access.isEmpty());
        QCOMPARE(
            client().get(QStringLiteral("/v1/me"), fresh.access).json().value(QStringLiteral("devices_count")).toInt(),
            13);
        const QJsonObject clock = client().admin("GET", QStringLiteral("/__admin/clock")).json();
        QCOMPARE(clock.value(QStringLiteral("offset_seconds")).toDouble(), 0.0);
    }

    void theClockCanBeAdvancedAndSet()
    {
        const qint64 before = client().serverTimeSeconds();
        QVERIFY(before > 0);
        ServiceReply reply =
            client().admin("POST", QStringLiteral("/__admin/clock"), {{QStringLiteral("advance_seconds"), 3600}});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().value(QStringLiteral("offset_seconds")).toDouble() >= 3600);
        QVERIFY(client().serverTimeSeconds() >= before + 3600);

        reply = client().admin("POST",
                               QStringLiteral("/__admin/clock"),
                               {{QStringLiteral("set"), QStringLiteral("2030-01-02T03:04:05Z")}});
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.json().value(QStringLiteral("now")).toString().startsWith(QLatin1String("2030-01-02T03:04:0")),
                 reply.body.constData());
        reply = client().admin("POST",
                               QStringLiteral("/__admin/clock"),
                               {{QStringLiteral("set"), QStringLiteral("2030-01-02T05:04:05+02:00")}});
        QVERIFY(reply.json().value(QStringLiteral("now")).toString().startsWith(QLatin1String("2030-01-02T03:04:0")));
        // Every answer's Date header tells the moved time, so the app can follow it.
        const QByteArray date = client().get(QStringLiteral("/v1/me")).header("Date");
        QVERIFY2(date.startsWith("Wed, 02 Jan 2030 03:04:0") && date.endsWith(" GMT"), date.constData());
    }

    void badClockChangesAre422_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("negative") << QJsonObject{{QStringLiteral("advance_seconds"), -5}}
                                  << QStringLiteral("advance_seconds");
        QTest::newRow("fraction") << QJsonObject{{QStringLiteral("advance_seconds"), 1.5}}
                                  << QStringLiteral("advance_seconds");
        QTest::newRow("text") << QJsonObject{{QStringLiteral("advance_seconds"), QStringLiteral("60")}}
                              << QStringLiteral("advance_seconds");
        QTest::newRow("no zone") << QJsonObject{{QStringLiteral("set"), QStringLiteral("2030-01-02T03:04:05")}}
                                 << QStringLiteral("set");
        QTest::newRow("nonsense") << QJsonObject{{QStringLiteral("set"), QStringLiteral("tomorrow")}}
                                  << QStringLiteral("set");
        QTest::newRow("both") << QJsonObject{{QStringLiteral("set"), QStringLiteral("2030-01-02T03:04:05Z")},
                                             {QStringLiteral("advance_seconds"), 5}}
                              << QStringLiteral("set");
        QTest::newRow("neither") << QJsonObject{{QStringLiteral("forward"), 5}} << QStringLiteral("advance_seconds");
    }

    void badClockChangesAre422()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const ServiceReply reply = client().admin("POST", QStringLiteral("/__admin/clock"), body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), field);
    }

    void sessionsAreIssuedWithoutAPasswordForBenchmarks()
    {
        const QJsonObject body{{QStringLiteral("account"), QString::fromLatin1(ServiceClient::demoEmail)},
                               {QStringLiteral("devices"), 3},
                               {QStringLiteral("name"), QStringLiteral("Rack TV")}};
        QCOMPARE(client().send("POST", QStringLiteral("/__admin/sessions"), QJsonDocument(body).toJson()).status, 403);
        const ServiceReply reply = client().admin("POST", QStringLiteral("/__admin/sessions"), body);
        QCOMPARE(reply.status, 200);
        const QJsonArray sessions = reply.json().value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 3);
        // Each is a signed-in device like any other: its token works and the list shows it.
        const QString access = sessions.at(2).toObject().value(QStringLiteral("access_token")).toString();
        const ServiceReply devices = client().get(QStringLiteral("/v1/devices"), access);
        QCOMPARE(devices.status, 200);
        QStringList names;
        for (const QJsonValue& device : devices.json().value(QStringLiteral("devices")).toArray())
            names.append(device.toObject().value(QStringLiteral("name")).toString());
        QVERIFY2(names.contains(QStringLiteral("Rack TV 1")) && names.contains(QStringLiteral("Rack TV 3")),
                 qPrintable(names.join(QStringLiteral(", "))));

        // An unknown account or a count out of range is refused.
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/sessions"),
                            {{QStringLiteral("account"), QStringLiteral("nobody@vigil.test")},
                             {QStringLiteral("devices"), 1}})
                     .status,
                 422);
        QCOMPARE(client()
                     .admin("POST",
                            QStringLiteral("/__admin/sessions"),
                            {{QStringLiteral("account"), QString::fromLatin1(ServiceClient::demoEmail)},
                             {QStringLiteral("devices"), 0}})
                     .status,
                 422);
    }

    void sigtermStopsCleanlyAndKeepsTheData()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("mockd.sqlite"));
        MockdProcess first;
        QVERIFY2(first.start({QStringLiteral("--db"), db}), qPrintable(first.errorString()));
        ServiceClient firstClient(first.baseUrl());
        const auto tokens = firstClient.login(demoEmail(), demoPassword());
        QVERIFY(!tokens.refresh.isEmpty());
        QCOMPARE(first.stop(), 0);
        QVERIFY(first.output().contains(" POST /v1/auth/login 200 "));

        // A new process on the same database knows the session: it was on disk before the answer.
        MockdProcess second;
        QVERIFY2(second.start({QStringLiteral("--db"), db}), qPrintable(second.errorString()));
        ServiceClient secondClient(second.baseUrl());
        const ServiceReply refreshed = secondClient.postJson(QStringLiteral("/v1/auth/refresh"),
                                                             {{QStringLiteral("refresh_token"), tokens.refresh}});
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(secondClient.get(QStringLiteral("/v1/me"), secondClient.tokensFrom(refreshed).access).status, 200);
        QCOMPARE(second.stop(), 0);
        const QStringList leaked = firstClient.leakedSecrets(first.output() + second.output());
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
    }

    void sigintStopsCleanly()
    {
        MockdProcess process;
        QVERIFY2(process.start(), qPrintable(process.errorString()));
        QCOMPARE(ServiceClient(process.baseUrl()).get(QStringLiteral("/v1/me")).status, 401);
#ifdef Q_OS_WIN
        QSKIP("no SIGINT on Windows; Ctrl+C goes through SetConsoleCtrlHandler (base/SignalWatcher_win.cpp)");
#else
        QVERIFY(::kill(pid_t(process.process().processId()), SIGINT) == 0);
#endif
        QVERIFY(process.process().waitForFinished(10000));
        QCOMPARE(process.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.process().exitCode(), 0);
    }

    void aRequestInFlightIsAnsweredBeforeExit()
    {
        MockdProcess process;
        QVERIFY2(process.start(), qPrintable(process.errorString()));
        ServiceClient other(process.baseUrl());
        const QByteArray body = R"({"email":"demo@vigil.test","password":"vigil-demo-2026"})";
        QTcpSocket socket;
        socket.connectToHost(process.baseUrl().host(), quint16(process.baseUrl().port()));
        QVERIFY(socket.waitForConnected(10000));
        socket.write("POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket.waitForBytesWritten(10000));
        // A request on another connection, answered after the sign-in was read (its bytes arrived
        // first); the sign-in itself takes a password hash, so it is still in flight.
        QCOMPARE(other.get(QStringLiteral("/v1/me")).status, 401);
        process.process().terminate();
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") || !answer.contains("refresh_token")) {
            if (!socket.waitForReadyRead(10000))
                break;
            answer += socket.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());
        QVERIFY(process.process().waitForFinished(10000));
        QCOMPARE(process.process().exitCode(), 0);
        QCOMPARE(process.process().exitStatus(), QProcess::NormalExit);
        // The answer carried tokens; they must not be in the log.
        const QByteArray log = process.output();
        QVERIFY(log.contains(" POST /v1/auth/login 200 "));
        QVERIFY(!log.contains("vrt_") && !log.contains("vat_") && !log.contains("vigil-demo-2026"));
    }

    void theLogNeverShowsASecret()
    {
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY(log.contains(" POST /__admin/reset 204 "));
        QVERIFY(log.contains(" GET /__admin/clock 403 "));
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestServiceAdmin)
#include "mockd_service_admin.moc"
