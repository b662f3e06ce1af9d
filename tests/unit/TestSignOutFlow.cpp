#include "TestSignOutFlowFixture.h"
#include "core/util/EnglishPlurals.h"

// SignOutFlow: confirmation, token reuse, submission, results and this device.
class TestSignOutFlow final : public SignOutFlowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(new EnglishPlurals(this)); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void confirmThenCancel();
    void journeyWithEmailCode();
    void cancelFromChoosingMethod();
    void cancelWhileVerifyingDropsLateAnswer();
    void validTokenIsReused();
    void tokenExpiresByClock();
    void networkFailureDuringSubmitRetries();
    void unreadableAnswerDuringSubmitRetries();
    void goneDeviceKeepsItsName();
    void stepUpRefusedOnSubmitAsksAgain();
    void resultsPerDeviceAndLiveProgress();
    void retryFailedResubmitsOnlyFailed();
    void allIncludingThisDeviceReturnsToSignIn();
    void othersKeepsThisDevice();
    void selectedIncludingThisDevice();
    void ignoredOutsideTheirStates();
};

void TestSignOutFlow::confirmThenCancel()
{
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    QCOMPARE(m_flow->state(), State::Idle);
    m_flow->start(threeDevices());
    QCOMPARE(m_flow->state(), State::Confirming);
    QCOMPARE(m_flow->scope().devices.size(), 3);
    QCOMPARE(m_flow->scope().devices.first().name, QStringLiteral("Living Room TV"));
    QVERIFY(!m_flow->includesThisDevice());
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Idle);
    QCOMPARE(states.size(), 2);
    QVERIFY(m_stack->nam->requests().isEmpty());
}

void TestSignOutFlow::journeyWithEmailCode()
{
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    script(verifyPath, {verified()});
    script(signOutPath, {threeResults()});
    reachVerifying();
    QCOMPARE(m_flow->stepUpFlow()->method()->id(), QStringLiteral("email"));
    QVERIFY(m_flow->stepUpFlow()->method()->needsChallengeSend());
    QCOMPARE(m_flow->stepUpFlow()->destination(), QStringLiteral("d***@vigil.test"));
    QCOMPARE(m_flow->stepUpFlow()->resendSecondsLeft(), 30);
    QVERIFY(!m_flow->stepUpFlow()->canSubmit(QStringLiteral("12345")));
    QVERIFY(m_flow->stepUpFlow()->canSubmit(QStringLiteral("123 456")));

    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123 456"));
    QVERIFY(m_flow->isBusy());
    QTRY_COMPARE(m_flow->state(), State::Reporting);

    const QJsonObject verify = lastRequest(verifyPath).json();
    QCOMPARE(verify.value(QStringLiteral("challenge")).toString(), QStringLiteral("chl_1"));
    QCOMPARE(verify.value(QStringLiteral("secret")).toString(), QStringLiteral("123456"));
    const FakeRequest signOut = lastRequest(signOutPath);
    QCOMPARE(signOut.method, QByteArray("POST"));
    QCOMPARE(signOut.header("X-Step-Up"), QByteArray("vst_1"));
    QCOMPARE(signOut.json().value(QStringLiteral("ids")).toArray(),
             QJsonArray({QStringLiteral("dev_2"), QStringLiteral("dev_3"), QStringLiteral("dev_4")}));
    QCOMPARE(m_flow->requestId(), QStringLiteral("req_1"));
    QCOMPARE(m_flow->results()->rowCount(), 3);

    m_flow->finish();
    QCOMPARE(m_flow->state(), State::Done);
    QList<State> seen;
    for (const auto& args : states)
        seen.append(args.constFirst().value<State>());
    QCOMPARE(seen,
             (QList<State>{State::Confirming,
                           State::ChoosingMethod,
                           State::Verifying,
                           State::Submitting,
                           State::Reporting,
                           State::Done}));
}

void TestSignOutFlow::cancelFromChoosingMethod()
{
    m_flow->start(threeDevices());
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->stepUpFlow()->availableMethods().size(), 5);
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(m_stack->nam->requests().isEmpty());
}

