#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace vigil {

// Strict readers for the service's JSON: a missing or wrongly typed field is an absent value, never
// a silent default, so parsers can say "incomplete data" instead of showing zeros.
class Json final
{
public:
    Json() = delete;

    static std::optional<QString> string(const QJsonObject& object, QLatin1String key);
    static std::optional<qint64> integer(const QJsonObject& object, QLatin1String key);
    static std::optional<bool> boolean(const QJsonObject& object, QLatin1String key);
    static std::optional<QJsonObject> object(const QJsonObject& object, QLatin1String key);
};

} // namespace vigil
