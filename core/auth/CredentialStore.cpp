#include "CredentialStore.h"

#include "core/api/ServerAddress.h"

namespace vigil {

QString CredentialStore::refreshTokenKey(const QUrl& server, const QString& email)
{
    // The scheme is part of the name: a token saved for https://host:443 must never be found for
    // http://host:443, where it would cross the network unencrypted.
    return QLatin1String("refresh-token:") + server.scheme().toLower() + QLatin1String("://") +
           ServerAddress::hostAndPort(server) + QLatin1Char('/') + email.trimmed().toLower();
}

QString CredentialStore::deviceCookieKey(const QUrl& server, const QString& email)
{
    // Derived, so both entries always name the server and the account the same way.
    const QString refresh = refreshTokenKey(server, email);
    return QLatin1String("device-cookie:") + refresh.mid(refresh.indexOf(QLatin1Char(':')) + 1);
}

} // namespace vigil
