#pragma once

#include "core/api/ApiError.h"
#include "core/devices/Device.h"
#include "core/tv/TvRequest.h"
#include "core/tv/TvSignInService.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <optional>

namespace vigil {

// "Sign In a TV…" as a state machine the dialog renders (no widget, no dialog):
//
//   EnteringCode → LookingUp → Reviewing → Approving → Approved
//        ↑______________↓          ↓
//      (wrong, expired, used,    Denying → Denied
//       too many attempts)
//
// Approving needs a step-up token: the dialog verifies first (StepUpDialog::ensure), and when the
// service refuses the token anyway the flow is back in Reviewing with a StepUpRequired problem.
// A code that expired or was used meanwhile sends the flow back to EnteringCode.
class TvSignInFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TvSignInFlow)

public:
    enum class State
    {
        EnteringCode,
        LookingUp,
        Reviewing,
        Approving,
        Approved,
        Denying,
        Denied,
    };
    Q_ENUM(State)

    enum class ProblemKind
    {
        None,
        IncompleteCode,  // not 8 letters and digits
        WrongCode,       // attemptsLeft()
        CodeGone,        // expired, approved or denied already: the TV must show a new one
        TooManyAttempts, // lockoutSecondsLeft()
        StepUpRequired,  // verify again
        Other,
    };
    Q_ENUM(ProblemKind)

    explicit TvSignInFlow(TvSignInService* service, QObject* parent = nullptr);
    ~TvSignInFlow() override;

    TvSignInService* service() const { return m_service; }
    State state() const { return m_state; }
    bool isBusy() const
    {
        return m_state == State::LookingUp || m_state == State::Approving || m_state == State::Denying;
    }
    ProblemKind problemKind() const { return m_problem; }
    // One sentence for the problem line (what happened, what to do); empty without a problem.
    QString problemText() const;
    std::optional<int> attemptsLeft() const { return m_attemptsLeft; }
    int lockoutSecondsLeft() const;

    // Reviewing and after: what asks to sign in.
    const std::optional<TvRequest>& request() const { return m_request; }
    // Approved: the new device and the end it was given (invalid: until signed out).
    const Device& approvedDevice() const { return m_device; }
    // "Hotel Room TV is signed in as a guest until Sunday 11:00." / "… until you sign it out."
    QString resultText() const;

    // EnteringCode → LookingUp (an incomplete code only sets IncompleteCode).
    void lookUp(const QString& code);
    // Reviewing → Approving; the step-up token must be on hand.
    void approve(const TvSignInService::Approval& approval);
    // Reviewing → Denying.
    void deny();
    // Any state but a busy one → EnteringCode, forgetting the request.
    void restart();
    // Re-reads the clock: ends a lockout that ran out. Runs every second by itself during one.
    void refreshCountdown();

Q_SIGNALS:
    void stateChanged(vigil::TvSignInFlow::State state);
    void problemChanged();
    // Once a second during a lockout.
    void countdownChanged();

private:
    void setState(State state);
    void setProblem(ProblemKind kind, const std::optional<ApiError>& error = std::nullopt);
    void onLookupFailed(const ApiError& error);
    void onDecisionFailed(const ApiError& error);
    static bool isGone(const ApiError& error);

    TvSignInService* m_service;
    QTimer m_ticker;
    State m_state = State::EnteringCode;
    ProblemKind m_problem = ProblemKind::None;
    std::optional<ApiError> m_error;
    std::optional<int> m_attemptsLeft;
    QDateTime m_lockedUntil;
    std::optional<TvRequest> m_request;
    Device m_device;
    QDateTime m_approvedAt;
};

} // namespace vigil
