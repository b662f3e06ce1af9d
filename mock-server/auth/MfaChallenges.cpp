#include "auth/MfaChallenges.h"

#include "auth/AuthPolicy.h"
#include "auth/Tokens.h"
#include "base/Clock.h"

namespace mockd {

MfaChallenges::MfaChallenges(const Clock& clock) : m_clock(clock) {}

QString MfaChallenges::create(MfaChallenge challenge)
{
    dropExpired();
    QString token = Tokens::generate(Tokens::Kind::Mfa);
    challenge.tokenHash = Tokens::hash(token);
    challenge.expiresAtMs = m_clock.nowMs() + AuthPolicy::mfaChallengeSeconds * 1000;
    m_challenges.insert(challenge.tokenHash, challenge);
    return token;
}

MfaChallenge* MfaChallenges::find(QStringView token)
{
    if (!Tokens::hasShape(Tokens::Kind::Mfa, token))
        return nullptr;
    const QByteArray hash = Tokens::hash(token);
    auto it = m_challenges.find(hash);
    if (it == m_challenges.end())
        return nullptr;
    if (it->expiresAtMs <= m_clock.nowMs() || !Tokens::sameHash(it->tokenHash, hash)) {
        m_challenges.erase(it);
        return nullptr;
    }
    return &it.value();
}

void MfaChallenges::remove(const QByteArray& tokenHash)
{
    m_challenges.remove(tokenHash);
}

void MfaChallenges::dropExpired()
{
    const qint64 now = m_clock.nowMs();
    m_challenges.removeIf([now](const auto& it) { return it.value().expiresAtMs <= now; });
}

} // namespace mockd
