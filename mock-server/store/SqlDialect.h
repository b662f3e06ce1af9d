#pragma once

#include <QString>

namespace mockd {

// The one place where SQLite and PostgreSQL differ. Every statement is written once, in the SQL
// both accept (ON CONFLICT … DO UPDATE, RETURNING, "?" placeholders); only the table definitions
// use SQLite's names for types, which this turns into PostgreSQL's.
enum class SqlDialect
{
    Sqlite,
    Postgres
};

QString translateSql(SqlDialect dialect, const QString& sql);

} // namespace mockd
