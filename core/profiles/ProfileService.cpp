#include "ProfileService.h"

#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/profiles/ProfileListModel.h"
#include "core/profiles/ProfilesLog.h"

#include <QJsonArray>

namespace vigil {

ProfileService::ProfileService(ApiClient* api, Session* session, QObject* parent)
    : QObject(parent), m_api(api), m_model(new ProfileListModel(this))
{
    if (session)
        connect(session, &Session::signedOut, this, &ProfileService::clear);
}

ProfileService::~ProfileService() = default;

void ProfileService::reload()
{
    if (m_pending)
        return;
    m_error.reset();
    setState(m_loadedOnce ? State::Refreshing : State::Loading);
    m_pending = m_api->send(ApiRequest::get(QStringLiteral("/v1/profiles")));
    connect(m_pending, &ApiReply::finished, this, [this, reply = m_pending.data()] {
        m_pending = nullptr;
        const ApiResult& result = reply->result();
        if (!result) {
            qCInfo(lcProfiles) << "loading the profiles failed:" << ApiError::codeName(result.error().code());
            m_error = result.error();
            setState(State::Failed);
            return;
        }
        const QJsonValue list = result.value().object().value(QLatin1String("profiles"));
        if (!list.isArray()) {
            m_error = ApiError(ApiError::Code::InvalidResponse);
            setState(State::Failed);
            return;
        }
        QList<Profile> profiles;
        const QJsonArray array = list.toArray();
        for (const QJsonValue& value : array) {
            // One broken entry does not hide the others.
            if (auto profile = Profile::fromJson(value.toObject()))
                profiles.append(*profile);
        }
        m_model->setProfiles(profiles);
        m_loadedOnce = true;
        setState(State::Ready);
    });
}

void ProfileService::clear()
{
    if (m_pending) {
        m_pending->disconnect(this);
        m_pending->abort();
    }
    m_pending = nullptr;
    m_error.reset();
    m_loadedOnce = false;
    m_model->clear();
    setState(State::Empty);
}

void ProfileService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace vigil
