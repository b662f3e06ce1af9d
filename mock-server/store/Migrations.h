#pragma once

#include "base/Expected.h"
#include "store/SqlDialect.h"

#include <QStringList>

namespace mockd {

class Database;

// Versioned schema changes. The database records the version it is at in `schema_version`;
// each step runs once, in its own transaction. Never edit a released step: add a new one.
namespace Migrations {

struct Step
{
    int version = 0;
    QStringList statements;
};

// The same steps for both databases; only how a statement is spelled may differ (SqlDialect.h).
const QList<Step>& steps(SqlDialect dialect = SqlDialect::Sqlite);
int latestVersion();
// Brings the database to the latest version; returns the version it was at before.
Expected<int, QString> apply(Database& database);

} // namespace Migrations

} // namespace mockd
