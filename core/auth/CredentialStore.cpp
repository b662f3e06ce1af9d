#include "CredentialStore.h"

#include "core/api/ServerAddress.h"

namespace vigil {

QString CredentialStore::refreshTokenKey(const QUrl& server, const QString& email)
{
    return QLatin1String("refresh-token:") + ServerAddress::hostAndPort(server) + QLatin1Char('/') +
           email.trimmed().toLower();
}

} // namespace vigil
