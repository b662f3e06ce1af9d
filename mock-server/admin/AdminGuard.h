#pragma once

#include "http/Authenticator.h"

#include <QByteArray>

namespace mockd {

// The admin API answers only a loopback peer that presents the admin key in X-Admin-Key
// (compared in constant time, as SHA-256 digests of equal length). Without a configured key the
// admin API refuses everything. `allowRemote` (--allow-remote-admin) lets other peers in too, still
// only with the key.
class AdminGuard final : public AdminAuthorizer
{
public:
    explicit AdminGuard(const QString& key, bool allowRemote = false);

    std::optional<ApiError> authorize(const HttpRequest& request) const override;
    bool isEnabled() const { return !m_keyHash.isEmpty(); }

    static bool isLoopback(const QHostAddress& address);

private:
    QByteArray m_keyHash;
    bool m_allowRemote = false;
};

} // namespace mockd
