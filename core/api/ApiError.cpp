#include "ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <array>
#include <utility>

namespace vigil {
namespace {

struct CodeName
{
    ApiError::Code code;
    const char* name;
};

// Server codes first (the contract's spelling), then the client's own.
constexpr std::array codeNames{
    CodeName{ApiError::Code::InvalidCredentials, "invalid_credentials"},
    CodeName{ApiError::Code::MfaRequired, "mfa_required"},
    CodeName{ApiError::Code::InvalidCode, "invalid_code"},
    CodeName{ApiError::Code::TokenMissing, "token_missing"},
    CodeName{ApiError::Code::TokenInvalid, "token_invalid"},
    CodeName{ApiError::Code::TokenExpired, "token_expired"},
    CodeName{ApiError::Code::SessionRevoked, "session_revoked"},
    CodeName{ApiError::Code::InvalidRefresh, "invalid_refresh"},
    CodeName{ApiError::Code::StepUpRequired, "step_up_required"},
    CodeName{ApiError::Code::TooManyAttempts, "too_many_attempts"},
    CodeName{ApiError::Code::InvalidJson, "invalid_json"},
    CodeName{ApiError::Code::UnsupportedMediaType, "unsupported_media_type"},
    CodeName{ApiError::Code::BodyTooLarge, "body_too_large"},
    CodeName{ApiError::Code::InvalidField, "invalid_field"},
    CodeName{ApiError::Code::NotFound, "not_found"},
    CodeName{ApiError::Code::MethodNotAllowed, "method_not_allowed"},
    CodeName{ApiError::Code::Forbidden, "forbidden"},
    CodeName{ApiError::Code::Forbidden, "admin_key_required"},
    // A refusal with a reason of its own: message() and suggestedAction() explain it.
    CodeName{ApiError::Code::Forbidden, "session_too_new"},
    CodeName{ApiError::Code::NoConnection, "no_connection"},
    CodeName{ApiError::Code::Timeout, "timeout"},
    CodeName{ApiError::Code::Tls, "tls"},
    CodeName{ApiError::Code::InvalidResponse, "invalid_response"},
    CodeName{ApiError::Code::Cancelled, "cancelled"},
    CodeName{ApiError::Code::SignedOut, "signed_out"},
    CodeName{ApiError::Code::ServerError, "server_error"},
    CodeName{ApiError::Code::ServerError, "internal_error"},
    CodeName{ApiError::Code::ServerError, "service_busy"},
    CodeName{ApiError::Code::Unknown, "unknown"},
};

// Retry-After is either delta-seconds or an HTTP date; only the first is used by the contract.
std::optional<int> parseRetryAfter(const QByteArray& header)
{
    bool ok = false;
    const int seconds = header.trimmed().toInt(&ok);
    if (ok && seconds >= 0)
        return seconds;
    return std::nullopt;
}

QString waitText(int seconds)
{
    if (seconds < 60)
        return ApiError::tr("%n second(s)", nullptr, qMax(1, seconds));
    return ApiError::tr("%n minute(s)", nullptr, (seconds + 59) / 60);
}

// The young-session guard's refusal: when it ends (local time, from retry_after as the answer
// arrives), why it exists, then (suggestedAction) what to do now.
QString tooNewText(std::optional<int> secondsLeft)
{
    if (secondsLeft) {
        const QDateTime until = QDateTime::currentDateTime().addSecs(*secondsLeft);
        return ApiError::tr("This device signed in to your account only recently, so until %1 it can't sign out your "
                            "other devices or change security settings. This keeps someone who has your password "
                            "from locking you out.")
            .arg(QLocale().toString(until, QLocale::ShortFormat));
    }
    return ApiError::tr("This device signed in to your account only recently, so for now it can't sign out your other "
                        "devices or change security settings. This keeps someone who has your password from locking "
                        "you out.");
}

bool isTooNew(const QString& serverCode)
{
    return serverCode == QLatin1String("session_too_new");
}

// The service turned the request away before doing anything (too many sign-ins waiting to be
// checked): nothing went wrong, and the wait is short.
bool isBusy(const QString& serverCode)
{
    return serverCode == QLatin1String("service_busy");
}

} // namespace

ApiError::ApiError(Code code) : m_code(code) {}

ApiError::Code ApiError::codeFromString(QStringView serverCode)
{
    for (const auto& entry : codeNames) {
        if (serverCode == QLatin1String(entry.name))
            return entry.code;
    }
    return Code::Unknown;
}

QString ApiError::codeName(Code code)
{
    for (const auto& entry : codeNames) {
        if (entry.code == code)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("unknown");
}

ApiError ApiError::fromHttpResponse(int httpStatus, const QByteArray& body, const QByteArray& retryAfterHeader)
{
    ApiError error(Code::InvalidResponse);
    error.m_httpStatus = httpStatus;
    error.m_retryAfter = parseRetryAfter(retryAfterHeader);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = doc.object();
    const bool wellFormed = parseError.error == QJsonParseError::NoError && doc.isObject() &&
                            object.value(QLatin1String("error")).isString();
    if (wellFormed) {
        error.m_serverCode = object.value(QLatin1String("error")).toString();
        error.m_serverMessage = object.value(QLatin1String("message")).toString();
        error.m_field = object.value(QLatin1String("field")).toString();
        error.m_offersEmailCode = object.value(QLatin1String("shorten_by_email")).toBool();
        error.m_mfaToken = object.value(QLatin1String("mfa_token")).toString();
        const QJsonArray methods = object.value(QLatin1String("methods")).toArray();
        for (const auto& method : methods)
            error.m_mfaMethods.append(method.toString());
        const QJsonValue retryAfter = object.value(QLatin1String("retry_after"));
        if (retryAfter.isDouble() && retryAfter.toInt(-1) >= 0)
            error.m_retryAfter = retryAfter.toInt();
        const QJsonValue attemptsLeft = object.value(QLatin1String("attempts_left"));
        if (attemptsLeft.isDouble() && attemptsLeft.toInt(-1) >= 0)
            error.m_attemptsLeft = attemptsLeft.toInt();
        error.m_reason = object.value(QLatin1String("reason")).toString();
        error.m_code = codeFromString(error.m_serverCode);
    }

    // The status wins over a body that does not say more: a proxy's HTML 502 is still a server error,
    // and a throttle answer without our JSON still means "wait".
    if (httpStatus >= 500 && (!wellFormed || error.m_code == Code::Unknown))
        error.m_code = Code::ServerError;
    else if (httpStatus == 429 && !wellFormed)
        error.m_code = Code::TooManyAttempts;
    return error;
}

ApiError ApiError::fromNetworkError(QNetworkReply::NetworkError networkError)
{
    switch (networkError) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return ApiError(Code::Timeout);
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError(Code::Tls);
    case QNetworkReply::OperationCanceledError:
        return ApiError(Code::Cancelled);
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return ApiError(Code::NoConnection);
    default:
        return ApiError(Code::InvalidResponse);
    }
}

ApiError& ApiError::withHttpStatus(int status)
{
    m_httpStatus = status;
    return *this;
}

QString ApiError::message() const
{
    switch (m_code) {
    case Code::NoConnection:
        return tr("Vigil can't reach the server.");
    case Code::Timeout:
        return tr("The server took too long to answer.");
    case Code::Tls:
        return tr("The server's security certificate couldn't be verified, so Vigil didn't connect.");
    case Code::InvalidResponse:
        return tr("The server sent an answer Vigil doesn't understand.");
    case Code::Cancelled:
        return tr("The request was cancelled.");
    case Code::InvalidCredentials:
        return tr("The email or password is incorrect.");
    case Code::MfaRequired:
        return tr("This account uses 2-step verification.");
    case Code::InvalidCode:
        return tr("That verification code isn't right.");
    case Code::TokenMissing:
    case Code::TokenInvalid:
    case Code::SignedOut:
        return tr("You're signed out.");
    case Code::TokenExpired:
        return tr("Your sign-in has expired.");
    case Code::SessionRevoked:
        return tr("This device was signed out of your account.");
    case Code::InvalidRefresh:
        return tr("Your saved sign-in is no longer valid.");
    case Code::StepUpRequired:
        return tr("Vigil needs to confirm it's you first.");
    case Code::TooManyAttempts:
        return tr("Too many attempts.");
    case Code::InvalidJson:
    case Code::UnsupportedMediaType:
    case Code::BodyTooLarge:
    case Code::MethodNotAllowed:
        return tr("The server couldn't process Vigil's request.");
    case Code::InvalidField:
        if (m_field.isEmpty())
            return tr("The server didn't accept what was entered.");
        return tr("The server didn't accept the %1 that was entered.").arg(m_field);
    case Code::NotFound:
        return tr("The server couldn't find what Vigil asked for.");
    case Code::Forbidden:
        if (isTooNew(m_serverCode))
            return tooNewText(m_retryAfter);
        return tr("Your account isn't allowed to do that.");
    case Code::ServerError:
        if (isBusy(m_serverCode))
            return tr("The server is busy right now.");
        return tr("The server ran into a problem.");
    case Code::Unknown:
        break;
    }
    if (!m_serverMessage.isEmpty())
        return m_serverMessage;
    return tr("The server refused the request.");
}

QString ApiError::suggestedAction() const
{
    switch (m_code) {
    case Code::NoConnection:
        return tr("Check your internet connection and the server address, then try again.");
    case Code::Timeout:
        return tr("Check your connection and try again.");
    case Code::Tls:
        return tr("Check the server address. If it's right, ask the server's administrator about its certificate.");
    case Code::InvalidResponse:
        return tr("Check the server address. If it's right, try again later.");
    case Code::Cancelled:
        return tr("Try again when you're ready.");
    case Code::InvalidCredentials:
        return tr("Check both and try again.");
    case Code::MfaRequired:
        return tr("Enter the code from your authenticator app.");
    case Code::InvalidCode:
        if (m_attemptsLeft == 0)
            return tr("No tries are left for this code. Start again.");
        if (m_attemptsLeft)
            return tr(
                "Enter the current code from your authenticator app (%n attempt(s) left).", nullptr, *m_attemptsLeft);
        return tr("Enter the current code from your authenticator app. Codes change every 30 seconds.");
    case Code::TokenMissing:
    case Code::TokenInvalid:
    case Code::SignedOut:
    case Code::TokenExpired:
    case Code::SessionRevoked:
    case Code::InvalidRefresh:
        return tr("Sign in again to continue.");
    case Code::StepUpRequired:
        return tr("Verify it's you, then try again.");
    case Code::TooManyAttempts:
        if (m_retryAfter)
            return tr("Wait %1, then try again.").arg(waitText(*m_retryAfter));
        return tr("Wait a few minutes, then try again.");
    case Code::InvalidJson:
    case Code::UnsupportedMediaType:
    case Code::BodyTooLarge:
    case Code::MethodNotAllowed:
        return tr("Try again. If it keeps happening, this version of Vigil may not match the server.");
    case Code::InvalidField:
        return tr("Check what you entered and try again.");
    case Code::NotFound:
        return tr("Refresh, and check the server address if it keeps happening.");
    case Code::Forbidden:
        if (isTooNew(m_serverCode))
            return tr("Use a device you've signed in on before, or confirm this one from it.");
        return tr("Sign in with an account that has access.");
    case Code::ServerError:
        if (isBusy(m_serverCode))
            return tr("Try again in a moment.");
        return tr("Try again in a few minutes.");
    case Code::Unknown:
        return tr("Try again in a few minutes.");
    }
    return {};
}

QString ApiError::userText() const
{
    return message() + QLatin1Char(' ') + suggestedAction();
}

bool ApiError::endsSession() const
{
    switch (m_code) {
    case Code::TokenMissing:
    case Code::TokenInvalid:
    case Code::SessionRevoked:
    case Code::InvalidRefresh:
    case Code::SignedOut:
        return true;
    default:
        return false;
    }
}

bool ApiError::isTransient() const
{
    switch (m_code) {
    case Code::NoConnection:
    case Code::Timeout:
    case Code::ServerError:
    case Code::TooManyAttempts:
        return true;
    default:
        return false;
    }
}

} // namespace vigil
