#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace vigil {

// What a relying party asks an authenticator to create (WebAuthn's PublicKeyCredentialCreationOptions,
// already reduced to what CTAP2 needs: the client data is hashed by the caller).
struct CredentialRequest
{
    QByteArray clientDataHash; // SHA-256 of the client data JSON
    QString rpId;
    QString rpName;
    QByteArray userId;
    QString userName;
    QString userDisplayName;
    QList<int> algorithms;                // COSE: -7 ES256, -8 EdDSA, in order of preference
    QList<QByteArray> excludeCredentials; // keys the account already has
    int timeoutMs = 60000;
};

struct AssertionRequest
{
    QByteArray clientDataHash;
    QString rpId;
    QList<QByteArray> allowCredentials; // the account's keys
    int timeoutMs = 60000;
};

struct MadeCredential
{
    QByteArray credentialId;
    QByteArray authenticatorData; // raw, with the attested credential data (id and COSE public key)
    QString attestationFormat;    // "packed", "fido-u2f", "none"
};

struct MadeAssertion
{
    QByteArray credentialId;
    QByteArray authenticatorData; // raw
    QByteArray signature;
};

// One way of talking to FIDO2 authenticators: security keys over USB/NFC (libfido2), or the
// platform's own (Windows Hello, macOS). Asynchronous: a request moves the authenticator through
// its states (stateChanged) and ends with credentialMade/assertionMade or the Failed state. The
// blocking talk to a device never happens on the calling (UI) thread. One request at a time.
class Authenticator : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Authenticator)

public:
    enum class State
    {
        Idle,
        Searching, // no key found yet: "Insert your security key"
        TouchNow,  // a key is there and waits for a touch
        PinNeeded, // the key asks for its PIN: providePin()
        WrongPin,  // that PIN was wrong: pinRetries() left; providePin() again
        Working,   // talking to the key
        Finished,  // credentialMade or assertionMade was emitted
        Failed,    // failure() says why
    };
    Q_ENUM(State)

    enum class Failure
    {
        None,
        NoKeyFound,        // none was inserted in time
        PinBlocked,        // no PIN tries left: the key must be reset
        KeyBlocked,        // too many wrong PINs in a row: remove and insert it again
        TimedOut,          // the key was not touched in time
        NotRegistered,     // none of the allowed credentials is on this key
        AlreadyRegistered, // the key already holds one of the excluded credentials
        Cancelled,
        Unsupported, // the key offers none of the requested algorithms
        Other,
    };
    Q_ENUM(Failure)

    explicit Authenticator(QObject* parent = nullptr) : QObject(parent) {}
    ~Authenticator() override = default;

    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    // PIN tries the key has left, when it said so.
    std::optional<int> pinRetries() const { return m_pinRetries; }

    virtual void makeCredential(const CredentialRequest& request) = 0;
    virtual void getAssertion(const AssertionRequest& request) = 0;
    // In PinNeeded or WrongPin: the request goes on with this PIN (never stored).
    virtual void providePin(const QString& pin) = 0;
    // Ends the request in progress (Failed, Cancelled); a key waiting for a touch stops blinking.
    virtual void cancel() = 0;

Q_SIGNALS:
    void stateChanged(vigil::Authenticator::State state);
    void credentialMade(const vigil::MadeCredential& credential);
    void assertionMade(const vigil::MadeAssertion& assertion);

protected:
    void setState(State state, Failure failure = Failure::None, std::optional<int> pinRetries = std::nullopt)
    {
        m_state = state;
        m_failure = failure;
        if (pinRetries)
            m_pinRetries = pinRetries;
        else if (state == State::Idle)
            m_pinRetries.reset();
        Q_EMIT stateChanged(state);
    }

private:
    State m_state = State::Idle;
    Failure m_failure = Failure::None;
    std::optional<int> m_pinRetries;
};

} // namespace vigil
