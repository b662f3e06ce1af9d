#pragma once

#include "simulator/DeviceDescription.h"
#include "simulator/DeviceStatus.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace mockd::sim {

class DeviceEventSocket;
class DeviceSession;
struct ApiReply;

// One simulated device: signs in with its own description, keeps its event socket open while
// online, reports its status, goes offline and comes back, and stops for good when the service
// says its session is over. Everything it does is announced as a line through `report`.
class SimulatedDevice final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedDevice)

public:
    enum class State
    {
        New,        // not signed in yet (waiting for a sign-in slot)
        SigningIn,  // POST /v1/auth/login under way
        Online,     // signed in, socket open or being (re)opened, reporting status
        Offline,    // signed in, but silent: no socket, no requests
        SigningOut, // POST /v1/auth/logout under way
        SignedOut,  // logged out cleanly (final)
        Refused,    // the service ended the session (final)
        Failed,     // could not sign in (final)
    };

    struct Credentials
    {
        QString email;
        QString password;
    };

    SimulatedDevice(int number,
                    const DeviceDescription& description,
                    const QUrl& server,
                    const Credentials& credentials,
                    QNetworkAccessManager& network,
                    QObject* parent = nullptr);
    ~SimulatedDevice() override;

    int number() const { return m_number; }
    QString name() const { return m_description.name; }
    const DeviceDescription& description() const { return m_description; }
    State state() const { return m_state; }
    bool isFinal() const;
    bool isSignedIn() const { return m_state == State::Online || m_state == State::Offline; }
    DeviceStatus status() const { return m_status; }
    QString profile() const { return m_profile; }
    QString title() const { return m_title; }
    QString deviceId() const;

    // Called by the simulator when a sign-in slot is free.
    void signIn();
    // Instead of signing in: takes over a session the service already has for this device (a
    // scenario's signed-in device) and goes online with it, reporting the status it was given.
    void resume(const QString& deviceId, const QString& refreshToken);
    // Reports now when online; an offline device reports when it comes back.
    void setStatus(DeviceStatus status, const QString& profile = {}, const QString& title = {});
    void goOffline();
    void comeBack();
    // The network fails under an online device: its socket ends without a goodbye and it reconnects.
    void dropConnection();
    void signOut();

Q_SIGNALS:
    void report(const QString& line);
    void signInFinished();
    // Sign-in could not happen now (throttled, service unreachable): queue me again later.
    void signInDeferred(int delayMs);
    void stopped();
    // The event socket is open and the service has said `ready`: sign-outs reach this device now.
    void connected();

private:
    void say(const QString& text);
    void onLogin(const ApiReply& reply);
    void openSocket();
    void scheduleReconnect(bool probeFirst);
    void reportStatus();
    void refuse(const QString& code);
    void finish(State state);

    int m_number;
    DeviceDescription m_description;
    Credentials m_credentials;
    DeviceSession* m_session;
    DeviceEventSocket* m_socket;
    QTimer m_reconnectTimer;
    State m_state = State::New;
    DeviceStatus m_status = DeviceStatus::Idle;
    QString m_profile;
    QString m_title;
    int m_reconnectAttempts = 0;
    int m_signInAttempts = 0;
    bool m_probeBeforeReconnect = false;
    bool m_socketUnavailableSaid = false;
    bool m_statusUnavailableSaid = false;
};

} // namespace mockd::sim
