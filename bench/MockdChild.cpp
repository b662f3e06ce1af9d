#include "MockdChild.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <sys/resource.h>
#include <unistd.h>

namespace signoutbench {

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &limit);
    }
}

MockdChild::~MockdChild()
{
    stop();
}

QString MockdChild::executable()
{
    const QString fromEnv = qEnvironmentVariable("VIGIL_MOCKD");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("vigil-mockd"));
}

bool MockdChild::start(const QStringList& extraArgs, const QStringList& extraEnv)
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : extraEnv)
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    m_process->setProcessEnvironment(env);
    // The request log goes to stderr; nobody reads it here.
    m_process->setStandardErrorFile(QProcess::nullDevice());
    QStringList args{QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--db"),
                     m_database,
                     QStringLiteral("--admin-key"),
                     QString::fromLatin1(adminKey)};
    m_process->start(executable(), args + extraArgs);
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QDeadlineTimer deadline(120000); // a big scenario takes a while to seed
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine());
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
            m_error = line;
            return false;
        }
        if (!m_process->waitForReadyRead(int(deadline.remainingTime())) && m_process->state() == QProcess::NotRunning)
            break;
    }
    m_error = QStringLiteral("vigil-mockd did not start: ") + QString::fromUtf8(m_process->readAllStandardOutput());
    return false;
}

void MockdChild::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    const double ticks = double(fields.value(11).toLongLong() + fields.value(12).toLongLong());
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

} // namespace signoutbench
