#include "core/flows/SignOutFlow.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/auth/Session.h"
#include "core/flows/FlowsLog.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/stepup/StepUpService.h"

#include <algorithm>

namespace vigil {

SignOutFlow::SignOutFlow(
    ApiClient* api, StepUpService* stepUp, Session* session, const SignOutSender* sender, QObject* parent)
    : QObject(parent), m_api(api), m_stepUp(stepUp), m_session(session), m_results(new SignOutResultsModel(this)),
      m_verification(new StepUpFlow(stepUp, this)), m_sender(sender)
{
    connect(m_verification, &StepUpFlow::stateChanged, this, &SignOutFlow::onStepUpState);
    connect(m_verification, &StepUpFlow::problemChanged, this, &SignOutFlow::problemChanged);
    connect(m_verification, &StepUpFlow::verificationChanged, this, &SignOutFlow::verificationChanged);
    connect(m_verification, &StepUpFlow::verified, this, [this] {
        if (m_state == State::ChoosingMethod || m_state == State::Verifying)
            submit();
    });
}

SignOutFlow::~SignOutFlow() = default;

bool SignOutFlow::includesThisDevice() const
{
    if (!m_sender->isOwnAccount())
        return false; // a customer's devices; Vigil runs on none of them
    switch (m_scope.kind) {
    case Scope::Kind::All:
        return true;
    case Scope::Kind::Others:
        return false;
    case Scope::Kind::Devices:
        if (!m_session || m_session->deviceId().isEmpty())
            return false;
        return std::any_of(m_scope.devices.cbegin(), m_scope.devices.cend(), [this](const Target& target) {
            return target.deviceId == m_session->deviceId();
        });
    }
    return false;
}

void SignOutFlow::start(const Scope& scope)
{
    switch (m_state) {
    case State::Idle:
    case State::Reporting:
    case State::Done:
    case State::Failed:
        break;
    default:
        qCWarning(lcFlows) << "sign-out start ignored in state" << m_state;
        return;
    }
    if (scope.kind == Scope::Kind::Devices && scope.devices.isEmpty())
        return;
    if (!m_sender->isOwnAccount() && scope.kind == Scope::Kind::Others) {
        qCWarning(lcFlows) << "another account's sign-out has no \"others\" scope";
        return;
    }
    ++m_generation;
    m_scope = scope;
    m_submission = {};
    m_submission.kind = scope.kind;
    if (scope.kind == Scope::Kind::Devices) {
        for (const Target& target : scope.devices)
            m_submission.ids.append(target.deviceId);
    }
    m_requestId.clear();
    m_requestIds.clear();
    m_results->clear();
    m_verification->cancel();
    setState(State::Confirming);
}

void SignOutFlow::confirm()
{
    if (m_state != State::Confirming)
        return;
    proceedToSubmit();
}

void SignOutFlow::proceedToSubmit()
{
    if (!m_sender->needsStepUp() || m_stepUp->validToken()) {
        submit();
        return;
    }
    m_verification->start();
    setState(State::ChoosingMethod);
}

void SignOutFlow::cancel()
{
    switch (m_state) {
    case State::Confirming:
    case State::ChoosingMethod:
    case State::Verifying:
    case State::Failed:
        break;
    default:
        return;
    }
    ++m_generation;
    m_verification->cancel();
    setBusy(false);
    setState(State::Idle);
}

void SignOutFlow::retry()
{
    if (m_state != State::Failed || problem().kind == ProblemKind::SessionEnded ||
        m_verification->lockoutSecondsLeft() > 0)
        return;
    clearProblem();
    proceedToSubmit();
}

void SignOutFlow::retryFailed()
{
    if (m_state != State::Reporting && m_state != State::Done)
        return;
    const QStringList failed = m_results->failedIds();
    if (failed.isEmpty())
        return;
    m_submission = {Scope::Kind::Devices, failed, true};
    m_results->setRetrying(failed, true);
    clearProblem();
    proceedToSubmit();
}

void SignOutFlow::finish()
{
    if (m_state == State::Reporting)
        setState(State::Done);
}

bool SignOutFlow::applyProgress(const QString& requestId,
                                const QString& deviceId,
                                const QString& result,
                                const QString& reason)
{
    if (!m_requestIds.contains(requestId))
        return false;
    const auto value = DeviceSignOutResult::resultFromString(result);
    if (!value)
        return false;
    return m_results->applyResult(deviceId, *value, reason);
}

bool SignOutFlow::applyEvent(const QString& type, const QJsonObject& frame)
{
    if (type != QLatin1String("signout.progress"))
        return false;
    return applyProgress(frame.value(QLatin1String("request_id")).toString(),
                         frame.value(QLatin1String("device_id")).toString(),
                         frame.value(QLatin1String("result")).toString(),
                         frame.value(QLatin1String("reason")).toString());
}

void SignOutFlow::submit()
{
    const auto token = m_sender->needsStepUp() ? m_stepUp->validToken() : std::optional<QString>(QString());
    if (!token) {
        proceedToSubmit();
        return;
    }
    ++m_generation;
    setState(State::Submitting);
    setBusy(true);

    qCInfo(lcFlows) << "signing out" << m_submission.ids.size() << "device(s), scope" << int(m_submission.kind);
    const ApiRequest request = m_sender->request(m_submission.kind, m_submission.ids, *token);
    ApiReply* reply = m_api->send(request);
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation == m_generation)
            onSubmitted(reply);
    });
}

