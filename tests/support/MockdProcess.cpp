#include "MockdProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <csignal>

MockdProcess::MockdProcess() : m_process(std::make_unique<QProcess>()) {}

MockdProcess::~MockdProcess()
{
    if (m_process->state() != QProcess::NotRunning)
        stop(5000);
}

QString MockdProcess::executable()
{
    return qEnvironmentVariable("VIGIL_MOCKD");
}

bool MockdProcess::start(const QStringList& extraArgs, int timeoutMs)
{
    const QString exe = executable();
    if (exe.isEmpty()) {
        m_error = QStringLiteral("VIGIL_MOCKD is not set");
        return false;
    }
    QStringList args{QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--db"),
                     QStringLiteral(":memory:"),
                     QStringLiteral("--admin-key"),
                     QString::fromLatin1(adminKey)};
    args += extraArgs;
#ifdef Q_OS_WIN
    // No SIGTERM on Windows: stop() closes stdin instead (mock-server/base/ParentWatch.h).
    args << QStringLiteral("--parent-watch-fd") << QStringLiteral("0");
#endif
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(exe, args);
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (http://[^\\s]+)"));
    QDeadlineTimer deadline(timeoutMs);
    QByteArray firstLine;
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            firstLine = m_process->readLine();
            m_output += firstLine;
            break;
        }
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
    }
    const auto match = listening.match(QString::fromUtf8(firstLine));
    if (!match.hasMatch()) {
        m_error = QStringLiteral("vigil-mockd did not report its port: ") + QString::fromUtf8(firstLine) +
                  QString::fromUtf8(m_process->readAllStandardError());
        m_process->kill();
        m_process->waitForFinished();
        return false;
    }
    m_baseUrl = QUrl(match.captured(1));
    return true;
}

QByteArray MockdProcess::output()
{
    m_output += m_process->readAllStandardOutput();
    m_output += m_process->readAllStandardError();
    return m_output;
}

int MockdProcess::stop(int timeoutMs)
{
    if (m_process->state() == QProcess::NotRunning)
        return m_process->exitCode();
#ifdef Q_OS_WIN
    m_process->closeWriteChannel();
#else
    m_process->terminate();
#endif
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished();
        output();
        return -1;
    }
    output();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}
