#include "tvsignin/DeviceGrantRoutes.h"

#include "admin/AdminGuard.h"
#include "auth/DeviceInfoReader.h"
#include "auth/SessionIssuer.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "base/Ids.h"
#include "base/TimeFormat.h"
#include "http/FieldReader.h"
#include "http/Router.h"
#include "log/LogCategories.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/SupportCodes.h"
#include "tvsignin/OAuthError.h"
#include "tvsignin/TvSignInPolicy.h"

#include <QHostAddress>
#include <QJsonDocument>

namespace mockd {

namespace {

template <typename T>
T pick(const T& given, const T& fallback)
{
    return given.isEmpty() ? fallback : given;
}

QJsonObject describe(const Device& d)
{
    QJsonObject out{{QStringLiteral("name"), pick(d.name, QStringLiteral("Unnamed device"))},
                    {QStringLiteral("type"), pick(d.type, QStringLiteral("tv"))}};
    const std::pair<const char*, QString> optional[] = {
        {"os", d.os}, {"os_version", d.osVersion}, {"app", d.app}, {"app_version", d.appVersion}};
    for (const auto& [key, value] : optional) {
        if (!value.isEmpty())
            out.insert(QLatin1StringView(key), value);
    }
    return out;
}

} // namespace

DeviceGrantRoutes::DeviceGrantRoutes(
    Store& store, const Clock& clock, SessionIssuer& issuer, const AdminGuard& admin, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_issuer(issuer), m_admin(admin)
{}

DeviceGrantRoutes::~DeviceGrantRoutes() = default;

void DeviceGrantRoutes::registerRoutes(Router& router)
{
    router.add("POST",
               QStringLiteral("/v1/auth/device"),
               {Access::publicRoute(), true},
               [this](const RequestContext& c) { request(c); });
    router.add("POST",
               QStringLiteral("/v1/auth/device/token"),
               {Access::publicRoute(), true},
               [this](const RequestContext& c) { poll(c); });
}

QString DeviceGrantRoutes::requestAddress(const RequestContext& context) const
{
    const QByteArray simulated = context.request.header("x-simulated-address");
    if (!simulated.isEmpty() && m_admin.isEnabled() && !m_admin.authorize(context.request)) {
        const QHostAddress address(QString::fromLatin1(simulated).trimmed());
        if (!address.isNull())
            return address.toString();
    }
    return context.request.peerText();
}

void DeviceGrantRoutes::request(const RequestContext& context)
{
    FieldReader body(context.body);
    (void)body.string(QStringLiteral("client_id"), {.required = false, .maxLength = 64});
    FieldReader deviceInfo = body.object(QStringLiteral("device"), false);
    const Device description = readDeviceInfo(deviceInfo);
    if (!body.ok())
        return context.fail(*body.error());

    const qint64 now = m_clock.nowMs();
    const QString ip = requestAddress(context);
    // From the count to the insert, one instance at a time: instances counting at once would each
    // let a client past its cap (and could draw the same user code).
    Transaction transaction(m_store.database(), Database::Lock::DeviceCodes);
    if (!transaction.isActive())
        return context.fail(ApiError::internal());
    if (auto purged = m_store.deviceGrants().purgeExpiredBefore(now - TvSignInPolicy::keepExpiredSeconds * 1000);
        !purged)
        qCWarning(lcStore) << "cannot forget expired device codes:" << purged.error();
    if (m_store.deviceGrants().countWaiting(ip, now) >= TvSignInPolicy::maxWaitingPerAddress ||
        m_store.deviceGrants().countWaiting(QString(), now) >= TvSignInPolicy::maxWaiting) {
        (void)transaction.commit(); // the purge
        return context.fail(ApiError::tooManyAttempts(60));
    }

    const QString deviceCode = Tokens::generate(Tokens::Kind::DeviceGrant);
    QString userCode;
    // Two waiting TVs must never show the same code: draw again on the (rare) collision.
    for (int draw = 0; draw < 8 && userCode.isEmpty(); ++draw) {
        const QString candidate = SupportCodes::generate();
        const auto taken = m_store.deviceGrants().byUserCodeHash(SupportCodes::hash(candidate));
        if (!taken || taken->expiresAtMs <= now)
            userCode = candidate;
    }
    if (userCode.isEmpty())
        return context.fail(ApiError::internal());

    DeviceGrant grant;
    grant.id = Ids::generate(u"dva");
    grant.deviceCodeHash = Tokens::hash(deviceCode);
    grant.userCodeHash = SupportCodes::hash(userCode);
    grant.createdAtMs = now;
    grant.expiresAtMs = now + TvSignInPolicy::codeSeconds * 1000;
    grant.intervalSeconds = TvSignInPolicy::intervalSeconds;
    grant.ip = ip;
    grant.device = describe(description);
    grant.state = QStringLiteral("pending");
    if (auto ok = m_store.deviceGrants().insert(grant); !ok || !transaction.commit()) {
        qCCritical(lcStore) << "cannot store a device code";
        return context.fail(ApiError::internal());
    }
    context.respond(HttpResponse::json(QJsonObject{{QStringLiteral("device_code"), deviceCode},
                                                   {QStringLiteral("user_code"), SupportCodes::display(userCode)},
                                                   {QStringLiteral("verification_uri"), verificationUri},
                                                   {QStringLiteral("interval"), grant.intervalSeconds},
                                                   {QStringLiteral("expires_in"), TvSignInPolicy::codeSeconds}}));
}

void DeviceGrantRoutes::poll(const RequestContext& context)
{
    const QJsonValue type = context.body.value(QStringLiteral("grant_type"));
    const QJsonValue code = context.body.value(QStringLiteral("device_code"));
    if (type.isUndefined() || type.isNull())
        return context.fail(OAuthError::invalidRequest(QStringLiteral("grant_type is required.")));
    if (type.toString() != grantType)
        return context.fail(OAuthError::unsupportedGrantType());
    if (!code.isString() || code.toString().isEmpty() || code.toString().size() > 128)
        return context.fail(OAuthError::invalidRequest(QStringLiteral("device_code is required.")));
    const QString deviceCode = code.toString();
    if (!Tokens::hasShape(Tokens::Kind::DeviceGrant, deviceCode))
        return context.fail(OAuthError::invalidGrant());
    const QByteArray hash = Tokens::hash(deviceCode);
    auto found = m_store.deviceGrants().byDeviceCodeHash(hash);
    if (!found || !Tokens::sameHash(found->deviceCodeHash, hash))
        return context.fail(OAuthError::invalidGrant());
    DeviceGrant grant = *found;
    if (grant.state == QLatin1String("delivered"))
        return context.fail(OAuthError::invalidGrant());

    const qint64 now = m_clock.nowMs();
    if (now >= grant.expiresAtMs)
        return context.fail(OAuthError::expiredToken());
    const bool tooSoon = grant.lastPollAtMs > 0 && now - grant.lastPollAtMs < qint64(grant.intervalSeconds) * 1000;
    if (tooSoon)
        grant.intervalSeconds += TvSignInPolicy::slowDownStepSeconds;
    // An approved code's poll is recorded by the change that delivers it, in one statement: a poll
    // racing it (through another instance) sees either both or neither, so it gets invalid_grant
    // rather than slow_down.
    if (!tooSoon && grant.state == QLatin1String("approved"))
        return deliver(context, grant, now);
    if (auto ok = m_store.deviceGrants().recordPoll(grant.id, now, grant.intervalSeconds); !ok) {
        qCCritical(lcStore) << "cannot record a device code poll:" << ok.error();
        return context.fail(ApiError::internal());
    }
    if (tooSoon)
        return context.fail(OAuthError::slowDown(grant.intervalSeconds));
    if (grant.state == QLatin1String("pending"))
        return context.fail(OAuthError::authorizationPending(grant.intervalSeconds));
    return context.fail(OAuthError::accessDenied());
}

void DeviceGrantRoutes::deliver(const RequestContext& context, const DeviceGrant& grant, qint64 nowMs)
{
    // Two polls at once (through two instances, or a TV that retried) both read "approved": the
    // conditional change lets exactly one through; the pair it makes is stored in the same
    // transaction, so a failure leaves the grant approved for the next poll.
    Transaction transaction(m_store.database());
    const auto won = m_store.deviceGrants().markDelivered(grant.id, nowMs);
    if (!won) {
        qCCritical(lcStore) << "cannot mark a device code delivered:" << won.error();
        return context.fail(ApiError::internal());
    }
    if (!*won)
        return context.fail(OAuthError::invalidGrant());
    // The session was opened by whichever instance took the approval: read it as it is now.
    if (auto read = m_store.sessions().reload(grant.sessionId); !read)
        qCWarning(lcStore) << "cannot read the approved session:" << read.error();
    const Account* account = m_store.accounts().byId(grant.accountId);
    const Session* session = m_store.sessions().session(grant.sessionId);
    if (!account || !session || session->isRevoked()) { // reset or signed out since
        if (!transaction.commit())
            return context.fail(ApiError::internal());
        return context.fail(OAuthError::expiredToken());
    }
    const auto tokens = m_issuer.firstPair(*session);
    if (!tokens)
        return context.fail(tokens.error());
    if (!transaction.commit()) {
        qCCritical(lcStore) << "cannot commit a TV's tokens; reloading the store";
        (void)m_store.reload();
        return context.fail(ApiError::internal());
    }
    QJsonObject pair = QJsonDocument::fromJson(SessionIssuer::tokenPairJson(*tokens, *account)).object();
    pair.insert(QStringLiteral("access"), grant.access);
    if (grant.guestUntilMs > 0)
        pair.insert(QStringLiteral("guest_until"), TimeFormat::toRfc3339(grant.guestUntilMs));
    context.respond(HttpResponse::json(pair));
}

} // namespace mockd
