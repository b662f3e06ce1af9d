#include "account/PendingEnrolments.h"

#include "base/Clock.h"
#include "base/Ids.h"
#include "log/LogCategories.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace mockd {

PendingEnrolments::PendingEnrolments(Database& database, const Clock& clock) : m_database(database), m_clock(clock) {}

QString PendingEnrolments::start(const Pending& pending)
{
    dropExpired();
    Transaction transaction(m_database);
    // One pending enrolment per account: a new one replaces an unfinished one.
    (void)m_database.run(QStringLiteral("DELETE FROM two_step_enrolments WHERE account_id = ?"), {pending.accountId});
    const QString id = Ids::generate(u"tse");
    if (auto ok = m_database.run(QStringLiteral("INSERT INTO two_step_enrolments (id, account_id, session_id, secret,"
                                                " expires_at) VALUES (?, ?, ?, ?, ?)"),
                                 {id, pending.accountId, pending.sessionId, pending.secret, pending.expiresAtMs});
        !ok) {
        qCWarning(lcAuth) << "cannot store a 2-step enrolment:" << ok.error();
        return {};
    }
    return transaction.commit() ? id : QString();
}

std::optional<PendingEnrolments::Pending> PendingEnrolments::find(const QString& id)
{
    dropExpired();
    auto rows = m_database.exec(QStringLiteral("SELECT account_id, session_id, secret, expires_at, failed_attempts"
                                               " FROM two_step_enrolments WHERE id = ?"),
                                {id});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    const QSqlQuery& q = **rows;
    Pending pending{q.value(0).toString(),
                    q.value(1).toString(),
                    q.value(2).toString(),
                    q.value(3).toLongLong(),
                    q.value(4).toInt()};
    (*rows)->finish();
    return pending;
}

int PendingEnrolments::recordWrongCode(const QString& id, int whenGone)
{
    auto rows = m_database.exec(QStringLiteral("UPDATE two_step_enrolments SET failed_attempts = failed_attempts + 1"
                                               " WHERE id = ? RETURNING failed_attempts"),
                                {id});
    if (!rows || !(*rows)->next())
        return whenGone;
    const int failures = (*rows)->value(0).toInt();
    (*rows)->finish();
    return failures;
}

void PendingEnrolments::remove(const QString& id)
{
    (void)m_database.run(QStringLiteral("DELETE FROM two_step_enrolments WHERE id = ?"), {id});
}

void PendingEnrolments::dropExpired()
{
    (void)m_database.run(QStringLiteral("DELETE FROM two_step_enrolments WHERE expires_at <= ?"), {m_clock.nowMs()});
}

} // namespace mockd
