#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mockd {

class Database;

// The fault rules in force, in the order they were added, so that every vigil-mockd on one
// database applies the same ones and a rule with `times` is used up across all of them.
class FaultRuleTable final
{
public:
    struct Row
    {
        QString id;
        QByteArray rule; // the rule as a scenario writes it (JSON), without times
        std::optional<qint64> times;
        qint64 applied = 0;
        qint64 createdAtMs = 0;
    };

    explicit FaultRuleTable(Database& database) : m_database(database) {}

    static QStringList migration();

    Expected<Ok, QString> insert(const Row& row);
    // False when no rule had that id.
    Expected<bool, QString> remove(const QString& id);
    Expected<Ok, QString> clear();
    QList<Row> all() const;
    // Counts one application of the rule; false when it is gone or used up meanwhile (another
    // instance took its last use). A rule used up is deleted.
    Expected<bool, QString> use(const QString& id);

private:
    Database& m_database;
};

} // namespace mockd