void SignOutFlow::onSubmitted(ApiReply* reply)
{
    setBusy(false);
    const ApiResult& result = reply->result();
    if (!result) {
        onSubmitFailed(result.error());
        return;
    }
    auto response = DeviceSignOutResult::responseFromJson(result.value().object());
    if (!response) {
        onSubmitFailed(response.error());
        return;
    }
    // The service names only devices it still knows; one that is already gone (a repeated request
    // after an unreadable answer) keeps the name the person confirmed, never a bare id.
    QList<DeviceSignOutResult> results = response->results;
    for (DeviceSignOutResult& entry : results) {
        if (!entry.name.isEmpty())
            continue;
        for (const Target& target : m_scope.devices) {
            if (target.deviceId == entry.deviceId)
                entry.name = target.name;
        }
    }
    if (!response->requestId.isEmpty()) {
        m_requestId = response->requestId;
        m_requestIds.insert(m_requestId);
    }
    if (m_submission.retryingFailed)
        m_results->mergeResults(results);
    else
        m_results->setResults(results);
    m_results->setRetrying(m_submission.ids, false);

    const bool thisDeviceOut = submissionIncludesThisDevice();
    if (thisDeviceOut) {
        qCInfo(lcFlows) << "this device was signed out too; returning to sign-in";
        m_stepUp->clearToken(); // it was bound to the session that just ended
        setState(State::ReturnToSignIn);
        Q_EMIT returnToSignInRequested();
        return;
    }
    setState(State::Reporting);
}

void SignOutFlow::onSubmitFailed(const ApiError& error)
{
    qCInfo(lcFlows) << "sign-out failed:" << ApiError::codeName(error.code()) << error.serverCode();
    m_results->setRetrying(m_submission.ids, false);
    if (error.code() == ApiError::Code::StepUpRequired) {
        // The token ran out on the server's clock (or the session changed): verify again.
        m_verification->restartAfterRefusal(error);
        setState(State::ChoosingMethod);
        return;
    }
    const bool thisDeviceOut = submissionIncludesThisDevice();
    if (error.code() == ApiError::Code::SessionRevoked && thisDeviceOut) {
        // The service revoked this session before answering: what was asked for happened.
        setState(State::ReturnToSignIn);
        Q_EMIT returnToSignInRequested();
        return;
    }
    if (error.endsSession())
        setProblem(ProblemKind::SessionEnded, error);
    else if (error.code() == ApiError::Code::NoConnection || error.code() == ApiError::Code::Timeout)
        setProblem(ProblemKind::NoConnection, error);
    else if (error.code() == ApiError::Code::TooManyAttempts && error.retryAfterSeconds()) {
        m_verification->lockOut(*error.retryAfterSeconds(), error);
    } else
        setProblem(ProblemKind::Other, error);
    setState(State::Failed);
}

bool SignOutFlow::submissionIncludesThisDevice() const
{
    if (!m_sender->isOwnAccount())
        return false;
    switch (m_submission.kind) {
    case Scope::Kind::All:
        return true;
    case Scope::Kind::Others:
        return false;
    case Scope::Kind::Devices:
        return m_session && !m_session->deviceId().isEmpty() && m_submission.ids.contains(m_session->deviceId());
    }
    return false;
}

void SignOutFlow::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcFlows) << "sign-out flow:" << m_state << "->" << state;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SignOutFlow::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT verificationChanged();
}

} // namespace vigil
