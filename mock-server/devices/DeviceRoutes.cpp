#include "devices/DeviceRoutes.h"

#include "base/TimeFormat.h"
#include "devices/DeviceService.h"
#include "geo/GeoLocation.h"
#include "http/FieldReader.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QUrlQuery>
#include <optional>

namespace mockd {

namespace {

QLatin1StringView l1(const char* text)
{
    return QLatin1StringView(text);
}

// Keyset cursors are opaque to clients: base64url of "<ms>:<id>".
QString encodeCursor(qint64 ms, const QString& id)
{
    return QString::fromLatin1(QByteArray(QByteArray::number(ms) + ':' + id.toUtf8())
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, QString>> decodeCursor(const QString& cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray& text = *decoded;
    const qsizetype colon = text.indexOf(':');
    if (colon <= 0 || colon == text.size() - 1)
        return std::nullopt;
    bool ok = false;
    const qint64 ms = text.left(colon).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return std::make_pair(ms, QString::fromUtf8(text.mid(colon + 1)));
}

// Comma-separated values of one query parameter (repeated parameters add up); every value must be
// one of `allowed`.
std::optional<QStringList>
readList(const QUrlQuery& query, const QString& name, const QStringList& allowed, ApiError* error)
{
    QStringList values;
    const QStringList given = query.allQueryItemValues(name, QUrl::FullyDecoded);
    for (const QString& item : given) {
        const QStringList parts = item.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            const QString value = part.trimmed();
            if (!allowed.contains(value)) {
                *error = ApiError::invalidField(name,
                                                name + QStringLiteral(" must be one of: ") +
                                                    allowed.join(QStringLiteral(", ")) + QLatin1Char('.'));
                return std::nullopt;
            }
            values.append(value);
        }
    }
    return values;
}

std::optional<int> readLimit(const QUrlQuery& query, int fallback, int maximum, ApiError* error)
{
    if (!query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > maximum) {
        *error = ApiError::invalidField(QStringLiteral("limit"),
                                        QStringLiteral("limit must be a number from 1 to %1.").arg(maximum));
        return std::nullopt;
    }
    return limit;
}

bool etagMatches(const QByteArray& ifNoneMatch, const QByteArray& etag)
{
    const QList<QByteArray> candidates = ifNoneMatch.split(',');
    for (const QByteArray& candidate : candidates) {
        QByteArray tag = candidate.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag || tag == "*")
            return true;
    }
    return false;
}

QString methodOf(const AuditEntry& entry)
{
    // "password+totp" → "totp": the history names the strongest step of the sign-in.
    const QString method = entry.details.value(QStringLiteral("method")).toString();
    const QString last = method.section(QLatin1Char('+'), -1);
    static const QStringList known{QStringLiteral("password"),
                                   QStringLiteral("totp"),
                                   QStringLiteral("sms"),
                                   QStringLiteral("email"),
                                   QStringLiteral("recovery"),
                                   QStringLiteral("refresh"),
                                   QStringLiteral("device_code")};
    return known.contains(last) ? last : QStringLiteral("password");
}

} // namespace

DeviceRoutes::DeviceRoutes(const Store& store, DeviceService& devices, QObject* parent)
    : QObject(parent), m_store(store), m_devices(devices)
{}

DeviceRoutes::~DeviceRoutes() = default;

void DeviceRoutes::registerRoutes(Router& router)
{
    // The account holder only: support sees a customer's devices through /v1/support (masked).
    const Access signedIn = Access::roles({Role::Holder});
    router.add("GET", QStringLiteral("/v1/devices"), {signedIn, false}, [this](const RequestContext& c) { list(c); });
    router.add(
        "GET", QStringLiteral("/v1/devices/{id}"), {signedIn, false}, [this](const RequestContext& c) { one(c); });
    router.add("GET", QStringLiteral("/v1/devices/{id}/history"), {signedIn, false}, [this](const RequestContext& c) {
        history(c);
    });
    router.add(
        "PATCH", QStringLiteral("/v1/devices/{id}"), {signedIn, true}, [this](const RequestContext& c) { rename(c); });
    router.add("PUT", QStringLiteral("/v1/devices/current/status"), {signedIn, true}, [this](const RequestContext& c) {
        reportStatus(c);
    });
}

QString DeviceRoutes::deviceIdOf(const RequestContext& context) const
{
    const QString id = context.param(u"id");
    return id == QLatin1String("current") ? context.principal->deviceId : id;
}

void DeviceRoutes::list(const RequestContext& context)
{
    const Principal& who = *context.principal;
    // is_current differs per caller, so the caller's device is part of the key.
    const QString key = who.accountId + QLatin1Char('\n') + who.deviceId + QLatin1Char('\n') + context.request.query;
    const quint64 version = m_devices.version(who.accountId);
    auto cached = m_listCache.constFind(key);
    if (cached != m_listCache.constEnd() && cached->version == version) {
        // A device that stopped being new since is an update like any other (new version, event).
        bool changed = false;
        for (const QString& id : cached->newDevices) {
            const Device* device = m_devices.device(who.accountId, id);
            if (device && m_devices.newUntilMs(*device) == 0) {
                m_devices.notify(who.accountId, id, DeviceService::Change::Updated);
                changed = true;
            }
        }
        if (changed)
            return list(context);
    }
    if (cached == m_listCache.constEnd() || cached->version != version) {
        const QUrlQuery query = context.request.queryItems();
        ApiError error;
        const auto statuses = readList(query, QStringLiteral("status"), Device::statuses(), &error);
        const auto types = statuses ? readList(query, QStringLiteral("type"), Device::types(), &error) : std::nullopt;
        const auto limit = types ? readLimit(query, defaultListLimit, maxListLimit, &error) : std::nullopt;
        if (!limit)
            return context.fail(error);
        std::optional<std::pair<qint64, QString>> after;
        if (query.hasQueryItem(QStringLiteral("cursor"))) {
            after = decodeCursor(query.queryItemValue(QStringLiteral("cursor")));
            if (!after)
                return context.fail(
                    ApiError::invalidField(QStringLiteral("cursor"), QStringLiteral("cursor is not valid.")));
        }

        const auto filter = DeviceListing::filterOf(*statuses, *types);
        std::optional<DeviceListing::Key> from;
        if (after)
            from = DeviceListing::Key{after->first, after->second};
        const DeviceService::Page page =
            m_devices.page(who.accountId, filter.value_or(DeviceListing::Filter{}), from, *limit);
        JsonWriter json;
        json.beginObject().key(l1("devices")).beginArray();
        QStringList newDevices;
        for (const Device* device : page.devices) {
            m_devices.write(json, *device, who.deviceId);
            if (m_devices.newUntilMs(*device) > 0)
                newDevices.append(device->id);
        }
        json.endArray().key(l1("next_cursor"));
        if (page.more && !page.devices.isEmpty())
            json.value(encodeCursor(page.devices.constLast()->firstSignInMs, page.devices.constLast()->id));
        else
            json.null();
        const qint64 total = page.total;
        json.field(l1("total"), total).endObject();

        CachedList entry;
        entry.version = version;
        entry.body = json.take();
        entry.newDevices = newDevices;
        const QByteArray digest =
            QCryptographicHash::hash(QByteArray(key.toUtf8() + QByteArray::number(version)), QCryptographicHash::Sha1)
                .toHex();
        entry.etag = '"' + QByteArray::number(version, 16) + '-' + digest.left(16) + '"';
        // Bounded in entries and bytes (a walk through 100,000 devices is 100 pages of up to
        // ~600 KiB each); a miss only costs one rebuild.
        if (cached != m_listCache.constEnd())
            m_listCacheBytes -= cached->body.size();
        if (m_listCache.size() > maxCachedLists || m_listCacheBytes + entry.body.size() > maxCachedListBytes) {
            m_listCache.clear();
            m_listCacheBytes = 0;
        }
        m_listCacheBytes += entry.body.size();
        cached = m_listCache.insert(key, entry);
    }

    const QByteArray ifNoneMatch = context.request.header("if-none-match");
    HttpResponse response;
    if (!ifNoneMatch.isEmpty() && etagMatches(ifNoneMatch, cached->etag)) {
        response.status = 304;
    } else {
        response = HttpResponse::jsonBody(cached->body);
    }
    response.setHeader(QByteArrayLiteral("ETag"), cached->etag);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("private, no-cache"));
    context.respond(std::move(response));
}

