#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QUrl>
#include <memory>

// Starts a real vigil-mockd (the binary in $VIGIL_MOCKD) on a free loopback port with an in-memory
// database, and stops it when destroyed. Tests use it to talk HTTP/WebSocket to the real service.
class MockdProcess final
{
public:
    static constexpr const char* adminKey = "test-admin-key-0123456789";

    MockdProcess();
    ~MockdProcess();
    MockdProcess(const MockdProcess&) = delete;
    MockdProcess& operator=(const MockdProcess&) = delete;

    // Starts the service with the default test options plus `extraArgs`; waits for its
    // "listening on" line. Returns false (and fills errorString()) when it did not come up.
    bool start(const QStringList& extraArgs = {}, int timeoutMs = 15000);
    // start() in two halves, so a test can launch several services before any of them is up.
    bool launch(const QStringList& extraArgs = {}, int timeoutMs = 15000);
    bool waitUntilListening(int timeoutMs = 15000);
    // SIGTERM, wait for a clean exit; returns the exit code (-1 when it had to be killed).
    int stop(int timeoutMs = 10000);

    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    QString errorString() const { return m_error; }
    // Everything the service printed so far (stdout and stderr), for log assertions.
    QByteArray output();
    QProcess& process() { return *m_process; }

    static QString executable();
    // Where a test's database is: `sqliteLocation` itself, or under the label "postgres" the
    // PostgreSQL database that stands for it (made when missing). Empty with `error` filled on failure.
    static QString databaseFor(const QString& sqliteLocation, QString& error);

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_error;
    QByteArray m_output;
};
