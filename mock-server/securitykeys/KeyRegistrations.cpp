#include "securitykeys/KeyRegistrations.h"

#include "base/Clock.h"
#include "base/Ids.h"
#include "securitykeys/SecurityKeyPolicy.h"

namespace mockd {

KeyRegistrations::KeyRegistrations(const Clock& clock) : m_clock(clock) {}

void KeyRegistrations::dropExpired()
{
    const qint64 now = m_clock.nowMs();
    m_registrations.removeIf([now](const auto& it) { return it.value().expiresAtMs <= now; });
}

QString KeyRegistrations::start(const QString& accountId, const QString& sessionId, const QString& challenge)
{
    dropExpired();
    for (;;) {
        auto oldest = m_registrations.end();
        int count = 0;
        for (auto it = m_registrations.begin(); it != m_registrations.end(); ++it) {
            if (it->sessionId != sessionId)
                continue;
            ++count;
            if (oldest == m_registrations.end() || it->sequence < oldest->sequence)
                oldest = it;
        }
        if (count < SecurityKeyPolicy::registrationsPerSession)
            break;
        m_registrations.erase(oldest);
    }
    if (m_registrations.size() >= SecurityKeyPolicy::maxRegistrations)
        return {};
    QString id = Ids::generate(u"skr");
    m_registrations.insert(id,
                           {accountId,
                            sessionId,
                            challenge,
                            m_clock.nowMs() + SecurityKeyPolicy::registrationSeconds * 1000,
                            ++m_nextSequence});
    return id;
}

std::optional<KeyRegistration> KeyRegistrations::take(const QString& id, const QString& sessionId)
{
    const auto it = m_registrations.constFind(id);
    if (it == m_registrations.cend() || it->sessionId != sessionId)
        return std::nullopt;
    KeyRegistration registration = *it; // a copy: the entry goes next
    m_registrations.erase(it);
    if (registration.expiresAtMs <= m_clock.nowMs())
        return std::nullopt;
    return registration;
}

} // namespace mockd
