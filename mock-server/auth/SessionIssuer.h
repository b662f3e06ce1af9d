#pragma once

#include "base/Expected.h"
#include "http/ApiError.h"
#include "store/Records.h"

#include <QJsonObject>
#include <functional>

namespace mockd {

class Clock;
class JsonWriter;
class Store;

// What a client gets after signing in or refreshing. The tokens exist in clear only here, on
// their way into the response.
struct IssuedTokens
{
    QString accessToken;
    QString refreshToken;
    QString sessionId;
    QString deviceId;
    qint64 refreshExpiresIn = 0; // seconds
    qint64 refreshExpiresAtMs = 0;
    QString deviceCookie; // sign-ins only (DeviceCookies)
};

// Creates sessions (with their device) and rotates token pairs; shared by password sign-in,
// second-factor sign-in and refresh.
class SessionIssuer final
{
public:
    SessionIssuer(Store& store, const Clock& clock);

    // Records the device (a known one when `requestedDeviceId` or the description matches one of
    // the account's devices, else a new one), opens a session on it and audits the sign-in.
    Expected<IssuedTokens, ApiError> signIn(const Account& account,
                                            const Device& description,
                                            const QString& requestedDeviceId,
                                            const QString& method,
                                            const QString& ip);
    // As signIn, but the session has no token pair yet (the returned tokens are empty): a TV's,
    // approved by its holder; the TV's poll collects the pair through firstPair.
    Expected<IssuedTokens, ApiError>
    signInAwaitingTokens(const Account& account, const Device& description, const QString& method, const QString& ip);
    // The first pair of a session opened by signInAwaitingTokens.
    Expected<IssuedTokens, ApiError> firstPair(const Session& session);
    // Marks `used` rotated and issues the next pair for the same session.
    Expected<IssuedTokens, ApiError> rotate(const RefreshToken& used, const Session& session);

    // Told after each stored sign-in (the device list and event stream follow).
    using SignedIn = std::function<void(const QString& accountId, const QString& deviceId)>;
    void setSignedInHandler(SignedIn handler) { m_signedIn = std::move(handler); }

    static QByteArray tokenPairJson(const IssuedTokens& tokens, const Account& account);
    // When a refresh token issued now expires: 30 days after the sign-in for holders, however often
    // the family rotated; for support, 30 minutes idle and never past 8 hours after the sign-in
    // (SupportPolicy).
    static qint64 refreshExpiryMs(Role role, qint64 nowMs, qint64 signedInAtMs);
    // The `Account` object of the contract.
    static void writeAccount(JsonWriter& writer, const Account& account);

private:
    struct Pair
    {
        IssuedTokens issued;
        AccessToken access;
        RefreshToken refresh;
    };
    // A new pair for `session` (not stored): its refresh token expires as the session's family does.
    Pair makePair(const Session& session, qint64 nowMs) const;
    Expected<IssuedTokens, ApiError> open(const Account& account,
                                          const Device& description,
                                          const QString& requestedDeviceId,
                                          const QString& method,
                                          const QString& ip,
                                          bool withTokens);

    Store& m_store;
    const Clock& m_clock;
    SignedIn m_signedIn;
};

} // namespace mockd
