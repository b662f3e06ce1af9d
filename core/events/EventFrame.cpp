#include "EventFrame.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

namespace vigil {

EventFrame EventFrame::read(const QString& text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return fromObject(document.object());
}

EventFrame EventFrame::fromObject(const QJsonObject& object)
{
    EventFrame frame;
    frame.object = object;
    frame.type = frame.object.value(QLatin1String("type")).toString();
    if (frame.type.isEmpty())
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
    else if (frame.type == QLatin1String("batch"))
        frame.kind = Kind::Batch;
    else
        frame.kind = Kind::Event;
    if (frame.kind == Kind::Error)
        frame.error = frame.object.value(QLatin1String("error")).toString();
    if (frame.kind == Kind::Batch) {
        const QJsonValue events = frame.object.value(QLatin1String("events"));
        if (!events.isArray()) {
            frame.kind = Kind::Garbage;
            return frame;
        }
        const QJsonArray array = events.toArray();
        frame.events.reserve(array.size());
        for (const QJsonValue& event : array) {
            EventFrame inner = fromObject(event.toObject());
            // A batch carries events only: no nested batch, no ready or revocation inside one.
            if (inner.kind != Kind::Event)
                inner.kind = Kind::Garbage;
            frame.events.append(std::move(inner));
        }
        // The batch's own object would keep every event alive twice; its events are what counts.
        frame.object = {};
    }
    return frame;
}

} // namespace vigil
