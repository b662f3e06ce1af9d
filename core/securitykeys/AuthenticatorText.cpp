#include "core/securitykeys/AuthenticatorText.h"

namespace vigil {

using State = Authenticator::State;
using Failure = Authenticator::Failure;

QString AuthenticatorText::prompt(const Authenticator& authenticator)
{
    switch (authenticator.state()) {
    case State::Idle:
    case State::Working:
        return tr("Insert your security key and touch it.");
    case State::Searching:
        return tr("No security key found. Insert your security key.");
    case State::TouchNow:
        return tr("Touch your security key now.");
    case State::PinNeeded:
        return tr("Enter your security key's PIN.");
    case State::WrongPin:
        if (const auto left = authenticator.pinRetries())
            return tr("That PIN isn't right. %n attempt(s) left before the key is blocked.", nullptr, *left);
        return tr("That PIN isn't right. Try again.");
    case State::Finished:
    case State::Failed:
        break;
    }
    return {};
}

QString AuthenticatorText::failure(const Authenticator& authenticator)
{
    if (authenticator.state() != State::Failed)
        return {};
    switch (authenticator.failure()) {
    case Failure::None:
    case Failure::Cancelled:
        return {};
    case Failure::NoKeyFound:
        return tr("No security key was found. Insert it and try again.");
    case Failure::PinBlocked:
        return tr("Your security key is blocked: its PIN was entered wrongly too often. It must be reset "
                  "before it can be used again. Choose another way to confirm.");
    case Failure::KeyBlocked:
        return tr("Your security key is locked after several wrong PINs. Remove it, insert it again and "
                  "try again.");
    case Failure::TimedOut:
        return tr("Your security key wasn't touched in time. Try again.");
    case Failure::NotRegistered:
        return tr("This security key isn't one of your account's keys. Try another key.");
    case Failure::AlreadyRegistered:
        return tr("This security key is already added to your account.");
    case Failure::Unsupported:
        return tr("This security key doesn't support what Vigil needs. Try another key.");
    case Failure::Other:
        break;
    }
    return tr("Your security key didn't answer. Remove it, insert it again and try again.");
}

bool AuthenticatorText::canRetry(Failure failure)
{
    return failure != Failure::PinBlocked && failure != Failure::AlreadyRegistered;
}

} // namespace vigil
