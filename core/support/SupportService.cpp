#include "SupportService.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiReply.h"
#include "core/support/SupportLog.h"

#include <QJsonArray>
#include <QUrl>

namespace vigil {
namespace {

// The holder's app makes codes from this alphabet: no 0/O, 1/I/L to misread on the phone.
constexpr QLatin1String codeAlphabet("23456789ABCDEFGHJKMNPQRSTUVWXYZ");

void dropReply(QPointer<ApiReply>& reply, QObject* receiver)
{
    if (reply) {
        reply->disconnect(receiver);
        reply->abort();
    }
    reply = nullptr;
}

} // namespace

SupportService::SupportService(ApiClient* api, QObject* parent) : QObject(parent), m_api(api)
{
    qRegisterMetaType<vigil::SupportCustomer>();
}

SupportService::~SupportService() = default;

QString SupportService::validateQuery(const QString& query)
{
    if (query.trimmed().size() < minQueryLength)
        return tr(
            "Enter at least %n character(s) of the customer's email address or account ID.", nullptr, minQueryLength);
    return {};
}

QString SupportService::validateReason(const QString& reason)
{
    const qsizetype length = reason.trimmed().size();
    if (length < minReasonLength)
        return tr("Describe the reason in at least %n character(s); it is recorded on the customer's account.",
                  nullptr,
                  minReasonLength);
    if (length > maxReasonLength)
        return tr("Use at most %1 characters (this reason has %2).").arg(maxReasonLength).arg(length);
    return {};
}

std::optional<QString> SupportService::normalizeCode(const QString& text)
{
    QString code;
    for (const QChar c : text) {
        if (c.isSpace() || c == u'-')
            continue;
        const QChar upper = c.toUpper();
        if (!codeAlphabet.contains(upper))
            return std::nullopt;
        code.append(upper);
    }
    if (code.size() != codeLength)
        return std::nullopt;
    return code;
}

QString SupportService::formatCode(const QString& code)
{
    if (code.size() != codeLength)
        return code;
    return code.left(codeLength / 2) + QLatin1Char('-') + code.mid(codeLength / 2);
}

void SupportService::search(const QString& query, const QString& reason)
{
    dropReply(m_searchReply, this);
    m_lastQuery = query.trimmed();
    ApiRequest request = ApiRequest::get(QStringLiteral("/v1/support/accounts"));
    request.query.addQueryItem(QStringLiteral("query"), m_lastQuery);
    request.query.addQueryItem(QStringLiteral("reason"), reason.trimmed());
    m_searchError.reset();
    setSearchState(State::Busy);
    m_searchReply = m_api->send(request);
    connect(m_searchReply, &ApiReply::finished, this, [this, reply = m_searchReply.data()] {
        m_searchReply = nullptr;
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSupport) << "search failed:" << ApiError::codeName(result.error().code());
            m_searchError = result.error();
            setSearchState(State::Failed);
            return;
        }
        const QJsonValue list = result.value().object().value(QLatin1String("accounts"));
        if (!list.isArray()) {
            m_searchError = ApiError(ApiError::Code::InvalidResponse);
            setSearchState(State::Failed);
            return;
        }
        m_results.clear();
        const QJsonArray array = list.toArray();
        for (const QJsonValue value : array) {
            if (auto customer = SupportCustomer::fromJson(value.toObject()))
                m_results.append(*customer);
        }
        setSearchState(State::Ready); // always a change: search() set Busy
    });
}

void SupportService::open(const SupportCustomer& customer, const QString& reason)
{
    dropReply(m_summaryReply, this);
    m_customer = customer;
    m_reason = reason.trimmed();
    m_summaryError.reset();
    m_summaryState = State::Idle;
    Q_EMIT customerChanged();
    reloadSummary();
}

void SupportService::close()
{
    if (!m_customer)
        return;
    dropReply(m_summaryReply, this);
    m_customer.reset();
    m_reason.clear();
    m_summaryError.reset();
    setSummaryState(State::Idle);
    Q_EMIT customerChanged();
}

void SupportService::reloadSummary()
{
    if (!m_customer)
        return;
    dropReply(m_summaryReply, this);
    ApiRequest request = ApiRequest::get(accountPath());
    request.query = reasonQuery();
    m_summaryError.reset();
    setSummaryState(State::Busy);
    m_summaryReply = m_api->send(request);
    connect(m_summaryReply, &ApiReply::finished, this, [this, reply = m_summaryReply.data()] {
        m_summaryReply = nullptr;
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcSupport) << "account summary failed:" << ApiError::codeName(result.error().code());
            m_summaryError = result.error();
            setSummaryState(State::Failed);
            return;
        }
        auto customer = SupportCustomer::fromJson(result.value().object());
        if (!customer || customer->id != m_customer->id) {
            m_summaryError = ApiError(ApiError::Code::InvalidResponse);
            setSummaryState(State::Failed);
            return;
        }
        m_customer = *customer;
        setSummaryState(State::Ready);
    });
}

QString SupportService::accountPath() const
{
    return m_customer ? accountPath(m_customer->id) : QString();
}

QString SupportService::accountPath(const QString& accountId)
{
    return QStringLiteral("/v1/support/accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(accountId));
}

QUrlQuery SupportService::reasonQuery() const
{
    QUrlQuery query;
    if (m_customer)
        query.addQueryItem(QStringLiteral("reason"), m_reason);
    return query;
}

DeviceService::Source SupportService::deviceSource() const
{
    return DeviceService::Source::support(accountPath(), reasonQuery());
}

ActivityService::Source SupportService::activitySource() const
{
    return {accountPath() + QStringLiteral("/activity"), reasonQuery()};
}

void SupportService::setSearchState(State state)
{
    if (m_searchState == state)
        return;
    m_searchState = state;
    Q_EMIT searchStateChanged(state);
}

void SupportService::setSummaryState(State state)
{
    if (m_summaryState == state)
        return;
    m_summaryState = state;
    Q_EMIT summaryStateChanged(state);
}

} // namespace vigil
