#include "store/Database.h"

#include "log/LogCategories.h"
#include "store/PostgresUrl.h"
#include "store/SqliteMemory.h"

#include <QAtomicInteger>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mockd {

namespace {
QAtomicInteger<int> g_connectionCounter;

// The database holds password and token hashes: owner only, whatever the umask. The file is made
// (or, when an older start left it readable, closed) before SQLite opens it, because SQLite gives
// the WAL and shared-memory files it creates next to it the database file's mode.
Expected<Ok, QString> makeOwnerOnly(const QString& path)
{
#ifdef Q_OS_UNIX
    if (path.isEmpty() || path == QLatin1String(":memory:") || path.startsWith(QLatin1String("file:")))
        return Ok{};
    const QByteArray file = QFile::encodeName(path);
    const int fd = ::open(file.constData(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0 || ::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return unexpected(QStringLiteral("cannot make %1 private: %2").arg(path, reason));
    }
    ::close(fd);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const QByteArray sibling = file + suffix;
        if (::chmod(sibling.constData(), S_IRUSR | S_IWUSR) != 0 && errno != ENOENT)
            return unexpected(QStringLiteral("cannot make %1 private").arg(QFile::decodeName(sibling)));
    }
#else
    Q_UNUSED(path)
#endif
    return Ok{};
}

} // namespace

Database::Database(const QString& connectionName, const QString& path, SqlDialect dialect)
    : m_connectionName(connectionName), m_path(path), m_dialect(dialect)
{}

Expected<std::unique_ptr<Database>, QString> Database::open(const QString& location)
{
    auto database = PostgresUrl::looksLikeOne(location) ? openPostgres(location) : openSqlite(location);
    if (database)
        (*database)->m_location = location;
    return database;
}

QSqlDriver* Database::driver() const
{
    if (m_connectionName.isEmpty())
        return nullptr;
    return QSqlDatabase::database(m_connectionName, false).driver();
}

