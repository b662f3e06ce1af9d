#pragma once

#include "scenarios/Scenario.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace mockd {

// Reads scenario JSON by hand, mirroring schema.json check for check, and keeps the first problem
// with its JSON path. Every reader method is safe to call after a failure (it returns an empty value).
class ScenarioReader final
{
public:
    explicit ScenarioReader(QString source) : m_source(std::move(source)) {}

    QString string(const QJsonObject& object, const QString& path, const QString& key, bool required);
    bool boolean(const QJsonObject& object, const QString& path, const QString& key, bool fallback);
    std::optional<double> number(const QJsonObject& object, const QString& path, const QString& key);
    // A whole number in [min, max], or nothing when absent.
    std::optional<int> integer(const QJsonObject& object, const QString& path, const QString& key, int min, int max);
    QJsonArray array(const QJsonObject& object, const QString& path, const QString& key);
    QJsonObject object(const QJsonValue& value, const QString& path);
    // An optional nested object; empty when absent.
    QJsonObject child(const QJsonObject& object, const QString& path, const QString& key);
    // additionalProperties: false — a typo must not silently mean "use the default".
    void knownKeys(const QJsonObject& object, const QString& path, const QStringList& known);
    void oneOf(const QString& value, const QStringList& allowed, const QString& path);
    void time(const QString& value, const QString& path);

    void fail(const QString& path, const QString& message);
    bool ok() const { return !m_error.has_value(); }
    ScenarioError error() const { return m_error.value_or(ScenarioError{m_source, {}, {}}); }

    static QString join(const QString& path, const QString& key);

private:
    QString m_source;
    std::optional<ScenarioError> m_error;
};

} // namespace mockd
