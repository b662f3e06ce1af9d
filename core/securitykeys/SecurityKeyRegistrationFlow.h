#pragma once

#include "core/api/ApiError.h"
#include "core/securitykeys/Authenticator.h"
#include "core/securitykeys/ClientData.h"
#include "core/securitykeys/SecurityKey.h"

#include <QObject>
#include <memory>
#include <optional>

namespace vigil {

class SecurityKeyService;

// "Add a Key" as a state machine the dialog renders (no widget), after the step-up:
//
//   Idle → Preparing → UsingKey → Naming → Saving → Done
//                         ↓                   ↓
//                       Failed ←──────────────┘        (retry() → Preparing)
//
// UsingKey: the key is asked to make a credential; authenticator() says whether to insert it,
// touch it or type its PIN. The name is asked last, once there is a key to name.
class SecurityKeyRegistrationFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeyRegistrationFlow)

public:
    enum class State
    {
        Idle,
        Preparing,
        UsingKey,
        Naming,
        Saving,
        Done,
        Failed,
    };
    Q_ENUM(State)

    explicit SecurityKeyRegistrationFlow(SecurityKeyService* keys, QObject* parent = nullptr);
    ~SecurityKeyRegistrationFlow() override;

    State state() const { return m_state; }
    Authenticator* authenticator() const { return m_authenticator.get(); }
    // Failed: what went wrong, in words ("This security key is already added…").
    QString problemText() const;
    // Failed because the step-up token was missing or refused: verify again, then retry().
    bool needsStepUp() const;
    bool canRetry() const;
    // "Security key", "Security key 2": a name no other key of the account has.
    QString suggestedName() const;
    // Done: the key as the service saved it.
    const std::optional<SecurityKey>& savedKey() const { return m_saved; }
    // Naming: whether `name` can be saved (not empty, at most 64 characters).
    static bool isValidName(const QString& name);

    void start();
    void providePin(const QString& pin);
    void save(const QString& name);
    void retry();
    void cancel();

Q_SIGNALS:
    void stateChanged(vigil::SecurityKeyRegistrationFlow::State state);
    // The authenticator's state moved (insert, touch, PIN).
    void keyStateChanged();

private:
    void setState(State state);
    void fail(const ApiError& error);
    void onKeyState();
    void onCredential(const MadeCredential& credential);
    void stopKey();

    SecurityKeyService* m_keys;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    std::unique_ptr<Authenticator> m_authenticator;
    QString m_registrationId;
    ClientData m_clientData;
    std::optional<MadeCredential> m_credential;
    std::optional<ApiError> m_error;
    std::optional<SecurityKey> m_saved;
};

} // namespace vigil
