#include "store/FaultRuleTable.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

QStringList FaultRuleTable::migration()
{
    return {
        QStringLiteral("CREATE TABLE fault_rules ("
                       " position INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " id TEXT NOT NULL UNIQUE,"
                       " rule TEXT NOT NULL,"
                       " times INTEGER,"
                       " applied INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL)"),
    };
}

Expected<Ok, QString> FaultRuleTable::insert(const Row& row)
{
    return m_database.run(
        QStringLiteral("INSERT INTO fault_rules (id, rule, times, applied, created_at) VALUES (?, ?, ?, ?, ?)"),
        {row.id,
         QString::fromUtf8(row.rule),
         row.times ? QVariant(*row.times) : QVariant(QMetaType::fromType<qint64>()),
         row.applied,
         row.createdAtMs});
}

Expected<bool, QString> FaultRuleTable::remove(const QString& id)
{
    auto rows = m_database.exec(QStringLiteral("DELETE FROM fault_rules WHERE id = ? RETURNING id"), {id});
    if (!rows)
        return unexpected(rows.error());
    const bool found = (*rows)->next();
    (*rows)->finish();
    return found;
}

Expected<Ok, QString> FaultRuleTable::clear()
{
    return m_database.run(QStringLiteral("DELETE FROM fault_rules"));
}

QList<FaultRuleTable::Row> FaultRuleTable::all() const
{
    QList<Row> out;
    auto rows = m_database.exec(
        QStringLiteral("SELECT id, rule, times, applied, created_at FROM fault_rules ORDER BY position"));
    if (!rows)
        return out;
    while ((*rows)->next()) {
        Row row;
        row.id = (*rows)->value(0).toString();
        row.rule = (*rows)->value(1).toString().toUtf8();
        if (!(*rows)->value(2).isNull())
            row.times = (*rows)->value(2).toLongLong();
        row.applied = (*rows)->value(3).toLongLong();
        row.createdAtMs = (*rows)->value(4).toLongLong();
        out.append(row);
    }
    (*rows)->finish();
    return out;
}

Expected<bool, QString> FaultRuleTable::use(const QString& id)
{
    Transaction transaction(m_database);
    auto rows = m_database.exec(QStringLiteral("UPDATE fault_rules SET applied = applied + 1"
                                               " WHERE id = ? AND (times IS NULL OR applied < times) RETURNING id"),
                                {id});
    if (!rows)
        return unexpected(rows.error());
    const bool used = (*rows)->next();
    (*rows)->finish();
    if (used) {
        if (auto ok = m_database.run(
                QStringLiteral("DELETE FROM fault_rules WHERE id = ? AND times IS NOT NULL AND applied >= times"),
                {id});
            !ok)
            return unexpected(ok.error());
    }
    if (!transaction.commit())
        return unexpected(QStringLiteral("could not commit a fault rule's use"));
    return used;
}

} // namespace mockd
