#include "auth/StepUp.h"

#include "auth/AuthPolicy.h"
#include "auth/PasswordHasher.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "log/LogCategories.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <sodium.h>

namespace mockd {

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr int saltBytes = 16;
constexpr qsizetype minRecoveryCodeLength = 10;
constexpr qsizetype maxRecoveryCodeLength = 32;
constexpr int recoveryHashBytes = 32;

QByteArray saltedHash(const QByteArray& salt, QStringView code)
{
    const QString salted = QString::fromLatin1(salt.toHex()) + code;
    return Tokens::hash(salted);
}

// Seconds until `log` (times of past events) has fewer than `max` events within `windowMs`.
qint64 slotWait(const QList<qint64>& log, qint64 now, qint64 windowMs, int max)
{
    QList<qint64> recent;
    for (const qint64 at : log) {
        if (at > now - windowMs)
            recent.append(at);
    }
    if (recent.size() < max)
        return 0;
    std::sort(recent.begin(), recent.end());
    const qint64 freeAt = recent.at(recent.size() - max) + windowMs;
    return qMax<qint64>(1, (freeAt - now + 999) / 1000);
}

} // namespace

StepUp::StepUp(Database& database, const Clock& clock) : m_database(database), m_clock(clock) {}

QString StepUp::create(StepUpChallenge challenge)
{
    dropExpired();
    const qint64 now = m_clock.nowMs();
    Transaction transaction(m_database);
    // Replacing the caller's own oldest challenge keeps a person who switches methods going; the
    // caps bound what one session or account can hold.
    evictOldest("session_id", challenge.sessionId, AuthPolicy::stepUpMaxChallengesPerSession);
    evictOldest("account_id", challenge.accountId, AuthPolicy::stepUpMaxChallengesPerAccount);
    if (challengeCount() >= AuthPolicy::stepUpMaxChallenges) {
        // Expired challenges are kept only to answer "expired"; under pressure they go first.
        (void)m_database.run(QStringLiteral("DELETE FROM step_up_challenges WHERE expires_at <= ?"), {now});
        // Still full: refuse rather than evict another account's challenge.
        if (challengeCount() >= AuthPolicy::stepUpMaxChallenges)
            return {};
    }
    QString handle = Tokens::generate(Tokens::Kind::StepUpChallenge);
    challenge.idHash = Tokens::hash(handle);
    challenge.expiresAtMs = now + AuthPolicy::stepUpChallengeSeconds * 1000;
    auto inserted = m_database.exec(
        QStringLiteral("INSERT INTO step_up_challenges (id_hash, account_id, session_id, method, destination, purpose,"
                       " key_challenge, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING sequence"),
        {challenge.idHash,
         challenge.accountId,
         challenge.sessionId,
         challenge.method,
         challenge.destination,
         challenge.purpose,
         challenge.keyChallenge,
         challenge.expiresAtMs});
    if (!inserted)
        return {};
    (*inserted)->finish();
    addToLog("start", challenge.sessionId, now);
    if (!transaction.commit())
        return {};
    return handle;
}

void StepUp::evictOldest(const char* column, const QString& value, int cap)
{
    const QString where =
        QStringLiteral(" FROM step_up_challenges WHERE ") + QLatin1String(column) + QStringLiteral(" = ?");
    auto count = m_database.exec(QStringLiteral("SELECT COUNT(*)") + where, {value});
    if (!count || !(*count)->next())
        return;
    const qint64 excess = (*count)->value(0).toLongLong() - cap + 1;
    (*count)->finish();
    if (excess <= 0)
        return;
    (void)m_database.run(QStringLiteral("DELETE FROM step_up_challenges WHERE sequence IN (SELECT sequence") + where +
                             QStringLiteral(" ORDER BY sequence LIMIT ?)"),
                         {value, excess});
}

qsizetype StepUp::challengeCount() const
{
    auto count = m_database.exec(QStringLiteral("SELECT COUNT(*) FROM step_up_challenges"));
    if (!count || !(*count)->next())
        return 0;
    const qsizetype n = (*count)->value(0).toLongLong();
    (*count)->finish();
    return n;
}

