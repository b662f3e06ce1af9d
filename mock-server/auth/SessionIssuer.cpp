#include "auth/SessionIssuer.h"

#include "auth/AuthPolicy.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "base/Ids.h"
#include "base/TimeFormat.h"
#include "http/JsonWriter.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/SupportPolicy.h"

namespace mockd {

namespace {

template <typename T>
T pick(const T& given, const T& fallback)
{
    return given.isEmpty() ? fallback : given;
}

} // namespace

SessionIssuer::SessionIssuer(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

Expected<IssuedTokens, ApiError> SessionIssuer::signIn(const Account& account,
                                                       const Device& description,
                                                       const QString& requestedDeviceId,
                                                       const QString& method,
                                                       const QString& ip)
{
    const qint64 now = m_clock.nowMs();
    Device device;
    const Device* known =
        requestedDeviceId.isEmpty() ? nullptr : m_store.devices().byIdForAccount(requestedDeviceId, account.id);
    if (!known)
        known = m_store.devices().findSame(account.id, description);
    if (known) {
        device = *known;
    } else {
        device.id = Ids::generate(u"dev");
        device.accountId = account.id;
        device.firstSignInMs = now;
    }
    device.name = pick(description.name, pick(device.name, QStringLiteral("Unnamed device")));
    device.type = pick(description.type, pick(device.type, QStringLiteral("computer")));
    device.os = pick(description.os, device.os);
    device.osVersion = pick(description.osVersion, device.osVersion);
    device.app = pick(description.app, device.app);
    device.appVersion = pick(description.appVersion, device.appVersion);
    if (device.ip != ip) {
        // The location belonged to the old address; the GeoIP lookup fills it in again.
        device.city.clear();
        device.region.clear();
        device.country.clear();
        device.countryCode.clear();
        device.latitude.reset();
        device.longitude.reset();
    }
    device.ip = ip;
    device.lastActiveMs = now;
    device.status = QStringLiteral("idle");
    device.statusTitle.clear();

    IssuedTokens issued;
    issued.accessToken = Tokens::generate(Tokens::Kind::Access);
    issued.refreshToken = Tokens::generate(Tokens::Kind::Refresh);
    issued.sessionId = Ids::generate(u"ses");
    issued.deviceId = device.id;
    issued.refreshExpiresAtMs = refreshExpiryMs(account.role, now, now);
    issued.refreshExpiresIn = (issued.refreshExpiresAtMs - now) / 1000;

    Session session;
    session.id = issued.sessionId;
    session.accountId = account.id;
    session.deviceId = device.id;
    session.issuedAtMs = now;
    session.expiresAtMs = issued.refreshExpiresAtMs;
    session.authMethod = method;
    session.ip = ip;
    session.lastSeenAtMs = now;
    const AccessToken access{
        Tokens::hash(issued.accessToken), session.id, now, now + AuthPolicy::accessTokenSeconds * 1000};
    const RefreshToken refresh{Tokens::hash(issued.refreshToken), session.id, now, session.expiresAtMs, 0};

    AuditEntry entry;
    entry.accountId = account.id;
    entry.deviceId = device.id;
    entry.atMs = now;
    entry.type = QStringLiteral("sign_in");
    entry.actor = roleName(account.role);
    entry.ip = ip;
    entry.details = QJsonObject{{QStringLiteral("method"), method},
                                {QStringLiteral("result"), QStringLiteral("success")},
                                {QStringLiteral("session_id"), session.id},
                                {QStringLiteral("device_name"), device.name}};

    Transaction transaction(m_store.database());
    if (auto ok = m_store.devices().save(device); !ok)
        return unexpected(ApiError::internal());
    if (auto ok = m_store.sessions().create(session, access, refresh); !ok)
        return unexpected(ApiError::internal());
    if (auto ok = m_store.audit().append(entry); !ok)
        return unexpected(ApiError::internal());
    if (!transaction.commit()) {
        qCCritical(lcAuth) << "cannot commit a sign-in; reloading the store";
        (void)m_store.reload();
        return unexpected(ApiError::internal());
    }
    if (m_signedIn)
        m_signedIn(account.id, device.id);
    return issued;
}

Expected<IssuedTokens, ApiError> SessionIssuer::rotate(const RefreshToken& used, const Session& session)
{
    const qint64 now = m_clock.nowMs();
    IssuedTokens issued;
    issued.accessToken = Tokens::generate(Tokens::Kind::Access);
    issued.refreshToken = Tokens::generate(Tokens::Kind::Refresh);
    issued.sessionId = session.id;
    issued.deviceId = session.deviceId;
    const Account* account = m_store.accounts().byId(session.accountId);
    const qint64 refreshExpiry = refreshExpiryMs(account ? account->role : Role::Holder, now, session.issuedAtMs);
    issued.refreshExpiresAtMs = refreshExpiry;
    issued.refreshExpiresIn = qMax<qint64>(0, (refreshExpiry - now) / 1000);
    const AccessToken access{
        Tokens::hash(issued.accessToken), session.id, now, now + AuthPolicy::accessTokenSeconds * 1000};
    const RefreshToken refresh{Tokens::hash(issued.refreshToken), session.id, now, refreshExpiry, 0};
    if (auto ok = m_store.sessions().rotate(used.hash, now, access, refresh); !ok)
        return unexpected(ApiError::internal());
    return issued;
}

qint64 SessionIssuer::refreshExpiryMs(Role role, qint64 nowMs, qint64 signedInAtMs)
{
    if (role != Role::Support)
        return signedInAtMs + AuthPolicy::refreshTokenSeconds * 1000;
    return qMin(nowMs + SupportPolicy::refreshIdleSeconds * 1000,
                signedInAtMs + SupportPolicy::refreshAbsoluteSeconds * 1000);
}

QByteArray SessionIssuer::tokenPairJson(const IssuedTokens& tokens, const Account& account)
{
    JsonWriter json;
    json.beginObject()
        .field(QLatin1StringView("access_token"), tokens.accessToken)
        .field(QLatin1StringView("refresh_token"), tokens.refreshToken)
        .field(QLatin1StringView("token_type"), "Bearer")
        .field(QLatin1StringView("expires_in"), AuthPolicy::accessTokenSeconds)
        .field(QLatin1StringView("refresh_expires_in"), tokens.refreshExpiresIn)
        .field(QLatin1StringView("refresh_expires_at"), TimeFormat::toRfc3339(tokens.refreshExpiresAtMs))
        .field(QLatin1StringView("session_id"), tokens.sessionId)
        .field(QLatin1StringView("device_id"), tokens.deviceId);
    if (!tokens.deviceCookie.isEmpty())
        json.field(QLatin1StringView("device_cookie"), tokens.deviceCookie);
    json.key(QLatin1StringView("account"));
    writeAccount(json, account);
    json.endObject();
    return json.take();
}

void SessionIssuer::writeAccount(JsonWriter& json, const Account& account)
{
    json.beginObject()
        .field(QLatin1StringView("id"), account.id)
        .field(QLatin1StringView("email"), account.email)
        .field(QLatin1StringView("display_name"), account.displayName)
        .field(QLatin1StringView("role"), roleName(account.role))
        .key(QLatin1StringView("two_step"))
        .beginObject()
        .field(QLatin1StringView("totp"), account.hasTotp())
        .field(QLatin1StringView("sms"), account.smsTwoStep && account.phoneVerified)
        .field(QLatin1StringView("email"), false)
        .endObject()
        .endObject();
}

} // namespace mockd
