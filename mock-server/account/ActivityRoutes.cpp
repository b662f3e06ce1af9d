#include "account/ActivityRoutes.h"

#include "account/ActivityEntryWriter.h"
#include "base/TimeFormat.h"
#include "http/JsonWriter.h"
#include "http/Router.h"
#include "store/Store.h"

#include <QUrlQuery>
#include <limits>
#include <optional>

namespace mockd {

namespace {

constexpr int scanBatch = 200;

// Opaque to clients: base64url of "<ms>:<audit id>", like the device history.
QString encodeCursor(qint64 ms, qint64 id)
{
    return QString::fromLatin1(QByteArray(QByteArray::number(ms) + ':' + QByteArray::number(id))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, qint64>> decodeCursor(const QString& cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 2)
        return std::nullopt;
    bool msOk = false;
    bool idOk = false;
    const qint64 ms = parts.at(0).toLongLong(&msOk);
    const qint64 id = parts.at(1).toLongLong(&idOk);
    if (!msOk || !idOk || id <= 0)
        return std::nullopt;
    return std::make_pair(ms, id);
}

struct Filter
{
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max();
    QStringList types;
    QString deviceId;
    int limit = ActivityRoutes::defaultLimit;
    qint64 beforeAtMs = 0;
    qint64 beforeId = 0;
};

ApiError invalid(const char* field, const QString& message)
{
    return ApiError::invalidField(QLatin1String(field), message);
}

std::optional<qint64> readTime(const QUrlQuery& query, const char* name, ApiError* error)
{
    const QString value = query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    const auto ms = TimeFormat::parseRfc3339(value);
    if (!ms)
        *error = invalid(name, QStringLiteral("%1 must be an RFC 3339 time with a zone.").arg(QLatin1String(name)));
    return ms;
}

std::optional<Filter> readFilter(const QUrlQuery& query, const Store& store, const QString& accountId, ApiError* error)
{
    Filter filter;
    if (query.hasQueryItem(QStringLiteral("from"))) {
        const auto from = readTime(query, "from", error);
        if (!from)
            return std::nullopt;
        filter.fromMs = *from;
    }
    if (query.hasQueryItem(QStringLiteral("to"))) {
        const auto to = readTime(query, "to", error);
        if (!to)
            return std::nullopt;
        filter.toMs = *to;
    }
    if (filter.fromMs > filter.toMs) {
        *error = invalid("to", QStringLiteral("to must not be before from."));
        return std::nullopt;
    }
    const QStringList given = query.allQueryItemValues(QStringLiteral("type"), QUrl::FullyDecoded);
    for (const QString& item : given) {
        const QStringList parts = item.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            const QString type = part.trimmed();
            if (!ActivityEntryWriter::types().contains(type)) {
                *error = invalid(
                    "type", QStringLiteral("type must be one of: ") + ActivityEntryWriter::types().join(u", ") + u'.');
                return std::nullopt;
            }
            filter.types.append(type);
        }
    }
    if (query.hasQueryItem(QStringLiteral("device"))) {
        filter.deviceId = query.queryItemValue(QStringLiteral("device"), QUrl::FullyDecoded);
        // Another account's device answers exactly like one that does not exist.
        if (!store.devices().byIdForAccount(filter.deviceId, accountId)) {
            *error = invalid("device", QStringLiteral("device is not one of this account's devices."));
            return std::nullopt;
        }
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > ActivityRoutes::maxLimit) {
            *error =
                invalid("limit", QStringLiteral("limit must be a number from 1 to %1.").arg(ActivityRoutes::maxLimit));
            return std::nullopt;
        }
    }
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        const auto cursor = decodeCursor(query.queryItemValue(QStringLiteral("cursor")));
        if (!cursor) {
            *error = invalid("cursor", QStringLiteral("cursor is not valid."));
            return std::nullopt;
        }
        filter.beforeAtMs = cursor->first;
        filter.beforeId = cursor->second;
    }
    return filter;
}

} // namespace

ActivityRoutes::ActivityRoutes(const Store& store, const DeviceService& devices, QObject* parent)
    : QObject(parent), m_store(store), m_devices(devices)
{}

ActivityRoutes::~ActivityRoutes() = default;

void ActivityRoutes::registerRoutes(Router& router)
{
    router.add("GET",
               QStringLiteral("/v1/activity"),
               {Access::roles({Role::Holder, Role::Support}), false},
               [this](const RequestContext& c) { list(c); });
}

void ActivityRoutes::list(const RequestContext& context)
{
    const QString accountId = context.principal->accountId;
    ApiError error;
    const auto filter = readFilter(context.request.queryItems(), m_store, accountId, &error);
    if (!filter)
        return context.fail(error);

    // Rows that are hidden or filtered out are skipped in batches, so a page is always full when
    // there is more to show; the cursor is the last entry shown.
    QList<std::pair<AuditEntry, QString>> shown;
    bool more = false;
    qint64 beforeAt = filter->beforeAtMs;
    qint64 beforeId = filter->beforeId;
    while (!more) {
        const auto rows = m_store.audit().page(accountId, filter->fromMs, filter->toMs, beforeAt, beforeId, scanBatch);
        for (const AuditEntry& row : rows) {
            const QString type = ActivityEntryWriter::typeOf(row);
            if (type.isEmpty() || (!filter->types.isEmpty() && !filter->types.contains(type)) ||
                (!filter->deviceId.isEmpty() && !ActivityEntryWriter::concerns(row, filter->deviceId)))
                continue;
            if (shown.size() == filter->limit) {
                more = true;
                break;
            }
            shown.append({row, type});
        }
        if (rows.size() < scanBatch)
            break;
        beforeAt = rows.constLast().atMs;
        beforeId = rows.constLast().id;
    }

    const ActivityEntryWriter writer(m_store, m_devices);
    JsonWriter json;
    json.beginObject().key(QLatin1StringView("entries")).beginArray();
    for (const auto& [entry, type] : std::as_const(shown))
        writer.write(json, entry, type);
    json.endArray().key(QLatin1StringView("next_cursor"));
    if (more)
        json.value(encodeCursor(shown.constLast().first.atMs, shown.constLast().first.id));
    else
        json.null();
    json.endObject();
    context.respond(HttpResponse::jsonBody(json.take()));
}

} // namespace mockd
