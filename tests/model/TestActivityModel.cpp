// ActivityModel (pages appended, never reset under the reader), ActivityEntry texts and the
// per-day timeline, with QAbstractItemModelTester watching the model throughout.
#include "HouseholdFixtures.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityTimeline.h"
#include "core/util/EnglishPlurals.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;

namespace {

QList<ActivityEntry> entriesOf(const QJsonArray& array)
{
    QList<ActivityEntry> out;
    for (const QJsonValue& value : array)
        out.append(*ActivityEntry::fromJson(value.toObject()));
    return out;
}

} // namespace

class TestActivityModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // "%n device(s)" in English comes from the plural forms in vigil_en.ts, as in the app.
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void pagesAreAppended()
    {
        ActivityModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<ActivityEntry> all = entriesOf(HouseholdFixtures::week());
        model.setEntries(all.mid(0, 4));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ActivityModel::ColumnCount));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendEntries(all.mid(4));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 4);
        QCOMPARE(inserted.at(0).at(2).toInt(), 5);
        QCOMPARE(model.rowCount(), 6);
        model.appendEntries({});
        QCOMPARE(inserted.count(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void cellsSayWhatHappened()
    {
        ActivityModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(entriesOf(HouseholdFixtures::week()));
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, ActivityModel::EventColumn).toString(), QStringLiteral("Sign-in"));
        QCOMPARE(cell(0, ActivityModel::DetailsColumn).toString(), QStringLiteral("Signed in (Password)"));
        QCOMPARE(cell(0, ActivityModel::DeviceColumn).toString(), QStringLiteral("Living Room TV"));
        QCOMPARE(cell(0, ActivityModel::PlaceColumn).toString(), QStringLiteral("Lisbon, Portugal"));
        QCOMPARE(cell(0, ActivityModel::IpColumn).toString(), QStringLiteral("198.51.100.7"));
        QCOMPARE(cell(0, 0, ActivityModel::TimeRole).toDateTime(),
                 QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
        QCOMPARE(cell(0, 0, ActivityModel::TypeRole).toString(), QStringLiteral("sign_in"));
        // Support views quote the reason support gave; no device, no place.
        QCOMPARE(cell(1, ActivityModel::DetailsColumn).toString(),
                 QStringLiteral("Support viewed your devices \u2014 reason: billing question"));
        QCOMPARE(cell(1, ActivityModel::DeviceColumn).toString(), QStringLiteral("\u2014"));
        QCOMPARE(cell(1, ActivityModel::PlaceColumn).toString(), QStringLiteral("Unknown location"));
        QVERIFY(cell(0, 0, Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Sign-in, ")));
        QVERIFY(cell(0, 0, Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("Living Room TV")));
        QCOMPARE(model.headerData(ActivityModel::PlaceColumn, Qt::Horizontal).toString(), QStringLiteral("Location"));
    }

    void entriesNeedTheirFields()
    {
        QJsonObject json = HouseholdFixtures::entry(
            QStringLiteral("1"), QStringLiteral("2026-11-25T10:00:00Z"), QStringLiteral("sign_in"));
        QVERIFY(ActivityEntry::fromJson(json));
        for (const char* key : {"id", "time", "type"}) {
            QJsonObject broken = json;
            broken.remove(QLatin1String(key));
            QVERIFY2(!ActivityEntry::fromJson(broken), key);
        }
        json.insert(QStringLiteral("time"), QStringLiteral("yesterday"));
        QVERIFY(!ActivityEntry::fromJson(json));
        // An unknown type keeps the service's words.
        QJsonObject future = HouseholdFixtures::entry(
            QStringLiteral("2"), QStringLiteral("2026-11-25T10:00:00Z"), QStringLiteral("passkey_added"));
        QCOMPARE(ActivityEntry::fromJson(future)->description(), QStringLiteral("Service text for passkey_added"));
    }

    void supportEntriesSayWhoWhatAndWhy_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("details");
        QTest::addColumn<QString>("expected");
        const QString ada = QStringLiteral("Ada (Support)");
        const QString why = QStringLiteral("caller reports an unknown TV");
        QTest::newRow("search") << "support_viewed"
                                << QJsonObject{{"support_name", ada}, {"viewed", "search"}, {"reason", why}}
                                << "Ada (Support) found your account in a search \u2014 reason: " + why;
        QTest::newRow("devices") << "support_viewed"
                                 << QJsonObject{{"support_name", ada}, {"viewed", "devices"}, {"reason", why}}
                                 << "Ada (Support) viewed your devices \u2014 reason: " + why;
        QTest::newRow("activity") << "support_viewed"
                                  << QJsonObject{{"support_name", ada}, {"viewed", "activity"}, {"reason", why}}
                                  << "Ada (Support) viewed your activity \u2014 reason: " + why;
        QTest::newRow("signed out one")
            << "support_signed_out"
            << QJsonObject{{"support_name", ada}, {"devices", 1}, {"code_used", true}, {"reason", why}}
            << "Ada (Support) signed out 1 device with your support code \u2014 reason: " + why;
        QTest::newRow("signed out three")
            << "support_signed_out"
            << QJsonObject{{"support_name", ada}, {"devices", 3}, {"code_used", true}, {"reason", why}}
            << "Ada (Support) signed out 3 devices with your support code \u2014 reason: " + why;
        QTest::newRow("code created") << "support_code_created" << QJsonObject{}
                                      << QStringLiteral("You created a code for support");
    }

    void supportEntriesSayWhoWhatAndWhy()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, details);
        QFETCH(QString, expected);
        QJsonObject json = HouseholdFixtures::entry(QStringLiteral("9"), QStringLiteral("2026-11-25T10:00:00Z"), type);
        if (!details.isEmpty()) {
            json.insert(QStringLiteral("details"), details);
            json.insert(QStringLiteral("reason"), details.value(QStringLiteral("reason")));
        }
        const auto entry = ActivityEntry::fromJson(json);
        QVERIFY(entry);
        QCOMPARE(entry->description(), expected);
        QVERIFY(ActivityEntry::types().contains(type));
        QVERIFY(entry->typeText() != type);
    }

    void timelineCountsSignInsPerDayAndCountry()
    {
        const ActivityTimeline timeline =
            ActivityTimeline::fromEntries(entriesOf(HouseholdFixtures::week()), QTimeZone::utc());
        QCOMPARE(timeline.days(), (QList<QDate>{QDate(2026, 11, 23), QDate(2026, 11, 24), QDate(2026, 11, 25)}));
        QCOMPARE(timeline.countries(), (QStringList{"Portugal", "Germany"}));
        QCOMPARE(timeline.count(QDate(2026, 11, 23), QStringLiteral("Portugal")), 2);
        QCOMPARE(timeline.count(QDate(2026, 11, 24), QStringLiteral("Germany")), 1); // the failure is not counted
        QCOMPARE(timeline.count(QDate(2026, 11, 24), QStringLiteral("Portugal")), 0);
        QCOMPARE(timeline.total(), 4);

        // Quiet days in between count as zero; an unknown place has its own series.
        QList<ActivityEntry> gap =
            entriesOf({HouseholdFixtures::entry(
                           QStringLiteral("2"), QStringLiteral("2026-11-20T10:00:00Z"), QStringLiteral("sign_in"), {}),
                       HouseholdFixtures::entry(
                           QStringLiteral("1"), QStringLiteral("2026-11-17T10:00:00Z"), QStringLiteral("sign_in"))});
        const ActivityTimeline spread = ActivityTimeline::fromEntries(gap, QTimeZone::utc());
        QCOMPARE(spread.days().size(), 4);
        QCOMPARE(spread.countries(), (QStringList{"Portugal", "Unknown location"}));
        QVERIFY(ActivityTimeline::fromEntries({}, QTimeZone::utc()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestActivityModel)
#include "TestActivityModel.moc"