void TestSignOutFlow::cancelWhileVerifyingDropsLateAnswer()
{
    script(stepUpPath, {FakeResponse::held()});
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("email"));
    QCOMPARE(m_flow->state(), State::Verifying);
    QTRY_COMPARE(m_stack->nam->heldCount(), 1);
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(!m_flow->isBusy());
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    m_stack->nam->releaseHeld(challenge());
    QTRY_COMPARE(m_stack->nam->heldCount(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(m_flow->state(), State::Idle);
    QVERIFY(m_flow->stepUpFlow()->destination().isEmpty());
    QCOMPARE(states.size(), 0);
}

void TestSignOutFlow::validTokenIsReused()
{
    completeJourney();
    QCOMPARE(m_stack->nam->count(verifyPath), 1);
    QVERIFY(m_stack->stepUp->validToken().has_value());

    m_stack->now = m_stack->now.addSecs(120);
    QSignalSpy states(m_flow.get(), &SignOutFlow::stateChanged);
    m_flow->start(Scope::selected({{QStringLiteral("dev_5"), QStringLiteral("Bedroom TV")}}));
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::Submitting);
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_stack->nam->count(verifyPath), 1);
    QCOMPARE(m_stack->nam->count(stepUpPath), 1);
    QCOMPARE(m_stack->nam->count(signOutPath), 2);
    QCOMPARE(lastRequest(signOutPath).header("X-Step-Up"), QByteArray("vst_1"));
    QCOMPARE(lastRequest(signOutPath).json().value(QStringLiteral("ids")).toArray(),
             QJsonArray({QStringLiteral("dev_5")}));
    for (const auto& args : states)
        QVERIFY(args.constFirst().value<State>() != State::ChoosingMethod);
}

void TestSignOutFlow::tokenExpiresByClock()
{
    completeJourney();
    m_stack->now = m_stack->now.addSecs(301);
    QVERIFY(!m_stack->stepUp->validToken().has_value());
    m_flow->start(threeDevices());
    m_flow->confirm();
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_stack->nam->count(signOutPath), 1);
}

void TestSignOutFlow::networkFailureDuringSubmitRetries()
{
    script(verifyPath, {verified()});
    script(signOutPath, {FakeResponse::transport(QNetworkReply::ConnectionRefusedError), threeResults()});
    reachVerifying();
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Failed);
    QCOMPARE(m_flow->problem().kind, Kind::NoConnection);
    QVERIFY(m_flow->problem().canRetry);
    QVERIFY(!m_flow->problem().message.isEmpty());
    const QByteArray firstBody = lastRequest(signOutPath).body;

    m_flow->retry();
    QCOMPARE(m_flow->state(), State::Submitting);
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_stack->nam->count(signOutPath), 2);
    QCOMPARE(m_stack->nam->count(verifyPath), 1);
    QCOMPARE(lastRequest(signOutPath).body, firstBody);
    QCOMPARE(m_flow->problem().kind, Kind::None);
}

void TestSignOutFlow::unreadableAnswerDuringSubmitRetries()
{
    // An empty, cut-off or garbled 200 (vigil-mockd's empty/truncated/garbage faults): the devices may
    // or may not be signed out, so the failure must offer Retry, which asks again with the same body.
    script(verifyPath, {verified()});
    script(signOutPath,
           {FakeResponse::raw(200, QByteArray(), "application/json"),
            FakeResponse::raw(200, QByteArray("{\"results\": [{\"id\""), "application/json"),
            threeResults()});
    reachVerifying();
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Failed);
    QCOMPARE(m_flow->problem().kind, Kind::Other);
    QVERIFY(m_flow->problem().canRetry);
    QVERIFY(!m_flow->problem().message.isEmpty());
    const int asked = m_stack->nam->count(signOutPath);

    m_flow->retry();
    QTRY_COMPARE(m_flow->state(), State::Failed);
    QVERIFY(m_flow->problem().canRetry);
    m_flow->retry();
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_stack->nam->count(signOutPath), asked + 2);
    QCOMPARE(m_flow->problem().kind, Kind::None);
}

