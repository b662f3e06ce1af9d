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

    Kind kind = Kind::Malformed;
    QString token;                    // Auth
    std::optional<qint64> resumeFrom; // Auth: the last seq the client saw, when it gave one
    bool resumeInvalid = false;       // Auth: resume_from cannot be a seq (ResumePosition's rules)
    // Auth: "scope":"session" asks for the session's own news only (no account events); absent or
    // "account": everything. Any other value is refused.
    bool sessionScope = false;
    bool scopeInvalid = false;

    static EventMessage read(const QString& text);
};

} // namespace mockd
