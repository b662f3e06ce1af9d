#pragma once

#include "base/Expected.h"
#include "store/SqlDialect.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>
#include <memory>

namespace mockd {

// One database connection through QtSql, prepared statements cached by their text. Used from the
// main thread only. SQLite (a file or :memory:): WAL journal, foreign keys on, synchronous=NORMAL
// (a commit survives the process being killed). PostgreSQL (a postgresql:// address, see
// PostgresUrl.h): several vigil-mockd processes may share one database.
class Database final
{
public:
    // `location`: a SQLite file, ":memory:", or a postgresql:// address.
    static Expected<std::unique_ptr<Database>, QString> open(const QString& location);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one statement with positional "?" bindings. The returned query is positioned before
    // the first row and stays valid until the same statement runs again.
    Expected<QSqlQuery*, QString> exec(const QString& sql, const QVariantList& bindings = {});
    // For statements that return nothing.
    Expected<Ok, QString> run(const QString& sql, const QVariantList& bindings = {});
    // For an UPDATE or DELETE whose count matters: the rows it changed.
    Expected<int, QString> change(const QString& sql, const QVariantList& bindings = {});

    // Nested calls join the outer transaction.
    bool begin();
    // Locks between processes on one database, each for a check and the writes that depend on it
    // (of several instances, one at a time): the schema version and whether the database is still
    // empty; the count of waiting TV codes before a new one.
    enum class Lock : qint64
    {
        Setup = 7180411,
        DeviceCodes = 7180412,
    };
    // An outermost transaction that holds `lock` from its first statement to its end. SQLite: BEGIN
    // IMMEDIATE (the one write lock, waited for up to the busy timeout); PostgreSQL: a
    // transaction-scoped advisory lock.
    bool beginLocked(Lock lock);
    bool commit();
    void rollback();
    bool inTransaction() const { return m_depth > 0; }
    // Counts outermost transactions, so a caller can tell whether what it queued belongs to this one.
    quint64 transactionSerial() const { return m_serial; }
    // Runs `step` inside the open transaction just before its outermost commit (dropped when it rolls
    // back); a failing step rolls the transaction back. Lets a step that takes a lock until commit run
    // after every other statement of the transaction, so it never waits while holding that lock.
    void beforeCommit(std::function<Expected<Ok, QString>()> step);

    SqlDialect dialect() const { return m_dialect; }
    QString path() const { return m_path; }
    // What open() was given, so a second connection to the same database can be made.
    QString location() const { return m_location; }
    // The connection's driver (PostgreSQL's delivers notifications), null once closed.
    QSqlDriver* driver() const;
    QString journalMode() const { return m_journalMode; }
    void close();

private:
    Database(const QString& connectionName, const QString& path, SqlDialect dialect);
    static Expected<std::unique_ptr<Database>, QString> openSqlite(const QString& path);
    static Expected<std::unique_ptr<Database>, QString> openPostgres(const QString& address);

    QString m_connectionName;
    QString m_path;
    QString m_location;
    QList<std::function<Expected<Ok, QString>()>> m_beforeCommit;
    quint64 m_serial = 0;
    QString m_journalMode;
    SqlDialect m_dialect;
    QHash<QString, QSqlQuery> m_statements;
    QSqlQuery m_unprepared;
    int m_depth = 0;
    bool m_failed = false;
};

// Commits on commit(), rolls back when it goes out of scope without.
class Transaction final
{
public:
    explicit Transaction(Database& database) : m_database(database), m_active(database.begin()) {}
    // Begins the outermost transaction, holding `lock` (Database::beginLocked).
    Transaction(Database& database, Database::Lock lock) : m_database(database), m_active(database.beginLocked(lock)) {}
    bool isActive() const { return m_active; }
    ~Transaction()
    {
        if (m_active)
            m_database.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        return m_database.commit();
    }

private:
    Database& m_database;
    bool m_active;
};

} // namespace mockd