Expected<std::unique_ptr<Database>, QString> Database::openPostgres(const QString& address)
{
    auto url = PostgresUrl::parse(address);
    if (!url)
        return unexpected(url.error());
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return unexpected(QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed"));
    const QString name = QStringLiteral("mockd-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, url->display(), SqlDialect::Postgres));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    // No password here: libpq takes it from PGPASSWORD or ~/.pgpass itself.
    db.setHostName(url->host);
    if (url->port > 0)
        db.setPort(url->port);
    db.setUserName(url->user);
    db.setDatabaseName(url->name);
    QString options = QStringLiteral("application_name=vigil-mockd");
    if (!url->sslMode.isEmpty())
        options += QStringLiteral(";sslmode=") + url->sslMode;
    db.setConnectOptions(options);
    if (!db.open()) {
        const QString reason = db.lastError().text();
        database->close();
        return unexpected(QStringLiteral("cannot open %1: %2").arg(url->display(), reason));
    }
    // "already exists, skipping" notices (CREATE … IF NOT EXISTS in the migrations) are no news.
    QSqlQuery quiet(db);
    if (!quiet.exec(QStringLiteral("SET client_min_messages = warning")))
        return unexpected(QStringLiteral("cannot prepare %1: %2").arg(url->display(), quiet.lastError().text()));
    return database;
}

Expected<std::unique_ptr<Database>, QString> Database::openSqlite(const QString& path)
{
    if (auto ok = makeOwnerOnly(path); !ok)
        return unexpected(ok.error());
    const QString name = QStringLiteral("mockd-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, path, SqlDialect::Sqlite));
    configureSqliteMemory();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (!db.open()) {
        const QString reason = db.lastError().text();
        database->close();
        return unexpected(QStringLiteral("cannot open %1: %2").arg(path, reason));
    }
    auto mode = database->exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return unexpected(mode.error());
    if ((*mode)->next())
        database->m_journalMode = (*mode)->value(0).toString();
    (*mode)->finish();
    for (const char* pragma : {"PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        if (auto ok = database->run(QString::fromLatin1(pragma)); !ok)
            return unexpected(ok.error());
    }
    return database;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_statements.clear();
    m_unprepared = QSqlQuery();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            if (m_journalMode == QLatin1String("wal"))
                QSqlQuery(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

Expected<QSqlQuery*, QString> Database::exec(const QString& sql, const QVariantList& bindings)
{
    if (m_connectionName.isEmpty())
        return unexpected(QStringLiteral("the database is closed"));
    // PostgreSQL prepares only queries and data changes (PREPARE … AS); schema changes and
    // settings run as they are, and take no bindings.
    static const QRegularExpression preparable(QStringLiteral("^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\b"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (m_dialect == SqlDialect::Postgres && !preparable.match(sql).hasMatch()) {
        if (!bindings.isEmpty())
            return unexpected(QStringLiteral("a schema change takes no bindings"));
        m_unprepared = QSqlQuery(QSqlDatabase::database(m_connectionName, false));
        if (!m_unprepared.exec(translateSql(m_dialect, sql))) {
            const QString reason = m_unprepared.lastError().text();
            qCCritical(lcStore) << "statement failed:" << sql << reason;
            m_failed = true;
            return unexpected(reason);
        }
        return &m_unprepared;
    }
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (!query.prepare(translateSql(m_dialect, sql))) {
            const QString reason = query.lastError().text();
            qCCritical(lcStore) << "cannot prepare" << sql << reason;
            return unexpected(reason);
        }
        it = m_statements.insert(sql, query);
    }
    QSqlQuery& query = it.value();
    query.finish();
    for (qsizetype i = 0; i < bindings.size(); ++i) {
        const QVariant& value = bindings.at(i);
        // Flags are INTEGER columns (SQLite has no boolean); PostgreSQL will not cast TRUE to one.
        if (m_dialect == SqlDialect::Postgres && value.typeId() == QMetaType::Bool)
            query.bindValue(int(i), int(value.toBool()));
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec()) {
        const QString reason = query.lastError().text();
        qCCritical(lcStore) << "statement failed:" << sql << reason;
        m_failed = true;
        return unexpected(reason);
    }
    return &query;
}

Expected<Ok, QString> Database::run(const QString& sql, const QVariantList& bindings)
{
    auto result = exec(sql, bindings);
    if (!result)
        return unexpected(result.error());
    (*result)->finish();
    return Ok{};
}

Expected<int, QString> Database::change(const QString& sql, const QVariantList& bindings)
{
    auto result = exec(sql, bindings);
    if (!result)
        return unexpected(result.error());
    const int rows = (*result)->numRowsAffected();
    (*result)->finish();
    return rows;
}

bool Database::begin()
{
    if (m_depth++ > 0)
        return true;
    m_failed = false;
    m_beforeCommit.clear();
    ++m_serial;
    return QSqlDatabase::database(m_connectionName, false).transaction();
}

bool Database::beginLocked(Lock lock)
{
    if (m_depth > 0) {
        qCCritical(lcStore) << "a lock is taken by an outermost transaction only";
        return false;
    }
    if (m_dialect == SqlDialect::Postgres) {
        if (!begin())
            return false;
        if (auto locked = run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {qint64(lock)}); !locked) {
            rollback();
            return false;
        }
        return true;
    }
    // Qt's own begin is a deferred BEGIN, whose read may be outdated by the time it writes.
    QSqlQuery immediate(QSqlDatabase::database(m_connectionName, false));
    if (!immediate.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCCritical(lcStore) << "cannot take the write lock:" << immediate.lastError().text();
        return false;
    }
    m_depth = 1;
    m_failed = false;
    m_beforeCommit.clear();
    ++m_serial;
    return true;
}

void Database::beforeCommit(std::function<Expected<Ok, QString>()> step)
{
    m_beforeCommit.append(std::move(step));
}

bool Database::commit()
{
    if (m_depth == 0)
        return false;
    // Still one level deep, so a step's own Transaction joins this one.
    while (m_depth == 1 && !m_failed && !m_beforeCommit.isEmpty()) {
        const auto steps = std::exchange(m_beforeCommit, {});
        for (const auto& step : steps) {
            if (auto ok = step(); !ok) {
                qCCritical(lcStore) << "before commit:" << ok.error();
                m_failed = true;
                break;
            }
        }
    }
    if (--m_depth > 0)
        return !m_failed;
    // SQLite refuses to commit while a SELECT is still open.
    for (QSqlQuery& statement : m_statements)
        statement.finish();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    m_beforeCommit.clear();
    if (m_failed) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        qCCritical(lcStore) << "commit failed:" << db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

void Database::rollback()
{
    if (m_depth == 0)
        return;
    m_failed = true;
    if (--m_depth > 0)
        return;
    m_beforeCommit.clear();
    QSqlDatabase::database(m_connectionName, false).rollback();
}

} // namespace mockd
