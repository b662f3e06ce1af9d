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
    return open(account, description, requestedDeviceId, method, ip, true);
}

Expected<IssuedTokens, ApiError> SessionIssuer::signInAwaitingTokens(const Account& account,
                                                                     const Device& description,
                                                                     const QString& method,
                                                                     const QString& ip)
{
    return open(account, description, QString(), method, ip, false);
}

Expected<IssuedTokens, ApiError> SessionIssuer::open(const Account& account,
                                                     const Device& description,
                                                     const QString& requestedDeviceId,
                                                     const QString& method,
                                                     const QString& ip,
                                                     bool withTokens)
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

    Session session;
    session.id = Ids::generate(u"ses");
    session.accountId = account.id;
    session.deviceId = device.id;
    session.issuedAtMs = now;
    session.expiresAtMs = refreshExpiryMs(account.role, now, now);
    session.authMethod = method;
    session.ip = ip;
    session.lastSeenAtMs = now;
    std::optional<Pair> pair;
    if (withTokens)
        pair = makePair(session, now);
    IssuedTokens issued = pair ? pair->issued : IssuedTokens{};
    issued.sessionId = session.id;
    issued.deviceId = device.id;

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
    if (auto ok = pair ? m_store.sessions().create(session, pair->access, pair->refresh)
                       : m_store.sessions().createAwaitingTokens(session);
        !ok)
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

SessionIssuer::Pair SessionIssuer::makePair(const Session& session, qint64 nowMs) const
{
    Pair pair;
    IssuedTokens& issued = pair.issued;
    issued.accessToken = Tokens::generate(Tokens::Kind::Access);
    issued.refreshToken = Tokens::generate(Tokens::Kind::Refresh);
    issued.sessionId = session.id;
    issued.deviceId = session.deviceId;
    const Account* account = m_store.accounts().byId(session.accountId);
    issued.refreshExpiresAtMs = refreshExpiryMs(account ? account->role : Role::Holder, nowMs, session.issuedAtMs);
    issued.refreshExpiresIn = qMax<qint64>(0, (issued.refreshExpiresAtMs - nowMs) / 1000);
    pair.access = {Tokens::hash(issued.accessToken), session.id, nowMs, nowMs + AuthPolicy::accessTokenSeconds * 1000};
    pair.refresh = {Tokens::hash(issued.refreshToken), session.id, nowMs, issued.refreshExpiresAtMs, 0};
    return pair;
}

Expected<IssuedTokens, ApiError> SessionIssuer::firstPair(const Session& session)
{
    const Pair pair = makePair(session, m_clock.nowMs());
    if (auto ok = m_store.sessions().addFirstPair(pair.access, pair.refresh); !ok) {
        qCCritical(lcAuth) << "cannot store a first token pair:" << ok.error();
        return unexpected(ApiError::internal());
    }
    return pair.issued;
}

Expected<IssuedTokens, ApiError> SessionIssuer::rotate(const RefreshToken& used, const Session& session)
{
    const qint64 now = m_clock.nowMs();
    const Pair pair = makePair(session, now);
    if (auto ok = m_store.sessions().rotate(used.hash, now, pair.access, pair.refresh); !ok)
        return unexpected(ApiError::internal());
    return pair.issued;
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
