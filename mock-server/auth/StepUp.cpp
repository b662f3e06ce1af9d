#include "auth/StepUp.h"

#include "auth/AuthPolicy.h"
#include "auth/Tokens.h"
#include "base/Clock.h"

#include <algorithm>
#include <sodium.h>

namespace mockd {

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr int saltBytes = 16;

QByteArray saltedHash(const QByteArray& salt, QStringView code)
{
    const QString salted = QString::fromLatin1(salt.toHex()) + code;
    return Tokens::hash(salted);
}

} // namespace

StepUp::StepUp(const Clock& clock) : m_clock(clock) {}

QString StepUp::create(StepUpChallenge challenge)
{
    dropExpired();
    const QString handle = Tokens::generate(Tokens::Kind::StepUpChallenge);
    challenge.idHash = Tokens::hash(handle);
    challenge.expiresAtMs = m_clock.nowMs() + AuthPolicy::stepUpChallengeSeconds * 1000;
    m_challenges.insert(challenge.idHash, challenge);
    return handle;
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

bool StepUp::codeMatches(const StepUpChallenge& challenge, QStringView code)
{
    if (challenge.codeHash.isEmpty())
        return false;
    return Tokens::sameHash(challenge.codeHash, saltedHash(challenge.codeSalt, code));
}

qint64 StepUp::sendWait(const QString& accountId) const
{
    const qint64 now = m_clock.nowMs();
    QList<qint64> recent;
    for (const qint64 at : m_sendsByAccount.value(accountId)) {
        if (at > now - hourMs)
            recent.append(at);
    }
    if (recent.size() < AuthPolicy::stepUpMaxSendsPerHour)
        return 0;
    std::sort(recent.begin(), recent.end());
    const qint64 freeAt = recent.at(recent.size() - AuthPolicy::stepUpMaxSendsPerHour) + hourMs;
    return qMax<qint64>(1, (freeAt - now + 999) / 1000);
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
    if (to.isEmpty())
        return m_outbox;
    QList<OutboxMessage> matching;
    for (const OutboxMessage& message : m_outbox) {
        if (message.to.compare(to, Qt::CaseInsensitive) == 0)
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
    m_outbox.clear();
}

void StepUp::dropExpired()
{
    // Expired challenges stay an hour so a late verify answers "expired" rather than "unknown".
    const qint64 now = m_clock.nowMs();
    m_challenges.removeIf([now](const auto& it) { return it.value().expiresAtMs + hourMs <= now; });
    m_grants.removeIf([now](const auto& it) { return it.value().expiresAtMs <= now; });
}

} // namespace mockd
