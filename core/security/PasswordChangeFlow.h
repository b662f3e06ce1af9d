#pragma once

#include "core/api/ApiError.h"
#include "core/util/Expected.h"

#include <QObject>
#include <QString>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;
class SignOutResultsModel;
class StepUpService;
struct StepUpChallenge;

// Changing the password (POST /v1/account/password), no widgets. The person types the current
// password once: it earns the step-up token (method "password") and goes with the change.
//
//   Idle → Working → Done (results() holds the signed-out devices)
//              ↓   → ReturnToSignIn (sign_out=all ended this session too; returnToSignInRequested())
//           Failed (problem(); the fields keep what was typed)
class PasswordChangeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordChangeFlow)

public:
    enum class State
    {
        Idle,
        Working,
        Done,
        Failed,
        ReturnToSignIn,
    };
    Q_ENUM(State)

    enum class SignOut
    {
        None,
        Others,
        All,
    };
    Q_ENUM(SignOut)

    // Which field a problem belongs to, so the page can show it there and focus it.
    enum class Field
    {
        None,
        Current,
        New,
        Confirmation,
    };
    Q_ENUM(Field)

    enum class ProblemKind
    {
        None,
        WrongCurrent,
        TooShort,
        TooLong,
        Mismatch,
        SameAsCurrent,
        Blocked,
        Throttled, // retryAfterSeconds()
        NoConnection,
        Other,
    };
    Q_ENUM(ProblemKind)

    struct Problem
    {
        ProblemKind kind = ProblemKind::None;
        Field field = Field::None;
        QString message;
        std::optional<int> retryAfterSeconds;
    };

    PasswordChangeFlow(ApiClient* api, StepUpService* stepUp, QObject* parent = nullptr);
    ~PasswordChangeFlow() override;

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Working; }
    const Problem& problem() const { return m_problem; }
    SignOut lastSignOut() const { return m_signOut; }
    SignOutResultsModel* results() const { return m_results; }

    // What the client can tell before asking the service: lengths and the confirmation. The
    // blocklist is the service's call (the page warns early through PasswordStrength).
    static Problem check(const QString& newPassword, const QString& confirmation);

    // Idle, Done, Failed → Working. Nothing is sent when check() finds a problem (→ Failed).
    void submit(const QString& current, const QString& newPassword, const QString& confirmation, SignOut signOut);
    // Done, Failed → Idle.
    void reset();

Q_SIGNALS:
    void stateChanged(vigil::PasswordChangeFlow::State state);
    void problemChanged();
    // Every device, this one included, was signed out: the app shows sign-in.
    void returnToSignInRequested();

private:
    void setState(State state);
    void fail(const Problem& problem);
    void failWith(const ApiError& error, bool fromStepUp);
    void verifyCurrent(const StepUpChallenge& challenge);
    void send(bool mayRetryStepUp);
    void onSent(ApiReply* reply, bool mayRetryStepUp);

    ApiClient* m_api;
    StepUpService* m_stepUp;
    SignOutResultsModel* m_results;
    State m_state = State::Idle;
    Problem m_problem;
    SignOut m_signOut = SignOut::All;
    // Kept only while a change is on its way, cleared whatever the outcome.
    QString m_current;
    QString m_new;
    quint64 m_generation = 0;
};

} // namespace vigil
