#include "ActivityService.h"

#include "core/activity/ActivityLog.h"
#include "core/activity/ActivityModel.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"

#include <QJsonArray>

namespace vigil {

ActivityService::ActivityService(ApiClient* api, Session* session, QObject* parent)
    : QObject(parent), m_api(api), m_model(new ActivityModel(this))
{
    if (session)
        connect(session, &Session::signedOut, this, &ActivityService::clear);
}

ActivityService::~ActivityService() = default;

void ActivityService::setFilter(const Filter& filter)
{
    if (filter == m_filter && m_state != State::Empty && m_state != State::Failed)
        return;
    m_filter = filter;
    reload();
}

void ActivityService::reload()
{
    cancelPending();
    m_nextCursor.clear();
    m_model->clear();
    request({});
}

void ActivityService::loadMore()
{
    if (m_pending || m_nextCursor.isEmpty())
        return;
    request(m_nextCursor);
}

void ActivityService::clear()
{
    cancelPending();
    m_nextCursor.clear();
    m_error.reset();
    m_filter = {};
    m_model->clear();
    setState(State::Empty);
}

void ActivityService::setSource(const Source& source)
{
    clear();
    m_source = source;
}

void ActivityService::cancelPending()
{
    if (m_pending) {
        m_pending->disconnect(this);
        m_pending->abort();
    }
    m_pending = nullptr;
}

void ActivityService::request(const QString& cursor)
{
    ApiRequest request = ApiRequest::get(m_source.path);
    request.query = m_source.query;
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    if (m_filter.from.isValid())
        request.query.addQueryItem(QStringLiteral("from"), m_filter.from.toUTC().toString(Qt::ISODate));
    if (m_filter.to.isValid())
        request.query.addQueryItem(QStringLiteral("to"), m_filter.to.toUTC().toString(Qt::ISODate));
    if (!m_filter.types.isEmpty())
        request.query.addQueryItem(QStringLiteral("type"), m_filter.types.join(u','));
    if (!m_filter.deviceId.isEmpty())
        request.query.addQueryItem(QStringLiteral("device"), m_filter.deviceId);
    if (!cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("cursor"), cursor);
    m_error.reset();
    setState(cursor.isEmpty() ? State::Loading : State::LoadingMore);

    m_pending = m_api->send(request);
    connect(m_pending, &ApiReply::finished, this, [this, reply = m_pending.data()] {
        m_pending = nullptr;
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcActivity) << "loading the activity failed:" << ApiError::codeName(result.error().code());
            m_error = result.error();
            setState(State::Failed);
            return;
        }
        const QJsonObject body = result.value().object();
        const QJsonValue list = body.value(QLatin1String("entries"));
        if (!list.isArray()) {
            m_error = ApiError(ApiError::Code::InvalidResponse);
            setState(State::Failed);
            return;
        }
        QList<ActivityEntry> entries;
        const QJsonArray array = list.toArray();
        for (const QJsonValue& value : array) {
            if (auto entry = ActivityEntry::fromJson(value.toObject()))
                entries.append(*entry);
        }
        m_nextCursor = body.value(QLatin1String("next_cursor")).toString();
        m_model->appendEntries(entries);
        setState(State::Ready);
    });
}

void ActivityService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace vigil
