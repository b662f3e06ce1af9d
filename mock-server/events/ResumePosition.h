#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <optional>

namespace mockd::ResumePosition {

// The largest `resume_from` read: every whole number up to it is exact in a JSON number (a
// double), so nothing above it can be a seq the service handed out.
inline constexpr qint64 maximum = (qint64(1) << 53) - 1;

// Where a client resumes: nothing (start live), a seq, or a value that cannot be one.
struct Reading
{
    std::optional<qint64> seq;
    bool invalid = false;
};

// The X-Resume-From header (absent when empty). Digits only, read without overflow.
Reading fromHeader(const QByteArray& value, bool present);
// `resume_from` of the auth message (absent when undefined or null). A whole number from 0 to
// `maximum`; anything larger is refused before it is converted, since converting a double at or
// above 2^63 to qint64 is undefined behaviour.
Reading fromJson(const QJsonValue& value);

} // namespace mockd::ResumePosition
