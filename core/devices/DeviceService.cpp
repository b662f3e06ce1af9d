#include "DeviceService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DevicesLog.h"
#include "core/devices/Rfc3339.h"
#include "core/events/EventStream.h"
#include "core/util/FreedMemory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

namespace vigil {

namespace {
// From this many devices on, a load's freed JSON is worth handing back to the system.
constexpr qsizetype largeLoad = 2000;
constexpr int releaseAfterLoadMs = 1000;
} // namespace

DeviceService::HistoryEntry DeviceService::HistoryEntry::fromJson(const QJsonObject& json)
{
    HistoryEntry entry;
    const QString time = json.value(QLatin1String("time")).toString();
    entry.time = Rfc3339::parse(time);
    if (!entry.time.isValid())
        entry.time = QDateTime::fromString(time, Qt::ISODateWithMs).toUTC();
    entry.ip = json.value(QLatin1String("ip")).toString();
    const QJsonObject location = json.value(QLatin1String("location")).toObject();
    const QString city = location.value(QLatin1String("city")).toString();
    const QString country = location.value(QLatin1String("country")).toString();
    if (!city.isEmpty() && !country.isEmpty())
        entry.place = city + QStringLiteral(", ") + country;
    else if (!city.isEmpty() || !country.isEmpty())
        entry.place = city.isEmpty() ? country : city;
    else
        entry.place = tr("Unknown location");
    entry.method = json.value(QLatin1String("method")).toString();
    entry.result = json.value(QLatin1String("result")).toString(QStringLiteral("success"));
    return entry;
}

QString DeviceService::HistoryEntry::methodText(const QString& method)
{
    if (method == QLatin1String("password"))
        return tr("Password");
    if (method == QLatin1String("totp"))
        return tr("Authenticator app");
    if (method == QLatin1String("sms"))
        return tr("Text message code");
    if (method == QLatin1String("email"))
        return tr("Email code");
    if (method == QLatin1String("recovery"))
        return tr("Recovery code");
    if (method == QLatin1String("refresh"))
        return tr("Stayed signed in");
    return method.isEmpty() ? tr("Unknown method") : method;
}

DeviceService::Source DeviceService::Source::support(const QString& accountPath, const QUrlQuery& query)
{
    Source source;
    source.listPath = accountPath + QStringLiteral("/devices");
    source.historyPath = accountPath + QStringLiteral("/history");
    source.query = query;
    source.readOnly = true;
    return source;
}

DeviceService::DeviceService(ApiClient* api, DeviceListModel* model, QObject* parent)
    : QObject(parent), m_api(api), m_model(model)
{
    qRegisterMetaType<vigil::DeviceService::HistoryEntry>();
    m_burstTimer.setSingleShot(true);
    m_burstTimer.setInterval(burstMs);
    connect(&m_burstTimer, &QTimer::timeout, this, &DeviceService::applyBurst);
}

DeviceService::~DeviceService() = default;

void DeviceService::setEventStream(EventStream* stream)
{
    if (m_stream)
        m_stream->disconnect(this);
    m_stream = stream;
    if (!stream)
        return;
    connect(stream, &EventStream::eventReceived, this, [this](const QString& type, const QJsonObject& frame, qint64) {
        applyEvent(type, frame);
    });
    connect(stream, &EventStream::resyncRequired, this, &DeviceService::reload);
    // A fresh connection may follow a gap the stream could not resume across: check cheaply.
    connect(stream, &EventStream::ready, this, [this] {
        if (hasData() && m_state != State::Loading && m_state != State::Refreshing)
            refresh();
    });
}

void DeviceService::setSource(const Source& source)
{
    clear();
    ++m_sourceGeneration;
    m_source = source;
}

void DeviceService::reload()
{
    startLoad(false);
}

void DeviceService::refresh()
{
    startLoad(!m_etag.isEmpty() && hasData());
}

void DeviceService::clear()
{
    ++m_generation;
    if (m_pageReply)
        m_pageReply->abort();
    m_pending = {};
    m_queuedEvents.clear();
    m_burst.clear();
    m_burstTimer.stop();
    m_etag.clear();
    m_loadedAt = {};
    m_error.reset();
    m_model->setDevices({});
    setState(State::Empty);
}

void DeviceService::startLoad(bool conditional)
{
    ++m_generation;
    if (m_pageReply) {
        m_pageReply->disconnect(this);
        m_pageReply->abort();
    }
    m_pending = {};
    m_pendingEtag.clear();
    m_conditional = conditional;
    setState(hasData() ? State::Refreshing : State::Loading);
    requestPage(QString());
}

void DeviceService::requestPage(const QString& cursor)
{
    ApiRequest request = ApiRequest::get(m_source.listPath);
    request.query = m_source.query;
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    if (!cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("cursor"), cursor);
    if (cursor.isEmpty() && m_conditional)
        request.withHeader("If-None-Match", m_etag);
    ApiReply* reply = m_api->send(request);
    m_pageReply = reply;
    const int generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation == m_generation)
            onPage(reply);
    });
}