void TestSignOutFlow::goneDeviceKeepsItsName()
{
    // Retrying after a cut-off answer: the service had signed the device out and now reports it
    // not_found without a name. The person must read the name they confirmed and words, not
    // "dev_2 — Failed: not_found".
    script(verifyPath, {verified()});
    script(
        signOutPath,
        {signOutResults(QStringLiteral("req_1"),
                        {row(QStringLiteral("dev_2"), QString(), QStringLiteral("failed"), QStringLiteral("not_found")),
                         row(QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet"), QStringLiteral("pending")),
                         row(QStringLiteral("dev_4"), QStringLiteral("Office PC"), QStringLiteral("signed_out"))})});
    reachVerifying();
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    const SignOutResultsModel* model = m_flow->results();
    QCOMPARE(model->data(model->index(0), Qt::DisplayRole).toString(), QStringLiteral("Living Room TV"));
    QCOMPARE(model->data(model->index(0), Qt::AccessibleTextRole).toString(),
             QStringLiteral("Living Room TV: failed, no longer signed in to your account"));
}

void TestSignOutFlow::stepUpRefusedOnSubmitAsksAgain()
{
    script(verifyPath, {verified()});
    script(signOutPath, {FakeResponse::error(403, "step_up_required")});
    reachVerifying();
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    QTRY_COMPARE(m_flow->state(), State::ChoosingMethod);
    QCOMPARE(m_flow->problem().kind, Kind::StepUpRequired);
    QVERIFY(!m_stack->stepUp->validToken().has_value());
}

void TestSignOutFlow::resultsPerDeviceAndLiveProgress()
{
    completeJourney();
    SignOutResultsModel* results = m_flow->results();
    QCOMPARE(results->rowCount(), 3);
    QCOMPARE(results->count(Result::SignedOut), 1);
    QCOMPARE(results->count(Result::Pending), 1);
    QCOMPARE(results->count(Result::Failed), 1);
    QCOMPARE(results->results().at(2).reason, QStringLiteral("Device not reachable"));
    QCOMPARE(results->summaryText(), QStringLiteral("1 signed out, 1 pending, 1 failed"));

    QSignalSpy summary(results, &SignOutResultsModel::summaryChanged);
    QVERIFY(!m_flow->applyProgress(QStringLiteral("req_other"), QStringLiteral("dev_3"), QStringLiteral("signed_out")));
    QVERIFY(!m_flow->applyProgress(QStringLiteral("req_1"), QStringLiteral("dev_9"), QStringLiteral("signed_out")));
    QCOMPARE(results->count(Result::Pending), 1);
    QCOMPARE(summary.size(), 0);

    m_flow->finish();
    QCOMPARE(m_flow->state(), State::Done);
    // The panel may be closed; the results keep following the events.
    QVERIFY(!m_flow->applyEvent(QStringLiteral("device.updated"),
                                QJsonObject{{QStringLiteral("request_id"), QStringLiteral("req_1")},
                                            {QStringLiteral("device_id"), QStringLiteral("dev_3")},
                                            {QStringLiteral("result"), QStringLiteral("signed_out")}}));
    QCOMPARE(results->count(Result::Pending), 1);
    QVERIFY(m_flow->applyEvent(QStringLiteral("signout.progress"),
                               QJsonObject{{QStringLiteral("type"), QStringLiteral("signout.progress")},
                                           {QStringLiteral("seq"), 7},
                                           {QStringLiteral("request_id"), QStringLiteral("req_1")},
                                           {QStringLiteral("device_id"), QStringLiteral("dev_3")},
                                           {QStringLiteral("result"), QStringLiteral("signed_out")}}));
    QCOMPARE(results->count(Result::Pending), 0);
    QCOMPARE(results->count(Result::SignedOut), 2);
    QCOMPARE(results->data(results->index(1), Qt::AccessibleTextRole).toString(),
             QStringLiteral("Kid's Tablet: signed out"));
    QCOMPARE(summary.size(), 1);
}

void TestSignOutFlow::retryFailedResubmitsOnlyFailed()
{
    completeJourney();
    script(signOutPath,
           {signOutResults(QStringLiteral("req_2"),
                           {row(QStringLiteral("dev_4"), QStringLiteral("Office PC"), QStringLiteral("pending"))})});
    m_flow->retryFailed();
    QCOMPARE(m_flow->state(), State::Submitting);
    QVERIFY(m_flow->results()->data(m_flow->results()->index(2), SignOutResultsModel::RetryingRole).toBool());
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    const QJsonObject body = lastRequest(signOutPath).json();
    QCOMPARE(body.value(QStringLiteral("ids")).toArray(), QJsonArray({QStringLiteral("dev_4")}));
    QVERIFY(!body.contains(QStringLiteral("scope")));
    QCOMPARE(m_stack->nam->count(verifyPath), 1); // the token was still valid

    SignOutResultsModel* results = m_flow->results();
    QCOMPARE(results->rowCount(), 3);
    QCOMPARE(results->count(Result::Failed), 0);
    QCOMPARE(results->count(Result::Pending), 2);
    QVERIFY(!results->data(results->index(2), SignOutResultsModel::RetryingRole).toBool());
    // Events of both requests are followed.
    QVERIFY(m_flow->applyProgress(QStringLiteral("req_1"), QStringLiteral("dev_3"), QStringLiteral("signed_out")));
    QVERIFY(m_flow->applyProgress(QStringLiteral("req_2"), QStringLiteral("dev_4"), QStringLiteral("signed_out")));
    QCOMPARE(results->count(Result::SignedOut), 3);

    // Nothing failed any more: nothing to retry.
    m_flow->retryFailed();
    QCOMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(m_stack->nam->count(signOutPath), 2);
}

void TestSignOutFlow::allIncludingThisDeviceReturnsToSignIn()
{
    completeJourney();
    QSignalSpy back(m_flow.get(), &SignOutFlow::returnToSignInRequested);
    script(signOutPath,
           {signOutResults(
               QStringLiteral("req_3"),
               {row(QStringLiteral("dev_1"), QStringLiteral("This Computer"), QStringLiteral("signed_out")),
                row(QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), QStringLiteral("signed_out"))})});
    m_flow->start(Scope::all());
    QVERIFY(m_flow->includesThisDevice());
    m_flow->confirm();
    QTRY_COMPARE(m_flow->state(), State::ReturnToSignIn);
    QCOMPARE(back.size(), 1);
    QVERIFY(!m_stack->stepUp->validToken().has_value());
    QCOMPARE(lastRequest(signOutPath).json(), QJsonObject({{QStringLiteral("scope"), QStringLiteral("all")}}));
    QCOMPARE(m_flow->results()->rowCount(), 2);
    m_flow->cancel();
    QCOMPARE(m_flow->state(), State::ReturnToSignIn);
}

