#include "core/report/LogRecorder.h"

#include "core/api/Redaction.h"

#include <QMutex>
#include <QMutexLocker>
#include <deque>

namespace vigil {

namespace {

// The message handler is process-wide by nature, so its memory is too.
struct Recorded
{
    QMutex mutex;
    std::deque<QString> lines;
    qsizetype capacity = LogRecorder::defaultCapacity;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

Recorded& recorded()
{
    static Recorded instance;
    return instance;
}

void record(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    Recorded& r = recorded();
    const QString line = Redaction::text(qFormatLogMessage(type, context, message));
    QtMessageHandler previous = nullptr;
    {
        QMutexLocker lock(&r.mutex);
        r.lines.push_back(line);
        while (qsizetype(r.lines.size()) > r.capacity)
            r.lines.pop_front();
        previous = r.previous;
    }
    if (previous)
        previous(type, context, message);
}

} // namespace

void LogRecorder::install(qsizetype capacity)
{
    Recorded& r = recorded();
    QMutexLocker lock(&r.mutex);
    r.capacity = qMax<qsizetype>(1, capacity);
    if (r.installed)
        return;
    r.installed = true;
    r.previous = qInstallMessageHandler(record);
}

QStringList LogRecorder::lines()
{
    Recorded& r = recorded();
    QMutexLocker lock(&r.mutex);
    return QStringList(r.lines.begin(), r.lines.end());
}

void LogRecorder::clear()
{
    Recorded& r = recorded();
    QMutexLocker lock(&r.mutex);
    r.lines.clear();
}

} // namespace vigil
