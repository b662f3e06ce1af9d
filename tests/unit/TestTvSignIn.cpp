// Signing a TV in and guest access, the core: TvSignInFlow over a faked service (wrong, expired and
// used codes, too many attempts, step-up, approve and deny, a guest's new end). The values and
// their words: TestTvValues.cpp.
#include "FakeTvService.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/devices/Device.h"
#include "core/stepup/StepUpService.h"
#include "core/tv/GuestEnd.h"
#include "core/tv/TvSignInFlow.h"
#include "core/tv/TvSignInService.h"
#include "core/util/EnglishPlurals.h"

#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using Problem = TvSignInFlow::ProblemKind;
using State = TvSignInFlow::State;
using FakeTvService::approvedDevice;
using FakeTvService::pending;

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
        m_nam->setHandler(FakeTvService::handler({&m_lookup, approvedDevice, [this] { return m_tokenValid; }}));
    }

    void cleanup()
    {
        m_service.reset();
        m_stepUp.reset();
        m_api.reset();
        m_session.reset();
        m_nam.reset();
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
};

QTEST_GUILESS_MAIN(TestTvSignIn)
#include "TestTvSignIn.moc"
