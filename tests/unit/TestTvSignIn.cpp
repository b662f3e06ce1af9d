// Signing a TV in and guest access, the core: the code as people type it, the guest presets and
// their words, the far-place warning, the lookup answer, TvSignInFlow over a faked service (wrong,
// expired and used codes, too many attempts, step-up, approve and deny), guest ends in the device
// JSON, and "Guest access for … ended" from the event stream.
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/activity/ActivityEntry.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/devices/Device.h"
#include "core/stepup/StepUpService.h"
#include "core/tv/GuestEnd.h"
#include "core/tv/GuestEndings.h"
#include "core/tv/PlaceCheck.h"
#include "core/tv/TvRequest.h"
#include "core/tv/TvSignInFlow.h"
#include "core/tv/TvSignInService.h"
#include "core/tv/UserCode.h"
#include "core/util/EnglishPlurals.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using Preset = GuestEnd::Preset;
using Problem = TvSignInFlow::ProblemKind;
using State = TvSignInFlow::State;

namespace {

QDateTime local(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute));
}

QJsonObject place(const QString& city, const QString& country, const QString& code)
{
    return {
        {QStringLiteral("city"), city}, {QStringLiteral("country"), country}, {QStringLiteral("country_code"), code}};
}

// A lookup answer as the contract has it (PendingDeviceAuthorization).
QJsonObject pending(bool far = true)
{
    return {
        {QStringLiteral("id"), QStringLiteral("dva_1")},
        {QStringLiteral("user_code"), QStringLiteral("WDJB-MJHT")},
        {QStringLiteral("device"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Hotel Room TV")},
                     {QStringLiteral("type"), QStringLiteral("tv")},
                     {QStringLiteral("app"), QStringLiteral("Vigil TV")},
                     {QStringLiteral("app_version"), QStringLiteral("2.1")}}},
        {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
        {QStringLiteral("location"),
         far ? place(QStringLiteral("Lisbon"), QStringLiteral("Portugal"), QStringLiteral("PT"))
             : place(QStringLiteral("London"), QStringLiteral("United Kingdom"), QStringLiteral("GB"))},
        {QStringLiteral("requested_at"), QStringLiteral("2026-12-07T12:00:00Z")},
        {QStringLiteral("expires_at"), QStringLiteral("2026-12-07T12:10:00Z")},
        {QStringLiteral("expires_in"), 540},
        {QStringLiteral("approver"),
         QJsonObject{{QStringLiteral("device_id"), QStringLiteral("dev_me")},
                     {QStringLiteral("ip"), QStringLiteral("198.51.100.1")},
                     {QStringLiteral("location"),
                      place(QStringLiteral("London"), QStringLiteral("United Kingdom"), QStringLiteral("GB"))}}},
        {QStringLiteral("distance_km"), far ? QJsonValue(1585.0) : QJsonValue(0.0)},
        {QStringLiteral("far"), far},
    };
}

QJsonObject approvedDevice(const QJsonValue& guestUntil)
{
    return {
        {QStringLiteral("id"), QStringLiteral("dev_tv")},
        {QStringLiteral("name"), QStringLiteral("Hotel Room TV")},
        {QStringLiteral("type"), QStringLiteral("tv")},
        {QStringLiteral("status"), QStringLiteral("idle")},
        {QStringLiteral("first_sign_in"), QStringLiteral("2026-12-07T12:00:00Z")},
        {QStringLiteral("last_active"), QStringLiteral("2026-12-07T12:00:00Z")},
        {QStringLiteral("access"), guestUntil.isNull() ? QStringLiteral("until_signed_out") : QStringLiteral("guest")},
        {QStringLiteral("guest_until"), guestUntil}};
}

} // namespace

class TestTvSignIn final : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<StepUpService> m_stepUp;
    std::unique_ptr<TvSignInService> m_service;
    // What the fake service answers to a lookup.
    FakeResponse m_lookup = FakeResponse::json(200, pending());
    bool m_tokenValid = true;

    void earnToken()
    {
        bool done = false;
        m_stepUp->begin(QStringLiteral("password"), this, [&](const Expected<StepUpChallenge, ApiError>& result) {
            QVERIFY(result.hasValue());
            m_stepUp->verify(result.value().challenge,
                             QStringLiteral("pw"),
                             this,
                             [&](const Expected<void, ApiError>&) { done = true; });
        });
        QTRY_VERIFY(done);
        QVERIFY(m_stepUp->validToken());
    }

    const FakeRequest* last(const QString& path) const
    {
        const auto& requests = m_nam->requests();
        for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
            if (it->path() == path)
                return &*it;
        }
        return nullptr;
    }

    void reachReview(TvSignInFlow& flow)
    {
        flow.lookUp(QStringLiteral("wdjb-mjht"));
        QCOMPARE(flow.state(), State::LookingUp);
        QTRY_COMPARE(flow.state(), State::Reviewing);
    }

