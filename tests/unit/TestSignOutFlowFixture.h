#pragma once

#include "StepUpStack.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/stepup/StepUpService.h"

#include <QHash>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using State = SignOutFlow::State;
using Kind = SignOutFlow::ProblemKind;
using Scope = SignOutFlow::Scope;
using Result = DeviceSignOutResult::Result;

namespace SignOutFixture {

inline const QString stepUpPath = QStringLiteral("/v1/step-up");
inline const QString resendPath = QStringLiteral("/v1/step-up/resend");
inline const QString verifyPath = QStringLiteral("/v1/step-up/verify");
inline const QString signOutPath = QStringLiteral("/v1/devices/sign-out");

inline FakeResponse challenge(const QString& id = QStringLiteral("chl_1"),
                              const QString& method = QStringLiteral("email"))
{
    return FakeResponse::json(200,
                              QJsonObject{{QStringLiteral("challenge"), id},
                                          {QStringLiteral("method"), method},
                                          {QStringLiteral("destination"), QStringLiteral("d***@vigil.test")},
                                          {QStringLiteral("expires_in"), 600},
                                          {QStringLiteral("resend_after"), 30}});
}

inline FakeResponse verified()
{
    return FakeResponse::json(
        200,
        QJsonObject{{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
}

inline FakeResponse codeError(int status,
                              const QByteArray& code,
                              std::optional<int> attemptsLeft,
                              std::optional<int> retryAfter = std::nullopt)
{
    QJsonObject body{{QStringLiteral("error"), QString::fromLatin1(code)},
                     {QStringLiteral("message"), QStringLiteral("no")}};
    if (attemptsLeft)
        body.insert(QStringLiteral("attempts_left"), *attemptsLeft);
    if (retryAfter)
        body.insert(QStringLiteral("retry_after"), *retryAfter);
    return FakeResponse::json(status, body);
}

inline QJsonObject row(const QString& id, const QString& name, const QString& result, const QString& reason = {})
{
    QJsonObject object{
        {QStringLiteral("device_id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("result"), result}};
    if (!reason.isEmpty())
        object.insert(QStringLiteral("reason"), reason);
    return object;
}

inline FakeResponse signOutResults(const QString& requestId, const QJsonArray& rows)
{
    return FakeResponse::json(
        200, QJsonObject{{QStringLiteral("request_id"), requestId}, {QStringLiteral("results"), rows}});
}

inline FakeResponse threeResults()
{
    return signOutResults(QStringLiteral("req_1"),
                          {row(QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), QStringLiteral("signed_out")),
                           row(QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet"), QStringLiteral("pending")),
                           row(QStringLiteral("dev_4"),
                               QStringLiteral("Office PC"),
                               QStringLiteral("failed"),
                               QStringLiteral("Device not reachable"))});
}

inline Scope threeDevices()
{
    return Scope::selected({{QStringLiteral("dev_2"), QStringLiteral("Living Room TV")},
                            {QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet")},
                            {QStringLiteral("dev_4"), QStringLiteral("Office PC")}});
}

} // namespace SignOutFixture

using namespace SignOutFixture;

// What both sign-out flow tests share: a signed-in session on a fake network whose answers each
// test scripts per path, a step-up service on a clock the test moves, and the flow under test.
class SignOutFlowFixture : public QObject
{
protected:
    void setUp();
    void tearDown();
    // Answers the next request to `path` with the next queued response; the last one repeats.
    void script(const QString& path, const QList<FakeResponse>& responses) { m_stack->script(path, responses); }
    FakeRequest lastRequest(const QString& path) const { return m_stack->lastRequest(path); }
    // Confirming → … → Verifying with a challenge on hand.
    void reachVerifying(const QString& method = QStringLiteral("email"));
    // A whole sign-out of threeDevices() with an email code, ending in Reporting.
    void completeJourney();

    std::unique_ptr<StepUpStack> m_stack;
    HolderSignOutSender m_sender;
    std::unique_ptr<SignOutFlow> m_flow;
};

inline void SignOutFlowFixture::setUp()
{
    m_stack = std::make_unique<StepUpStack>(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC));
    m_stack->answerFromScript();
    QVERIFY(m_stack->signedIn);
    m_flow =
        std::make_unique<SignOutFlow>(m_stack->api.get(), m_stack->stepUp.get(), m_stack->session.get(), &m_sender);
}

inline void SignOutFlowFixture::tearDown()
{
    m_flow.reset();
    m_stack.reset();
}

inline void SignOutFlowFixture::reachVerifying(const QString& method)
{
    if (m_stack->scripted.value(stepUpPath).isEmpty())
        script(stepUpPath, {challenge(QStringLiteral("chl_1"), method)});
    m_flow->start(threeDevices());
    QCOMPARE(m_flow->state(), State::Confirming);
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    m_flow->stepUpFlow()->chooseMethod(method);
    QCOMPARE(m_flow->state(), State::Verifying);
    QVERIFY(m_flow->isBusy());
    QTRY_VERIFY(!m_flow->isBusy());
    QCOMPARE(m_flow->state(), State::Verifying);
    QCOMPARE(lastRequest(stepUpPath).json().value(QStringLiteral("method")).toString(), method);
}

inline void SignOutFlowFixture::completeJourney()
{
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    reachVerifying();
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Reporting);
}
