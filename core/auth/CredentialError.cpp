#include "CredentialError.h"

namespace vigil {

QString CredentialError::message() const
{
    switch (m_code) {
    case Code::NotFound:
        return tr("No saved sign-in was found.");
    case Code::Unavailable:
        return tr("Vigil couldn't find a keychain on this computer, so it can't remember your sign-in. "
                  "You'll be asked to sign in again next time.");
    case Code::AccessDenied:
        return tr("Vigil wasn't allowed to use your keychain, so it can't remember your sign-in. "
                  "Unlock the keychain to let Vigil remember you.");
    }
    return {};
}

} // namespace vigil