QList<qint64> StepUp::log(const char* kind, const QString& owner) const
{
    QList<qint64> times;
    auto rows = m_database.exec(QStringLiteral("SELECT at FROM step_up_log WHERE kind = ? AND owner = ?"),
                                {QLatin1String(kind), owner});
    if (!rows)
        return times;
    while ((*rows)->next())
        times.append((*rows)->value(0).toLongLong());
    (*rows)->finish();
    return times;
}

void StepUp::addToLog(const char* kind, const QString& owner, qint64 atMs)
{
    if (auto ok = m_database.run(QStringLiteral("INSERT INTO step_up_log (kind, owner, at) VALUES (?, ?, ?)"),
                                 {QLatin1String(kind), owner, atMs});
        !ok)
        qCWarning(lcAuth) << "cannot log a step-up start or send:" << ok.error();
}

qint64 StepUp::startWait(const QString& sessionId) const
{
    return slotWait(log("start", sessionId),
                    m_clock.nowMs(),
                    AuthPolicy::stepUpStartWindowSeconds * 1000,
                    AuthPolicy::stepUpMaxStartsPerWindow);
}

std::optional<StepUpChallenge> StepUp::find(QStringView handle) const
{
    if (!Tokens::hasShape(Tokens::Kind::StepUpChallenge, handle))
        return std::nullopt;
    auto rows = m_database.exec(
        QStringLiteral("SELECT id_hash, account_id, session_id, method, destination, purpose, key_challenge, code_salt,"
                       " code_hash, sequence, expires_at, last_sent_at, failed_attempts, locked"
                       " FROM step_up_challenges WHERE id_hash = ?"),
        {Tokens::hash(handle)});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    const QSqlQuery& q = **rows;
    StepUpChallenge c;
    c.idHash = q.value(0).toByteArray();
    c.accountId = q.value(1).toString();
    c.sessionId = q.value(2).toString();
    c.method = q.value(3).toString();
    c.destination = q.value(4).toString();
    c.purpose = q.value(5).toString();
    c.keyChallenge = q.value(6).toString();
    c.codeSalt = q.value(7).toByteArray();
    c.codeHash = q.value(8).toByteArray();
    c.sequence = q.value(9).toULongLong();
    c.expiresAtMs = q.value(10).toLongLong();
    c.lastSentMs = q.value(11).toLongLong();
    c.failedAttempts = q.value(12).toInt();
    c.locked = q.value(13).toInt() != 0;
    (*rows)->finish();
    return c;
}

void StepUp::save(const StepUpChallenge& challenge)
{
    // The attempt count and lock are left alone: recordWrongSecret counts them atomically.
    if (auto ok = m_database.run(
            QStringLiteral("UPDATE step_up_challenges SET code_salt = ?, code_hash = ?,"
                           " expires_at = ?, last_sent_at = ? WHERE id_hash = ?"),
            {challenge.codeSalt, challenge.codeHash, challenge.expiresAtMs, challenge.lastSentMs, challenge.idHash});
        !ok)
        qCWarning(lcAuth) << "cannot save a step-up challenge:" << ok.error();
}

void StepUp::recordWrongSecret(StepUpChallenge& challenge, int maxAttempts)
{
    auto rows = m_database.exec(QStringLiteral("UPDATE step_up_challenges SET failed_attempts = failed_attempts + 1,"
                                               " locked = CASE WHEN failed_attempts + 1 >= ? THEN 1 ELSE locked END"
                                               " WHERE id_hash = ? RETURNING failed_attempts, locked"),
                                {maxAttempts, challenge.idHash});
    if (!rows || !(*rows)->next()) {
        // Gone meanwhile (used or evicted elsewhere): nothing more will verify.
        challenge.failedAttempts = maxAttempts;
        challenge.locked = true;
        return;
    }
    challenge.failedAttempts = (*rows)->value(0).toInt();
    challenge.locked = (*rows)->value(1).toInt() != 0;
    (*rows)->finish();
}

bool StepUp::remove(const QByteArray& idHash)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM step_up_challenges WHERE id_hash = ?"), {idHash});
    if (!query)
        return false;
    const bool removed = (*query)->numRowsAffected() > 0;
    (*query)->finish();
    return removed;
}

