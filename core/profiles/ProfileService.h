#pragma once

#include "core/api/ApiError.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;
class ProfileListModel;
class Session;

// Loads the household's profiles (`GET /v1/profiles`) into its ProfileListModel: on request (the
// Profiles page asks when it is first shown), keeping the last good list while reloading, and
// forgetting it on sign-out.
class ProfileService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileService)

public:
    enum class State
    {
        Empty,   // nothing asked for yet
        Loading, // first load, nothing to show
        Refreshing,
        Ready,
        Failed, // see error(); an earlier list may still be shown
    };
    Q_ENUM(State)

    // `session` may be null (tests); with one, the list is forgotten on sign-out.
    ProfileService(ApiClient* api, Session* session, QObject* parent = nullptr);
    ~ProfileService() override;

    ProfileListModel* model() const { return m_model; }
    State state() const { return m_state; }
    const std::optional<ApiError>& error() const { return m_error; }

    void reload();
    void clear();

Q_SIGNALS:
    void stateChanged(vigil::ProfileService::State state);

private:
    void setState(State state);

    ApiClient* m_api;
    ProfileListModel* m_model;
    State m_state = State::Empty;
    std::optional<ApiError> m_error;
    QPointer<ApiReply> m_pending;
    bool m_loadedOnce = false;
};

} // namespace vigil
