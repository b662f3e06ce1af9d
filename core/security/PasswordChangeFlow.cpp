#include "core/security/PasswordChangeFlow.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/flows/DeviceSignOutResult.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/security/PasswordStrength.h"
#include "core/security/SecurityLog.h"
#include "core/stepup/StepUpChallenge.h"
#include "core/stepup/StepUpService.h"

namespace vigil {
namespace {

QString clockText(int seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString signOutName(PasswordChangeFlow::SignOut signOut)
{
    switch (signOut) {
    case PasswordChangeFlow::SignOut::None:
        return QStringLiteral("none");
    case PasswordChangeFlow::SignOut::Others:
        return QStringLiteral("others");
    case PasswordChangeFlow::SignOut::All:
        break;
    }
    return QStringLiteral("all");
}

} // namespace

PasswordChangeFlow::PasswordChangeFlow(ApiClient* api, StepUpService* stepUp, QObject* parent)
    : QObject(parent), m_api(api), m_stepUp(stepUp), m_results(new SignOutResultsModel(this))
{}

PasswordChangeFlow::~PasswordChangeFlow() = default;

PasswordChangeFlow::Problem PasswordChangeFlow::check(const QString& newPassword, const QString& confirmation)
{
    if (newPassword.size() < PasswordStrength::minLength)
        return {ProblemKind::TooShort,
                Field::New,
                tr("The new password needs at least %n characters.", nullptr, PasswordStrength::minLength),
                {}};
    if (newPassword.size() > PasswordStrength::maxLength)
        return {ProblemKind::TooLong,
                Field::New,
                tr("The new password can have at most %n characters.", nullptr, PasswordStrength::maxLength),
                {}};
    if (newPassword != confirmation)
        return {ProblemKind::Mismatch, Field::Confirmation, tr("The two new passwords are not the same."), {}};
    return {};
}

void PasswordChangeFlow::submit(const QString& current,
                                const QString& newPassword,
                                const QString& confirmation,
                                SignOut signOut)
{
    if (m_state == State::Working || m_state == State::ReturnToSignIn)
        return;
    m_signOut = signOut;
    m_results->clear();
    if (current.isEmpty()) {
        fail({ProblemKind::WrongCurrent, Field::Current, tr("Enter your current password."), {}});
        return;
    }
    if (const Problem problem = check(newPassword, confirmation); problem.kind != ProblemKind::None) {
        fail(problem);
        return;
    }
    m_current = current;
    m_new = newPassword;
    m_problem = {};
    Q_EMIT problemChanged();
    setState(State::Working);
    if (m_stepUp->validToken()) {
        send(true);
        return;
    }
    const quint64 generation = ++m_generation;
    m_stepUp->begin(
        QStringLiteral("password"), this, [this, generation](const Expected<StepUpChallenge, ApiError>& challenge) {
            if (generation != m_generation)
                return;
            if (!challenge)
                failWith(challenge.error(), true);
            else
                verifyCurrent(challenge.value());
        });
}

void PasswordChangeFlow::verifyCurrent(const StepUpChallenge& challenge)
{
    const quint64 generation = ++m_generation;
    m_stepUp->verify(challenge.challenge, m_current, this, [this, generation](const Expected<void, ApiError>& result) {
        if (generation != m_generation)
            return;
        if (!result)
            failWith(result.error(), true);
        else
            send(false);
    });
}

void PasswordChangeFlow::send(bool mayRetryStepUp)
{
    const auto token = m_stepUp->validToken();
    if (!token) {
        failWith(ApiError(ApiError::Code::StepUpRequired), false);
        return;
    }
    const QJsonObject body{{QStringLiteral("current"), m_current},
                           {QStringLiteral("new"), m_new},
                           {QStringLiteral("sign_out"), signOutName(m_signOut)}};
    qCInfo(lcSecurity) << "changing the password; sign_out" << signOutName(m_signOut);
    ApiReply* reply = m_api->send(ApiRequest::post(QStringLiteral("/v1/account/password"), body)
                                      .withHeader(StepUpService::headerName(), token->toUtf8()));
    const quint64 generation = ++m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation, mayRetryStepUp] {
        if (generation == m_generation)
            onSent(reply, mayRetryStepUp);
    });
}