QString StepUp::newCode(StepUpChallenge& challenge)
{
    QString code = QStringLiteral("%1").arg(randombytes_uniform(1000000), 6, 10, QLatin1Char('0'));
    challenge.codeSalt = QByteArray(saltBytes, Qt::Uninitialized);
    randombytes_buf(challenge.codeSalt.data(), size_t(challenge.codeSalt.size()));
    challenge.codeHash = saltedHash(challenge.codeSalt, code);
    challenge.lastSentMs = m_clock.nowMs();
    challenge.expiresAtMs = challenge.lastSentMs + AuthPolicy::stepUpChallengeSeconds * 1000;
    return code;
}

QString StepUp::normalizeRecoveryCode(QStringView code)
{
    QString out;
    out.reserve(code.size());
    for (const QChar c : code) {
        if (c == QLatin1Char('-') || c == QLatin1Char(' '))
            continue;
        const QChar lower = c.toLower();
        if (!((lower >= QLatin1Char('a') && lower <= QLatin1Char('z')) ||
              (lower >= QLatin1Char('0') && lower <= QLatin1Char('9'))))
            return {};
        out.append(lower);
    }
    if (out.size() < minRecoveryCodeLength || out.size() > maxRecoveryCodeLength)
        return {};
    return out;
}

QByteArray StepUp::newRecoverySalt()
{
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    return salt;
}

QByteArray StepUp::recoveryCodeHash(const QByteArray& salt, const QString& normalizedCode)
{
    // argon2id rather than SHA-256: a 12-character code is about 62 bits, below the 112 bits NIST
    // 800-63B §5.1.2.1 asks of look-up secrets kept under a plain hash, so a stolen table could be
    // brute-forced offline. One salt per account (not per code) keeps a guess at one argon2id run
    // instead of up to ten; the parameters are the password ones (OWASP minimum).
    if (salt.size() != crypto_pwhash_SALTBYTES || normalizedCode.isEmpty() || sodium_init() < 0)
        return {};
    const QByteArray input = normalizedCode.toLatin1();
    QByteArray out(recoveryHashBytes, Qt::Uninitialized);
    if (crypto_pwhash(reinterpret_cast<unsigned char*>(out.data()),
                      quint64(out.size()),
                      input.constData(),
                      quint64(input.size()),
                      reinterpret_cast<const unsigned char*>(salt.constData()),
                      PasswordHasher::opsLimit,
                      PasswordHasher::memLimit,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return out;
}

QByteArray StepUp::matchingHash(const QList<QByteArray>& hashes, const QByteArray& candidate)
{
    QByteArray found;
    for (const QByteArray& hash : hashes) {
        // No early exit: every stored hash is compared.
        if (hash.size() == candidate.size() && !candidate.isEmpty() &&
            sodium_memcmp(hash.constData(), candidate.constData(), size_t(hash.size())) == 0)
            found = hash;
    }
    return found;
}

QString StepUp::normalizePhone(QStringView phone)
{
    QString out;
    for (const QChar c : phone.trimmed()) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('(') || c == QLatin1Char(')') ||
            c == QLatin1Char('.'))
            continue;
        if (c == QLatin1Char('+') && out.isEmpty()) {
            out.append(c);
            continue;
        }
        if (!c.isDigit() || c.unicode() > 0x7f)
            return {};
        out.append(c);
    }
    // "+", a country code not starting with 0, at most 15 digits in all (ITU-T E.164).
    if (out.size() < 8 || out.size() > 16 || !out.startsWith(QLatin1Char('+')) || out.at(1) == QLatin1Char('0'))
        return {};
    return out;
}

bool StepUp::codeMatches(const StepUpChallenge& challenge, QStringView code)
{
    if (challenge.codeHash.isEmpty())
        return false;
    return Tokens::sameHash(challenge.codeHash, saltedHash(challenge.codeSalt, code));
}

qint64 StepUp::sendWait(const QString& accountId) const
{
    return slotWait(log("send", accountId), m_clock.nowMs(), hourMs, AuthPolicy::stepUpMaxSendsPerHour);
}

void StepUp::recordSend(const OutboxMessage& message, const QString& accountId)
{
    const qint64 now = m_clock.nowMs();
    Transaction transaction(m_database);
    (void)m_database.run(QStringLiteral("DELETE FROM step_up_log WHERE kind = 'send' AND owner = ? AND at <= ?"),
                         {accountId, now - hourMs});
    addToLog("send", accountId, message.sentAtMs);
    if (auto ok = m_database.run(QStringLiteral("INSERT INTO outbox (to_address, channel, code, purpose, subject, text,"
                                                " sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                 {message.to,
                                  message.channel,
                                  message.code,
                                  message.purpose,
                                  message.subject,
                                  message.text,
                                  message.sentAtMs});
        !ok)
        qCWarning(lcAuth) << "cannot write to the outbox:" << ok.error();
    transaction.commit();
}

