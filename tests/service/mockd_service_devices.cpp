#include "ServiceFixture.h"
#include "TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSet>
#include <QTest>
#include <memory>

// The device routes of a real vigil-mockd: list (filters, cursor pages, ETag), one device, its
// sign-in history, rename rules, and the location that comes from the GeoIP database.
class TestServiceDevices final : public ServiceFixture
{
    Q_OBJECT

private:
    QString m_token;

    QString signIn(const QString& name = QStringLiteral("Test Laptop"))
    {
        const auto tokens = client().login(QString::fromLatin1(ServiceClient::demoEmail),
                                           QString::fromLatin1(ServiceClient::demoPassword),
                                           {{QStringLiteral("name"), name},
                                            {QStringLiteral("type"), QStringLiteral("computer")},
                                            {QStringLiteral("os"), QStringLiteral("Debian")}});
        return tokens.access;
    }

    ServiceReply get(const QString& path, const RawHeaders& extra = {})
    {
        RawHeaders headers{{"Authorization", "Bearer " + m_token.toLatin1()}};
        headers.append(extra);
        return client().send("GET", path, {}, headers);
    }

    ServiceReply patchName(const QString& id, const QJsonValue& name)
    {
        return client().send("PATCH",
                             QStringLiteral("/v1/devices/") + id,
                             QJsonDocument(QJsonObject{{QStringLiteral("name"), name}}).toJson(QJsonDocument::Compact),
                             {{"Authorization", "Bearer " + m_token.toLatin1()}, {"Content-Type", "application/json"}});
    }

