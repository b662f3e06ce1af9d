#pragma once

#include "base/Expected.h"
#include "store/DeviceCookieStore.h"
#include "store/Records.h"

#include <QHash>
#include <QList>

namespace mockd {

class Database;

// The rows a snapshot needs that the stores keep to themselves: every token of every session (by
// hash, as stored) and the device cookies with whether they are established; and writing them back
// as they were (a rotated refresh token stays rotated, so presenting it is still reuse). Rows are
// written straight to the database; the caller reloads the store afterwards.
class SnapshotRows final
{
public:
    explicit SnapshotRows(Database& database) : m_database(database) {}

    struct Tokens
    {
        QList<AccessToken> access;
        QList<RefreshToken> refresh;
    };
    struct Cookie
    {
        DeviceCookie cookie;
        bool established = false;
    };

    // Session id → its tokens, oldest first.
    Expected<QHash<QString, Tokens>, QString> tokens();
    // Account id → its device cookies, oldest first.
    Expected<QHash<QString, QList<Cookie>>, QString> cookies();

    Expected<Ok, QString> insertSession(const Session& session);
    Expected<Ok, QString> insertAccess(const AccessToken& token);
    Expected<Ok, QString> insertRefresh(const RefreshToken& token);
    Expected<Ok, QString> insertCookie(const Cookie& cookie);

private:
    Database& m_database;
};

} // namespace mockd
