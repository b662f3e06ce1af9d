#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// Reads the audit table of a running vigil-mockd's database file (WAL mode lets a second
// connection read while the service writes).
namespace AuditReader {

// Runs `sql` (bound to `bindings`) on the file and hands each row to `row`.
template <typename Row>
void query(const QString& databaseFile, const QString& sql, const QVariantList& bindings, Row row)
{
    const QString name = QStringLiteral("audit-reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databaseFile);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant& value : bindings)
                q.addBindValue(value);
            if (q.exec()) {
                while (q.next())
                    row(q);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// The details of the audit entries of one type, oldest first.
inline QList<QJsonObject> details(const QString& databaseFile, const QString& type)
{
    QList<QJsonObject> out;
    query(databaseFile,
          QStringLiteral("SELECT details FROM audit WHERE type = ? ORDER BY id"),
          {type},
          [&out](const QSqlQuery& q) { out.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object()); });
    return out;
}

// Every row of the audit table (-1 when the file cannot be read).
inline qint64 count(const QString& databaseFile)
{
    qint64 rows = -1;
    query(databaseFile, QStringLiteral("SELECT COUNT(*) FROM audit"), {}, [&rows](const QSqlQuery& q) {
        rows = q.value(0).toLongLong();
    });
    return rows;
}

} // namespace AuditReader