void DeviceRoutes::one(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const Device* device = m_store.devices().byIdForAccount(deviceIdOf(context), who.accountId);
    if (!device)
        return context.fail(ApiError::notFound());
    context.respond(HttpResponse::jsonBody(m_devices.toJson(*device, who.deviceId)));
}

void DeviceRoutes::history(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const Device* device = m_store.devices().byIdForAccount(deviceIdOf(context), who.accountId);
    if (!device)
        return context.fail(ApiError::notFound());
    const QUrlQuery query = context.request.queryItems();
    ApiError error;
    const auto limit = readLimit(query, defaultHistoryLimit, maxHistoryLimit, &error);
    if (!limit)
        return context.fail(error);
    qint64 beforeAt = 0;
    qint64 beforeId = 0;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        const auto after = decodeCursor(query.queryItemValue(QStringLiteral("cursor")));
        bool ok = false;
        if (after)
            beforeId = after->second.toLongLong(&ok);
        if (!after || !ok || beforeId <= 0)
            return context.fail(
                ApiError::invalidField(QStringLiteral("cursor"), QStringLiteral("cursor is not valid.")));
        beforeAt = after->first;
    }
    const auto entries = m_store.audit().signInsOfDevice(who.accountId, device->id, beforeAt, beforeId, *limit + 1);
    JsonWriter json;
    json.beginObject().key(l1("entries")).beginArray();
    const int shown = int(qMin<qsizetype>(entries.size(), *limit));
    for (int i = 0; i < shown; ++i) {
        const AuditEntry& entry = entries.at(i);
        json.beginObject().field(l1("time"), TimeFormat::toRfc3339(entry.atMs));
        json.key(l1("ip"));
        if (entry.ip.isEmpty())
            json.null();
        else
            json.value(QStringView(entry.ip));
        const GeoLocation location = m_devices.locate(entry.ip);
        json.key(l1("location"));
        if (location.isKnown()) {
            json.beginObject()
                .field(l1("city"), location.city)
                .field(l1("region"), location.region)
                .field(l1("country"), location.country)
                .field(l1("country_code"), location.countryCode);
            json.key(l1("lat"));
            location.latitude ? json.value(*location.latitude) : json.null();
            json.key(l1("lon"));
            location.longitude ? json.value(*location.longitude) : json.null();
            json.endObject();
        } else {
            json.null();
        }
        json.field(l1("method"), methodOf(entry))
            .field(l1("result"),
                   entry.type == QLatin1String("sign_in") ? QStringLiteral("success") : QStringLiteral("failed"))
            .endObject();
    }
    json.endArray().key(l1("next_cursor"));
    if (entries.size() > *limit) {
        const AuditEntry& last = entries.at(shown - 1);
        json.value(encodeCursor(last.atMs, QString::number(last.id)));
    } else {
        json.null();
    }
    json.endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