QList<OutboxMessage> StepUp::outbox(const QString& to) const
{
    QList<OutboxMessage> all;
    auto rows = m_database.exec(
        QStringLiteral("SELECT to_address, channel, code, purpose, subject, text, sent_at FROM outbox ORDER BY id"));
    if (rows) {
        while ((*rows)->next()) {
            const QSqlQuery& q = **rows;
            all.append({q.value(0).toString(),
                        q.value(1).toString(),
                        q.value(2).toString(),
                        q.value(3).toString(),
                        q.value(4).toString(),
                        q.value(5).toString(),
                        q.value(6).toLongLong()});
        }
        (*rows)->finish();
    }
    const QString wanted = to.trimmed();
    if (wanted.isEmpty())
        return all;
    // A phone number matches however it is written ("+44 7700 900312"); an unencoded "+" in a
    // query may arrive as a space, so bare digits count as "+digits".
    QString phone = normalizePhone(wanted);
    if (phone.isEmpty() && !wanted.contains(QLatin1Char('@')))
        phone = normalizePhone(QString(QLatin1Char('+') + wanted));
    QList<OutboxMessage> matching;
    for (const OutboxMessage& message : std::as_const(all)) {
        const bool same = message.channel == QLatin1String("sms")
                              ? !phone.isEmpty() && normalizePhone(message.to) == phone
                              : message.to.compare(wanted, Qt::CaseInsensitive) == 0;
        if (same)
            matching.append(message);
    }
    return matching;
}

QString StepUp::grant(const StepUpGrant& grant)
{
    QString token = Tokens::generate(Tokens::Kind::StepUp);
    if (auto ok =
            m_database.run(QStringLiteral("INSERT INTO step_up_grants (hash, account_id, session_id, method,"
                                          " expires_at) VALUES (?, ?, ?, ?, ?)"),
                           {Tokens::hash(token), grant.accountId, grant.sessionId, grant.method, grant.expiresAtMs});
        !ok)
        qCWarning(lcAuth) << "cannot store a step-up grant:" << ok.error();
    return token;
}

std::optional<StepUpGrant> StepUp::check(QStringView token, const QString& sessionId) const
{
    if (!Tokens::hasShape(Tokens::Kind::StepUp, token))
        return std::nullopt;
    auto rows = m_database.exec(
        QStringLiteral("SELECT account_id, session_id, method, expires_at FROM step_up_grants WHERE hash = ?"),
        {Tokens::hash(token)});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    StepUpGrant grant{(*rows)->value(0).toString(),
                      (*rows)->value(1).toString(),
                      (*rows)->value(2).toString(),
                      (*rows)->value(3).toLongLong()};
    (*rows)->finish();
    if (grant.sessionId != sessionId || grant.expiresAtMs <= m_clock.nowMs())
        return std::nullopt;
    return grant;
}

void StepUp::clear()
{
    for (const char* table : {"step_up_challenges", "step_up_grants", "step_up_log", "outbox"})
        (void)m_database.run(QStringLiteral("DELETE FROM ") + QLatin1String(table));
}

void StepUp::dropExpired()
{
    // Expired challenges stay an hour so a late verify answers "expired" rather than "unknown".
    const qint64 now = m_clock.nowMs();
    Transaction transaction(m_database);
    (void)m_database.run(QStringLiteral("DELETE FROM step_up_challenges WHERE expires_at <= ?"), {now - hourMs});
    (void)m_database.run(QStringLiteral("DELETE FROM step_up_grants WHERE expires_at <= ?"), {now});
    (void)m_database.run(QStringLiteral("DELETE FROM step_up_log WHERE kind = 'start' AND at <= ?"),
                         {now - AuthPolicy::stepUpStartWindowSeconds * 1000});
    (void)m_database.run(QStringLiteral("DELETE FROM step_up_log WHERE kind = 'send' AND at <= ?"), {now - hourMs});
    transaction.commit();
}

} // namespace mockd
