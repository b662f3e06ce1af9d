#include "AuditReader.h"
#include "EventClient.h"
#include "ServiceFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// The auto sign-out of unused devices against a real vigil-mockd. The setting (GET/PUT
// /v1/account/settings) and its validation, the sweep after the admin clock moves (stale devices
// gone, fresh ones kept, audited as activity), "never", auto_signout_at in the device JSON, and the
// step-up a change needs (X-Step-Up, audited with its method). The database is a file, so the audit
// table can be read.
class TestServiceAutoSignOut final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens m_me;
    QString m_stepUp; // a step-up token of m_me's session

    static constexpr qint64 day = 24 * 60 * 60;
    const QString m_settings = QStringLiteral("/v1/account/settings");

    // With m_me's step-up token unless `stepUp` says otherwise (an empty optional: no header).
    ServiceReply put(const QJsonValue& days, std::optional<QString> stepUp = QString())
    {
        return putRaw(
            QJsonDocument(QJsonObject{{QStringLiteral("auto_sign_out_days"), days}}).toJson(QJsonDocument::Compact),
            stepUp);
    }

    ServiceReply putRaw(const QByteArray& body, std::optional<QString> stepUp = QString())
    {
        RawHeaders headers{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_me.access.toLatin1()}};
        if (stepUp)
            headers.append({"X-Step-Up", (stepUp->isEmpty() ? m_stepUp : *stepUp).toLatin1()});
        return client().send("PUT", m_settings, body, headers);
    }

    // The details of the audit entries of one type, oldest first, read from the database file.
    QList<QJsonObject> auditDetails(const QString& type)
    {
        return AuditReader::details(m_dir.filePath(QStringLiteral("mockd.sqlite")), type);
    }

    QJsonValue settingNow()
    {
        const ServiceReply reply = client().get(m_settings, m_me.access);
        [&] { QCOMPARE(reply.status, 200); }();
        return reply.json().value(QStringLiteral("auto_sign_out_days"));
    }

    // The listed devices by id.
    QHash<QString, QJsonObject> devices()
    {
        const ServiceReply reply = client().get(QStringLiteral("/v1/devices"), m_me.access);
        [&] { QCOMPARE(reply.status, 200); }();
        QHash<QString, QJsonObject> out;
        const QJsonArray list = reply.json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& value : list)
            out.insert(value.toObject().value(QStringLiteral("id")).toString(), value.toObject());
        return out;
    }

    static QDateTime timeOf(const QJsonObject& device, const char* key)
    {
        return QDateTime::fromString(device.value(QLatin1String(key)).toString(), Qt::ISODate);
    }

    // After the clock moved past the access token's life.
    void refresh() { QVERIFY(client().refreshTokens(m_me.access, m_me.refresh)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(startService({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("mockd.sqlite"))}));
    }

    void init()
    {
        QVERIFY(resetAndSignInEstablished(m_me));
        m_stepUp = client().passwordStepUp(m_me.access);
        QVERIFY(!m_stepUp.isEmpty());
    }

    void settingRoundTrip()
    {
        QVERIFY(settingNow().isNull()); // never, by default
        for (const int days : {30, 60, 90, 180, 365}) {
            const ServiceReply reply = put(days);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(QStringLiteral("auto_sign_out_days")).toInt(), days);
            QCOMPARE(settingNow().toInt(), days);
        }
        const ServiceReply off = put(QJsonValue::Null);
        QCOMPARE(off.status, 200);
        QVERIFY(off.json().contains(QStringLiteral("auto_sign_out_days")));
        QVERIFY(off.json().value(QStringLiteral("auto_sign_out_days")).isNull());
        QVERIFY(settingNow().isNull());
    }

    void changeNeedsStepUp()
    {
        QCOMPARE(put(90).status, 200);
        const auto refused = [&](const ServiceReply& reply) {
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.error(), QStringLiteral("step_up_required"));
        };
        refused(put(30, std::nullopt));                           // no header
        refused(put(30, QStringLiteral("vst_not-a-real-token"))); // made up
        const auto other = client().loginDemo(QStringLiteral("Other Laptop"), QStringLiteral("computer"));
        refused(put(30, client().passwordStepUp(other.access))); // another session's
        QCOMPARE(settingNow().toInt(), 90);                      // unchanged
        const auto auditedBefore = auditDetails(QStringLiteral("auto_sign_out_changed")).size();
        QVERIFY(auditedBefore >= 1); // the change to 90 days

        // With this session's token: saved, and audited with the method that verified it.
        const ServiceReply saved = put(30);
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.json().value(QStringLiteral("auto_sign_out_days")).toInt(), 30);
        QCOMPARE(settingNow().toInt(), 30);
        const QList<QJsonObject> audit = auditDetails(QStringLiteral("auto_sign_out_changed"));
        QCOMPARE(audit.size(), auditedBefore + 1);
        QCOMPARE(audit.constLast().value(QStringLiteral("from")).toInt(), 90);
        QCOMPARE(audit.constLast().value(QStringLiteral("to")).toInt(), 30);
        QCOMPARE(audit.constLast().value(QStringLiteral("verification")).toString(), QStringLiteral("password"));

        // The token lives minutes by the service clock, not forever.
        QVERIFY(client().advanceClock(3600));
        refresh();
        refused(put(60));
        QCOMPARE(settingNow().toInt(), 30);
    }

    void settingIsValidated_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("45 days") << QByteArray(R"({"auto_sign_out_days":45})");
        QTest::newRow("zero") << QByteArray(R"({"auto_sign_out_days":0})");
        QTest::newRow("negative") << QByteArray(R"({"auto_sign_out_days":-30})");
        QTest::newRow("fraction") << QByteArray(R"({"auto_sign_out_days":90.5})");
        QTest::newRow("huge") << QByteArray(R"({"auto_sign_out_days":1e300})");
        QTest::newRow("string") << QByteArray(R"({"auto_sign_out_days":"90"})");
        QTest::newRow("boolean") << QByteArray(R"({"auto_sign_out_days":true})");
        QTest::newRow("missing") << QByteArray(R"({})");
    }

    void settingIsValidated()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(put(90).status, 200);
        const ServiceReply reply = putRaw(body);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("auto_sign_out_days"));
        QCOMPARE(settingNow().toInt(), 90); // unchanged
    }

    void settingNeedsASignedInHolder()
    {
        QCOMPARE(client().get(m_settings).status, 401);
        const RawHeaders headers{{"Content-Type", "application/json"}};
        QCOMPARE(client().send("PUT", m_settings, R"({"auto_sign_out_days":30})", headers).status, 401);
        QVERIFY(settingNow().isNull());
    }

    void deviceJsonCarriesTheDeadline()
    {
        auto list = devices();
        QVERIFY(list.size() > 3);
        for (const QJsonObject& device : std::as_const(list))
            QVERIFY(device.value(QStringLiteral("auto_signout_at")).isNull());
        QCOMPARE(put(180).status, 200);
        list = devices();
        const QJsonObject tv = list.value(QStringLiteral("dev_demo_apple_tv"));
        QVERIFY(!tv.isEmpty());
        QCOMPARE(timeOf(tv, "auto_signout_at"), timeOf(tv, "last_active").addDays(180));
        const QJsonObject mine = list.value(m_me.deviceId);
        QCOMPARE(timeOf(mine, "auto_signout_at"), timeOf(mine, "last_active").addDays(180));
    }

    void clockMovesSignOutStaleDevices()
    {
        const auto before = devices();
        QVERIFY(before.contains(QStringLiteral("dev_demo_hotel_tv")));   // unused for 124 days
        QVERIFY(before.contains(QStringLiteral("dev_demo_chrome_nyc"))); // for 19 days
        QVERIFY(before.contains(QStringLiteral("dev_demo_apple_tv")));   // for 10 days

        // Applies at once: the 124-day-old device goes with the setting.
        QCOMPARE(put(30).status, 200);
        auto now = devices();
        QVERIFY(!now.contains(QStringLiteral("dev_demo_hotel_tv")));
        QVERIFY(now.contains(QStringLiteral("dev_demo_chrome_nyc")));
        QCOMPARE(now.size(), before.size() - 1);

        // Twelve days later Chrome has been unused for 31 days, the Apple TV for 22, this laptop for 12.
        QVERIFY(client().advanceClock(12 * day));
        refresh();
        now = devices();
        QVERIFY(!now.contains(QStringLiteral("dev_demo_chrome_nyc")));
        QVERIFY(now.contains(QStringLiteral("dev_demo_apple_tv")));
        QVERIFY(now.contains(m_me.deviceId));
        QCOMPARE(now.size(), before.size() - 2);

        const ServiceReply activity = client().get(QStringLiteral("/v1/activity?type=revoked"), m_me.access);
        QCOMPARE(activity.status, 200);
        QStringList swept;
        const QJsonArray entries = activity.json().value(QStringLiteral("entries")).toArray();
        for (const QJsonValue& value : entries) {
            const QJsonObject entry = value.toObject();
            QCOMPARE(entry.value(QStringLiteral("type")).toString(), QStringLiteral("revoked"));
            QVERIFY2(entry.value(QStringLiteral("detail")).toString().contains(QStringLiteral("unused for 30 days")),
                     qPrintable(entry.value(QStringLiteral("detail")).toString()));
            swept.append(entry.value(QStringLiteral("device")).toObject().value(QStringLiteral("id")).toString());
        }
        swept.sort();
        QCOMPARE(swept, (QStringList{"dev_demo_chrome_nyc", "dev_demo_hotel_tv"}));
    }

    void theAccountHearsOfIt()
    {
        EventClient events(m_mockd.baseUrl());
        QVERIFY(events.open(m_me.access));
        QVERIFY(!events.waitFor(QStringLiteral("ready")).isEmpty());
        QCOMPARE(put(30).status, 200);
        // Every device's deadline moved, then the 124-day-old one went.
        QVERIFY(!events.waitFor(QStringLiteral("device.updated")).isEmpty());
        const QJsonObject removed = events.waitFor(QStringLiteral("device.removed"));
        QCOMPARE(removed.value(QStringLiteral("device_id")).toString(), QStringLiteral("dev_demo_hotel_tv"));
        // The clock moves: Chrome (19 days unused) passes 30 days and goes at once.
        QVERIFY(client().advanceClock(11 * day + 3600));
        const QJsonObject chrome = events.waitFor(QStringLiteral("device.removed"));
        QCOMPARE(chrome.value(QStringLiteral("device_id")).toString(), QStringLiteral("dev_demo_chrome_nyc"));
        // This laptop is connected, so in use: never swept.
        refresh();
        QVERIFY(devices().contains(m_me.deviceId));
    }

    void neverSignsNothingOut()
    {
        const auto before = devices();
        QCOMPARE(put(30).status, 200);
        QCOMPARE(put(QJsonValue::Null).status, 200);
        const int afterSetting = int(devices().size());
        QCOMPARE(afterSetting, before.size() - 1); // the 30 days did apply while they were set
        QVERIFY(client().advanceClock(20 * day));
        refresh();
        const auto now = devices();
        QCOMPARE(now.size(), afterSetting);
        QVERIFY(now.contains(QStringLiteral("dev_demo_chrome_nyc")));
        const ServiceReply activity = client().get(QStringLiteral("/v1/activity?type=revoked"), m_me.access);
        QCOMPARE(activity.json().value(QStringLiteral("entries")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServiceAutoSignOut)

#include "mockd_service_auto_signout.moc"