void DeviceService::onPage(ApiReply* reply)
{
    m_pageReply = nullptr;
    const ApiResult& result = reply->result();
    if (!result) {
        fail(result.error());
        return;
    }
    const ApiResponse& response = result.value();
    if (response.status == 304) {
        m_loadedAt = QDateTime::currentDateTimeUtc();
        m_error.reset();
        m_pending = {};
        finishLoad();
        return;
    }
    const QJsonObject body = response.object();
    if (!body.value(QLatin1String("devices")).isArray()) {
        fail(ApiError(ApiError::Code::InvalidResponse));
        return;
    }
    if (m_pending.isEmpty() && m_pendingEtag.isEmpty())
        m_pendingEtag = response.header("ETag");
    const DeviceListParse parse = DeviceListParse::fromJson(body.value(QLatin1String("devices")).toArray());
    if (!parse.skipped.isEmpty())
        qCWarning(lcDevices) << "skipped" << parse.skipped.size() << "unusable device entries";
    m_pending.append(parse.devices);
    const QString next = body.value(QLatin1String("next_cursor")).toString();
    if (!next.isEmpty()) {
        requestPage(next);
        return;
    }

    if (m_model->rowCount() == 0 || !hasData()) {
        m_model->setDevices(m_pending);
    } else {
        // Row by row, so selection and scroll position survive a refresh.
        QSet<QString> seen;
        for (const Device& device : std::as_const(m_pending)) {
            if (seen.contains(device.id))
                continue;
            seen.insert(device.id);
            m_model->upsert(device);
        }
        const QList<Device> known = m_model->devices();
        for (const Device& device : known) {
            if (!seen.contains(device.id))
                m_model->remove(device.id);
        }
    }
    const bool large = m_pending.size() >= largeLoad;
    m_pending = {}; // with its capacity: 10,000 devices' worth of copies otherwise
    if (large)      // once the last page's reply is gone too, and the views have laid the rows out
        QTimer::singleShot(releaseAfterLoadMs, this, [] { FreedMemory::release(); });
    m_etag = m_pendingEtag;
    m_loadedAt = QDateTime::currentDateTimeUtc();
    m_error.reset();
    finishLoad();
}

void DeviceService::finishLoad()
{
    const auto queued = std::exchange(m_queuedEvents, {});
    setState(State::Ready);
    m_model->beginUpdates();
    for (const auto& [type, frame] : queued)
        applyNow(type, frame);
    m_model->endUpdates();
    Q_EMIT loaded();
}

void DeviceService::fail(const ApiError& error)
{
    qCInfo(lcDevices) << "device list failed:" << ApiError::codeName(error.code());
    m_pending = {};
    m_queuedEvents.clear();
    m_error = error;
    setState(State::Failed);
}