    static QJsonObject findDevice(const QJsonArray& devices, const QString& id)
    {
        for (const QJsonValue& value : devices) {
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init()
    {
        QVERIFY(client().reset());
        m_token = signIn();
        QVERIFY(!m_token.isEmpty());
    }

    void listShowsTheHouseholdWithTheCallerMarked()
    {
        const ServiceReply reply = get(QStringLiteral("/v1/devices"));
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        const QJsonArray devices = json.value(QStringLiteral("devices")).toArray();
        QCOMPARE(json.value(QStringLiteral("total")).toInt(), devices.size());
        QVERIFY2(devices.size() >= 13, reply.body.left(300).constData()); // 12 seeded + this one
        QVERIFY(json.value(QStringLiteral("next_cursor")).isNull());
        int current = 0;
        for (const QJsonValue& value : devices) {
            const QJsonObject device = value.toObject();
            for (const char* field : {"id", "name", "type", "first_sign_in", "last_active", "status"})
                QVERIFY2(device.contains(QLatin1String(field)), field);
            if (device.value(QStringLiteral("is_current")).toBool()) {
                ++current;
                QCOMPARE(device.value(QStringLiteral("name")).toString(), QStringLiteral("Test Laptop"));
            }
        }
        QCOMPARE(current, 1);
        // Stable order: first sign-in, then id.
        for (qsizetype i = 1; i < devices.size(); ++i) {
            const QJsonObject a = devices.at(i - 1).toObject();
            const QJsonObject b = devices.at(i).toObject();
            const QString ta = a.value(QStringLiteral("first_sign_in")).toString();
            const QString tb = b.value(QStringLiteral("first_sign_in")).toString();
            QVERIFY(ta < tb ||
                    (ta == tb && a.value(QStringLiteral("id")).toString() < b.value(QStringLiteral("id")).toString()));
        }
        // A seeded household device has its location from the GeoIP database.
        const QJsonObject tv = findDevice(devices, QStringLiteral("dev_demo_living_tv"));
        const QJsonObject location = tv.value(QStringLiteral("location")).toObject();
        QCOMPARE(location.value(QStringLiteral("city")).toString(), QStringLiteral("London"));
        QCOMPARE(location.value(QStringLiteral("country_code")).toString(), QStringLiteral("GB"));
        QVERIFY(qAbs(location.value(QStringLiteral("lat")).toDouble() - 51.5074) < 0.01);
        const QJsonObject hotel = findDevice(devices, QStringLiteral("dev_demo_hotel_tv"));
        QCOMPARE(hotel.value(QStringLiteral("location")).toObject().value(QStringLiteral("city")).toString(),
                 QStringLiteral("Lisbon"));
    }

    void filtersNarrowTheListAndUnknownValuesAre422()
    {
        const ServiceReply tvs = get(QStringLiteral("/v1/devices?type=tv,settopbox&status=streaming"));
        QCOMPARE(tvs.status, 200);
        const QJsonArray devices = tvs.json().value(QStringLiteral("devices")).toArray();
        QVERIFY(!devices.isEmpty());
        for (const QJsonValue& value : devices) {
            const QJsonObject device = value.toObject();
            QVERIFY(QStringList({QStringLiteral("tv"), QStringLiteral("settopbox")})
                        .contains(device.value(QStringLiteral("type")).toString()));
            QCOMPARE(device.value(QStringLiteral("status")).toString(), QStringLiteral("streaming"));
        }
        QCOMPARE(tvs.json().value(QStringLiteral("total")).toInt(), devices.size());

        for (const QString& query : {QStringLiteral("status=sleeping"),
                                     QStringLiteral("type=fridge"),
                                     QStringLiteral("limit=0"),
                                     QStringLiteral("limit=1001"),
                                     QStringLiteral("limit=ten"),
                                     QStringLiteral("cursor=%21%21")}) {
            const ServiceReply bad = get(QStringLiteral("/v1/devices?") + query);
            QCOMPARE(bad.status, 422);
            QCOMPARE(bad.error(), QStringLiteral("invalid_field"));
            QCOMPARE(bad.json().value(QStringLiteral("field")).toString(), query.section(QLatin1Char('='), 0, 0));
        }
    }

    void pagesCoverEveryDeviceExactlyOnce()
    {
        const int total = get(QStringLiteral("/v1/devices")).json().value(QStringLiteral("total")).toInt();
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            const QString path = QStringLiteral("/v1/devices?limit=5") +
                                 (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor);
            const ServiceReply page = get(path);
            QCOMPARE(page.status, 200);
            const QJsonArray devices = page.json().value(QStringLiteral("devices")).toArray();
            QVERIFY(devices.size() <= 5);
            QCOMPARE(page.json().value(QStringLiteral("total")).toInt(), total);
            for (const QJsonValue& value : devices) {
                const QString id = value.toObject().value(QStringLiteral("id")).toString();
                QVERIFY2(!seen.contains(id), qPrintable(id));
                seen.insert(id);
            }
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
            QVERIFY(++pages < 100);
        } while (!cursor.isEmpty());
        QCOMPARE(seen.size(), total);
        QCOMPARE(pages, (total + 4) / 5);
    }

    void etagAnswers304UntilSomethingChanges()
    {
        const ServiceReply first = get(QStringLiteral("/v1/devices"));
        const QByteArray etag = first.header("ETag");
        QVERIFY2(etag.startsWith('"') && etag.endsWith('"'), etag.constData());
        const ServiceReply same = get(QStringLiteral("/v1/devices"), {{"If-None-Match", etag}});
        QCOMPARE(same.status, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(same.header("ETag"), etag);
        QCOMPARE(get(QStringLiteral("/v1/devices"), {{"If-None-Match", "\"other\""}}).status, 200);

        QCOMPARE(patchName(QStringLiteral("dev_demo_ps5"), QStringLiteral("Leo's PS5")).status, 200);
        const ServiceReply changed = get(QStringLiteral("/v1/devices"), {{"If-None-Match", etag}});
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.header("ETag") != etag);
        QCOMPARE(findDevice(changed.json().value(QStringLiteral("devices")).toArray(), QStringLiteral("dev_demo_ps5"))
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Leo's PS5"));
    }

    void oneDeviceAndOtherAccountsAreNotFound()
    {
        const ServiceReply tv = get(QStringLiteral("/v1/devices/dev_demo_living_tv"));
        QCOMPARE(tv.status, 200);
        QCOMPARE(tv.json().value(QStringLiteral("name")).toString(), QStringLiteral("Living Room TV"));
        QCOMPARE(tv.json().value(QStringLiteral("is_current")).toBool(), false);
        QCOMPARE(get(QStringLiteral("/v1/devices/dev_nope")).status, 404);
        const ServiceReply other = get(QStringLiteral("/v1/devices/dev_twostep_laptop"));
        QCOMPARE(other.status, 404);
        QCOMPARE(other.error(), QStringLiteral("not_found"));
        QCOMPARE(get(QStringLiteral("/v1/devices/dev_twostep_laptop/history")).status, 404);
        QCOMPARE(patchName(QStringLiteral("dev_twostep_laptop"), QStringLiteral("Mine now")).status, 404);

        // The 2-step account sees its own devices and not the household's.
        const ServiceReply start = client().loginReply(QString::fromLatin1(ServiceClient::twoStepEmail),
                                                       QString::fromLatin1(ServiceClient::twoStepPassword));
        QCOMPARE(start.status, 403);
        const QString code = ServiceClient::totp(ServiceClient::twoStepSecret, client().serverTimeSeconds());
        client().rememberCode(code);
        const ServiceReply done =
            client().postJson(QStringLiteral("/v1/auth/mfa"),
                              {{QStringLiteral("mfa_token"), start.json().value(QStringLiteral("mfa_token"))},
                               {QStringLiteral("method"), QStringLiteral("totp")},
                               {QStringLiteral("code"), code}});
        QCOMPARE(done.status, 200);
        const QString twoStep = client().tokensFrom(done).access;
        QCOMPARE(client().get(QStringLiteral("/v1/devices/dev_demo_living_tv"), twoStep).status, 404);
        QCOMPARE(client().get(QStringLiteral("/v1/devices/dev_twostep_laptop"), twoStep).status, 200);
        const QJsonArray theirs =
            client().get(QStringLiteral("/v1/devices"), twoStep).json().value(QStringLiteral("devices")).toArray();
        QVERIFY(findDevice(theirs, QStringLiteral("dev_demo_living_tv")).isEmpty());
        QVERIFY(!findDevice(theirs, QStringLiteral("dev_twostep_laptop")).isEmpty());
    }

    void historyListsSignInsNewestFirst()
    {
        // Sign the same device in twice more: three sign-ins in its history.
        QVERIFY(!signIn().isEmpty());
        m_token = signIn();
        const ServiceReply me = get(QStringLiteral("/v1/devices/current"));
        QCOMPARE(me.status, 200);
        const QString id = me.json().value(QStringLiteral("id")).toString();
        QVERIFY(me.json().value(QStringLiteral("is_current")).toBool());

        const ServiceReply all = get(QStringLiteral("/v1/devices/") + id + QStringLiteral("/history"));
        QCOMPARE(all.status, 200);
        const QJsonArray entries = all.json().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject entry = entries.at(i).toObject();
            QCOMPARE(entry.value(QStringLiteral("method")).toString(), QStringLiteral("password"));
            QCOMPARE(entry.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
            QCOMPARE(entry.value(QStringLiteral("ip")).toString(), QStringLiteral("127.0.0.1"));
            QVERIFY(entry.value(QStringLiteral("location")).isNull()); // loopback: unknown
            if (i > 0)
                QVERIFY(entries.at(i - 1).toObject().value(QStringLiteral("time")).toString() >=
                        entry.value(QStringLiteral("time")).toString());
        }
        // Pages of one.
        const ServiceReply first = get(QStringLiteral("/v1/devices/") + id + QStringLiteral("/history?limit=1"));
        QCOMPARE(first.json().value(QStringLiteral("entries")).toArray().size(), 1);
        const QString cursor = first.json().value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        const ServiceReply second =
            get(QStringLiteral("/v1/devices/") + id + QStringLiteral("/history?limit=2&cursor=") + cursor);
        QCOMPARE(second.json().value(QStringLiteral("entries")).toArray().size(), 2);
        QVERIFY(second.json().value(QStringLiteral("next_cursor")).isNull());

        // A seeded device: its seeded sign-in, with the location of its address.
        const ServiceReply seeded = get(QStringLiteral("/v1/devices/dev_demo_grandma_firetv/history"));
        const QJsonObject entry = seeded.json().value(QStringLiteral("entries")).toArray().first().toObject();
        QCOMPARE(entry.value(QStringLiteral("location")).toObject().value(QStringLiteral("city")).toString(),
                 QStringLiteral("Madrid"));
    }

    void renameFollowsTheRules()
    {
        const QString id = QStringLiteral("dev_demo_bedroom_tv");
        const ServiceReply trimmed = patchName(id, QStringLiteral("  Guest Room TV  "));
        QCOMPARE(trimmed.status, 200);
        QCOMPARE(trimmed.json().value(QStringLiteral("name")).toString(), QStringLiteral("Guest Room TV"));
        QCOMPARE(patchName(id, QString(64, QLatin1Char('x'))).status, 200);
        // 64 characters, not bytes: accented letters count once.
        QCOMPARE(patchName(id, QString(64, QChar(0x00e9))).status, 200);

        const QList<QJsonValue> bad{QString(65, QLatin1Char('x')),
                                    QString(),
                                    QStringLiteral("   "),
                                    QStringLiteral("Bad\nName"),
                                    QStringLiteral("Bell\u0007"),
                                    QJsonValue(42),
                                    QJsonValue()};
        for (const QJsonValue& name : bad) {
            const ServiceReply reply = patchName(id, name);
            QCOMPARE(reply.status, 422);
            QCOMPARE(reply.error(), QStringLiteral("invalid_field"));
            QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), QStringLiteral("name"));
        }
        QCOMPARE(patchName(id, QStringLiteral("Guest Room TV")).status, 200);
        const QJsonArray devices = get(QStringLiteral("/v1/devices")).json().value(QStringLiteral("devices")).toArray();
        QCOMPARE(findDevice(devices, id).value(QStringLiteral("name")).toString(), QStringLiteral("Guest Room TV"));
    }

