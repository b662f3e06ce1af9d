#include "MockdProcess.h"
#include "ServiceClient.h"
#include "TestData.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// Problem reports: POST /__admin/snapshot (through `vigil-mockd snapshot --out`) writes the whole
// state as a scenario with no secret in it, and restoring it on a fresh service (--scenario FILE)
// or over POST /__admin/scenario brings back the same devices and sessions (an old token still
// works, a revoked one is still refused), the clock and the fault rules.
class TestServiceSnapshot final : public QObject
{
    Q_OBJECT

private:
    MockdProcess m_first;
    std::unique_ptr<ServiceClient> m_client;
    QTemporaryDir m_dir;
    QString m_file;
    ServiceClient::Tokens m_kept;
    ServiceClient::Tokens m_revoked;
    QSet<QString> m_devices;
    qint64 m_clockSeconds = 0;

    ServiceClient& client() { return *m_client; }

    static QSet<QString> deviceIds(ServiceClient& c, const QString& access)
    {
        QSet<QString> ids;
        const ServiceReply reply = c.get(QStringLiteral("/v1/devices?limit=1000"), access);
        for (const QJsonValue& device : reply.json().value(QStringLiteral("devices")).toArray())
            ids.insert(device.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

    // The state the snapshot must carry over.
    void checkRestored(ServiceClient& c)
    {
        QCOMPARE(deviceIds(c, m_kept.access), m_devices);
        QCOMPARE(c.get(QStringLiteral("/v1/devices"), m_revoked.access).status, 401);
        const qint64 now = c.serverTimeSeconds();
        QVERIFY2(now >= m_clockSeconds && now < m_clockSeconds + 3600,
                 qPrintable(QStringLiteral("%1 vs %2").arg(now).arg(m_clockSeconds)));
        const QJsonArray faults =
            c.admin("GET", QStringLiteral("/__admin/faults")).json().value(QStringLiteral("faults")).toArray();
        QCOMPARE(faults.size(), 1);
        const QJsonObject rule = faults.first().toObject();
        QCOMPARE(rule.value(QStringLiteral("match")).toObject().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/v1/profiles*"));
        QCOMPARE(rule.value(QStringLiteral("remaining")).toInt(), 2);
        // The restored fault applies.
        QCOMPARE(c.get(QStringLiteral("/v1/profiles"), m_kept.access).status, 503);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("report.json"));
        QVERIFY2(m_first.start(), qPrintable(m_first.errorString()));
        m_client = std::make_unique<ServiceClient>(m_first.baseUrl());
        client().rememberSecret(QString::fromLatin1(MockdProcess::adminKey));
        client().rememberSecret(QString::fromLatin1(ServiceClient::twoStepPassword));
        client().rememberSecret(QString::fromLatin1(ServiceClient::twoStepSecret));
        client().rememberSecret(QStringLiteral("vdc_demo-household-computer-established-0000000"));
        for (const char* code : {"abcd-efgh-jk12", "abcdefghjk12", "rstv-wxyz-ab01"})
            client().rememberSecret(QString::fromLatin1(code));
    }

    void cleanupTestCase() { QCOMPARE(m_first.stop(), 0); }

    void snapshotHoldsNoSecret()
    {
        QVERIFY(client().advanceClock(2 * 24 * 3600));
        m_kept = client().loginDemo(QStringLiteral("Snapshot Tablet"));
        QVERIFY(!m_kept.access.isEmpty());
        m_revoked = client().loginDemo(QStringLiteral("Signed Out Phone"), QStringLiteral("phone"));
        QVERIFY(!m_revoked.access.isEmpty());
        QCOMPARE(client().postJson(QStringLiteral("/v1/auth/logout"), {}, m_revoked.access).status, 204);
        const ServiceReply fault = client().admin(
            "POST",
            QStringLiteral("/__admin/faults"),
            {{QStringLiteral("match"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/v1/profiles*")}}},
             {QStringLiteral("action"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("status")}, {QStringLiteral("status"), 503}}},
             {QStringLiteral("times"), 3}});
        QVERIFY2(fault.status == 201 || fault.status == 200, fault.body.constData());
        QCOMPARE(client().get(QStringLiteral("/v1/profiles"), m_kept.access).status, 503); // 2 left
        m_devices = deviceIds(client(), m_kept.access);
        QVERIFY(m_devices.size() > 10);
        m_clockSeconds = client().serverTimeSeconds();

        QProcess command;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("VIGIL_ADMIN_KEY"), QString::fromLatin1(MockdProcess::adminKey));
        command.setProcessEnvironment(environment);
        command.start(MockdProcess::executable(),
                      {QStringLiteral("snapshot"),
                       QStringLiteral("--out"),
                       m_file,
                       QStringLiteral("--url"),
                       m_first.baseUrl().toString()});
        QVERIFY(command.waitForFinished(60000));
        QVERIFY2(command.exitCode() == 0, command.readAllStandardError().constData());

        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(client().secretCount() > 8);
        QCOMPARE(client().leakedSecrets(text), QStringList());
        const QJsonObject snapshot = QJsonDocument::fromJson(text).object();
        QVERIFY(snapshot.value(QStringLiteral("journal")).toArray().size() > 3); // the requests above, redacted
        QVERIFY(snapshot.value(QStringLiteral("clock")).toObject().value(QStringLiteral("moved")).toBool());
    }

    void freshServiceRestoresIt()
    {
        MockdProcess second;
        QVERIFY2(second.start({QStringLiteral("--scenario"), m_file}), qPrintable(second.errorString()));
        ServiceClient restored(second.baseUrl());
        checkRestored(restored);
        // The kept session goes on: its refresh token rotates on the restored service.
        QString access = m_kept.access;
        QString refresh = m_kept.refresh;
        QVERIFY(restored.refreshTokens(access, refresh));
        QCOMPARE(restored.get(QStringLiteral("/v1/devices"), access).status, 200);
        QCOMPARE(second.stop(), 0);
    }

    // The file committed as the schema check's fixture keeps loading: the format stays readable.
    void committedSnapshotStillLoads()
    {
        const QString fixture = testData(u"lint/fixtures/snapshot.json");
        QFile file(fixture);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject snapshot = QJsonDocument::fromJson(file.readAll()).object();
        const QString taken =
            snapshot.value(QStringLiteral("clock")).toObject().value(QStringLiteral("now")).toString();
        MockdProcess restored;
        QVERIFY2(restored.start({QStringLiteral("--scenario"), fixture}), qPrintable(restored.errorString()));
        ServiceClient c(restored.baseUrl());
        const ServiceReply scenario = c.admin("GET", QStringLiteral("/__admin/scenario"));
        QCOMPARE(scenario.json().value(QStringLiteral("name")).toString(), QStringLiteral("snapshot"));
        QCOMPARE(scenario.json().value(QStringLiteral("devices")).toInt(), 14);
        const qint64 at = QDateTime::fromString(taken, Qt::ISODateWithMs).toSecsSinceEpoch();
        const qint64 now = c.serverTimeSeconds();
        QVERIFY2(now >= at && now < at + 3600, qPrintable(taken));
        QCOMPARE(
            c.admin("GET", QStringLiteral("/__admin/faults")).json().value(QStringLiteral("faults")).toArray().size(),
            2); // the fixture was taken with two rules in force
        // The authenticator secret was withheld, not dropped: 2-step is still asked for.
        const ServiceReply twoStep = c.loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                  QString::fromLatin1(ServiceClient::twoStepPassword));
        QCOMPARE(twoStep.status, 403);
        QCOMPARE(twoStep.error(), QStringLiteral("mfa_required"));
        // The password hash came with the account.
        QVERIFY(!c.loginDemo(QStringLiteral("Fixture Phone"), QStringLiteral("phone")).access.isEmpty());
        QCOMPARE(restored.stop(), 0);
    }

    void adminApiRestoresIt()
    {
        QVERIFY(client().reset());
        QCOMPARE(client().get(QStringLiteral("/v1/devices"), m_kept.access).status, 401);
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ServiceReply loaded =
            client().send("POST",
                          QStringLiteral("/__admin/scenario"),
                          file.readAll(),
                          {{"Content-Type", "application/json"}, {"X-Admin-Key", MockdProcess::adminKey}});
        QVERIFY2(loaded.status == 200, loaded.body.constData());
        checkRestored(client());
    }

    // A snapshot may be megabytes, so POST /__admin/scenario takes more than 64 KiB — from the admin
    // only: anyone else is refused on the head, before the service reads the body.
    void bigScenarioBodiesOnlyFromTheAdmin()
    {
        const QJsonObject scenario{
            {QStringLiteral("name"), QStringLiteral("big")},
            {QStringLiteral("description"), QString(100 * 1024, QLatin1Char('x'))},
            {QStringLiteral("accounts"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("acc_big")},
                                    {QStringLiteral("email"), QStringLiteral("big@vigil.test")},
                                    {QStringLiteral("password"), QStringLiteral("big-scenario-2026")},
                                    {QStringLiteral("display_name"), QStringLiteral("Big")}}}}};
        const QByteArray body = QJsonDocument(scenario).toJson(QJsonDocument::Compact);
        QVERIFY(body.size() > 64 * 1024);
        const auto post = [&](const QByteArray& key) {
            RawHeaders headers{{"Content-Type", "application/json"}};
            if (!key.isEmpty())
                headers.append({"X-Admin-Key", key});
            return client().send("POST", QStringLiteral("/__admin/scenario"), body, headers);
        };
        QCOMPARE(post({}).status, 413);
        QCOMPARE(post("wrong-admin-key-0123456789").status, 413);
        const ServiceReply loaded = post(MockdProcess::adminKey);
        QVERIFY2(loaded.status == 200, loaded.body.constData());
        QCOMPARE(loaded.json().value(QStringLiteral("name")).toString(), QStringLiteral("big"));
    }
};

QTEST_GUILESS_MAIN(TestServiceSnapshot)
#include "mockd_service_snapshot.moc"
