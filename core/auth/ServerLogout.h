#pragma once

#include <QObject>
#include <QString>

namespace vigil {

class ApiClient;

// Ends a session on the server with tokens handed to it, after the app has already forgotten
// them: signing out of Vigil must not wait for (or depend on) the server. Best effort: when the
// access token has expired it refreshes once to be able to log out; whatever happens, it then
// drops the tokens and deletes itself.
class ServerLogout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerLogout)

public:
    ServerLogout(ApiClient* api, QString accessToken, QString refreshToken);
    ~ServerLogout() override;

    void start();

Q_SIGNALS:
    void finished(bool serverConfirmed);

private:
    void logout(bool mayRefresh);
    void refreshThenLogout();
    void finish(bool serverConfirmed);

    ApiClient* m_api;
    QString m_accessToken;
    QString m_refreshToken;
};

} // namespace vigil