    void statusReportUpdatesTheDevice()
    {
        const RawHeaders headers{{"Authorization", "Bearer " + m_token.toLatin1()},
                                 {"Content-Type", "application/json"}};
        const ServiceReply ok =
            client().send("PUT",
                          QStringLiteral("/v1/devices/current/status"),
                          "{\"status\":\"streaming\",\"profile\":\"Alex\",\"title\":\"Night Trains\"}",
                          headers);
        QCOMPARE(ok.status, 204);
        const QJsonObject me = get(QStringLiteral("/v1/devices/current")).json();
        QCOMPARE(me.value(QStringLiteral("status")).toString(), QStringLiteral("streaming"));
        QCOMPARE(me.value(QStringLiteral("status_profile")).toString(), QStringLiteral("Alex"));
        QCOMPARE(me.value(QStringLiteral("status_title")).toString(), QStringLiteral("Night Trains"));
        QCOMPARE(me.value(QStringLiteral("last_profile")).toString(), QStringLiteral("Alex"));
        const ServiceReply bad =
            client().send("PUT", QStringLiteral("/v1/devices/current/status"), "{\"status\":\"offline\"}", headers);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(QStringLiteral("field")).toString(), QStringLiteral("status"));
        QCOMPARE(client().send("PUT", QStringLiteral("/v1/devices/current/status"), "{\"status\":\"idle\"}", {}).status,
                 401);
    }

    void locationComesFromTheGeoIpDatabase()
    {
        MockdProcess geo;
        QVERIFY2(geo.start({QStringLiteral("--scenario"), testData(u"service/data/geo-scenario.json")}),
                 qPrintable(geo.errorString()));
        ServiceClient other(geo.baseUrl());
        const QString token = other.login(QStringLiteral("geo@vigil.test"), QStringLiteral("vigil-geo-2026")).access;
        QVERIFY(!token.isEmpty());
        const QJsonArray devices =
            other.get(QStringLiteral("/v1/devices"), token).json().value(QStringLiteral("devices")).toArray();
        const QJsonObject lisbon =
            findDevice(devices, QStringLiteral("dev_geo_lisbon")).value(QStringLiteral("location")).toObject();
        QCOMPARE(lisbon.value(QStringLiteral("city")).toString(), QStringLiteral("Lisbon"));
        QCOMPARE(lisbon.value(QStringLiteral("country")).toString(), QStringLiteral("Portugal"));
        QCOMPARE(lisbon.value(QStringLiteral("country_code")).toString(), QStringLiteral("PT"));
        // 192.0.2.0/24 is in no database: unknown, whatever the scenario once stored.
        const QJsonObject unknown = findDevice(devices, QStringLiteral("dev_geo_unknown"));
        QVERIFY(!unknown.isEmpty());
        QVERIFY(unknown.value(QStringLiteral("location")).isNull());
        QCOMPARE(geo.stop(), 0);
    }

    void aMissingGeoIpFileIsRefused()
    {
        MockdProcess geo;
        QVERIFY(!geo.start({QStringLiteral("--geoip"), QStringLiteral("/nonexistent/city.mmdb")}, 5000));
    }

    void theLogNeverShowsASecret()
    {
        QCOMPARE(m_mockd.stop(), 0);
        const QByteArray log = m_mockd.output();
        QVERIFY2(log.contains(" GET /v1/devices 200 "), log.right(2000).constData());
        const QStringList leaked = client().leakedSecrets(log);
        QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QStringLiteral(", "))));
        QVERIFY(!log.contains("vat_") && !log.contains("vrt_"));
    }
};

QTEST_GUILESS_MAIN(TestServiceDevices)
#include "mockd_service_devices.moc"
