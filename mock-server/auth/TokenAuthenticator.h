#pragma once

#include "http/Authenticator.h"

#include <functional>

namespace mockd {

class Clock;
class Store;
class YoungSessions;

// Checks "Authorization: Bearer vat_…" against the in-memory session index (no hashing beyond one
// SHA-256, no database read). Distinct answers so clients know what to do: `token_missing`,
// `token_invalid`, `session_revoked` (sign in again; also when the account's not_before cutoff is
// after the session's start), `token_expired` (refresh, then retry).
class TokenAuthenticator final : public Authenticator
{
public:
    TokenAuthenticator(Store& store, const Clock& clock);

    Expected<Principal, ApiError> authenticate(const HttpRequest& request) override;
    std::optional<ApiError> sessionEnded(const QString& sessionId) const override;

    static ApiError tokenMissing();
    static ApiError tokenInvalid();
    static ApiError tokenExpired();
    static ApiError sessionRevoked();
    static ApiError sessionExpired();

    // Called with the session id whenever a revoked session's token is presented (pending sign-outs
    // become done).
    void setRevokedSeenHandler(std::function<void(const QString&)> handler) { m_revokedSeen = std::move(handler); }
    // Fills Principal::newUntilMs, which the guarded routes read.
    void setYoungSessions(const YoungSessions* young) { m_young = young; }

private:
    Store& m_store;
    const Clock& m_clock;
    std::function<void(const QString&)> m_revokedSeen;
    const YoungSessions* m_young = nullptr;
};

} // namespace mockd
