#include "store/ChangeFeed.h"

#include "log/LogCategories.h"
#include "store/Database.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {

constexpr auto channel = "vigil_changes";
// SQLite: how often a shared file is read for others' changes. PostgreSQL: a safety net should a
// notification be lost with a dropped listening connection.
constexpr int sqlitePollMs = 50;
constexpr int postgresPollMs = 1000;
// A row is needed only until every running instance has read it.
constexpr qint64 keepMs = 5 * 60 * 1000;
constexpr int pruneEveryMs = 60 * 1000;
// Serialises the commits of publishing transactions on PostgreSQL, so rows become visible in the
// order of their numbers.
constexpr qint64 publishLock = 7180412;

QString randomOrigin()
{
    quint32 words[3];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex());
}

} // namespace

ChangeFeed::ChangeFeed(Database& database, QObject* parent)
    : QObject(parent), m_database(database), m_origin(randomOrigin())
{
    connect(&m_poll, &QTimer::timeout, this, &ChangeFeed::catchUp);
    connect(&m_pruning, &QTimer::timeout, this, &ChangeFeed::prune);
}

ChangeFeed::~ChangeFeed() = default;

QStringList ChangeFeed::migration()
{
    return {
        QStringLiteral("CREATE TABLE changes ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " origin TEXT NOT NULL,"
                       " topic TEXT NOT NULL,"
                       " key TEXT NOT NULL,"
                       " at_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX changes_at ON changes(at_ms)"),
    };
}

Expected<Ok, QString> ChangeFeed::start()
{
    auto newest = m_database.exec(QStringLiteral("SELECT MAX(seq) FROM changes"));
    if (!newest)
        return unexpected(newest.error());
    m_last = (*newest)->next() ? (*newest)->value(0).toLongLong() : 0;
    (*newest)->finish();
    m_started = true;
    const bool postgres = m_database.dialect() == SqlDialect::Postgres;
    if (postgres) {
        // A connection of its own that runs nothing else: libpq hands over a notification that
        // arrives during another query only when asked, and Qt's driver asks when the socket stirs.
        auto listener = Database::open(m_database.location());
        if (!listener)
            return unexpected(listener.error());
        m_listener = std::move(*listener);
        QSqlDriver* driver = m_listener->driver();
        if (!driver || !driver->subscribeToNotification(QString::fromLatin1(channel)))
            return unexpected(QStringLiteral("cannot listen for changes on %1").arg(m_database.path()));
        connect(driver, &QSqlDriver::notification, this, &ChangeFeed::catchUp);
    }
    if (postgres || m_database.path() != QLatin1String(":memory:"))
        m_poll.start(postgres ? postgresPollMs : sqlitePollMs);
    m_pruning.start(pruneEveryMs);
    return Ok{};
}

Expected<Ok, QString> ChangeFeed::publish(QLatin1StringView topic, const QString& key)
{
    Transaction transaction(m_database);
    if (m_pendingTransaction != m_database.transactionSerial()) {
        // What a rolled-back transaction queued is dropped here.
        m_pending.clear();
        m_pendingTransaction = m_database.transactionSerial();
        m_database.beforeCommit([this] { return flush(); });
    }
    Pending change{QString(topic), key};
    if (!m_pending.contains(change))
        m_pending.append(std::move(change));
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit the change of %1 %2").arg(QString(topic), key));
    return Ok{};
}

Expected<Ok, QString> ChangeFeed::flush()
{
    const QList<Pending> pending = std::exchange(m_pending, {});
    if (pending.isEmpty())
        return Ok{};
    const bool postgres = m_database.dialect() == SqlDialect::Postgres;
    if (postgres) {
        if (auto ok = m_database.run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {publishLock}); !ok)
            return ok;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Pending& change : pending) {
        if (auto ok =
                m_database.run(QStringLiteral("INSERT INTO changes (origin, topic, key, at_ms) VALUES (?, ?, ?, ?)"),
                               {m_origin, change.topic, change.key, now});
            !ok)
            return ok;
    }
    if (postgres)
        return m_database.run(QStringLiteral("SELECT pg_notify(?, '')"), {QString::fromLatin1(channel)});
    return Ok{};
}

void ChangeFeed::catchUp()
{
    // A slot reacting to a change may ask to be current: the read under way is.
    if (!m_started || m_reading)
        return;
    m_reading = true;
    struct Row
    {
        QString topic;
        QString key;
    };
    QList<Row> rows;
    auto query = m_database.exec(
        QStringLiteral("SELECT seq, origin, topic, key FROM changes WHERE seq > ? ORDER BY seq"), {m_last});
    if (query) {
        QSqlQuery& q = **query;
        while (q.next()) {
            m_last = q.value(0).toLongLong();
            if (q.value(1).toString() != m_origin)
                rows.append({q.value(2).toString(), q.value(3).toString()});
        }
        q.finish();
    }
    for (const Row& row : rows)
        Q_EMIT changed(row.topic, row.key);
    m_reading = false;
}

void ChangeFeed::prune()
{
    if (m_database.inTransaction())
        return;
    if (auto ok = m_database.run(QStringLiteral("DELETE FROM changes WHERE at_ms < ?"),
                                 {QDateTime::currentMSecsSinceEpoch() - keepMs});
        !ok)
        qCWarning(lcStore) << "could not prune the change feed:" << ok.error();
}

} // namespace mockd
