#include "log/RequestLog.h"

#include "base/Clock.h"
#include "base/TimeFormat.h"
#include "log/LogCategories.h"
#include "log/Redaction.h"

namespace mockd {

namespace {
constexpr int flushIntervalMs = 50;
constexpr qsizetype flushThreshold = 32 * 1024;
} // namespace

RequestLog::RequestLog(const Clock& clock, std::FILE* out, QObject* parent)
    : QObject(parent), m_clock(clock), m_out(out)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &RequestLog::flush);
}

RequestLog::~RequestLog()
{
    flush();
}

void RequestLog::record(QByteArrayView method, QStringView path, QStringView query, int status, qint64 elapsedUs)
{
    if (!m_enabled || !lcRequests().isInfoEnabled())
        return;
    QByteArray line;
    line.reserve(96 + path.size());
    line += timestamp();
    line += ' ';
    line += Redaction::escapeControl(QString::fromLatin1(method)).toLatin1();
    line += ' ';
    line += Redaction::redactTarget(path, query).toUtf8();
    line += ' ';
    line += QByteArray::number(status);
    line += ' ';
    // Milliseconds with one decimal, in integers (formatting a double showed up in profiles).
    const qint64 tenths = (qMax<qint64>(elapsedUs, 0) + 50) / 100;
    line += QByteArray::number(tenths / 10);
    line += '.';
    line += char('0' + tenths % 10);
    line += "ms\n";
    append(line);
}

void RequestLog::note(const QString& text)
{
    if (!m_enabled)
        return;
    append(timestamp() + ' ' + Redaction::redactText(text).toUtf8() + '\n');
}

QByteArray RequestLog::timestamp()
{
    const qint64 now = m_clock.nowMs();
    const qint64 second = now >= 0 ? now / 1000 : (now - 999) / 1000;
    if (second != m_cachedSecond) {
        m_cachedSecond = second;
        m_cachedPrefix = TimeFormat::toRfc3339(second * 1000).toLatin1();
        m_cachedPrefix.chop(1); // the "Z"
    }
    const int millis = int(now - second * 1000);
    QByteArray out = m_cachedPrefix;
    out += '.';
    out += char('0' + millis / 100);
    out += char('0' + millis / 10 % 10);
    out += char('0' + millis % 10);
    out += 'Z';
    return out;
}

void RequestLog::append(const QByteArray& line)
{
    m_buffer += line;
    if (m_buffer.size() >= flushThreshold)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RequestLog::flush()
{
    m_flushTimer.stop();
    if (m_buffer.isEmpty())
        return;
    std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), m_out);
    std::fflush(m_out);
    m_buffer.clear();
}

} // namespace mockd
