#include "ServiceFixture.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTest>
#include <algorithm>
#include <memory>

// Names other people read (devices, profiles, households) cannot carry invisible characters: a
// right-to-left override makes "Living Room TV\u202Evt.exe" read differently from what it is, a
// zero-width space makes two names that look the same differ. The service strips format and control
// characters at every door a name comes in by: sign-in, rename, status reports and scenarios.
class TestServiceNames final : public ServiceFixture
{
    Q_OBJECT

private:
    // Every kind of invisible character the service must drop, around and inside `visible`.
    static QString disguised(const QString& left, const QString& right)
    {
        return QChar(0x202E) + left + QChar(0x200B) + QChar(0x2066) + QChar(0xFEFF) + QChar(0x200F) + right +
               QChar(0x202C) + QChar(0x2069) + QChar(0x00AD) + QChar(0x200D);
    }

    static bool hasInvisible(const QString& text)
    {
        const auto codePoints = text.toUcs4();
        return std::any_of(codePoints.begin(), codePoints.end(), [](char32_t c) {
            const auto category = QChar::category(c);
            return category == QChar::Other_Format || category == QChar::Other_Control;
        });
    }

    QJsonObject deviceNamed(const QString& access, const QString& id)
    {
        const QJsonArray devices =
            client().get(QStringLiteral("/v1/devices"), access).json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& device : devices) {
            if (device.toObject().value(QStringLiteral("id")).toString() == id)
                return device.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startService({QStringLiteral("--scenario"), testData(u"service/data/support-test.json")}));
    }

    void init() { QVERIFY(client().reset()); }

    void cleanupTestCase() { QCOMPARE(m_mockd.stop(), 0); }

    void signInDeviceName()
    {
        const ServiceClient::Tokens tokens =
            client().login(QString::fromLatin1(ServiceClient::demoEmail),
                           QString::fromLatin1(ServiceClient::demoPassword),
                           {{QStringLiteral("name"), disguised(QStringLiteral("Kitchen "), QStringLiteral("Tablet"))},
                            {QStringLiteral("type"), QStringLiteral("tablet")}});
        QVERIFY(!tokens.access.isEmpty());
        QCOMPARE(deviceNamed(tokens.access, tokens.deviceId).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Kitchen Tablet"));
    }

    void renamedDevice()
    {
        const ServiceClient::Tokens tokens = client().loginDemo(QStringLiteral("Laptop"), QStringLiteral("computer"));
        QVERIFY(!tokens.access.isEmpty());
        const ServiceReply renamed = client().send(
            "PATCH",
            QStringLiteral("/v1/devices/dev_demo_living_tv"),
            QJsonDocument(
                QJsonObject{{QStringLiteral("name"), disguised(QStringLiteral("<b>x</b> "), QStringLiteral("TV"))}})
                .toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + tokens.access.toLatin1()}});
        QVERIFY2(renamed.status == 200, renamed.body.constData());
        // Markup is text, kept as typed (the app shows it as plain text); only the invisible go.
        QCOMPARE(renamed.json().value(QStringLiteral("name")).toString(), QStringLiteral("<b>x</b> TV"));
        QCOMPARE(
            deviceNamed(tokens.access, QStringLiteral("dev_demo_living_tv")).value(QStringLiteral("name")).toString(),
            QStringLiteral("<b>x</b> TV"));
        // Nothing visible left: refused like an empty name.
        const ServiceReply empty = client().send(
            "PATCH",
            QStringLiteral("/v1/devices/dev_demo_living_tv"),
            QJsonDocument(QJsonObject{{QStringLiteral("name"), disguised(QString(), QString())}}).toJson(),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + tokens.access.toLatin1()}});
        QCOMPARE(empty.status, 422);
    }

    void reportedProfileAndTitle()
    {
        const ServiceClient::Tokens tokens = client().loginDemo(QStringLiteral("Streamer"), QStringLiteral("tv"));
        QVERIFY(!tokens.access.isEmpty());
        const ServiceReply reported = client().send(
            "PUT",
            QStringLiteral("/v1/devices/current/status"),
            QJsonDocument(
                QJsonObject{{QStringLiteral("status"), QStringLiteral("streaming")},
                            {QStringLiteral("profile"), disguised(QStringLiteral("Gu"), QStringLiteral("est"))},
                            {QStringLiteral("title"), disguised(QStringLiteral("The "), QStringLiteral("Film"))}})
                .toJson(),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + tokens.access.toLatin1()}});
        QVERIFY2(reported.status == 204, reported.body.constData());
        const QJsonObject device = deviceNamed(tokens.access, tokens.deviceId);
        QCOMPARE(device.value(QStringLiteral("status_profile")).toString(), QStringLiteral("Guest"));
        QCOMPARE(device.value(QStringLiteral("status_title")).toString(), QStringLiteral("The Film"));
    }

    void scenarioNames()
    {
        QFile file(testData(u"service/data/support-test.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject scenario = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray accounts = scenario.value(QStringLiteral("accounts")).toArray();
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            QJsonObject account = accounts.at(i).toObject();
            if (account.value(QStringLiteral("id")).toString() != QLatin1String("acc_demo"))
                continue;
            account.insert(QStringLiteral("display_name"), disguised(QStringLiteral("Demo "), QStringLiteral("Home")));
            QJsonArray profiles = account.value(QStringLiteral("profiles")).toArray();
            QJsonObject sam = profiles.at(0).toObject();
            sam.insert(QStringLiteral("name"), disguised(QStringLiteral("S"), QStringLiteral("am")));
            profiles.replace(0, sam);
            account.insert(QStringLiteral("profiles"), profiles);
            QJsonArray devices = account.value(QStringLiteral("devices")).toArray();
            QJsonObject tv = devices.at(0).toObject();
            tv.insert(QStringLiteral("name"), disguised(QStringLiteral("Living "), QStringLiteral("Room TV")));
            devices.replace(0, tv);
            account.insert(QStringLiteral("devices"), devices);
            accounts.replace(i, account);
        }
        scenario.insert(QStringLiteral("accounts"), accounts);
        const ServiceReply loaded = client().admin("POST", QStringLiteral("/__admin/scenario"), scenario);
        QVERIFY2(loaded.status == 200, loaded.body.constData());

        const ServiceClient::Tokens tokens = client().loginDemo(QStringLiteral("Laptop"), QStringLiteral("computer"));
        QVERIFY(!tokens.access.isEmpty());
        QCOMPARE(
            deviceNamed(tokens.access, QStringLiteral("dev_demo_living_tv")).value(QStringLiteral("name")).toString(),
            QStringLiteral("Living Room TV"));
        const QJsonObject me = client().get(QStringLiteral("/v1/me"), tokens.access).json();
        const QString household =
            me.value(QStringLiteral("account")).toObject().value(QStringLiteral("display_name")).toString();
        QCOMPARE(household, QStringLiteral("Demo Home"));
        const QByteArray profiles = client().get(QStringLiteral("/v1/profiles"), tokens.access).body;
        QVERIFY2(!hasInvisible(QString::fromUtf8(profiles)), profiles.constData());
        QVERIFY2(profiles.contains("\"Sam\""), profiles.constData());
    }
};

QTEST_GUILESS_MAIN(TestServiceNames)
#include "mockd_service_names.moc"
