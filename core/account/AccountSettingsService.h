#pragma once

#include "core/api/ApiError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;
class Session;
class StepUpService;

// The account's own rules on the service (`GET`/`PUT /v1/account/settings`): today the automatic
// sign-out of devices unused for N days. Loaded when a session starts. A change needs a step-up
// token (it decides when devices lose access): without one, or when the service refuses it, nothing
// changes and stepUpRequired() asks for a new one. When the service refuses a change for another
// reason the previous value comes back (saveFailed says why).
class AccountSettingsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountSettingsService)

public:
    enum class State
    {
        Empty,
        Loading,
        Loaded,
        Saving,
        Failed, // loading failed; error() says why
    };
    Q_ENUM(State)

    AccountSettingsService(ApiClient* api, Session* session, StepUpService* stepUp, QObject* parent = nullptr);
    ~AccountSettingsService() override;

    // 30, 60, 90, 180, 365 days; 0 stands for "never".
    static const QList<int>& autoSignOutChoices();

    State state() const { return m_state; }
    bool isKnown() const { return m_autoSignOutDays.has_value(); }
    // 0: never. Meaningful once isKnown().
    int autoSignOutDays() const { return m_autoSignOutDays.value_or(0); }
    const std::optional<ApiError>& error() const { return m_error; }
    StepUpService* stepUp() const { return m_stepUp; }

    void reload();
    void setAutoSignOutDays(int days);

Q_SIGNALS:
    void changed();
    // The service refused or could not be reached; the previous value is back.
    void saveFailed(const vigil::ApiError& error);
    // Saving `days` needs a (new) step-up: there was no valid token, or the service refused it
    // (403 step_up_required; the token is dropped). Nothing was saved; verify, then set it again.
    void stepUpRequired(int days, const vigil::ApiError& error);

private:
    void clear();
    void setState(State state);

    ApiClient* m_api;
    Session* m_session;
    StepUpService* m_stepUp;
    State m_state = State::Empty;
    std::optional<int> m_autoSignOutDays;
    std::optional<ApiError> m_error;
    QPointer<ApiReply> m_pending;
};

} // namespace vigil
