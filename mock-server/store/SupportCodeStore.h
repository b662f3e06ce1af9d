#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace mockd {

class Database;

// The holder's current support code (at most one per account). Only its SHA-256 is kept; a used
// or expired code stays until the next one replaces it, so a reuse can be told apart from a typo.
struct SupportCode
{
    QString accountId;
    QByteArray hash;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 usedAtMs = 0; // 0: not used yet
    int failedAttempts = 0;

    bool isUsed() const { return usedAtMs != 0; }
};

// Support codes in SQLite (read on demand: they are few and short-lived, nothing to cache).
class SupportCodeStore final
{
public:
    explicit SupportCodeStore(Database& database);

    // The account's code, replacing any earlier one.
    Expected<Ok, QString> replace(const SupportCode& code);
    std::optional<SupportCode> forAccount(const QString& accountId) const;
    // The account whose current code has this hash (an index lookup), or empty.
    QString accountOfHash(const QByteArray& hash) const;
    // Marks the code used; false when it was used before (a code works once).
    Expected<bool, QString> markUsed(const QString& accountId, qint64 atMs);
    // Counts a wrong code presented for the account; returns the new count.
    Expected<int, QString> recordFailure(const QString& accountId);

    // The schema step that adds the table.
    static QStringList migration();

private:
    Database& m_database;
};

} // namespace mockd
