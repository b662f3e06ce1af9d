#include "AccountSettingsService.h"

#include "core/account/Account.h"
#include "core/account/AccountLogging.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/stepup/StepUpService.h"

#include <QJsonObject>

namespace vigil {

namespace {

const QString path = QStringLiteral("/v1/account/settings");
const QString field = QStringLiteral("auto_sign_out_days");

// null is "never"; anything the client does not offer is read as unknown.
std::optional<int> daysFrom(const ApiResult& result)
{
    if (!result)
        return std::nullopt;
    const QJsonObject json = result.value().object();
    if (!json.contains(field))
        return std::nullopt;
    const QJsonValue value = json.value(field);
    if (value.isNull())
        return 0;
    const int days = value.toInt(-1);
    return AccountSettingsService::autoSignOutChoices().contains(days) ? std::optional<int>(days) : std::nullopt;
}

} // namespace

AccountSettingsService::AccountSettingsService(ApiClient* api, Session* session, StepUpService* stepUp, QObject* parent)
    : QObject(parent), m_api(api), m_session(session), m_stepUp(stepUp)
{
    connect(m_session, &Session::signedIn, this, [this] {
        // Support staff have no settings of their own here (the route is the holder's).
        if (m_session->account().role != Account::Role::Support)
            reload();
    });
    connect(m_session, &Session::signedOut, this, &AccountSettingsService::clear);
}

AccountSettingsService::~AccountSettingsService() = default;

const QList<int>& AccountSettingsService::autoSignOutChoices()
{
    static const QList<int> choices{30, 60, 90, 180, 365, 0};
    return choices;
}

void AccountSettingsService::setState(State state)
{
    m_state = state;
    Q_EMIT changed();
}

void AccountSettingsService::reload()
{
    if (m_pending)
        return;
    m_error.reset();
    setState(State::Loading);
    m_pending = m_api->send(ApiRequest::get(path));
    connect(m_pending, &ApiReply::finished, this, [this, reply = m_pending.data()] {
        m_pending = nullptr;
        const ApiResult& result = reply->result();
        const auto days = daysFrom(result);
        if (days) {
            m_autoSignOutDays = days;
            return setState(State::Loaded);
        }
        m_error = result ? ApiError(ApiError::Code::InvalidResponse) : result.error();
        qCInfo(lcAccount) << "loading the account settings failed:" << ApiError::codeName(m_error->code());
        setState(State::Failed);
    });
}

void AccountSettingsService::setAutoSignOutDays(int days)
{
    if (!autoSignOutChoices().contains(days) || m_pending || (isKnown() && days == autoSignOutDays()))
        return;
    const auto token = m_stepUp ? m_stepUp->validToken() : std::nullopt;
    if (!token) {
        // Not worth a round trip the service would refuse.
        Q_EMIT stepUpRequired(days, ApiError(ApiError::Code::StepUpRequired));
        return;
    }
    const std::optional<int> previous = m_autoSignOutDays;
    m_autoSignOutDays = days;
    m_error.reset();
    setState(State::Saving);

    ApiRequest request;
    request.method = "PUT";
    request.path = path;
    request.body = QJsonDocument(QJsonObject{{field, days > 0 ? QJsonValue(days) : QJsonValue(QJsonValue::Null)}});
    m_pending = m_api->send(request.withHeader(StepUpService::headerName(), token->toUtf8()));
    connect(m_pending, &ApiReply::finished, this, [this, days, previous, reply = m_pending.data()] {
        m_pending = nullptr;
        const ApiResult& result = reply->result();
        if (const auto saved = daysFrom(result)) {
            m_autoSignOutDays = saved;
            return setState(State::Loaded);
        }
        const ApiError error = result ? ApiError(ApiError::Code::InvalidResponse) : result.error();
        qCInfo(lcAccount) << "saving the account settings failed:" << ApiError::codeName(error.code());
        m_autoSignOutDays = previous;
        setState(previous ? State::Loaded : State::Empty);
        if (error.code() == ApiError::Code::StepUpRequired) {
            // Expired or revoked on the service's side: earn a new one and try again.
            if (m_stepUp)
                m_stepUp->clearToken();
            Q_EMIT stepUpRequired(days, error);
            return;
        }
        Q_EMIT saveFailed(error);
    });
}

void AccountSettingsService::clear()
{
    if (m_pending) {
        m_pending->disconnect(this);
        m_pending->abort();
    }
    m_pending = nullptr;
    m_autoSignOutDays.reset();
    m_error.reset();
    setState(State::Empty);
}

} // namespace vigil
