// SignOutFlow in support mode against a real vigil-mockd (scenario `support`): the holder creates
// a support code (step-up, POST /v1/account/support-codes); Ada, signed in as support, signs one of
// the customer's devices out with it through the ordinary SignOutFlow — no step-up, the support
// route, the same results — and the holder's activity names it with the reason. A wrong code and a
// used one end in Failed with the service's own message.
#include "SupportLiveFixture.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/flows/SupportSignOutSender.h"
#include "core/stepup/StepUpService.h"
#include "core/support/SupportService.h"

#include <QJsonArray>

using namespace vigil;
using State = SignOutFlow::State;

namespace {
const QString reason = QStringLiteral("Customer asked us to sign out their TV");
const QString tvId = QStringLiteral("dev_demo_living_tv");
} // namespace

class TestSupportSignOutLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SupportLiveFixture>();
        QVERIFY2(m_fixture->start(), qPrintable(m_fixture->mockd->errorString()));
        QVERIFY(m_fixture->signInSupport());
        m_stepUp = std::make_unique<StepUpService>(&m_fixture->api);
        m_flow = std::make_unique<SignOutFlow>(&m_fixture->api, m_stepUp.get(), &m_fixture->session, &m_sender);
    }
    void cleanup()
    {
        m_flow.reset();
        m_stepUp.reset();
        if (m_fixture)
            QCOMPARE(m_fixture->mockd->stop(), 0);
        m_fixture.reset();
    }

    void signsOneDeviceOutWithTheHoldersCode()
    {
        const QString holder = m_fixture->holderAccess();
        QVERIFY(!holder.isEmpty());
        const QString code = m_fixture->createSupportCode(holder);
        QVERIFY2(!code.isEmpty(), "the holder could not create a support code");
        const auto normalized = SupportService::normalizeCode(code);
        QVERIFY2(normalized, qPrintable(code));

        QVERIFY(!m_sender.authorization());
        m_sender.setAuthorization(SupportSignOutSender::Authorization{QStringLiteral("acc_demo"), reason, *normalized});
        QVERIFY(m_sender.authorization());
        QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
        QSignalSpy backToSignIn(m_flow.get(), &SignOutFlow::returnToSignInRequested);
        m_flow->start(SignOutFlow::Scope::selected({{tvId, QStringLiteral("Living Room TV")}}));
        QCOMPARE(m_flow->state(), State::Confirming);
        QVERIFY(!m_flow->includesThisDevice());
        m_flow->confirm();
        QTRY_VERIFY_WITH_TIMEOUT(m_flow->state() == State::Reporting || m_flow->state() == State::Failed, 10000);
        QVERIFY2(m_flow->state() == State::Reporting, qPrintable(m_flow->problem().message));
        // No step-up on the way: Confirming → Submitting → Reporting.
        for (const QList<QVariant>& change : std::as_const(states)) {
            const auto state = change.constFirst().value<State>();
            QVERIFY(state != State::ChoosingMethod && state != State::Verifying);
        }
        QCOMPARE(backToSignIn.count(), 0);
        const SignOutResultsModel* results = m_flow->results();
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->index(0, 0).data(SignOutResultsModel::DeviceIdRole).toString(), tvId);
        const auto result =
            DeviceSignOutResult::Result(results->index(0, 0).data(SignOutResultsModel::ResultRole).toInt());
        QVERIFY2(result == DeviceSignOutResult::Result::SignedOut || result == DeviceSignOutResult::Result::Pending,
                 qPrintable(results->index(0, 0).data(SignOutResultsModel::StatusTextRole).toString()));
        QVERIFY(m_fixture->session.isSignedIn());

        // The holder reads it, with the reason.
        const auto activity =
            m_fixture->call("GET", QStringLiteral("/v1/activity?type=support_signed_out&limit=20"), {}, holder);
        QCOMPARE(activity.status, 200);
        const QJsonArray entries = activity.json.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject details = entries.first().toObject().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(details.value(QStringLiteral("code_used")).toBool(), true);

        // Single use: the same code again is refused, in the service's words.
        m_flow->start(
            SignOutFlow::Scope::selected({{QStringLiteral("dev_demo_sam_iphone"), QStringLiteral("Sam's iPhone")}}));
        m_flow->confirm();
        QTRY_COMPARE_WITH_TIMEOUT(m_flow->state(), State::Failed, 10000);
        const SignOutFlow::Problem problem = m_flow->problem();
        QVERIFY(problem.error);
        QCOMPARE(problem.error->serverCode(), QStringLiteral("support_code_invalid"));
        QVERIFY2(problem.message.contains(problem.error->serverMessage()), qPrintable(problem.message));
    }

    void aWrongCodeIsRefusedWithTheServiceMessage()
    {
        m_sender.setAuthorization(
            SupportSignOutSender::Authorization{QStringLiteral("acc_demo"), reason, QStringLiteral("22222222")});
        m_flow->start(SignOutFlow::Scope::all());
        QVERIFY(!m_flow->includesThisDevice()); // "all" is the customer's devices, never this one
        m_flow->confirm();
        QTRY_COMPARE_WITH_TIMEOUT(m_flow->state(), State::Failed, 10000);
        const SignOutFlow::Problem problem = m_flow->problem();
        QVERIFY(problem.error);
        QCOMPARE(problem.error->httpStatus(), 403);
        QCOMPARE(problem.error->serverCode(), QStringLiteral("support_code_invalid"));
        QVERIFY(!problem.error->serverMessage().isEmpty());
        QVERIFY2(problem.message.contains(problem.error->serverMessage()), qPrintable(problem.message));
        QVERIFY(m_fixture->session.isSignedIn());
    }

private:
    std::unique_ptr<SupportLiveFixture> m_fixture;
    std::unique_ptr<StepUpService> m_stepUp;
    SupportSignOutSender m_sender;
    std::unique_ptr<SignOutFlow> m_flow;
};

QTEST_GUILESS_MAIN(TestSupportSignOutLive)
#include "TestSupportSignOutLive.moc"
