#pragma once

#include <QCoreApplication>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <optional>

namespace vigil {

// What went wrong talking to the account service, typed: one code from the server's `error`
// string or from the transport, plus the details the server gave. The UI shows message() and
// suggestedAction(); code() decides what the app does (retry, refresh, sign out, ask for a code).
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ApiError)

public:
    enum class Code
    {
        // Transport: no usable HTTP answer.
        NoConnection,
        Timeout,
        Tls,
        InvalidResponse, // not JSON, not our error shape, or an unexpected status
        Cancelled,
        // Authentication.
        InvalidCredentials,
        MfaRequired,
        InvalidCode,
        TokenMissing,
        TokenInvalid,
        TokenExpired,
        SessionRevoked,
        InvalidRefresh,
        SignedOut, // local: no session to send a request with
        StepUpRequired,
        // The request.
        TooManyAttempts,
        InvalidJson,
        UnsupportedMediaType,
        BodyTooLarge,
        InvalidField,
        NotFound,
        MethodNotAllowed,
        Forbidden,
        ServerError,
        Unknown, // a well-formed error with a code this version does not know
    };

    explicit ApiError(Code code = Code::Unknown);

    // An HTTP answer with an error status. `body` should be the error JSON; anything else (HTML from a
    // proxy, nothing at all) is mapped by status. `retryAfterHeader` is the raw Retry-After value.
    static ApiError fromHttpResponse(int httpStatus, const QByteArray& body, const QByteArray& retryAfterHeader = {});
    // A transport failure with no HTTP status.
    static ApiError fromNetworkError(QNetworkReply::NetworkError error);
    // The server's `error` string; Code::Unknown for codes this version does not know.
    static Code codeFromString(QStringView serverCode);
    // Stable name for logs and tests ("token_expired", "no_connection").
    static QString codeName(Code code);

    Code code() const { return m_code; }
    int httpStatus() const { return m_httpStatus; }
    // What the server said, verbatim; for logs and for codes Vigil has no text of its own.
    QString serverCode() const { return m_serverCode; }
    QString serverMessage() const { return m_serverMessage; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }
    // For a wrong code: how many more tries the challenge allows (0: it is dead).
    std::optional<int> attemptsLeft() const { return m_attemptsLeft; }
    QString field() const { return m_field; }
    // Why a security key's answer was refused (unknown_credential, invalid_assertion, counter_regressed).
    QString reason() const { return m_reason; }
    // For session_too_new: the service offers an email code that shortens the wait (every device
    // of the account is new).
    bool offersEmailCode() const { return m_offersEmailCode; }
    QStringList mfaMethods() const { return m_mfaMethods; }
    // Short-lived secret for finishing a 2-step sign-in; never log it.
    QString mfaToken() const { return m_mfaToken; }

    // One sentence that says what happened, for people.
    QString message() const;
    // What to do next ("Check your connection and try again.").
    QString suggestedAction() const;
    // message() and suggestedAction() together, for an inline error label.
    QString userText() const;

    // The session behind the request is gone for good: the user must sign in again.
    bool endsSession() const;
    // Trying the same thing again later may work.
    bool isTransient() const;

    ApiError& withHttpStatus(int status);

private:
    Code m_code;
    int m_httpStatus = 0;
    QString m_serverCode;
    QString m_serverMessage;
    std::optional<int> m_retryAfter;
    std::optional<int> m_attemptsLeft;
    QString m_reason;
    bool m_offersEmailCode = false;
    QString m_field;
    QStringList m_mfaMethods;
    QString m_mfaToken;
};

} // namespace vigil
