#include "admin/AdminGuard.h"

#include "http/HostCheck.h"

#include <QCryptographicHash>
#include <sodium.h>

namespace mockd {

namespace {

QByteArray digest(QByteArrayView key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

} // namespace

AdminGuard::AdminGuard(const QString& key, bool allowRemote) : m_allowRemote(allowRemote)
{
    if (!key.isEmpty())
        m_keyHash = digest(key.toUtf8());
}

bool AdminGuard::isLoopback(const QHostAddress& address)
{
    return HostCheck::isLoopbackAddress(address);
}

std::optional<ApiError> AdminGuard::authorize(const HttpRequest& request) const
{
    if (!m_allowRemote && !isLoopback(request.peer))
        return ApiError::forbidden(QStringLiteral("forbidden"),
                                   QStringLiteral("The admin API only answers on loopback."));
    if (m_keyHash.isEmpty())
        return ApiError::forbidden(QStringLiteral("admin_key_required"),
                                   QStringLiteral("The admin API is off: start vigil-mockd with --admin-key."));
    const QByteArray given = digest(request.header("x-admin-key"));
    if (!request.hasHeader("x-admin-key") ||
        sodium_memcmp(given.constData(), m_keyHash.constData(), size_t(m_keyHash.size())) != 0)
        return ApiError::forbidden(QStringLiteral("admin_key_required"),
                                   QStringLiteral("Send the admin key in the X-Admin-Key header."));
    return std::nullopt;
}

} // namespace mockd
