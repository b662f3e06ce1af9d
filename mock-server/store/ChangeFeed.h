#pragma once

#include "base/Expected.h"

#include <QLatin1StringView>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace mockd {

class Database;

// The store's topics; the key is the id of what changed. Others name their own ("event", "clock",
// "faults", "reset").
namespace ChangeTopic {
inline constexpr QLatin1StringView session("session");            // a session and its tokens
inline constexpr QLatin1StringView account("account");            // an account, its profiles, recovery codes
inline constexpr QLatin1StringView device("device");              // a device
inline constexpr QLatin1StringView sessionTrust("session_trust"); // a session's confirmation and age
inline constexpr QLatin1StringView guest("guest");                // a device's guest sessions
} // namespace ChangeTopic

// Tells the other vigil-mockd on the same database what changed, so each can keep its in-memory
// tables (the hot path) true to the database. A writer publishes a (topic, key) row into the
// `changes` table in the transaction of its change; every other instance reads the rows after the
// last one it saw, in order, and emits changed(). PostgreSQL wakes the readers with NOTIFY (sent at
// commit); SQLite has no notifications, so a file shared by two processes is polled (a range read on
// the primary key, every 50 ms). Rows are committed in the order of their numbers (on PostgreSQL an
// advisory lock, taken as the transaction's last step, makes it so), so a reader never skips one.
class ChangeFeed final : public QObject
{
    Q_OBJECT

public:
    explicit ChangeFeed(Database& database, QObject* parent = nullptr);
    ~ChangeFeed() override;

    static QStringList migration();

    // Starts after the newest row there is now (what came before is in the tables already) and
    // starts listening. Not for ":memory:" databases, which no other process can open.
    Expected<Ok, QString> start();
    // Records a change of `key` under `topic` with the caller's transaction (one of its own when
    // none is open): other instances hear of it once it is committed, never if it is rolled back.
    Expected<Ok, QString> publish(QLatin1StringView topic, const QString& key);
    // Reads and emits every change committed by others that was not seen yet, now: for callers that
    // must be current and cannot wait for the notification or the next poll.
    void catchUp();

    // This process's id in the `changes` rows.
    QString origin() const { return m_origin; }
    qint64 lastSeen() const { return m_last; }

Q_SIGNALS:
    // A change committed by another instance, in the order they were committed.
    void changed(const QString& topic, const QString& key);

private:
    struct Pending
    {
        QString topic;
        QString key;
        bool operator==(const Pending&) const = default;
    };
    Expected<Ok, QString> flush();
    void prune();

    Database& m_database;
    QString m_origin;
    qint64 m_last = 0;
    bool m_started = false;
    bool m_reading = false;
    QList<Pending> m_pending;
    quint64 m_pendingTransaction = 0;
    std::unique_ptr<Database> m_listener;
    QTimer m_poll;
    QTimer m_pruning;
};

} // namespace mockd