void PasswordChangeFlow::onSent(ApiReply* reply, bool mayRetryStepUp)
{
    const ApiResult& result = reply->result();
    if (!result) {
        const ApiError& error = result.error();
        if (error.code() == ApiError::Code::StepUpRequired && mayRetryStepUp) {
            // The token ran out on the service's clock: earn a new one with the same password.
            m_stepUp->clearToken();
            m_stepUp->begin(QStringLiteral("password"),
                            this,
                            [this, generation = ++m_generation](const Expected<StepUpChallenge, ApiError>& challenge) {
                                if (generation != m_generation)
                                    return;
                                if (!challenge)
                                    failWith(challenge.error(), true);
                                else
                                    verifyCurrent(challenge.value());
                            });
            return;
        }
        // With sign_out=all the service may end this session before the answer is read.
        if (m_signOut == SignOut::All && error.code() == ApiError::Code::SessionRevoked) {
            m_current.clear();
            m_new.clear();
            m_stepUp->clearToken();
            setState(State::ReturnToSignIn);
            Q_EMIT returnToSignInRequested();
            return;
        }
        failWith(error, false);
        return;
    }
    m_current.clear();
    m_new.clear();
    qCInfo(lcSecurity) << "password changed";
    if (auto response = DeviceSignOutResult::responseFromJson(result.value().object()))
        m_results->setResults(response->results);
    if (m_signOut == SignOut::All) {
        m_stepUp->clearToken(); // bound to the session that just ended
        setState(State::ReturnToSignIn);
        Q_EMIT returnToSignInRequested();
        return;
    }
    setState(State::Done);
}

void PasswordChangeFlow::failWith(const ApiError& error, bool fromStepUp)
{
    qCInfo(lcSecurity) << "password change refused:" << ApiError::codeName(error.code()) << error.serverCode()
                       << (fromStepUp ? "(step-up)" : "");
    Problem problem;
    const QString code = error.serverCode();
    // The step-up answers a wrong password as `invalid_code`, the change itself as `invalid_credentials`.
    if (error.code() == ApiError::Code::InvalidCredentials ||
        (fromStepUp && error.code() == ApiError::Code::InvalidCode)) {
        problem = {ProblemKind::WrongCurrent, Field::Current, tr("Your current password isn't right."), {}};
    } else if (code == QLatin1String("password_blocked")) {
        problem = {ProblemKind::Blocked,
                   Field::New,
                   tr("This password is too common and easy to guess. Choose another one."),
                   {}};
    } else if (error.code() == ApiError::Code::InvalidField && error.field() == QLatin1String("new")) {
        const bool same = error.serverMessage().contains(QLatin1String("differ"));
        problem = {same ? ProblemKind::SameAsCurrent : ProblemKind::TooShort,
                   Field::New,
                   same ? tr("The new password must be different from your current one.")
                        : tr("The service did not accept the new password: %1").arg(error.serverMessage()),
                   {}};
    } else if (error.code() == ApiError::Code::TooManyAttempts || error.httpStatus() == 423 ||
               code == QLatin1String("challenge_locked")) {
        const std::optional<int> wait = error.retryAfterSeconds();
        problem = {ProblemKind::Throttled,
                   Field::None,
                   wait ? tr("Too many attempts. Try again in %1.").arg(clockText(*wait))
                        : tr("Too many attempts. Try again later."),
                   wait};
    } else if (error.code() == ApiError::Code::NoConnection || error.code() == ApiError::Code::Timeout) {
        problem = {ProblemKind::NoConnection,
                   Field::None,
                   tr("No connection to the service. Your password was not changed; try again."),
                   {}};
    } else {
        problem = {ProblemKind::Other, Field::None, error.userText(), {}};
    }
    m_current.clear();
    m_new.clear();
    fail(problem);
}

void PasswordChangeFlow::fail(const Problem& problem)
{
    m_problem = problem;
    Q_EMIT problemChanged();
    setState(State::Failed);
}

void PasswordChangeFlow::reset()
{
    if (m_state == State::Working)
        return;
    ++m_generation;
    m_problem = {};
    Q_EMIT problemChanged();
    setState(State::Idle);
}

void PasswordChangeFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace vigil
