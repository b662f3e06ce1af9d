// vigil-mockd's parent watch (`--parent-watch-fd 0`, the macOS way of ending with Vigil, used on
// Linux as a second safety net): closing the parent's end of the stdin pipe stops the service
// cleanly, and without the option stdin's end means nothing.
#include "MockdProcess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace {

// One round trip after the event under test: a service that was going to stop on it has read it by now.
bool answers(MockdProcess& mockd)
{
    QNetworkAccessManager network;
    QUrl url = mockd.baseUrl();
    url.setPath(QStringLiteral("/v1/me"));
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    return finished.wait(10000) && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401;
}

} // namespace

class TestParentWatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endOfStdinStopsTheServiceCleanly()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--parent-watch-fd"), QStringLiteral("0")}),
                 qPrintable(mockd.errorString()));
        QSignalSpy finished(&mockd.process(), &QProcess::finished);
        mockd.process().closeWriteChannel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(mockd.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(mockd.process().exitCode(), 0);
    }

    void dataOnStdinIsIgnored()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--parent-watch-fd"), QStringLiteral("0")}),
                 qPrintable(mockd.errorString()));
        mockd.process().write("hello\n");
        QVERIFY(mockd.process().waitForBytesWritten(5000));
        QVERIFY(answers(mockd));
        QCOMPARE(mockd.process().state(), QProcess::Running);
        QCOMPARE(mockd.stop(), 0);
    }

    void withoutTheOptionEndOfStdinIsIgnored()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start(), qPrintable(mockd.errorString()));
        mockd.process().closeWriteChannel();
        QVERIFY(answers(mockd));
        QCOMPARE(mockd.process().state(), QProcess::Running);
        QCOMPARE(mockd.stop(), 0);
    }

    void aClosedDescriptorIsReported()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start({QStringLiteral("--parent-watch-fd"), QStringLiteral("987")}),
                 qPrintable(mockd.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(mockd.output().contains("cannot watch descriptor 987"), 5000);
        QCOMPARE(mockd.stop(), 0);
    }

    void aBadNumberIsRefused()
    {
        QProcess process;
        process.start(MockdProcess::executable(), {QStringLiteral("--parent-watch-fd"), QStringLiteral("x")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--parent-watch-fd"));
    }
};

QTEST_GUILESS_MAIN(TestParentWatch)
#include "mockd_service_parent_watch.moc"
