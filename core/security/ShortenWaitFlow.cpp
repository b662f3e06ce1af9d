#include "core/security/ShortenWaitFlow.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/security/SecurityLog.h"
#include "core/stepup/StepUpChallenge.h"
#include "core/util/Json.h"

#include <algorithm>

namespace vigil {
namespace {

// The service never shortens beyond an hour; a longer answer is not believed.
constexpr qint64 maxWaitSeconds = 3600;

bool isCodeDead(const ApiError& error)
{
    const QString code = error.serverCode();
    return code == QLatin1String("challenge_expired") || code == QLatin1String("challenge_locked") ||
           (error.code() == ApiError::Code::InvalidCode && error.attemptsLeft() == 0);
}

} // namespace

ShortenWaitFlow::ShortenWaitFlow(ApiClient* api, Clock clock, QObject* parent)
    : QObject(parent), m_api(api), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTime(); };
}

ShortenWaitFlow::~ShortenWaitFlow() = default;

void ShortenWaitFlow::setState(State state, Problem problem)
{
    m_state = state;
    m_problem = problem;
    Q_EMIT stateChanged();
}

void ShortenWaitFlow::sendCode()
{
    if (m_state == State::Sending || m_state == State::Verifying || m_state == State::Shortened)
        return;
    const quint64 generation = ++m_generation;
    setState(State::Sending);
    ApiReply* reply =
        m_api->send(ApiRequest::post(QStringLiteral("/v1/step-up"),
                                     QJsonObject{{QStringLiteral("method"), QStringLiteral("email")},
                                                 {QStringLiteral("purpose"), QStringLiteral("shorten_wait")}}));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        const ApiResult& result = reply->result();
        if (!result)
            return fail(result.error(), m_challenge.isEmpty() ? State::Idle : State::CodeSent);
        const auto challenge = StepUpChallenge::fromJson(result.value().object());
        if (!challenge)
            return fail(challenge.error(), State::Idle);
        m_challenge = challenge.value().challenge;
        m_destination = challenge.value().destination;
        m_attemptsLeft = 0;
        qCInfo(lcSecurity) << "a code to shorten the new-device wait was sent";
        setState(State::CodeSent);
    });
}

void ShortenWaitFlow::verify(const QString& code)
{
    if (m_state != State::CodeSent || m_challenge.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    setState(State::Verifying);
    ApiReply* reply = m_api->send(
        ApiRequest::post(QStringLiteral("/v1/step-up/verify"),
                         QJsonObject{{QStringLiteral("challenge"), m_challenge}, {QStringLiteral("secret"), code}}));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        const ApiResult& result = reply->result();
        if (!result)
            return fail(result.error(), State::CodeSent);
        const auto seconds = Json::integer(result.value().object(), QLatin1String("retry_after"));
        if (!seconds || *seconds < 0)
            return fail(ApiError(ApiError::Code::InvalidResponse), State::CodeSent);
        // Local time from the seconds left, as the session_too_new text does: the clocks may differ.
        m_newUntil = m_clock().addSecs(std::min(*seconds, maxWaitSeconds));
        m_challenge.clear();
        qCInfo(lcSecurity) << "the new-device wait was shortened; ends in" << *seconds << "s";
        setState(State::Shortened);
    });
}

void ShortenWaitFlow::fail(const ApiError& error, State stateAfter)
{
    qCInfo(lcSecurity) << "shortening the new-device wait refused:" << ApiError::codeName(error.code())
                       << error.serverCode();
    m_errorText = error.userText();
    const QString code = error.serverCode();
    if (code == QLatin1String("established_session_exists"))
        return setState(State::Refused, Problem::EstablishedExists);
    if (code == QLatin1String("wait_already_short"))
        return setState(State::Refused, Problem::AlreadyShort);
    if (error.code() == ApiError::Code::TooManyAttempts) {
        m_waitSeconds = error.retryAfterSeconds().value_or(0);
        return setState(stateAfter, Problem::TooManyAttempts);
    }
    if (isCodeDead(error)) {
        m_challenge.clear();
        return setState(State::CodeSent, Problem::CodeDead);
    }
    if (error.code() == ApiError::Code::InvalidCode) {
        m_attemptsLeft = error.attemptsLeft().value_or(0);
        return setState(State::CodeSent, Problem::WrongCode);
    }
    if (error.code() == ApiError::Code::NoConnection || error.code() == ApiError::Code::Timeout)
        return setState(stateAfter, Problem::NoConnection);
    setState(stateAfter, Problem::Other);
}

void ShortenWaitFlow::cancel()
{
    ++m_generation;
    m_challenge.clear();
    setState(State::Idle);
}

} // namespace vigil
