#include "core/devices/Device.h"
#include "core/devices/SearchKey.h"

#include <QJsonDocument>
#include <QTest>

using vigil::Device;
using vigil::DeviceListParse;

namespace {

QJsonObject object(const char* json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError) {
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    }
    return document.object();
}

const char* const fullDevice = R"({
    "id": "dev_01", "name": "Living Room TV", "type": "tv",
    "os": "Tizen", "os_version": "7.0", "app": "Vigil Stream", "app_version": "3.2.1",
    "ip": "203.0.113.7",
    "location": {"city": "Lisbon", "region": "Lisboa", "country": "Portugal", "country_code": "pt",
                 "lat": 38.72, "lon": -9.14},
    "first_sign_in": "2025-11-02T18:30:00Z", "last_active": "2026-03-10T11:58:00.250Z",
    "last_profile": "Ben", "status": "streaming", "status_profile": "Ana", "status_title": "Night Trains",
    "is_current": false, "auto_signout_at": "2026-06-08T11:58:00+02:00"
})";

} // namespace

class TestDevice final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryField()
    {
        const std::optional<Device> device = Device::fromJson(object(fullDevice));
        QVERIFY(device.has_value());
        QCOMPARE(device->id, QStringLiteral("dev_01"));
        QCOMPARE(device->name, QStringLiteral("Living Room TV"));
        QCOMPARE(device->type, Device::Type::Tv);
        QCOMPARE(device->osText(), QStringLiteral("Tizen 7.0"));
        QCOMPARE(device->appText(), QStringLiteral("Vigil Stream 3.2.1"));
        QCOMPARE(device->ip, QStringLiteral("203.0.113.7"));
        QCOMPARE(device->location.city, QStringLiteral("Lisbon"));
        QCOMPARE(device->location.region, QStringLiteral("Lisboa"));
        QCOMPARE(device->location.countryCode, QStringLiteral("PT")); // normalised to upper case
        QCOMPARE(device->location.latitude.value_or(0), 38.72);
        QCOMPARE(device->location.longitude.value_or(0), -9.14);
        QCOMPARE(device->firstSignIn, QDateTime(QDate(2025, 11, 2), QTime(18, 30), Qt::UTC));
        QCOMPARE(device->lastActive, QDateTime(QDate(2026, 3, 10), QTime(11, 58, 0, 250), Qt::UTC));
        QCOMPARE(device->lastActive.timeSpec(), Qt::UTC);
        QCOMPARE(device->autoSignOutAt, QDateTime(QDate(2026, 6, 8), QTime(9, 58), Qt::UTC));
        QCOMPARE(device->status, Device::Status::Streaming);
        QCOMPARE(device->shownProfile(), QStringLiteral("Ana"));
        QCOMPARE(device->statusTitle, QStringLiteral("Night Trains"));
        QCOMPARE(device->lastProfile, QStringLiteral("Ben"));
        QVERIFY(!device->isCurrent);
        QVERIFY(!device->incomplete());
        QCOMPARE(device->locationText(), QStringLiteral("Lisbon, Portugal"));
    }

    void roundTripsThroughJson()
    {
        const Device device = *Device::fromJson(object(fullDevice));
        const std::optional<Device> again = Device::fromJson(device.toJson());
        QVERIFY(again.has_value());
        QCOMPARE(*again, device);
    }

    void ignoresUnknownFields()
    {
        QJsonObject json = object(fullDevice);
        json.insert(QStringLiteral("model"), QStringLiteral("QN90B"));
        json.insert(QStringLiteral("battery"), QJsonObject{{QStringLiteral("level"), 0.4}});
        json.insert(QStringLiteral("name_v2"), 42);
        const std::optional<Device> device = Device::fromJson(json);
        QVERIFY(device.has_value());
        QVERIFY2(!device->incomplete(), qPrintable(device->problems.join(u',')));
        QCOMPARE(*device, *Device::fromJson(object(fullDevice)));
    }

    void unknownEnumValuesAreNotFatal()
    {
        QJsonObject json = object(fullDevice);
        json.insert(QStringLiteral("type"), QStringLiteral("fridge"));
        json.insert(QStringLiteral("status"), QStringLiteral("buffering"));
        const Device device = *Device::fromJson(json);
        QCOMPARE(device.type, Device::Type::Unknown);
        QCOMPARE(device.status, Device::Status::Unknown);
        QVERIFY(!device.incomplete());
    }

    void missingRequiredFieldsMakeItIncomplete()
    {
        const std::optional<Device> device = Device::fromJson(object(R"({"id": "dev_02", "ip": "198.51.100.4"})"));
        QVERIFY(device.has_value());
        QVERIFY(device->incomplete());
        QCOMPARE(device->problems.size(), 5);
        for (const char* field : {"name", "type", "status", "first_sign_in", "last_active"}) {
            QVERIFY2(device->problems.contains(QLatin1String(field)), field);
        }
        QCOMPARE(device->displayName(), QStringLiteral("Unnamed device"));
        QCOMPARE(device->locationText(), QStringLiteral("Unknown location"));
        QCOMPARE(device->ip, QStringLiteral("198.51.100.4"));
    }

    void badValuesMakeItIncomplete()
    {
        QJsonObject json = object(fullDevice);
        json.insert(QStringLiteral("name"), 17);
        json.insert(QStringLiteral("last_active"), QStringLiteral("yesterday"));
        json.insert(QStringLiteral("location"), QStringLiteral("Lisbon"));
        const Device device = *Device::fromJson(json);
        QVERIFY(device.incomplete());
        QCOMPARE(device.problems.size(), 3);
        QVERIFY(device.name.isEmpty());
        QVERIFY(!device.lastActive.isValid());
        QVERIFY(!device.location.isKnown());
    }

    void nullMeansNeverActiveAndUnknownLocation()
    {
        QJsonObject json = object(fullDevice);
        json.insert(QStringLiteral("last_active"), QJsonValue());
        json.insert(QStringLiteral("location"), QJsonValue());
        const Device device = *Device::fromJson(json);
        QVERIFY(!device.incomplete());
        QVERIFY(!device.lastActive.isValid());
        QCOMPARE(device.locationText(), QStringLiteral("Unknown location"));
        QCOMPARE(device.placeText(), QStringLiteral("Unknown location"));
    }

    void readsRfc3339Times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDate date(2026, 3, 10);
        QTest::newRow("utc") << QStringLiteral("2026-03-10T11:58:07Z") << QDateTime(date, QTime(11, 58, 7), Qt::UTC);
        QTest::newRow("lower case") << QStringLiteral("2026-03-10t11:58:07z")
                                    << QDateTime(date, QTime(11, 58, 7), Qt::UTC);
        QTest::newRow("fraction") << QStringLiteral("2026-03-10T11:58:07.5Z")
                                  << QDateTime(date, QTime(11, 58, 7, 500), Qt::UTC);
        QTest::newRow("micros") << QStringLiteral("2026-03-10T11:58:07.123456Z")
                                << QDateTime(date, QTime(11, 58, 7, 123), Qt::UTC);
        QTest::newRow("east") << QStringLiteral("2026-03-10T13:58:07+02:00")
                              << QDateTime(date, QTime(11, 58, 7), Qt::UTC);
        QTest::newRow("west over midnight")
            << QStringLiteral("2026-03-09T23:30:00-03:30") << QDateTime(date, QTime(3, 0), Qt::UTC);
        QTest::newRow("no offset means utc")
            << QStringLiteral("2026-03-10T11:58:07") << QDateTime(date, QTime(11, 58, 7), Qt::UTC);
        QTest::newRow("bad month") << QStringLiteral("2026-13-10T11:58:07Z") << QDateTime();
        QTest::newRow("bad hour") << QStringLiteral("2026-03-10T25:58:07Z") << QDateTime();
        QTest::newRow("bad offset") << QStringLiteral("2026-03-10T11:58:07+ab:cd") << QDateTime();
        QTest::newRow("words") << QStringLiteral("yesterday") << QDateTime();
    }
    void readsRfc3339Times()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QJsonObject json = object(fullDevice);
        json.insert(QStringLiteral("last_active"), text);
        const Device device = *Device::fromJson(json);
        QCOMPARE(device.lastActive, expected);
        QCOMPARE(device.incomplete(), !expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(device.lastActive.timeSpec(), Qt::UTC);
        }
    }

    void withoutIdThereIsNoDevice()
    {
        QVERIFY(!Device::fromJson(object(R"({"name": "Ghost", "type": "tv"})")).has_value());
        QVERIFY(!Device::fromJson(object(R"({"id": 12, "name": "Numbered"})")).has_value());
        QVERIFY(!Device::fromJson(object(R"({"id": "   "})")).has_value());
    }

    void listReportsSkippedEntries()
    {
        QJsonArray array;
        array.append(object(fullDevice));
        array.append(QStringLiteral("not a device"));
        array.append(object(R"({"name": "No id"})"));
        array.append(object(fullDevice)); // duplicate id
        array.append(object(R"({"id": "dev_03"})"));
        QTest::ignoreMessage(QtWarningMsg,
                             "device list: skipped 3 of 5 entries (not an object, no id, or a duplicate id)");
        const DeviceListParse parse = DeviceListParse::fromJson(array);
        QCOMPARE(parse.devices.size(), 2);
        QCOMPARE(parse.devices.at(1).id, QStringLiteral("dev_03"));
        QVERIFY(parse.devices.at(1).incomplete());
        QCOMPARE(parse.skipped.size(), 3);
        QCOMPARE(parse.skipped.at(0).index, 1);
        QCOMPARE(parse.skipped.at(0).reason, DeviceListParse::SkipReason::NotAnObject);
        QCOMPARE(parse.skipped.at(1).index, 2);
        QCOMPARE(parse.skipped.at(1).reason, DeviceListParse::SkipReason::MissingId);
        QCOMPARE(parse.skipped.at(2).index, 3);
        QCOMPARE(parse.skipped.at(2).reason, DeviceListParse::SkipReason::DuplicateId);
    }

    void mergeAppliesOnlyPresentFields()
    {
        Device device = *Device::fromJson(object(fullDevice));
        device.mergeJson(object(R"({"id": "other", "status": "paused", "last_active": "2026-03-10T12:00:00Z",
                                    "unknown": [1, 2]})"));
        QCOMPARE(device.id, QStringLiteral("dev_01")); // the id never changes
        QCOMPARE(device.status, Device::Status::Paused);
        QCOMPARE(device.lastActive, QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC));
        QCOMPARE(device.name, QStringLiteral("Living Room TV"));
        QCOMPARE(device.statusProfile, QStringLiteral("Ana"));
        QVERIFY(!device.incomplete());
    }

    void mergeRepairsAndBreaks()
    {
        Device device = *Device::fromJson(object(R"({"id": "dev_04", "name": "Kitchen iPad", "type": "tablet",
                                                     "status": "idle", "first_sign_in": "2026-01-01T00:00:00Z"})"));
        QCOMPARE(device.problems, QStringList{QStringLiteral("last_active")});
        device.mergeJson(object(R"({"last_active": "2026-03-01T08:00:00Z"})"));
        QVERIFY(!device.incomplete());
        device.mergeJson(object(R"({"status": 3})"));
        QCOMPARE(device.problems, QStringList{QStringLiteral("status")});
        QCOMPARE(device.status, Device::Status::Idle); // the last good value stays
    }

    void typeAndStatusNames()
    {
        for (int i = 0; i <= int(Device::Type::Unknown); ++i) {
            const auto type = Device::Type(i);
            if (type != Device::Type::Unknown) {
                QCOMPARE(Device::typeFromString(Device::typeToString(type)), type);
            }
            QVERIFY(!Device::typeText(type).isEmpty());
            QVERIFY(!Device::typeIconName(type).isEmpty());
        }
        QCOMPARE(Device::typeToString(Device::Type::SetTopBox), QStringLiteral("settopbox"));
        QCOMPARE(Device::typeIconName(Device::Type::SetTopBox), QStringLiteral("set-top-box"));
        for (int i = 0; i <= int(Device::Status::Unknown); ++i) {
            const auto status = Device::Status(i);
            if (status != Device::Status::Unknown) {
                QCOMPARE(Device::statusFromString(Device::statusToString(status)), status);
            }
            QVERIFY(!Device::statusIconName(status).isEmpty());
        }
    }

    void searchKeysFoldCaseAndAccents()
    {
        QCOMPARE(vigil::SearchKey::fold(u"Living Room TV"), QStringLiteral("living room tv"));
        QCOMPARE(vigil::SearchKey::fold(u"São Paulo"), QStringLiteral("sao paulo"));
        QCOMPARE(vigil::SearchKey::fold(u"KÖLN Ærøskøbing"), QStringLiteral("koln ærøskøbing"));
        QCOMPARE(vigil::SearchKey::fold(u""), QString());
        QCOMPARE(vigil::SearchKey::fold(u"Ana’s iPhone"), QStringLiteral("ana’s iphone"));
        QCOMPARE(vigil::SearchKey::fold(u"Cafe\u0301 ﬁle"), QStringLiteral("cafe file")); // combining mark, ligature
        QCOMPARE(vigil::SearchKey::fold(u"📺 TV Ünit"), QStringLiteral("📺 tv unit"));
        QCOMPARE(vigil::SearchKey::fold(u"ÉÉ"), QStringLiteral("ee")); // the remembered fold, twice
    }
};

QTEST_GUILESS_MAIN(TestDevice)
#include "TestDevice.moc"
