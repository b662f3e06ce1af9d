#include "auth/RefreshRetryGrace.h"

#include "auth/Tokens.h"
#include "log/LogCategories.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>
#include <sodium.h>

namespace mockd {

namespace {

// BLAKE2b keyed with a fixed label: unrelated to the SHA-256 the database keeps of the token.
QByteArray sealingKey(const QString& token)
{
    static constexpr char label[] = "vigil-mockd refresh retry grace";
    const QByteArray input = token.toLatin1();
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(key.data()),
                       size_t(key.size()),
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       quint64(input.size()),
                       reinterpret_cast<const unsigned char*>(label),
                       sizeof(label) - 1);
    return key;
}

// Nonce followed by the ciphertext.
QByteArray seal(const QByteArray& body, const QString& token)
{
    const QByteArray key = sealingKey(token);
    QByteArray out(qsizetype(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) + body.size(), Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(body.constData()),
                          quint64(body.size()),
                          nonce,
                          reinterpret_cast<const unsigned char*>(key.constData()));
    return out;
}

std::optional<QByteArray> open(const QByteArray& sealed, const QString& token)
{
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() < overhead)
        return std::nullopt;
    const QByteArray key = sealingKey(token);
    QByteArray body(sealed.size() - overhead, Qt::Uninitialized);
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(body.data()),
                                   nonce + crypto_secretbox_NONCEBYTES,
                                   quint64(sealed.size() - crypto_secretbox_NONCEBYTES),
                                   nonce,
                                   reinterpret_cast<const unsigned char*>(key.constData())) != 0)
        return std::nullopt;
    return body;
}

} // namespace

RefreshRetryGrace::RefreshRetryGrace(Database& database) : m_database(database) {}

void RefreshRetryGrace::remember(const QString& usedRefreshToken, const Answer& answer)
{
    forget(answer.atMs);
    if (auto ok =
            m_database.run(QStringLiteral("INSERT INTO refresh_retries (used_hash, next_hash, ip, at, sealed_body)"
                                          " VALUES (?, ?, ?, ?, ?) ON CONFLICT(used_hash) DO NOTHING"),
                           {Tokens::hash(usedRefreshToken),
                            answer.nextRefreshHash,
                            answer.ip,
                            answer.atMs,
                            seal(answer.body, usedRefreshToken)});
        !ok)
        qCWarning(lcAuth) << "cannot keep a refresh answer for a retry:" << ok.error();
}

std::optional<RefreshRetryGrace::Answer>
RefreshRetryGrace::retry(const QString& usedRefreshToken, const QString& ip, qint64 nowMs) const
{
    auto rows = m_database.exec(
        QStringLiteral("SELECT next_hash, ip, at, sealed_body FROM refresh_retries WHERE used_hash = ?"),
        {Tokens::hash(usedRefreshToken)});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    Answer answer{(*rows)->value(0).toByteArray(), (*rows)->value(1).toString(), (*rows)->value(2).toLongLong(), {}};
    const QByteArray sealed = (*rows)->value(3).toByteArray();
    (*rows)->finish();
    // The clock can be moved back by QA: a rotation "in the future" is no retry either.
    if (answer.ip != ip || nowMs < answer.atMs || nowMs - answer.atMs > windowMs)
        return std::nullopt;
    auto body = open(sealed, usedRefreshToken);
    if (!body)
        return std::nullopt;
    answer.body = *body;
    return answer;
}

void RefreshRetryGrace::forget(qint64 nowMs)
{
    (void)m_database.run(QStringLiteral("DELETE FROM refresh_retries WHERE at < ? OR at > ?"),
                         {nowMs - windowMs, nowMs});
    // Past the cap the oldest go (nothing when fewer are kept: the subquery finds no row).
    (void)m_database.run(QStringLiteral("DELETE FROM refresh_retries WHERE at < (SELECT at FROM refresh_retries"
                                        " ORDER BY at DESC LIMIT 1 OFFSET ?)"),
                         {maxAnswers - 1});
}

} // namespace mockd
