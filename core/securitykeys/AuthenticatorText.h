#pragma once

#include "core/securitykeys/Authenticator.h"

#include <QCoreApplication>
#include <QString>

namespace vigil {

// The words for an authenticator's state, the same in "Add a Key" and in "Confirm It's You".
class AuthenticatorText
{
    Q_DECLARE_TR_FUNCTIONS(vigil::AuthenticatorText)

public:
    // What to do now ("Insert your security key and touch it."); empty when there is nothing to do.
    static QString prompt(const Authenticator& authenticator);
    // Why it stopped; empty unless the state is Failed (and not cancelled by the person).
    static QString failure(const Authenticator& authenticator);
    // Whether trying again can help (not for a blocked key or a wrong key).
    static bool canRetry(Authenticator::Failure failure);
};

} // namespace vigil
