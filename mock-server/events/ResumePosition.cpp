#include "events/ResumePosition.h"

#include <cmath>

namespace mockd::ResumePosition {

Reading fromHeader(const QByteArray& value, bool present)
{
    const QByteArray text = value.trimmed();
    if (!present || text.isEmpty())
        return {};
    qint64 seq = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return {std::nullopt, true};
        seq = seq * 10 + (c - '0');
        // Checked at every digit, so `seq` never exceeds 10 * maximum + 9, far below 2^63.
        if (seq > maximum)
            return {std::nullopt, true};
    }
    return {seq, false};
}

Reading fromJson(const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isDouble())
        return {std::nullopt, true};
    const double number = value.toDouble();
    if (!(number >= 0.0 && number <= double(maximum)) || std::floor(number) != number)
        return {std::nullopt, true};
    return {qint64(number), false};
}

} // namespace mockd::ResumePosition
