#include "AccountService.h"

#include "core/account/AccountLogging.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"

namespace vigil {

AccountService::AccountService(ApiClient* api, Session* session, QObject* parent)
    : QObject(parent), m_api(api), m_session(session)
{
    connect(m_session, &Session::signedIn, this, &AccountService::reload);
    connect(m_session, &Session::signedOut, this, &AccountService::clear);
}

AccountService::~AccountService() = default;

void AccountService::reload()
{
    if (m_pending)
        return;
    m_state = State::Loading;
    m_error.reset();
    Q_EMIT changed();

    m_pending = m_api->send(ApiRequest::get(QStringLiteral("/v1/me")));
    connect(m_pending, &ApiReply::finished, this, [this, reply = m_pending.data()] {
        m_pending = nullptr;
        const ApiResult& result = reply->result();
        auto overview = parseResult<AccountOverview>(result);
        if (overview) {
            m_overview = std::move(overview).value();
            m_state = State::Loaded;
        } else {
            qCInfo(lcAccount) << "loading the account failed:" << ApiError::codeName(overview.error().code());
            m_error = overview.error();
            m_state = State::Failed;
        }
        Q_EMIT changed();
    });
}

void AccountService::clear()
{
    if (m_pending) {
        m_pending->disconnect(this);
        m_pending->abort();
    }
    m_pending = nullptr;
    m_overview.reset();
    m_error.reset();
    m_state = State::Empty;
    Q_EMIT changed();
}

} // namespace vigil
