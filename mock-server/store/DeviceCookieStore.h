#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace mockd {

class Database;

// A device cookie (OWASP "device cookies"): proof that a client signed in to the account before,
// so the login throttle can tell the owner's devices from strangers. Only its SHA-256 is kept.
struct DeviceCookie
{
    QByteArray hash;
    QString accountId;
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0;
};

// Device cookies in SQLite, read on demand (one primary-key lookup per sign-in; nothing to cache).
class DeviceCookieStore final
{
public:
    explicit DeviceCookieStore(Database& database);

    std::optional<DeviceCookie> byHash(const QByteArray& hash) const;
    // Stores `cookie`, removes `replacedHash` (the cookie the client presented, if any) and keeps
    // only the account's `keep` newest cookies, in one transaction.
    Expected<Ok, QString> issue(const DeviceCookie& cookie, const QByteArray& replacedHash, int keep);
    Expected<Ok, QString> pruneExpired(qint64 nowMs);

    // The schema step that adds the table.
    static QStringList migration();

private:
    Database& m_database;
};

} // namespace mockd