void TestSignOutFlow::othersKeepsThisDevice()
{
    completeJourney();
    QSignalSpy back(m_flow.get(), &SignOutFlow::returnToSignInRequested);
    // Names passed along for display never widen "others" to this device.
    m_flow->start(Scope::others({{QStringLiteral("dev_1"), QStringLiteral("This Computer")},
                                 {QStringLiteral("dev_2"), QStringLiteral("Living Room TV")}}));
    QVERIFY(!m_flow->includesThisDevice());
    m_flow->confirm();
    QTRY_COMPARE(m_flow->state(), State::Reporting);
    QCOMPARE(lastRequest(signOutPath).json(), QJsonObject({{QStringLiteral("scope"), QStringLiteral("others")}}));
    QCOMPARE(back.size(), 0);
}

void TestSignOutFlow::selectedIncludingThisDevice()
{
    completeJourney();
    QSignalSpy back(m_flow.get(), &SignOutFlow::returnToSignInRequested);
    script(signOutPath,
           {signOutResults(
               QStringLiteral("req_4"),
               {row(QStringLiteral("dev_1"), QStringLiteral("This Computer"), QStringLiteral("signed_out"))})});
    m_flow->start(Scope::selected({{QStringLiteral("dev_1"), QStringLiteral("This Computer")}}));
    QVERIFY(m_flow->includesThisDevice());
    m_flow->confirm();
    QTRY_COMPARE(m_flow->state(), State::ReturnToSignIn);
    QCOMPARE(back.size(), 1);
}

void TestSignOutFlow::ignoredOutsideTheirStates()
{
    m_flow->confirm();
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("email"));
    m_flow->stepUpFlow()->submitSecret(QStringLiteral("123456"));
    m_flow->stepUpFlow()->resend();
    m_flow->retry();
    m_flow->retryFailed();
    m_flow->finish();
    QCOMPARE(m_flow->state(), State::Idle);
    m_flow->start(Scope::selected({}));
    QCOMPARE(m_flow->state(), State::Idle);
    m_flow->start(threeDevices());
    m_flow->confirm();
    m_flow->stepUpFlow()->chooseMethod(QStringLiteral("carrier-pigeon"));
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    m_flow->start(threeDevices()); // no restart in the middle of a sign-out
    QCOMPARE(m_flow->state(), State::ChoosingMethod);
    QVERIFY(m_stack->nam->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestSignOutFlow)
#include "TestSignOutFlow.moc"
