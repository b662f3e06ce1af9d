#pragma once

// A vigil-mockd child process for the benches, and what they read of a process (memory, CPU).

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace signoutbench {

// Raises the soft limit of open files to the hard limit (children inherit it).
void raiseFileLimit();

// vigil-mockd from this executable's folder (or $VIGIL_MOCKD), on a free loopback port.
class MockdChild final
{
public:
    static constexpr const char* adminKey = "bench-admin-key-0123456789";

    MockdChild() = default;
    ~MockdChild();
    MockdChild(const MockdChild&) = delete;
    MockdChild& operator=(const MockdChild&) = delete;

    // ":memory:" unless set before start(): a file, or a postgresql:// address several children share.
    void setDatabase(const QString& database) { m_database = database; }
    bool start(const QStringList& extraArgs = {}, const QStringList& extraEnv = {});
    void stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString error() const { return m_error; }
    static QString executable();

private:
    std::unique_ptr<QProcess> m_process;
    QString m_database = QStringLiteral(":memory:");
    quint16 m_port = 0;
    QString m_error;
};

// VmRSS of a process in KiB (0 when unknown) and its CPU time (user + system) in seconds.
qint64 rssKiB(qint64 pid);
double cpuSeconds(qint64 pid);

} // namespace signoutbench
