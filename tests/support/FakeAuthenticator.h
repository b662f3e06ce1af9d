#pragma once

#include "core/securitykeys/Authenticator.h"

#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

// An Authenticator whose key the test plays: it records what it was asked and moves through the
// states the test tells it to (insert, touch, PIN, failures, the answer). No cryptography.
class FakeAuthenticator final : public vigil::Authenticator
{
    Q_OBJECT

public:
    using Authenticator::Authenticator;

    void makeCredential(const vigil::CredentialRequest& request) override
    {
        credentialRequest = request;
        setState(State::Searching);
    }
    void getAssertion(const vigil::AssertionRequest& request) override
    {
        assertionRequest = request;
        setState(State::Searching);
    }
    void providePin(const QString& pin) override
    {
        if (state() != State::PinNeeded && state() != State::WrongPin)
            return;
        pins.append(pin);
        setState(State::Working);
    }
    void cancel() override
    {
        ++cancels;
        if (state() != State::Finished && state() != State::Failed && state() != State::Idle)
            setState(State::Failed, Failure::Cancelled);
    }

    // What the test makes the key do.
    void touchNow() { setState(State::TouchNow); }
    void askPin(std::optional<int> retries = std::nullopt) { setState(State::PinNeeded, Failure::None, retries); }
    void wrongPin(int retries) { setState(State::WrongPin, Failure::None, retries); }
    void fail(Failure failure) { setState(State::Failed, failure); }
    void answerCredential(const vigil::MadeCredential& credential)
    {
        setState(State::Finished);
        Q_EMIT credentialMade(credential);
    }
    void answerAssertion(const vigil::MadeAssertion& assertion)
    {
        setState(State::Finished);
        Q_EMIT assertionMade(assertion);
    }

    std::optional<vigil::CredentialRequest> credentialRequest;
    std::optional<vigil::AssertionRequest> assertionRequest;
    QStringList pins;
    int cancels = 0;
};

// The factory a SecurityKeyService is given; `last` is the authenticator it made most recently.
struct FakeAuthenticators
{
    QPointer<FakeAuthenticator> last;
    int made = 0;

    std::function<std::unique_ptr<vigil::Authenticator>()> factory()
    {
        return [this] {
            auto authenticator = std::make_unique<FakeAuthenticator>();
            last = authenticator.get();
            ++made;
            return authenticator;
        };
    }
};
