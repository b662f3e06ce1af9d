#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QObject>
#include <QProcess>
#include <QTest>
#include <memory>

// Who may use the admin API: the key (compared in constant time; every wrong key is refused the
// same way), --no-admin (no admin API at all), and binding beyond loopback (refused unless
// --allow-remote-admin, which then warns).
class TestServiceAdminGuard final : public QObject
{
    Q_OBJECT

private:
    static QStringList adminRoutes()
    {
        return {QStringLiteral("/__admin/clock"),
                QStringLiteral("/__admin/faults"),
                QStringLiteral("/__admin/requests"),
                QStringLiteral("/__admin/outbox")};
    }

    // Runs vigil-mockd to its end (it is expected to refuse to start).
    struct Finished
    {
        int exitCode = -1;
        bool crashed = false;
        QByteArray out;
        QByteArray err;
    };
    static Finished runToExit(const QStringList& args)
    {
        QProcess process;
        process.start(MockdProcess::executable(), args);
        Finished result;
        if (!process.waitForFinished(15000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.crashed = process.exitStatus() != QProcess::NormalExit;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

private Q_SLOTS:
    void everyWrongKeyIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString& path : adminRoutes())
            QTest::newRow(qPrintable(path)) << path;
    }

    void everyWrongKeyIsRefused()
    {
        QFETCH(QString, path);
        MockdProcess mockd;
        QVERIFY2(mockd.start(), qPrintable(mockd.errorString()));
        ServiceClient client(mockd.baseUrl());
        const QByteArray key(MockdProcess::adminKey);
        QByteArray sameLength = key;
        sameLength[0] = sameLength[0] == 'x' ? 'y' : 'x';
        for (const RawHeaders& headers : {RawHeaders{},
                                          RawHeaders{{"X-Admin-Key", ""}},
                                          RawHeaders{{"X-Admin-Key", "test"}},
                                          RawHeaders{{"X-Admin-Key", sameLength}},
                                          RawHeaders{{"X-Admin-Key", key.toUpper()}},
                                          RawHeaders{{"X-Admin-Key", key + key}}}) {
            for (const QByteArray& method : {QByteArray("GET"), QByteArray("DELETE")}) {
                const ServiceReply reply = client.send(method, path, method == "GET" ? QByteArray() : "", headers);
                QCOMPARE(reply.status, 403);
                QCOMPARE(reply.error(), QStringLiteral("admin_key_required"));
            }
        }
        // The right key opens it (and nothing was changed by the refused DELETEs).
        const int status = client.send("GET", path, {}, {{"X-Admin-Key", key}}).status;
        QVERIFY2(status == 200 || status == 422, qPrintable(QString::number(status)));
    }

    void withoutAKeyTheAdminApiRefusesEverything()
    {
        MockdProcess mockd;
        // The last --admin-key wins: an empty one means "no key".
        QVERIFY2(mockd.start({QStringLiteral("--admin-key"), QString()}), qPrintable(mockd.errorString()));
        ServiceClient client(mockd.baseUrl());
        const ServiceReply reply = client.admin("GET", QStringLiteral("/__admin/faults"));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.error(), QStringLiteral("admin_key_required"));
    }

    void noAdminRemovesTheAdminApi()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--no-admin")}), qPrintable(mockd.errorString()));
        ServiceClient client(mockd.baseUrl());
        for (const QString& path : adminRoutes()) {
            for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST"), QByteArray("DELETE")}) {
                ServiceReply reply = client.admin(method, path);
                QCOMPARE(reply.status, 404);
                QCOMPARE(reply.error(), QStringLiteral("not_found"));
                reply = client.send(method, path, method == "GET" ? QByteArray() : "");
                QCOMPARE(reply.status, 404);
            }
        }
        QCOMPARE(client.admin("POST", QStringLiteral("/__admin/reset")).status, 404);
        // The account API is untouched.
        QVERIFY(
            !client
                 .login(QString::fromLatin1(ServiceClient::demoEmail), QString::fromLatin1(ServiceClient::demoPassword))
                 .access.isEmpty());
        QCOMPARE(mockd.stop(), 0);
    }

    void aNonLoopbackBindNeedsAllowRemoteAdmin()
    {
        const Finished refused = runToExit({QStringLiteral("--port"),
                                            QStringLiteral("0"),
                                            QStringLiteral("--db"),
                                            QStringLiteral(":memory:"),
                                            QStringLiteral("--admin-key"),
                                            QString::fromLatin1(MockdProcess::adminKey),
                                            QStringLiteral("--bind"),
                                            QStringLiteral("0.0.0.0")});
        QVERIFY(!refused.crashed);
        QVERIFY(refused.exitCode != 0 && refused.exitCode != -1);
        QVERIFY2(refused.err.contains("--allow-remote-admin"), refused.err.constData());
        QVERIFY2(refused.err.contains("0.0.0.0"), refused.err.constData());
        QVERIFY(!refused.out.contains("listening on"));
        QVERIFY(!refused.err.contains(MockdProcess::adminKey));
    }

    void aNonLoopbackBindWithoutTheAdminApiStarts()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("--no-admin")}),
                 qPrintable(mockd.errorString()));
        QCOMPARE(mockd.stop(), 0);
        QVERIFY(!mockd.output().contains("--allow-remote-admin"));
    }

    void allowRemoteAdminStartsWithAWarning()
    {
        MockdProcess mockd;
        QVERIFY2(
            mockd.start({QStringLiteral("--bind"), QStringLiteral("0.0.0.0"), QStringLiteral("--allow-remote-admin")}),
            qPrintable(mockd.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(mockd.output().contains("--allow-remote-admin"), 10000);
        QVERIFY(mockd.output().contains("WARNING"));
        QUrl local = mockd.baseUrl();
        local.setHost(QStringLiteral("127.0.0.1"));
        ServiceClient client(local);
        QCOMPARE(client.admin("GET", QStringLiteral("/__admin/clock")).status, 200);
        QCOMPARE(client.send("GET", QStringLiteral("/__admin/clock")).status, 403);
        QCOMPARE(mockd.stop(), 0);
        QVERIFY(!mockd.output().contains(MockdProcess::adminKey));
    }

    void aLoopbackBindDoesNotWarn()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--allow-remote-admin")}), qPrintable(mockd.errorString()));
        QCOMPARE(mockd.stop(), 0);
        QVERIFY(!mockd.output().contains("WARNING"));
    }

    void helpNamesTheOptions()
    {
        const Finished help = runToExit({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--no-admin"));
        QVERIFY(help.out.contains("--allow-remote-admin"));
    }
};

QTEST_GUILESS_MAIN(TestServiceAdminGuard)
#include "mockd_service_admin_guard.moc"
