// Signing a TV in and guest access, the core's values and their words: the code as people type it,
// the guest presets and their ends, the far-place warning, the lookup answer, guest ends in the
// device JSON, the activity entries, and "Guest access for … ended" from the event stream.
#include "FakeTvService.h"
#include "core/activity/ActivityEntry.h"
#include "core/devices/Device.h"
#include "core/tv/GuestEnd.h"
#include "core/tv/GuestEndings.h"
#include "core/tv/TvRequest.h"
#include "core/tv/UserCode.h"
#include "core/util/EnglishPlurals.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using Preset = GuestEnd::Preset;
using FakeTvService::approvedDevice;
using FakeTvService::pending;
using FakeTvService::place;

namespace {

QDateTime local(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute));
}

} // namespace

class TestTvValues final : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now;

private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(new EnglishPlurals(this)); }

    void init() { m_now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC); }

    void codeIsNormalized_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<bool>("complete");
        QTest::newRow("as shown") << "WDJB-MJHT"
                                  << "WDJBMJHT" << true;
        QTest::newRow("lower case") << "wdjb-mjht"
                                    << "WDJBMJHT" << true;
        QTest::newRow("no dash") << "wdjbmjht"
                                 << "WDJBMJHT" << true;
        QTest::newRow("spaces") << "  wdjb mjht "
                                << "WDJBMJHT" << true;
        QTest::newRow("typographic dash") << QStringLiteral("WDJB\u2013MJHT") << "WDJBMJHT" << true;
        QTest::newRow("too short") << "WDJB-MJH"
                                   << "WDJBMJH" << false;
        QTest::newRow("too long") << "WDJB-MJHTX"
                                  << "WDJBMJHTX" << false;
        QTest::newRow("other characters") << "WDJB-MJH!"
                                          << "WDJBMJH!" << false;
        QTest::newRow("empty") << ""
                               << "" << false;
    }

    void codeIsNormalized()
    {
        QFETCH(QString, typed);
        QFETCH(QString, normalized);
        QFETCH(bool, complete);
        QCOMPARE(UserCode::normalized(typed), normalized);
        QCOMPARE(UserCode::isComplete(typed), complete);
        QCOMPARE(UserCode::formatted(typed), complete ? QStringLiteral("WDJB-MJHT") : typed);
    }

    void presetsEnd_data()
    {
        QTest::addColumn<Preset>("preset");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("end");
        QTest::newRow("tonight, in the evening") << Preset::Tonight << local(7, 20, 15) << local(8, 3);
        QTest::newRow("tonight, after midnight") << Preset::Tonight << local(8, 0, 30) << local(8, 3);
        QTest::newRow("tonight, close to 3:00: at least an hour")
            << Preset::Tonight << local(8, 2, 30) << local(8, 3, 30);
        QTest::newRow("tonight, in the morning") << Preset::Tonight << local(8, 9) << local(9, 3);
        QTest::newRow("2 days, rounded up to the hour") << Preset::TwoDays << local(7, 14, 20) << local(9, 15);
        QTest::newRow("2 days, on the hour") << Preset::TwoDays << local(7, 14) << local(9, 14);
        QTest::newRow("a week") << Preset::Week << local(7, 14, 1) << local(14, 15);
        QTest::newRow("custom starts 2 hours on") << Preset::Custom << local(7, 14, 1) << local(7, 16, 1);
    }

    void presetsEnd()
    {
        QFETCH(Preset, preset);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, end);
        const QDateTime chosen = GuestEnd::endFor(preset, now);
        QCOMPARE(chosen, end);
        QVERIFY(GuestEnd::isAllowed(chosen, now));
    }

    void endsAreBounded()
    {
        const QDateTime now = local(7, 12);
        QCOMPARE(GuestEnd::bounded(local(7, 12, 30), now), local(7, 13));
        QCOMPARE(GuestEnd::bounded(now.addDays(45), now), now.addDays(30));
        QCOMPARE(GuestEnd::bounded(local(10, 9), now), local(10, 9));
        QVERIFY(!GuestEnd::isAllowed(now.addSecs(59 * 60), now));
        QVERIFY(GuestEnd::isAllowed(now.addSecs(60 * 60), now));
        QVERIFY(GuestEnd::isAllowed(now.addDays(30), now));
        QVERIFY(!GuestEnd::isAllowed(now.addDays(30).addSecs(1), now));
    }

    void guestWords()
    {
        const QDateTime now = local(7, 12); // a Monday
        QCOMPARE(GuestEnd::remainingText(now.addSecs(27 * 3600), now), QStringLiteral("1 day 3 h"));
        QCOMPARE(GuestEnd::remainingText(now.addSecs(48 * 3600), now), QStringLiteral("2 days"));
        QCOMPARE(GuestEnd::remainingText(now.addSecs(2 * 3600 + 5 * 60), now), QStringLiteral("2 h 5 min"));
        QCOMPARE(GuestEnd::remainingText(now.addSecs(2 * 3600), now), QStringLiteral("2 h"));
        QCOMPARE(GuestEnd::remainingText(now.addSecs(44 * 60 + 1), now), QStringLiteral("45 min"));
        QCOMPARE(GuestEnd::remainingText(now, now), QStringLiteral("less than a minute"));
        QCOMPARE(GuestEnd::rowText(now.addSecs(27 * 3600), now), QStringLiteral("Guest · signs out in 1 day 3 h"));
        QCOMPARE(GuestEnd::rowText(now.addSecs(-1), now), QStringLiteral("Guest · signing out…"));
        QCOMPARE(GuestEnd::whenText(local(7, 23), now), QStringLiteral("today 23:00"));
        QCOMPARE(GuestEnd::whenText(local(8, 3), now), QStringLiteral("tomorrow 03:00"));
        QCOMPARE(GuestEnd::whenText(local(13, 11), now), QStringLiteral("Sunday 11:00"));
        QCOMPARE(GuestEnd::whenText(local(14, 11), now), QStringLiteral("14 Dec 11:00"));
        QCOMPARE(GuestEnd::detailText(local(13, 11), now),
                 QStringLiteral("Guest · signs out in 5 days 23 h (until Sunday 11:00)"));
    }

    void farPlaceIsWarned()
    {
        const auto far = TvRequest::fromJson(pending(true), m_now);
        QVERIFY(far);
        QCOMPARE(far->id, QStringLiteral("dva_1"));
        QCOMPARE(far->device.displayName(), QStringLiteral("Hotel Room TV"));
        QCOMPARE(far->device.type, Device::Type::Tv);
        QCOMPARE(far->device.appText(), QStringLiteral("Vigil TV 2.1"));
        QCOMPARE(far->device.ip, QStringLiteral("203.0.113.7"));
        QCOMPARE(far->device.locationText(), QStringLiteral("Lisbon, Portugal"));
        QCOMPARE(far->approverPlace.city, QStringLiteral("London"));
        QCOMPARE(far->expiresAt, m_now.addSecs(540));
        QCOMPARE(far->placeWarning(),
                 QStringLiteral("This TV is in Lisbon, Portugal. You are in London. Only approve a TV you can see in "
                                "front of you."));

        const auto near = TvRequest::fromJson(pending(false), m_now);
        QVERIFY(near);
        QVERIFY(near->placeWarning().isEmpty());

        QJsonObject unknown = pending(false);
        unknown.insert(QStringLiteral("location"), QJsonValue::Null);
        QVERIFY(TvRequest::fromJson(unknown, m_now)->placeWarning().startsWith(QStringLiteral("Vigil can't tell")));

        QVERIFY(!TvRequest::fromJson({{QStringLiteral("id"), QStringLiteral("dva_1")}}, m_now));
    }

    void deviceJsonCarriesTheGuestEnd()
    {
        auto device = Device::fromJson(approvedDevice(QStringLiteral("2026-12-13T11:00:00Z")));
        QVERIFY(device);
        QVERIFY(!device->incomplete());
        QVERIFY(device->isGuest());
        QCOMPARE(device->guestUntil, QDateTime(QDate(2026, 12, 13), QTime(11, 0), Qt::UTC));
        QCOMPARE(Device::fromJson(device->toJson())->guestUntil, device->guestUntil);
        device->mergeJson({{QStringLiteral("guest_until"), QStringLiteral("2026-12-14T11:00:00Z")}});
        QCOMPARE(device->guestUntil, QDateTime(QDate(2026, 12, 14), QTime(11, 0), Qt::UTC));
        device->mergeJson({{QStringLiteral("access"), QStringLiteral("until_signed_out")},
                           {QStringLiteral("guest_until"), QJsonValue::Null}});
        QVERIFY(!device->isGuest());
        QVERIFY(!Device::fromJson(approvedDevice(QJsonValue::Null))->isGuest());
    }

    void activitySaysWhatHappened_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonValue>("guestUntil");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("description");
        const QString end = QStringLiteral("2026-12-13T11:00:00Z");
        const QString endText = QLocale().toString(QDateTime(QDate(2026, 12, 13), QTime(11, 0), Qt::UTC).toLocalTime(),
                                                   QStringLiteral("d MMM yyyy HH:mm"));
        QTest::newRow("approved as a guest") << "device_approved" << QJsonValue(end) << "TV signed in"
                                             << "You signed in Hotel Room TV as a guest until " + endText;
        QTest::newRow("approved for good") << "device_approved" << QJsonValue() << "TV signed in"
                                           << "You signed in Hotel Room TV until you sign it out";
        QTest::newRow("denied") << "device_denied" << QJsonValue() << "TV sign-in refused"
                                << "You refused a TV sign-in from Lisbon, Portugal";
        QTest::newRow("wrong code") << "device_code_failed" << QJsonValue() << "Wrong TV code"
                                    << "Someone entered a TV code that did not match";
        QTest::newRow("changed") << "guest_changed" << QJsonValue(end) << "Guest access changed"
                                 << "You changed guest access for Hotel Room TV to end " + endText;
        QTest::newRow("ended") << "guest_ended" << QJsonValue(end) << "Guest access ended"
                               << "Guest access for Hotel Room TV ended";
    }

    void activitySaysWhatHappened()
    {
        QFETCH(QString, type);
        QFETCH(QJsonValue, guestUntil);
        QFETCH(QString, title);
        QFETCH(QString, description);
        QJsonObject json{{QStringLiteral("id"), QStringLiteral("act_1")},
                         {QStringLiteral("time"), QStringLiteral("2026-12-07T12:00:00Z")},
                         {QStringLiteral("type"), type},
                         {QStringLiteral("device"),
                          QJsonObject{{QStringLiteral("id"), QStringLiteral("dev_tv")},
                                      {QStringLiteral("name"), QStringLiteral("Hotel Room TV")}}},
                         {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
                         {QStringLiteral("location"),
                          place(QStringLiteral("Lisbon"), QStringLiteral("Portugal"), QStringLiteral("PT"))},
                         {QStringLiteral("detail"), QStringLiteral("the service's English")}};
        if (!guestUntil.isNull())
            json.insert(QStringLiteral("guest_until"), guestUntil);
        const auto entry = ActivityEntry::fromJson(json);
        QVERIFY(entry);
        QVERIFY(ActivityEntry::types().contains(type));
        QCOMPARE(entry->typeText(), title);
        QCOMPARE(entry->description(), description);
    }

    void guestEndedEvents()
    {
        GuestEndings endings([this] { return m_now; });
        QSignalSpy ended(&endings, &GuestEndings::ended);
        const QJsonObject frame{{QStringLiteral("type"), QStringLiteral("device.guest_ended")},
                                {QStringLiteral("seq"), 7},
                                {QStringLiteral("device_id"), QStringLiteral("dev_tv")},
                                {QStringLiteral("name"), QStringLiteral("Hotel Room TV")},
                                {QStringLiteral("ended_at"), QStringLiteral("2026-12-07T11:59:00Z")}};
        endings.applyEvent(QStringLiteral("device.removed"), frame);
        QCOMPARE(ended.size(), 0);
        endings.applyEvent(QStringLiteral("device.guest_ended"), frame);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.constFirst().at(0).toString(), QStringLiteral("dev_tv"));
        QCOMPARE(GuestEndings::text(ended.constFirst().at(1).toString()),
                 QStringLiteral("Guest access for Hotel Room TV ended"));
        m_now = m_now.addSecs(GuestEndings::maxAgeSeconds + 120); // replayed long after: old news
        endings.applyEvent(QStringLiteral("device.guest_ended"), frame);
        QCOMPARE(ended.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTvValues)
#include "TestTvValues.moc"