void DeviceService::applyEvent(const QString& type, const QJsonObject& frame)
{
    if (m_state == State::Loading || m_state == State::Refreshing) {
        applyBurst(); // arrived before the load began
        m_queuedEvents.append({type, frame});
        return;
    }
    if (!hasData())
        return;
    const bool update = type == QLatin1String("device.updated");
    if (update && m_burstTimer.isActive()) {
        m_burst.append(frame);
        return;
    }
    applyBurst(); // anything gathered goes first, in arrival order
    applyNow(type, frame);
    if (update)
        m_burstTimer.start(); // the ones that follow soon are gathered
}

void DeviceService::applyBurst()
{
    if (m_burst.isEmpty())
        return;
    const QList<QJsonObject> burst = std::exchange(m_burst, {});
    m_model->beginUpdates();
    for (const QJsonObject& frame : burst)
        applyNow(QStringLiteral("device.updated"), frame);
    m_model->endUpdates();
    // Still busy: keep gathering for one more interval.
    m_burstTimer.start();
}

void DeviceService::applyNow(const QString& type, const QJsonObject& frame)
{
    if (m_model->applyEvent(type, frame) == DeviceListModel::Change::UnknownDevice &&
        type == QLatin1String("device.updated")) {
        QString id = frame.value(QLatin1String("device")).toObject().value(QLatin1String("id")).toString();
        if (id.isEmpty())
            id = frame.value(QLatin1String("device_id")).toString();
        if (!id.isEmpty())
            fetchOne(id);
    }
}

void DeviceService::fetchOne(const QString& id)
{
    if (m_source.readOnly)
        return; // no single-device route for someone else's account; the next reload brings it
    ApiRequest request = ApiRequest::get(m_source.listPath + QLatin1Char('/') + id);
    request.query = m_source.query;
    ApiReply* reply = m_api->send(request);
    const int generation = m_sourceGeneration;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_sourceGeneration)
            return;
        const ApiResult& result = reply->result();
        if (!result)
            return;
        if (const auto device = Device::fromJson(result.value().object()))
            m_model->upsert(*device);
    });
}

QString DeviceService::validateName(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a name for the device.");
    if (trimmed.size() > 64)
        return tr("Use at most 64 characters (this name has %1).").arg(trimmed.size());
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            return tr("The name can't contain control characters.");
    }
    return {};
}

void DeviceService::rename(const QString& id, const QString& name)
{
    if (m_source.readOnly) {
        // Answered on the next turn of the event loop, like a reply, so callers see one behaviour.
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT renameFailed(id, ApiError(ApiError::Code::Forbidden)); }, Qt::QueuedConnection);
        return;
    }
    ApiRequest request;
    request.method = "PATCH";
    request.path = m_source.listPath + QLatin1Char('/') + id;
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("name"), name.trimmed()}});
    ApiReply* reply = m_api->send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, id] {
        const ApiResult& result = reply->result();
        if (!result) {
            Q_EMIT renameFailed(id, result.error());
            return;
        }
        if (const auto device = Device::fromJson(result.value().object()))
            m_model->upsert(*device);
        Q_EMIT renamed(id);
    });
}

void DeviceService::fetchHistory(const QString& id)
{
    ApiRequest request;
    request.query = m_source.query;
    if (m_source.historyPath.isEmpty()) {
        request.path = m_source.listPath + QLatin1Char('/') + id + QStringLiteral("/history");
    } else {
        request.path = m_source.historyPath;
        request.query.addQueryItem(QStringLiteral("device"), id);
    }
    request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    ApiReply* reply = m_api->send(request);
    const int generation = m_sourceGeneration;
    connect(reply, &ApiReply::finished, this, [this, reply, id, generation] {
        if (generation != m_sourceGeneration)
            return; // another account's list by now
        const ApiResult& result = reply->result();
        if (!result) {
            Q_EMIT historyFailed(id, result.error());
            return;
        }
        QList<HistoryEntry> entries;
        const QJsonArray array = result.value().object().value(QLatin1String("entries")).toArray();
        for (const QJsonValue& value : array) {
            if (value.isObject())
                entries.append(HistoryEntry::fromJson(value.toObject()));
        }
        Q_EMIT historyLoaded(id, entries);
    });
}

void DeviceService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace vigil
