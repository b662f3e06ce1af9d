#pragma once

#include "core/activity/ActivityService.h"
#include "core/api/ApiError.h"
#include "core/devices/DeviceService.h"
#include "core/support/SupportCustomer.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;

// Support staff's side of the service (`/v1/support/*`): finds customers, holds the customer that
// is open and the reason given for opening them, and builds the customer's request paths, each with
// that reason (the service requires it and audits every call with it on the customer's account).
// The customer's devices and activity load through the ordinary DeviceService and ActivityService,
// pointed here with deviceSource() / activitySource().
class SupportService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportService)

public:
    enum class State
    {
        Idle,
        Busy,
        Ready,
        Failed, // see error()
    };
    Q_ENUM(State)

    static constexpr int minQueryLength = 3;
    static constexpr int minReasonLength = 10;
    static constexpr int maxReasonLength = 500;
    static constexpr int codeLength = 8;

    explicit SupportService(ApiClient* api, QObject* parent = nullptr);
    ~SupportService() override;

    // The service's rules, checked before sending: the message to show, or an empty string.
    static QString validateQuery(const QString& query);
    static QString validateReason(const QString& reason);
    // A holder-issued support code as typed ("7kq2-m9xf", "7KQ2 M9XF") → "7KQ2M9XF"; nothing when it
    // cannot be one (wrong length or a character outside the code alphabet).
    static std::optional<QString> normalizeCode(const QString& text);
    // "7KQ2M9XF" → "7KQ2-M9XF" (as the holder's app shows it).
    static QString formatCode(const QString& code);

    // `GET /v1/support/accounts?query=&reason=`: results() on searchFinished().
    void search(const QString& query, const QString& reason);
    State searchState() const { return m_searchState; }
    const std::optional<ApiError>& searchError() const { return m_searchError; }
    const QList<SupportCustomer>& results() const { return m_results; }
    QString lastQuery() const { return m_lastQuery; }

    // Makes `customer` the open one, for `reason` (trimmed), and loads their summary.
    void open(const SupportCustomer& customer, const QString& reason);
    // No customer open any more (their data must be dropped by whoever shows it).
    void close();
    bool hasCustomer() const { return m_customer.has_value(); }
    const std::optional<SupportCustomer>& customer() const { return m_customer; }
    QString reason() const { return m_reason; }
    void reloadSummary();
    State summaryState() const { return m_summaryState; }
    const std::optional<ApiError>& summaryError() const { return m_summaryError; }

    // "/v1/support/accounts/acc_demo"; empty with no customer open.
    QString accountPath() const;
    static QString accountPath(const QString& accountId);
    // `reason=…` for every request about the open customer.
    QUrlQuery reasonQuery() const;
    DeviceService::Source deviceSource() const;
    ActivityService::Source activitySource() const;

Q_SIGNALS:
    void searchStateChanged(vigil::SupportService::State state);
    // Another customer (or none) is open now.
    void customerChanged();
    void summaryStateChanged(vigil::SupportService::State state);

private:
    void setSearchState(State state);
    void setSummaryState(State state);

    ApiClient* m_api;
    QPointer<ApiReply> m_searchReply;
    QPointer<ApiReply> m_summaryReply;
    State m_searchState = State::Idle;
    std::optional<ApiError> m_searchError;
    QList<SupportCustomer> m_results;
    QString m_lastQuery;
    std::optional<SupportCustomer> m_customer;
    QString m_reason;
    State m_summaryState = State::Idle;
    std::optional<ApiError> m_summaryError;
};

} // namespace vigil
