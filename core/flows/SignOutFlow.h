#pragma once

#include "core/api/ApiError.h"
#include "core/flows/DeviceSignOutResult.h"
#include "core/flows/SignOutSender.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/VerificationMethod.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;
class Session;
class SignOutResultsModel;
class StepUpService;

// Signing devices out, as an explicit state machine the dialogs render (no widget, no dialog):
//
//   Idle → Confirming → [ChoosingMethod → Verifying] → Submitting → Reporting → Done
//                                                          ↓
//                                                        Failed ─retry()→ Submitting
//
// The bracketed steps are skipped while the StepUpService holds a valid step-up token, or when the
// SignOutSender needs none (support's, with the customer's code). A sign-out
// that includes this device ends in ReturnToSignIn (and returnToSignInRequested()). cancel() leaves
// any state before Submitting for Idle. Results stay in results() after Done, so pending devices
// keep turning into "signed out" as their `signout.progress` events arrive.
class SignOutFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutFlow)

public:
    enum class State
    {
        Idle,
        Confirming,
        ChoosingMethod,
        Verifying,
        Submitting,
        Reporting,
        Done,
        Failed,
        ReturnToSignIn,
    };
    Q_ENUM(State)

    struct Target
    {
        QString deviceId;
        QString name; // for the confirmation text
        // Where the device is ("Lisbon, Portugal", "Unknown location"), for the confirmation text.
        // With initializers, so `{id, name}` still compiles without a warning.
        QString place = {};
        // The computer Vigil runs on: the confirmation marks it.
        bool isThisDevice = false;
    };

    struct Scope
    {
        // Devices: exactly `devices`; Others: every device but this one; All: every device.
        using Kind = SignOutScopeKind;
        Kind kind = Kind::Devices;
        // Devices: the ones to sign out. Others/All: what the caller knows of them, for display only.
        QList<Target> devices;
        // Devices only: the person (profile name) whose devices these are, for the confirmation's
        // words; empty for devices chosen one by one.
        QString profile = {};

        static Scope selected(const QList<Target>& devices) { return {Kind::Devices, devices}; }
        static Scope ofProfile(const QString& profile, const QList<Target>& devices)
        {
            return {Kind::Devices, devices, profile};
        }
        static Scope others(const QList<Target>& devices = {}) { return {Kind::Others, devices}; }
        static Scope all(const QList<Target>& devices = {}) { return {Kind::All, devices}; }
    };

    // Why the flow is waiting for the user (the step-up's problems and the submission's share one
    // line); the UI shows message() inline, never as a dialog box.
    using ProblemKind = StepUpFlow::ProblemKind;
    using Problem = StepUpFlow::Problem;

    // `session` tells which device is this one; times come from the step-up service's clock.
    // `sender` makes the request (the holder's own or support's) and outlives the flow.
    SignOutFlow(ApiClient* api,
                StepUpService* stepUp,
                Session* session,
                const SignOutSender* sender,
                QObject* parent = nullptr);
    ~SignOutFlow() override;

    State state() const { return m_state; }
    const Scope& scope() const { return m_scope; }
    bool includesThisDevice() const;
    bool isBusy() const;
    SignOutResultsModel* results() const { return m_results; }
    QString requestId() const { return m_requestId; }
    Problem problem() const;

    // The step-up part (ChoosingMethod, Verifying: methods, code, countdowns), which the
    // verification page renders and drives directly.
    StepUpFlow* stepUpFlow() const { return m_verification; }

    // Idle, Reporting, Done, Failed → Confirming.
    void start(const Scope& scope);
    // Confirming → Submitting with a valid step-up token, else ChoosingMethod.
    void confirm();
    // Confirming, ChoosingMethod, Verifying, Failed → Idle.
    void cancel();
    // Failed → Submitting the same devices again (or ChoosingMethod when the token has expired).
    void retry();
    // Reporting, Done → Submitting only the failed devices.
    void retryFailed();
    // Reporting → Done.
    void finish();
    // A `signout.progress` event; ignored (false) for an unknown request or device.
    bool
    applyProgress(const QString& requestId, const QString& deviceId, const QString& result, const QString& reason = {});
    // The same from an EventStream frame ({"type":"signout.progress","request_id",…}); other
    // event types are ignored, so eventReceived() can be connected straight to it.
    bool applyEvent(const QString& type, const QJsonObject& frame);

Q_SIGNALS:
    void stateChanged(vigil::SignOutFlow::State state);
    void problemChanged();
    // Method, destination, attempts left, busy, code expiry.
    void verificationChanged();
    // Every device including this one was signed out: the app clears the keychain entry and shows
    // the sign-in screen.
    void returnToSignInRequested();

private:
    struct Submission
    {
        Scope::Kind kind = Scope::Kind::Devices;
        QStringList ids;
        bool retryingFailed = false;
    };

    void setState(State state);
    void setProblem(ProblemKind kind, const std::optional<ApiError>& error = std::nullopt);
    void clearProblem();
    void setBusy(bool busy);
    void onStepUpState(StepUpFlow::State state);
    void proceedToSubmit();
    void submit();
    void onSubmitted(ApiReply* reply);
    void onSubmitFailed(const ApiError& error);
    bool submissionIncludesThisDevice() const;

    ApiClient* m_api;
    StepUpService* m_stepUp;
    Session* m_session;
    SignOutResultsModel* m_results;
    State m_state = State::Idle;
    Scope m_scope;
    Submission m_submission;
    bool m_busy = false;
    // Bumped whenever the flow leaves a step, so late answers to an abandoned step are dropped.
    quint64 m_generation = 0;

    StepUpFlow* m_verification;
    const SignOutSender* m_sender;

    QString m_requestId;
    QSet<QString> m_requestIds; // every request of this sign-out, for progress events
};

} // namespace vigil
