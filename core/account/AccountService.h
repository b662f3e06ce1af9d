#pragma once

#include "core/account/AccountOverview.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;
class Session;

// The account at a glance for the Overview and the pages around it: loads `GET /v1/me` when a
// session starts and on request, keeps the last good answer while reloading, and forgets it on
// sign-out.
class AccountService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountService)

public:
    enum class State
    {
        Empty,
        Loading,
        Loaded,
        Failed,
    };
    Q_ENUM(State)

    AccountService(ApiClient* api, Session* session, QObject* parent = nullptr);
    ~AccountService() override;

    State state() const { return m_state; }
    // The last good answer; kept while reloading and after a failed reload.
    const std::optional<AccountOverview>& overview() const { return m_overview; }
    // Valid in State::Failed.
    const std::optional<ApiError>& error() const { return m_error; }

    void reload();

Q_SIGNALS:
    void changed();

private:
    void clear();

    ApiClient* m_api;
    Session* m_session;
    State m_state = State::Empty;
    std::optional<AccountOverview> m_overview;
    std::optional<ApiError> m_error;
    QPointer<ApiReply> m_pending;
};

} // namespace vigil
