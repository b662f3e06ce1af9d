#include "base/TimeFormat.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace mockd::TimeFormat {

QString toRfc3339(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QString toRfc3339Ms(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

std::optional<qint64> parseRfc3339(const QString& text)
{
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    QString normalized = text;
    normalized.replace(10, 1, QLatin1Char('T'));
    if (normalized.endsWith(QLatin1Char('z')))
        normalized.back() = QLatin1Char('Z');
    const QDateTime parsed = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

std::optional<qint64> parseRelativeOrAbsolute(const QString& text, qint64 nowMs)
{
    static const QRegularExpression relative(QStringLiteral("^([+-])(\\d{1,9})([smhd])$"));
    const auto match = relative.match(text);
    if (!match.hasMatch())
        return parseRfc3339(text);
    const qint64 amount = match.captured(2).toLongLong();
    const QChar unit = match.captured(3).at(0);
    qint64 unitMs = 1000;
    if (unit == QLatin1Char('m'))
        unitMs = 60 * 1000;
    else if (unit == QLatin1Char('h'))
        unitMs = 3600 * 1000;
    else if (unit == QLatin1Char('d'))
        unitMs = 24 * 3600 * 1000;
    const qint64 delta = amount * unitMs;
    return match.captured(1) == QLatin1String("-") ? nowMs - delta : nowMs + delta;
}

} // namespace mockd::TimeFormat
