#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace vigil {

// One text message from the event stream, read but not acted on (EventStream decides). The text
// is untrusted: anything that is not a JSON object with a non-empty "type", or whose "seq" is a
// number beyond ±maxSeq, is Garbage.
struct EventFrame
{
    enum class Kind
    {
        Garbage,
        Ready,          // authenticated; `seq` is the service's last sequence number
        Resync,         // the service cannot replay what was missed
        Error,          // `error` says why the service refuses the stream
        SessionRevoked, // this device was signed out
        Batch,          // several events of one interval: `events`, applied in order
        Event           // anything else: an event for the rest of the app
    };

    // The largest seq read: every whole number up to it is exact in a JSON number (a double).
    static constexpr qint64 maxSeq = (qint64(1) << 53) - 1;

    Kind kind = Kind::Garbage;
    QString type;
    QJsonObject object;        // the whole message
    std::optional<qint64> seq; // when "seq" is a number
    QString error;             // Error: the service's code
    // Batch: its events, each read like a frame of its own; one that is not an Event is Garbage.
    QList<EventFrame> events;

    static EventFrame read(const QString& text);
    static EventFrame fromObject(const QJsonObject& object);
};

} // namespace vigil
