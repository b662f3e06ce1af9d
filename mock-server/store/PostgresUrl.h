#pragma once

#include "base/Expected.h"

#include <QString>

namespace mockd {

// Where a PostgreSQL database is: postgresql://USER@HOST:PORT/NAME (or postgres://). HOST may be a
// folder holding the server's Unix socket, written percent-encoded (%2Frun%2Fpostgresql) or as
// ?host=/run/postgresql, as libpq reads it. A password in the address is refused: it would show in
// `ps` and in shell histories; libpq reads it from PGPASSWORD or ~/.pgpass instead.
struct PostgresUrl
{
    QString user;
    QString host;
    int port = -1;
    QString name;
    QString sslMode; // ?sslmode=…, as libpq reads it; empty: libpq's default

    static bool looksLikeOne(const QString& location);
    static Expected<PostgresUrl, QString> parse(const QString& location);
    // The address without anything secret, for logs and messages.
    QString display() const;
};

} // namespace mockd
