#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace vigil {

// Demo mode: runs the bundled vigil-mockd as a child process on a free loopback port with a
// fresh database in a temporary folder, reports its URL, and stops it when Vigil quits — also
// when Vigil is killed (the child is tied to the parent's lifetime where the platform allows).
// Before it reports the URL it has the service's simulator take over the demo devices that say
// they are online, so they really are: signing one out reaches it at once.
class DemoService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoService)

public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Failed,
    };
    Q_ENUM(State)

    static constexpr QLatin1String demoEmail{"demo@vigil.test"};
    static constexpr QLatin1String demoPassword{"vigil-demo-2026"};
    // The household scenario's `established_device_cookie`: this computer is the household's own,
    // signed in for long, so the young-session guard does not hold the demo back.
    static constexpr QLatin1String demoDeviceCookie{"vdc_demo-household-computer-established-0000000"};

    explicit DemoService(QObject* parent = nullptr);
    ~DemoService() override;

    // Defaults to vigil-mockd next to the running executable.
    void setExecutable(const QString& path) { m_executable = path; }
    QString executable() const { return m_executable; }
    void setStartTimeout(std::chrono::milliseconds timeout) { m_startTimeout = timeout; }

    void start();
    // Asks the child to finish (SIGTERM), waits briefly, then kills it.
    void stop();

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    // A random key for the service's QA routes (demo inbox), given to the child in its environment.
    QString adminKey() const { return m_adminKey; }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void ready(const QUrl& url);
    void failed(const QString& message);
    // The service ended on its own after it was running.
    void stopped();

private:
    void onStandardOutput();
    void connectOnlineDevices();
    void becomeReady();
    void fail(const QString& message);

    QString m_executable;
    std::chrono::milliseconds m_startTimeout{15000};
    std::unique_ptr<QTemporaryDir> m_dataDir;
    QProcess* m_process = nullptr;              // child of this; deleted later, as stop() may run inside its signals
    QNetworkAccessManager* m_network = nullptr; // child of this, made for the one admin request
    QNetworkReply* m_connecting = nullptr;
    QTimer m_startTimer;
    QByteArray m_pendingOutput;
    State m_state = State::Stopped;
    QUrl m_url;
    QString m_adminKey;
    QString m_error;
};

} // namespace vigil
