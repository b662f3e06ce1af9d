#include "MockdProcess.h"
#include "ServiceClient.h"
#include "core/api/Redaction.h"
#include "core/demo/DemoService.h"
#include "core/report/LogRecorder.h"
#include "core/report/ProblemReport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

// A problem report made in demo mode, after sign-ins with passwords, tokens and a 2-step code and
// with Vigil's own log full of secrets, is swept file by file: no secret it saw, and no secret
// shape at all (tokens by every prefix of the contract, passwords and codes in their fields, recovery
// codes, support and device codes, the demo computer's device cookie, the authenticator secret).
class TestProblemReportSweep final : public QObject
{
    Q_OBJECT

private:
    // Every shape a secret of Vigil or its service has, whatever value it holds.
    static QList<QRegularExpression> secretShapes()
    {
        QList<QRegularExpression> shapes;
        for (const QString& prefix : Redaction::tokenPrefixes())
            shapes << QRegularExpression(QRegularExpression::escape(prefix) + QStringLiteral("[A-Za-z0-9_-]{6,}"));
        // Secret fields with a value that is not a redaction mark.
        shapes << QRegularExpression(QStringLiteral("\"(password|current|new|new_password|code|otp|secret|totp_secret|"
                                                    "access_token|refresh_token|mfa_token|step_up_token)\"\\s*:\\s*"
                                                    "\"(?!<redacted>|\\[redacted\\])[^\"]+\""))
               << QRegularExpression(QStringLiteral("(code|otp)\\W{1,4}\\d{6}(?!\\d)"))
               << QRegularExpression(QStringLiteral("(?<![\\w-])[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2,4}(?![\\w-])"))
               << QRegularExpression(QStringLiteral("(?<![\\w-])[A-Z0-9]{4}-[A-Z0-9]{4}(?![\\w-])"))
               << QRegularExpression(QStringLiteral("JBSWY3DPEHPK3PXP"));
        return shapes;
    }

private Q_SLOTS:
    void reportHoldsNoSecret()
    {
        LogRecorder::install();
        LogRecorder::clear();
        DemoService demo;
        demo.setExecutable(MockdProcess::executable());
        QSignalSpy ready(&demo, &DemoService::ready);
        demo.start();
        QVERIFY2(ready.wait(30000), qPrintable(demo.errorString()));

        ServiceClient client(demo.url());
        client.rememberSecret(demo.adminKey());
        client.rememberSecret(QString(DemoService::demoDeviceCookie));
        client.rememberSecret(QString::fromLatin1(ServiceClient::twoStepSecret));
        const auto tokens = client.loginDemo(QStringLiteral("Sweep Laptop"), QStringLiteral("computer"));
        QVERIFY(!tokens.access.isEmpty());
        const ServiceReply mfa = client.loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                   QString::fromLatin1(ServiceClient::twoStepPassword));
        const QString mfaToken = mfa.json().value(QStringLiteral("mfa_token")).toString();
        QVERIFY(!mfaToken.isEmpty());
        client.rememberSecret(mfaToken);
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, QDateTime::currentSecsSinceEpoch());
        client.rememberCode(code);
        const ServiceReply signedIn = client.postJson(QStringLiteral("/v1/auth/mfa"),
                                                      {{QStringLiteral("mfa_token"), mfaToken},
                                                       {QStringLiteral("method"), QStringLiteral("totp")},
                                                       {QStringLiteral("code"), code}});
        QVERIFY2(signedIn.status == 200, signedIn.body.constData());
        client.tokensFrom(signedIn);

        // Vigil's own log, as careless as a log line can be.
        for (const QString& secret :
             {QStringLiteral("abcd-efgh-jk12"), QStringLiteral("7KQ2-M9XF"), QStringLiteral("WDJB-MJHT")})
            client.rememberSecret(secret);
        qInfo().noquote() << "refresh" << tokens.refresh << "access" << tokens.access << "mfa" << mfaToken;
        qInfo().noquote() << QStringLiteral("{\"code\":\"") + code +
                                 QStringLiteral("\",\"password\":\"vigil-demo-2026\"}")
                          << "recovery abcd-efgh-jk12 support 7KQ2-M9XF TV code WDJB-MJHT cookie"
                          << QString(DemoService::demoDeviceCookie);
        qWarning().noquote() << "sign-in with password=vigil-twostep-2026 and otp=" + code;

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QNetworkAccessManager network;
        ProblemReport report(&network);
        report.setDemoService(demo.url(), demo.adminKey());
        QSignalSpy saved(&report, &ProblemReport::saved);
        QSignalSpy failed(&report, &ProblemReport::failed);
        report.save(dir.path());
        QVERIFY(saved.wait(30000));
        QCOMPARE(failed.count(), 0);
        const QString folder = saved.first().at(0).toString();
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QCOMPARE(files, (QStringList{ProblemReport::aboutFile, ProblemReport::snapshotFile, ProblemReport::logFile}));

        QVERIFY(client.secretCount() >= 12);
        for (const QString& name : files) {
            QFile file(QDir(folder).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.isEmpty(), qPrintable(name));
            QCOMPARE(client.leakedSecrets(content), QStringList());
            const QString text = QString::fromUtf8(content);
            for (const QRegularExpression& shape : secretShapes()) {
                const QRegularExpressionMatch match = shape.match(text);
                QVERIFY2(!match.hasMatch(), qPrintable(name + QStringLiteral(": ") + match.captured()));
            }
        }
        // What goes in is still useful: the log kept its lines, the snapshot the demo's state.
        QFile log(QDir(folder).filePath(ProblemReport::logFile));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("refresh vrt_"));
        QFile snapshot(QDir(folder).filePath(ProblemReport::snapshotFile));
        QVERIFY(snapshot.open(QIODevice::ReadOnly));
        const QJsonObject state = QJsonDocument::fromJson(snapshot.readAll()).object();
        QCOMPARE(state.value(QStringLiteral("accounts")).toArray().size(), 2);
        QVERIFY(!state.value(QStringLiteral("journal")).toArray().isEmpty());
        demo.stop();
    }
};

QTEST_GUILESS_MAIN(TestProblemReportSweep)
#include "TestProblemReportSweep.moc"
