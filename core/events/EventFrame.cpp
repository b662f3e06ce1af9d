#include "EventFrame.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace vigil {

EventFrame EventFrame::read(const QString& text)
{
    EventFrame frame;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    frame.object = document.object();
    frame.type = frame.object.value(QLatin1String("type")).toString();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || frame.type.isEmpty())
        return frame;
    const QJsonValue seq = frame.object.value(QLatin1String("seq"));
    if (seq.isDouble()) {
        // No seq the service hands out is beyond what a JSON number holds exactly; a larger one is
        // garbage (and converting a double at or beyond 2^63 to qint64 is undefined behaviour).
        if (std::abs(seq.toDouble()) > double(maxSeq))
            return frame;
        frame.seq = qint64(seq.toDouble());
    }
    if (frame.type == QLatin1String("ready"))
        frame.kind = Kind::Ready;
    else if (frame.type == QLatin1String("resync"))
        frame.kind = Kind::Resync;
    else if (frame.type == QLatin1String("error"))
        frame.kind = Kind::Error;
    else if (frame.type == QLatin1String("session.revoked"))
        frame.kind = Kind::SessionRevoked;
    else
        frame.kind = Kind::Event;
    if (frame.kind == Kind::Error)
        frame.error = frame.object.value(QLatin1String("error")).toString();
    return frame;
}

} // namespace vigil