private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(new EnglishPlurals(this)); }

    void init()
    {
        m_now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
        m_lookup = FakeResponse::json(200, pending());
        m_tokenValid = true;
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_session = std::make_unique<Session>();
        const auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1")));
        QVERIFY(tokens.hasValue());
        m_session->setTokens(QUrl(QStringLiteral("http://127.0.0.1:8765")), tokens.value());
        m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
        m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8765")));
        m_stepUp = std::make_unique<StepUpService>(m_api.get(), [this] { return m_now; });
        m_service = std::make_unique<TvSignInService>(m_api.get(), m_stepUp.get());
        m_nam->setHandler([this](const FakeRequest& request) {
            const QString path = request.path();
            if (path == QLatin1String("/v1/step-up"))
                return FakeResponse::json(200,
                                          {{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                                           {QStringLiteral("method"), QStringLiteral("password")},
                                           {QStringLiteral("expires_in"), 600},
                                           {QStringLiteral("resend_after"), 0}});
            if (path == QLatin1String("/v1/step-up/verify"))
                return FakeResponse::json(
                    200,
                    {{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
            if (path == QLatin1String("/v1/device-authorizations/lookup"))
                return m_lookup;
            if (path == QLatin1String("/v1/device-authorizations/dva_1/deny"))
                return FakeResponse::raw(204, {}, "application/json");
            if (path == QLatin1String("/v1/device-authorizations/dva_1/approve") ||
                path == QLatin1String("/v1/devices/dev_tv/guest")) {
                if (request.header("X-Step-Up") != "vst_1" || !m_tokenValid)
                    return FakeResponse::error(403, "step_up_required", "Confirm it is you.");
                return FakeResponse::json(200, approvedDevice(request.json().value(QStringLiteral("guest_until"))));
            }
            return FakeResponse::error(404, "not_found");
        });
    }

    void cleanup()
    {
        m_service.reset();
        m_stepUp.reset();
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

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

    void lookupSendsTheNormalizedCode()
    {
        TvSignInFlow flow(m_service.get());
        flow.lookUp(QStringLiteral("wdjb"));
        QCOMPARE(flow.problemKind(), Problem::IncompleteCode);
        QCOMPARE(flow.state(), State::EnteringCode);
        QCOMPARE(m_nam->requests().size(), 0); // nothing sent for half a code

        reachReview(flow);
        QCOMPARE(last(QStringLiteral("/v1/device-authorizations/lookup"))->json().value(QStringLiteral("user_code")),
                 QJsonValue(QStringLiteral("WDJBMJHT")));
        QCOMPARE(flow.problemKind(), Problem::None);
        QVERIFY(flow.request());
        QVERIFY(flow.request()->far);
    }

    void lookupErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<QString>("text");
        QTest::newRow("wrong") << 404
                               << QByteArray(
                                      R"({"error":"user_code_invalid","message":"No such code.","attempts_left":3})")
                               << Problem::WrongCode
                               << "That code doesn't match a TV waiting to sign in. Check the code on the TV screen. 3 "
                                  "more attempts before Vigil makes you wait.";
        QTest::newRow("expired or used") << 410 << QByteArray(R"({"error":"user_code_expired","message":"Gone."})")
                                         << Problem::CodeGone
                                         << "That code has expired or was already used. Ask the TV for a new code and "
                                            "type that one.";
        QTest::newRow("too many") << 429
                                  << QByteArray(R"({"error":"too_many_attempts","message":"Wait.","retry_after":30})")
                                  << Problem::TooManyAttempts << "Too many wrong codes. Try again in 30 seconds.";
    }

    void lookupErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Problem, problem);
        QFETCH(QString, text);
        m_lookup = FakeResponse::raw(status, body, "application/json");
        TvSignInFlow flow(m_service.get());
        flow.lookUp(QStringLiteral("WDJB-MJHT"));
        QTRY_COMPARE(flow.state(), State::EnteringCode);
        QCOMPARE(flow.problemKind(), problem);
        QCOMPARE(flow.problemText(), text);
        QVERIFY(!flow.request());
    }

    void tooManyAttemptsCountsDown()
    {
        m_lookup = FakeResponse::raw(
            429, R"({"error":"too_many_attempts","message":"Wait.","retry_after":30})", "application/json");
        TvSignInFlow flow(m_service.get());
        flow.lookUp(QStringLiteral("WDJB-MJHT"));
        QTRY_COMPARE(flow.problemKind(), Problem::TooManyAttempts);
        QCOMPARE(flow.lockoutSecondsLeft(), 30);
        const qsizetype sent = m_nam->requests().size();
        flow.lookUp(QStringLiteral("WDJB-MJHT")); // refused while waiting: nothing is sent
        QCOMPARE(m_nam->requests().size(), sent);
        m_now = m_now.addSecs(12);
        flow.refreshCountdown();
        QCOMPARE(flow.problemText(), QStringLiteral("Too many wrong codes. Try again in 18 seconds."));
        m_now = m_now.addSecs(18);
        flow.refreshCountdown();
        QCOMPARE(flow.problemKind(), Problem::None);
        m_lookup = FakeResponse::json(200, pending());
        reachReview(flow);
    }

    void approvingNeedsStepUp()
    {
        TvSignInFlow flow(m_service.get());
        reachReview(flow);
        flow.approve({QStringLiteral("prf_ana"), {}}); // no token yet: nothing is sent
        QCOMPARE(flow.state(), State::Reviewing);
        QCOMPARE(flow.problemKind(), Problem::StepUpRequired);
        QVERIFY(!last(QStringLiteral("/v1/device-authorizations/dva_1/approve")));

        earnToken();
        m_tokenValid = false; // the service's copy ran out meanwhile
        flow.approve({QStringLiteral("prf_ana"), {}});
        QTRY_COMPARE(flow.state(), State::Reviewing);
        QCOMPARE(flow.problemKind(), Problem::StepUpRequired);
        QVERIFY(!m_stepUp->validToken()); // dropped: the next try verifies again
    }

    void approveAsGuest()
    {
        earnToken();
        TvSignInFlow flow(m_service.get());
        reachReview(flow);
        QSignalSpy changed(m_service.get(), &TvSignInService::deviceChanged);
        const QDateTime end = QDateTime(QDate(2026, 12, 13), QTime(11, 0), Qt::UTC);
        flow.approve({QStringLiteral("prf_ana"), end});
        QCOMPARE(flow.state(), State::Approving);
        QTRY_COMPARE(flow.state(), State::Approved);
        const FakeRequest* sent = last(QStringLiteral("/v1/device-authorizations/dva_1/approve"));
        QVERIFY(sent);
        QCOMPARE(sent->header("X-Step-Up"), QByteArray("vst_1"));
        QCOMPARE(sent->json(),
                 QJsonObject({{QStringLiteral("profile"), QStringLiteral("prf_ana")},
                              {QStringLiteral("access"), QStringLiteral("guest")},
                              {QStringLiteral("guest_until"), QStringLiteral("2026-12-13T11:00:00Z")}}));
        QCOMPARE(flow.approvedDevice().guestUntil, end);
        QVERIFY(flow.approvedDevice().isGuest());
        QCOMPARE(flow.resultText(),
                 QStringLiteral("Hotel Room TV is signed in as a guest until %1.").arg(GuestEnd::whenText(end, m_now)));
        QCOMPARE(changed.size(), 1);
    }

    void approveUntilSignedOut()
    {
        earnToken();
        TvSignInFlow flow(m_service.get());
        reachReview(flow);
        flow.approve({QStringLiteral("prf_ana"), {}});
        QTRY_COMPARE(flow.state(), State::Approved);
        const QJsonObject body = last(QStringLiteral("/v1/device-authorizations/dva_1/approve"))->json();
        QCOMPARE(body.value(QStringLiteral("access")), QJsonValue(QStringLiteral("until_signed_out")));
        QVERIFY(!body.contains(QStringLiteral("guest_until")));
        QVERIFY(!flow.approvedDevice().isGuest());
        QCOMPARE(flow.resultText(), QStringLiteral("Hotel Room TV is signed in until you sign it out."));
    }

    void deny()
    {
        TvSignInFlow flow(m_service.get());
        reachReview(flow);
        flow.deny(); // refusing needs no step-up
        QCOMPARE(flow.state(), State::Denying);
        QTRY_COMPARE(flow.state(), State::Denied);
        QVERIFY(last(QStringLiteral("/v1/device-authorizations/dva_1/deny")));
    }

    void codeGoneWhileReviewing()
    {
        earnToken();
        TvSignInFlow flow(m_service.get());
        reachReview(flow);
        m_nam->setHandler([](const FakeRequest&) {
            return FakeResponse::raw(410, R"({"error":"user_code_expired","message":"Gone."})", "application/json");
        });
        flow.approve({QStringLiteral("prf_ana"), {}});
        QTRY_COMPARE(flow.state(), State::EnteringCode);
        QCOMPARE(flow.problemKind(), Problem::CodeGone);
        QVERIFY(!flow.request());
    }

    void guestEndIsChanged()
    {
        earnToken();
        const QDateTime end = m_now.addDays(3);
        bool done = false;
        m_service->changeGuestEnd(QStringLiteral("dev_tv"), end, this, [&](const Expected<Device, ApiError>& result) {
            QVERIFY(result.hasValue());
            QCOMPARE(result.value().guestUntil, end);
            done = true;
        });
        QTRY_VERIFY(done);
        const FakeRequest* sent = last(QStringLiteral("/v1/devices/dev_tv/guest"));
        QCOMPARE(sent->method, QByteArray("PUT"));
        QCOMPARE(sent->json().value(QStringLiteral("guest_until")), QJsonValue(QStringLiteral("2026-12-10T12:00:00Z")));
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

QTEST_GUILESS_MAIN(TestTvSignIn)
#include "TestTvSignIn.moc"
