#pragma once

#include "core/api/ApiError.h"
#include "core/securitykeys/Authenticator.h"
#include "core/securitykeys/ClientData.h"
#include "core/stepup/StepUpChallenge.h"
#include "core/stepup/VerificationMethod.h"
#include "core/util/Expected.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

namespace vigil {

class StepUpService;

// "Confirm it's you" before a sensitive action, as a state machine the verification page renders
// (no widget):
//
//   Idle → ChoosingMethod → Verifying → Verified (verified() is emitted)
//
// start() goes straight to Verified while the StepUpService holds a valid token. The flow owns the
// method choice, the challenge, attempts left, code expiry and the resend and lockout countdowns.
// A flow that composes it (SignOutFlow) reports the problems of its own step through
// reportProblem()/lockOut(), so the person sees one problem line and one lockout.
class StepUpFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepUpFlow)

public:
    enum class State
    {
        Idle,
        ChoosingMethod,
        Verifying,
        Verified,
    };
    Q_ENUM(State)

    // Why the flow is waiting for the user; the UI shows message() inline, never as a dialog box.
    enum class ProblemKind
    {
        None,
        NoConnection,   // retry
        WrongSecret,    // attemptsLeft()
        ChallengeDead,  // no tries left: send a new code / start again
        CodeExpired,    // resend()
        Locked,         // lockoutSecondsLeft()
        ResendLimited,  // resendSecondsLeft()
        StepUpRequired, // the token was refused: verify again
        SessionEnded,   // the app returns to sign-in
        Other,
        // The service does not offer that method (any more): it is dropped from the choice.
        MethodUnavailable,
    };
    Q_ENUM(ProblemKind)

    struct Problem
    {
        ProblemKind kind = ProblemKind::None;
        QString message;
        std::optional<ApiError> error;
        bool canRetry = false;
    };

    explicit StepUpFlow(StepUpService* stepUp, QObject* parent = nullptr);
    ~StepUpFlow() override;

    StepUpService* service() const { return m_stepUp; }
    State state() const { return m_state; }
    bool isBusy() const { return m_busy; }
    Problem problem() const;

    // Methods offered in ChoosingMethod (default: every known method). "Use a security key" comes
    // first by itself while the account has one (StepUpService::securityKeys()).
    void setAvailableMethods(const QStringList& ids);
    QList<const VerificationMethod*> availableMethods() const;
    const VerificationMethod* method() const { return m_method.get(); }
    // Verifying: the masked address a code went to, tries left after a miss, countdowns in seconds.
    QString destination() const { return m_challenge.destination; }
    std::optional<int> attemptsLeft() const { return m_attemptsLeft; }
    int resendSecondsLeft() const;
    int lockoutSecondsLeft() const;
    bool canResend() const;
    bool canSubmit(const QString& input) const;
    bool isCodeExpired() const { return m_codeExpired; }
    // Verifying with a security key: the authenticator talking to it (its state is what the page
    // shows: insert, touch, PIN, and why it failed). nullptr otherwise.
    Authenticator* authenticator() const { return m_authenticator.get(); }

    // Any state → Verified while a step-up token is valid, else → ChoosingMethod (a lockout that is
    // still running is shown). The current problem is kept.
    void start();
    // The service refused the token: it is dropped and the person chooses a method again.
    void restartAfterRefusal(const ApiError& error);
    // ChoosingMethod → Verifying (a challenge is requested; for email/SMS the code is sent).
    void chooseMethod(const QString& id);
    // Verifying → ChoosingMethod.
    void chooseAnotherMethod();
    // Verifying: checks the password or code; success → Verified.
    void submitSecret(const QString& input);
    // Verifying: a new code (or, after expiry or a dead challenge, a new challenge).
    void resend();
    // Verifying with a security key: the key asked for its PIN.
    void providePin(const QString& pin);
    // Verifying with a security key that failed (timed out, not found, refused): ask it again.
    void retrySecurityKey();
    // Any state → Idle; the problem is cleared, a running lockout is kept.
    void cancel();

    // For the flow that composes this one: a problem of its own step, shown on the same line.
    void reportProblem(ProblemKind kind, const std::optional<ApiError>& error = std::nullopt);
    // The service asked to wait `seconds` (429 with Retry-After): Locked, with a countdown.
    void lockOut(int seconds, const ApiError& error);
    void clearProblem();

    // Re-reads the clock: ends countdowns that ran out and expires the code. Runs every second by
    // itself while a countdown is on; tests call it after moving their clock.
    void refreshCountdowns();

Q_SIGNALS:
    void stateChanged(vigil::StepUpFlow::State state);
    void problemChanged();
    // Method, destination, attempts left, busy, code expiry.
    void verificationChanged();
    // Once a second while a countdown runs.
    void countdownsChanged();
    // The step-up token is on hand (StepUpService::validToken()).
    void verified();

private:
    void setState(State state);
    void setBusy(bool busy);
    void resetVerification();
    void requestChallenge();
    void onChallenge(const Expected<StepUpChallenge, ApiError>& result, bool isResend);
    void onVerified(const Expected<void, ApiError>& result);
    void startSecurityKey();
    void onAssertion(const MadeAssertion& assertion);
    void stopSecurityKey();
    void startTicker();
    int secondsUntil(const QDateTime& when) const;
    static bool isChallengeExpired(const ApiError& error);
    static bool isChallengeLocked(const ApiError& error);

    StepUpService* m_stepUp;
    QTimer m_ticker;
    State m_state = State::Idle;
    bool m_busy = false;
    // Bumped whenever the flow leaves a step, so late answers to an abandoned step are dropped.
    quint64 m_generation = 0;

    std::vector<std::unique_ptr<VerificationMethod>> m_methods;
    std::unique_ptr<VerificationMethod> m_method;
    std::unique_ptr<VerificationMethod> m_securityKeyMethod;
    std::unique_ptr<Authenticator> m_authenticator;
    ClientData m_clientData;
    StepUpChallenge m_challenge;
    std::optional<int> m_attemptsLeft;
    bool m_codeExpired = false;
    bool m_challengeDead = false;
    QDateTime m_challengeExpiresAt;
    QDateTime m_resendAvailableAt;
    QDateTime m_lockedUntil;

    ProblemKind m_problemKind = ProblemKind::None;
    std::optional<ApiError> m_problemError;
};

} // namespace vigil
