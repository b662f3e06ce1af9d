#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace vigil {

// One text message from the event stream, read but not acted on (EventStream decides). The text
// is untrusted: anything that is not a JSON object with a non-empty "type" is Garbage.
struct EventFrame
{
    enum class Kind
    {
        Garbage,
        Ready,          // authenticated; `seq` is the service's last sequence number
        Resync,         // the service cannot replay what was missed
        Error,          // `error` says why the service refuses the stream
        SessionRevoked, // this device was signed out
        Event           // anything else: an event for the rest of the app
    };

    Kind kind = Kind::Garbage;
    QString type;
    QJsonObject object;        // the whole message
    std::optional<qint64> seq; // when "seq" is a number
    QString error;             // Error: the service's code

    static EventFrame read(const QString& text);
};

} // namespace vigil
