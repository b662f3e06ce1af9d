#pragma once

#include "core/api/ApiError.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace vigil {

class ActivityModel;
class ApiClient;
class ApiReply;
class Session;

// Loads the account's activity (`GET /v1/activity`) page by page into its ActivityModel, with the
// filters of the Activity page. A new filter starts over (an answer for an older filter is
// dropped); loadMore() appends the next page.
class ActivityService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityService)

public:
    enum class State
    {
        Empty,   // nothing asked for yet
        Loading, // the first page of the current filter
        LoadingMore,
        Ready,
        Failed, // see error(); what was loaded stays
    };
    Q_ENUM(State)

    struct Filter
    {
        QDateTime from; // invalid: no bound
        QDateTime to;
        QStringList types; // empty: every type
        QString deviceId;  // empty: every device

        bool operator==(const Filter& other) const = default;
    };

    // Where the entries come from: the holder's `GET /v1/activity` by default; support mode reads
    // `/v1/support/accounts/{id}/activity` with its `reason` (same shape and filters).
    struct Source
    {
        QString path = QStringLiteral("/v1/activity");
        QUrlQuery query; // added to every request

        bool operator==(const Source& other) const { return path == other.path && query == other.query; }
    };

    static constexpr int pageSize = 100;

    ActivityService(ApiClient* api, Session* session, QObject* parent = nullptr);
    ~ActivityService() override;

    ActivityModel* model() const { return m_model; }
    State state() const { return m_state; }
    const std::optional<ApiError>& error() const { return m_error; }
    const Filter& filter() const { return m_filter; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    const Source& source() const { return m_source; }
    // Forgets what was loaded (like clear()) and reads from `source` from now on.
    void setSource(const Source& source);

    void setFilter(const Filter& filter);
    // The first page again, with the current filter.
    void reload();
    void loadMore();
    void clear();

Q_SIGNALS:
    void stateChanged(vigil::ActivityService::State state);

private:
    void request(const QString& cursor);
    void setState(State state);
    void cancelPending();

    ApiClient* m_api;
    ActivityModel* m_model;
    Filter m_filter;
    Source m_source;
    State m_state = State::Empty;
    std::optional<ApiError> m_error;
    QString m_nextCursor;
    QPointer<ApiReply> m_pending;
};

} // namespace vigil
