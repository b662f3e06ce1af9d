#pragma once

#include "geo/GeoLocation.h"

#include <QString>
#include <memory>

class QHostAddress;

namespace mockd {

// Reads a MaxMind-format City database (GeoLite2-City, DB-IP City, or the demo database built from
// demo-locations.csv) with libmaxminddb. An address the database does not know is not an error: it
// simply has no location ("Unknown location" is the client's wording).
class GeoIpReader final
{
public:
    GeoIpReader();
    ~GeoIpReader();
    GeoIpReader(const GeoIpReader&) = delete;
    GeoIpReader& operator=(const GeoIpReader&) = delete;

    // Opens `path`; on failure returns a human-readable reason and leaves the reader empty.
    std::optional<QString> open(const QString& path);
    bool isOpen() const;
    QString databaseType() const;

    GeoLocation lookup(const QHostAddress& address) const;
    GeoLocation lookup(const QString& address) const;

    // The demo database shipped next to the binary (build tree) or in the installed data folder.
    static QString defaultDatabasePath();

private:
    struct Db;
    std::unique_ptr<Db> m_db;
};

} // namespace mockd