void DeviceRoutes::rename(const RequestContext& context)
{
    const Principal& who = *context.principal;
    const QString id = deviceIdOf(context);
    if (!m_store.devices().byIdForAccount(id, who.accountId))
        return context.fail(ApiError::notFound());
    FieldReader body(context.body);
    const QString name = body.string(QStringLiteral("name"), {.maxLength = 64, .trim = true, .visibleOnly = true});
    if (!body.ok())
        return context.fail(*body.error());
    const auto renamed = m_devices.rename(who.accountId, id, name);
    if (!renamed)
        return context.fail(renamed.error());
    context.respond(HttpResponse::jsonBody(m_devices.toJson(**renamed, who.deviceId)));
}

void DeviceRoutes::reportStatus(const RequestContext& context)
{
    const Principal& who = *context.principal;
    FieldReader body(context.body);
    const QString status =
        body.string(QStringLiteral("status"),
                    {.oneOf = {QStringLiteral("streaming"), QStringLiteral("paused"), QStringLiteral("idle")}});
    const QString profile =
        body.string(QStringLiteral("profile"), {.required = false, .maxLength = 64, .trim = true, .visibleOnly = true});
    const QString title =
        body.string(QStringLiteral("title"), {.required = false, .maxLength = 200, .trim = true, .visibleOnly = true});
    if (!body.ok())
        return context.fail(*body.error());
    const auto reported = m_devices.reportStatus(who.accountId, who.deviceId, status, profile, title);
    if (!reported)
        return context.fail(reported.error());
    context.respond(HttpResponse::noContent());
}

} // namespace mockd
