#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QString>

namespace mockd {

class Database;

// Device cookies of computers that count as established for the young-session guard (a scenario
// says so: the demo's own computer). Only hashes, in the table SessionTrustStore's migration adds;
// read on demand, one lookup per sign-in that presents a cookie.
class EstablishedCookieStore final
{
public:
    explicit EstablishedCookieStore(Database& database);

    bool contains(const QByteArray& hash) const;
    // Marks `hash` established, in place of `replacedHash` (empty: none).
    Expected<Ok, QString> add(const QString& accountId, const QByteArray& hash, const QByteArray& replacedHash = {});

private:
    Database& m_database;
};

} // namespace mockd
