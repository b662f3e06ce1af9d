#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <cstdio>

namespace mockd {

class Clock;

// One line per request on stderr: "<time> <method> <target> <status> <ms>ms". The target passes
// through Redaction; headers and bodies are never logged. Lines are buffered and written in batches
// (at most every 50 ms, and on flush()) so logging does not cost a system call per request.
class RequestLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLog)

public:
    explicit RequestLog(const Clock& clock, std::FILE* out = stderr, QObject* parent = nullptr);
    ~RequestLog() override;

    void record(QByteArrayView method, QStringView path, QStringView query, int status, qint64 elapsedUs);
    // A free-form line (already redacted by the caller or constant text).
    void note(const QString& line);
    void flush();
    void setEnabled(bool enabled) { m_enabled = enabled; }

private:
    void append(const QByteArray& line);
    // "2026-03-01T10:15:00.123Z", formatting the date part only once per second.
    QByteArray timestamp();

    const Clock& m_clock;
    std::FILE* m_out;
    QByteArray m_buffer;
    QTimer m_flushTimer;
    bool m_enabled = true;
    qint64 m_cachedSecond = -1;
    QByteArray m_cachedPrefix;
};

} // namespace mockd
