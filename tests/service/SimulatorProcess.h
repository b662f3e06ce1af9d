#pragma once

#include "MockdProcess.h"

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

inline constexpr int signInDeadlineMs = 60000; // argon2 is deliberately slow, and CI runs under ASan
inline constexpr int lineDeadlineMs = 30000;

// `vigil-mockd simulate …` as a child process; its stdout is collected line by line as the event
// loop delivers it, so waiting for a line never blocks the service's own pipes.
class SimulatorProcess final
{
public:
    explicit SimulatorProcess(const QStringList& args,
                              const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] { collect(); });
        m_process.start(MockdProcess::executable(), QStringList{QStringLiteral("simulate")} + args);
    }
    ~SimulatorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    SimulatorProcess(const SimulatorProcess&) = delete;
    SimulatorProcess& operator=(const SimulatorProcess&) = delete;

    QProcess& process() { return m_process; }
    const QStringList& lines() const { return m_lines; }
    QString allOutput()
    {
        collect();
        return m_lines.join(QLatin1Char('\n')) + QString::fromUtf8(m_process.readAllStandardError());
    }

    // The lines matching `pattern` once there are at least `count` of them, or what there is
    // when the deadline passes.
    QList<QRegularExpressionMatch> waitFor(const QString& pattern, int count = 1, int timeoutMs = lineDeadlineMs)
    {
        const QRegularExpression expression(pattern);
        QList<QRegularExpressionMatch> matches;
        const auto found = [&] {
            collect();
            matches.clear();
            for (const QString& line : std::as_const(m_lines)) {
                if (auto match = expression.match(line); match.hasMatch())
                    matches.append(match);
            }
            return matches.size() >= count;
        };
        if (!QTest::qWaitFor(found, timeoutMs))
            qWarning().noquote() << "waiting for" << count << "×" << pattern << "; simulator said:\n" << allOutput();
        return matches;
    }

    bool waitForExit(int timeoutMs = lineDeadlineMs)
    {
        return QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    }

private:
    void collect()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end = 0;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            m_lines.append(QString::fromUtf8(m_buffer.left(end)));
            m_buffer.remove(0, end + 1);
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    QStringList m_lines;
};
