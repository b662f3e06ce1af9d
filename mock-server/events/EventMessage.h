#pragma once

#include <QString>
#include <optional>

namespace mockd {

// One text message a client sent on the event stream, read but not acted on (EventHub decides).
// The text is untrusted: anything that is not a JSON object with a non-empty "type" is Malformed.
struct EventMessage
{
    enum class Kind
    {
        Malformed,
        Auth, // {"type":"auth","token":"vat_…","resume_from"?:N}
        Ping, // {"type":"ping"}
        Other // well-formed, but not a message a client may send
    };

    // The largest resume_from read: every whole number up to it is exact in a JSON number.
    static constexpr qint64 maxResumeFrom = (qint64(1) << 53) - 1;

    Kind kind = Kind::Malformed;
    QString token;                    // Auth
    std::optional<qint64> resumeFrom; // Auth: the last seq the client saw, when it gave a usable one

    static EventMessage read(const QString& text);
};

} // namespace mockd
