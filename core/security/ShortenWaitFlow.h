#pragma once

#include "core/api/ApiError.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace vigil {

class ApiClient;

// When every device of the account is new (403 session_too_new with shorten_by_email), a code
// sent to the account's email shortens this device's wait to one hour: POST /v1/step-up with
// purpose shorten_wait, then /v1/step-up/verify. No widgets; the challenge handle is a secret and
// never logged.
class ShortenWaitFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortenWaitFlow)

public:
    using Clock = std::function<QDateTime()>;

    enum class State
    {
        Idle,
        Sending,   // asking for the email
        CodeSent,  // waiting for the code (problem() may say why the last one failed)
        Verifying, // the code is on its way
        Shortened, // newUntil() says when this device may act
        Refused,   // the service will not shorten (an established device exists, nothing to shorten)
    };
    Q_ENUM(State)

    enum class Problem
    {
        None,
        WrongCode,       // attemptsLeft()
        CodeDead,        // expired or no tries left: send a new code
        TooManyAttempts, // waitSeconds()
        EstablishedExists,
        AlreadyShort,
        NoConnection,
        Other, // errorText()
    };
    Q_ENUM(Problem)

    // `clock` (local time) defaults to the system's.
    explicit ShortenWaitFlow(ApiClient* api, Clock clock = {}, QObject* parent = nullptr);
    ~ShortenWaitFlow() override;

    State state() const { return m_state; }
    Problem problem() const { return m_problem; }
    QString destination() const { return m_destination; }
    int attemptsLeft() const { return m_attemptsLeft; }
    int waitSeconds() const { return m_waitSeconds; }
    QString errorText() const { return m_errorText; }
    // Local time from which this device may sign others out (valid in Shortened).
    QDateTime newUntil() const { return m_newUntil; }

    // Sends a (new) code; from Idle, CodeSent or Refused.
    void sendCode();
    void verify(const QString& code);
    void cancel();

Q_SIGNALS:
    void stateChanged();

private:
    void setState(State state, Problem problem = Problem::None);
    void fail(const ApiError& error, State stateAfter);

    ApiClient* m_api;
    Clock m_clock;
    State m_state = State::Idle;
    Problem m_problem = Problem::None;
    QString m_challenge;
    QString m_destination;
    int m_attemptsLeft = 0;
    int m_waitSeconds = 0;
    QString m_errorText;
    QDateTime m_newUntil;
    quint64 m_generation = 0;
};

} // namespace vigil
