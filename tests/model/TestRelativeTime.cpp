#include "DeviceFixtures.h"

#include <QTest>

using vigil::RelativeTime;
using namespace fixtures;

class TestRelativeTime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortTexts_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("expected");
        // Now is Tuesday 10 March 2026, 12:00 UTC.
        QTest::newRow("never") << QDateTime() << QStringLiteral("No activity");
        QTest::newRow("seconds") << ago(20) << QStringLiteral("Just now");
        QTest::newRow("clock skew") << ago(-30) << QStringLiteral("Just now");
        QTest::newRow("one minute") << ago(minute + 5) << QStringLiteral("1 min ago");
        QTest::newRow("two minutes") << ago(2 * minute) << QStringLiteral("2 min ago");
        QTest::newRow("59 minutes") << ago(59 * minute + 59) << QStringLiteral("59 min ago");
        QTest::newRow("today") << ago(2 * hour) << QStringLiteral("Today 10:00");
        QTest::newRow("yesterday") << ago(22 * hour) << QStringLiteral("Yesterday 14:00");
        QTest::newRow("weekday") << ago(3 * day + 2 * hour + 55 * minute) << QStringLiteral("Saturday 09:05");
        QTest::newRow("six days") << ago(6 * day) << QStringLiteral("Wednesday 12:00");
        QTest::newRow("a week") << ago(7 * day) << QStringLiteral("3 Mar 2026");
        QTest::newRow("last year") << ago(80 * day) << QStringLiteral("20 Dec 2025");
        QTest::newRow("89 days") << ago(89 * day + 23 * hour) << QStringLiteral("10 Dec 2025");
        QTest::newRow("90 days") << ago(90 * day) << QStringLiteral("Inactive for 90+ days");
        QTest::newRow("a year") << ago(365 * day) << QStringLiteral("Inactive for 90+ days");
    }
    void shortTexts()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, expected);
        const ManualClock clock;
        QCOMPARE(clock.relativeTime().text(when), expected);
    }

    void longTexts_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("expected");
        QTest::newRow("never") << QDateTime() << QStringLiteral("no activity yet");
        QTest::newRow("seconds") << ago(5) << QStringLiteral("just now");
        QTest::newRow("one minute") << ago(minute) << QStringLiteral("1 minute ago");
        QTest::newRow("two minutes") << ago(2 * minute) << QStringLiteral("2 minutes ago");
        QTest::newRow("today") << ago(2 * hour) << QStringLiteral("today at 10:00");
        QTest::newRow("yesterday") << ago(22 * hour) << QStringLiteral("yesterday at 14:00");
        QTest::newRow("weekday") << ago(2 * day) << QStringLiteral("on Sunday at 12:00");
        QTest::newRow("date") << ago(10 * day) << QStringLiteral("on 28 February 2026");
        QTest::newRow("inactive") << ago(100 * day) << QStringLiteral("more than 90 days ago");
    }
    void longTexts()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, expected);
        const ManualClock clock;
        QCOMPARE(clock.relativeTime().text(when, RelativeTime::Style::Long), expected);
    }

    void followsTheClock()
    {
        ManualClock clock;
        const RelativeTime time = clock.relativeTime();
        const QDateTime when = ago(30);
        QCOMPARE(time.text(when), QStringLiteral("Just now"));
        clock.advanceSeconds(4 * minute);
        QCOMPARE(time.text(when), QStringLiteral("4 min ago"));
        clock.advanceSeconds(90 * day);
        QCOMPARE(time.text(when), QStringLiteral("Inactive for 90+ days"));
    }

    void usesTheDisplayTimeZone()
    {
        const ManualClock clock;
        const RelativeTime tokyo(
            [clock] { return *clock.now; }, QTimeZone("Asia/Tokyo"), QLocale(QLocale::English, QLocale::UnitedKingdom));
        // 10:00 UTC is 19:00 in Tokyo, the same day there.
        QCOMPARE(tokyo.text(ago(2 * hour)), QStringLiteral("Today 19:00"));
        QCOMPARE(tokyo.exactText(ago(2 * hour)), QStringLiteral("Tuesday, 10 March 2026 19:00"));
    }

    void inactivityRule()
    {
        QVERIFY(!RelativeTime::isInactive(QDateTime(), fixedNow()));
        QVERIFY(!RelativeTime::isInactive(ago(89 * day), fixedNow()));
        QVERIFY(RelativeTime::isInactive(ago(90 * day), fixedNow()));
    }
};

QTEST_GUILESS_MAIN(TestRelativeTime)
#include "TestRelativeTime.moc"
