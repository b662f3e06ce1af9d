#include "auth/StepUp.h"

#include "auth/AuthPolicy.h"
#include "auth/PasswordHasher.h"
#include "auth/Tokens.h"
#include "base/Clock.h"

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

StepUp::StepUp(const Clock& clock) : m_clock(clock) {}

QString StepUp::create(StepUpChallenge challenge)
{
    dropExpired();
    const qint64 now = m_clock.nowMs();
    const QString sessionId = challenge.sessionId;
    const QString accountId = challenge.accountId;
    // Replacing the caller's own oldest challenge keeps a person who switches methods going; the
    // caps bound what one session or account can hold.
    evictOldest([&sessionId](const StepUpChallenge& c) { return c.sessionId == sessionId; },
                AuthPolicy::stepUpMaxChallengesPerSession);
    evictOldest([&accountId](const StepUpChallenge& c) { return c.accountId == accountId; },
                AuthPolicy::stepUpMaxChallengesPerAccount);
    if (m_challenges.size() >= AuthPolicy::stepUpMaxChallenges) {
        // Expired challenges are kept only to answer "expired"; under pressure they go first.
        m_challenges.removeIf([now](const auto& it) { return it.value().expiresAtMs <= now; });
        // Still full: refuse rather than evict another account's challenge.
        if (m_challenges.size() >= AuthPolicy::stepUpMaxChallenges)
            return {};
    }
    const QString handle = Tokens::generate(Tokens::Kind::StepUpChallenge);
    challenge.idHash = Tokens::hash(handle);
    challenge.sequence = ++m_nextSequence;
    challenge.expiresAtMs = now + AuthPolicy::stepUpChallengeSeconds * 1000;
    m_challenges.insert(challenge.idHash, challenge);
    m_startsBySession[sessionId].append(now);
    return handle;
}

template <typename Predicate>
void StepUp::evictOldest(Predicate same, int cap)
{
    for (;;) {
        auto oldest = m_challenges.end();
        int count = 0;
        for (auto it = m_challenges.begin(); it != m_challenges.end(); ++it) {
            if (!same(it.value()))
                continue;
            ++count;
            if (oldest == m_challenges.end() || it->sequence < oldest->sequence)
                oldest = it;
        }
        if (count < cap || oldest == m_challenges.end())
            return;
        m_challenges.erase(oldest);
    }
}

qint64 StepUp::startWait(const QString& sessionId) const
{
    return slotWait(m_startsBySession.value(sessionId),
                    m_clock.nowMs(),
                    AuthPolicy::stepUpStartWindowSeconds * 1000,
                    AuthPolicy::stepUpMaxStartsPerWindow);
}

StepUpChallenge* StepUp::find(QStringView handle)
{
    if (!Tokens::hasShape(Tokens::Kind::StepUpChallenge, handle))
        return nullptr;
    auto it = m_challenges.find(Tokens::hash(handle));
    return it == m_challenges.end() ? nullptr : &it.value();
}

void StepUp::remove(const QByteArray& idHash)
{
    m_challenges.remove(idHash);
}

QString StepUp::newCode(StepUpChallenge& challenge)
{
    const QString code = QStringLiteral("%1").arg(randombytes_uniform(1000000), 6, 10, QLatin1Char('0'));
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
    return slotWait(m_sendsByAccount.value(accountId), m_clock.nowMs(), hourMs, AuthPolicy::stepUpMaxSendsPerHour);
}

void StepUp::recordSend(const OutboxMessage& message, const QString& accountId)
{
    QList<qint64>& sends = m_sendsByAccount[accountId];
    const qint64 now = m_clock.nowMs();
    sends.removeIf([now](qint64 at) { return at <= now - hourMs; });
    sends.append(message.sentAtMs);
    m_outbox.append(message);
}

QList<OutboxMessage> StepUp::outbox(const QString& to) const
{
    const QString wanted = to.trimmed();
    if (wanted.isEmpty())
        return m_outbox;
    // A phone number matches however it is written ("+44 7700 900312"); an unencoded "+" in a
    // query may arrive as a space, so bare digits count as "+digits".
    QString phone = normalizePhone(wanted);
    if (phone.isEmpty() && !wanted.contains(QLatin1Char('@')))
        phone = normalizePhone(QString(QLatin1Char('+') + wanted));
    QList<OutboxMessage> matching;
    for (const OutboxMessage& message : m_outbox) {
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
    const QString token = Tokens::generate(Tokens::Kind::StepUp);
    m_grants.insert(Tokens::hash(token), grant);
    return token;
}

std::optional<StepUpGrant> StepUp::check(QStringView token, const QString& sessionId) const
{
    if (!Tokens::hasShape(Tokens::Kind::StepUp, token))
        return std::nullopt;
    const auto it = m_grants.constFind(Tokens::hash(token));
    if (it == m_grants.cend() || it->sessionId != sessionId || it->expiresAtMs <= m_clock.nowMs())
        return std::nullopt;
    return *it;
}

void StepUp::clear()
{
    m_challenges.clear();
    m_grants.clear();
    m_sendsByAccount.clear();
    m_startsBySession.clear();
    m_outbox.clear();
}

void StepUp::dropExpired()
{
    // Expired challenges stay an hour so a late verify answers "expired" rather than "unknown".
    const qint64 now = m_clock.nowMs();
    m_challenges.removeIf([now](const auto& it) { return it.value().expiresAtMs + hourMs <= now; });
    m_grants.removeIf([now](const auto& it) { return it.value().expiresAtMs <= now; });
    const qint64 windowStart = now - AuthPolicy::stepUpStartWindowSeconds * 1000;
    for (auto it = m_startsBySession.begin(); it != m_startsBySession.end();) {
        it->removeIf([windowStart](qint64 at) { return at <= windowStart; });
        it = it->isEmpty() ? m_startsBySession.erase(it) : std::next(it);
    }
}

} // namespace mockd
