#pragma once

#include "base/Expected.h"
#include "http/ApiError.h"

#include <QString>
#include <optional>

namespace mockd {

class Clock;
class Store;
struct Account;
struct Device;
struct Principal;
struct Session;

// The young-session guard: a holder session is new until `window` has passed since its sign-in
// (by the service clock) or until it is confirmed from an established session. A new session may
// read and sign itself out, nothing that could lock the owner out (routes ask refusal()). The state
// lives in the store's session trust rows, so it survives a restart.
class YoungSessions final
{
public:
    YoungSessions(Store& store, const Clock& clock, qint64 windowMs);

    qint64 windowMs() const { return m_windowMs; }
    // When the session stops being new; 0 when it is established now.
    qint64 newUntilMs(const Session& session) const;
    // The latest end among the device's new live sessions; 0 when every live one is established.
    qint64 deviceNewUntilMs(const Device& device) const;

    // Makes every live session of the device established (confirmed by `by`: a device id, or
    // "system"). False when the device has no live session.
    Expected<bool, QString> confirmDevice(const Device& device, const QString& by);
    // Moves the sign-in the guard reads of every live session of the device `ms` back. False when
    // the device has no live session.
    Expected<bool, QString> ageDevice(const Device& device, qint64 ms);

    // 403 guest_session for a guest, 403 session_too_new when the caller's session is new; nothing
    // otherwise (and for support).
    // Says shorten_by_email when Principal::mayShortenWait.
    static std::optional<ApiError> refusal(const Principal& caller);

    // Recovery when every device is new: an email code may cut the caller's wait to shortenedMs.
    // Why not (403 established_session_exists, 409 wait_already_short, 422 without a verified
    // email), or nothing when it may. `caller` must be a holder session.
    std::optional<ApiError> shortenRefusal(const Principal& caller, const Account& account) const;
    bool mayShortenWait(const Account& account, qint64 newUntilMs) const;
    // The session's wait ends at most shortenedMs from now; a sooner end is kept. Returns the end
    // (0: established).
    Expected<qint64, QString> shortenWait(const Session& session);
    static constexpr qint64 shortenedMs = 3600 * 1000;

private:
    QList<const Session*> liveSessions(const Device& device) const;
    bool isLive(const Session& session, const Account& account) const;
    bool hasEstablishedSession(const Account& account) const;

    Store& m_store;
    const Clock& m_clock;
    qint64 m_windowMs;
};

} // namespace mockd
