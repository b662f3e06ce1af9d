#pragma once

#include "auth/OutboxTexts.h"
#include "http/ApiError.h"

#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>

namespace mockd {

class Clock;
class Store;
class YoungSessions;
struct Account;
struct Principal;
struct RequestContext;
struct StepUpChallenge;

// The step-up purpose shorten_wait: an email code that shortens the caller's new-session wait
// instead of earning a step-up token (YoungSessions::shortenRefusal says when it may). StepUpRoutes
// runs the challenge; this says whether one may start, what its email says and what a verified one
// does.
class WaitShortening final
{
public:
    using Audit = std::function<void(const QString& type, const QJsonObject& details)>;
    using ShortenedHandler = std::function<void(const QString& accountId, const QString& deviceId)>;

    WaitShortening(Store& store, const Clock& clock);

    // "shorten_wait"
    static const QString& purpose();

    // Without it, every shortening is refused as a method that is not set up.
    void setYoungSessions(YoungSessions* young) { m_young = young; }
    // Runs after a session's wait was shortened (the device list shows the new end).
    void setShortenedHandler(ShortenedHandler handler) { m_shortened = std::move(handler); }

    // Why the caller may not start a shorten_wait challenge with `method`, or nothing when it may.
    std::optional<ApiError> startRefusal(const QString& method, const Principal& caller, const Account& account) const;
    // The email that carries the challenge's code.
    OutboxTexts::Text emailText(const StepUpChallenge& challenge, const QString& code, qint64 sentAtMs) const;
    // Answers a verified (and already spent) challenge: shortens the caller's wait.
    void finish(const RequestContext& context, const Audit& audit);

private:
    Store& m_store;
    const Clock& m_clock;
    YoungSessions* m_young = nullptr;
    ShortenedHandler m_shortened;
};

} // namespace mockd
