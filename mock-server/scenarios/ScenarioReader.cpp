#include "scenarios/ScenarioReader.h"

#include "base/TimeFormat.h"

#include <cmath>

namespace mockd {

QString ScenarioError::text() const
{
    if (path.isEmpty())
        return source + QStringLiteral(": ") + message;
    return source + QStringLiteral(": ") + withoutSource();
}

QString ScenarioError::withoutSource() const
{
    return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

const ScenarioAccount* Scenario::account(const QString& email) const
{
    const QString wanted = email.trimmed().toLower();
    for (const ScenarioAccount& candidate : accounts) {
        if (candidate.account.email.trimmed().toLower() == wanted)
            return &candidate;
    }
    return nullptr;
}

QString ScenarioReader::join(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString ScenarioReader::string(const QJsonObject& object, const QString& path, const QString& key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(join(path, key), QStringLiteral("is required"));
        return {};
    }
    if (!value.isString()) {
        fail(join(path, key), QStringLiteral("must be a string"));
        return {};
    }
    return value.toString();
}

bool ScenarioReader::boolean(const QJsonObject& object, const QString& path, const QString& key, bool fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool())
        fail(join(path, key), QStringLiteral("must be true or false"));
    return value.toBool(fallback);
}

std::optional<double> ScenarioReader::number(const QJsonObject& object, const QString& path, const QString& key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble()) {
        fail(join(path, key), QStringLiteral("must be a number"));
        return std::nullopt;
    }
    return value.toDouble();
}

std::optional<int>
ScenarioReader::integer(const QJsonObject& object, const QString& path, const QString& key, int min, int max)
{
    const auto value = number(object, path, key);
    if (!value)
        return std::nullopt;
    if (*value < min || *value > max || std::floor(*value) != *value) {
        fail(join(path, key), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return int(*value);
}

QJsonArray ScenarioReader::array(const QJsonObject& object, const QString& path, const QString& key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        fail(join(path, key), QStringLiteral("must be an array"));
        return {};
    }
    return value.toArray();
}

QJsonObject ScenarioReader::object(const QJsonValue& value, const QString& path)
{
    if (!value.isObject()) {
        fail(path.isEmpty() ? QStringLiteral("$") : path, QStringLiteral("must be an object"));
        return {};
    }
    return value.toObject();
}

QJsonObject ScenarioReader::child(const QJsonObject& object, const QString& path, const QString& key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    return this->object(value, join(path, key));
}

void ScenarioReader::knownKeys(const QJsonObject& object, const QString& path, const QStringList& known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            fail(join(path, it.key()),
                 QStringLiteral("is not a known field (expected one of %1)").arg(known.join(QStringLiteral(", "))));
            return;
        }
    }
}

void ScenarioReader::oneOf(const QString& value, const QStringList& allowed, const QString& path)
{
    if (!allowed.contains(value))
        fail(path, QStringLiteral("'%1' is not one of %2").arg(value, allowed.join(QStringLiteral(", "))));
}

void ScenarioReader::time(const QString& value, const QString& path)
{
    if (!value.isEmpty() && !TimeFormat::parseRelativeOrAbsolute(value, 0))
        fail(path, QStringLiteral("'%1' is neither a relative time like -3d nor an RFC 3339 time").arg(value));
}

void ScenarioReader::fail(const QString& path, const QString& message)
{
    if (!m_error)
        m_error = ScenarioError{m_source, path, message};
}

} // namespace mockd
