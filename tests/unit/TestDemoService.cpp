#include "core/demo/DemoService.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

// DemoService against stand-in executables (shell scripts), so the start/stop protocol is tested
// without the real service; the real one is exercised by the service tests.
class TestDemoService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsReadsUrlAndStops();
    void childThatDiesEarlyFails();
    void missingExecutableFails();
    void passesPortDbAndAdminKey();
    void connectsTheOnlineDemoDevicesBeforeReady();

private:
    QString script(const QString& name, const QByteArray& body);
    QTemporaryDir m_dir;
};

void TestDemoService::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestDemoService::script(const QString& name, const QByteArray& body)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestDemoService::startsReadsUrlAndStops()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("child.pid"));
    DemoService demo;
    demo.setExecutable(
        script(QStringLiteral("fake-mockd"),
               "echo $$ > '" + pidFile.toUtf8() + "'\necho 'listening on http://127.0.0.1:4567'\nexec sleep 600\n"));
    QSignalSpy ready(&demo, &DemoService::ready);
    demo.start();
    QCOMPARE(demo.state(), DemoService::State::Starting);
    QVERIFY(ready.wait(10000));
    QCOMPARE(demo.state(), DemoService::State::Running);
    QCOMPARE(demo.url(), QUrl(QStringLiteral("http://127.0.0.1:4567")));
    QCOMPARE(ready.constFirst().constFirst().toUrl(), demo.url());

    QFile pid(pidFile);
    QVERIFY(pid.open(QIODevice::ReadOnly));
    const QByteArray childPid = pid.readAll().trimmed();
    QVERIFY(QFile::exists(QStringLiteral("/proc/") + QString::fromLatin1(childPid)));
    demo.stop();
    QCOMPARE(demo.state(), DemoService::State::Stopped);
    // The child is gone (waited for, so not even a zombie is left).
    QVERIFY(!QFile::exists(QStringLiteral("/proc/") + QString::fromLatin1(childPid)));
}

void TestDemoService::childThatDiesEarlyFails()
{
    DemoService demo;
    demo.setExecutable(script(QStringLiteral("broken-mockd"), "echo 'cannot open database' >&2\nexit 3\n"));
    QSignalSpy failed(&demo, &DemoService::failed);
    demo.start();
    QVERIFY(failed.wait(10000));
    QCOMPARE(demo.state(), DemoService::State::Failed);
    QVERIFY(demo.errorString().contains(QStringLiteral("3")));
}

void TestDemoService::missingExecutableFails()
{
    DemoService demo;
    demo.setExecutable(m_dir.filePath(QStringLiteral("does-not-exist")));
    QSignalSpy failed(&demo, &DemoService::failed);
    demo.start();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(demo.state(), DemoService::State::Failed);
    QVERIFY(demo.errorString().contains(QStringLiteral("does-not-exist")));
}

void TestDemoService::passesPortDbAndAdminKey()
{
    const QString argsFile = m_dir.filePath(QStringLiteral("args.txt"));
    DemoService demo;
    demo.setExecutable(script(QStringLiteral("echo-mockd"),
                              "echo \"$@\" > '" + argsFile.toUtf8() + "'\necho \"key=$VIGIL_ADMIN_KEY\" >> '" +
                                  argsFile.toUtf8() + "'\necho 'listening on http://127.0.0.1:1'\nexec sleep 600\n"));
    QSignalSpy ready(&demo, &DemoService::ready);
    demo.start();
    QVERIFY(ready.wait(10000));
    QFile args(argsFile);
    QVERIFY(args.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(args.readAll());
    QVERIFY2(text.startsWith(QStringLiteral("--port 0 --db ")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("demo.db")));
    QVERIFY(!demo.adminKey().isEmpty());
    QVERIFY(text.contains(QStringLiteral("key=") + demo.adminKey()));
    QVERIFY(!text.section(QLatin1Char('\n'), 0, 0).contains(demo.adminKey())); // not on the command line
}

void TestDemoService::connectsTheOnlineDemoDevicesBeforeReady()
{
    // A stand-in for the service's HTTP side: it sees the admin request and decides when to answer.
    QTcpServer service;
    QVERIFY(service.listen(QHostAddress::LocalHost));
    QSignalSpy accepted(&service, &QTcpServer::newConnection);
    DemoService demo;
    demo.setExecutable(script(QStringLiteral("http-mockd"),
                              "echo 'listening on http://127.0.0.1:" + QByteArray::number(service.serverPort()) +
                                  "'\nexec sleep 600\n"));
    QSignalSpy ready(&demo, &DemoService::ready);
    demo.start();
    QVERIFY(accepted.wait(10000));
    QTcpSocket* socket = service.nextPendingConnection();
    QByteArray request;
    QTRY_VERIFY((request += socket->readAll()).contains(R"({"action":"connect"})"));
    QVERIFY2(request.startsWith("POST /__admin/simulator HTTP/1.1\r\n"), request.constData());
    QVERIFY(request.contains(QByteArray("X-Admin-Key: " + demo.adminKey().toUtf8() + "\r\n")));
    // Not ready while the devices are being connected: Vigil would sign in to a half-live demo.
    QCOMPARE(ready.count(), 0);
    QCOMPARE(demo.state(), DemoService::State::Starting);

    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    QVERIFY(ready.wait(10000));
    QCOMPARE(demo.state(), DemoService::State::Running);
    QCOMPARE(demo.url().port(), int(service.serverPort()));
    demo.stop();
}

QTEST_GUILESS_MAIN(TestDemoService)
#include "TestDemoService.moc"
